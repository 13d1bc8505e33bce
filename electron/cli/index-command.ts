import fs from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from 'commander';
import { defaultDataDir } from '../config/data-dir';
import { Engine, teamChoice } from '../engine';
import { roleAllows } from '../../shared/model/team';
import { StorageUnavailableError } from '../../shared/errors';
import type { IngestProgress } from '../../shared/model';
import { installLastResort } from '../engine/last-resort';
import { LibraryFolderError } from '../library';
import type { LibraryStore } from '../store';
import { indexedFiles, summaryText } from './index-report';
import { BATCH_NOT_DONE_EXIT_CODE, STORAGE_UNAVAILABLE_EXIT_CODE } from './exit-codes';
import { ProgressBar } from './progress-bar';
import { analyseRemotely } from './remote-analysis';
import { batchTiming } from './batch-run';
import { storeProgressBars } from './store-progress';
import { teamDbOption, teamOpenedLine, teamUnsentLine } from './team-option';

interface IndexOptions {
  json?: string;
  dataDir?: string;
  concurrency?: string;
  analyzer: 'local' | 'bedrock';
  teamDb?: string;
  batch?: string;
  batchRole?: string;
  wait: boolean;
}

/**
 * Exit codes: 0 the run completed (even with failed files), 2 bad folder, 3 store unusable, 5 the library
 * cannot be written now (a full disk, its folder gone or read-only): what was recorded is kept, and the
 * files still queued are read by the next run once it can be written.
 */
async function runIndex(folder: string, options: IndexOptions): Promise<number> {
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : defaultDataDir();
  if (options.batch && options.analyzer !== 'bedrock') {
    console.error('swatchbook: --batch sends the images to Amazon Bedrock: add --analyzer bedrock');
    return 2;
  }
  installLastResort({ name: 'swatchbook index', dataDir: () => dataDir });
  const root = path.resolve(folder);
  let engine: Engine;
  const opening = storeProgressBars();
  try {
    engine = await Engine.open({
      dataDir,
      concurrency: options.concurrency ? Number(options.concurrency) : undefined,
      onStoreProgress: opening.update,
      teamDb: teamChoice(dataDir, options.teamDb) ?? undefined,
      analysisTiming: batchTiming(process.env),
    });
  } catch (error) {
    opening.stop();
    console.error(`swatchbook: cannot open the library store in ${dataDir}: ${(error as Error).message}`);
    return 3;
  }
  opening.stop();
  const opened = teamOpenedLine(engine);
  if (opened) console.error(opened);
  const refused = teamRefusal(engine, root);
  if (refused) {
    console.error(`swatchbook: ${refused}`);
    await engine.close();
    return 2;
  }
  const { library, store } = engine;
  const bar = new ProgressBar();
  library.on('progress', (progress) => bar.update(progress));
  const elsewhere = new Map<string, number>();
  library.on('change', (change) => {
    if (change.kind === 'ingested' && change.outcome.kind === 'elsewhere')
      elsewhere.set(change.outcome.by, (elsewhere.get(change.outcome.by) ?? 0) + 1);
  });
  let outside: number;
  try {
    ({ outside } = await library.addFolder(root));
    await library.idle();
    if (!store.storage.status.writable)
      throw new StorageUnavailableError(store.storage.status.message!, store.storage.status.problem!);
    await store.flush();
  } catch (error) {
    bar.stop();
    await engine.close().catch(() => undefined);
    return failedRun(error, library.progress());
  }
  bar.update(library.progress());
  bar.stop();
  const errors = [...store.listErrors(), ...library.queue.environmentFailures()].filter(
    (e) => e.path === root || e.path.startsWith(root + path.sep),
  );
  const batch = options.batch ? { s3Uri: options.batch, roleArn: options.batchRole, wait: options.wait } : undefined;
  const remote =
    options.analyzer === 'bedrock'
      ? await analyseRemotely(engine, ingestedAssets(store, root), process.env, batch)
      : null;
  const entries = indexedFiles(store, root);
  console.log(summaryText(entries, errors));
  if (outside) console.log(`${outside} link(s) skipped: they lead outside the library folder`);
  if (remote) console.log(remote.lines.join('\n'));
  for (const [by, count] of elsewhere)
    console.log(`${count} file(s) left to ${by}'s machine, which is reading them for the team`);
  await engine.close();
  const unsent = teamUnsentLine(engine);
  if (unsent) console.error(unsent);
  if (options.json) await fs.writeFile(options.json, JSON.stringify(entries, null, 2) + '\n');
  return remote && !remote.ok ? BATCH_NOT_DONE_EXIT_CODE : 0;
}

/** One line for the user, and the exit code that tells a script what kind of failure it was. */
function failedRun(error: unknown, progress: IngestProgress): number {
  if (error instanceof LibraryFolderError) {
    console.error(`swatchbook: ${error.message}`);
    return 2;
  }
  if (error instanceof StorageUnavailableError) {
    const waiting = progress.total - progress.done - progress.failed;
    const rest = waiting > 0 ? ` ${waiting} file(s) wait; run this again to read them.` : '';
    console.error(`swatchbook: stopped: ${error.problem}${rest}`);
    return STORAGE_UNAVAILABLE_EXIT_CODE;
  }
  console.error(`swatchbook: store unwritable: ${(error as Error).message}`);
  return 3;
}

/** A team library's folders are added by its admins, and read for the team by reviewers' machines. */
function teamRefusal(engine: Engine, root: string): string | null {
  const role = engine.teamRole();
  if (!role) return null;
  const registered = engine.store.listFolders().some((folder) => folder.path === root);
  const needed = registered ? 'reviewer' : 'admin';
  if (roleAllows(role, needed)) return null;
  return registered
    ? `your role in the team library is ${role} (browse and search): reviewers' and admins' machines read its folders`
    : `adding a folder to the team library needs the admin role; yours is ${role}`;
}

function ingestedAssets(store: LibraryStore, root: string) {
  const hashes = new Set(store.listFiles(root).flatMap((f) => (f.hash ? [f.hash] : [])));
  return [...hashes].map((h) => store.getAsset(h)).filter((a) => a !== undefined);
}

const program = new Command()
  .name('swatchbook-index')
  .description('Ingest a folder into the Swatchbook library headlessly and print a summary.')
  .argument('<folder>', 'folder of images to add to the library and ingest')
  .option('--json <file>', 'write one JSON entry per file found to <file>')
  .option('--data-dir <dir>', 'library data folder (default: SWATCHBOOK_DATA_DIR or the app data folder)')
  .option('--concurrency <n>', 'files processed at once (default: number of cores + 1)')
  .addOption(teamDbOption())
  .addOption(
    new Option(
      '--analyzer <name>',
      'local: the built-in analyzer only; bedrock: also ask the model (reads the AWS_* environment)',
    )
      .choices(['local', 'bedrock'])
      .default('local'),
  )
  .option(
    '--batch <s3-uri>',
    'with --analyzer bedrock: send a run over the batch threshold as a Bedrock batch job here',
  )
  .option('--batch-role <arn>', 'the IAM role Bedrock assumes for the batch job (default: the one in Settings)')
  .option('--no-wait', 'submit the batch job and return; the app or the next run reads its answers back')
  .action(async (folder: string, options: IndexOptions) => {
    process.exitCode = await runIndex(folder, options);
  });

await program.parseAsync(process.argv);
