/**
 * From one member's review decision to the other member's screen: Ann's app in browser mode (the
 * real serve command on a team library, the built renderer in Chromium); Ben, a member in this
 * process, accepts items one at a time. Each is timed from Ben's decision to the first animation
 * frame in which Ann's library shows the accepted count gone up (the review status facet), through
 * PostgreSQL, Ann's copy and the UI's live events.
 *   team-screen <scratchDir> <decisions>
 * Prints one JSON line: { decisions, paceMs, p50Ms, p95Ms, maxMs }.
 */
import path from 'node:path';
import { chromium } from 'playwright';
import { Engine } from '../../electron/engine';
import { NO_BROWSER_MESSAGE, chromiumLaunchOptions, findChromium } from '../e2e/support/browser';
import { ensureRendererBuilt } from '../e2e/support/global-setup';
import { startServer } from '../e2e/support/server';
import { answer, HAIKU } from '../integration/review/review-fixture';
import { startPostgres } from '../support/postgres';
import { makeSyntheticAssets } from '../unit/store/synthetic-assets';

const [scratch, decisionsArg] = process.argv.slice(2);
const decisions = Number(decisionsArg);
/** Between decisions: a brisk reviewer (people take a second or more per item). */
const PACE_MS = 400;
const SHOWN_TIMEOUT_MS = 10_000;

const chromiumPath = findChromium();
if (!chromiumPath) throw new Error(NO_BROWSER_MESSAGE);
ensureRendererBuilt();
const postgres = await startPostgres();
const browser = await chromium.launch(chromiumLaunchOptions(chromiumPath));
try {
  const url = await postgres.createDatabase();
  const ben = await Engine.open({
    dataDir: path.join(scratch, 'ben'),
    teamDb: { url, source: 'flag' },
    teamAuthor: 'Ben',
  });
  const assets = makeSyntheticAssets(decisions, 11);
  for (const [i, asset] of assets.entries()) {
    ben.store.recordAsset(asset.locations[0], { ...asset, status: 'unreviewed' });
    ben.store.analysis.recordModelAnalysis(answer(asset.hash, HAIKU, {}, 1_700_000_000_000 + i));
  }
  const ann = await startServer({
    dataDir: path.join(scratch, 'ann'),
    args: ['--team-db', url],
    env: { SWATCHBOOK_TEAM_DB: '' },
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(ann.url);
    await page.getByTestId('status-bar').getByText(`${decisions} assets`).waitFor({ timeout: 60_000 });
    // The review status facet starts folded: open it, as a person watching it would.
    await page.getByTestId('facet-status').getByRole('button', { name: 'Review status' }).click();
    const latencies: number[] = [];
    for (const [i, asset] of assets.entries()) {
      const started = Date.now();
      ben.review.decide(asset.hash, 'Ben', [{ field: 'item', action: 'accept' }]);
      await page.waitForFunction(
        (accepted) =>
          document
            .querySelector('[data-testid="facet-status"] [data-testid="facet-option"][data-value="accepted"]')
            ?.getAttribute('data-count') === String(accepted),
        i + 1,
        { polling: 'raf', timeout: SHOWN_TIMEOUT_MS },
      );
      latencies.push(Date.now() - started);
      await new Promise((resolve) => setTimeout(resolve, PACE_MS));
    }
    await ben.close();
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    console.log(
      JSON.stringify({ decisions, paceMs: PACE_MS, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: latencies.at(-1) }),
    );
  } finally {
    await ann.stop();
  }
} finally {
  await browser.close();
  postgres.stop();
}
