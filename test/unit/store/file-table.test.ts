import { describe, expect, it } from 'vitest';
import { FileTable } from '../../../electron/store/file-table';
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
    const under = (path: string, folder: string) => path.startsWith(`${folder}/`);
    files.set('/sub/e.jpg', record('/sub/e.jpg', { error: 'locked', errorAt: 5 }));
    expect([...files.under('/sub', under)].map((f) => f.path)).toEqual(['/sub/e.jpg']);
    expect([...files.under(undefined, under)]).toHaveLength(5);
    expect([...files.failed()].map((f) => f.path)).toEqual(['/d.jpg', '/sub/e.jpg']);
  });
});
