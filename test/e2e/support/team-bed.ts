import { test } from '@playwright/test';
import fs from 'node:fs/promises';
import { startPostgres, type TestPostgres } from '../../support/postgres';
import { makeTempDir } from './server';

/** Whatever the machine running the tests has set, these servers choose their library from their flags and Settings. */
export const NO_TEAM_ENV = { SWATCHBOOK_TEAM_DB: '' };

/** A PostgreSQL server for the spec file, and temp folders removed when it ends. */
export function teamBed() {
  let postgres: TestPostgres;
  const dirs: string[] = [];
  test.beforeAll(async () => {
    postgres = await startPostgres();
  });
  test.afterAll(async () => {
    postgres?.stop();
    await Promise.all(dirs.map((dir) => fs.rm(dir, { recursive: true, force: true })));
  });
  return {
    get postgres(): TestPostgres {
      return postgres;
    },
    async tempDir(prefix: string): Promise<string> {
      const dir = await makeTempDir(prefix);
      dirs.push(dir);
      return dir;
    },
  };
}
