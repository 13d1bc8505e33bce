import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS } from '../../../shared/api/bridge';
import { APP_URL, startTestShell, type TestShell } from '../../support/shell-harness';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

let shell: TestShell;
afterEach(() => shell?.quit());

describe('the main window', () => {
  it('is created with exactly the locked-down web preferences, and shown once the app page loaded', async () => {
    shell = await startTestShell();
    const window = shell.window!;
    expect(shell.double.windows.options(window).webPreferences).toStrictEqual({
      preload: shell.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    });
    const size = { width: 1280, height: 820 };
    expect(shell.double.windows.options(window)).toMatchObject({ title: 'Swatchbook', show: false, ...size });
    expect(window.webContents.getURL()).toBe(APP_URL);
    expect(window.isVisible()).toBe(true);
  });

  it('is what the real entry opens, with the preload where electron-vite puts it beside the entry', async () => {
    shell = await startTestShell({ realEntry: true });
    // The source layout mirrors the build: electron/main → electron/preload as out/main → out/preload.
    const preload = path.join(ROOT, 'electron', 'preload', 'index.cjs');
    expect(shell.double.windows.options(shell.window!).webPreferences).toMatchObject({ preload, sandbox: true });
    expect(shell.window!.webContents.getURL()).toBe(APP_URL);
  });

  it('reopens where it was, unless that display is gone', async () => {
    const saved = { x: 2100, y: 100, width: 1000, height: 700, maximized: false };
    const twoDisplays = [
      { x: 0, y: 0, width: 1920, height: 1050 },
      { x: 1920, y: 0, width: 1920, height: 1050 },
    ];
    const remembering = (displays: typeof twoDisplays) => (electron: TestShell['electron']) => {
      fs.mkdirSync(process.env.SWATCHBOOK_DATA_DIR!, { recursive: true });
      fs.writeFileSync(path.join(process.env.SWATCHBOOK_DATA_DIR!, 'window-state.json'), JSON.stringify(saved));
      electron.double.display.setDisplays(displays);
    };
    shell = await startTestShell({ before: remembering(twoDisplays) });
    expect(shell.window!.getBounds()).toEqual({ x: 2100, y: 100, width: 1000, height: 700 });
    await shell.quit();
    shell = await startTestShell({ before: remembering(twoDisplays.slice(0, 1)) });
    expect(shell.window!.getBounds()).toMatchObject({ width: 1280, height: 820 });
  });

  it('takes its background from the OS theme, to avoid a flash before the page paints', async () => {
    shell = await startTestShell();
    expect(shell.window!.getBackgroundColor()).toBe('#ffffff');
    shell.double.display.setOsDarkMode(true);
    expect(shell.window!.getBackgroundColor()).toBe('#1e1e1e');
  });

  it('remembers its place on quit, once the library is closed', async () => {
    shell = await startTestShell();
    const lock = path.join(shell.dataDir, 'library.lock');
    expect(fs.existsSync(lock)).toBe(true);
    shell.electron.app.quit();
    await shell.double.app.ended;
    expect(fs.existsSync(lock)).toBe(false);
    const saved = JSON.parse(fs.readFileSync(path.join(shell.dataDir, 'window-state.json'), 'utf8'));
    expect(saved).toEqual({ ...shell.window!.getBounds(), maximized: false });
  });
});

describe('start-up', () => {
  it('registers both schemes as privileged before ready, their handlers, the IPC channels and the menu', async () => {
    shell = await startTestShell();
    for (const scheme of ['swatchbook', 'swatchbook-media']) {
      const privileges = { standard: true, secure: true, supportFetchAPI: true };
      expect(shell.double.protocol.privileges(scheme), scheme).toEqual(privileges);
      expect(shell.electron.protocol.isProtocolHandled(scheme), scheme).toBe(true);
    }
    expect(shell.double.ipc.channels().sort()).toEqual(
      [BRIDGE_CHANNELS.call, BRIDGE_CHANNELS.pickFolder, BRIDGE_CHANNELS.showInFolder].sort(),
    );
    expect(shell.electron.Menu.getApplicationMenu()).not.toBeNull();
    expect(shell.electron.nativeTheme.themeSource).toBe('system');
  });

  it('quits as a second instance, before opening the library or a window', async () => {
    shell = await startTestShell({ before: (electron) => electron.double.app.anotherInstanceIsRunning() });
    expect(await shell.double.app.ended).toBe(0);
    expect(shell.window).toBeNull();
    expect(shell.double.ipc.channels()).toEqual([]);
    expect(shell.electron.protocol.isProtocolHandled('swatchbook')).toBe(false);
    expect(fs.existsSync(path.join(shell.dataDir, 'library.lock'))).toBe(false);
  });

  it('brings its window back when the app is launched again', async () => {
    shell = await startTestShell();
    const window = shell.window!;
    window.minimize();
    shell.double.app.launchAgain(['swatchbook']);
    expect(window.isMinimized()).toBe(false);
    expect(window.isFocused()).toBe(true);
  });

  it('says why and exits when the library is held by another process', async () => {
    shell = await startTestShell({
      before() {
        // The data folder is the harness's, not created yet: another live process holds its lock.
        fs.mkdirSync(process.env.SWATCHBOOK_DATA_DIR!, { recursive: true });
        fs.writeFileSync(path.join(process.env.SWATCHBOOK_DATA_DIR!, 'library.lock'), String(process.ppid));
      },
    });
    expect(await shell.double.app.ended).toBe(3);
    expect(shell.window).toBeNull();
    expect(shell.double.dialogs.shown.errorBoxes).toEqual([
      {
        title: 'Swatchbook cannot open its library',
        content: expect.stringContaining('already open in another Swatchbook process'),
      },
    ]);
  });
});
