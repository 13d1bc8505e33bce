import { expect, test, type Page } from '@playwright/test';
import { Engine } from '../../electron/engine';
import { answer, HAIKU } from '../integration/review/review-fixture';
import { ALL_PICTURES, writeAllPictures } from './support/images';
import { screenshot } from './support/library-page';
import { callApi } from './support/review-library';
import { startServer, type RunningServer } from './support/server';
import { NO_TEAM_ENV, teamBed } from './support/team-bed';

const bed = teamBed();
const { tempDir } = bed;

/** Opens Review as `name` and returns the item it put in front of them. */
async function startReviewing(page: Page, server: RunningServer, name: string): Promise<string> {
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Review', exact: true }).click();
  await page.getByTestId('reviewer-name-input').fill(name);
  await page.keyboard.press('Enter');
  const current = page.locator('[data-testid="review-queue-row"][aria-current="true"]');
  await expect(current).toHaveCount(1);
  return (await current.getAttribute('data-hash'))!;
}

test('two reviewers of one team queue: each is handed an item the other does not have open, and told when they open it anyway', async ({
  page,
}) => {
  const url = await bed.postgres.createDatabase();
  const library = await tempDir('team-review');
  await writeAllPictures(library);
  const owner = await Engine.open({ dataDir: await tempDir('team-owner'), teamDb: { url, source: 'flag' } });
  const ann = await startServer({ args: ['--team-db', url], env: NO_TEAM_ENV });
  const ben = await startServer({ args: ['--team-db', url], env: NO_TEAM_ENV });
  try {
    await owner.library.addFolder(library);
    await owner.library.idle();
    // The two servers are members too: each file is read by whichever machine claimed it first, and
    // the others' records reach the owner's copy through the log.
    await expect
      .poll(() => owner.store.listFiles(library).filter((file) => file.hash).length, { timeout: 20_000 })
      .toBe(ALL_PICTURES.length);
    for (const file of owner.store.listFiles(library))
      owner.store.analysis.recordModelAnalysis(answer(file.hash!, HAIKU));
    for (const server of [ann, ben])
      await expect
        .poll(async () => (await callApi<{ total: number }>(server, 'reviewQueue', { state: 'pending' })).total, {
          timeout: 20_000,
        })
        .toBe(ALL_PICTURES.length);

    const annHolds = await startReviewing(page, ann, 'Ann');
    // Ann's hold is on the team's server: Ben's queue marks her item.
    await expect
      .poll(async () => {
        const queue = await callApi<{ items: { hash: string; heldBy: string | null }[] }>(ben, 'reviewQueue', {
          state: 'pending',
          reviewer: 'Ben',
        });
        return queue.items.find((item) => item.hash === annHolds)?.heldBy;
      })
      .toBe('Ann');

    const benPage = await page.context().newPage();
    const benHolds = await startReviewing(benPage, ben, 'Ben');
    expect(benHolds).not.toBe(annHolds);
    const annRow = benPage.locator(`[data-testid="review-queue-row"][data-hash="${annHolds}"]`);
    await expect(annRow.getByTestId('review-held-by')).toHaveText('Ann is reviewing');
    await screenshot(benPage, 'team-review-held');

    // Opened anyway: Ben is told, and can still decide (both decisions would stay in the history).
    await annRow.click();
    await expect(benPage.getByTestId('review-held-notice')).toContainText('Ann has this item open');
    await benPage.close();
  } finally {
    await ann.stop();
    await ben.stop();
    await owner.close();
  }
});
