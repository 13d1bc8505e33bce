import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { judgeFolder, judgeWalk, lookAtFolder } from '../../../electron/library/folder-reachability';

describe('judgeFolder: whether a library folder can be reached', () => {
  it('takes a folder that cannot be read offline, saying what was seen', () => {
    const cases: Array<[string, RegExp]> = [
      ['ENOENT', /not there \(ENOENT\)/],
      ['ENOTDIR', /no longer a folder/],
      ['EIO', /does not answer \(EIO/],
      ['EACCES', /permission denied/],
      ['EPERM', /permission denied/],
      ['ESTALE', /cannot be read \(ESTALE\)/],
    ];
    for (const [code, reason] of cases) {
      const reach = judgeFolder({ code, empty: false, holdsFiles: true });
      expect(reach.reachable, code).toBe(false);
      expect(!reach.reachable && reach.reason, code).toMatch(reason);
    }
  });

  it('takes an empty folder offline only while the library holds files under it (an empty mount point)', () => {
    expect(judgeFolder({ code: null, empty: true, holdsFiles: true })).toEqual({
      reachable: false,
      reason: 'the folder is empty (a drive or share not mounted?)',
    });
    expect(judgeFolder({ code: null, empty: true, holdsFiles: false }).reachable).toBe(true);
    expect(judgeFolder({ code: null, empty: false, holdsFiles: true }).reachable).toBe(true);
  });
});

describe('judgeWalk: whether a walk of a whole library folder showed it gone', () => {
  it('is offline when no file could be read and every entry failed as a dropped drive does', () => {
    const reach = judgeWalk({ files: 0, errors: ['EIO', 'ENOENT', 'EIO'], holdsFiles: true });
    expect(reach).toEqual({
      reachable: false,
      reason: 'no file could be read (EIO, ENOENT: a drive or share that went away?)',
    });
  });

  it('is reachable when a file was read, another error is among them, or the library held nothing there', () => {
    expect(judgeWalk({ files: 1, errors: ['EIO', 'EIO'], holdsFiles: true }).reachable).toBe(true);
    expect(judgeWalk({ files: 0, errors: ['EIO', 'EACCES'], holdsFiles: true }).reachable).toBe(true);
    expect(judgeWalk({ files: 0, errors: ['EIO', undefined], holdsFiles: true }).reachable).toBe(true);
    expect(judgeWalk({ files: 0, errors: ['ENOENT'], holdsFiles: false }).reachable).toBe(true);
    expect(judgeWalk({ files: 0, errors: [], holdsFiles: true }).reachable).toBe(true);
  });
});

describe('lookAtFolder on real folders', () => {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
  });
  const tempFolder = async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'reach-'));
    made.push(dir);
    return dir;
  };

  it('reads a missing folder, a file, an empty folder and a folder with an entry', async () => {
    const dir = await tempFolder();
    const never = () => {
      throw new Error('asked whether the library holds files, though the folder is not empty');
    };
    await fs.writeFile(path.join(dir, 'a.png'), 'x');
    expect(await lookAtFolder(dir, never)).toEqual({ reachable: true });
    expect(await lookAtFolder(path.join(dir, 'gone'), () => true)).toMatchObject({ reachable: false });
    expect(await lookAtFolder(path.join(dir, 'a.png'), () => true)).toMatchObject({ reachable: false });
    const empty = path.join(dir, 'empty');
    await fs.mkdir(empty);
    expect(await lookAtFolder(empty, () => true)).toMatchObject({ reachable: false });
    expect(await lookAtFolder(empty, () => false)).toEqual({ reachable: true });
  });
});
