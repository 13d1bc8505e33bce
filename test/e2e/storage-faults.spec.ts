import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs/promises';
import path from 'node:path';
import { makeSmallDisk, smallDiskRefusal, type SmallDisk } from '../support/small-disk';
import { writeAllPictures } from './support/images';
import { cell, cells, facetOption, screenshot, waitForIngest } from './support/library-page';
import { makeTempDir, startServer, type RunningServer } from './support/server';

const COUNT = 5;

let server: RunningServer;
let library: string;
let disk: SmallDisk;

test.skip(smallDiskRefusal !== null, smallDiskRefusal ?? '');

test.beforeAll(async () => {
  library = await makeTempDir('library');
  await writeAllPictures(library);
  disk = makeSmallDisk(16 * 1024);
  const dataDir = path.join(disk.dir, 'data');
  await fs.mkdir(dataDir);
  server = await startServer({ library, dataDir });
});

test.afterAll(async () => {
  await server?.stop();
  disk?.unmount();
  await fs.rm(library, { recursive: true, force: true });
});

async function tagSelection(page: Page, tag: string): Promise<void> {
  await page.getByTestId('tag-input').fill(tag);
  await page.getByTestId('tag-add').click();
}

test('a full disk: the change is refused with the reason, the status bar says so, browsing goes on, and it clears by itself', async ({
  page,
}) => {
  await page.goto(server.url);
  await waitForIngest(page, COUNT);
  await cell(page, 'navy-stripes.png').click();

  disk.fill();
  // This one may still fit in the journal's last block; the snapshot after it cannot be written.
  await tagSelection(page, 'spring-25');
  const badge = page.getByTestId('storage-status');
  await expect(badge).toContainText('Disk full — changes paused', { timeout: 10_000 });
  await expect(badge).toHaveAttribute('data-fault', 'disk-full');
  await expect(badge).toContainText(/The disk holding your library is full: [\d.]+ MB needed/);

  // Now every change is refused, with the reason where it was made, and nothing half-done is shown.
  await tagSelection(page, 'autumn');
  await expect(page.getByTestId('selection-bar').locator('.error-text')).toContainText(
    'The disk holding your library is full',
  );
  await expect(page.getByTestId('facet-tag')).not.toContainText('autumn');
  await screenshot(page, 'disk-full');

  // Reading goes on: the facets still filter.
  const stripes = facetOption(page, 'pattern', 'stripes');
  await stripes.click();
  await expect(cells(page)).toHaveCount(Number(await stripes.getAttribute('data-count')));
  await stripes.click();
  await expect(cells(page)).toHaveCount(COUNT);

  disk.free();
  // The periodic check (every 5 s) finds room and says so without a reload.
  await expect(badge).toHaveCount(0, { timeout: 15_000 });
  await cell(page, 'navy-stripes.png').click();
  await tagSelection(page, 'autumn');
  await expect(page.getByTestId('facet-tag')).toContainText('autumn');
});
