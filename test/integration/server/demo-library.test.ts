import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiContract } from '../../../shared/api';
import { Engine } from '../../../electron/engine';
import { DEMO_PATTERN_COUNT } from '../../../electron/library/demo-library';
import { ApiHost } from '../../../electron/api';

let tmp: string;
let host: ApiHost;

beforeAll(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'swatchbook-demo-')));
  host = new ApiHost(await Engine.open({ dataDir: tmp, concurrency: 2 }));
});

afterAll(async () => {
  await host?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

it('openDemoLibrary writes the sample patterns into the data folder, adds them, and is idempotent', async () => {
  const first = await host.call('openDemoLibrary', {});
  if (!first.ok) throw new Error(first.error);
  const { path: folder, queued } = apiContract.openDemoLibrary.output.parse(first.value);
  expect(folder).toBe(path.join(tmp, 'demo-library'));
  expect(queued).toBe(DEMO_PATTERN_COUNT);
  expect(DEMO_PATTERN_COUNT).toBeGreaterThanOrEqual(24);
  await host.engine.library.idle();
  const found = host.engine.store.search({ patterns: ['stripes'], limit: 100 });
  expect(found.items.map((item) => item.name)).toContain('stripes-navy-white-horizontal.png');
  expect(host.engine.store.listErrors()).toEqual([]);

  const again = await host.call('openDemoLibrary', {});
  expect(again).toEqual({ ok: true, value: { path: folder, queued: 0, outside: 0 } });
  expect((await fs.readdir(folder)).filter((name) => name.endsWith('.png'))).toHaveLength(DEMO_PATTERN_COUNT);
});
