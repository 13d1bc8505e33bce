import { expect, test } from '@playwright/test';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ALL_PICTURES, writeAllPictures, writePicture } from './support/images';
import { cell, cells, expectShown, facetOption, screenshot, waitForIngest } from './support/library-page';
import { makeTempDir, startServer, type RunningServer } from './support/server';

const ALL = ALL_PICTURES;

let server: RunningServer;
let library: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  library = await makeTempDir('library');
  await writeAllPictures(library);
  server = await startServer();
});

test.afterAll(async () => {
  await server?.stop();
  await fs.rm(library, { recursive: true, force: true });
});

test('starts empty and indexes a folder added by path', async ({ page }) => {
  await page.goto(server.url);
  const empty = page.getByTestId('empty-state');
  await expect(empty).toBeVisible();
  await expect(empty.getByRole('button', { name: 'Open demo library' })).toBeVisible();
  await screenshot(page, 'empty-state');

  await page.getByTestId('add-folder-input').fill(library);
  await page.getByTestId('add-folder-button').click();

  await waitForIngest(page, ALL.length);
  await expect(page.getByTestId('ingest-summary')).toHaveText(`${ALL.length} files indexed`);
  await expect(page.getByTestId('progress-bar')).toHaveCount(0);
  await expect(empty).toBeHidden();
  await expectShown(page, ALL);
  await expect(page.getByTestId('asset-count')).toHaveText(`${ALL.length} assets`);
  await expect(page.getByTestId('facet-folder').getByTestId('facet-option')).toHaveAttribute(
    'data-count',
    String(ALL.length),
  );
  await screenshot(page, 'library-grid');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'library-grid-dark');
});

test('filters by a colour swatch and by a pattern facet', async ({ page }) => {
  await page.goto(server.url);
  await expectShown(page, ALL);

  const navy = facetOption(page, 'colour', 'navy');
  await expect(navy).toHaveAttribute('data-count', '1');
  await expect(facetOption(page, 'colour', 'white')).toHaveAttribute('data-count', '3');
  await navy.click();
  await expect(navy).toHaveAttribute('aria-pressed', 'true');
  await expectShown(page, ['navy-stripes.png']);
  await navy.click();
  await expectShown(page, ALL);

  const stripes = facetOption(page, 'pattern', 'stripes');
  await stripes.click();
  await expectShown(page, ['navy-stripes.png']);
  await screenshot(page, 'filtered-stripes');
  await stripes.click();

  const solid = facetOption(page, 'pattern', 'solid');
  await solid.click();
  await expectShown(page, ['mustard-solid.png']);

  // Facet counts describe the other facets under the active filter (multi-select faceting).
  await expect(facetOption(page, 'colour', 'mustard')).toHaveAttribute('data-count', '1');
  await expect(facetOption(page, 'colour', 'navy')).toHaveCount(0);
  await solid.click();

  // Values within a facet are ORed, facets are ANDed.
  await facetOption(page, 'colour', 'navy').click();
  await facetOption(page, 'colour', 'green').click();
  await expectShown(page, ['green-checks.png', 'navy-stripes.png']);
  await facetOption(page, 'pattern', 'stripes').click();
  await expectShown(page, ['navy-stripes.png']);
  await screenshot(page, 'filtered-colours');
});

test('finds small motifs by their colour: red dots on white are red', async ({ page }) => {
  await page.goto(server.url);
  const red = facetOption(page, 'colour', 'red');
  await red.click({ timeout: 5_000 });
  await expectShown(page, ['red-dots.png']);
});

test('opens the detail panel with palette and attributes', async ({ page }) => {
  await page.goto(server.url);
  await cell(page, 'navy-stripes.png').dblclick();
  const detail = page.getByTestId('detail-panel');
  await expect(detail).toBeVisible();
  await expect(detail.getByTestId('detail-name')).toHaveText('navy-stripes.png');
  await expect(detail.getByTestId('pattern-label')).toHaveText('stripes');
  const swatchNames = detail.getByTestId('palette-swatch').locator('.palette-name');
  await expect(swatchNames).toContainText(['navy']);
  await expect(detail.getByTestId('attributes')).toContainText('320×320px');
  await expect(detail.getByTestId('attributes')).toContainText('PNG');
  await expect
    .poll(() => detail.getByTestId('preview-image').evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  await screenshot(page, 'detail-panel');

  // The readout is the scale against the original's pixels: fitted, then 1:1, zoomed in, and back to fit.
  const zoomLevel = detail.getByTestId('zoom-level');
  await expect(zoomLevel).toHaveText(/^Fit \(\d+ %\)$/);
  await detail.getByRole('button', { name: '1:1' }).click();
  await expect(zoomLevel).toHaveText('100 %');
  await detail.getByRole('button', { name: 'Zoom in' }).click();
  await expect(zoomLevel).toHaveText('150 %');
  await detail.getByRole('button', { name: 'Fit' }).click();
  await expect(zoomLevel).toHaveText(/^Fit \(\d+ %\)$/);

  // A palette swatch turns into a "colour near" search.
  await detail.getByTestId('palette-swatch').first().click();
  await expect(page).toHaveURL(/near=/);
  await expect(cell(page, 'navy-stripes.png')).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
});

test('shows files added to and removed from the folder without reloading', async ({ page }) => {
  await page.goto(server.url);
  await expectShown(page, ALL);

  await writePicture(library, 'orange-checks.png');
  await expect(cell(page, 'orange-checks.png')).toBeVisible({ timeout: 30_000 });
  await expect(cells(page)).toHaveCount(ALL.length + 1);
  await expect(facetOption(page, 'colour', 'orange')).toHaveAttribute('data-count', '1');

  await fs.rm(path.join(library, 'orange-checks.png'));
  await expect(cell(page, 'orange-checks.png')).toHaveCount(0, { timeout: 30_000 });
  await fs.rm(path.join(library, 'mustard-solid.png'));
  await expectShown(
    page,
    ALL.filter((name) => name !== 'mustard-solid.png'),
  );
});

test('lists files that could not be read, with the reason', async ({ page }) => {
  await page.goto(server.url);
  await fs.writeFile(path.join(library, 'broken.png'), 'this is not a PNG');
  const errors = page.getByTestId('errors-button');
  await expect(errors).toHaveText('1 error', { timeout: 30_000 });
  await errors.click();
  const item = page.getByTestId('error-list').getByTestId('error-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('broken.png');
  await expect(item.locator('.error-reason')).not.toBeEmpty();
  await screenshot(page, 'errors');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('error-list')).toBeHidden();
});

test('restores filters, search text and the open asset from the URL after a reload', async ({ page }) => {
  await page.goto(server.url);
  await facetOption(page, 'colour', 'white').click();
  await facetOption(page, 'pattern', 'stripes').click();
  await page.getByTestId('search-input').fill('navy');
  await expect(page).toHaveURL(/q=navy/);
  await expectShown(page, ['navy-stripes.png']);
  await cell(page, 'navy-stripes.png').dblclick();
  await expect(page).toHaveURL(/open=[0-9a-f]{64}/);

  await page.reload();
  await expect(facetOption(page, 'colour', 'white')).toHaveAttribute('aria-pressed', 'true');
  await expect(facetOption(page, 'pattern', 'stripes')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('search-input')).toHaveValue('navy');
  await expectShown(page, ['navy-stripes.png']);
  await expect(page.getByTestId('detail-panel')).toHaveAttribute('data-hash', /^[0-9a-f]{64}$/);

  await page.goBack();
  await expect(page.getByTestId('detail-panel')).toBeHidden();
});
