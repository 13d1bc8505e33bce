import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs/promises';
import path from 'node:path';
import { writePicture, writeTile } from './support/images';
import { cell, cells, expectShown, facetOption, screenshot, waitForIngest } from './support/library-page';
import { makeTempDir, startServer, type RunningServer } from './support/server';

/** A library with sub-folders two deep and two small repeat tiles: 64 px and 128 px. */
const FILES = {
  'navy-stripes.png': 'navy-stripes.png',
  'teal-gradient.jpg': 'teal-gradient.jpg',
  'florals/red-dots.png': 'red-dots.png',
  'florals/2024/green-checks.png': 'green-checks.png',
  'florals/2024/mustard-solid.png': 'mustard-solid.png',
} as const;
const TILES = { 'tiles/dot-64.png': 64, 'tiles/dot-128.png': 128 } as const;
const COUNT = Object.keys(FILES).length + Object.keys(TILES).length;

let server: RunningServer;
let library: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  library = await makeTempDir('library');
  for (const [file, picture] of Object.entries(FILES)) {
    await fs.mkdir(path.dirname(path.join(library, file)), { recursive: true });
    await writePicture(path.dirname(path.join(library, file)), picture, path.basename(file));
  }
  await fs.mkdir(path.join(library, 'tiles'));
  for (const [file, size] of Object.entries(TILES)) await writeTile(library, file, size);
  server = await startServer({ library });
});

test.afterAll(async () => {
  await server?.stop();
  await fs.rm(library, { recursive: true, force: true });
});

// Tiles, the repeat surface and popover placement set styles from script: under the strict policy, not one violation.
let violations: string[] = [];
test.beforeEach(({ page }) => {
  violations = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
});
test.afterEach(() => expect(violations).toEqual([]));

async function openLibrary(page: Page): Promise<void> {
  await page.goto(server.url);
  await waitForIngest(page, COUNT);
  await expect(cells(page)).toHaveCount(COUNT);
}

const folder = (...parts: string[]) => path.join(library, ...parts);
const focused = (page: Page) =>
  page.evaluate(() => ({
    role: document.activeElement?.getAttribute('role') ?? null,
    testId: document.activeElement?.getAttribute('data-testid') ?? null,
    hash: document.activeElement?.getAttribute('data-hash') ?? null,
  }));

test('shows sub-folders as a tree with counts that include sub-folders, and filters by a folder', async ({ page }) => {
  await openLibrary(page);
  const tree = page.getByRole('tree', { name: 'Folders' });
  await expect(facetOption(page, 'folder', library)).toHaveAttribute('data-count', String(COUNT));
  await expect(facetOption(page, 'folder', folder('florals'))).toHaveAttribute('data-count', '3');
  await expect(facetOption(page, 'folder', folder('tiles'))).toHaveAttribute('data-count', '2');
  // Sub-folders of sub-folders wait, closed, until their folder is opened.
  await expect(facetOption(page, 'folder', folder('florals', '2024'))).toHaveCount(0);
  await tree.getByRole('button', { name: 'Expand florals' }).click();
  const year = facetOption(page, 'folder', folder('florals', '2024'));
  await expect(year).toHaveAttribute('data-count', '2');
  await screenshot(page, 'folder-tree');

  await year.click();
  await expectShown(page, ['green-checks.png', 'mustard-solid.png']);
  await year.click();
  await facetOption(page, 'folder', folder('florals')).click();
  await expectShown(page, ['red-dots.png', 'green-checks.png', 'mustard-solid.png']);

  // The tree is one Tab stop: Down moves within it, Left closes a folder and Right opens it.
  await facetOption(page, 'folder', folder('florals')).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(year).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(year).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(year).toBeFocused();
  await expect(tree.locator('[data-roving-item][tabindex="0"]')).toHaveCount(1);
});

test('reaches the grid in two key presses from the top, and drives it from the keyboard', async ({ page }) => {
  await openLibrary(page);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('skip-to-images')).toBeFocused();
  await page.keyboard.press('Enter');
  expect(await focused(page)).toMatchObject({ role: 'gridcell', testId: 'grid-cell' });

  await page.keyboard.press('?');
  const help = page.getByTestId('library-help');
  await expect(help).toBeVisible();
  await expect(help).toContainText('Quick look');
  await screenshot(page, 'library-keyboard-help');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  expect((await focused(page)).role).toBe('gridcell');

  const first = await cells(page).nth(0).getAttribute('data-hash');
  const second = await cells(page).nth(1).getAttribute('data-hash');
  await page.keyboard.press('Space');
  const quickLook = page.getByTestId('quick-look');
  await expect(quickLook).toHaveAttribute('data-hash', first!);
  const box = await quickLook.boundingBox();
  expect(box).toMatchObject({ width: 1440, height: 900 });
  await page.keyboard.press('ArrowRight');
  await expect(quickLook).toHaveAttribute('data-hash', second!);
  await screenshot(page, 'quick-look');
  // T tiles the image over the window (how it repeats), and shows it once again.
  await page.keyboard.press('t');
  const tiled = page.getByTestId('quick-look-tiled');
  await expect(tiled).toBeVisible();
  await expect(tiled).toHaveCSS('background-repeat', 'repeat');
  await expect(tiled).toHaveCSS('background-image', new RegExp(second!));
  await screenshot(page, 'quick-look-tiled');
  await page.keyboard.press('t');
  await expect(tiled).toBeHidden();
  await expect(quickLook).toHaveAttribute('data-hash', second!);
  await page.keyboard.press('Escape');
  await expect(quickLook).toBeHidden();

  await page.keyboard.press('Enter');
  await expect(page.getByTestId('detail-panel')).toHaveAttribute('data-hash', second!);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('detail-panel')).toBeHidden();

  await page.keyboard.press('/');
  await expect(page.getByTestId('search-input')).toBeFocused();
  // Typing "/" or "?" in the field is text, not a command.
  await page.keyboard.type('?/');
  await expect(page.getByTestId('search-input')).toHaveValue('?/');
  await expect(help).toBeHidden();
});

test('makes each list of sidebar filters a single Tab stop, arrows moving inside it', async ({ page }) => {
  await openLibrary(page);
  const chips = page.getByTestId('facet-colour').locator('[data-testid="facet-option"]');
  expect(await chips.count()).toBeGreaterThan(3);
  await expect(page.getByTestId('facet-colour').locator('[data-roving-item][tabindex="0"]')).toHaveCount(1);
  await chips.nth(0).focus();
  await page.keyboard.press('ArrowRight');
  await expect(chips.nth(1)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('facet-colour').locator(':focus')).toHaveCount(0);
});

test('tiles a small repeat at its natural size, outlining the one tile on hover', async ({ page }) => {
  await openLibrary(page);
  const small = cell(page, 'dot-64.png');
  await expect(small).toHaveAttribute('data-tiled', 'true');
  const tiled = small.getByTestId('tiled-thumb');
  await expect(tiled).toHaveCSS('background-repeat', 'repeat');
  await expect(tiled).toHaveCSS('background-size', '64px 64px');
  await expect(tiled).toHaveCSS('background-image', /\/media\/thumb\//);
  // At the default size the 128 px tile would show one repeat and a sliver: it is fitted instead.
  await expect(cell(page, 'dot-128.png')).toHaveAttribute('data-tiled', 'false');
  await expect(cell(page, 'navy-stripes.png')).toHaveAttribute('data-tiled', 'false');

  await page.getByTestId('thumb-size').fill('320');
  await expect(cell(page, 'dot-128.png')).toHaveAttribute('data-tiled', 'true');
  const outline = small.locator('.tile-outline');
  await expect(outline).toHaveCSS('opacity', '0');
  await small.hover();
  await expect(outline).toHaveCSS('opacity', '1');
  expect(await outline.boundingBox()).toMatchObject({ width: 64, height: 64 });
  await screenshot(page, 'tiled-swatches');
});

test('shows large thumbnails from the 512 px preview, filling their cells', async ({ page }) => {
  await openLibrary(page);
  await page.getByTestId('thumb-size').fill('512');
  const image = cell(page, 'navy-stripes.png').locator('img');
  await expect(image).toHaveAttribute('src', /\/media\/preview\//);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
  const box = await image.boundingBox();
  expect(box!.width).toBeGreaterThan(400);
  await page.getByTestId('thumb-size').fill('160');
  await expect(image).toHaveAttribute('src', /\/media\/thumb\//);
  await page.getByTestId('thumb-size').fill('512');
  await expect(image).toHaveAttribute('src', /\/media\/preview\//);
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'library-large-thumbnails');
});

test('previews how a design repeats on a surface, at a chosen scale', async ({ page }) => {
  await openLibrary(page);
  await page.getByTestId('thumb-size').fill('160');
  await cell(page, 'dot-128.png').dblclick();
  const detail = page.getByTestId('detail-panel');
  await detail.getByText('Repeat preview').click();
  const surface = detail.getByTestId('repeat-surface');
  const pattern = surface.locator('pattern');
  await expect(surface).toHaveAttribute('data-tile', /^\d+x\d+\+\d+$/);
  const [tileWidth] = (await surface.getAttribute('data-tile'))!.split(/[x+]/).map(Number);
  await detail.getByTestId('repeat-scale').fill('50');
  await expect(detail.getByTestId('repeat-scale-value')).toHaveText('50 %');
  await expect(pattern).toHaveAttribute('width', String(tileWidth / 2));
  await detail.getByTestId('repeat-scale').fill('100');
  await expect(pattern).toHaveAttribute('width', String(tileWidth));
  await expect(pattern.locator('image')).toHaveAttribute('href', /\/media\/preview\//);
  await screenshot(page, 'repeat-preview');
});

test('keeps the Add folder popover inside a 1440 px window, and the page has an icon', async ({ page }) => {
  await openLibrary(page);
  await page.getByTestId('toolbar').getByRole('button', { name: 'Add folder' }).click();
  const popover = page.getByTestId('toolbar').locator('.popover');
  await expect(popover).toBeVisible();
  const box = await popover.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(1440);
  await screenshot(page, 'add-folder-popover');

  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  const response = await page.request.get(new URL(icon!, server.url).toString());
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/svg+xml');
});
