import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { Engine } from '../../electron/engine';
import { ALL_PICTURES, writeAllPictures } from './support/images';
import { cell, facetOption, screenshot, waitForIngest } from './support/library-page';
import { callApi } from './support/review-library';
import { startServer, type RunningServer } from './support/server';
import { NO_TEAM_ENV, teamBed } from './support/team-bed';

/** Another member's change reaches this machine's copy, and the screen, within a few seconds. */
const SEEN_WITHIN_MS = 10_000;

const bed = teamBed();
const { tempDir } = bed;

async function openSettings(page: Page, server: RunningServer) {
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Settings', exact: true }).click();
  return page.getByTestId('team-library-settings');
}

async function connectTo(page: Page, url: string): Promise<void> {
  const section = page.getByTestId('team-library-settings');
  await section.getByTestId('team-url').fill(url);
  await section.getByTestId('team-connect').click();
}

/** An image's hash in a server's library, found by its file name. */
async function hashOf(server: RunningServer, name: string): Promise<string> {
  const { items } = await callApi<{ items: { hash: string; name: string }[] }>(server, 'search', {});
  const item = items.find((i) => i.name === name);
  if (!item) throw new Error(`${name} is not in the library`);
  return item.hash;
}

test('a local library: Settings say so, refuse a password or an unanswering server, and save a team library for the next start', async ({
  page,
}) => {
  const url = await bed.postgres.createDatabase();
  const dataDir = await tempDir('team-settings');
  let server = await startServer({ dataDir, env: NO_TEAM_ENV });
  try {
    const section = await openSettings(page, server);
    await expect(section.getByTestId('team-open')).toHaveText('Local library');
    await expect(section.getByTestId('team-saved')).toHaveText('The local library');
    await expect(section.getByTestId('team-use-local')).toHaveCount(0);
    await expect(section.getByTestId('team-url')).toHaveAttribute(
      'placeholder',
      'postgres://you@server:5432/swatchbook',
    );
    await expect(page.getByTestId('team-status')).toHaveCount(0);

    await connectTo(page, url.replace('swatchbook@', 'swatchbook:s3cret@'));
    await expect(section.getByRole('alert')).toHaveText(
      'A password is not saved in Settings: leave it out of the URL and put it in ~/.pgpass (or PGPASSWORD), ' +
        'where PostgreSQL looks for it.',
    );
    await expect(section.getByTestId('team-saved')).toHaveText('The local library');

    // Nothing listens on port 1: the connection is refused at once.
    await connectTo(page, 'postgres://swatchbook@127.0.0.1:1/nowhere');
    await expect(section.getByRole('alert')).toContainText(
      'Not saved: Could not connect to the team library at postgres://swatchbook@127.0.0.1:1/nowhere',
    );
    await expect(section.getByTestId('team-restart')).toHaveCount(0);

    await connectTo(page, url);
    await expect(section.getByTestId('team-restart')).toHaveText('Saved. Restart Swatchbook to open it.');
    await expect(section.getByTestId('team-saved')).toHaveText(url);
    await expect(section.getByTestId('team-open')).toHaveText('Local library');
    await expect(section.getByRole('alert')).toHaveCount(0);
    await expect(section.getByTestId('team-url')).toHaveValue('');
    await expect(page.getByTestId('team-status')).toHaveCount(0);

    await server.stop();
    server = await startServer({ dataDir, env: NO_TEAM_ENV });
    await openSettings(page, server);
    await expect(section.getByTestId('team-open')).toHaveText(`Team library ${url} (from Settings)`);
    await expect(section.getByTestId('team-connection')).toHaveAttribute('data-connection', 'online');
    await expect(section.getByTestId('team-pending')).toHaveText('Nothing');
    await expect(section.getByTestId('team-role')).toContainText('Admin: everything a reviewer does');
    await expect(section.getByTestId('team-restart')).toHaveCount(0);
    await expect(page.getByTestId('team-status')).toHaveText('Team · online');

    await section.getByTestId('team-use-local').click();
    await expect(section.getByTestId('team-restart')).toHaveText(
      'Saved. Restart Swatchbook to open the local library.',
    );
    await expect(section.getByTestId('team-saved')).toHaveText('The local library');
    await expect(section.getByTestId('team-use-local')).toHaveCount(0);
  } finally {
    await server.stop();
  }
});

test("a team library opened with --team-db: online in the status bar, and another member's tag shows without a reload", async ({
  page,
}) => {
  const url = await bed.postgres.createDatabase();
  const library = await tempDir('team-prints');
  await writeAllPictures(library);
  const server = await startServer({ args: ['--team-db', url], env: NO_TEAM_ENV });
  let ben: Engine | null = null;
  try {
    const section = await openSettings(page, server);
    await expect(section.getByTestId('team-open')).toHaveText(`Team library ${url} (from --team-db)`);
    await expect(section.getByTestId('team-override')).toContainText('from --team-db, which overrides Settings');
    const status = page.getByTestId('team-status');
    await expect(status).toHaveText('Team · online');
    await expect(status).toHaveAttribute('title', new RegExp(`^${url}\\nLast contact `));
    await screenshot(page, 'team-library-settings');

    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Library', exact: true }).click();
    await callApi(server, 'addFolder', { path: library });
    await waitForIngest(page, ALL_PICTURES.length);
    await cell(page, 'navy-stripes.png').dblclick();
    await expect(page.getByTestId('asset-tags')).toBeVisible();

    ben = await Engine.open({ dataDir: await tempDir('team-ben'), teamDb: { url, source: 'flag' }, teamAuthor: 'ben' });
    const hash = await hashOf(server, 'navy-stripes.png');
    const benCopy = ben.store;
    await expect.poll(() => benCopy.getAsset(hash) !== undefined, { timeout: SEEN_WITHIN_MS }).toBe(true);
    benCopy.setTags([hash], ['picked-by-ben'], []);

    await expect(facetOption(page, 'tag', 'picked-by-ben')).toHaveAttribute('data-count', '1', {
      timeout: SEEN_WITHIN_MS,
    });
    await expect(page.getByTestId('asset-tags')).toContainText('picked-by-ben');
  } finally {
    await ben?.close();
    await server.stop();
  }
});

test('a team library whose server goes away: offline with the reason, changes wait, and go out when it is back', async ({
  page,
}) => {
  const url = await bed.postgres.createDatabase();
  const library = await tempDir('team-offline');
  await writeAllPictures(library);
  const server = await startServer({ library, args: ['--team-db', url], env: NO_TEAM_ENV });
  try {
    await page.goto(server.url);
    await waitForIngest(page, ALL_PICTURES.length);
    const status = page.getByTestId('team-status');
    await expect(status).toHaveText('Team · online');

    bed.postgres.kill();
    try {
      await expect(status).toHaveAttribute('data-connection', 'offline', { timeout: SEEN_WITHIN_MS });
      await cell(page, 'red-dots.png').click();
      await page.getByTestId('tag-input').fill('while-away');
      await page.getByTestId('tag-add').click();
      await expect(facetOption(page, 'tag', 'while-away')).toHaveAttribute('data-count', '1');
      await expect(status).toHaveText('Team · offline — 1 change waits');
      // The reason is the server's or the network's, next to the server it is about.
      await expect(status).toHaveAttribute('title', new RegExp(`^${url}\\n.+`));

      await page.keyboard.press('Escape');
      const section = await openSettings(page, server);
      await expect(section.getByTestId('team-connection')).toHaveAttribute('data-connection', 'offline');
      await expect(section.getByTestId('team-connection')).toContainText('offline');
      await expect(section.getByTestId('team-pending')).toHaveText('1 change waits');
      await screenshot(page, 'team-library-offline');
    } finally {
      bed.postgres.restart();
    }
    await expect(status).toHaveText('Team · online', { timeout: 30_000 });
    await expect(page.getByTestId('team-pending')).toHaveText('Nothing');
  } finally {
    await server.stop();
  }
});

test('a member of a team library browses what the team has, sees their role, and is told why tagging is refused', async ({
  page,
}) => {
  const url = await bed.postgres.createDatabase();
  const library = await tempDir('team-member');
  await writeAllPictures(library);
  const owner = await Engine.open({ dataDir: await tempDir('team-owner'), teamDb: { url, source: 'flag' } });
  let server: RunningServer | null = null;
  try {
    await owner.library.addFolder(library);
    await owner.library.idle();
    const database = new URL(url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE ROLE mia_${database} LOGIN`);
    await admin.query(`GRANT ${database}_member TO mia_${database}`);
    await admin.end();

    server = await startServer({
      args: ['--team-db', url.replace('//swatchbook@', `//mia_${database}@`)],
      env: NO_TEAM_ENV,
    });
    await page.goto(server.url);
    // Nothing is ingested on a member's machine: the team's records arrive from the server.
    await expect(page.getByTestId('status-bar')).toContainText(`${ALL_PICTURES.length} assets`);
    await cell(page, 'red-dots.png').click();
    // What a member may not do is shown disabled, with why, not refused after the fact.
    await expect(page.getByTestId('tag-input')).toBeDisabled();
    await expect(page.getByTestId('selection-rights')).toHaveText(
      'This needs the reviewer role in the team library; yours is member (browse and search).',
    );
    await expect(page.getByRole('button', { name: 'Add folder', exact: true }).first()).toBeDisabled();
    // The API refuses it all the same.
    const refused = await page.evaluate(async () => {
      const response = await fetch('/api/setTags', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ hashes: ['a'.repeat(64)], add: ['mine'] }),
      });
      return { status: response.status, body: await response.json() };
    });
    expect(refused).toEqual({
      status: 403,
      body: {
        error:
          'This needs the reviewer role in the team library; yours is member (browse and search). ' +
          "Ask the team's admin for the reviewer role.",
      },
    });
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Review', exact: true }).click();
    await expect(page.getByTestId('review-rights')).toContainText('You can look through the queue');

    await page.keyboard.press('Escape');
    const section = await openSettings(page, server);
    await expect(section.getByTestId('team-role')).toHaveText('Member: browse and search');
  } finally {
    await server?.stop();
    await owner.close();
  }
});

test("an admin sets the team's one budget in Settings, and Usage says whose budget it is and who spent what", async ({
  page,
}) => {
  const url = await bed.postgres.createDatabase();
  const server = await startServer({ args: ['--team-db', url], env: NO_TEAM_ENV });
  try {
    await openSettings(page, server);
    const budget = page.getByLabel('Team monthly budget');
    await expect(budget).toBeEnabled();
    await budget.fill('25');
    await budget.press('Enter');
    await expect(page.getByText('You are an admin: a change applies to everyone.')).toBeVisible();

    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Usage', exact: true }).click();
    const team = page.getByTestId('team-spend');
    await expect(team.getByTestId('team-budget-source')).toContainText('The team’s budget of $25.00 was set by');
    await expect(team).toContainText('Nobody in the team has called a model this month.');
  } finally {
    await server.stop();
  }
});

test('the team’s folders in Settings: where they were added, and where this computer has them', async ({ page }) => {
  const url = await bed.postgres.createDatabase();
  const library = await tempDir('team-share');
  await writeAllPictures(library);
  const elsewhere = await tempDir('team-share-here');
  const server = await startServer({ library, args: ['--team-db', url], env: NO_TEAM_ENV });
  try {
    await page.goto(server.url);
    await waitForIngest(page, ALL_PICTURES.length);
    const section = await openSettings(page, server);
    const row = section.getByTestId('team-folder');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('team-folder-reachable')).toHaveText('Found');
    await expect(row.getByTestId('team-folder-path')).toHaveValue(library);
    await expect(section.getByTestId('team-rewrite-due')).toHaveCount(0);

    await row.getByTestId('team-folder-path').fill(elsewhere);
    await row.getByRole('button', { name: 'Save' }).click();
    await expect(section.getByTestId('team-rewrite-due')).toContainText('Restart Swatchbook to use the new path');
    await expect(row.getByTestId('team-folder-path')).toHaveValue(elsewhere);
    await screenshot(page, 'team-library-folders');
  } finally {
    await server.stop();
  }
});
