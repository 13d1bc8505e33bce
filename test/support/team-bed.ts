import { afterAll, beforeAll } from 'vitest';
import { Engine } from '../../electron/engine';
import { startPostgres, type TestPostgres } from './postgres';
import { tempDirs } from './temp-dirs';

export interface MemberOptions {
  /** The member's data folder (a restart passes the same one); a new one by default. */
  dataDir?: string;
  watch?: boolean;
}

/**
 * What a test file of the team library needs: a PostgreSQL server for the file, temp folders, and
 * members (engines on a team database) that are closed when the file ends.
 */
export function teamTestBed() {
  let server: TestPostgres;
  const dirs = tempDirs();
  const engines: Engine[] = [];
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await Promise.all(engines.splice(0).map((engine) => engine.close().catch(() => undefined)));
    server?.stop();
    await dirs.cleanup();
  });
  const track = (engine: Engine) => (engines.push(engine), engine);
  return {
    get server(): TestPostgres {
      return server;
    },
    dirs,
    /** An engine closed with the file (for one that is not a team member). */
    track,
    /** A member of the team library at `url`, its changes made as `author`. */
    async member(url: string, author: string, options: MemberOptions = {}): Promise<Engine> {
      return track(
        await Engine.open({
          dataDir: options.dataDir ?? (await dirs.make(`team-${author}-`)),
          teamDb: { url, source: 'flag' },
          teamAuthor: author,
          watch: options.watch,
        }),
      );
    },
    /** Closes a member now (a quit before a restart with the same data folder). */
    async closeMember(engine: Engine): Promise<void> {
      engines.splice(engines.indexOf(engine), 1);
      await engine.close();
    },
  };
}
