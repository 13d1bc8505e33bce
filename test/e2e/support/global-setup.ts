import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const BUILT = 'out/renderer/index.html';
const SOURCES = ['renderer', 'shared'];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * The server serves the built renderer: build it if it is missing or older than its sources.
 * The build's output goes to stderr, so a caller's stdout (a bench's JSON line) stays clean.
 */
export function ensureRendererBuilt(): void {
  const built = fs.existsSync(BUILT) ? fs.statSync(BUILT).mtimeMs : 0;
  if (built > Math.max(...SOURCES.map(newestMtime))) return;
  execSync('npm run build', { stdio: ['ignore', 2, 2], timeout: 300_000 });
}

export default function globalSetup(): void {
  ensureRendererBuilt();
}
