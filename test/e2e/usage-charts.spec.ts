/** Usage charts draw only what was measured: a chart with nothing to plot says so instead of an empty axis. */
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs/promises';
import { startFakeBedrock, type FakeBedrock } from '../support/fake-bedrock';
import { screenshot } from './support/library-page';
import { fakeBedrockEnv, makeTempDir, startServer, type RunningServer } from './support/server';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';

let fake: FakeBedrock;
let server: RunningServer;
let library: string;

test.beforeAll(async () => {
  fake = await startFakeBedrock();
  library = await makeTempDir('usage-charts');
  server = await startServer({ library, env: fakeBedrockEnv(fake) });
});

test.afterAll(async () => {
  await server?.stop();
  await fake?.close();
  await fs.rm(library, { recursive: true, force: true });
});

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name, exact: true });

test('a latency chart without answered calls says so; the calls it has are drawn', async ({ page }) => {
  await page.goto(server.url);
  await nav(page, 'Settings').click();
  const settings = page.getByTestId('ai-settings');
  await settings.getByRole('radio', { name: /Amazon Bedrock/ }).check();
  fake.script({ kind: 'error', type: 'UnrecognizedClientException' });
  await settings.getByTestId('test-connection').click();
  await expect(settings.getByTestId('connection-result')).toHaveAttribute('data-ok', 'false');

  await nav(page, 'Usage').click();
  const row = page.locator(`[data-testid="usage-row"][data-model="${HAIKU}"]`);
  await expect(row.getByTestId('usage-calls')).toHaveText('1');
  const charts = page.getByTestId('usage-charts');
  const latency = charts.locator('figure', { hasText: 'Latency per day' });
  await expect(latency.getByTestId('chart-empty')).toHaveText(/^No answers yet: latency is measured on answered calls/);
  await expect(latency.locator('canvas')).toHaveCount(0);
  await expect(charts.locator('.uplot canvas')).toHaveCount(2);
  await expect(charts.getByTestId('chart-empty')).toHaveCount(1);
  await screenshot(page, 'usage-no-answers');
});
