import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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
    return { dir: await copyDir(teams, db.teamId), teamId: db.teamId, server, db, unreachable: null };
  } catch (error) {
    const teamId = known[server];
    if (!(error instanceof TeamDatabaseUnreachableError) || !teamId) throw error;
    return { dir: await copyDir(teams, teamId), teamId, server, db: null, unreachable: error.message };
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
