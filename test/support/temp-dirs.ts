import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Temp folders for one test file, removed afterwards. */
export function tempDirs() {
  const made: string[] = [];
  return {
    async make(prefix = 'swatchbook-'): Promise<string> {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    async cleanup(): Promise<void> {
      await Promise.all(made.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
    },
  };
}

/** Polls `check` until it returns a truthy value or the time runs out (for watcher-driven changes). */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 15_000, label = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
