/**
 * The team library with two reviewers, each in their own process, on a real PostgreSQL started for
 * the run: Ann's copy (this process) records a queue of synthetic items with model answers, Ben's
 * copy (a child process) receives them, then both review the one queue at once. Measured: decisions
 * per second for the two together, and for each of Ben's decisions the time until Ann's copy has
 * applied it and told its UI (the `applied` event the UI's live events come from).
 *   team <scratchDir> <items>
 * Prints one JSON line.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { Engine } from '../../electron/engine';
import { answer, HAIKU } from '../integration/review/review-fixture';
import { startPostgres } from '../support/postgres';
import { makeSyntheticAssets } from '../unit/store/synthetic-assets';
import { reviewTeamQueue } from './team-queue';

const [scratch, itemsArg] = process.argv.slice(2);
const items = Number(itemsArg);
const server = await startPostgres();
try {
  const url = await server.createDatabase();
  const ann = await Engine.open({
    dataDir: path.join(scratch, 'ann'),
    teamDb: { url, source: 'flag' },
    teamAuthor: 'Ann',
  });
  for (const [i, asset] of makeSyntheticAssets(items, 7).entries()) {
    ann.store.recordAsset(asset.locations[0], { ...asset, status: 'unreviewed' });
    ann.store.analysis.recordModelAnalysis(answer(asset.hash, HAIKU, {}, 1_700_000_000_000 + i));
  }

  const ben = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'team-reviewer.ts'),
      path.join(scratch, 'ben'),
      url,
      'Ben',
      String(items),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const benLines = readline.createInterface({ input: ben.stdout });
  const nextLine = () => new Promise<string>((resolve) => benLines.once('line', resolve));
  if ((await nextLine()) !== 'ready') throw new Error('the second reviewer did not start');

  const latencies: number[] = [];
  ann.team!.on('applied', (ops) => {
    const now = Date.now();
    for (const op of ops)
      if (op.type === 'recordReviewDecisions') for (const d of op.decisions) latencies.push(now - d.at);
  });
  const started = performance.now();
  const benDone = nextLine();
  ben.stdin.write('go\n');
  const byAnn = await reviewTeamQueue(ann, 'Ann');
  const byBen = (JSON.parse(await benDone) as { decided: number }).decided;
  const seconds = (performance.now() - started) / 1000;
  // Ben's last decisions are on their way: wait until Ann's copy has every one.
  const deadline = Date.now() + 10_000;
  while (ann.review.queue({ state: 'pending', limit: 1 }).total > 0 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  const decidedItems = new Set(ann.store.reviews.listReviewDecisions().map((d) => d.hash)).size;
  const decisions = ann.store.reviews.listReviewDecisions().length;
  await ann.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  console.log(
    JSON.stringify({
      items,
      seconds,
      decisionsPerSecond: (byAnn.length + byBen) / seconds,
      byAnn: byAnn.length,
      byBen,
      decidedItems,
      decisionsRecorded: decisions,
      latencyP50Ms: at(0.5),
      latencyP95Ms: at(0.95),
      latencyMaxMs: latencies[latencies.length - 1] ?? NaN,
    }),
  );
} finally {
  server.stop();
}
process.exit(0);
