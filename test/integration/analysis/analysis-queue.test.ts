import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine';
import type { AccessKeys, SecretStore } from '../../../electron/analysis';
import { waitFor } from '../../support/temp-dirs';
import { designs, FAKE_SECRET, openAnalysisFixture, type AnalysisFixture } from './analysis-fixture';

let fixture: AnalysisFixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

const converseCalls = (f: AnalysisFixture) => f.fake.requests.filter((r) => r.api === 'converse');
const states = (f: AnalysisFixture) =>
  f.engine.store.analysis
    .listAnalysisJobs()
    .map((j) => j.state)
    .sort();

describe('the remote analysis queue', () => {
  it('slows down on throttling bursts and finishes every job', async () => {
    fixture = await openAnalysisFixture({ designsPerCall: 2 }, { photos: 2 });
    fixture.fake.script({ kind: 'error', type: 'ThrottlingException' }, { kind: 'error', type: 'ThrottlingException' });
    fixture.fake.setFallback({ kind: 'toolUse', input: designs(2) });
    fixture.engine.analysis.enqueue(fixture.assets);
    await fixture.engine.analysis.queue.settled();
    expect(states(fixture)).toEqual(['done', 'done', 'done', 'done']);
    const outcomes = fixture.engine.store.analysis.listInvocations().map((c) => c.outcome);
    expect(outcomes.filter((o) => o === 'throttled')).toHaveLength(2);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(2);
  });

  it('retries a call that timed out or lost its connection', async () => {
    fixture = await openAnalysisFixture({ requestTimeoutMs: 1000 }, { photos: 0 });
    fixture.fake.script({ kind: 'hang' }, { kind: 'drop', mode: 'reset' }, { kind: 'toolUse', input: designs(2) });
    fixture.engine.analysis.enqueue(fixture.assets);
    await fixture.engine.analysis.queue.settled();
    expect(states(fixture)).toEqual(['done', 'done']);
    expect(fixture.engine.store.analysis.listInvocations().map((c) => c.outcome)).toEqual(['timeout', 'offline', 'ok']);
  });

  it('holds every job while access is denied, says why, and resumes on its own once it works', async () => {
    fixture = await openAnalysisFixture({}, { photos: 0 });
    fixture.fake.script({
      kind: 'error',
      type: 'AccessDeniedException',
      message: "You don't have access to the model",
    });
    fixture.fake.setFallback({ kind: 'toolUse', input: designs(2) });
    const { queue } = fixture.engine.analysis;
    fixture.engine.analysis.enqueue(fixture.assets);
    await waitFor(() => queue.progress().waiting === 2, 5000, 'jobs to wait');
    expect(queue.progress().holdReason).toMatch(/Access denied to anthropic\.claude-3-haiku.*Model access/);
    // The hold is probed again after a while (300 ms here), and the fake now answers.
    await waitFor(() => queue.progress().done === 2, 10_000, 'jobs to finish after the hold');
    expect(queue.progress().holdReason).toBeNull();
  });

  it('pauses remote work when the monthly budget is reached, until it is raised', async () => {
    fixture = await openAnalysisFixture(
      { designsPerCall: 1, remoteConcurrency: 1, monthlyBudgetUsd: 0.0001 },
      { photos: 1 },
    );
    fixture.fake.setFallback({ kind: 'toolUse', input: designs(1), usage: { inputTokens: 1000, outputTokens: 200 } });
    const { analysis } = fixture.engine;
    analysis.enqueue(fixture.assets);
    await waitFor(() => analysis.queue.progress().waiting === 2, 5000, 'the budget hold');
    const progress = analysis.queue.progress();
    expect(progress).toMatchObject({ done: 1, budgetState: 'exceeded' });
    expect(progress.holdReason).toMatch(/monthly budget of \$0\.00 is reached/);
    expect(converseCalls(fixture)).toHaveLength(1);
    // The batch the budget kept back is no call: Usage shows it apart, with the reason.
    const usage = analysis.usage(30);
    expect(usage.models[0]).toMatchObject({ calls: 1, failures: 0 });
    expect(usage.notSent).toEqual([
      expect.objectContaining({ reason: 'budget', count: 1, detail: progress.holdReason }),
    ]);

    analysis.updateSettings({ monthlyBudgetUsd: 5 });
    await analysis.queue.settled();
    expect(states(fixture)).toEqual(['done', 'done', 'done']);
  });

  it('pauses, cancels and resumes on request', async () => {
    fixture = await openAnalysisFixture({}, { photos: 0 });
    const { queue } = fixture.engine.analysis;
    queue.pause();
    fixture.engine.analysis.enqueue(fixture.assets);
    expect(queue.progress()).toMatchObject({ waiting: 2, paused: true, holdReason: 'paused by you' });
    expect(queue.cancel()).toBe(2);
    queue.resumeNow();
    await queue.settled();
    expect(states(fixture)).toEqual(['cancelled', 'cancelled']);
    expect(converseCalls(fixture)).toHaveLength(0);
  });

  it('resumes persisted jobs after the process stops mid-run', async () => {
    fixture = await openAnalysisFixture({}, { photos: 1 });
    fixture.engine.analysis.queue.pause();
    fixture.engine.analysis.enqueue(fixture.assets);
    await fixture.engine.close();
    fixture.fake.setFallback({ kind: 'toolUse', input: designs(3) });

    const reopened = await Engine.open({ dataDir: fixture.dataDir, analyse: true });
    try {
      await waitFor(() => reopened.analysis.queue.progress().done === 3, 10_000, 'resumed jobs');
      expect(reopened.store.analysis.listModelAnalyses(fixture.assets[0].hash)).toHaveLength(1);
    } finally {
      await reopened.close();
      fixture.engine = reopened;
    }
  });

  it('keeps stored access keys out of the library, the log and error messages', async () => {
    const keys: AccessKeys = { accessKeyId: 'AKIASTOREDKEY0000001', secretAccessKey: FAKE_SECRET };
    let held: AccessKeys | null = null;
    const secrets: SecretStore = {
      available: true,
      has: async () => held !== null,
      get: async () => held,
      set: async (k) => void (held = k),
      clear: async () => void (held = null),
    };
    fixture = await openAnalysisFixture({}, { photos: 0, secrets });
    await fixture.engine.analysis.storeKeys(keys);
    fixture.fake.script(
      { kind: 'toolUse', input: designs(2) },
      {
        kind: 'error',
        type: 'UnrecognizedClientException',
        message: 'The security token included in the request is invalid.',
      },
    );
    fixture.engine.analysis.enqueue(fixture.assets);
    await fixture.engine.analysis.queue.settled();
    expect(converseCalls(fixture)[0].auth).toMatchObject({ scheme: 'sigv4', accessKeyId: keys.accessKeyId });
    const check = await fixture.engine.analysis.testConnection();
    expect(check).toMatchObject({ ok: false, problem: 'invalid-credentials' });
    expect(check.message).not.toContain(FAKE_SECRET);

    await fixture.engine.store.flush();
    for (const file of await fs.readdir(fixture.dataDir)) {
      const full = path.join(fixture.dataDir, file);
      if ((await fs.stat(full)).isFile()) expect(await fs.readFile(full, 'utf8'), file).not.toContain(FAKE_SECRET);
    }
    expect(JSON.stringify(fixture.engine.store.analysis.listInvocations())).not.toContain(FAKE_SECRET);
    expect(fixture.engine.analysis.settings().credentials).toEqual({ kind: 'stored-keys' });
  });
});
