/**
 * The AI-written summary of "What reviewers change", against the fake Bedrock over the real SDK: the model
 * is sent only the highlights' counts and sentences, the answer streams in, is kept with its date, and is
 * not asked for again unless the person wants a fresh one.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../shared/api';
import { ApiHost } from '../../../electron/api';
import { Engine } from '../../../electron/engine';
import { fakeBedrockEnv, startFakeBedrock, type FakeBedrock } from '../../support/fake-bedrock';
import { HAIKU, openReviewFixture, type ReviewFixture } from './review-fixture';

const SUMMARY = { summary: 'Reviewers mostly correct Haiku motifs: it calls peonies roses in 3 of 4 reviewed items.' };
const REVIEWER_TEXT = 'Ann wrote this description herself';

let fake: FakeBedrock;
let fixture: ReviewFixture;
let host: ApiHost;
let events: ApiEvent[];

beforeEach(async () => {
  fake = await startFakeBedrock();
  Object.assign(process.env, fakeBedrockEnv(fake));
  fixture = await openReviewFixture(4);
  const { review, analysis } = fixture.engine;
  analysis.updateSettings({ analyzer: 'bedrock', attributesModel: HAIKU, escalationModel: null });
  const [a, b, c, d] = fixture.hashes;
  for (const hash of [a, b, c])
    review.decide(hash, 'Ann', [{ field: 'motifs', action: 'edit', value: ['peonies', 'leaves'] }]);
  review.decide(d, 'Ann', [{ field: 'description', action: 'edit', value: REVIEWER_TEXT }]);
  host = new ApiHost(fixture.engine);
  events = [];
  host.events.subscribe((event) => events.push(event));
});
afterEach(async () => {
  host.events.close();
  await fixture.close();
  await fake.close();
});

const textsOf = (streamId: string) =>
  events.flatMap((e) => (e.type === 'modelText' && e.streamId === streamId ? [e.text] : []));

describe('the AI-written summary of what reviewers change', () => {
  it('sends only counts and computed sentences, streams the answer, and keeps it dated', async () => {
    fake.script({ kind: 'stream', reply: { kind: 'toolUse', input: SUMMARY }, chunkChars: 20, gapMs: 2 });
    const streamId = randomUUID();
    const result = await host.call('summariseReviewHighlights', { streamId });
    expect(result).toMatchObject({
      ok: true,
      value: { summary: { text: SUMMARY.summary, modelId: HAIKU }, decisionsSince: 0 },
    });
    expect(textsOf(streamId).length).toBeGreaterThan(2);

    expect(fake.requests.map((r) => r.api)).toEqual(['converseStream']);
    const sent = JSON.stringify(fake.requests[0].body);
    expect(sent).toContain('calls peonies “roses”; 3 of 3 reviewed');
    expect(sent).not.toContain(REVIEWER_TEXT);
    for (const hash of fixture.hashes) expect(sent).not.toContain(hash);
    expect(sent).not.toContain('design-0');
    expect(fixture.engine.store.analysis.listInvocations()).toMatchObject([
      { outcome: 'ok', modelId: HAIKU, promptVersion: 'review-summary-v1' },
    ]);

    // Shown with the quality report, dated; a later decision makes it one behind.
    fixture.engine.review.decide(fixture.hashes[3], 'Ben', [{ field: 'style', action: 'reject' }]);
    const report = await host.call('qualityReport', {});
    expect(report).toMatchObject({
      ok: true,
      value: { highlightsSummary: { summary: { text: SUMMARY.summary, at: expect.any(Number) }, decisionsSince: 1 } },
    });
  });

  it('answers from what is stored unless asked for a fresh one', async () => {
    fake.script({ kind: 'toolUse', input: SUMMARY });
    await host.call('summariseReviewHighlights', {});
    expect(await host.call('summariseReviewHighlights', {})).toMatchObject({
      ok: true,
      value: { summary: { text: SUMMARY.summary } },
    });
    expect(fake.requests).toHaveLength(1);

    fake.script({ kind: 'toolUse', input: { summary: 'Fresh: motifs are still the main correction.' } });
    expect(await host.call('summariseReviewHighlights', { fresh: true })).toMatchObject({
      ok: true,
      value: { summary: { text: 'Fresh: motifs are still the main correction.' } },
    });
    expect(fake.requests).toHaveLength(2);
  });

  it('keeps nothing when stopped, and refuses a summary longer than 600 characters', async () => {
    fake.script({ kind: 'stream', reply: { kind: 'toolUse', input: SUMMARY }, chunkChars: 6, gapMs: 30 });
    const streamId = randomUUID();
    const asking = host.call('summariseReviewHighlights', { streamId });
    while (textsOf(streamId).length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    await host.call('stopModelStream', { streamId });
    expect(await asking).toMatchObject({ ok: false, status: 409, error: expect.stringMatching(/^Stopped by you/) });
    expect(fixture.engine.store.analysis.getReviewSummary()).toBeNull();

    fake.script({ kind: 'toolUse', input: { summary: 'x'.repeat(601) } });
    expect(await host.call('summariseReviewHighlights', {})).toMatchObject({ ok: false });
    expect(fixture.engine.store.analysis.getReviewSummary()).toBeNull();
  });

  it('refuses over the monthly budget, and asks nothing when the analyzer is the offline one', async () => {
    fixture.engine.analysis.updateSettings({ monthlyBudgetUsd: 0 });
    expect(await host.call('summariseReviewHighlights', {})).toMatchObject({
      ok: false,
      status: 409,
      error: expect.stringMatching(/monthly budget of \$0\.00 is reached/),
    });
    fixture.engine.analysis.updateSettings({ analyzer: 'local', monthlyBudgetUsd: 10 });
    expect(await host.call('summariseReviewHighlights', {})).toMatchObject({ ok: false, status: 400 });
    expect(fake.requests).toHaveLength(0);
  });

  it('is kept in the library: a reopened library still has it', async () => {
    fake.script({ kind: 'toolUse', input: SUMMARY });
    await host.call('summariseReviewHighlights', {});
    await fixture.engine.close();
    fixture.engine = await Engine.open({ dataDir: fixture.dataDir });
    expect(fixture.engine.store.analysis.getReviewSummary()).toMatchObject({ text: SUMMARY.summary, modelId: HAIKU });
  });
});
