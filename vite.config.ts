import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { proxiedPathPatterns } from './api/contract/surfaces';

/** Where the API listens during `vite` development; every server path is proxied there. */
const API_ORIGIN = 'http://127.0.0.1:8787';
/**
 * Server paths, one RegExp per surface prefix of api/contract/surfaces.ts, matching whole path
 * segments: the web app's own modules are served by Vite at their own paths during development
 * (`/server-state/…` from `web/server-state/`, `/styles.css`), and those must not reach the API.
 */
export const PROXIED_PATHS = proxiedPathPatterns();

/**
 * The web app lives in `web/` and builds to `dist/web`, which the API serves at `/`.
 * Everything the page needs is bundled: no CDN, no web fonts, no external URL.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  base: '/',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // One chunk per large library, so an app change does not invalidate the cached vendors.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // zod with the module that configures it (web/csp.ts): the configuration then runs
            // when zod is first loaded, before any chunk creates a schema (see csp.ts).
            { name: 'zod', test: /node_modules[\\/]zod[\\/]|web[\\/]csp\.ts$/, priority: 4 },
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl/, priority: 3 },
            {
              name: 'deckgl',
              test: /node_modules[\\/](@deck\.gl|@luma\.gl|@math\.gl|@loaders\.gl|@probe\.gl|mjolnir\.js|gl-matrix)/,
              priority: 2,
            },
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|@tanstack)[\\/]/,
              priority: 1,
            },
          ],
        },
      },
    },
    // maplibre-gl alone is about 1 MB minified; nothing to gain by splitting it further.
    chunkSizeWarningLimit: 1_200,
  },
  server: {
    proxy: Object.fromEntries(PROXIED_PATHS.map((path) => [path, { target: API_ORIGIN }])),
  },
});
