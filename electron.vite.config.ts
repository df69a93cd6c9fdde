// Build of the three Electron bundles: main (with its worker entries), preload, renderer.
// Workers sit next to out/main/index.js so core code can find them as `./<name>.js`.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const workerEntries = {
  'parse-worker': resolve('src/main/core/traces/parse/parse-worker.ts'),
  'import-projection': resolve('src/main/core/traces/import-projection.ts'),
  'embed-worker': resolve('src/main/core/embed/embed-worker.ts'),
  'cluster-worker': resolve('src/main/core/clusters/engine/cluster-worker.ts'),
  'curate-filter-worker': resolve('src/main/core/curate/engine/curate-filter-worker.ts'),
  'facet-worker': resolve('src/main/core/traces/facet-worker.ts'),
};

/** In `npm run dev` only: Vite injects inline scripts/styles and a websocket that the strict CSP meta refuses. */
const devCsp = {
  name: 'winnow-dev-csp',
  apply: 'serve' as const,
  transformIndexHtml: (html: string): string =>
    html
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws://localhost:*"),
};

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: { index: resolve('src/main/index.ts'), ...workerEntries },
        output: { entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    base: './',
    build: { rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
    plugins: [react(), devCsp],
  },
});
