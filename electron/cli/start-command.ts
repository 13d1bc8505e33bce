import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RENDERER_DIR, serveCommand } from './serve-command';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ELECTRON_VITE = path.join(
  ROOT,
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite',
);

/**
 * Whether the Electron binary was downloaded, read from the files its installer writes;
 * requiring the electron package would try to download it instead.
 */
function electronBinaryExists(): boolean {
  const packageDir = path.join(ROOT, 'node_modules', 'electron');
  try {
    const executable = fs.readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim();
    return executable !== '' && fs.existsSync(path.join(packageDir, 'dist', executable));
  } catch {
    return false;
  }
}

function electronVite(args: string[]): number {
  // Build output goes to stderr: in browser mode stdout carries only the URL line.
  const result = spawnSync(ELECTRON_VITE, args, {
    cwd: ROOT,
    stdio: ['inherit', process.stderr, 'inherit'],
    shell: process.platform === 'win32',
  });
  return result.status ?? 1;
}

if (electronBinaryExists()) {
  process.exit(electronVite(['preview']));
}
console.error(
  'Electron binary not available on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD); starting browser mode instead.',
);
if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
  console.error('swatchbook: building the app first (npm run build)…');
  const status = electronVite(['build']);
  if (status !== 0) process.exit(status);
}
await serveCommand().name('swatchbook-start').parseAsync(process.argv);
