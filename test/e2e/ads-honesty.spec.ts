import { expect, test } from '@playwright/test';
import fs from 'node:fs/promises';
import path from 'node:path';
import { makePhotoLike } from '../support/images';
import { cupOnTable } from '../support/product-photos';
import { cell, screenshot, waitForIngest } from './support/library-page';
import { makeTempDir, startServer, type RunningServer } from './support/server';

let server: RunningServer;
let library: string;

test.beforeAll(async () => {
  library = await makeTempDir('ads-honesty');
  await fs.writeFile(path.join(library, 'cup.jpg'), await cupOnTable());
  await fs.writeFile(
    path.join(library, 'meadow.jpg'),
    await makePhotoLike({ width: 640, height: 420, seed: 3, format: 'jpeg' }),
  );
  server = await startServer({ library });
});

test.afterAll(async () => {
  await server?.stop();
  await fs.rm(library, { recursive: true, force: true });
});

test('a cup on a wooden table: the studio says it found no product, makes no ads, and frames the whole photo when asked', async ({
  page,
}) => {
  await page.goto(server.url);
  await waitForIngest(page, 2);
  await cell(page, 'cup.jpg').click();
  await page.getByTestId('selection-bar').getByRole('button', { name: 'Make ads…' }).click();
  const form = page.getByTestId('new-campaign-form');
  await form.getByLabel('Campaign name').fill('Cup launch');
  await form.getByLabel('Product name').fill('Stoneware cup');
  await form.getByLabel('Headline').fill('Morning, made slower');
  await form.getByLabel('Call to action').fill('Shop now');
  await form.getByRole('button', { name: 'Create campaign' }).click();
  await expect(page.getByTestId('campaign-name')).toHaveText('Cup launch');

  const confidence = page.getByTestId('cutout-confidence');
  await expect(confidence).toHaveAttribute('data-usable', 'false');
  await expect(confidence).toContainText('No product found');
  await expect(confidence).toContainText('the background is busy');
  const generate = page.getByTestId('generate-panel');
  await expect(generate.getByTestId('generate-blocked')).toContainText('No ads without the product');
  await expect(generate.getByRole('button', { name: /^Generate/ })).toBeDisabled();
  await screenshot(page, 'ads-no-product-found');

  await confidence.getByRole('button', { name: 'Use the whole photo' }).click();
  await expect(page.getByTestId('cutout-status')).toHaveText('The whole photo, framed');
  await expect(page.getByTestId('cutout-confidence')).toHaveAttribute('data-usable', 'true');
  await expect(generate.getByTestId('generate-blocked')).toHaveCount(0);
  await generate.getByRole('checkbox', { name: /Also as live loops/ }).check();
  await generate.getByRole('button', { name: 'Generate 1 variant' }).click();
  const ready = page.locator('[data-testid="ad-variant"][data-state="ready"]');
  await expect(ready).toHaveCount(1, { timeout: 60_000 });
  await expect(page.getByTestId('variant-recipe')).toContainText('studio: sweep');
  await expect(ready.getByTestId('variant-live-badge')).toBeVisible();
  await screenshot(page, 'ads-whole-photo');

  // The viewer plays the loop (an animated WebP), and offers the still.
  await ready.getByRole('button', { name: /Open .* larger/ }).click();
  const viewer = page.getByTestId('variant-viewer');
  await expect(viewer.getByTestId('variant-live')).toBeVisible();
  await expect(viewer.getByTestId('variant-live')).toHaveAttribute('src', /^data:image\/webp;base64,/);
  await viewer.getByRole('button', { name: 'Show the still' }).click();
  await expect(viewer.getByTestId('variant-full')).toBeVisible();
  await expect(viewer.getByTestId('reel-panel')).toContainText('Nova Reel');
});
