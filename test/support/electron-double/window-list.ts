import type { BrowserWindow, WebContents } from './windows';

/** Open windows, oldest first: BrowserWindow.getAllWindows lists them, app.quit closes them. */
export const openWindows: BrowserWindow[] = [];

/** Each page's web preferences, as its window was created with them (the preload's context depends on them). */
export const webPreferencesOf = new WeakMap<WebContents, Electron.WebPreferences>();
