import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../../shared/api';
import { BRIDGE_CHANNELS } from '../../../shared/api/bridge';
import { APP_URL, startTestShell, type Caller, type TestShell } from '../../support/shell-harness';

const DEV_SERVER = 'http://localhost:5173';
const REFUSED = /^Error invoking remote method '[^']+': Error: refused: not the Swatchbook app$/;

/** Pages that must never reach the engine, whatever they call. */
const FOREIGN: Caller[] = [
  { url: 'https://evil.example/' },
  { url: 'file:///etc/passwd' },
  { url: 'null' },
  { url: 'data:text/html,<script>1</script>' },
  { url: APP_URL, subframe: true },
  { url: 'swatchbook://evil/index.html' },
  { url: 'swatchbook://app.evil.example/index.html' },
  { url: 'swatchbook-media://app/index.html' },
  null,
];

let shell: TestShell;
afterEach(() => shell?.quit());

/** Every operation of the contract, called with an input no operation accepts: the engine's own refusal. */
async function expectEveryOperationReachesTheEngine(caller: Caller): Promise<void> {
  for (const method of API_METHODS) {
    const result = await shell.call(method, 'not an input', caller);
    expect(result, method).toMatchObject({ ok: false, status: 400 });
    expect(result.ok === false && result.error, method).toMatch(new RegExp(`^invalid input for ${method}: `));
  }
}

describe('IPC from the app itself', () => {
  it('reaches the engine for every operation from the packaged page (swatchbook://app)', async () => {
    shell = await startTestShell();
    await expectEveryOperationReachesTheEngine({ url: APP_URL });
    await expectEveryOperationReachesTheEngine({ url: 'swatchbook://app/library?view=grid' });
    expect(await shell.call('libraryStatus', {})).toMatchObject({ ok: true, value: { folders: [], assetCount: 0 } });
  });

  it('reaches the engine for every operation from the dev server page', async () => {
    shell = await startTestShell({ devServerUrl: DEV_SERVER });
    await expectEveryOperationReachesTheEngine({ url: `${DEV_SERVER}/` });
    await expectEveryOperationReachesTheEngine({ url: `${DEV_SERVER}/review?item=1` });
    const otherServers = [{ url: 'http://localhost:5174/' }, { url: 'http://127.0.0.1:5173/' }];
    for (const caller of [...FOREIGN, ...otherServers]) {
      await expect(shell.call('libraryStatus', {}, caller), JSON.stringify(caller)).rejects.toThrow(REFUSED);
    }
  });
});

describe('IPC from anything else', () => {
  it('refuses every operation from foreign pages, file:/opaque URLs, subframes, other hosts, gone frames', async () => {
    shell = await startTestShell();
    for (const caller of FOREIGN) {
      for (const method of API_METHODS) {
        const from = `${method} from ${JSON.stringify(caller)}`;
        await expect(shell.call(method, {}, caller), from).rejects.toThrow(REFUSED);
      }
    }
  });

  it('refuses before the engine sees the call', async () => {
    shell = await startTestShell();
    const planted = shell.call('createCollection', { name: 'planted' }, { url: 'https://evil.example/' });
    await expect(planted).rejects.toThrow(REFUSED);
    expect(await shell.call('listCollections', {})).toEqual({ ok: true, value: [] });
  });

  it('refuses the folder picker and show-in-folder to foreign pages, and shows nothing', async () => {
    shell = await startTestShell();
    const folder = path.join(shell.tmp, 'designs');
    await fs.mkdir(folder);
    expect(await shell.call('addFolder', { path: folder })).toMatchObject({ ok: true });
    for (const caller of FOREIGN) {
      await expect(shell.invoke(caller, BRIDGE_CHANNELS.pickFolder)).rejects.toThrow(REFUSED);
      await expect(shell.invoke(caller, BRIDGE_CHANNELS.showInFolder, folder)).rejects.toThrow(REFUSED);
    }
    expect(shell.double.dialogs.shown.openDialogs).toEqual([]);
    expect(shell.double.dialogs.shown.revealedInFolder).toEqual([]);

    const app = { url: APP_URL };
    shell.double.dialogs.answerNextOpenDialog({ canceled: false, filePaths: [folder] });
    expect(await shell.invoke(app, BRIDGE_CHANNELS.pickFolder)).toBe(folder);
    const { openDialogs } = shell.double.dialogs.shown;
    expect(openDialogs).toMatchObject([{ window: shell.window, options: { title: 'Add Folder' } }]);
    await shell.invoke(app, BRIDGE_CHANNELS.showInFolder, folder);
    expect(shell.double.dialogs.shown.revealedInFolder).toEqual([folder]);
    const outside = path.join(shell.tmp, 'secret.txt');
    await expect(shell.invoke(app, BRIDGE_CHANNELS.showInFolder, outside)).rejects.toThrow(/not a file in the library/);
  });
});
