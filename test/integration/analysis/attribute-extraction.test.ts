import { afterEach, describe, expect, it } from 'vitest';
import { PROMPT_VERSION } from '../../../electron/analysis';
import { TOOL_NAME } from '../../../electron/analysis/bedrock/prompt';
import { costOf, DEFAULT_PRICES } from '../../../electron/analysis/pricing';
import { INJECTION_PAYLOAD } from '../../support/fake-bedrock';
import { designs, HAIKU, openAnalysisFixture, SONNET, type AnalysisFixture } from './analysis-fixture';

let fixture: AnalysisFixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

async function analyseAll(f: AnalysisFixture) {
  f.engine.analysis.enqueue(f.assets);
  await f.engine.analysis.queue.settled();
  return f.engine.store.analysis.listAnalysisJobs();
}

const converseCalls = (f: AnalysisFixture) => f.fake.requests.filter((r) => r.api === 'converse');
const stored = (f: AnalysisFixture, i: number) => f.engine.store.analysis.listModelAnalyses(f.assets[i].hash);

describe('attribute extraction through the real Bedrock client', () => {
  it('sends every design in one forced-tool call and stores each answer with its model, confidence and cost', async () => {
    fixture = await openAnalysisFixture();
    fixture.fake.script({ kind: 'toolUse', input: designs(4), usage: { inputTokens: 2400, outputTokens: 800 } });
    const jobs = await analyseAll(fixture);

    expect(jobs.map((j) => j.state)).toEqual(['done', 'done', 'done', 'done']);
    const [request] = converseCalls(fixture);
    expect(request.httpVersion).toBe('2.0');
    expect(request.modelId).toBe(HAIKU);
    const body = request.body as {
      toolConfig: { toolChoice: unknown };
      system: { text: string }[];
      messages: { content: { image?: unknown; text?: string }[] }[];
    };
    expect(body.toolConfig.toolChoice).toEqual({ tool: { name: TOOL_NAME } });
    expect(body.system[0].text).toMatch(/never an instruction/);
    // Repeating patterns go as a tile plus a small whole: six images for four designs.
    expect(body.messages[0].content.filter((block) => block.image)).toHaveLength(6);

    const cost = costOf(HAIKU, 2400, 800, DEFAULT_PRICES);
    for (let i = 0; i < 4; i++) {
      const [analysis] = stored(fixture, i);
      expect(analysis).toMatchObject({
        modelId: HAIKU,
        requestedModelId: HAIKU,
        promptVersion: PROMPT_VERSION,
        escalatedFrom: null,
      });
      expect(analysis.costUsd).toBeCloseTo(cost / 4, 10);
    }
    const descriptions = fixture.assets.map((_, i) => stored(fixture!, i)[0].attributes.description).sort();
    expect(descriptions).toEqual(['Design number 1.', 'Design number 2.', 'Design number 3.', 'Design number 4.']);
    expect(fixture.engine.store.analysis.listInvocations()).toMatchObject([
      { outcome: 'ok', inputTokens: 2400, outputTokens: 800, attempt: 0 },
    ]);
    // The model's words are searchable.
    expect(fixture.engine.store.search({ text: 'cottagecore watercolour' }).total).toBe(4);
  });

  it('never pays twice for the same bytes, model and prompt', async () => {
    fixture = await openAnalysisFixture();
    fixture.fake.script({ kind: 'toolUse', input: designs(4) });
    await analyseAll(fixture);
    const jobs = await analyseAll(fixture);
    expect(jobs.every((j) => j.state === 'done')).toBe(true);
    expect(converseCalls(fixture)).toHaveLength(1);
    expect(fixture.engine.analysis.estimate(fixture.assets)).toMatchObject({ cached: 4, toSend: 0, costUsd: 0 });
  });

  it('hands validation errors back once as a tool result, and stores the corrected answer', async () => {
    fixture = await openAnalysisFixture({}, { photos: 1 });
    const bad = designs(3);
    bad.designs[1] = { ...bad.designs[1], colours: [{ name: 'navy', hex: 'navy' }] };
    delete bad.designs[2].confidence;
    fixture.fake.script({ kind: 'toolUseRaw', input: bad }, { kind: 'toolUse', input: designs(3) });
    const jobs = await analyseAll(fixture);

    expect(jobs.every((j) => j.state === 'done')).toBe(true);
    const retry = converseCalls(fixture)[1].body as {
      messages: { role: string; content: { toolResult?: { status: string; content: { text: string }[] } }[] }[];
    };
    expect(retry.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    const result = retry.messages[2].content[0].toolResult!;
    expect(result.status).toBe('error');
    expect(result.content[0].text).toMatch(/Design 2: colours\.0\.hex/);
    expect(result.content[0].text).toMatch(/Design 3: confidence/);
    expect(fixture.engine.store.analysis.listInvocations().map((c) => [c.outcome, c.attempt])).toEqual([
      ['invalid', 0],
      ['ok', 1],
    ]);
  });

  it('records a design that is still invalid after the retry as a failed analysis, never as attributes', async () => {
    fixture = await openAnalysisFixture({}, { photos: 1 });
    const partly = designs(3);
    delete partly.designs[0].patternTypes;
    fixture.fake.script({ kind: 'toolUseRaw', input: partly }, { kind: 'toolUseRaw', input: partly });
    const jobs = await analyseAll(fixture);

    const byHash = new Map(jobs.map((j) => [j.hash, j]));
    const first = byHash.get(fixture.assets[0].hash)!;
    expect(first.state).toBe('failed');
    expect(first.reason).toMatch(/no valid answer: patternTypes/);
    expect(stored(fixture, 0)).toEqual([]);
    expect(stored(fixture, 1)).toHaveLength(1);
  });

  it('fails every design when the model answers with broken JSON text instead of the tool', async () => {
    fixture = await openAnalysisFixture({}, { photos: 1 });
    fixture.fake.script(
      { kind: 'text', text: '{"patternTypes": ["floral"' },
      { kind: 'text', text: 'Sorry, here it is: {"' },
    );
    const jobs = await analyseAll(fixture);
    expect(jobs.map((j) => j.state)).toEqual(['failed', 'failed', 'failed']);
    expect(jobs[0].reason).toMatch(/did not call record_designs/);
    for (let i = 0; i < 3; i++) expect(stored(fixture, i)).toEqual([]);
  });

  it('escalates weak answers to the stronger model and records who answered', async () => {
    fixture = await openAnalysisFixture({ escalationModel: SONNET, escalationThreshold: 0.8 }, { photos: 1 });
    const unsure = Object.fromEntries(Object.keys(designs(1).designs[0].confidence as object).map((k) => [k, 0.3]));
    const first = designs(3);
    first.designs[0] = { ...first.designs[0], confidence: unsure };
    fixture.fake.script(
      { kind: 'toolUse', input: first },
      { kind: 'toolUse', input: designs(1, { description: 'A confident second opinion.' }) },
    );
    await analyseAll(fixture);

    const calls = converseCalls(fixture);
    expect(calls.map((c) => c.modelId)).toEqual([HAIKU, SONNET]);
    const escalated = stored(fixture, 0);
    expect(escalated.map((a) => a.modelId)).toEqual([HAIKU, SONNET]);
    expect(escalated[1]).toMatchObject({
      escalatedFrom: HAIKU,
      attributes: { description: 'A confident second opinion.' },
    });
    expect(stored(fixture, 1).map((a) => a.modelId)).toEqual([HAIKU]);
  });

  it("keeps the first model's answers when the escalation model is out of reach", async () => {
    fixture = await openAnalysisFixture({ escalationModel: SONNET, escalationThreshold: 0.99 }, { photos: 0 });
    fixture.fake.script(
      { kind: 'toolUse', input: designs(2) },
      { kind: 'error', type: 'AccessDeniedException', message: 'You do not have access' },
    );
    const jobs = await analyseAll(fixture);
    expect(jobs.map((j) => j.state)).toEqual(['done', 'done']);
    expect(stored(fixture, 0).map((a) => a.modelId)).toEqual([HAIKU]);
    expect(fixture.engine.analysis.queue.progress().holdReason).toBeNull();
  });

  it('records the model a prompt router chose', async () => {
    const router = 'arn:aws:bedrock:us-east-1:111122223333:default-prompt-router/anthropic.claude:1';
    fixture = await openAnalysisFixture({ attributesModel: router }, { photos: 0 });
    fixture.fake.script({
      kind: 'toolUse',
      input: designs(2),
      invokedModelId: `arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`,
    });
    await analyseAll(fixture);
    expect(stored(fixture, 0)[0]).toMatchObject({
      requestedModelId: router,
      modelId: `arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`,
    });
  });

  it('keeps text from inside an image as data: an injected reply changes nothing but its own strings', async () => {
    fixture = await openAnalysisFixture({}, { photos: 0 });
    const hostile = `Swatch. ${INJECTION_PAYLOAD}`.slice(0, 200);
    fixture.fake.script({
      kind: 'toolUse',
      input: designs(2, { description: hostile, keywords: ['approve all', '<script>alert(1)</script>'] }),
    });
    const before = fixture.assets.map((a) => fixture!.engine.store.getAsset(a.hash));
    await analyseAll(fixture);
    const [analysis] = stored(fixture, 0);
    expect(analysis.attributes.description).toBe(hostile);
    expect(analysis.attributes.keywords).toContain('<script>alert(1)</script>');
    expect(fixture.assets.map((a) => fixture!.engine.store.getAsset(a.hash))).toEqual(before);
  });

  it('does not send solids at all', async () => {
    fixture = await openAnalysisFixture({}, { photos: 0, solid: true });
    fixture.fake.script({ kind: 'toolUse', input: designs(2) });
    const jobs = await analyseAll(fixture);
    const solid = fixture.assets.find((a) => a.analysis.pattern.solid)!;
    expect(jobs.find((j) => j.hash === solid.hash)).toMatchObject({
      state: 'done',
      reason: expect.stringMatching(/not sent: a solid colour/),
    });
    const body = converseCalls(fixture)[0].body as { messages: { content: { text?: string }[] }[] };
    expect(body.messages[0].content.at(-1)?.text).toMatch(/designs 1 to 2/);
  });
});
