import { BrowserWindow, app, nativeTheme, screen } from 'electron';
import { appEntryUrl } from './app-urls';
import { loadWindowState, saveWindowState } from './window-state';

const background = () => (nativeTheme.shouldUseDarkColors ? '#1e1e1e' : '#ffffff');

/** The one window: locked-down web preferences, remembered bounds, background following the OS theme. */
export async function createMainWindow(preloadPath: string): Promise<BrowserWindow> {
  const userData = app.getPath('userData');
  const saved = await loadWindowState(
    userData,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    ...(saved ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height } : { width: 1280, height: 820 }),
    minWidth: 640,
    minHeight: 480,
    title: 'Swatchbook',
    show: false,
    backgroundColor: background(),
    webPreferences: {
      // Scanner finding reviewed: the preload exposes only the typed bridge (electron/preload/index.ts).
      // @preserve keeps the comment in out/main, which is scanned too (the bundler drops plain comments).
      /* eng-disable PRELOAD_JS_CHECK @preserve */ preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // No middle-click opening of links in new windows (the window-open handler would deny them too).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  if (saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  // The page itself follows prefers-color-scheme; this only avoids a flash of the wrong colour.
  const onTheme = () => window.setBackgroundColor(background());
  nativeTheme.on('updated', onTheme);
  window.on('close', () => {
    nativeTheme.off('updated', onTheme);
    try {
      saveWindowState(userData, { ...window.getNormalBounds(), maximized: window.isMaximized() });
    } catch {
      // Not remembering the window's place is no reason to stop closing it.
    }
  });
  await window.loadURL(appEntryUrl());
  return window;
}
