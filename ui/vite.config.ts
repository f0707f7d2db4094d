/**
 * Builds the web UI of `corroborate serve` into dist/ui (shipped in the package).
 * Run from the package root: `vite build --config ui/vite.config.ts`.
 *
 * The server's Content-Security-Policy allows only same-origin scripts and styles, so the output must not
 * carry inline scripts or styles: no module-preload polyfill, no assets inlined as data: URIs.
 * `npx vite --config ui/vite.config.ts` serves the UI for development, with /api proxied to a running
 * `corroborate serve` on port 8080.
 */
import { defineConfig } from 'vite';

const uiRoot = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root: uiRoot,
  base: '/',
  publicDir: false,
  build: {
    outDir: '../dist/ui',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' },
  },
});
