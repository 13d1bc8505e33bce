import { expect, test } from '@playwright/test';
import fs from 'node:fs/promises';
import path from 'node:path';
import { TYPICAL_REPLY } from '../../electron/analysis/bedrock/prompt';
import { startFakeBedrock, type FakeBedrock } from '../support/fake-bedrock';
import { makePhotoLike } from '../support/images';
import { screenshot, waitForIngest } from './support/library-page';
import { fakeBedrockEnv, makeTempDir, startServer, type RunningServer } from './support/server';

/** Bedrock's minimum for a batch job is 100 records. */
const COUNT = 104;
const designs = (n: number) => ({
  designs: Array.from({ length: n }, (_, i) => ({ ...TYPICAL_REPLY, design: i + 1 })),
});

let fake: FakeBedrock;
let server: RunningServer;
let library: string;

test.beforeAll(async () => {
  fake = await startFakeBedrock();
  library = await makeTempDir('library');
  for (let i = 0; i < COUNT; i++) {
    const bytes = await makePhotoLike({ width: 96, height: 72, seed: i + 1, format: 'jpeg' });
    await fs.writeFile(path.join(library, `photo-${String(i).padStart(3, '0')}.jpg`), bytes);
  }
  server = await startServer({ library, env: { ...fakeBedrockEnv(fake), SWATCHBOOK_BATCH_POLL_MS: '200' } });
});

test.afterAll(async () => {
  await server?.stop();
  await fake?.close();
  await fs.rm(library, { recursive: true, force: true });
});

test('a large run goes to Bedrock as a batch job at half price, followed in the status bar', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(server.url);
  await waitForIngest(page, COUNT);

  // Settings → AI: Bedrock, and where and with which role batch jobs run.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Settings', exact: true }).click();
  const settings = page.getByTestId('ai-settings');
  await settings.getByRole('radio', { name: /Amazon Bedrock/ }).check();
  for (const [label, value] of [
    ['Batch jobs in S3', 's3://swatch-batch/runs'],
    ['Batch service role', 'arn:aws:iam::123456789012:role/BedrockBatchRole'],
    ['Batch threshold', '100'],
  ]) {
    const field = settings.getByLabel(label, { exact: true });
    await field.fill(value);
    await field.press('Enter');
    await expect(field).toHaveValue(value);
  }

  await settings.getByTestId('batch-check').click();
  await expect(settings.getByTestId('batch-check-result')).toContainText('can write and read s3://swatch-batch/runs');

  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Library', exact: true }).click();
  await page.getByTestId('analyse-search').click();
  const dialog = page.getByTestId('analyse-dialog');
  const choice = dialog.getByTestId('batch-choice');
  await expect(choice.getByRole('radio', { name: /Batch job/ })).toBeChecked();
  await expect(dialog.getByTestId('batch-cost')).toHaveText(/^\$\d/);
  await expect(dialog.getByTestId('batch-saving')).toHaveText(/^\$\d/);
  await screenshot(page, 'analyse-batch-choice');

  fake.scriptBatch({ input: designs(1), inProgressPolls: 4, records: { 2: 'error' } });
  fake.setFallback({ kind: 'toolUse', input: designs(8) });
  await dialog.getByTestId('analyse-confirm').click();
  await expect(dialog).toBeHidden();

  const status = page.getByTestId('batch-status');
  await expect(status.getByTestId('batch-progress-text')).toContainText(/Preparing the input|At Bedrock/);
  await status.getByRole('button', { name: /1 batch job/ }).click();
  const job = page.getByTestId('batch-job');
  await expect(job).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(job.getByTestId('batch-job-message')).toContainText(
    '103 of 104 answers stored; 1 sent on to on-demand analysis',
  );
  await expect(job).toContainText(/arn:aws:bedrock:us-east-1:\d+:model-invocation-job\//);
  await screenshot(page, 'batch-job-done');
});
