import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Invocation } from '../../../shared/model/ai';
import { createSwatchbookApi } from '../../../electron/api';
import { settleApiCall } from '../../../electron/api/dispatch';
import { Engine } from '../../../electron/engine';
import { teamTestBed } from '../../support/team-bed';
import { waitFor } from '../../support/temp-dirs';
import { HAIKU } from '../review/review-fixture';

const team = teamTestBed();
const { dirs } = team;

const member = (url: string, author: string) => team.member(url, author);
/** A login holding the reviewer role in the team library at `url`. */
async function reviewerUrl(url: string, name: string): Promise<string> {
  const database = new URL(url).pathname.slice(1);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE ROLE ${name}_${database} LOGIN`);
  await client.query(`GRANT ${database}_reviewer TO ${name}_${database}`);
  await client.end();
  return url.replace('//swatchbook@', `//${name}_${database}@`);
}

const call = (costUsd: number, notSent: Invocation['notSent'] = null): Invocation => ({
  id: randomUUID(),
  at: Date.now(),
  hashes: ['a'.repeat(64)],
  requestedModelId: HAIKU,
  modelId: HAIKU,
  promptVersion: 'v1',
  inputTokens: 1000,
  outputTokens: 200,
  latencyMs: 900,
  costUsd,
  outcome: 'ok',
  detail: null,
  attempt: 0,
  notSent,
});

describe("a team library's one monthly budget", () => {
  it("is set by an admin for everyone, counts everyone's calls, and says who spent what", async () => {
    const url = await team.server.createDatabase();
    const ann = await member(url, 'ann');
    const rex = await member(await reviewerUrl(url, 'rex'), 'rex');
    const annApi = createSwatchbookApi(ann);
    const rexApi = createSwatchbookApi(rex);

    const refused = await settleApiCall(rexApi, 'updateAiSettings', { monthlyBudgetUsd: 500 });
    expect(refused).toMatchObject({ ok: false, status: 403 });
    expect(refused).toMatchObject({ error: expect.stringMatching(/budget needs the admin role; yours is reviewer/) });

    expect(await settleApiCall(annApi, 'updateAiSettings', { monthlyBudgetUsd: 1 })).toMatchObject({ ok: true });
    await waitFor(() => rex.store.analysis.getTeamBudget()?.monthlyUsd === 1, 10_000, "Ann's budget on Rex's copy");
    expect(rex.analysis.settings().monthlyBudgetUsd).toBe(1);
    expect(rex.store.analysis.getTeamBudget()!.setBy).toBe('ann');

    ann.store.analysis.recordInvocation(call(0.6));
    rex.store.analysis.recordInvocation(call(0.5));
    rex.store.analysis.recordInvocation(call(0, 'budget'));
    await waitFor(() => rex.store.analysis.listInvocations().length === 3, 10_000, "Ann's call on Rex's copy");

    const usage = await settleApiCall(rexApi, 'usageReport', { days: 30 });
    expect(usage).toMatchObject({
      ok: true,
      value: {
        spentThisMonthUsd: 1.1,
        budgetUsd: 1,
        team: {
          budget: { monthlyUsd: 1, setBy: 'ann' },
          people: [
            { name: 'ann', calls: 1, costUsd: 0.6 },
            { name: 'rex', calls: 1, costUsd: 0.5 },
          ],
        },
      },
    });
    // Over the team's budget: Rex's machine holds its model calls, and says whose budget it is.
    expect(rex.analysis.queue.progress().budgetState).toBe('exceeded');
    const estimate = await settleApiCall(rexApi, 'estimateAnalysis', { hashes: ['a'.repeat(64)] });
    expect(estimate).toMatchObject({ ok: true, value: { budgetUsd: 1 } });
  });

  it('is not there in a library of one’s own, where the budget stays a setting of this machine', async () => {
    const engine = await Engine.open({ dataDir: await dirs.make('own-') });
    team.track(engine);
    const api = createSwatchbookApi(engine);
    expect(await settleApiCall(api, 'updateAiSettings', { monthlyBudgetUsd: 7 })).toMatchObject({ ok: true });
    expect(engine.store.analysis.getTeamBudget()).toBeNull();
    expect(await settleApiCall(api, 'usageReport', { days: 30 })).toMatchObject({
      ok: true,
      value: { budgetUsd: 7, team: null },
    });
  });
});
