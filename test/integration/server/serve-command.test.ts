import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeStripes } from '../../support/images';
import { waitFor } from '../../support/temp-dirs';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const URL_LINE = /^Swatchbook is running at http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{32})$/;

let tmp: string;

beforeAll(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'swatchbook-serve-')));
  await fs.mkdir(path.join(tmp, 'library'));
  await fs.writeFile(
    path.join(tmp, 'library', 'stripes.png'),
    await makeStripes({
      width: 64,
      height: 64,
      period: 16,
      orientation: 'horizontal',
      colours: ['#1b2a4a', '#ffffff'],
    }),
  );
});

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

it('prints one URL line, what to do next on stderr, serves the library, shuts down cleanly on SIGTERM', async () => {
  const dataDir = path.join(tmp, 'data');
  const child = spawn(
    TSX,
    ['electron/cli/serve-command.ts', '--port', '0', '--data-dir', dataDir, '--library', path.join(tmp, 'library')],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL within 30 s; stderr: ${stderr}`)), 30_000);
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('\n')) {
          clearTimeout(timer);
          resolve(stdout.split('\n')[0]);
        }
      });
      void exited.then((code) => reject(new Error(`exited with ${code} before listening; stderr: ${stderr}`)));
    });
    const [, port, token] = URL_LINE.exec(line) ?? [];
    expect(line).toMatch(URL_LINE);
    const res = await fetch(`http://127.0.0.1:${port}/api/libraryStatus?token=${token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    const status = (await res.json()) as { folders: { path: string }[] };
    expect(status.folders.map((f) => f.path)).toEqual([path.join(tmp, 'library')]);
    const url = line.slice('Swatchbook is running at '.length);
    await waitFor(() => stderr.includes('Ctrl-C'), 5_000, 'what to do next, on stderr');
    expect(stderr).toContain(`Open ${url} in your browser; press Ctrl-C to stop.`);
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
  expect(stdout.trim().split('\n')).toHaveLength(1);
  // The store was flushed on the way out: the folder is in the snapshot on disk.
  expect(await fs.readFile(path.join(dataDir, 'library.json'), 'utf8')).toContain(path.join(tmp, 'library'));
});
