import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { AD_LIBRARY, writeAdLibrary } from './support/ad-library';
import { cell, screenshot, waitForIngest } from './support/library-page';
import { makeTempDir, startServer, type RunningServer } from './support/server';

let server: RunningServer;
let library: string;

test.beforeAll(async () => {
  library = await makeTempDir('ads-library');
  await writeAdLibrary(library);
  server = await startServer({ library });
});

test.afterAll(async () => {
  await server?.stop();
  await fs.rm(library, { recursive: true, force: true });
});

async function fillCampaign(page: Page, name: string, shot?: string): Promise<void> {
  const form = page.getByTestId('new-campaign-form');
  await form.getByLabel('Campaign name').fill(name);
  await form.getByLabel('Product name').fill('Steel bottle');
  await form.getByLabel('Notes and claims').fill('no outdoor scenes');
  await form.getByLabel('Headline').fill('Cold for 24 hours');
  await form.getByLabel('Sub-line').fill('Steel bottle, leak-proof lid');
  await form.getByLabel('Call to action').fill('Shop now');
  await expect(form.getByRole('checkbox', { name: /^Square/ })).toBeChecked();
  await form.getByRole('checkbox', { name: /^Landscape/ }).check();
  await expect(form.getByRole('checkbox', { name: /^Studio/ })).toBeChecked();
  await form.getByRole('checkbox', { name: /^Library pattern/ }).check();
  if (shot) await screenshot(page, shot);
  await form.getByRole('button', { name: 'Create campaign' }).click();
  await expect(page.getByTestId('campaign-name')).toHaveText(name);
}

const variant = (page: Page, format: string, theme: string) =>
  page.locator(`[data-testid="ad-variant"][data-format="${format}"][data-theme="${theme}"]`);

test('pick a product in the library, generate variants offline, approve two and export them with a manifest', async ({
  page,
}) => {
  await page.goto(server.url);
  await waitForIngest(page, AD_LIBRARY.count);
  await cell(page, AD_LIBRARY.product).click();
  await page.getByTestId('selection-bar').getByRole('button', { name: 'Make ads…' }).click();
  await expect(page).toHaveURL(/\/ads\?product=[0-9a-f]{64}$/);
  await expect(page.getByTestId('picked-product')).toContainText(AD_LIBRARY.product);
  await fillCampaign(page, 'Bottle launch', 'ads-new-campaign');

  await expect(page.getByTestId('cutout-canvas')).toBeVisible();
  await expect(page.getByTestId('cutout-status')).toHaveText('Cut out automatically');
  await expect(page.getByTestId('concept')).toHaveCount(2);
  await expect(page.getByTestId('concept').filter({ hasText: 'no outdoor scenes' })).toHaveCount(2);

  const generate = page.getByTestId('generate-panel');
  await expect(generate.getByRole('radio', { name: /Local compositor/ })).toBeChecked();
  await expect(generate.getByTestId('ads-estimate')).toContainText('4 images with the local compositor ≈ $0.00');
  await generate.getByRole('button', { name: 'Generate 4 variants' }).click();
  const variants = page.getByTestId('ad-variant');
  await expect(variants).toHaveCount(4);
  await expect(page.locator('[data-testid="ad-variant"][data-state="ready"]')).toHaveCount(4, { timeout: 45_000 });
  await expect(page.getByTestId('format-square').getByTestId('ad-variant')).toHaveCount(2);
  await expect(page.getByTestId('format-landscape').getByTestId('ad-variant')).toHaveCount(2);
  await expect(variants.first().locator('img')).toBeVisible();

  // Decisions need a name; none is remembered in a fresh browser.
  await page.getByLabel('Your name, recorded with each decision').fill('Mia');
  await page.getByRole('button', { name: 'Start reviewing' }).click();
  await expect(page.getByTestId('reviewer-name')).toHaveText('Mia');
  await variant(page, 'square', 'studio').getByRole('button', { name: 'Approve' }).click();
  await expect(variant(page, 'square', 'studio')).toHaveAttribute('data-review', 'approved');
  await variant(page, 'square', 'pattern').getByRole('button', { name: 'Reject' }).click();
  await expect(variant(page, 'square', 'pattern')).toHaveAttribute('data-review', 'rejected');

  // The larger view puts the variant beside the source product; approve the second one there.
  await variant(page, 'landscape', 'pattern')
    .getByRole('button', { name: /Open .* larger/ })
    .click();
  const viewer = page.getByTestId('variant-viewer');
  await expect(viewer.getByRole('img', { name: /The source product/ })).toBeVisible();
  await expect(viewer.getByTestId('variant-full')).toBeVisible();
  await expect(viewer).toContainText('1200×628');
  await viewer.getByRole('button', { name: 'Approve' }).click();
  await expect(viewer.getByRole('button', { name: 'Approved' })).toHaveAttribute('aria-pressed', 'true');
  await screenshot(page, 'ads-variant-viewer');
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
  await expect(page.getByTestId('variant-summary')).toHaveText('4 ready · 2 approved · 0 rendering');
  await page.getByTestId('variant-board').scrollIntoViewIfNeeded();
  await screenshot(page, 'ads-variants');

  await page.getByRole('button', { name: 'Export approved (2)' }).click();
  const result = page.getByTestId('export-result');
  await expect(result.getByTestId('export-file')).toHaveCount(2);
  const sizes: Record<string, [number, number]> = {
    'square/bottle-launch-square-studio-1.png': [1080, 1080],
    'landscape/bottle-launch-landscape-pattern-1.png': [1200, 628],
  };
  expect((await result.getByTestId('export-file').allInnerTexts()).sort()).toEqual(Object.keys(sizes).sort());

  // The server runs on this machine, so the folder it names can be read back.
  const folder = await result.getByTestId('export-folder').innerText();
  expect(path.basename(folder)).toBe('bottle-launch');
  for (const [file, size] of Object.entries(sizes)) {
    const meta = await sharp(path.join(folder, file)).metadata();
    expect([meta.format, meta.width, meta.height], file).toEqual(['png', ...size]);
  }
  const manifest = JSON.parse(await fs.readFile(path.join(folder, 'manifest.json'), 'utf8'));
  expect(manifest).toMatchObject({ campaign: 'Bottle launch', product: 'Steel bottle', totalCostUsd: 0 });
  expect(manifest.variants.map((v: { file: string }) => v.file).sort()).toEqual(Object.keys(sizes).sort());
  for (const entry of manifest.variants) {
    expect(entry).toMatchObject({ generator: 'local', costUsd: 0, reviewer: 'Mia' });
    // Nothing was sent to a model: no prompt is claimed, the recipe says what was drawn.
    expect(entry.prompt).toBeNull();
    expect(entry.recipe).toMatch(/^(studio|pattern): /);
    expect(Number.isInteger(entry.seed)).toBe(true);
  }
});

/** Alpha of the red tint over what the cut-out leaves out, at a point given as fractions of the image. */
function tintAt(page: Page, fx: number, fy: number): Promise<number> {
  return page
    .getByTestId('cutout-editor')
    .locator('canvas[aria-hidden="true"]')
    .evaluate(
      (canvas: HTMLCanvasElement, [x, y]) =>
        canvas.getContext('2d')!.getImageData(Math.round(x * canvas.width), Math.round(y * canvas.height), 1, 1)
          .data[3],
      [fx, fy],
    );
}

test('a brush stroke on the cut-out adds the background it covers to the product', async ({ page }) => {
  await page.goto(server.url);
  await waitForIngest(page, AD_LIBRARY.count);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Ads', exact: true }).click();
  await expect(page).toHaveURL(/\/ads$/);
  await page.getByTestId('product-picker').getByRole('button', { name: AD_LIBRARY.product }).click();
  // Names are shown as typed, never as markup.
  await fillCampaign(page, 'Brush <b>test</b>');
  await expect(page.getByTestId('campaign-name').locator('b')).toHaveCount(0);

  const canvas = page.getByTestId('cutout-canvas');
  await expect(page.getByTestId('cutout-status')).toHaveAttribute('data-edited', 'false');
  // The grey corner is left out of the product, so it is tinted.
  await expect.poll(() => tintAt(page, 0.15, 0.15)).toBeGreaterThan(100);

  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.15);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.22, box.y + box.height * 0.18, { steps: 6 });
  await page.mouse.up();

  await expect(page.getByTestId('cutout-status')).toHaveText('Cut out automatically, corrected by hand');
  await expect(page.getByTestId('cutout-status')).toHaveAttribute('data-edited', 'true');
  await expect.poll(() => tintAt(page, 0.15, 0.15)).toBe(0);
  await expect.poll(() => tintAt(page, 0.9, 0.9)).toBeGreaterThan(100);
  await page.getByTestId('cutout-editor').scrollIntoViewIfNeeded();
  await screenshot(page, 'ads-cutout-editor');
});
