/** For tests that a secret never reaches disk, an API reply or the console. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { format } from 'node:util';
import { expect, vi } from 'vitest';

/** Everything written under `dir`, concatenated. */
export async function allFiles(dir: string): Promise<string> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  return (await Promise.all(files.map((file) => fs.readFile(file, 'latin1')))).join('\n');
}

/** What the code under test prints from now on (restore with vi.restoreAllMocks). */
export function captureConsole(): string[] {
  const lines: string[] = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(format(...args)));
  }
  return lines;
}

/** A request signature as AWS echoes it: a SigV4 signature is 64 hex digits. */
const SIGNATURE = /Signature=[0-9a-f]{64}/;

/** Fails naming the place (a key of `places`) where any of `secrets`, or any request signature, appears. */
export function expectNone(secrets: readonly string[], places: Record<string, string>): void {
  for (const [place, text] of Object.entries(places)) {
    for (const secret of secrets) expect(text, `${place}: ${secret}`).not.toContain(secret);
    expect(text, `${place}: a signature`).not.toMatch(SIGNATURE);
  }
}
