/** A new local analyzer version re-analyses what an older one described, and never a person's decision. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createSwatchbookApi, dispatchApiCall } from '../../../electron/api';
import { Engine } from '../../../electron/engine';
import { ANALYZER_VERSION } from '../../../electron/imaging';
import { makeStripes } from '../../support/images';
import { tempDirs } from '../../support/temp-dirs';

const dirs = tempDirs();
let engine: Engine | null = null;
afterEach(async () => {
  await engine?.close();
  engine = null;
  await dirs.cleanup();
});

it('re-analyses assets an older analyzer version described, keeping tags and people’s corrections', async () => {
  const root = await dirs.make('lib-');
  const dataDir = await dirs.make('data-');
  const file = path.join(root, 'navy-stripes.png');
  const colours: [string, string] = ['#1b2a4a', '#ffffff'];
  await fs.writeFile(
    file,
    await makeStripes({ width: 320, height: 240, period: 16, orientation: 'vertical', colours }),
  );
  engine = await Engine.open({ dataDir });
  await engine.library.addFolder(root);
  await engine.library.idle();
  const hash = engine.store.getFile(file)!.hash!;
  const asset = engine.store.getAsset(hash)!;
  expect(asset.analysis.version).toBe(ANALYZER_VERSION);
  const api = createSwatchbookApi(engine);
  await dispatchApiCall(api, 'correctLabels', {
    hashes: [hash],
    reviewer: 'ana',
    corrections: [{ field: 'pattern', value: ['floral/organic'] }],
  });
  engine.store.setTags([hash], ['summer'], []);
  // What an older analyzer left behind: its version and its (wrong) answer.
  const older = {
    ...asset.analysis,
    version: 'local-1.0.0',
    pattern: { ...asset.analysis.pattern, label: 'photo/other' as const },
  };
  engine.store.recordAsset(asset.locations[0], { ...asset, analysis: older });
  await engine.close();

  engine = await Engine.open({ dataDir });
  expect((await engine.library.rescan(root)).queued).toBe(1);
  await engine.library.idle();
  const again = engine.store.getAsset(hash)!;
  expect(again.analysis.version).toBe(ANALYZER_VERSION);
  expect(again.analysis.pattern.label).toBe('stripes');
  expect(again.tags).toEqual(['summer']);
  const labels = await dispatchApiCall(createSwatchbookApi(engine), 'getAssetLabels', { hash });
  expect(labels).toMatchObject({ local: { patterns: ['stripes'] }, effective: { patterns: ['floral/organic'] } });
  // Analysed by the current version: a further scan leaves it alone.
  expect((await engine.library.rescan(root)).queued).toBe(0);
});
