import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine';
import { qualityReport } from '../../../electron/review';
import { makeChecks, makeStripes } from '../../support/images';
import { startPostgres, type TestPostgres } from '../../support/postgres';
import { tempDirs, waitFor } from '../../support/temp-dirs';
import { answer, HAIKU } from '../review/review-fixture';

let server: TestPostgres;
const dirs = tempDirs();
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  server?.stop();
  await dirs.cleanup();
});

const ITEMS = 8;
const REVIEW_PACE_MS = 50;

async function member(url: string, author: string): Promise<Engine> {
  return Engine.open({
    dataDir: await dirs.make(`team-${author}-`),
    teamDb: { url, source: 'flag' },
    teamAuthor: author,
  });
}

/** A reviewer working through the queue: the first pending item nobody else holds, held, then accepted. */
async function reviewQueue(engine: Engine, reviewer: string): Promise<string[]> {
  const decided: string[] = [];
  const passed = new Set<string>();
  for (;;) {
    const page = await engine.review.queueFor({ reviewer, state: 'pending' });
    const next = page.items.find((item) => item.heldBy === null && !passed.has(item.hash));
    if (!next) return decided;
    const hold = await engine.review.leases.hold(next.hash, reviewer);
    if (!hold.held) {
      passed.add(next.hash);
      continue;
    }
    engine.review.decide(next.hash, reviewer, [{ field: 'item', action: 'accept' }]);
    decided.push(next.hash);
    // A person takes a moment per item: without it, on a busy machine one reviewer can empty the
    // queue before the other has asked for a first item.
    await new Promise((resolve) => setTimeout(resolve, REVIEW_PACE_MS));
  }
}

describe('two reviewers in one team queue', () => {
  it('are never handed the same item, lose no decision, and both count in the quality figures', async () => {
    const url = await server.createDatabase();
    const root = await dirs.make('team-review-');
    for (let i = 0; i < ITEMS; i++) {
      const bytes =
        i % 2
          ? makeChecks({ width: 240, height: 240, period: 12 + i, colours: ['#d21f1f', '#ffffff'] })
          : makeStripes({
              width: 260,
              height: 200,
              period: 10 + i,
              orientation: 'vertical',
              colours: ['#1b2a4a', '#ffffff'],
            });
      await fs.writeFile(path.join(root, `item-${i}.png`), await bytes);
    }
    const ann = await member(url, 'ann');
    const ben = await member(url, 'ben');
    try {
      await ann.library.addFolder(root);
      await ann.library.idle();
      const hashes = ann.store.listFiles(root).map((f) => f.hash!);
      for (const hash of hashes) ann.store.analysis.recordModelAnalysis(answer(hash, HAIKU));
      await waitFor(() => ben.review.queue({ state: 'pending' }).total === ITEMS, 10_000, "the queue on Ben's copy");

      const [byAnn, byBen] = await Promise.all([reviewQueue(ann, 'Ann'), reviewQueue(ben, 'Ben')]);
      expect(new Set([...byAnn, ...byBen])).toEqual(new Set(hashes));
      expect(byAnn.filter((hash) => byBen.includes(hash))).toEqual([]);
      expect(byAnn.length).toBeGreaterThan(0);
      expect(byBen.length).toBeGreaterThan(0);

      for (const engine of [ann, ben]) {
        await waitFor(
          () => engine.review.queue({ state: 'pending' }).total === 0,
          10_000,
          'every decision on both copies',
        );
        const decisions = engine.store.reviews.listReviewDecisions();
        expect(new Set(decisions.map((d) => d.hash)).size).toBe(ITEMS);
        const report = qualityReport(decisions, (hash) => engine.store.analysis.listModelAnalyses(hash), []);
        expect(report.reviewers.map((r) => r.reviewer).sort()).toEqual(['Ann', 'Ben']);
      }
    } finally {
      await Promise.all([ann.close(), ben.close()]);
    }
  });

  it('marks in the queue the items another reviewer holds, and frees them when released', async () => {
    const url = await server.createDatabase();
    const root = await dirs.make('team-review-');
    await fs.writeFile(
      path.join(root, 'one.png'),
      await makeChecks({ width: 200, height: 200, period: 14, colours: ['#000000', '#ffffff'] }),
    );
    const ann = await member(url, 'ann');
    const ben = await member(url, 'ben');
    try {
      await ann.library.addFolder(root);
      await ann.library.idle();
      const [hash] = ann.store.listFiles(root).map((f) => f.hash!);
      ann.store.analysis.recordModelAnalysis(answer(hash, HAIKU));
      await waitFor(() => ben.review.queue({}).total === 1, 10_000, "the item on Ben's copy");

      expect(await ann.review.leases.hold(hash, 'Ann')).toEqual({ held: true, by: null });
      expect(await ben.review.leases.hold(hash, 'Ben')).toEqual({ held: false, by: 'Ann' });
      expect((await ben.review.queueFor({ reviewer: 'Ben' })).items[0].heldBy).toBe('Ann');
      expect((await ann.review.queueFor({ reviewer: 'Ann' })).items[0].heldBy).toBeNull();
      await ann.review.leases.release(hash, 'Ann');
      expect((await ben.review.queueFor({ reviewer: 'Ben' })).items[0].heldBy).toBeNull();
      expect(await ben.review.leases.hold(hash, 'Ben')).toEqual({ held: true, by: null });
    } finally {
      await Promise.all([ann.close(), ben.close()]);
    }
  });
});
