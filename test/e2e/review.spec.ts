import { expect, test, type Locator, type Page } from '@playwright/test';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startFakeBedrock, type FakeBedrock } from '../support/fake-bedrock';
import { expectShown, facetOption, screenshot } from './support/library-page';
import {
  analyseWithTwoModels,
  callApi,
  HAIKU,
  HAIKU_SAYS,
  SONNET,
  SONNET_SAYS,
  writeReviewPictures,
} from './support/review-library';
import { fakeBedrockEnv, makeTempDir, startServer, type RunningServer } from './support/server';

const COUNT = 10;
const EDITED = 'zigzag deco';

let fake: FakeBedrock;
let server: RunningServer;
let library: string;
/** What the keyboard pass did, for the later checks (the tests build on each other). */
const reviewed = { edited: '', rejected: '', compared: '' };

// One engine, one review log: each test continues from the decisions before it.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  fake = await startFakeBedrock();
  library = await makeTempDir('review-library');
  await writeReviewPictures(library, COUNT);
  server = await startServer({
    library,
    env: fakeBedrockEnv(fake),
  });
  await analyseWithTwoModels(server, fake, COUNT);
});

test.afterAll(async () => {
  await server?.stop();
  await fake?.close();
  await fs.rm(library, { recursive: true, force: true });
});

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name, exact: true });
const item = (page: Page) => page.getByTestId('review-item');
const field = (page: Page, name: string) => page.locator(`[data-testid="review-field"][data-field="${name}"]`);
const decided = (row: Locator) => row.getByTestId('decided-value');
const pendingCount = (page: Page) => page.getByTestId('review-pending');

async function openReview(page: Page, reviewer?: string): Promise<void> {
  if (reviewer) await page.addInitScript((name) => window.localStorage.setItem('swatchbook.reviewer', name), reviewer);
  await page.goto(server.url);
  await nav(page, 'Review').click();
  await expect(page).toHaveURL(/\/review$/);
}

/** Decisions are saved in the background: wait for the engine to have them all. */
async function allSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('review-saving')).toHaveAttribute('data-unsaved', '0');
}

async function statusCount(page: Page, value: string): Promise<number> {
  const option = facetOption(page, 'status', value);
  return (await option.count()) === 0 ? 0 : Number(await option.getAttribute('data-count'));
}

async function openStatusFacet(page: Page): Promise<void> {
  await nav(page, 'Library').click();
  const facet = page.getByTestId('facet-status');
  await facet.getByRole('button', { name: 'Review status' }).click();
}

test('reviews ten items by keyboard alone; the library facet and search follow', async ({ page }) => {
  await page.goto(server.url);
  await openStatusFacet(page);
  await expect(facetOption(page, 'status', 'unreviewed')).toHaveAttribute('data-count', String(COUNT));
  await expect(facetOption(page, 'status', 'unreviewed')).toContainText('pending');

  await nav(page, 'Review').click();
  // The name is asked once, typed, and remembered.
  await expect(page.getByTestId('reviewer-name-input')).toBeFocused();
  await page.keyboard.type('Ada');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reviewer-name')).toHaveText('Ada');
  await page.reload();
  await expect(page.getByTestId('reviewer-name')).toHaveText('Ada');

  await expect(pendingCount(page)).toHaveAttribute('data-count', String(COUNT));
  await expect(page.getByTestId('review-queue-row')).toHaveCount(COUNT);
  // Sonnet's escalated answer is under review, Haiku's beside it, differences marked.
  await expect(page.getByTestId('review-fields')).toHaveAttribute('data-comparing', 'true');
  await expect(field(page, 'style').locator('[data-column="review"]')).toContainText(SONNET_SAYS.style);
  await expect(field(page, 'style').locator('[data-column="compare"]')).toContainText(HAIKU_SAYS.style);
  await expect(field(page, 'style')).toHaveAttribute('data-differs', 'true');
  await expect(field(page, 'patternTypes')).not.toHaveAttribute('data-differs', 'true');
  // Model text is shown as text, never run as markup.
  await expect(field(page, 'description').locator('[data-column="compare"]')).toContainText(HAIKU_SAYS.description);
  await expect(page.locator('[data-testid="review-fields"] b, img[src="x"]')).toHaveCount(0);
  expect(await page.title()).toBe('Swatchbook');
  await page.keyboard.press('?');
  await expect(page.getByTestId('review-help')).toContainText('Accept all remaining fields');
  await screenshot(page, 'review-help');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('review-help')).toHaveCount(0);
  await screenshot(page, 'review-workspace');

  for (let i = 0; i < COUNT; i++) {
    const name = (await item(page).getByTestId('review-item-name').textContent()) ?? '';
    const hash = await item(page).getAttribute('data-hash');
    await expect(item(page)).toHaveAttribute('data-status', 'pending');
    if (i === 3) {
      reviewed.rejected = name;
      await page.keyboard.press('r');
    } else if (i === 5) {
      reviewed.edited = name;
      // A value the schema refuses is explained in place, and nothing is recorded.
      await page.keyboard.press('3');
      await page.keyboard.press('e');
      await expect(page.getByTestId('field-editor-input')).toBeFocused();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('navy blue');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('field-editor-error')).toContainText('hex must look like #1a2b3c');
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('field-editor')).toHaveCount(0);
      await expect(field(page, 'colours')).toHaveAttribute('data-state', 'pending');

      await page.keyboard.press('4');
      await page.keyboard.press('e');
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(EDITED);
      await page.keyboard.press('Enter');
      await expect(field(page, 'style')).toHaveAttribute('data-state', 'edited');
      await expect(decided(field(page, 'style'))).toHaveText(EDITED);
      await screenshot(page, 'review-edited-field');
      await page.keyboard.press('a');
    } else {
      await page.keyboard.press('a');
    }
    // Whole-item decisions move on to the next pending item by themselves.
    if (i < COUNT - 1) await expect(item(page)).not.toHaveAttribute('data-hash', hash ?? '');
  }
  await expect(pendingCount(page)).toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('review-all-done')).toBeVisible();
  await expect(page.locator('[data-testid="review-queue-row"][data-status="accepted"]')).toHaveCount(COUNT - 1);
  await expect(page.locator('[data-testid="review-queue-row"][data-status="rejected"]')).toHaveCount(1);
  await allSaved(page);

  await openStatusFacet(page);
  await expect.poll(() => statusCount(page, 'accepted')).toBe(COUNT - 1);
  await expect.poll(() => statusCount(page, 'rejected')).toBe(1);
  await expect.poll(() => statusCount(page, 'unreviewed')).toBe(0);
  // The reviewer's value is what search finds.
  await page.getByTestId('search-input').fill('zigzag');
  await expectShown(page, [reviewed.edited]);
});

test('compares two models and picks fields from each; undo and history', async ({ page }) => {
  await openReview(page, 'Ada');
  await page.getByTestId('filter-state').selectOption('all');
  await expect(pendingCount(page)).toContainText(`${COUNT} in this list`);
  // Esc hands the keys back from the filter to the workspace.
  await page.keyboard.press('Escape');
  await expect(item(page)).toHaveAttribute('data-status', 'accepted');
  reviewed.compared = (await item(page).getAttribute('data-hash')) ?? '';

  // Undo takes back Ada's accept-all on this item: pending again.
  await page.keyboard.press('u');
  await expect(item(page)).toHaveAttribute('data-status', 'pending');
  await expect(pendingCount(page)).toHaveAttribute('data-count', '1');
  await expect(field(page, 'style')).toHaveAttribute('data-state', 'pending');

  // Haiku's style from the compared column (Tab), Sonnet's technique from the answer under review.
  await page.keyboard.press('Tab');
  await expect(page.locator('th.review-answer-heading.active')).toContainText('claude-3-haiku');
  await page.keyboard.press('4');
  await page.keyboard.press('Enter');
  await expect(decided(field(page, 'style'))).toHaveText(HAIKU_SAYS.style);
  await expect(field(page, 'style').getByTestId('decided-source')).toHaveText('from claude-3-haiku');
  await page.keyboard.press('Tab');
  await expect(page.locator('th.review-answer-heading.active')).toContainText('claude-sonnet-4');
  await page.keyboard.press('6');
  await page.keyboard.press('Enter');
  await expect(decided(field(page, 'technique'))).toHaveText(SONNET_SAYS.technique);
  await expect(field(page, 'technique').getByTestId('decided-source')).toHaveText('from claude-sonnet-4');
  // Accept all takes the rest from Sonnet and keeps the two picks.
  await page.keyboard.press('a');
  await expect(item(page)).toHaveAttribute('data-status', 'accepted');
  await expect(decided(field(page, 'style'))).toHaveText(HAIKU_SAYS.style);
  await expect(decided(field(page, 'description'))).toHaveText(SONNET_SAYS.description);
  await expect(pendingCount(page)).toHaveAttribute('data-count', '0');
  await allSaved(page);
  await screenshot(page, 'review-compare');

  // Every decision is a record, undo included: 10 (accept all) + undo + 2 picks + 8 (the rest).
  const history = page.getByTestId('review-history');
  const rows = history.getByTestId('history-row');
  await expect(rows).toHaveCount(21);
  await expect(history.locator('[data-action="undo"]')).toHaveCount(1);
  await expect(history.locator('[data-action="undo"]')).toContainText('undo (10)');
  const stylePick = history.locator('[data-field="style"]').first();
  await expect(stylePick).toContainText('Ada');
  await expect(stylePick).toContainText('accept');
  await expect(stylePick).toContainText(HAIKU_SAYS.style);
  await expect(stylePick).toContainText('claude-3-haiku');
  await expect(stylePick).toContainText('attributes-v');

  // A second undo takes back only the last keypress (the eight fields): the picks stand.
  await page.keyboard.press('u');
  await expect(item(page)).toHaveAttribute('data-status', 'pending');
  await expect(field(page, 'style')).toHaveAttribute('data-state', 'accepted');
  await expect(field(page, 'description')).toHaveAttribute('data-state', 'pending');
  await expect(rows).toHaveCount(22);
  await page.keyboard.press('a');
  await expect(item(page)).toHaveAttribute('data-status', 'accepted');

  // A second reviewer agrees with Ada on one field.
  await page.getByRole('button', { name: 'Change' }).click();
  await page.getByLabel('Reviewer name').fill('Grace');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reviewer-name')).toHaveText('Grace');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(field(page, 'patternTypes').getByTestId('decided-source')).toHaveText('from claude-sonnet-4');
  await expect(rows.first()).toContainText('Grace');
  await allSaved(page);
});

test('quality shows acceptance per model and field, throughput, agreement and value per dollar', async ({ page }) => {
  await page.goto(server.url);
  await nav(page, 'Quality').click();
  await expect(page).toHaveURL(/\/quality$/);
  // Nine accepted items of ten fields, one field of them edited; the rejected item rejects its ten fields.
  await expect(page.getByTestId('quality-decided')).toHaveText('100');
  await expect(page.getByTestId('quality-edited')).toHaveText('1');
  await expect(page.getByTestId('quality-acceptance')).toHaveText('89%');

  const byModel = page.getByTestId('quality-by-model');
  await expect(byModel.getByTestId('bar-row')).toHaveCount(2);
  await expect(byModel.locator(`[data-key="${SONNET}"]`)).toContainText('claude-sonnet-4');
  await expect(byModel.locator(`[data-key="${SONNET}"] [data-testid="bar-note"]`)).toHaveText('89% accepted of 99');
  await expect(byModel.locator(`[data-key="${HAIKU}"] [data-testid="bar-note"]`)).toHaveText('100% accepted of 1');
  await expect(byModel.locator('.bar-segment.accepted')).toHaveCount(2);
  for (const bar of await byModel.locator('.bar-segment.accepted').all()) await expect(bar).toBeVisible();
  await expect(page.getByTestId('quality-by-field').getByTestId('bar-row')).toHaveCount(10);
  await expect(page.locator('[data-testid="quality-edits"] [data-key="style"] [data-testid="bar-note"]')).toHaveText(
    '1',
  );
  await expect(page.getByTestId('quality-throughput').getByTestId('bar-row')).toHaveCount(2);
  await expect(
    page.locator('[data-testid="quality-throughput"] [data-key="Ada"] [data-testid="bar-note"]'),
  ).toContainText(/items\/h · 10 items/);
  await expect(page.getByTestId('quality-agreement').getByTestId('bar-note')).toHaveText('100% agree on 1 field');
  await expect(page.getByTestId('best-value-row')).toHaveCount(10);
  await expect(page.locator('[data-testid="best-value-row"][data-field="style"]')).toContainText(
    /claude-(3-haiku|sonnet-4)/,
  );
  // What reviewers change: the one edit, as a sentence; the rejected item's fields, outright.
  await expect(page.getByTestId('reviewer-change')).toContainText(
    `claude-sonnet-4 calls ${EDITED} “${SONNET_SAYS.style}” (style) — corrected in 11% of 9 reviewed; 1 example`,
  );
  await expect(page.getByTestId('reviewer-rejections')).toContainText('claude-sonnet-4 colours 10% of 10');
  await expect(page.getByTestId('model-disagreements')).toContainText(
    'style: claude-3-haiku and claude-sonnet-4 differ on',
  );
  await screenshot(page, 'quality');

  // A trusted field that reviewers overturned can be untrusted from here.
  await callApi(server, 'updateAiSettings', { trustedFields: [{ modelId: SONNET, field: 'style' }] });
  await page.reload();
  const overturned = page.getByTestId('trusted-overturned');
  await expect(overturned).toContainText('claude-sonnet-4 style: 2 of 9 reviewed');
  await overturned.getByRole('button', { name: 'Stop trusting' }).click();
  await expect(overturned).toHaveCount(0);
  expect(await callApi(server, 'getAiSettings')).toMatchObject({ settings: { trustedFields: [] } });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(byModel.locator('.bar-segment.accepted').first()).toHaveCSS('background-color', 'rgb(81, 207, 102)');
  await screenshot(page, 'quality-dark');
});

test('a frequent correction becomes a prompt note; the model summarises the counts once', async ({ page }) => {
  await page.goto(server.url);
  await nav(page, 'Quality').click();
  const change = page.getByTestId('reviewer-change');
  await change.getByRole('button', { name: 'Add as a prompt note' }).click();
  await expect(change).toContainText('In the prompt');
  await nav(page, 'Settings').click();
  const notes = page.getByTestId('prompt-notes');
  await expect(notes).toContainText('In force');
  await expect(notes.getByRole('textbox', { name: 'Prompt note 1' })).toHaveValue(
    `Style: you often call ${EDITED} “${SONNET_SAYS.style}” — reviewers corrected this in 11% of 9`,
  );

  const summary = 'Reviewers mostly accept both models; Sonnet’s colours are rejected on one item in ten.';
  // The analysis left scripted answers unused (they cover any batching): start from none.
  fake.reset();
  fake.script({ kind: 'stream', reply: { kind: 'toolUse', input: { summary } }, chunkChars: 8, gapMs: 40 });
  await nav(page, 'Quality').click();
  const panel = page.getByTestId('highlights-summary');
  await panel.getByRole('button', { name: /^Summarise with / }).click();
  await expect(panel.getByTestId('streaming-answer')).toBeVisible();
  await expect(panel.getByTestId('highlights-summary-text')).toHaveText(summary);
  await expect(panel).toContainText(/AI-written by \S+ from the counts on .+; 0 decisions since/);
  // Kept: shown again without asking the model again.
  const asked = fake.requests.length;
  await page.reload();
  await expect(page.getByTestId('highlights-summary-text')).toHaveText(summary);
  await expect(page.getByTestId('highlights-summary').getByRole('button')).toHaveText(/^Summarise afresh with /);
  expect(fake.requests.length).toBe(asked);
  await page.getByTestId('highlights-summary').scrollIntoViewIfNeeded();
  await screenshot(page, 'quality-summary');
});

test('exports approved attributes as JSON and CSV, and a distillation dataset', async ({ page }) => {
  await page.goto(server.url);
  await nav(page, 'Quality').click();

  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  expect(jsonDownload.suggestedFilename()).toMatch(/^swatchbook-approved-.+\.json$/);
  const records = JSON.parse(await fs.readFile((await jsonDownload.path())!, 'utf8')) as Array<{
    path: string;
    hash: string;
    attributes: Record<string, unknown>;
    provenance: Record<string, { reviewer: string | null; modelId: string; edited: boolean; trusted: boolean }>;
  }>;
  expect(records).toHaveLength(COUNT - 1);
  expect(records.find((r) => r.path === reviewed.rejected)).toBeUndefined();
  const edited = records.find((r) => r.path === reviewed.edited)!;
  expect(edited.attributes.style).toBe(EDITED);
  expect(edited.provenance.style).toEqual({ reviewer: 'Ada', modelId: SONNET, edited: true, trusted: false });
  const compared = records.find((r) => r.hash === reviewed.compared)!;
  expect(compared.attributes.style).toBe(HAIKU_SAYS.style);
  expect(compared.provenance.style.modelId).toBe(HAIKU);
  expect(compared.attributes.technique).toBe(SONNET_SAYS.technique);
  expect(compared.provenance.patternTypes.reviewer).toBe('Grace');

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(csvDownload.suggestedFilename()).toMatch(/^swatchbook-approved-.+\.csv$/);
  const lines = (await fs.readFile((await csvDownload.path())!, 'utf8')).trim().split('\r\n');
  expect(lines[0]).toBe(
    'path,library,hash,status,patternTypes,motifs,colours,style,repeatScale,technique,mood,suitableProducts,description,keywords,' +
      'patternLabels,colourNames,repeatSize,correctedBy',
  );
  expect(lines).toHaveLength(COUNT);
  expect(lines.find((line) => line.startsWith(`${reviewed.edited},`))).toContain(EDITED);

  const distil = page.getByTestId('distillation-export');
  await distil.getByTestId('distill-prefix').fill('s3://swatchbook-test/distil');
  await distil.getByTestId('distill-owner').fill('1234');
  await expect(distil.getByRole('alert')).toHaveText('The bucket owner is a 12-digit AWS account id.');
  await expect(distil.getByTestId('distill-submit')).toBeDisabled();
  await distil.getByTestId('distill-owner').fill('123456789012');
  await distil.getByTestId('distill-submit').click();
  await expect(distil.getByTestId('distill-lines')).toHaveText(String(COUNT - 1));
  const images = Number(await distil.getByTestId('distill-images').textContent());
  expect(images).toBeGreaterThanOrEqual(COUNT - 1);
  await expect(distil.getByTestId('distill-skipped-count')).toHaveText('Nothing skipped.');
  const folder = (await distil.getByTestId('distill-folder').textContent()) ?? '';
  expect(path.relative(server.dataDir, folder)).toMatch(/^exports[\\/]distillation-/);
  const jsonl = (await fs.readFile(path.join(folder, 'dataset.jsonl'), 'utf8')).trim().split('\n');
  expect(jsonl).toHaveLength(COUNT - 1);
  expect(jsonl[0]).toContain('s3://swatchbook-test/distil/');
  expect(jsonl[0]).toContain('"bucketOwner":"123456789012"');
  expect(await fs.readdir(path.join(folder, 'images'))).toHaveLength(images);
  await distil.scrollIntoViewIfNeeded();
  await screenshot(page, 'quality-export');
});
