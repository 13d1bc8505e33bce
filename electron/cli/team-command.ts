/**
 * `npm run team -- copy-to-team --team-db <url>`: puts this machine's library into a team library.
 * `npm run team -- copy-from-team --team-db <url> --to <folder>`: a library of one's own from a team's.
 * Exit codes: 0 copied, 2 bad arguments (a --to folder that holds a library), 3 a library or the
 * server cannot be opened.
 */
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { defaultDataDir } from '../config/data-dir';
import { StageRate } from '../jobs';
import { openLibraryStore, type LibraryStore } from '../store';
import { copyFromTeam, copyToTeam, TEAM_DB_ENV, TeamDatabase, withoutPassword, type CopyProgress } from '../team';
import { ProgressBar } from './progress-bar';
import { installLastResort } from '../engine/last-resort';

interface CopyOptions {
  teamDb?: string;
  dataDir?: string;
  to?: string;
  author?: string;
}

async function runCopyToTeam(options: CopyOptions): Promise<number> {
  const url = teamUrl(options);
  if (!url) return 2;
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : defaultDataDir();
  installLastResort({ name: 'swatchbook team copy-to-team', dataDir: () => dataDir });
  const opened = await openBoth(dataDir, url);
  if (!opened) return 3;
  const { store, db } = opened;
  const bar = progressBar('Copying to the team library');
  try {
    const report = await copyToTeam(store, db, options.author ?? os.userInfo().username, bar.update);
    bar.stop();
    console.log(
      `Copied the library in ${dataDir} to the team library at ${withoutPassword(url)}: ${report.images} images, ` +
        `${report.decisions} review decisions, ${report.sent} changes in all, of which the team library ` +
        `took ${report.taken} (${report.sent - report.taken} it had already).`,
    );
    console.log('Members see them when their app is next in touch with the server.');
    return 0;
  } catch (error) {
    bar.stop();
    console.error(`swatchbook: copying stopped: ${(error as Error).message}. Run the command again to go on.`);
    return 3;
  } finally {
    await store.close();
    await db.close();
  }
}

async function runCopyFromTeam(options: CopyOptions): Promise<number> {
  const url = teamUrl(options);
  if (!url || !options.to) return 2;
  const to = path.resolve(options.to);
  installLastResort({ name: 'swatchbook team copy-from-team', dataDir: () => to });
  if (existsSync(to) && readdirSync(to).length > 0) {
    console.error(`swatchbook: ${to} is not empty: give a new or empty folder for the copy`);
    return 2;
  }
  const opened = await openBoth(to, url);
  if (!opened) return 3;
  const { store, db } = opened;
  const bar = progressBar('Copying from the team library');
  try {
    const report = await copyFromTeam(db, store, bar.update);
    bar.stop();
    console.log(
      `Copied the team library at ${withoutPassword(url)} to ${to}: ${report.images} images, ` +
        `${report.decisions} review decisions, ${report.changes} changes in all.`,
    );
    console.log(
      `Open it with --data-dir ${to} (or SWATCHBOOK_DATA_DIR); it is a library of its own, not kept in step.`,
    );
    return 0;
  } catch (error) {
    bar.stop();
    console.error(`swatchbook: copying stopped: ${(error as Error).message}. Run the command again to go on.`);
    return 3;
  } finally {
    await store.close();
    await db.close();
  }
}

function teamUrl(options: CopyOptions): string | null {
  const url = options.teamDb ?? process.env[TEAM_DB_ENV];
  if (!url) console.error(`swatchbook: say which team library: --team-db <postgres url> or ${TEAM_DB_ENV}`);
  return url ?? null;
}

async function openBoth(dataDir: string, url: string): Promise<{ store: LibraryStore; db: TeamDatabase } | null> {
  let db: TeamDatabase;
  try {
    db = await TeamDatabase.open(url);
  } catch (error) {
    console.error(`swatchbook: ${(error as Error).message}`);
    return null;
  }
  try {
    return { store: await openLibraryStore(dataDir), db };
  } catch (error) {
    await db.close();
    console.error(`swatchbook: cannot open the library in ${dataDir}: ${(error as Error).message}`);
    return null;
  }
}

function progressBar(label: string): { update(progress: CopyProgress): void; stop(): void } {
  const bar = new ProgressBar(label, 'changes');
  const meter = new StageRate();
  return {
    update(progress) {
      const { rate, etaSeconds } = meter.measure({ stage: 'copying', unit: 'changes', ...progress });
      bar.update({ ...progress, failed: 0, rate, etaSeconds, currentFile: null });
    },
    stop: () => bar.stop(),
  };
}

const teamDb = [
  '--team-db <url>',
  `the team library (default: ${TEAM_DB_ENV}); its password from ~/.pgpass or PGPASSWORD`,
] as const;

const program = new Command().name('swatchbook-team').description('Copy libraries into and out of a team library.');
program
  .command('copy-to-team')
  .description("copy this machine's library into a team library (again later: only what is new is added)")
  .option(...teamDb)
  .option('--data-dir <dir>', 'library data folder (default: SWATCHBOOK_DATA_DIR or the app data folder)')
  .option('--author <name>', "the name the team's log gives these changes (default: your user name)")
  .action(async (options: CopyOptions) => {
    process.exitCode = await runCopyToTeam(options);
  });
program
  .command('copy-from-team')
  .description('copy a team library into a new library of its own, e.g. to take offline')
  .option(...teamDb)
  .requiredOption('--to <dir>', 'a new or empty folder for the copy')
  .action(async (options: CopyOptions) => {
    process.exitCode = await runCopyFromTeam(options);
  });

await program.parseAsync(process.argv);
