import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronEvent } from './events';
import { openWindows } from './window-list';

type PathName = Parameters<Electron.App['getPath']>[0];

/** The per-user folder Electron derives userData from, on this platform. */
function appDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  if (process.platform === 'win32') return process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  return process.env.XDG_CONFIG_HOME ?? path.join(home, '.config');
}

/** A promise with its resolve function, for events that happen later. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** What the double knows that Electron's `app` does not expose. */
const state = {
  ready: false,
  readyWaiter: deferred<void>(),
  lockHeldElsewhere: false,
  lockHeld: false,
  quitting: false,
  exitCode: null as number | null,
  ended: deferred<number>(),
};

/**
 * Electron's `app`: lifecycle, paths and the single-instance lock, with the documented rules
 * (setPath wants an existing absolute folder; quit asks before-quit, closes windows, then will-quit).
 */
class App extends EventEmitter {
  readonly isPackaged = false;
  private name = 'swatchbook';
  private readonly overrides = new Map<PathName, string>();

  whenReady(): Promise<void> {
    return state.readyWaiter.promise;
  }

  isReady(): boolean {
    return state.ready;
  }

  getName(): string {
    return this.name;
  }

  setName(name: string): void {
    this.name = name;
  }

  getPath(name: PathName): string {
    const found = this.overrides.get(name) ?? this.defaultPath(name);
    if (found === undefined) throw new Error(`Failed to get '${name}' path`);
    return found;
  }

  setPath(name: PathName, value: string): void {
    if (!path.isAbsolute(value)) throw new Error('Path must be absolute');
    // Electron's docs: "If the path specifies a directory that does not exist, an Error is thrown."
    if (!fs.existsSync(value)) throw new Error('Failed to set path');
    this.overrides.set(name, value);
  }

  requestSingleInstanceLock(): boolean {
    state.lockHeld = !state.lockHeldElsewhere;
    return state.lockHeld;
  }

  hasSingleInstanceLock(): boolean {
    return state.lockHeld;
  }

  releaseSingleInstanceLock(): void {
    state.lockHeld = false;
  }

  /** before-quit (preventable), then every window is closed (each may refuse), then will-quit and quit. */
  quit(): void {
    if (state.quitting || state.exitCode !== null) return;
    const beforeQuit = electronEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    state.quitting = true;
    for (const window of [...openWindows]) {
      window.close();
      if (!window.isDestroyed()) {
        state.quitting = false;
        return;
      }
    }
    if (openWindows.length === 0) finishQuit();
  }

  /** Closes windows without asking and ends at once: no before-quit, no will-quit. */
  exit(exitCode = 0): void {
    if (state.exitCode !== null) return;
    state.exitCode = exitCode;
    for (const window of [...openWindows]) window.close();
    state.ended.resolve(exitCode);
  }

  private defaultPath(name: PathName): string | undefined {
    switch (name) {
      case 'home':
        return os.homedir();
      case 'appData':
        return appDataDir();
      case 'userData':
        return path.join(this.getPath('appData'), this.name);
      case 'sessionData':
        return this.getPath('userData');
      case 'logs':
        return path.join(this.getPath('userData'), 'logs');
      case 'temp':
        return os.tmpdir();
      case 'exe':
        return process.execPath;
      default:
        // Names the double does not model fail as an unknown name does.
        return undefined;
    }
  }
}

export const app = new App();

function finishQuit(): void {
  const willQuit = electronEvent();
  app.emit('will-quit', willQuit);
  if (willQuit.defaultPrevented) {
    state.quitting = false;
    return;
  }
  state.exitCode = 0;
  app.emit('quit', electronEvent(), 0);
  state.ended.resolve(0);
}

/** Called by a window once it is gone: while quitting the quit goes on, else window-all-closed. */
export function windowGone(): void {
  if (openWindows.length > 0 || state.exitCode !== null) return;
  if (state.quitting) return finishQuit();
  // With no listener Electron's default is to quit; with one, the app decides.
  if (app.listenerCount('window-all-closed') === 0) app.quit();
  else app.emit('window-all-closed', electronEvent());
}

/** The operating system's side: starting up, another launch of the app, the end. */
export const appDouble = {
  /** Electron finished launching: `ready` is emitted and whenReady() resolves. */
  becomeReady(): void {
    state.ready = true;
    app.emit('ready', electronEvent(), {});
    state.readyWaiter.resolve();
  },
  /** Another instance already holds the single-instance lock, so this one is the second. */
  anotherInstanceIsRunning(): void {
    state.lockHeldElsewhere = true;
  },
  /** The user launches the app again: the instance holding the lock hears about it. */
  launchAgain(argv: string[] = [], workingDirectory = process.cwd()): void {
    if (!state.lockHeld) throw new Error('only the instance holding the lock hears of a second launch');
    app.emit('second-instance', electronEvent(), argv, workingDirectory, {});
  },
  /** Resolves with the exit code once the app has quit or exited. */
  ended: state.ended.promise,
  exitCode: () => state.exitCode,
};
