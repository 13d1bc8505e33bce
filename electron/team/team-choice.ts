import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InvalidRequestError, UpstreamError } from '../../shared/errors';
import { TeamDatabase, withoutPassword } from './team-database';

/** Where the team library this run opens was chosen: a command-line flag, the environment, or Settings. */
export type TeamChoiceSource = 'flag' | 'env' | 'settings';

export interface TeamChoice {
  url: string;
  source: TeamChoiceSource;
}

const SETTING_FILE = 'team-library.json';
export const TEAM_DB_ENV = 'SWATCHBOOK_TEAM_DB';

/** The URL given to this run, else the environment's, else the one saved in Settings; null: the local library. */
export function teamChoice(dataDir: string, flag?: string, env: NodeJS.ProcessEnv = process.env): TeamChoice | null {
  if (flag) return { url: flag, source: 'flag' };
  if (env[TEAM_DB_ENV]) return { url: env[TEAM_DB_ENV], source: 'env' };
  const saved = savedTeamLibrary(dataDir);
  return saved ? { url: saved, source: 'settings' } : null;
}

/** The team library Settings opens at start (never with a password), or null. */
export function savedTeamLibrary(dataDir: string): string | null {
  const file = path.join(dataDir, SETTING_FILE);
  if (!existsSync(file)) return null;
  try {
    const { url } = JSON.parse(readFileSync(file, 'utf8')) as { url?: unknown };
    return typeof url === 'string' && url.length > 0 ? url : null;
  } catch {
    return null;
  }
}

/** A URL that cannot be saved as given: said so a person can fix it. */
export class TeamSettingError extends InvalidRequestError {}

/**
 * Saves the team library to open at the next start (null: the local library), once a connection to
 * it has worked. A password is never saved (Settings are a plain file): the server takes it from
 * ~/.pgpass or PGPASSWORD, as every PostgreSQL client does.
 */
export async function saveTeamLibrary(dataDir: string, url: string | null): Promise<void> {
  const file = path.join(dataDir, SETTING_FILE);
  if (url !== null) {
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new TeamSettingError('not a PostgreSQL URL: postgres://user@host:5432/database');
    if (withoutPassword(url) !== url)
      throw new TeamSettingError(
        'A password is not saved in Settings: leave it out of the URL and put it in ~/.pgpass (or PGPASSWORD), ' +
          'where PostgreSQL looks for it.',
      );
    const db = await TeamDatabase.open(url).catch((error: unknown) => {
      throw new UpstreamError(`Not saved: ${(error as Error).message}`);
    });
    await db.close();
  }
  writeFileSync(`${file}.tmp`, `${JSON.stringify({ url }, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}
