import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, Menu, app, dialog, nativeTheme } from 'electron';
import { defaultDataDir } from '../config/data-dir';
import { Library } from '../library';
import { ApiHost } from '../server';
import { isDev } from './app-urls';
import { registerIpc, pickFolder } from './ipc';
import { createMainWindow } from './main-window';
import { buildMenu } from './menu';
import { handleProtocols, registerSchemes } from './protocols';
import { keychainSecretStore } from './keychain-secret-store';
import { hardenApp } from './security';

const RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url));
const PRELOAD = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

// One data folder for the app, browser mode and the CLI (SWATCHBOOK_DATA_DIR overrides it).
// Chromium's own storage goes to a subfolder: its "Cache" would be our "cache" on case-insensitive disks.
app.setName('Swatchbook');
app.setPath('userData', defaultDataDir());
app.setPath('sessionData', path.join(defaultDataDir(), 'chromium'));
registerSchemes();

let host: ApiHost | null = null;
let mainWindow: BrowserWindow | null = null;
let closed = false;

async function openWindow(): Promise<void> {
  mainWindow = await createMainWindow(PRELOAD);
  mainWindow.on('closed', () => (mainWindow = null));
}

async function addFolderFromMenu(): Promise<void> {
  const folder = await pickFolder(mainWindow);
  if (!folder || !host) return;
  const result = await host.call('addFolder', { path: folder });
  if (!result.ok) dialog.showErrorBox('Could not add the folder', result.error);
}

async function start(): Promise<void> {
  await app.whenReady();
  nativeTheme.themeSource = 'system';
  hardenApp();
  try {
    const dataDir = app.getPath('userData');
    host = new ApiHost(await Library.open({ dataDir, watch: true, analyse: true, secrets: keychainSecretStore(dataDir) }));
  } catch (error) {
    dialog.showErrorBox('Swatchbook cannot open its library', (error as Error).message);
    app.exit(3);
    return;
  }
  handleProtocols(host, RENDERER_DIR);
  registerIpc(host, () => mainWindow);
  Menu.setApplicationMenu(buildMenu({ addFolder: () => void addFolderFromMenu() }, isDev));
  await openWindow();
}

// The library's store must have one writer: a second launch focuses the first instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('activate', () => {
    if (host && BrowserWindow.getAllWindows().length === 0) void openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Quit waits once for the library to close, so everything ingested is on disk.
  app.on('before-quit', (event) => {
    if (!host || closed) return;
    event.preventDefault();
    closed = true;
    void host.close().finally(() => app.quit());
  });
  void start();
}
