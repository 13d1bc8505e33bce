import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, expect, it } from 'vitest';
import type { ApiEvent } from '../../../shared/api';
import type { SwatchbookBridge } from '../../../shared/api/bridge';
import { makeDots } from '../../support/images';
import { waitFor } from '../../support/temp-dirs';
import { startTestShell, type TestShell } from '../../support/shell-harness';

let shell: TestShell;
afterEach(() => shell?.quit());

/** Runs the real preload in the main window's page, as Electron does once the page starts loading. */
async function loadPreload(): Promise<SwatchbookBridge> {
  await import('../../../electron/preload/index');
  return shell.double.page.mainWorld.swatchbook as SwatchbookBridge;
}

it('gives the page only the typed bridge, whose calls reach the engine with its own messages', async () => {
  shell = await startTestShell();
  const bridge = await loadPreload();
  expect(Object.keys(shell.double.page.mainWorld)).toEqual(['swatchbook']);
  expect(Object.keys(bridge).sort()).toEqual(['call', 'desktop', 'mediaUrl', 'onEvent']);
  expect(await bridge.call('libraryStatus', {})).toMatchObject({ folders: [], assetCount: 0 });
  await expect(bridge.call('addFolder', { path: 42 })).rejects.toThrow(/^invalid input for addFolder: path/);
  await expect(bridge.call('dropDatabase', {})).rejects.toThrow('unknown API method: dropDatabase');
});

it('delivers live events, shows thumbnails of what was ingested and knows dropped files', async () => {
  shell = await startTestShell();
  const bridge = await loadPreload();
  const lib = path.join(shell.tmp, 'library');
  await fs.mkdir(lib);
  const dots = await makeDots({ width: 96, height: 96, spacing: 24, radius: 5, colours: ['#000000', '#f7e11e'] });
  await fs.writeFile(path.join(lib, 'dots.png'), dots);
  const events: ApiEvent[] = [];
  const unsubscribe = bridge.onEvent((event) => events.push(event));

  shell.double.dialogs.answerNextOpenDialog({ canceled: false, filePaths: [lib] });
  expect(await bridge.desktop.pickFolder()).toBe(lib);
  await bridge.call('addFolder', { path: lib });
  const [asset] = await shell.waitForAssets(1);
  await waitFor(() => events.some((event) => event.type === 'foldersChanged'), 10_000, 'foldersChanged');

  const thumbnail = await shell.double.protocol.request(bridge.mediaUrl('thumb', asset.hash));
  expect(thumbnail.status).toBe(200);
  expect((await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata()).format).toBe('webp');

  await bridge.desktop.showInFolder(asset.path);
  expect(shell.double.dialogs.shown.revealedInFolder).toEqual([asset.path]);
  expect(bridge.desktop.pathForFile(shell.double.page.droppedFile(asset.path))).toBe(asset.path);
  expect(bridge.desktop.pathForFile(new File(['x'], 'pasted.png'))).toBe('');

  unsubscribe();
  const heard = events.length;
  const later: ApiEvent[] = [];
  bridge.onEvent((event) => later.push(event));
  await bridge.call('rescanFolder', { path: lib });
  await waitFor(() => later.some((event) => event.type === 'foldersChanged'), 10_000, 'foldersChanged again');
  expect(events.length).toBe(heard);
});
