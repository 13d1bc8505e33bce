import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs/promises';
import { writeAllPictures } from './support/images';
import { cell, cells, expectShown, facetOption, screenshot, waitForIngest } from './support/library-page';
import { makeTempDir, startServer, type RunningServer } from './support/server';

const COUNT = 5;

let server: RunningServer;
let library: string;

// Each test sets up what it needs, so one engine gap does not hide the other results.
test.describe.configure({ mode: 'default' });

test.beforeAll(async () => {
  library = await makeTempDir('library');
  await writeAllPictures(library);
  server = await startServer({ library });
});

test.afterAll(async () => {
  await server?.stop();
  await fs.rm(library, { recursive: true, force: true });
});

async function openLibrary(page: Page): Promise<void> {
  await page.goto(server.url);
  await waitForIngest(page, COUNT);
  await expect(cells(page)).toHaveCount(COUNT);
}

const focusedIndex = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-index') ?? null);

test('moves focus with the arrow keys and opens, previews and closes with Enter, Space and Escape', async ({
  page,
}) => {
  await openLibrary(page);
  const first = cells(page).nth(0);
  await first.click();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(first).toBeFocused();

  await page.keyboard.press('ArrowRight');
  expect(await focusedIndex(page)).toBe('1');
  await expect(cells(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(first).toHaveAttribute('aria-selected', 'false');

  // Row-aware: Down moves by one row of columns, and stays put when there is no cell below.
  const columns = Number(await page.getByRole('grid', { name: 'Assets' }).getAttribute('aria-colcount'));
  await page.keyboard.press('ArrowDown');
  expect(await focusedIndex(page)).toBe(String(1 + columns < COUNT ? 1 + columns : 1));
  if (1 + columns < COUNT) await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByTestId('selection-count')).toHaveText('2 selected');

  await page.keyboard.press('Space');
  await expect(page.getByTestId('quick-look')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('quick-look')).toBeHidden();

  const focusedName = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('detail-panel')).toBeVisible();
  await expect(page.getByTestId('detail-name')).toHaveText(focusedName!);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('detail-panel')).toBeHidden();

  await cells(page).nth(0).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await expect(page.getByTestId('selection-count')).toHaveText(`${COUNT} selected`);
  await expect(page.locator('[data-testid="grid-cell"][aria-selected="true"]')).toHaveCount(COUNT);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('selection-bar')).toBeHidden();
});

test('selects with Ctrl/Cmd-click and Shift-click', async ({ page }) => {
  await openLibrary(page);
  await cells(page).nth(0).click();
  await cells(page)
    .nth(2)
    .click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByTestId('selection-count')).toHaveText('2 selected');
  await cells(page)
    .nth(4)
    .click({ modifiers: ['Shift'] });
  // The range runs from the last toggled cell (2) to 4, replacing the previous selection.
  await expect(page.getByTestId('selection-count')).toHaveText('3 selected');
  await cells(page)
    .nth(3)
    .click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByTestId('selection-count')).toHaveText('2 selected');
});

test('tags two items in bulk and filters by the tag', async ({ page }) => {
  await openLibrary(page);
  await cell(page, 'navy-stripes.png').click();
  await cell(page, 'red-dots.png').click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByTestId('selection-count')).toHaveText('2 selected');

  await page.getByTestId('tag-input').fill('spring-25');
  await page.getByTestId('tag-add').click();
  const tag = facetOption(page, 'tag', 'spring-25');
  await expect(tag).toHaveAttribute('data-count', '2');
  await expect(page.getByTestId('selection-bar').getByRole('button', { name: /#spring-25/ })).toBeVisible();

  await page.keyboard.press('Escape');
  await tag.click();
  await expectShown(page, ['navy-stripes.png', 'red-dots.png']);
  await expect(page).toHaveURL(/tag=spring-25/);

  // Autocomplete offers existing tags.
  await expect(page.locator('#tag-suggestions option[value="spring-25"]')).toHaveCount(1);
});

test('renames a tag everywhere', async ({ page }) => {
  await openLibrary(page);
  await cell(page, 'teal-gradient.jpg').click();
  await cell(page, 'green-checks.png').click({ modifiers: ['ControlOrMeta'] });
  await page.getByTestId('tag-input').fill('draft');
  await page.getByTestId('tag-add').click();
  await expect(facetOption(page, 'tag', 'draft')).toHaveAttribute('data-count', '2');
  await page.keyboard.press('Escape');

  const facet = page.getByTestId('facet-tag');
  await facet.getByRole('button', { name: 'Rename / merge…' }).click();
  await facet.getByLabel('Tag to rename').selectOption('draft');
  await facet.getByLabel('New tag name').fill('final');
  await facet.getByRole('button', { name: 'Rename' }).click();
  await expect(facetOption(page, 'tag', 'final')).toHaveAttribute('data-count', '2');
  await expect(facetOption(page, 'tag', 'draft')).toHaveCount(0);
});

test('makes a collection, adds the selection and filters by it', async ({ page }) => {
  await openLibrary(page);
  const panel = page.getByTestId('collections');
  await panel.getByRole('button', { name: 'New collection' }).click();
  await panel.getByLabel('Collection name').fill('Moodboard');
  await panel.getByRole('button', { name: 'Create' }).click();
  const collection = panel.getByTestId('collection').filter({ hasText: 'Moodboard' });
  await expect(collection).toHaveAttribute('data-count', '0');

  await cell(page, 'green-checks.png').click();
  await cell(page, 'mustard-solid.png').click({ modifiers: ['ControlOrMeta'] });
  await page.getByTestId('add-to-collection').selectOption({ label: 'Moodboard' });
  await expect(collection).toHaveAttribute('data-count', '2');

  await page.keyboard.press('Escape');
  await collection.click();
  await expectShown(page, ['green-checks.png', 'mustard-solid.png']);
  await screenshot(page, 'collection');

  // Take one back out while viewing the collection.
  await cell(page, 'mustard-solid.png').click();
  await page.getByRole('button', { name: 'Remove from Moodboard' }).click();
  await expectShown(page, ['green-checks.png']);
  await expect(collection).toHaveAttribute('data-count', '1');
});

test('saves the current filters as a search and reopens it', async ({ page }) => {
  await openLibrary(page);
  await facetOption(page, 'colour', 'navy').click();
  await expectShown(page, ['navy-stripes.png']);
  const panel = page.getByTestId('saved-searches');
  await panel.getByRole('button', { name: 'Save current search' }).click();
  await panel.getByLabel('Search name').fill('Navies');
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel.getByTestId('saved-search')).toHaveText('Navies');

  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(cells(page)).toHaveCount(COUNT);
  await panel.getByTestId('saved-search').click();
  await expectShown(page, ['navy-stripes.png']);
  await expect(facetOption(page, 'colour', 'navy')).toHaveAttribute('aria-pressed', 'true');
});
