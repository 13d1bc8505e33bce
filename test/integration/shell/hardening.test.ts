import { afterEach, describe, expect, it } from 'vitest';
import { APP_URL, startTestShell, type TestShell } from '../../support/shell-harness';

const PERMISSIONS = [
  'media',
  'geolocation',
  'notifications',
  'clipboard-read',
  'openExternal',
  'fileSystem',
  'hid',
  'fullscreen',
] as const;

let shell: TestShell;
afterEach(() => shell?.quit());

describe('every web contents the app creates', () => {
  it('goes nowhere: navigations and redirects are prevented, even to the app itself', async () => {
    shell = await startTestShell();
    const contents = shell.window!.webContents;
    for (const url of ['https://evil.example/', 'file:///etc/passwd', APP_URL, 'swatchbook://app/library']) {
      expect(shell.double.windows.navigate(contents, url, 'will-navigate'), url).toBe(false);
      expect(shell.double.windows.navigate(contents, url, 'will-redirect'), url).toBe(false);
    }
    expect(contents.getURL()).toBe(APP_URL);
  });

  it('opens no popups and attaches no webviews', async () => {
    shell = await startTestShell();
    const contents = shell.window!.webContents;
    expect(shell.double.windows.openWindow(contents, 'https://evil.example/')).toEqual({ action: 'deny' });
    expect(shell.double.windows.openWindow(contents, APP_URL)).toEqual({ action: 'deny' });
    expect(shell.double.windows.attachWebview(contents, 'https://evil.example/')).toBe(false);
  });

  it('is hardened too when it is created later', async () => {
    shell = await startTestShell();
    const later = new shell.electron.BrowserWindow({ show: false }).webContents;
    expect(shell.double.windows.navigate(later, 'https://evil.example/')).toBe(false);
    expect(shell.double.windows.openWindow(later, 'https://evil.example/')).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  it('are denied when asked for and when checked, from the app page as from any other', async () => {
    shell = await startTestShell();
    const contents = shell.window!.webContents;
    for (const permission of PERMISSIONS) {
      expect(await shell.double.session.askPermission(contents, permission), permission).toBe(false);
      expect(shell.double.session.checkPermission(contents, permission, 'swatchbook://app'), permission).toBe(false);
      expect(shell.double.session.checkPermission(null, permission, 'https://evil.example'), permission).toBe(false);
    }
  });
});
