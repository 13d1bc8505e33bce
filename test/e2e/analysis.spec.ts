import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs/promises';
import { TYPICAL_REPLY } from '../../electron/analysis/bedrock/prompt';
import { startFakeBedrock, type FakeBedrock } from '../support/fake-bedrock';
import { writeAllPictures } from './support/images';
import { cell, expectShown, facetOption, screenshot, waitForIngest } from './support/library-page';
import { fakeBedrockEnv, makeTempDir, startServer, type RunningServer } from './support/server';

const COUNT = 5;
const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const PLAIN = 'Crisp horizontal bands of equal width, a nautical classic.';
/** A reply carrying markup: it must show up as these characters, never as elements. */
const MARKUP = 'Scattered dots <img src=x onerror="document.title=1"><b>bold</b> on a white ground.';

let fake: FakeBedrock;
let server: RunningServer;
let library: string;

// One engine and one fake Bedrock: the analysis run builds on the settings chosen before it.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  fake = await startFakeBedrock();
  library = await makeTempDir('library');
  await writeAllPictures(library);
  server = await startServer({
    library,
    env: fakeBedrockEnv(fake),
  });
});

test.afterAll(async () => {
  await server?.stop();
  await fake?.close();
  await fs.rm(library, { recursive: true, force: true });
});

async function openLibrary(page: Page): Promise<void> {
  await page.goto(server.url);
  await waitForIngest(page, COUNT);
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name, exact: true });

test('settings: choose Bedrock, see legacy models, and test the connection', async ({ page }) => {
  await openLibrary(page);
  await expect(nav(page, 'Library')).toHaveAttribute('aria-current', 'page');

  // While the analyzer is local, the library says so and points to Settings.
  await page.getByTestId('analyse-search').click();
  const dialog = page.getByTestId('analyse-dialog');
  await expect(dialog.getByTestId('analyse-local')).toContainText('sends nothing');
  await dialog.getByRole('link', { name: /Settings/ }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(nav(page, 'Settings')).toHaveAttribute('aria-current', 'page');

  const settings = page.getByTestId('ai-settings');
  await settings.getByRole('radio', { name: /Amazon Bedrock/ }).check();
  await expect(settings.getByRole('radio', { name: /Amazon Bedrock/ })).toBeChecked();
  await expect(settings.getByTestId('keys-unavailable')).toContainText('AWS_ACCESS_KEY_ID');

  const legacy = settings.getByTestId('available-model').filter({ hasText: 'Claude 3.5 Sonnet' });
  await expect(legacy).toHaveAttribute('data-lifecycle', 'LEGACY');
  await expect(legacy).toContainText('Legacy: AWS is retiring this model');

  // A region the schema refuses is reported next to the field, and nothing is saved.
  const region = settings.getByLabel('Region', { exact: true });
  await region.fill('mars-north-9x');
  await region.press('Enter');
  await expect(settings.getByRole('alert').filter({ hasText: 'not an AWS region name' })).toBeVisible();
  await region.fill('us-east-1');
  await region.press('Enter');
  await expect(settings.getByRole('alert').filter({ hasText: 'not an AWS region name' })).toHaveCount(0);

  const result = settings.getByTestId('connection-result');
  fake.script({ kind: 'text', text: 'OK' });
  await settings.getByTestId('test-connection').click();
  await expect(result).toHaveAttribute('data-ok', 'true');
  await expect(result).toContainText(`Connected: ${HAIKU} answered in us-east-1`);
  await expect(result).toHaveClass(/success-text/);

  fake.script({ kind: 'error', type: 'AccessDeniedException' });
  await settings.getByTestId('test-connection').click();
  await expect(result).toHaveAttribute('data-ok', 'false');
  await expect(result).toContainText(`Access denied to ${HAIKU}: enable access to this model in the Bedrock console`);
  await expect(result).toHaveClass(/error-text/);
  await screenshot(page, 'settings-ai');
  await legacy.scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-ai-models');
});

test('analyses two selected images with the model and shows its answers as plain text', async ({ page }) => {
  await openLibrary(page);
  await cell(page, 'navy-stripes.png').click();
  await cell(page, 'red-dots.png').click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByTestId('selection-count')).toHaveText('2 selected');

  await page.getByTestId('analyse-selection').click();
  const dialog = page.getByTestId('analyse-dialog');
  await expect(dialog.getByTestId('estimate-cost')).toHaveText(/^\$\d/);
  await expect(dialog.getByTestId('estimate')).toContainText(`Analyse 2 images with ${HAIKU}`);
  await expect(dialog.getByTestId('estimate-to-send')).toHaveText('2');
  await expect(dialog.getByTestId('budget-meter')).toContainText('of $10.00 this month');
  await screenshot(page, 'analyse-estimate');

  // Held back a moment, so the running state can be seen before the answers arrive.
  const designs = [
    { ...TYPICAL_REPLY, design: 1, description: PLAIN },
    { ...TYPICAL_REPLY, design: 2, description: MARKUP },
  ];
  fake.script({ kind: 'delay', ms: 1500, then: { kind: 'toolUse', input: { designs } } });
  await dialog.getByTestId('analyse-confirm').click();
  await expect(dialog).toBeHidden();

  const status = page.getByTestId('analysis-status');
  await expect(status).toHaveAttribute('data-active', 'true');
  await expect(status.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(status.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expect(status.getByTestId('analysis-current-file')).toHaveText(/navy-stripes\.png|red-dots\.png/);
  await screenshot(page, 'analysis-running');
  await expect(status).toHaveAttribute('data-active', 'false', { timeout: 20_000 });
  await expect(status.getByTestId('analysis-progress-text')).toHaveText('2 / 2');
  await expect(status.getByRole('progressbar', { name: 'Analysis progress' })).toHaveAttribute('aria-valuenow', '2');
  // Both designs went out in one call.
  const calls = fake.requests.filter((r) => r.api === 'converse' && r.modelId === HAIKU);
  expect(JSON.stringify(calls.at(-1)?.body)).toContain('Design 2:');

  const shown: string[] = [];
  for (const name of ['navy-stripes.png', 'red-dots.png']) {
    await cell(page, name).dblclick();
    const detail = page.getByTestId('detail-panel');
    await expect(detail.getByTestId('detail-name')).toHaveText(name);
    const analyses = detail.getByTestId('ai-analysis');
    await expect(analyses).toHaveCount(2);
    await expect(analyses.first()).toHaveAttribute('data-model', /^local@/);
    const model = analyses.nth(1);
    await expect(model.getByTestId('ai-model-id')).toHaveText(HAIKU);
    const description = (await model.getByTestId('ai-description').textContent()) ?? '';
    shown.push(description);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await expect(model.locator('b')).toHaveCount(0);
  }
  // Which image was design 1 is the engine's business; each answer landed on one image, markup as text.
  expect(shown.sort()).toEqual([PLAIN, MARKUP].sort());
  expect(await page.title()).toBe('Swatchbook');

  const detail = page.getByTestId('detail-panel');
  const sent = detail.getByTestId('model-input');
  await sent.getByText('What is sent').click();
  await expect(sent.getByTestId('model-input-image').first()).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
  await expect(sent.getByTestId('model-input-prompt')).toContainText('record_designs');
  await screenshot(page, 'detail-what-is-sent');
  await detail.getByTestId('ai-analysis').nth(1).scrollIntoViewIfNeeded();
  await screenshot(page, 'detail-ai-attributes');
});

async function analyseSelected(page: Page, name: string): Promise<void> {
  await cell(page, name).click();
  await page.getByTestId('analyse-selection').click();
  const dialog = page.getByTestId('analyse-dialog');
  await expect(dialog.getByTestId('estimate-to-send')).toHaveText('1');
  await dialog.getByTestId('analyse-confirm').click();
  await expect(dialog).toBeHidden();
}

test('lists failed analyses with their reasons, and says why remote work waits', async ({ page }) => {
  await openLibrary(page);
  const status = page.getByTestId('analysis-status');

  fake.script({ kind: 'error', type: 'ValidationException', message: 'The image could not be decoded.' });
  await analyseSelected(page, 'green-checks.png');
  const failures = status.getByTestId('analysis-failures-button');
  await expect(failures).toHaveText('1 failed');
  await failures.click();
  const failure = page.getByTestId('analysis-failure');
  await expect(failure).toHaveCount(1);
  await expect(failure).toContainText('green-checks.png');
  await expect(failure).toContainText('Bedrock refused the request: The image could not be decoded.');
  await screenshot(page, 'analysis-failures');
  await page.keyboard.press('Escape');

  // No model access holds every remote job, with the reason, until the user acts.
  fake.script({ kind: 'error', type: 'AccessDeniedException' });
  await analyseSelected(page, 'teal-gradient.jpg');
  await expect(status.getByTestId('analysis-hold-reason')).toContainText(`Waiting: Access denied to ${HAIKU}`);
  await expect(status).toHaveAttribute('data-active', 'true');
  await status.getByRole('button', { name: 'Cancel' }).click();
  await expect(status).toHaveAttribute('data-active', 'false');
  await expect(status.getByTestId('analysis-hold-reason')).toHaveCount(0);
});

test('usage shows the calls and cost per model, with charts', async ({ page }) => {
  await openLibrary(page);
  await facetOption(page, 'colour', 'navy').click();
  await expect(page).toHaveURL(/colour=navy/);
  await nav(page, 'Usage').click();
  await expect(page).toHaveURL(/\/usage$/);
  const row = page.locator(`[data-testid="usage-row"][data-model="${HAIKU}"]`);
  await expect(row).toBeVisible();
  expect(Number(await row.getByTestId('usage-calls').textContent())).toBeGreaterThanOrEqual(1);
  expect(Number(await row.getByTestId('usage-cost').getAttribute('data-usd'))).toBeGreaterThan(0);
  await expect(page.locator('.uplot canvas')).toHaveCount(3);
  await screenshot(page, 'usage');

  await page.getByRole('button', { name: '7 days' }).click();
  await expect(page.getByRole('button', { name: '7 days' })).toHaveAttribute('aria-pressed', 'true');
  await expect(row).toBeVisible();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('.uplot canvas')).toHaveCount(3);
  await screenshot(page, 'usage-dark');

  // The library comes back as it was left, filters included.
  await nav(page, 'Library').click();
  await expect(page).toHaveURL(/\/\?colour=navy$/);
  await expectShown(page, ['navy-stripes.png']);
});
