import { describe, expect, it } from 'vitest';
import { qualityReport } from '../../../electron/review';
import type { ModelAnalysis } from '../../../shared/model/ai';
import type { ReviewDecision } from '../../../shared/model/review';

let id = 0;
const decision = (over: Partial<ReviewDecision>): ReviewDecision => ({
  id: `d${++id}`,
  batch: `b${id}`,
  at: 0,
  reviewer: 'ana',
  hash: 'h1',
  field: 'style',
  action: 'accept',
  value: 'x',
  modelValue: 'x',
  previous: null,
  modelId: 'haiku',
  promptVersion: 'p',
  undoes: [],
  ...over,
});
const analysis = (hash: string, modelId: string, costUsd: number) => ({ hash, modelId, costUsd }) as ModelAnalysis;
const MIN = 60_000;

describe('quality figures', () => {
  it('counts only standing decisions per model and per field', () => {
    const undone = decision({ hash: 'h2', action: 'reject', at: 2 });
    const report = qualityReport(
      [
        decision({ hash: 'h1', field: 'style', action: 'reject', at: 1 }),
        decision({ hash: 'h1', field: 'style', action: 'accept', at: 5 }),
        undone,
        decision({ action: 'undo', hash: 'h2', undoes: [undone.id], at: 3 }),
        decision({ hash: 'h3', field: 'mood', action: 'edit', modelId: 'sonnet', at: 4 }),
      ],
      () => [],
    );
    expect(report.byModel).toEqual([
      { key: 'haiku', accepted: 1, edited: 0, rejected: 0, acceptanceRate: 1 },
      { key: 'sonnet', accepted: 0, edited: 1, rejected: 0, acceptanceRate: 0 },
    ]);
    expect(report.byField.find((r) => r.key === 'mood')).toMatchObject({ edited: 1 });
  });

  it('counts a whole-item reject as a reject of every field it covers', () => {
    const report = qualityReport(
      [
        decision({ hash: 'h', field: 'style', action: 'accept', at: 1 }),
        decision({ hash: 'h', field: 'item', action: 'reject', value: null, at: 2 }),
        decision({ hash: 'h', field: 'mood', action: 'accept', at: 3 }),
      ],
      () => [],
    );
    expect(report.byModel).toEqual([{ key: 'haiku', accepted: 1, edited: 0, rejected: 9, acceptanceRate: 0.1 }]);
    expect(report.byField.find((r) => r.key === 'style')).toMatchObject({ accepted: 0, rejected: 1 });
    expect(report.byField.find((r) => r.key === 'mood')).toMatchObject({ accepted: 1, rejected: 0 });
  });

  it('prices acceptance per model and field', () => {
    const report = qualityReport(
      [
        decision({ hash: 'a', modelId: 'haiku' }),
        decision({ hash: 'b', modelId: 'haiku', action: 'reject' }),
        decision({ hash: 'a', modelId: 'sonnet', field: 'mood' }),
      ],
      (hash) => [analysis(hash, 'haiku', 0.0005), analysis(hash, 'sonnet', 0.01)],
    );
    expect(report.acceptedPerDollar).toEqual([
      { field: 'style', modelId: 'haiku', accepted: 1, costUsd: 0.001, perDollar: 1000 },
      { field: 'mood', modelId: 'sonnet', accepted: 1, costUsd: 0.01, perDollar: 100 },
    ]);
  });

  it('measures items per hour over reviewing sessions, not idle time', () => {
    const times = [0, 1, 2, 3].map((i) => i * MIN).concat([120 * MIN, 121 * MIN]);
    const report = qualityReport(
      times.map((at, i) => decision({ hash: `h${i}`, at })),
      () => [],
    );
    // Two sessions: 3 minutes and 1 minute (the 2-hour pause does not count).
    expect(report.reviewers).toEqual([{ reviewer: 'ana', items: 6, decisions: 6, hours: 0.067, itemsPerHour: 90 }]);
  });

  it('measures agreement where two reviewers decided the same field', () => {
    const report = qualityReport(
      [
        decision({ reviewer: 'ana', hash: 'a', field: 'style', value: 'deco' }),
        decision({ reviewer: 'ben', hash: 'a', field: 'style', action: 'edit', value: 'deco' }),
        decision({ reviewer: 'ana', hash: 'a', field: 'mood', action: 'reject', value: null }),
        decision({ reviewer: 'ben', hash: 'a', field: 'mood', value: 'calm' }),
        decision({ reviewer: 'ana', hash: 'b', field: 'mood' }),
      ],
      () => [],
    );
    expect(report.agreement).toEqual([{ reviewers: ['ana', 'ben'], fields: 2, agreed: 1, rate: 0.5 }]);
  });
});
