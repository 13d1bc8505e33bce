import { describe, expect, it } from 'vitest';
import { FileTable } from '../../../electron/store/file-table';
import { isUnder } from '../../../electron/store/paths';
import type { FileRecord } from '../../../electron/store/library-store';

const record = (path: string, over: Partial<FileRecord> = {}): FileRecord => ({
  path,
  hash: `h-${path}`,
  fileSize: 10,
  mtimeMs: 1_700_000_000_000.5,
  error: null,
  errorAt: null,
  ...over,
});

describe('the file table', () => {
  it('behaves as a map of file records: order of first set, replace in place, remove, reuse', () => {
    const files = new FileTable();
    const map = new Map<string, FileRecord>();
    const both = (f: (m: FileTable | Map<string, FileRecord>) => void) => [files, map].forEach(f);
    both((m) => m.set('/a.jpg', record('/a.jpg')));
    both((m) => m.set('/b.jpg', record('/b.jpg', { hash: null, error: 'locked', errorAt: 3 })));
    both((m) => m.set('/c.jpg', record('/c.jpg')));
    both((m) => m.set('/a.jpg', record('/a.jpg', { fileSize: 99 })));
    both((m) => m.delete('/b.jpg'));
    both((m) => m.set('/d.jpg', record('/d.jpg', { error: 'unreadable', errorAt: 4 })));
    both((m) => m.set('/b.jpg', record('/b.jpg')));
    expect([...files.values()]).toEqual([...map.values()]);
    expect([...files.keys()]).toEqual([...map.keys()]);
    expect(files.size).toBe(4);
    expect(files.get('/d.jpg')).toEqual(record('/d.jpg', { error: 'unreadable', errorAt: 4 }));
    expect(files.get('/b.jpg')?.error).toBeNull();
    expect(files.get('/gone.jpg')).toBeUndefined();
    expect(files.delete('/gone.jpg')).toBe(false);
    files.set('/sub/e.jpg', record('/sub/e.jpg', { error: 'locked', errorAt: 5 }));
    expect([...files.under('/sub')].map((f) => f.path)).toEqual(['/sub/e.jpg']);
    expect([...files.under(undefined)]).toHaveLength(5);
    expect([...files.failed()].map((f) => f.path)).toEqual(['/d.jpg', '/sub/e.jpg']);
  });

  it('lists the files under a folder exactly as testing every path would, through adds, removals and reuse', () => {
    const files = new FileTable();
    const present = new Set<string>();
    const folders = ['/lib', '/lib/a', '/lib/a/deep', '/lib/ab', 'C:\\prints', 'C:\\prints\\old', ''];
    const names = ['x.jpg', 'y.png', 'z.tif'];
    let seed = 7;
    const pick = <T>(list: T[]) => list[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % list.length];
    for (let step = 0; step < 400; step++) {
      const folder = pick(folders);
      const sep = folder.startsWith('C:') ? '\\' : '/';
      const path = folder === '' ? pick(names) : `${folder}${sep}${pick(names)}`;
      if (pick([true, false, false])) {
        files.delete(path);
        present.delete(path);
      } else {
        files.set(path, record(path));
        present.add(path);
      }
    }
    const asked = ['/lib', '/lib/a', '/lib/a/deep/x.jpg', '/li', '/', 'C:\\prints', 'C:\\', 'x.jpg', '/nowhere'];
    for (const folder of asked) {
      const listed = [...files.under(folder)].map((f) => f.path).sort();
      expect(listed, folder).toEqual([...present].filter((p) => isUnder(p, folder)).sort());
    }
  });
});
