import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TeamRole } from '../../shared/model/team';
import { makePrivateFolder } from '../config/private-folder';
import { TeamDatabase, TeamDatabaseUnreachableError, withoutPassword } from './team-database';

/** Where this machine keeps its copy of a team library, and the connection if the server answered. */
export interface TeamCopy {
  /** The local copy's data folder: its store, thumbnail cache, outbox. Under the data folder, by team id. */
  dir: string;
  teamId: string;
  server: string;
  /** null when the server could not be reached: the copy opens offline (see `unreachable`). */
  db: TeamDatabase | null;
  unreachable: string | null;
  /** This person's role: as the server says, or (offline) as it said last. */
  role: TeamRole;
}

/** Per server (password left out), the team id it held when this machine last reached it. */
const KNOWN_TEAMS = 'known-teams.json';

/**
 * Connects to the team library at `url` and finds this machine's copy of it under `dataDir/teams`.
 * When the server cannot be reached, the copy made last time opens offline; a team this machine
 * has never reached has no copy, and that is said.
 */
export async function openTeamCopy(dataDir: string, url: string): Promise<TeamCopy> {
  const teams = path.join(dataDir, 'teams');
  await makePrivateFolder(teams);
  const server = withoutPassword(url);
  const knownFile = path.join(teams, KNOWN_TEAMS);
  const known = readKnown(knownFile);
  try {
    const db = await TeamDatabase.open(url);
    if (known[server] !== db.teamId) writeKnown(knownFile, { ...known, [server]: db.teamId });
    const dir = await copyDir(teams, db.teamId);
    rememberRole(dir, db.role);
    return { dir, teamId: db.teamId, server, db, unreachable: null, role: db.role };
  } catch (error) {
    const teamId = known[server];
    if (!(error instanceof TeamDatabaseUnreachableError) || !teamId) throw error;
    const dir = await copyDir(teams, teamId);
    return { dir, teamId, server, db: null, unreachable: error.message, role: rememberedRole(dir) };
  }
}

async function copyDir(teams: string, teamId: string): Promise<string> {
  const dir = path.join(teams, teamId);
  await makePrivateFolder(dir);
  return dir;
}

function readKnown(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch {
    // Damaged: only lets this machine open its copy offline; the next connection writes it anew.
    return {};
  }
}

function writeKnown(file: string, known: Record<string, string>): void {
  writeFileSync(`${file}.tmp`, `${JSON.stringify(known, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

const ROLE_FILE = 'team-role';

/** Kept with the copy, so that offline the app allows what the server would (and no more). */
export function rememberRole(dir: string, role: TeamRole): void {
  writeFileSync(path.join(dir, ROLE_FILE), `${role}\n`);
}

/** The role the server last gave; the narrowest when it is not known. */
function rememberedRole(dir: string): TeamRole {
  const file = path.join(dir, ROLE_FILE);
  const parsed = TeamRole.safeParse(existsSync(file) ? readFileSync(file, 'utf8').trim() : null);
  return parsed.success ? parsed.data : 'member';
}
