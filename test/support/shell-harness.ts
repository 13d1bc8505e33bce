import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import { BRIDGE_CHANNELS, type BridgeCallResult } from '../../shared/api/bridge';
import { waitFor } from './temp-dirs';

type ElectronDouble = typeof import('./electron-double');
type EngineModule = typeof import('../../electron/engine');
type OpenEngine = EngineModule['Engine']['open'];
type BrowserWindow = InstanceType<ElectronDouble['BrowserWindow']>;

export const APP_URL = 'swatchbook://app/index.html';
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ENGINE_MODULE = path.join(ROOT, 'electron', 'engine', 'index.ts');

/** Who calls over IPC: a page at `url` (top level, or a subframe of the app's page), or a frame that is gone. */
export type Caller = { url: string; subframe?: boolean } | null;

export interface ShellOptions {
  /** ELECTRON_RENDERER_URL, as `electron-vite dev` sets it; unset means the packaged app. */
  devServerUrl?: string;
  /** Sets up the machine before the shell starts (keychain, another instance running, dialog answers). */
  before?(electron: ElectronDouble): void;
  /** Starts electron/main/index.ts itself, with the paths it works out, instead of startShell with test ones. */
  realEntry?: boolean;
  /**
   * Stands in for Engine.open (given the shell's options and the real open), to hold opening or report
   * progress. Without it the harness returns once the library is open, as most tests expect.
   */
  openEngine?(options: Parameters<OpenEngine>[0], open: OpenEngine): ReturnType<OpenEngine>;
}

export interface TestShell {
  /** The fresh electron double this shell runs against. */
  electron: ElectronDouble;
  double: ElectronDouble['double'];
  tmp: string;
  dataDir: string;
  rendererDir: string;
  preloadPath: string;
  /** The main window, or null if the shell opened none. */
  window: BrowserWindow | null;
  invoke(caller: Caller, channel: string, ...args: unknown[]): Promise<unknown>;
  /** An API call from the app's page (or from `caller`), as the preload makes it. */
  call(method: string, input: unknown, caller?: Caller): Promise<BridgeCallResult>;
  /** Waits until the library lists `count` assets, asking over IPC as the page does; returns them. */
  waitForAssets(count: number): Promise<{ hash: string; path: string }[]>;
  quit(): Promise<void>;
}

/** A built renderer with one asset, and a secret beside it that a link inside points to. */
async function writeRenderer(tmp: string): Promise<string> {
  const dir = path.join(tmp, 'renderer');
  await fs.mkdir(path.join(dir, 'assets'), { recursive: true });
  await fs.writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Swatchbook</title>');
  await fs.writeFile(path.join(dir, 'assets', 'app-1234.js'), 'console.log("app")');
  await fs.writeFile(path.join(tmp, 'secret.txt'), 'SECRET');
  await fs.symlink(path.join(tmp, 'secret.txt'), path.join(dir, 'leak.txt'));
  return dir;
}

/**
 * Runs the real shell in Node against a fresh electron double and a fresh module graph: Electron
 * becomes ready, the shell registers everything and opens its window, with a data folder of its own
 * that does not exist yet (as on a first launch).
 */
export async function startTestShell(options: ShellOptions = {}): Promise<TestShell> {
  const tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'swatchbook-shell-')));
  const dataDir = path.join(tmp, 'data');
  const rendererDir = await writeRenderer(tmp);
  const preloadPath = path.join(ROOT, 'electron', 'preload', 'index.ts');
  vi.resetModules();
  vi.doUnmock(ENGINE_MODULE);
  const { openEngine } = options;
  if (openEngine) {
    vi.doMock(ENGINE_MODULE, async (importOriginal) => {
      const real = await importOriginal<EngineModule>();
      const open: OpenEngine = (engineOptions) => real.Engine.open(engineOptions);
      return {
        ...real,
        Engine: { open: (engineOptions: Parameters<OpenEngine>[0]) => openEngine(engineOptions, open) },
      };
    });
  }
  vi.stubEnv('SWATCHBOOK_DATA_DIR', dataDir);
  vi.stubEnv('ELECTRON_RENDERER_URL', options.devServerUrl);
  const electron: ElectronDouble = await import('./electron-double');
  options.before?.(electron);
  if (options.realEntry) {
    await import('../../electron/main/index');
    electron.double.app.becomeReady();
    await waitFor(() => electron.BrowserWindow.getAllWindows().length > 0 || electron.double.app.exitCode() !== null);
  } else {
    const { startShell } = await import('../../electron/main/shell');
    const started = startShell({ rendererDir, preloadPath });
    electron.double.app.becomeReady();
    await started;
  }
  const window = electron.BrowserWindow.getAllWindows()[0] ?? null;

  const invoke = (caller: Caller, channel: string, ...args: unknown[]) => {
    if (!window) throw new Error('the shell opened no window');
    const contents = window.webContents;
    const parent = caller?.subframe ? contents.mainFrame : null;
    const frame = caller && electron.double.windows.frame(contents, caller.url, parent);
    return electron.double.ipc.invoke({ contents, frame }, channel, ...args);
  };
  const call = (method: string, input: unknown, caller: Caller = { url: APP_URL }) =>
    invoke(caller, BRIDGE_CHANNELS.call, method, input) as Promise<BridgeCallResult>;
  // The window opens before the library does; a call waits until it is open (or failed to open).
  if (window && !openEngine) await call('libraryStatus', {});
  return {
    electron,
    double: electron.double,
    tmp,
    dataDir,
    rendererDir,
    preloadPath,
    window,
    invoke,
    call,
    async waitForAssets(count) {
      const listed = await waitFor(
        async () => {
          const result = await call('search', { limit: 100 });
          if (!result.ok) throw new Error(result.error);
          const { items } = result.value as { items: { hash: string; path: string }[] };
          return items.length === count && items;
        },
        30_000,
        `${count} assets`,
      );
      return listed || [];
    },
    async quit() {
      electron.app.quit();
      await electron.double.app.ended;
      vi.unstubAllEnvs();
      await fs.rm(tmp, { recursive: true, force: true });
    },
  };
}
