import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { defaultDataDir } from '../config/data-dir';
import { Engine, teamChoice } from '../engine';
import { installLastResort } from '../engine/last-resort';
import { LibraryFolderError } from '../library';
import { ApiHost } from '../api';
import { startServer, type SwatchbookServer } from '../server';
import { StorageUnavailableError } from '../../shared/errors';
import { STORAGE_UNAVAILABLE_EXIT_CODE } from './exit-codes';
import { storeProgressBars } from './store-progress';
import { teamDbOption, teamOpenedLine } from './team-option';
import { batchTiming } from './batch-run';

export interface ServeOptions {
  port?: number;
  library?: string;
  dataDir?: string;
  host?: string;
  teamDb?: string;
}

/** The renderer that `npm run build` writes (electron-vite's out/renderer). */
export const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Browser mode: the library behind the HTTP server until SIGINT/SIGTERM. Stdout carries exactly
 * one line, the URL (scripts and tests read it); everything else goes to stderr.
 * Exit codes: 0 clean shutdown, 2 bad library folder, 3 store unusable, 4 cannot listen, 5 the library
 * could not be written at shutdown (see exit-codes.ts).
 */
export async function runServe(options: ServeOptions): Promise<number> {
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : defaultDataDir();
  installLastResort({ name: 'swatchbook serve', dataDir: () => dataDir });
  let engine: Engine;
  const opening = storeProgressBars();
  try {
    engine = await Engine.open({
      dataDir,
      watch: true,
      analyse: true,
      analysisTiming: batchTiming(process.env),
      onStoreProgress: opening.update,
      teamDb: teamChoice(dataDir, options.teamDb) ?? undefined,
    });
  } catch (error) {
    opening.stop();
    console.error(`swatchbook: cannot open the library store in ${dataDir}: ${(error as Error).message}`);
    return 3;
  }
  opening.stop();
  const opened = teamOpenedLine(engine);
  if (opened) console.error(opened);
  const host = new ApiHost(engine);
  let server: SwatchbookServer;
  try {
    // Relative to where the command was typed; the API itself takes full paths only.
    if (options.library) await engine.library.addFolder(path.resolve(options.library));
    server = await startServer({ host, rendererDir: RENDERER_DIR, port: options.port, bindHost: options.host });
  } catch (error) {
    await host.close().catch(() => undefined);
    console.error(`swatchbook: ${(error as Error).message}`);
    return error instanceof LibraryFolderError ? 2 : 4;
  }
  if (options.host && !LOOPBACK.has(options.host)) {
    console.error(
      `swatchbook: WARNING: listening on ${options.host}: anyone who can reach this address and learns the URL can read your library.`,
    );
  }
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    console.error(
      'swatchbook: the app is not built (out/renderer is missing): run `npm run build`; the API works meanwhile.',
    );
  }
  console.log(`Swatchbook is running at ${server.url}`);
  console.error(`Open ${server.url} in your browser; press Ctrl-C to stop.`);
  await nextSignal();
  console.error('swatchbook: shutting down…');
  process.once('SIGINT', () => process.exit(130)); // a second Ctrl-C does not wait for the flush
  await server.close();
  try {
    await host.close();
  } catch (error) {
    // Said once, without a stack: what the library accepted before the fault is in its journal.
    if (!(error instanceof StorageUnavailableError)) throw error;
    console.error(`swatchbook: the last changes could not be written: ${error.problem}`);
    return STORAGE_UNAVAILABLE_EXIT_CODE;
  }
  return 0;
}

function nextSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return port;
}

export function serveCommand(): Command {
  return new Command()
    .name('swatchbook-serve')
    .description('Serve the Swatchbook app to a web browser on this computer (browser mode).')
    .option('--port <n>', 'port to listen on (0 or omitted: any free port)', parsePort)
    .option('--library <folder>', 'add this folder to the library before serving')
    .option('--data-dir <dir>', 'library data folder (default: SWATCHBOOK_DATA_DIR or the app data folder)')
    .option('--host <address>', 'listen on another address than 127.0.0.1 (exposes the library to the network)')
    .addOption(teamDbOption())
    .action(async (options: ServeOptions) => {
      // Exit explicitly: a watcher handle left by a dependency must not keep a stopped server alive.
      process.exit(await runServe(options));
    });
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  await serveCommand().parseAsync(process.argv);
}
