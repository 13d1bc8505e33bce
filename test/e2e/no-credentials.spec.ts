/**
 * A new user in browser mode, on a machine with no AWS setup at all: every message names what
 * can be done here (a profile, `aws sso login`, the environment; never an access key in
 * Settings, which browser mode cannot keep), nothing pretends a call was made, and waiting
 * work says why it waits.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startFakeBedrock, type FakeBedrock } from '../support/fake-bedrock';
import { writeAllPictures } from './support/images';
import { screenshot, waitForIngest } from './support/library-page';
import { makeTempDir, startServer, type RunningServer } from './support/server';

const COUNT = 5;
const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const NO_CREDENTIALS = 'No AWS credentials found: set up a profile in ~/.aws/config';

let fake: FakeBedrock;
let server: RunningServer;
let library: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  fake = await startFakeBedrock();
  library = await makeTempDir('no-credentials');
  await writeAllPictures(library);
  server = await startServer({
    library,
    env: {
      // Nothing to find: no keys, no profile files, no instance role. The endpoints are the fake's,
      // so nothing could reach AWS even so.
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
      AWS_SESSION_TOKEN: '',
      AWS_CONFIG_FILE: path.join(library, 'no-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(library, 'no-aws-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL_BEDROCK_RUNTIME: fake.runtimeEndpoint,
      AWS_ENDPOINT_URL_BEDROCK: fake.controlEndpoint,
    },
  });
});

test.afterAll(async () => {
  await server?.stop();
  await fake?.close();
  await fs.rm(library, { recursive: true, force: true });
});

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name, exact: true });

async function chooseBedrock(page: Page): Promise<Locator> {
  await nav(page, 'Settings').click();
  const settings = page.getByTestId('ai-settings');
  await settings.getByRole('radio', { name: /Amazon Bedrock/ }).check();
  await expect(settings.getByRole('radio', { name: /Amazon Bedrock/ })).toBeChecked();
  return settings;
}

test('Settings names the ways to credentials that exist in browser mode, without problem codes', async ({ page }) => {
  await page.goto(server.url);
  await waitForIngest(page, COUNT);
  const settings = await chooseBedrock(page);

  // The model list says what the connection test says, in place of the list.
  const problem = settings.getByTestId('models-problem');
  await expect(problem).toContainText(NO_CREDENTIALS);
  await expect(problem).toContainText('aws sso login');
  await expect(problem).toContainText('AWS_ACCESS_KEY_ID');
  await expect(problem).not.toContainText('access key in Settings');
  await expect(settings.getByText('Could not list the models')).toHaveCount(0);
  await expect(settings.getByText(/Choose Amazon Bedrock above/)).toHaveCount(0);
  await expect(settings.getByRole('radio', { name: /Access keys stored by this app/ })).toBeDisabled();

  await settings.getByTestId('test-connection').click();
  const result = settings.getByTestId('connection-result');
  await expect(result).toHaveAttribute('data-ok', 'false');
  await expect(result).toContainText(NO_CREDENTIALS);
  await expect(result).not.toContainText('access key in Settings');
  await expect(result).not.toContainText('no-credentials');
  await expect(result).not.toContainText('[');
  await screenshot(page, 'settings-no-credentials');
  await problem.scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-no-credentials-models');
});

test('analysis waits for credentials; Review says how many and why, Usage counts no calls', async ({ page }) => {
  await page.addInitScript(() => window.localStorage.setItem('swatchbook.reviewer', 'Ana'));
  await page.goto(server.url);
  await waitForIngest(page, COUNT);
  await chooseBedrock(page);
  await nav(page, 'Library').click();
  await page.getByTestId('analyse-search').click();
  const dialog = page.getByTestId('analyse-dialog');
  await dialog.getByTestId('analyse-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('analysis-hold-reason')).toContainText(`Waiting: ${NO_CREDENTIALS}`);

  await nav(page, 'Review').click();
  const waiting = page.getByTestId('review-waiting');
  await expect(waiting).toHaveAttribute('data-count', String(COUNT));
  await expect(waiting).toContainText(`${COUNT} images are waiting for claude-3-haiku: ${NO_CREDENTIALS}`);
  await expect(waiting).not.toContainText('access key in Settings');
  await screenshot(page, 'review-waiting-for-credentials');
  await waiting.getByRole('link', { name: 'Open Settings' }).click();
  await expect(page).toHaveURL(/\/settings$/);

  await nav(page, 'Usage').click();
  await expect(page.getByTestId('usage-empty')).toContainText('No calls reached Amazon Bedrock');
  await expect(page.getByTestId('usage-row')).toHaveCount(0);
  const refused = page.locator(`[data-testid="not-sent-row"][data-model="${HAIKU}"][data-reason="no-credentials"]`);
  await expect(refused).toContainText('no AWS credentials');
  await expect(refused).toContainText(NO_CREDENTIALS);
  expect(Number((await refused.getByTestId('not-sent-count').textContent())?.split(' ')[0])).toBeGreaterThanOrEqual(2);
  await screenshot(page, 'usage-no-credentials');
  expect(fake.requests).toHaveLength(0);
});
