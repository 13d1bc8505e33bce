import { describe, expect, it } from 'vitest';
import type { LibraryOp } from '../../../electron/store';
import { SharedFolders } from '../../../electron/team/shared-folders';
import { toLocalPath, toTeamPath } from '../../../electron/team/team-paths';

const asset = (paths: string[]) =>
  ({ hash: 'h', locations: paths.map((path) => ({ path, fileSize: 1, mtimeMs: 2 })) }) as never;

describe('team paths', () => {
  it('names a file by its shared folder and its path inside, whatever the mount', () => {
    const mounts = [{ name: 'prints', mount: '/Volumes/prints' }];
    expect(toTeamPath('/Volumes/prints/2024/rose.tif', mounts, '/')).toBe('team:prints/2024/rose.tif');
    expect(toTeamPath('/Volumes/prints', mounts, '/')).toBe('team:prints');
    // A folder whose name only begins like the mount's is not inside it.
    expect(toTeamPath('/Volumes/prints-old/a.tif', mounts, '/')).toBe('/Volumes/prints-old/a.tif');
    const windows = [{ name: 'prints', mount: '\\\\nas\\prints' }];
    expect(toTeamPath('\\\\nas\\prints\\2024\\rose.tif', windows, '\\')).toBe('team:prints/2024/rose.tif');
    expect(toLocalPath('team:prints/2024/rose.tif', () => '\\\\nas\\prints', '\\')).toBe(
      '\\\\nas\\prints\\2024\\rose.tif',
    );
    expect(toLocalPath('team:prints/2024/rose.tif', () => '/Volumes/prints', '/')).toBe(
      '/Volumes/prints/2024/rose.tif',
    );
  });

  it('puts a file in the innermost shared folder that holds it', () => {
    const mounts = [
      { name: 'all', mount: '/srv' },
      { name: 'prints', mount: '/srv/prints' },
    ];
    expect(toTeamPath('/srv/prints/a.png', mounts, '/')).toBe('team:prints/a.png');
    expect(toTeamPath('/srv/other/a.png', mounts, '/')).toBe('team:all/other/a.png');
  });

  it('leaves a path of a folder this machine does not know as it is', () => {
    expect(toLocalPath('team:unknown/a.png', () => undefined, '/')).toBe('team:unknown/a.png');
    expect(toLocalPath('/abs/a.png', () => '/x', '/')).toBe('/abs/a.png');
  });
});

describe('shared folders between two machines that mount one share at different paths', () => {
  it("carries one member's changes to another's paths, and back", () => {
    const ann = new SharedFolders();
    const ben = new SharedFolders();
    const sent = ann.toTeam({ type: 'addFolder', path: '/Volumes/prints', at: 1 });
    expect(sent).toEqual({ type: 'addFolder', path: '/Volumes/prints', at: 1, name: 'prints' });
    // Ben has not said where he has it yet: Ann's path.
    expect(ben.toLocal(sent)).toEqual({ type: 'addFolder', path: '/Volumes/prints', at: 1, name: 'prints' });
    expect(ben.setMount('prints', '/mnt/nas/prints')).toEqual({ rewriteDue: true });
    ben.forgetApplied();
    expect(ben.toLocal(sent)).toMatchObject({ path: '/mnt/nas/prints' });
    expect(ben.rewriteDue()).toBe(false);

    const recorded: LibraryOp = {
      type: 'recordAsset',
      location: { path: '/Volumes/prints/rose.tif', fileSize: 1, mtimeMs: 2 },
      asset: asset(['/Volumes/prints/rose.tif', '/Volumes/prints/copy/rose.tif']),
    };
    const inLog = ann.toTeam(recorded);
    expect(inLog).toMatchObject({
      location: { path: 'team:prints/rose.tif' },
      asset: { locations: [{ path: 'team:prints/rose.tif' }, { path: 'team:prints/copy/rose.tif' }] },
    });
    expect(ben.toLocal(inLog)).toMatchObject({
      location: { path: '/mnt/nas/prints/rose.tif' },
      asset: { locations: [{ path: '/mnt/nas/prints/rose.tif' }, { path: '/mnt/nas/prints/copy/rose.tif' }] },
    });
    const search = ben.toTeam({
      type: 'saveSearch',
      id: 's',
      name: 'Roses',
      query: { folders: ['/mnt/nas/prints/copy'] },
      at: 3,
    } as LibraryOp);
    expect(ann.toLocal(search)).toMatchObject({ query: { folders: ['/Volumes/prints/copy'] } });
    expect(ann.toLocal(ben.toTeam({ type: 'removeFile', path: '/mnt/nas/prints/rose.tif' }))).toEqual({
      type: 'removeFile',
      path: '/Volumes/prints/rose.tif',
    });
  });

  it('gives two folders of the same base name different team names', () => {
    const folders = new SharedFolders();
    expect(folders.toTeam({ type: 'addFolder', path: '/a/prints', at: 1 })).toMatchObject({ name: 'prints' });
    expect(folders.toTeam({ type: 'addFolder', path: '/b/prints', at: 1 })).toMatchObject({ name: 'prints 2' });
    expect(folders.teamPath('/b/prints/x.png')).toBe('team:prints 2/x.png');
  });
});
