/** A marketer likes a variant except for one corner: brushes it, asks for plain warm grey, and gets a new variant. */
import { expect, test, type Locator, type Page } from '@playwright/test';
import fs from 'node:fs/promises';
import { AD_LIBRARY, writeAdLibrary } from './support/ad-library';
import { screenshot, waitForIngest } from './support/library-page';
import { makeTempDir, startServer, type RunningServer } from './support/server';

let server: RunningServer;
let library: string;

test.beforeAll(async () => {
  library = await makeTempDir('ads-edit-library');
  await writeAdLibrary(library);
  server = await startServer({ library });
});

test.afterAll(async () => {
  await server?.stop();
  await fs.rm(library, { recursive: true, force: true });
});

async function campaignWithOneVariant(page: Page): Promise<void> {
  await page.goto(server.url);
  await waitForIngest(page, AD_LIBRARY.count);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Ads', exact: true }).click();
  await page.getByTestId('product-picker').getByRole('button', { name: AD_LIBRARY.product }).click();
  const form = page.getByTestId('new-campaign-form');
  await form.getByLabel('Campaign name').fill('Edit test');
  await form.getByLabel('Product name').fill('Steel bottle');
  await form.getByLabel('Headline').fill('Cold for 24 hours');
  await form.getByLabel('Call to action').fill('Shop now');
  await form.getByRole('button', { name: 'Create campaign' }).click();
  await expect(page.getByTestId('campaign-name')).toHaveText('Edit test');
  await page.getByTestId('generate-panel').getByRole('button', { name: 'Generate 1 variant' }).click();
  await expect(page.locator('[data-testid="ad-variant"][data-state="ready"]')).toHaveCount(1, { timeout: 45_000 });
}

/** The colour of the shown picture at a point given as fractions of it. */
function colourAt(image: Locator, fx: number, fy: number): Promise<number[]> {
  return image.evaluate(
    (img: HTMLImageElement, [x, y]) => {
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(img, 0, 0);
      const at = context.getImageData(Math.round(x * canvas.width), Math.round(y * canvas.height), 1, 1).data;
      return [at[0], at[1], at[2]];
    },
    [fx, fy],
  );
}

test('brush a corner of a variant, ask for plain warm grey and get a new variant edited from it', async ({ page }) => {
  await campaignWithOneVariant(page);
  const first = page.locator('[data-testid="ad-variant"][data-index="1"]');
  await first.getByRole('button', { name: /Open .* larger/ }).click();
  const viewer = page.getByTestId('variant-viewer');
  await expect(viewer.getByTestId('variant-full')).toBeVisible();
  const before = await colourAt(viewer.getByTestId('variant-full'), 0.07, 0.28);

  await viewer.getByRole('button', { name: 'Edit', exact: true }).click();
  const editor = viewer.getByTestId('variant-editor');
  await expect(editor.getByRole('button', { name: 'Apply' })).toBeDisabled();
  // Left of the product, above the copy: a stripe down the left edge.
  const canvas = editor.getByTestId('variant-edit-canvas');
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.04, box.y + box.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.36, { steps: 8 });
  await page.mouse.up();
  await editor.getByLabel('What should be there').fill('plain warm grey');
  await expect(editor.getByRole('radio', { name: /Local compositor/ })).toBeChecked();
  await screenshot(page, 'ads-variant-edit');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(viewer.getByTestId('edit-queued')).toContainText('Edited copy queued as Studio #2');
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();

  const edited = page.locator('[data-testid="ad-variant"][data-index="2"]');
  await expect(edited).toHaveAttribute('data-state', /^(ready|needs-attention)$/, { timeout: 30_000 });
  await expect(edited.getByTestId('variant-lineage')).toHaveText(
    /^Edited from #1 · the brushed region painted #[0-9a-f]{6}$/,
  );
  await expect(first.getByTestId('variant-lineage')).toHaveCount(0);

  await edited.getByRole('button', { name: /Open .* larger/ }).click();
  await expect(viewer.getByTestId('variant-lineage')).toContainText('Edited from #1');
  const [r, g, b] = await colourAt(viewer.getByTestId('variant-full'), 0.07, 0.28);
  // A warm grey: channels close together, red a little above blue, and not what was there before.
  expect(Math.max(r, g, b) - Math.min(r, g, b)).toBeLessThan(30);
  expect(r).toBeGreaterThan(b);
  expect([r, g, b]).not.toEqual(before);
  await screenshot(page, 'ads-variant-edited');
});
