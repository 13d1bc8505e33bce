import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStripes, makeDots, makeSolid, notAnImage, oversizePngHeader, truncated } from '../../support/images';
import { runIndexCli, type CliRun } from '../../support/cli';
import { tempDirs } from '../../support/temp-dirs';

const dirs = tempDirs();
const LONG_NAME = `${'long-name-'.repeat(24)}end.png`; // 253 bytes, just under the usual 255 limit

interface Entry {
  path: string;
  hash: string | null;
  error: string | null;
  pattern: { label: string } | null;
}

let root: string;
let dataDir: string;
let run: CliRun;
let entries: Entry[];

/** One library holding every kind of bad file the issue names, beside good images. */
async function buildHostileLibrary(dir: string): Promise<void> {
  const jpeg = await makeStripes({
    width: 400,
    height: 300,
    period: 20,
    orientation: 'horizontal',
    colours: ['#1b2a4a', '#ffffff'],
    format: 'jpeg',
  });
  await fs.writeFile(path.join(dir, 'good-stripes.jpg'), jpeg);
  await fs.writeFile(
    path.join(dir, 'good-dots.png'),
    await makeDots({ width: 200, height: 200, spacing: 20, radius: 5, colours: ['#ffffff', '#d21f1f'] }),
  );
  await fs.writeFile(path.join(dir, 'zero-bytes.png'), Buffer.alloc(0));
  await fs.writeFile(path.join(dir, 'truncated.jpg'), truncated(jpeg, 0.5));
  await fs.writeFile(path.join(dir, 'really-text.png'), notAnImage());
  await fs.writeFile(path.join(dir, 'bomb.png'), await oversizePngHeader(30000, 30000));
  await fs.writeFile(path.join(dir, 'unreadable.png'), await makeSolid({ width: 32, height: 32, colour: '#e1ad01' }));
  await fs.chmod(path.join(dir, 'unreadable.png'), 0o000);
  await fs.mkdir(path.join(dir, 'loops'));
  await fs.symlink('..', path.join(dir, 'loops', 'back-to-root'));
  await fs.symlink('b.png', path.join(dir, 'loops', 'a.png'));
  await fs.symlink('a.png', path.join(dir, 'loops', 'b.png'));
  await fs.writeFile(
    path.join(dir, 'ñandú-蝴蝶-🎨.png'),
    await makeSolid({ width: 40, height: 40, colour: '#008080' }),
  );
  await fs.writeFile(path.join(dir, LONG_NAME), await makeSolid({ width: 40, height: 30, colour: '#800020' }));
}

beforeAll(async () => {
  root = await dirs.make('hostile-');
  dataDir = await dirs.make('data-');
  await buildHostileLibrary(root);
  const outside = await dirs.make('outside-');
  await fs.writeFile(path.join(outside, 'private.png'), await makeSolid({ width: 32, height: 32, colour: '#1b2a4a' }));
  await fs.symlink(path.join(outside, 'private.png'), path.join(root, 'escape.png'));
  await fs.chmod(root, 0o755);
  const jsonOut = path.join(dataDir, 'out.json');
  run = await runIndexCli([root, '--json', jsonOut], {
    env: { SWATCHBOOK_DATA_DIR: dataDir, HOME: dataDir },
    withoutRootOverride: true,
  });
  entries = JSON.parse(await fs.readFile(jsonOut, 'utf8'));
}, 120_000);
afterAll(() => dirs.cleanup());

function errorOf(name: string): string | null | undefined {
  return entries.find((e) => path.relative(root, e.path) === name)?.error;
}

describe('npm run index on a hostile folder', () => {
  it('completes with exit status 0 even though files failed', () => {
    expect(run.stderr).not.toMatch(/cannot open|store unwritable/);
    expect(run.code).toBe(0);
  });

  it.each([
    ['zero-bytes.png', /empty file/],
    ['truncated.jpg', /corrupt or truncated/],
    ['really-text.png', /not a supported image/],
    ['bomb.png', /too large: 30000×30000/],
    ['unreadable.png', /permission denied/],
    ['loops/a.png', /symlink loop/],
  ])('records %s with a clear reason, in the JSON and in the summary', (name, reason) => {
    expect(errorOf(name)).toMatch(reason);
    expect(run.stdout).toContain(path.join(root, name));
  });

  it('reports a directory symlink loop once instead of recursing', () => {
    expect(run.stdout).toMatch(/back-to-root: symlink loop/);
  });

  it('leaves out a link that leads outside the folder and says so, without calling it an error', () => {
    expect(run.stdout).toContain('1 link(s) skipped: they lead outside the library folder');
    expect(entries.find((e) => e.path.endsWith('escape.png'))).toBeUndefined();
  });

  it('still ingests every good image, including non-ASCII and very long names', () => {
    for (const name of ['good-stripes.jpg', 'good-dots.png', 'ñandú-蝴蝶-🎨.png', LONG_NAME]) {
      const entry = entries.find((e) => path.relative(root, e.path) === name);
      expect(entry, name).toBeDefined();
      expect(entry!.error, name).toBeNull();
      expect(entry!.hash, name).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(entries.find((e) => e.path.endsWith('good-stripes.jpg'))!.pattern!.label).toBe('stripes');
  });

  it('leaves the store as valid JSON', async () => {
    const doc = JSON.parse(await fs.readFile(path.join(dataDir, 'library.json'), 'utf8'));
    expect(doc.schemaVersion).toBeGreaterThan(0);
  });
});
