/**
 * The same 40 sentences with Amazon Bedrock chosen, against the fake: a sentence the built-in reading
 * leaves words over goes to the model, whose answer is validated and searched like the built-in one.
 * The fake answers with a faithful reading (the understood parts, the rest left out, as the prompt asks),
 * so this measures the model path end to end (call, schema, mapping, search), not a model's judgement.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryPart } from '../../../shared/model/natural-search';
import { Engine } from '../../../electron/engine';
import { interpretSentence, searchByInterpretation } from '../../../electron/search';
import { fakeBedrockEnv, startFakeBedrock, type FakeBedrock } from '../../support/fake-bedrock';
import { tempDirs } from '../../support/temp-dirs';
import { keepEnv } from '../analysis/analysis-fixture';
import { writeSentenceLibrary, type KnownImage } from './sentence-library';
import { QUERIES } from './sentence-queries';

const dirs = tempDirs();
const restoreEnv = keepEnv();
let fake: FakeBedrock;
let engine: Engine;
let known: KnownImage[];
beforeAll(async () => {
  fake = await startFakeBedrock();
  Object.assign(process.env, fakeBedrockEnv(fake));
  const root = await dirs.make('sentence-library-');
  known = await writeSentenceLibrary(root);
  engine = await Engine.open({ dataDir: await dirs.make('sentence-data-') });
  await engine.library.addFolder(root);
  await engine.library.idle();
  engine.analysis.updateSettings({ analyzer: 'bedrock' });
}, 120_000);
afterAll(async () => {
  await engine?.close();
  await fake?.close();
  await dirs.cleanup();
  restoreEnv();
});

/** The understood parts in the model tool's own terms. */
function modelAnswer(parts: readonly QueryPart[]): Record<string, string[]> {
  const of = (kind: QueryPart['kind'], negated: boolean) =>
    parts.filter((p) => p.kind === kind && p.negated === negated).map((p) => p.value);
  return {
    patterns: of('pattern', false),
    excludePatterns: of('pattern', true),
    colours: of('colour', false),
    excludeColours: of('colour', true),
    attributes: of('attribute', false),
    statuses: of('status', false),
    orientations: of('orientation', false),
  };
}

const nameOf = (path: string) => path.split(/[\\/]/).at(-1)!;

describe('search in words through the model path', () => {
  it(`finds what ${QUERIES.length} sentences ask for, those with words left over read by the model`, async () => {
    let byModel = 0;
    const rows = [];
    for (const [sentence, answers] of QUERIES) {
      const local = interpretSentence(sentence);
      if (local.ignored.length > 0) fake.script({ kind: 'toolUse', input: modelAnswer(local.parts) });
      const read = await engine.sentences.interpret(sentence);
      if (read.by === 'model') byModel++;
      // Ranked as the built-in figure is: parts matched, then the share of the colours named.
      const found = searchByInterpretation(engine.store, read, 10);
      const top = found.hits.map((hit) => nameOf(hit.asset.path));
      const complete = found.hits.filter((hit) => hit.matched === found.parts);
      const relevant = new Set(known.filter(answers).map((k) => k.name));
      const first = Math.min(10, relevant.size);
      // With nothing relevant, right is showing no image that matches every part.
      const ranked =
        relevant.size === 0
          ? Number(complete.length === 0)
          : top.slice(0, first).filter((n) => relevant.has(n)).length / first;
      rows.push({ sentence, by: read.by, ranked });
    }
    const precision = rows.reduce((sum, row) => sum + row.ranked, 0) / rows.length;
    console.log(
      `precision@10 ${precision.toFixed(3)} (ranked: the relevant images first) over ${rows.length} sentences with ` +
        `Bedrock chosen; ${byModel} read by the model (the fake, answering faithfully), the rest by the built-in reading`,
    );
    expect(byModel).toBe(QUERIES.filter(([s]) => interpretSentence(s).ignored.length > 0).length);
    expect(byModel).toBeGreaterThan(0);
    expect(fake.requests.filter((r) => r.api === 'converse')).toHaveLength(byModel);
    expect(precision).toBeGreaterThanOrEqual(0.9);
  });
});
