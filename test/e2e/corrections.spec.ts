import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs/promises';
import { ALL_PICTURES, writeAllPictures } from './support/images';
import { cell, expectShown, facetOption, screenshot, waitForIngest } from './support/library-page';
import { makeTempDir, startServer, type RunningServer } from './support/server';

const ALL = ALL_PICTURES;

let server: RunningServer;
let library: string;

test.describe.configure({ mode: 'serial' });

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
  await waitForIngest(page, ALL.length);
  await expectShown(page, ALL);
}

test('corrects the pattern and colours of an image in the detail panel, the local answer still shown', async ({
  page,
}) => {
  await openLibrary(page);
  await cell(page, 'green-checks.png').dblclick();
  const labels = page.getByTestId('detail-panel').getByTestId('label-corrections');
  await expect(labels.getByTestId('pattern-label')).toHaveText('checks');
  await expect(labels.getByTestId('local-pattern')).toHaveText('From the local analyzer');

  await labels.getByTestId('corrector-name').fill('Ana');
  await labels.getByRole('button', { name: 'Save' }).click();
  await labels.getByTestId('pattern-labels-change-to').selectOption('dots');
  await expect(labels.getByTestId('pattern-label')).toHaveText('dots');
  await expect(labels.getByTestId('local-pattern')).toContainText(/Local analyzer said: checks \(\d+%\)/);
  await expect(labels.getByTestId('local-pattern')).toContainText('corrected by Ana');

  await labels.getByTestId('colour-names-add').selectOption('red');
  await expect(labels.getByTestId('colour-names-chip')).toHaveText([/white|green/, /white|green/, /red/]);
  await labels.getByRole('button', { name: 'Remove colour green' }).click();
  await expect(labels.getByTestId('colour-names-chip')).toHaveText([/white/, /red/]);
  await expect(labels.getByTestId('local-colours')).toContainText(/Local analyzer said: (green, white|white, green)/);

  await labels.getByTestId('repeat-width').fill('48');
  await labels.getByTestId('repeat-height').fill('48');
  await labels.getByRole('button', { name: 'Set' }).click();
  await expect(labels.getByTestId('repeat-value')).toHaveText('48×48px');
  await labels.getByTestId('pattern-label').scrollIntoViewIfNeeded();
  await screenshot(page, 'corrections-detail');

  // Undo takes back the latest change only (the repeat size); the history keeps both.
  await labels.getByTestId('undo-correction').click();
  await expect(labels.getByTestId('local-repeat')).toHaveText('From the local analyzer');
  await expect(labels.getByTestId('pattern-label')).toHaveText('dots');

  // The whole log stays readable in the panel, newest first, the undone change marked.
  await labels.getByTestId('correction-history').locator('summary').click();
  const lines = labels.getByTestId('correction-history-line');
  await expect(lines).toHaveCount(5);
  await expect(lines.first()).toContainText('Ana took back the repeat change (it was 48×48px)');
  await expect(lines.nth(1)).toContainText(/set repeat to 48×48px \(was .+\) — taken back/);
  await expect(lines.last()).toContainText('set pattern to dots (was checks)');
});

test('finds the corrected image by "red dots" in any word order, and in the pattern facet', async ({ page }) => {
  await openLibrary(page);
  await page.getByTestId('search-input').fill('red dots');
  await expectShown(page, ['green-checks.png', 'red-dots.png']);
  await screenshot(page, 'corrections-search-red-dots');
  await page.getByTestId('search-input').fill('dotted red');
  await expectShown(page, ['green-checks.png', 'red-dots.png']);
  await page.getByTestId('search-input').fill('');
  await expectShown(page, ALL);
  await expect(facetOption(page, 'pattern', 'dots')).toHaveAttribute('data-count', '2');
  await expect(facetOption(page, 'pattern', 'checks')).toHaveCount(0);
});

test('sets the pattern label of a selection in one batch, and one undo takes it back', async ({ page }) => {
  await openLibrary(page);
  await cell(page, 'navy-stripes.png').click();
  await cell(page, 'mustard-solid.png').click({ modifiers: ['ControlOrMeta'] });
  await cell(page, 'teal-gradient.jpg').click({ modifiers: ['ControlOrMeta'] });
  const bar = page.getByTestId('selection-bar');
  await expect(bar.getByTestId('selection-count')).toHaveText('3 selected');
  // A new browser remembers no name: it is asked for before the first label is set.
  await bar.getByTestId('corrector-name').fill('Ben');
  await bar.getByRole('button', { name: 'Save' }).click();
  await bar.getByTestId('bulk-pattern').selectOption('geometric');
  await expect(bar.getByTestId('bulk-pattern-done')).toContainText('3 set to geometric');
  await expect(facetOption(page, 'pattern', 'geometric')).toHaveAttribute('data-count', '3');
  await screenshot(page, 'corrections-bulk');

  await bar.getByTestId('bulk-pattern-undo').click();
  await expect(bar.getByTestId('bulk-pattern-done')).toBeHidden();
  await expect(facetOption(page, 'pattern', 'geometric')).toHaveCount(0);
  await expect(facetOption(page, 'pattern', 'stripes')).toHaveAttribute('data-count', '1');
});

test('shows the local analyzer’s confusion as people corrected it on the quality page', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Quality', exact: true }).click();
  const table = page.getByTestId('local-confusion');
  await expect(table.getByTestId('local-confusion-row')).toHaveCount(1);
  await expect(table.getByTestId('local-confusion-row')).toContainText(['checksdots1']);
  await expect(page.getByTestId('local-corrections')).toContainText('Pattern labels: 1 corrected');
  await table.scrollIntoViewIfNeeded();
  await screenshot(page, 'corrections-quality');
});
