import fs from 'node:fs';
import path from 'node:path';
import { BrowserWindow, Menu, app, dialog, nativeTheme } from 'electron';
import { defaultDataDir } from '../config/data-dir';
import { Engine, teamChoice } from '../engine';
import { installLastResort } from '../engine/last-resort';
import { ApiHost, OpeningHost } from '../api';
import { isDev } from './app-urls';
import { registerIpc, pickFolder } from './ipc';
import { createMainWindow } from './main-window';
import { buildMenu } from './menu';
import { handleProtocols, registerSchemes } from './protocols';
import { keychainSecretStore } from './keychain-secret-store';
import { hardenApp } from './security';

export interface ShellPaths {
  /** The built renderer, served as swatchbook://app. */
  rendererDir: string;
  /** The bundled preload script. */
  preloadPath: string;
}

/**
 * The desktop app: what Electron needs before `ready` is done at once, the rest once ready.
 * Resolves when the window is open (the library may still be opening behind it), or at once
 * when another instance is already running.
 */
export function startShell({ rendererDir, preloadPath }: ShellPaths): Promise<void> {
  // One data folder for the app, browser mode and the CLI (SWATCHBOOK_DATA_DIR overrides it).
  // Chromium's own storage goes to a subfolder: its "Cache" would be our "cache" on case-insensitive disks.
  const dataDir = defaultDataDir();
  const sessionData = path.join(dataDir, 'chromium');
  // setPath throws for a folder that does not exist (Electron's docs), as both do on a first launch.
  fs.mkdirSync(sessionData, { recursive: true });
  // An error nothing caught is written down and ends the app without a half-written library (see last-resort.ts).
  installLastResort({ name: 'Swatchbook', dataDir: () => dataDir, exit: (code) => app.exit(code) });
  app.setName('Swatchbook');
  app.setPath('userData', dataDir);
  app.setPath('sessionData', sessionData);
  registerSchemes();

  let host: OpeningHost | null = null;
  let mainWindow: BrowserWindow | null = null;
  let closed = false;

  async function openWindow(): Promise<void> {
    mainWindow = await createMainWindow(preloadPath);
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
    const secrets = keychainSecretStore(dataDir);
    // A large library takes seconds to read: the window opens meanwhile and shows how far it has got.
    const opening = new OpeningHost(
      async (onStoreProgress) =>
        new ApiHost(
          await Engine.open({
            dataDir,
            watch: true,
            analyse: true,
            secrets,
            onStoreProgress,
            // SWATCHBOOK_TEAM_DB, else the team library Settings chose: the desktop app has no flags.
            teamDb: teamChoice(dataDir) ?? undefined,
          }),
        ),
    );
    host = opening;
    handleProtocols(opening, rendererDir);
    registerIpc(opening, () => mainWindow);
    Menu.setApplicationMenu(buildMenu({ addFolder: () => void addFolderFromMenu() }, isDev));
    await openWindow();
    // Only once the window is there, so it shows the reason behind the dialog.
    opening.ready.catch((error: Error) => {
      dialog.showErrorBox('Swatchbook cannot open its library', error.message);
      app.exit(3);
    });
  }

  // The library's store must have one writer: a second launch focuses the first instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve();
  }
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
  return start();
}
