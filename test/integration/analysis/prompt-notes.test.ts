/**
 * Prompt notes (lessons from review, Settings → AI) go into the attribute prompt sent to the model, and give
 * it a new version: answers cached under the old prompt are not taken as answers to the new one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { attributePrompt, PROMPT_VERSION } from '../../../electron/analysis';
import { designs, openAnalysisFixture, type AnalysisFixture } from './analysis-fixture';

const NOTE = 'paisley is not floral: reviewers corrected “floral” to paisley in 23% of 140';

let fixture: AnalysisFixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

const systemTexts = (f: AnalysisFixture) =>
  f.fake.requests
    .filter((r) => r.api === 'converse')
    .map((r) => JSON.stringify((r.body as { system?: unknown }).system));

describe('prompt notes', () => {
  it('change the prompt text and its version, and only when the notes change', () => {
    expect(attributePrompt([])).toMatchObject({ version: PROMPT_VERSION });
    const noted = attributePrompt([NOTE]);
    expect(noted.system).toContain(`- ${NOTE}`);
    expect(noted.version).toMatch(new RegExp(`^${PROMPT_VERSION}\\+[0-9a-f]{8}$`));
    expect(attributePrompt([NOTE]).version).toBe(noted.version);
    expect(attributePrompt([NOTE, 'toile is not a stripe']).version).not.toBe(noted.version);
  });

  it('are sent with the attribute prompt, and answers from before them are asked again', async () => {
    fixture = await openAnalysisFixture({ designsPerCall: 2 }, { photos: 0 });
    const { analysis, store } = fixture.engine;
    fixture.fake.setFallback({ kind: 'toolUse', input: designs(2) });
    const before = analysis.estimate(fixture.assets).inputTokens;
    analysis.enqueue(fixture.assets);
    await analysis.queue.settled();
    expect(systemTexts(fixture)).toHaveLength(1);
    expect(systemTexts(fixture)[0]).not.toContain('paisley is not floral');

    analysis.updateSettings({ promptNotes: [NOTE] });
    const after = analysis.estimate(fixture.assets);
    expect(after).toMatchObject({ cached: 0, toSend: 2 });
    // The rule of thumb counts the notes' words too (one call of two designs here).
    expect(after.inputTokens).toBe(
      before + Math.ceil(attributePrompt([NOTE]).system.length / 4) - Math.ceil(attributePrompt([]).system.length / 4),
    );
    analysis.enqueue(fixture.assets);
    await analysis.queue.settled();
    expect(systemTexts(fixture)).toHaveLength(2);
    expect(systemTexts(fixture)[1]).toContain('paisley is not floral');
    const version = attributePrompt([NOTE]).version;
    for (const asset of fixture.assets)
      expect(store.analysis.listModelAnalyses(asset.hash).map((a) => a.promptVersion)).toEqual([
        PROMPT_VERSION,
        version,
      ]);
    expect((await analysis.previewInput(fixture.assets[0])).prompt).toContain(`(prompt version ${version})`);
  });
});
