import { expect, test } from '@playwright/test';
import fs from 'node:fs/promises';
import { ALL_PICTURES, writeAllPictures } from './support/images';
import { cell, cells, expectShown, screenshot, shownNames, waitForIngest } from './support/library-page';
import { makeTempDir, startServer, type RunningServer } from './support/server';

let server: RunningServer;
let library: string;

test.beforeAll(async () => {
  library = await makeTempDir('library');
  await writeAllPictures(library);
  server = await startServer({ library });
});

test.afterAll(async () => {
  await server?.stop();
  await fs.rm(library, { recursive: true, force: true });
});

test('a sentence and Enter: searched as understood, each part a chip to remove, unknown words said', async ({
  page,
}) => {
  await page.goto(server.url);
  await waitForIngest(page, ALL_PICTURES.length);
  const search = page.getByTestId('search-input');
  await search.fill('something with red polka dots for a summer dress, no stripes');
  await search.press('Enter');

  const bar = page.getByTestId('interpretation');
  await expect(bar.getByTestId('interpretation-part')).toHaveText([
    'colour red ×',
    'pattern dots ×',
    'not pattern stripes ×',
  ]);
  await expect(bar.getByTestId('interpretation-ignored')).toHaveText('Not understood, not searched for: summer, dress');
  await expectShown(page, ['red-dots.png']);
  await expect(search).toHaveValue('red polka -stripes');
  await screenshot(page, 'sentence-search');

  // Without the colour: dots of any colour, still no stripes.
  await bar.getByTestId('interpretation-part').filter({ hasText: 'colour red' }).click();
  await expect(bar.getByTestId('interpretation-part')).toHaveCount(2);
  await expect(search).toHaveValue('polka -stripes');
  await expectShown(page, ['red-dots.png']);

  // Typing takes over from the sentence: the chips go, the text is searched as typed.
  await search.fill('navy');
  await expect(bar).toHaveCount(0);
  await expectShown(page, ['navy-stripes.png']);
  await expect(cells(page)).toHaveCount(1);
});

test('a sentence some images only partly match: the closest first, and model and date parts as chips', async ({
  page,
}) => {
  await page.goto(server.url);
  await waitForIngest(page, ALL_PICTURES.length);
  const search = page.getByTestId('search-input');
  await search.fill('green checks by Haiku from today');
  await search.press('Enter');

  const chips = page.getByTestId('interpretation').getByTestId('interpretation-part');
  await expect(chips).toHaveText(['colour green ×', 'pattern checks ×', 'model haiku ×', /^added since .+ ×$/]);
  // Every picture was added today, so each matches a part; the green checks match three of four and come first.
  await expect(cells(page)).toHaveCount(ALL_PICTURES.length);
  await expect(cells(page).first()).toHaveAttribute('aria-label', 'green-checks.png');
  await screenshot(page, 'sentence-search-ranked');

  // Without the date, only pictures green or checked match a part.
  await chips.filter({ hasText: 'added since' }).click();
  await expect(chips).toHaveCount(3);
  await expect(cells(page).first()).toHaveAttribute('aria-label', 'green-checks.png');
  await expect.poll(async () => (await shownNames(page)).length).toBeLessThan(ALL_PICTURES.length);
});

test('"like this but warmer" starts from the image open, and says so when none is', async ({ page }) => {
  await page.goto(server.url);
  await waitForIngest(page, ALL_PICTURES.length);
  const search = page.getByTestId('search-input');
  const bar = page.getByTestId('interpretation');

  await search.fill('something like this but warmer');
  await search.press('Enter');
  await expect(bar.getByTestId('interpretation-note')).toContainText('need an image to start from');
  await expect(bar.getByTestId('interpretation-ignored')).toContainText('like this, warmer');

  await search.fill('');
  await cell(page, 'teal-gradient.jpg').dblclick();
  await expect(page.getByTestId('detail-name')).toHaveText('teal-gradient.jpg');
  await search.fill('something like this but warmer');
  await search.press('Enter');
  await expect(bar.getByTestId('interpretation-part')).toHaveText([
    'like the image you chose ×',
    /^warmer #[0-9a-f]{6} ×$/,
  ]);
  await expect(page).toHaveURL(/similar=[0-9a-f]{64}/);
  await expect(page).toHaveURL(/near=[0-9a-f]{6}/);
  await screenshot(page, 'sentence-search-like-this-warmer');

  // Without the warmer colour, only "like this": ranked by similarity, the image itself first.
  await bar.getByTestId('interpretation-part').filter({ hasText: 'warmer' }).click();
  await expect(page).not.toHaveURL(/near=/);
  await expect(cells(page).first()).toHaveAttribute('aria-label', 'teal-gradient.jpg');
});
