import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDots, makeSolid, makeStripes } from '../../support/images';
import { runIndexCli } from '../../support/cli';
import { tempDirs } from '../../support/temp-dirs';

const dirs = tempDirs();
afterAll(() => dirs.cleanup());

describe('npm run index output', () => {
  it('writes one JSON entry per file with the documented fields and prints a summary', async () => {
    const root = await dirs.make('lib-');
    const dataDir = await dirs.make('data-');
    const stripes = await makeStripes({
      width: 480,
      height: 320,
      period: 24,
      orientation: 'horizontal',
      colours: ['#1b2a4a', '#ffffff'],
    });
    await fs.writeFile(path.join(root, 'stripes.png'), stripes);
    await fs.writeFile(path.join(root, 'stripes-copy.png'), stripes);
    await fs.writeFile(
      path.join(root, 'dots.png'),
      await makeDots({ width: 300, height: 300, spacing: 30, radius: 8, colours: ['#ffffff', '#d21f1f'] }),
    );
    await fs.writeFile(path.join(root, 'mustard.png'), await makeSolid({ width: 100, height: 100, colour: '#e1ad01' }));
    await fs.writeFile(path.join(root, 'broken.png'), Buffer.alloc(0));
    const out = path.join(dataDir, 'index.json');

    const run = await runIndexCli([root, '--json', out], { env: { SWATCHBOOK_DATA_DIR: dataDir } });
    expect(run.code).toBe(0);
    const entries = JSON.parse(await fs.readFile(out, 'utf8'));
    expect(entries).toHaveLength(5);
    const stripesEntry = entries.find((e: { path: string }) => e.path.endsWith('/stripes.png'));
    expect(stripesEntry).toMatchObject({ width: 480, height: 320, format: 'png', segments: 0, error: null });
    expect(stripesEntry.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stripesEntry.pattern.label).toBe('stripes');
    expect(stripesEntry.pattern.repeatPx.height).toBeGreaterThanOrEqual(23);
    expect(stripesEntry.pattern.repeatPx.height).toBeLessThanOrEqual(25);
    expect(stripesEntry.palette.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['navy', 'white']),
    );
    for (const colour of stripesEntry.palette) expect(colour.hex).toMatch(/^#[0-9a-f]{6}$/);
    expect(entries.find((e: { path: string }) => e.path.endsWith('broken.png')).error).toMatch(/empty file/);

    expect(run.stdout).toMatch(/Indexed 5 files: 4 ingested, 1 failed/);
    expect(run.stdout).toMatch(/Duplicates: 1 sets/);
    expect(run.stdout).toMatch(/Patterns: .*stripes 2/);
    expect(run.stdout).toContain(`${path.join(root, 'broken.png')}: empty file`);
  });

  it('exits non-zero only when the run cannot happen', async () => {
    const dataDir = await dirs.make('data-');
    const missing = await runIndexCli(['/definitely/not/here'], { env: { SWATCHBOOK_DATA_DIR: dataDir } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/folder not found/);

    const blocker = path.join(dataDir, 'a-file');
    await fs.writeFile(blocker, 'not a folder');
    const unwritable = await runIndexCli([dataDir], { env: { SWATCHBOOK_DATA_DIR: path.join(blocker, 'store') } });
    expect(unwritable.code).toBe(3);
    expect(unwritable.stderr).toMatch(/cannot open the library store/);
  });
});
