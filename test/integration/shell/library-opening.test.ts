import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEvent, LibraryOpening } from '../../../shared/api';
import type { SwatchbookBridge } from '../../../shared/api/bridge';
import type { StoreOpenProgress } from '../../../electron/store';
import { waitFor } from '../../support/temp-dirs';
import { APP_URL, startTestShell, type TestShell } from '../../support/shell-harness';

let shell: TestShell;
afterEach(() => shell?.quit());

/** Engine.open held until the test lets it go, reporting what the test tells it meanwhile. */
function heldOpen(outcome: 'open' | Error = 'open') {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let report: ((progress: StoreOpenProgress) => void) | null = null;
  let opened = false;
  return {
    release,
    report: (progress: StoreOpenProgress) => report!(progress),
    opened: () => opened,
    openEngine: (async (options, open) => {
      report = options.onStoreProgress!;
      report({ stage: 'reading', done: 0, total: 400, unit: 'MB' });
      await released;
      if (outcome !== 'open') throw outcome;
      const engine = await open(options);
      opened = true;
      return engine;
    }) satisfies NonNullable<Parameters<typeof startTestShell>[0]>['openEngine'],
  };
}

/** Runs the real preload in the main window's page and records what it hears. */
async function loadPage(): Promise<{ bridge: SwatchbookBridge; heard: LibraryOpening[] }> {
  await import('../../../electron/preload/index');
  const bridge = shell.double.page.mainWorld.swatchbook as SwatchbookBridge;
  const heard: LibraryOpening[] = [];
  bridge.onEvent((event: ApiEvent) => {
    if (event.type === 'libraryOpening') heard.push(event.opening);
  });
  return { bridge, heard };
}

describe('opening a library that takes a while', () => {
  it('shows the window at once and tells it how far opening has got; its calls run once open', async () => {
    const held = heldOpen();
    shell = await startTestShell({ openEngine: held.openEngine });
    expect(held.opened()).toBe(false);
    expect(shell.window!.isVisible()).toBe(true);
    expect(shell.window!.webContents.getURL()).toBe(APP_URL);
    const { bridge, heard } = await loadPage();

    // A page that loads late asks where opening stands.
    expect(await bridge.call('libraryOpening', {})).toEqual({
      state: 'opening',
      progress: { stage: 'reading', done: 0, total: 400, unit: 'MB', rate: 0, etaSeconds: null },
    });
    let answered = false;
    const status = bridge.call('libraryStatus', {}).finally(() => (answered = true));
    const thumb = await shell.double.protocol.request(`swatchbook-media://thumb/${'0'.repeat(64)}`);
    expect(thumb.status).toBe(503);

    await new Promise((resolve) => setTimeout(resolve, 20));
    held.report({ stage: 'reading', done: 100, total: 400, unit: 'MB' });
    const reading = await waitFor(
      () => heard.flatMap((o) => (o.state === 'opening' && o.progress?.done === 100 ? [o.progress] : []))[0],
      5000,
      'progress',
    );
    expect(reading).toMatchObject({ stage: 'reading', total: 400, unit: 'MB' });
    expect(reading.rate).toBeGreaterThan(0);
    expect(reading.etaSeconds).toBeGreaterThan(0);

    held.report({ stage: 'writing', done: 3, total: 16, unit: 'shards' });
    await waitFor(() => heard.some((o) => o.state === 'opening' && o.progress?.stage === 'writing'), 5000, 'writing');
    expect(answered).toBe(false);

    held.release();
    expect(await status).toMatchObject({ folders: [], assetCount: 0 });
    expect(held.opened()).toBe(true);
    await waitFor(() => heard.at(-1)?.state === 'ready', 5000, 'ready');
    expect(await bridge.call('libraryOpening', {})).toEqual({ state: 'ready' });
    expect((await shell.double.protocol.request(`swatchbook-media://thumb/${'0'.repeat(64)}`)).status).toBe(404);
  });

  it('tells the window why opening failed, fails its calls with that reason, shows the dialog and exits', async () => {
    const held = heldOpen(new Error('library.json is not valid JSON'));
    shell = await startTestShell({ openEngine: held.openEngine });
    const { bridge, heard } = await loadPage();
    const pending = bridge.call('search', {});
    held.release();
    await expect(pending).rejects.toThrow(/^library.json is not valid JSON$/);
    expect(heard.at(-1)).toEqual({ state: 'failed', error: 'library.json is not valid JSON' });
    expect(await shell.double.app.ended).toBe(3);
    expect(shell.double.dialogs.shown.errorBoxes).toEqual([
      { title: 'Swatchbook cannot open its library', content: 'library.json is not valid JSON' },
    ]);
  });

  it('on quit while opening, waits for the library to open and closes it before quitting', async () => {
    const held = heldOpen();
    shell = await startTestShell({ openEngine: held.openEngine });
    shell.electron.app.quit();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(shell.double.app.exitCode()).toBeNull();
    held.release();
    expect(await shell.double.app.ended).toBe(0);
    expect(held.opened()).toBe(true);
    expect(fs.existsSync(path.join(shell.dataDir, 'library.lock'))).toBe(false);
  });
});
