import { describe, expect, it } from 'vitest';
import { folderRefusal, type FolderRuleContext } from '../../../electron/library/folder-rules';

const linux: FolderRuleContext = {
  platform: 'linux',
  dataDir: '/home/ana/.config/Swatchbook',
  appFolders: ['/home/ana/.config/Swatchbook/demo-library'],
};
const mac: FolderRuleContext = { platform: 'darwin', dataDir: '/Users/ana/Library/Application Support/Swatchbook' };
const windows: FolderRuleContext = {
  platform: 'win32',
  dataDir: 'C:\\Users\\Ana\\AppData\\Roaming\\Swatchbook',
  appFolders: ['C:\\Users\\Ana\\AppData\\Roaming\\Swatchbook\\demo-library'],
};

describe('folderRefusal on Linux and macOS', () => {
  it('accepts ordinary folders, including one that holds the data folder (it is skipped when scanned)', () => {
    const folders = [
      '/home/ana/Designs',
      '/home/ana',
      '/mnt/share/prints/',
      '/tmp/x',
      '/home/ana/.config/Swatchbook-old',
    ];
    for (const folder of folders) {
      expect(folderRefusal(folder, linux), folder).toBeNull();
    }
    expect(folderRefusal('/home/ana/.config/Swatchbook/demo-library', linux)).toBeNull();
  });

  it('asks for the full path instead of resolving a relative one against the server', () => {
    for (const folder of ['Designs', './Designs', '../etc', '~/Designs', '']) {
      expect(folderRefusal(folder, linux), folder).toMatch(/^give the full path of the folder/);
    }
  });

  it('refuses the root, however it is written', () => {
    for (const folder of ['/', '//', '/./', '/tmp/..', '/home/../../']) {
      expect(folderRefusal(folder, linux), folder).toMatch(/top of a whole drive/);
    }
  });

  it('refuses system folders and anything inside them', () => {
    const folders = [
      '/proc',
      '/proc/self/root',
      '/sys',
      '/dev',
      '/dev/shm',
      '/etc',
      '/etc/ssl',
      '/boot',
      '/home/../etc',
    ];
    for (const folder of folders) {
      expect(folderRefusal(folder, linux), folder).toMatch(/is a system folder/);
    }
    expect(folderRefusal('/private/etc', mac)).toMatch(/is a system folder/);
    expect(folderRefusal('/system/Library', mac)).toMatch(/is a system folder/);
    expect(folderRefusal('/etcetera', linux)).toBeNull();
    expect(folderRefusal('/run/media/ana/USB-DRIVE/prints', linux)).toBeNull();
  });

  it('refuses the data folder and everything in it except the demo library', () => {
    const inside = ['', '/', '/cache', '/cache/thumbs'].map((tail) => `/home/ana/.config/Swatchbook${tail}`);
    for (const folder of [...inside, '/home/ana/.config/x/../Swatchbook']) {
      expect(folderRefusal(folder, linux), folder).toMatch(/Swatchbook's own data folder/);
    }
    // macOS file systems ignore case: the same folder under another spelling.
    expect(folderRefusal('/users/ana/library/application support/swatchbook/cache', mac)).toMatch(/own data folder/);
    expect(folderRefusal('/home/ana/.config/swatchbook/cache', linux)).toBeNull();
  });
});

describe('folderRefusal on Windows', () => {
  it('accepts folders on a drive and on a share', () => {
    for (const folder of ['C:\\Users\\Ana\\Designs', 'd:/prints', '\\\\studio\\share\\prints', 'C:\\Users\\Ana']) {
      expect(folderRefusal(folder, windows), folder).toBeNull();
    }
  });

  it('asks for the full path for relative, drive-relative and root-relative paths', () => {
    for (const folder of ['Designs', 'C:Designs', '\\Designs', '/Designs', '..\\Designs']) {
      expect(folderRefusal(folder, windows), folder).toMatch(/^give the full path of the folder/);
    }
  });

  it('refuses drive roots and share roots', () => {
    const roots = ['C:\\', 'c:/', 'D:\\.', 'E:\\x\\..', '\\\\studio\\share', '\\\\studio\\share\\', '//studio/share'];
    for (const folder of roots) {
      expect(folderRefusal(folder, windows), folder).toMatch(/top of a whole drive or share/);
    }
  });

  it('refuses device paths, the Windows folder and the data folder whatever the case', () => {
    expect(folderRefusal('\\\\?\\C:\\', windows)).toMatch(/not a device path/);
    expect(folderRefusal('\\\\.\\PhysicalDrive0', windows)).toMatch(/not a device path/);
    for (const folder of ['C:\\Windows', 'c:\\windows\\system32', 'D:\\WINDOWS\\Temp']) {
      expect(folderRefusal(folder, windows), folder).toMatch(/is a system folder/);
    }
    expect(folderRefusal('C:\\WindowsApps-backup', windows)).toBeNull();
    expect(folderRefusal('c:\\users\\ana\\appdata\\roaming\\swatchbook\\cache', windows)).toMatch(/own data folder/);
    expect(folderRefusal('C:\\Users\\Ana\\AppData\\Roaming\\Swatchbook\\demo-library', windows)).toBeNull();
  });
});
