import { readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SectionReader, SectionWriter } from '../../../../electron/store/open-index/sections';
import { makeTempDir } from '../temp-store';

async function roundTrip(write: (out: SectionWriter) => void, header = {}): Promise<SectionReader> {
  const file = join(await makeTempDir(), 'library.index');
  const out = new SectionWriter(file);
  write(out);
  out.finish(header);
  return new SectionReader(file);
}

describe('an open index file', () => {
  it('gives back columns, strings (ASCII or not) and JSON as written, with room asked for', async () => {
    const input = await roundTrip(
      (out) => {
        out.json('odd', { a: [1, 'é'] });
        out.column('f64', Float64Array.from([0.1, -2, 1e300]));
        out.column('u16', Uint16Array.from([1, 65535, 7]));
        out.strings('ascii', ['/lib/a.jpg', '', 'roses on navy\nsecond line']);
        out.strings('accents', ['/Bibliothèque/été.png', '花柄.jpg', '', 'plain']);
        out.strings('none', []);
      },
      { seq: 7 },
    );
    expect(input.header).toEqual({ seq: 7 });
    expect(input.json('odd')).toEqual({ a: [1, 'é'] });
    expect(Array.from(input.column('f64', 'f64'))).toEqual([0.1, -2, 1e300]);
    expect(Array.from(input.column('u16', 'u16', 5))).toEqual([1, 65535, 7, 0, 0]);
    expect(input.strings('ascii')).toEqual(['/lib/a.jpg', '', 'roses on navy\nsecond line']);
    expect(input.strings('accents')).toEqual(['/Bibliothèque/été.png', '花柄.jpg', '', 'plain']);
    expect(input.strings('none')).toEqual([]);
    expect(() => input.column('ascii', 'u32')).toThrow(/no u32 section "ascii"/);
    input.close();
  });

  it('gives back string lists larger than it decodes at once, and a value larger than that', async () => {
    const many = Array.from({ length: 60_000 }, (_, i) => `/library/prints/${i}/`.padEnd(100, 'x'));
    many[45_000] = '/Bibliothèque/été/花柄.png';
    const huge = 'y'.repeat(5 * 2 ** 20);
    const input = await roundTrip((out) => {
      out.strings('many', many);
      out.strings('huge', ['a', huge, 'b']);
    });
    expect(input.strings('many')).toEqual(many);
    expect(input.strings('huge')).toEqual(['a', huge, 'b']);
    input.close();
  });

  it('is refused when it is not one, or cut short', async () => {
    const dir = await makeTempDir();
    const notOne = join(dir, 'other.index');
    writeFileSync(notOne, '{"seq":1}\n');
    expect(() => new SectionReader(notOne)).toThrow(/not an open index/);
    const file = join(dir, 'library.index');
    const out = new SectionWriter(file);
    out.column('big', new Float64Array(10_000));
    out.finish({});
    truncateSync(file, 2_000);
    expect(() => new SectionReader(file)).toThrow(/not an open index/);
    const abandoned = new SectionWriter(file);
    abandoned.column('big', new Float64Array(10));
    abandoned.abandon();
    expect(readdirSync(dir)).toEqual(['library.index', 'other.index']);
  });
});
