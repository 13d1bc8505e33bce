import { describe, expect, it } from 'vitest';
import { budgetState, monthStart, spentThisMonth } from '../../../electron/analysis/budget';
import { costOf, DEFAULT_PRICES, priceOf, videoCostOf } from '../../../electron/analysis/pricing';
import { percentile, usageReport } from '../../../electron/analysis/usage-report';
import type { Invocation } from '../../../shared/model/ai';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const NOVA_REEL = 'amazon.nova-reel-v1:1';
const call = (at: number, over: Partial<Invocation> = {}): Invocation => ({
  id: String(at),
  at,
  hashes: ['h'],
  requestedModelId: HAIKU,
  modelId: HAIKU,
  promptVersion: 'p',
  inputTokens: 1000,
  outputTokens: 200,
  latencyMs: 100,
  costUsd: 0.0005,
  outcome: 'ok',
  detail: null,
  attempt: 0,
  ...over,
});

describe('pricing', () => {
  it('prices Claude 3 Haiku per million tokens, and an inference profile like its model', () => {
    expect(costOf(HAIKU, 1_000_000, 1_000_000, DEFAULT_PRICES)).toBeCloseTo(1.5);
    expect(priceOf(`us.${HAIKU}`, DEFAULT_PRICES)).toEqual(DEFAULT_PRICES[HAIKU]);
  });

  it('costs an unknown model at the dearest known price, never at zero', () => {
    const price = priceOf('acme.mystery-v9', DEFAULT_PRICES);
    expect(price.inputPerMTok).toBe(Math.max(...Object.values(DEFAULT_PRICES).map((p) => p.inputPerMTok)));
    expect(price.outputPerMTok).toBeGreaterThan(0);
  });

  it('prices Nova Reel per second of video, at $0.08 by default and at what the user set', () => {
    expect(videoCostOf(NOVA_REEL, 6, DEFAULT_PRICES)).toBeCloseTo(0.48);
    expect(videoCostOf(`us.${NOVA_REEL}`, 6, DEFAULT_PRICES)).toBeCloseTo(0.48);
    const edited = { ...DEFAULT_PRICES, [NOVA_REEL]: { inputPerMTok: 0, outputPerMTok: 0, perVideoSecond: 0.1 } };
    expect(videoCostOf(NOVA_REEL, 6, edited)).toBeCloseTo(0.6);
  });

  it('costs video at the dearest known video price when the table has none for the model, never at zero', () => {
    const savedBeforeVideo = { [HAIKU]: DEFAULT_PRICES[HAIKU] };
    expect(videoCostOf(NOVA_REEL, 6, savedBeforeVideo)).toBeCloseTo(0.48);
    const withoutVideoPrice = { [NOVA_REEL]: { inputPerMTok: 0, outputPerMTok: 0 } };
    expect(videoCostOf(NOVA_REEL, 6, withoutVideoPrice)).toBeCloseTo(0.48);
    const dearer = { 'acme.film-v1': { inputPerMTok: 0, outputPerMTok: 0, perVideoSecond: 0.5 } };
    expect(videoCostOf('acme.mystery-video-v9', 2, dearer)).toBeCloseTo(1);
  });
});

describe('budget', () => {
  it('counts this calendar month only (UTC)', () => {
    const now = Date.UTC(2026, 10, 24, 12);
    expect(monthStart(now)).toBe(Date.UTC(2026, 10, 1));
    const calls = [call(Date.UTC(2026, 9, 31, 23)), call(Date.UTC(2026, 10, 1, 0)), call(Date.UTC(2026, 10, 20))];
    const store = { listInvocations: (since = -Infinity) => calls.filter((c) => c.at >= since) };
    expect(spentThisMonth(store, now)).toBeCloseTo(0.001);
  });

  it('warns at 80 % and stops at 100 %', () => {
    expect(budgetState(7.99, 10)).toBe('ok');
    expect(budgetState(8, 10)).toBe('warn');
    expect(budgetState(10, 10)).toBe('exceeded');
  });
});

describe('usage report', () => {
  it('groups calls by day and model with tokens, cost and latency percentiles', () => {
    const day = Date.UTC(2026, 10, 20);
    const calls = [
      call(day, { latencyMs: 100 }),
      call(day + 1, { latencyMs: 300 }),
      call(day + 2, { outcome: 'throttled', costUsd: 0, latencyMs: 5 }),
      call(day + 86_400_000, { modelId: 'us.anthropic.claude-sonnet-4-20250514-v1:0', costUsd: 0.01 }),
    ];
    const report = usageReport(calls, 30, day + 2 * 86_400_000, 0.0115, 10);
    expect(report.days).toHaveLength(2);
    expect(report.days[0]).toMatchObject({
      day: '2026-11-20',
      modelId: HAIKU,
      calls: 3,
      failures: 1,
      inputTokens: 3000,
      latencyP50Ms: 100,
      latencyP95Ms: 300,
    });
    expect(report.models[0].modelId).toMatch(/sonnet/);
  });

  it('counts only requests that reached the service as calls, and the rest apart with their reason', () => {
    const day = Date.UTC(2026, 11, 5);
    const noCredentials = 'No AWS credentials found: set up a profile in ~/.aws/config …';
    const refused = { outcome: 'denied', costUsd: 0, inputTokens: 0, outputTokens: 0 } as const;
    const log = [
      call(day, { ...refused, latencyMs: 12, detail: noCredentials, notSent: 'no-credentials' }),
      call(day + 1, { ...refused, latencyMs: 0, detail: noCredentials, notSent: 'no-credentials' }),
      call(day + 2, { ...refused, detail: 'The monthly budget of $1.00 is reached …', notSent: 'budget' }),
      call(day + 3, { ...refused, latencyMs: 40, detail: 'AWS did not accept the credentials …', notSent: null }),
    ];
    const report = usageReport(log, 30, day + 10, 0, 10);
    expect(report.models).toEqual([expect.objectContaining({ modelId: HAIKU, calls: 1, failures: 1 })]);
    expect(report.notSent).toEqual([
      { modelId: HAIKU, reason: 'budget', count: 1, lastAt: day + 2, detail: expect.stringMatching(/monthly budget/) },
      { modelId: HAIKU, reason: 'no-credentials', count: 2, lastAt: day + 1, detail: noCredentials },
    ]);
  });

  it('reads records written before they said whether they were sent by the messages of that time', () => {
    const day = Date.UTC(2026, 11, 5);
    const legacy = (at: number, outcome: Invocation['outcome'], detail: string) =>
      call(at, { outcome, detail, costUsd: 0, inputTokens: 0, outputTokens: 0, latencyMs: 0 });
    const log = [
      // The old no-credentials message (its advice did not fit browser mode: it is not repeated).
      legacy(day, 'denied', 'No AWS credentials found: choose a profile or enter an access key in Settings (…).'),
      legacy(day + 1, 'offline', 'Cannot reach Amazon Bedrock (offline or blocked network): remote jobs wait …'),
      // A refusal by the service, with no latency recorded (old connection tests): still a call.
      legacy(day + 2, 'denied', 'AWS did not accept these credentials: check the access key, secret and profile …'),
      legacy(day + 3, 'offline', 'The connection to Bedrock dropped mid-call; retrying.'),
    ];
    const report = usageReport(log, 30, day + 10, 0, 10);
    expect(report.models).toEqual([expect.objectContaining({ calls: 2, failures: 2 })]);
    const rows = report.notSent.map((r) => [r.reason, r.count, r.detail]);
    expect(rows).toEqual([
      ['offline', 1, null],
      ['no-credentials', 1, null],
    ]);
  });

  it('takes nearest-rank percentiles', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
  });
});
