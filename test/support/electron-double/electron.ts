/**
 * Stands in for the `electron` module under vitest (vitest.config.ts aliases it here): what the
 * shell and the preload use, with Electron's signatures and documented rules. index.ts adds the
 * test's side (the OS, the user and the page).
 */
export { app } from './app';
export { dialog, shell } from './dialogs';
export { nativeTheme, screen } from './display';
export { ipcMain } from './ipc-main';
export { Menu, MenuItem } from './menu';
export { net, protocol } from './protocol';
export { contextBridge, ipcRenderer, webUtils } from './renderer';
export { safeStorage } from './safe-storage';
export { session } from './session';
export { BrowserWindow } from './windows';
