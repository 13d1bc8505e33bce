import { expect, test } from '@playwright/test';
import fs from 'node:fs/promises';
import { writeAllPictures } from './support/images';
import { waitForIngest } from './support/library-page';
import { makeTempDir, startServer, type RunningServer } from './support/server';

/** Every view of the app, as a user reaches them from the navigation. */
const VIEWS = ['/', '/review', '/quality', '/ads', '/usage', '/settings'];

let server: RunningServer;
let library: string;

test.beforeAll(async () => {
  library = await makeTempDir('policy-library');
  await writeAllPictures(library);
  server = await startServer({ library });
});

test.afterAll(async () => {
  await server?.stop();
  await fs.rm(library, { recursive: true, force: true });
});

test('every view runs under the strict content policy without a single violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(server.url);
  await waitForIngest(page, 5);
  for (const view of VIEWS) {
    await page.goto(new URL(view, server.url).href);
    await expect(page.getByRole('navigation')).toBeVisible();
    // Thumbnails, charts and lazily loaded chunks come in after the first paint.
    await page.waitForLoadState('networkidle');
  }
  const policy = await page.evaluate(async () => (await fetch('/')).headers.get('content-security-policy'));
  expect(policy).toContain("style-src 'self';");
  expect(violations).toEqual([]);
});
