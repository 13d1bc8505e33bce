/**
 * Review latency in browser mode: a `count`-item pending queue (synthetic, see review-library.ts)
 * served by the real `serve` command, the built renderer in Chromium (see e2e/support/browser.ts), and `items`
 * keypresses of A (accept all, then on to the next pending item). Each one is timed in the page
 * from the keydown event to the first frame painted with the next item's name, all its fields
 * and its decoded image. Prints one JSON line:
 * { queue, items, p50Ms, p95Ms, maxMs, openMs (page load to first item shown), queueMs (the queue call), buildSeconds }.
 */
import { chromium, type Page } from 'playwright';
import { NO_BROWSER_MESSAGE, chromiumLaunchOptions, findChromium } from '../e2e/support/browser';
import { ensureRendererBuilt } from '../e2e/support/global-setup';
import { startServer } from '../e2e/support/server';
import { buildReviewLibrary } from './review-library';

const [dataDir, countArg, itemsArg] = process.argv.slice(2);
const count = Number(countArg ?? 10_000);
const items = Number(itemsArg ?? 200);
/** Not timed: the first presses warm up the JIT and the preloading pipeline. */
const WARM_UP = 10;
const ITEM_TIMEOUT_MS = 10_000;

interface Shown {
  hash: string;
  name: string;
  ms: number;
}

/**
 * Runs in the page, so kept as source text: tsx would wrap named inner functions in a helper
 * the page does not have. The clock starts at the keydown's own timestamp and stops after the
 * frame in which the new item is complete (checked on every animation frame) has painted.
 */
const NEXT_ITEM_SHOWN = `
window.benchArm = (from) => { window.benchShown = new Promise((resolve) => {
  let start = null;
  const onKey = (event) => {
    start = event.timeStamp;
    window.removeEventListener('keydown', onKey, true);
  };
  window.addEventListener('keydown', onKey, true);
  const check = () => {
    const item = document.querySelector('[data-testid="review-item"]');
    const hash = item && item.getAttribute('data-hash');
    if (start !== null && hash && hash !== from) {
      const name = item.querySelector('[data-testid="review-item-name"]')?.textContent ?? '';
      const fields = item.querySelectorAll('[data-testid="review-fields"][data-hash="' + hash + '"] [data-testid="review-field"]').length;
      const image = item.querySelector('[data-testid="preview-image"]');
      if (name && fields === 10 && image && image.src.endsWith(hash) && image.complete && image.naturalWidth > 0) {
        const began = start;
        // Queued from the frame callback, this runs once that frame has been painted.
        setTimeout(() => resolve({ hash, name, ms: performance.now() - began }), 0);
        return;
      }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}); };`;

declare global {
  interface Window {
    /** Starts watching for the item after `from`; the result lands in benchShown. */
    benchArm(from: string): void;
    benchShown: Promise<Shown>;
  }
}

function timeout(ms: number, message: () => string): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(message())), ms).unref());
}

async function shownHash(page: Page): Promise<string> {
  const item = page.getByTestId('review-item');
  await item.waitFor();
  return (await item.getAttribute('data-hash')) ?? '';
}

ensureRendererBuilt();
const buildStarted = performance.now();
const library = await buildReviewLibrary(dataDir, count);
const buildSeconds = (performance.now() - buildStarted) / 1000;

const server = await startServer({ dataDir });
const chromiumPath = findChromium();
if (!chromiumPath) throw new Error(NO_BROWSER_MESSAGE);
const browser = await chromium.launch(chromiumLaunchOptions(chromiumPath));
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript({
    content: `window.localStorage.setItem('swatchbook.reviewer', 'Bench');${NEXT_ITEM_SHOWN}`,
  });
  const url = new URL(server.url);
  url.pathname = '/review';
  const opened = performance.now();
  await page.goto(url.href);
  let current = await shownHash(page);
  await page
    .locator('[data-testid="review-item"] [data-testid="preview-image"]')
    .evaluate((image: HTMLImageElement) => image.decode());
  const openMs = performance.now() - opened;
  const queueMs = await page.evaluate(
    () =>
      performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/api/reviewQueue'))?.duration ??
      null,
  );
  if (current !== library.hashes[0])
    throw new Error(`the queue opened on ${current}, not its oldest item ${library.hashes[0]}`);

  const timings: number[] = [];
  for (let i = 1; i <= WARM_UP + items; i++) {
    // Armed before the key is sent: an input event can overtake a pending evaluation.
    await page.evaluate((from) => window.benchArm(from), current);
    await page.keyboard.press('a');
    const next = await Promise.race([
      page.evaluate(() => window.benchShown),
      timeout(ITEM_TIMEOUT_MS, () => `item ${i} was not shown within ${ITEM_TIMEOUT_MS} ms`),
    ]);
    if (next.hash !== library.hashes[i] || next.name !== library.names[i])
      throw new Error(`item ${i}: showed ${next.name} (${next.hash}), expected ${library.names[i]}`);
    if (i > WARM_UP) timings.push(next.ms);
    current = next.hash;
  }
  timings.sort((a, b) => a - b);
  const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))];
  console.log(
    JSON.stringify({
      queue: count,
      items: timings.length,
      p50Ms: at(0.5),
      p95Ms: at(0.95),
      maxMs: timings.at(-1),
      openMs,
      queueMs,
      buildSeconds,
    }),
  );
} finally {
  await browser.close();
  await server.stop();
}
