import { fileURLToPath } from 'node:url';
import { startShell } from './shell';

// electron-vite builds this file to out/main/index.js, beside out/renderer and out/preload/index.cjs.
void startShell({
  rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
  preloadPath: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
});
