import { expect, type Locator, type Page } from '@playwright/test';
import path from 'node:path';

export const SCREENSHOTS = path.join('test-results', 'screenshots');

export function grid(page: Page): Locator {
  return page.getByRole('grid', { name: 'Assets' });
}

export function cells(page: Page): Locator {
  return page.getByTestId('grid-cell');
}

export function cell(page: Page, name: string): Locator {
  return page.getByRole('gridcell', { name, exact: true });
}

export function facetOption(page: Page, facet: string, value: string): Locator {
  return page.getByTestId(`facet-${facet}`).locator(`[data-testid="facet-option"][data-value="${value}"]`);
}

/** Names of the cells the grid shows (all of them: test libraries fit on one screen). */
export async function shownNames(page: Page): Promise<string[]> {
  const names = await cells(page).evaluateAll((elements) => elements.map((e) => e.getAttribute('aria-label') ?? ''));
  return names.sort();
}

export async function expectShown(page: Page, names: string[]): Promise<void> {
  await expect.poll(() => shownNames(page), { timeout: 20_000 }).toEqual([...names].sort());
}

/** Waits until ingest has settled `total` files and stopped running: the status bar then shows a summary. */
export async function waitForIngest(page: Page, total: number): Promise<void> {
  const summary = page.getByTestId('ingest-summary');
  await expect(summary).toHaveAttribute('data-total', String(total), { timeout: 60_000 });
  await expect(summary).toHaveAttribute('data-settled', String(total), { timeout: 60_000 });
  await expect(page.getByTestId('status-bar')).toHaveAttribute('data-running', 'false', { timeout: 60_000 });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}
