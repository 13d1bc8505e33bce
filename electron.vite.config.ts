import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * electron-vite forces base './' for production renderers (made for file://). We serve the
 * renderer from an origin root (swatchbook://app/ in Electron, / in browser mode), where
 * absolute asset URLs keep working when a client-side route is reloaded.
 */
const rootBase: Plugin = { name: 'swatchbook:root-base', config: () => ({ base: '/' }) };

/**
 * The dev server injects React Refresh's inline preamble and CSS as style elements, which the page's
 * own policy forbids; in dev the shell sends a relaxed policy as a header instead (electron/main/app-urls.ts).
 */
const devPolicyFromShell: Plugin = {
  name: 'swatchbook:dev-policy-from-shell',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/, ''),
};

export default defineConfig({
  main: {
    build: {
      // Native and file-system packages stay in node_modules (electron-builder ships them).
      externalizeDeps: { include: ['sharp', 'lowdb', 'chokidar'] },
      // The analysis worker is its own entry: electron/imaging/analysis-pool.ts loads it from beside index.js.
      rolldownOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          'analysis-worker': resolve('electron/imaging/analysis-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': one self-contained CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react(), rootBase, devPolicyFromShell],
    build: {
      // Browser mode sends the bundle over loopback on every start: a third of the bytes parse faster.
      minify: true,
      outDir: resolve('out/renderer'),
      rolldownOptions: { input: resolve('renderer/index.html') },
    },
  },
});
