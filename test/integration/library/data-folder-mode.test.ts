import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheDirOf } from '../../../electron/config/data-dir';
import { Engine } from '../../../electron/engine';
import { openLibraryStore } from '../../../electron/store';
import { tempDirs } from '../../support/temp-dirs';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const modeOf = async (dir: string) => (await fs.stat(dir)).mode & 0o777;

describe.skipIf(process.platform === 'win32')('the data folder is private to its owner', () => {
  it('is created 0700, with the thumbnail cache inside it', async () => {
    const dataDir = path.join(await dirs.make('home-'), 'config', 'Swatchbook');
    const library = await Engine.open({ dataDir });
    await library.close();
    expect(await modeOf(dataDir)).toBe(0o700);
    expect(await modeOf(cacheDirOf(dataDir))).toBe(0o700);
  });

  it('is tightened to 0700 when it exists readable by others (made by Electron or an older version)', async () => {
    const dataDir = await dirs.make('data-');
    await fs.chmod(dataDir, 0o755);
    await fs.mkdir(cacheDirOf(dataDir), { mode: 0o755 });
    await fs.chmod(cacheDirOf(dataDir), 0o755);
    const library = await Engine.open({ dataDir });
    await library.close();
    expect(await modeOf(dataDir)).toBe(0o700);
    expect(await modeOf(cacheDirOf(dataDir))).toBe(0o700);
  });

  it('is private too when only the store is opened (npm run export)', async () => {
    const dataDir = path.join(await dirs.make('home-'), 'Swatchbook');
    await (await openLibraryStore(dataDir)).close();
    expect(await modeOf(dataDir)).toBe(0o700);
  });
});
