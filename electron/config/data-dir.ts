import os from 'node:os';
import path from 'node:path';

const APP_FOLDER = 'Swatchbook';

/**
 * The per-user application-data folder, the same one Electron's `app.getPath('userData')`
 * gives, so the desktop app, browser mode and the CLI share one library.
 * `SWATCHBOOK_DATA_DIR` overrides it everywhere.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.SWATCHBOOK_DATA_DIR) return path.resolve(env.SWATCHBOOK_DATA_DIR);
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER);
}

export function cacheDirOf(dataDir: string): string {
  return path.join(dataDir, 'cache');
}

/** The sample patterns the app writes for a first look (the one library folder inside the data folder). */
export function demoLibraryDirOf(dataDir: string): string {
  return path.join(dataDir, 'demo-library');
}
