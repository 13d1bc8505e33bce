import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { waitFor } from '../../support/temp-dirs';
import { startTestShell, type TestShell } from '../../support/shell-harness';

let shell: TestShell;
afterEach(() => shell?.quit());

/** The menu item under `menu` with `label`, from the menu the shell set for the application. */
function menuItem(menu: string, label: string) {
  const top = shell.electron.Menu.getApplicationMenu()!.items.find((item) => item.label === menu);
  const item = top?.submenu?.items.find((candidate) => candidate.label === label);
  if (!item) throw new Error(`no ${menu} › ${label} in the application menu`);
  return item;
}

const folders = async () => {
  const status = await shell.call('libraryStatus', {});
  return status.ok ? (status.value as { folders: { path: string }[] }).folders.map((folder) => folder.path) : [];
};

it('adds the folder picked after File › Add Folder…', async () => {
  shell = await startTestShell();
  const designs = path.join(shell.tmp, 'designs');
  await fs.mkdir(designs);
  const addFolder = menuItem('File', 'Add Folder…');
  expect(addFolder.accelerator).toBe('CmdOrCtrl+O');

  shell.double.dialogs.answerNextOpenDialog({ canceled: false, filePaths: [designs] });
  addFolder.click();
  expect(await waitFor(async () => (await folders()).includes(designs), 10_000, 'the folder')).toBe(true);
  expect(shell.double.dialogs.shown.openDialogs).toMatchObject([
    { window: shell.window, options: { properties: ['openDirectory', 'createDirectory'] } },
  ]);
});

it('adds nothing when the picker is cancelled, and says why a folder cannot be added', async () => {
  shell = await startTestShell();
  menuItem('File', 'Add Folder…').click();
  await waitFor(() => shell.double.dialogs.shown.openDialogs.length === 1, 5_000, 'the picker');

  shell.double.dialogs.answerNextOpenDialog({ canceled: false, filePaths: [path.join(shell.tmp, 'gone')] });
  menuItem('File', 'Add Folder…').click();
  const { errorBoxes } = shell.double.dialogs.shown;
  const [shown] = (await waitFor(() => errorBoxes.length > 0 && errorBoxes, 10_000, 'an error box')) || [];
  expect(shown).toEqual({ title: 'Could not add the folder', content: expect.stringContaining('folder not found') });
  expect(await folders()).toEqual([]);
});

it('offers reload and developer tools only in dev mode', async () => {
  const roles = (menu: string) => {
    const top = shell.electron.Menu.getApplicationMenu()!.items.find((item) => item.label === menu);
    return top!.submenu!.items.map((item) => item.role);
  };
  shell = await startTestShell();
  expect(roles('View')).not.toContain('toggleDevTools');
  await shell.quit();
  shell = await startTestShell({ devServerUrl: 'http://localhost:5173' });
  expect(roles('View')).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
});
