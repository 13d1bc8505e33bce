import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorruptLibraryError } from '../../../electron/store';
import { readLargeJsonObject } from '../../../electron/store/large-json';
import { makeTempDir } from './temp-store';

describe('reading a library document item by item', () => {
  it('gives the same value as JSON.parse, whatever the strings hold', async () => {
    const doc = {
      schemaVersion: 6,
      seq: 3,
      aiSettings: { models: [1, { note: '}],"{[' }] },
      nothing: null,
      empty: [],
      assets: [{ name: 'é\\"[,', grid: [[1], [2]] }, { nested: {} }, 'a,b', 7],
      tail: 'x',
    };
    const file = join(await makeTempDir(), 'library.json');
    writeFileSync(file, JSON.stringify(doc, null, 2));
    const read: number[] = [];
    expect(await readLargeJsonObject(file, (bytes) => read.push(bytes))).toEqual(doc);
    expect(read.at(-1)).toBe(Buffer.byteLength(JSON.stringify(doc, null, 2)));
  });

  it('refuses a truncated or damaged file, naming it', async () => {
    const dir = await makeTempDir();
    const truncated = join(dir, 'truncated.json');
    writeFileSync(truncated, JSON.stringify({ seq: 1, assets: [{ a: 1 }, { b: 2 }] }).slice(0, 25));
    await expect(readLargeJsonObject(truncated)).rejects.toThrow(CorruptLibraryError);
    await expect(readLargeJsonObject(truncated)).rejects.toThrow(/truncated\.json.*ends early/);
    const damaged = join(dir, 'damaged.json');
    writeFileSync(damaged, '{"seq":1,"assets":[{"a":1},{"b":}]}');
    await expect(readLargeJsonObject(damaged)).rejects.toThrow(/damaged\.json.*not valid JSON/);
  });
});
