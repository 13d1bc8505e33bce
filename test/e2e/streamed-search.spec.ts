import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs/promises';
import { startFakeBedrock, type FakeBedrock } from '../support/fake-bedrock';
import { ALL_PICTURES, writeAllPictures } from './support/images';
import { screenshot, waitForIngest } from './support/library-page';
import { fakeBedrockEnv, makeTempDir, startServer, type RunningServer } from './support/server';

let fake: FakeBedrock;
let server: RunningServer;
let library: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  fake = await startFakeBedrock();
  library = await makeTempDir('library');
  await writeAllPictures(library);
  server = await startServer({ library, env: fakeBedrockEnv(fake) });
});

test.afterAll(async () => {
  await server?.stop();
  await fake?.close();
  await fs.rm(library, { recursive: true, force: true });
});

/** The model is asked only for words the built-in reading leaves over, and only with Bedrock chosen. */
async function openWithBedrock(page: Page): Promise<void> {
  await page.goto(server.url);
  await waitForIngest(page, ALL_PICTURES.length);
  const chosen = await page.evaluate(async () => {
    const response = await fetch('/api/updateAiSettings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ analyzer: 'bedrock' }),
    });
    return response.ok;
  });
  expect(chosen).toBe(true);
}

test('the model’s reading of a search streams in as it is written, and becomes chips when whole', async ({ page }) => {
  await openWithBedrock(page);
  fake.script({
    kind: 'stream',
    reply: { kind: 'toolUse', input: { colours: ['red'], attributes: ['summer picnic'] } },
    firstEventMs: 200,
    chunkChars: 3,
    gapMs: 120,
  });
  const search = page.getByTestId('search-input');
  await search.fill('something warm for a summer picnic in red');
  await search.press('Enter');

  const answer = page.getByTestId('streaming-answer');
  await expect(answer).toContainText('Colours: re');
  await screenshot(page, 'search-streaming');
  await expect(answer).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId('interpretation').getByTestId('interpretation-part')).toContainText(['colour red ×']);
});

test('Stop ends the model’s reading: nothing of it is used, the built-in reading stands and says so', async ({
  page,
}) => {
  await openWithBedrock(page);
  fake.script({
    kind: 'stream',
    reply: { kind: 'toolUse', input: { colours: ['blue'], attributes: ['seaside'] } },
    chunkChars: 3,
    gapMs: 150,
  });
  const search = page.getByTestId('search-input');
  await search.fill('something cool for the seaside in blue');
  await search.press('Enter');
  const answer = page.getByTestId('streaming-answer');
  await expect(answer).toContainText('Colours:');
  await answer.getByTestId('stream-stop').click();
  await expect(answer).toHaveCount(0);
  await expect(page.getByTestId('interpretation')).toContainText('stopped by you');
});
