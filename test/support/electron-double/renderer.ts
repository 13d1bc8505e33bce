import { EventEmitter } from 'node:events';
import { invokeFrom, type IpcSender } from './ipc-main';
import type { WebContents } from './windows';
import { openWindows, webPreferencesOf } from './window-list';

/** The preload runs in a window's main frame: the newest window's, unless a test picks another. */
let pinnedPage: IpcSender | null = null;

function pageSender(): IpcSender {
  if (pinnedPage) return pinnedPage;
  const newest = openWindows.at(-1);
  if (!newest) throw new Error('no window: a preload runs in a page');
  return { contents: newest.webContents, frame: newest.webContents.mainFrame };
}

class IpcRenderer extends EventEmitter {
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    return invokeFrom(pageSender(), channel, ...args);
  }
}

export const ipcRenderer = new IpcRenderer();

/** webContents.send reaches the page whose preload is listening. */
export function deliverToPage(contents: WebContents, channel: string, args: unknown[]): void {
  if (pageSender().contents !== contents) return;
  ipcRenderer.emit(channel, { sender: ipcRenderer, ports: [] }, ...args);
}

/** What the preload put on the page's `window`. */
const mainWorld: Record<string, unknown> = {};

export const contextBridge = {
  exposeInMainWorld(apiKey: string, api: unknown): void {
    if (webPreferencesOf.get(pageSender().contents)?.contextIsolation === false) {
      throw new Error('contextBridge API can only be used when contextIsolation is enabled');
    }
    if (apiKey in mainWorld) throw new Error('Cannot bind an API on top of an existing property on the window object');
    mainWorld[apiKey] = api;
  },
};

/** Files dropped on the page, with the paths Chromium knows them by. */
const droppedPaths = new WeakMap<File, string>();

export const webUtils = {
  /** '' for a File that did not come from disk. */
  getPathForFile: (file: File): string => droppedPaths.get(file) ?? '',
};

/** The page's side of the preload: what it exposed, and files a user drops. */
export const pageDouble = {
  mainWorld,
  /** Runs the preload's calls from this frame instead of the newest window's main frame. */
  runPreloadIn(sender: IpcSender | null): void {
    pinnedPage = sender;
  },
  droppedFile(filePath: string, bytes = new Uint8Array()): File {
    const file = new File([bytes], filePath.split(/[\\/]/).pop() ?? '');
    droppedPaths.set(file, filePath);
    return file;
  },
};
