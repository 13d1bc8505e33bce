/** People's corrections of local labels, end to end through the API boundary on a real library. */
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiInput, ApiMethod, ApiOutput } from '../../../shared/api';
import { createSwatchbookApi, dispatchApiCall } from '../../../electron/api';
import { Engine } from '../../../electron/engine';
import { parseCsv } from '../../support/csv';
import { openGeneratedLibrary, type GeneratedLibrary } from '../../support/generated-library';
import { makeChecks, makeStripes } from '../../support/images';

let fixture: GeneratedLibrary | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

const NAMES = ['navy-stripes.png', 'red-white.png', 'more-stripes.png'];

async function library() {
  fixture = await openGeneratedLibrary(
    {
      [NAMES[0]]: makeStripes({
        width: 300,
        height: 200,
        period: 16,
        orientation: 'vertical',
        colours: ['#1b2a4a', '#ffffff'],
      }),
      [NAMES[1]]: makeChecks({ width: 300, height: 300, period: 24, colours: ['#d21f1f', '#ffffff'] }),
      [NAMES[2]]: makeStripes({
        width: 300,
        height: 200,
        period: 20,
        orientation: 'horizontal',
        colours: ['#2e9e3e', '#ffffff'],
      }),
    },
    { prefix: 'corrections' },
  );
  return { hashes: NAMES.map((name) => fixture!.hashOf(name)), call: caller(fixture.engine) };
}

function caller(engine: Engine) {
  const api = createSwatchbookApi(engine);
  return <M extends ApiMethod>(method: M, input: ApiInput<M>) =>
    dispatchApiCall(api, method, input) as Promise<ApiOutput<M>>;
}

type Call = ReturnType<typeof caller>;
const searchHashes = async (call: Call, input: ApiInput<'search'>) =>
  (await call('search', input)).items.map((i) => i.hash);

describe('corrections of local labels', () => {
  it('shows in search, facets and exports at once, keeps the local answer beside it, and undo restores it', async () => {
    const { hashes, call } = await library();
    const checks = hashes[1];
    const before = await call('getAssetLabels', { hash: checks });
    expect(before.local.colours).toContain('red');
    expect(before.local.patterns).not.toContain('dots');
    expect(await searchHashes(call, { text: 'red dots' })).toEqual([]);

    const result = await call('correctLabels', {
      hashes: [checks],
      reviewer: 'ana',
      corrections: [{ field: 'pattern', value: ['dots', 'checks'] }],
    });
    expect(result.changed).toBe(1);
    expect(await searchHashes(call, { text: 'red dots' })).toEqual([checks]);
    expect(await searchHashes(call, { text: 'dotted red' })).toEqual([checks]);
    const dots = await call('search', { patterns: ['dots'] });
    expect(dots.items.map((i) => [i.hash, i.pattern])).toEqual([[checks, 'dots']]);
    expect(dots.facets.pattern).toContainEqual({ value: 'dots', count: 1 });

    const labels = await call('getAssetLabels', { hash: checks });
    expect(labels.local.patterns).toEqual(before.local.patterns);
    expect(labels.effective.patterns).toEqual(['dots', 'checks']);
    expect(labels.corrected.pattern).toMatchObject({ reviewer: 'ana' });
    expect(labels.corrected.colours).toBeNull();

    const json = JSON.parse((await call('exportReviewed', { format: 'json' })).content) as {
      hash: string;
      labels: { patterns: string[] };
      corrections: Record<string, { reviewer: string; localValue: unknown }>;
    }[];
    expect(json.map((r) => r.hash)).toEqual([checks]);
    expect(json[0].labels.patterns).toEqual(['dots', 'checks']);
    expect(json[0].corrections.pattern).toEqual({
      reviewer: 'ana',
      at: expect.any(Number),
      localValue: before.local.patterns,
    });
    const [header, row] = parseCsv((await call('exportReviewed', { format: 'csv' })).content);
    expect(row[header.indexOf('patternLabels')]).toBe('dots; checks');
    expect(row[header.indexOf('correctedBy')]).toBe('ana');

    expect(await call('undoLabelCorrection', { reviewer: 'ana', hash: checks })).toEqual({ undone: 1 });
    expect(await searchHashes(call, { text: 'red dots' })).toEqual([]);
    const undone = await call('getAssetLabels', { hash: checks });
    expect(undone.effective.patterns).toEqual(before.local.patterns);
    expect(undone.history.map((c) => c.action)).toEqual(['set', 'undo']);
    expect(JSON.parse((await call('exportReviewed', { format: 'json' })).content)).toEqual([]);
  });

  it('corrects colour names and the repeat size, "no repeat" included', async () => {
    const { hashes, call } = await library();
    const stripes = hashes[0];
    expect(await searchHashes(call, { text: 'green' })).not.toContain(stripes);
    await call('correctLabels', {
      hashes: [stripes],
      reviewer: 'ana',
      corrections: [
        { field: 'colours', value: ['green', 'white'] },
        { field: 'repeat', value: { width: 32, height: 200 } },
      ],
    });
    expect(await searchHashes(call, { text: 'green stripes' })).toContain(stripes);
    expect((await call('search', { colours: ['navy'] })).items.map((i) => i.hash)).not.toContain(stripes);
    await call('correctLabels', {
      hashes: [stripes],
      reviewer: 'ben',
      corrections: [{ field: 'repeat', value: null }],
    });
    const labels = await call('getAssetLabels', { hash: stripes });
    expect(labels.effective).toMatchObject({ colours: ['green', 'white'], repeat: null });
    expect(labels.corrected.repeat).toMatchObject({ reviewer: 'ben' });
    // Ben's undo takes back his own change only; Ana's repeat size counts again.
    await call('undoLabelCorrection', { reviewer: 'ben', hash: stripes });
    expect((await call('getAssetLabels', { hash: stripes })).effective.repeat).toEqual({ width: 32, height: 200 });
    await expect(call('undoLabelCorrection', { reviewer: 'ben', hash: stripes })).rejects.toThrow(/nothing of yours/);
    await expect(
      call('correctLabels', {
        hashes: [stripes],
        reviewer: 'ana',
        corrections: [{ field: 'colours', value: ['beetroot'] }],
      } as never),
    ).rejects.toThrow(/invalid input/);
  });

  it('keeps a person’s label over a new analyzer version’s answer, which is still recorded as the local answer', async () => {
    const { hashes, call } = await library();
    const stripes = hashes[0];
    await call('correctLabels', {
      hashes: [stripes],
      reviewer: 'ana',
      corrections: [{ field: 'pattern', value: ['geometric'] }],
    });
    const { store } = fixture!.engine;
    const asset = store.getAsset(stripes)!;
    const pattern = { ...asset.analysis.pattern, label: 'texture' as const, labels: ['texture' as const] };
    store.recordAsset(asset.locations[0], {
      ...asset,
      analysis: { ...asset.analysis, version: 'local-2.0.0', pattern },
    });

    const after = await call('getAssetLabels', { hash: stripes });
    expect(after.local).toMatchObject({ version: 'local-2.0.0', patterns: ['texture'] });
    expect(after.effective.patterns).toEqual(['geometric']);
    expect(await searchHashes(call, { patterns: ['texture'] })).toEqual([]);
    expect(await searchHashes(call, { patterns: ['geometric'] })).toEqual([stripes]);

    // And after a restart, from the journal and snapshot.
    await fixture!.engine.close();
    fixture!.engine = await Engine.open({ dataDir: fixture!.dataDir });
    const reopened = caller(fixture!.engine);
    expect((await reopened('getAssetLabels', { hash: stripes })).effective.patterns).toEqual(['geometric']);
    expect(await searchHashes(reopened, { text: 'geometric' })).toEqual([stripes]);
  });

  it('sets the label of a whole selection as one batch that one undo takes back', async () => {
    const { hashes, call } = await library();
    const locals = await Promise.all(hashes.map((hash) => call('getAssetLabels', { hash })));
    const result = await call('correctLabels', {
      hashes,
      reviewer: 'ana',
      corrections: [{ field: 'pattern', value: ['floral/organic'] }],
    });
    expect(result.changed).toBe(3);
    expect((await call('search', { patterns: ['floral/organic'] })).total).toBe(3);
    const batches = await Promise.all(hashes.map(async (hash) => (await call('getAssetLabels', { hash })).history));
    expect(new Set(batches.flat().map((c) => c.batch))).toEqual(new Set([result.batch]));

    expect(await call('undoLabelCorrection', { reviewer: 'ana', batch: result.batch! })).toEqual({ undone: 3 });
    expect((await call('search', { patterns: ['floral/organic'] })).total).toBe(0);
    for (const [i, hash] of hashes.entries()) {
      expect((await call('getAssetLabels', { hash })).effective.patterns).toEqual(locals[i].local.patterns);
    }
    await expect(call('undoLabelCorrection', { reviewer: 'ana', batch: result.batch! })).rejects.toThrow(/nothing/);
  });

  it('counts standing corrections of the local analyzer and its confusion in the quality report', async () => {
    const { hashes, call } = await library();
    const [stripes, checks, green] = hashes;
    const local = (await call('getAssetLabels', { hash: stripes })).local.patterns[0];
    const checksLocal = (await call('getAssetLabels', { hash: checks })).local.patterns[0];
    await call('correctLabels', {
      hashes: [stripes, green],
      reviewer: 'ana',
      corrections: [{ field: 'pattern', value: ['dots'] }],
    });
    await call('correctLabels', {
      hashes: [checks],
      reviewer: 'ana',
      corrections: [{ field: 'pattern', value: ['geometric'] }],
    });
    await call('correctLabels', {
      hashes: [checks],
      reviewer: 'ana',
      corrections: [{ field: 'colours', value: ['red'] }],
    });
    await call('undoLabelCorrection', { reviewer: 'ana', hash: checks });

    const report = await call('qualityReport', {});
    expect(report.localCorrections).toEqual([{ field: 'pattern', count: 3 }]);
    const greenLocal = (await call('getAssetLabels', { hash: green })).local.patterns[0];
    const expected = new Map<string, number>();
    for (const key of [`${local}>dots`, `${greenLocal}>dots`, `${checksLocal}>geometric`])
      expected.set(key, (expected.get(key) ?? 0) + 1);
    const seen = new Map(report.localConfusion.map((row) => [`${row.local}>${row.corrected}`, row.count]));
    expect(seen).toEqual(expected);
  });
});
