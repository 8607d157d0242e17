/**
 * Before the Chromium half of the benchmark: builds the renderer (with its own vite.web.config.mts,
 * as `npm run build:web` does, into a folder of our own) and the bench page beside it under /bench/,
 * then serves both with `vite preview` on one origin, so the bench page fills the very IndexedDB
 * the app opens. Returns the teardown that stops the server.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, preview, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';
import { DATABASE_NAME } from '../../renderer/src/db/name';
import { BENCH_FOLDER, CACHE_FOLDER, REPO_ROOT, benchEnv } from './env';

/**
 * `vite preview` serves every file as `no-cache`, so each cold start asked the server again for each of the start's
 * scripts, one after another as each import was reached, on a machine whose two CPUs the start already keeps busy.
 * The files under `assets/` are named by their content's hash: a deployment keeps them for good, and the desktop app
 * reads them from its package without asking anyone. Only `index.html` and the early script beside it are asked for
 * again.
 */
function hashedAssetsKept(): Plugin {
  return {
    name: 'bench:hashed-assets-kept',
    configurePreviewServer(server) {
      // Before the static files' handler, which keeps a header already set on the response.
      server.middlewares.use((request, response, next) => {
        if (request.url?.startsWith('/assets/')) response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        next();
      });
    },
  };
}

/**
 * The floor under a cold start (issue 21, item 2): a page with nothing but a classic script that opens the
 * app's IndexedDB store and reads one young person's row, timed from navigation start like the cold start.
 */
const BARE_OPEN_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare open</title>
<script>
(function () {
  var marks = (window.__bareOpen = { asked: performance.now(), opened: null, read: null, error: null });
  var opening = indexedDB.open(${JSON.stringify(DATABASE_NAME)});
  opening.onerror = function () { marks.error = String(opening.error); };
  opening.onsuccess = function () {
    marks.opened = performance.now();
    var db = opening.result;
    var get = db.transaction('pupils', 'readonly').objectStore('pupils').getAll(null, 1);
    get.onerror = function () { marks.error = String(get.error); };
    get.onsuccess = function () { marks.read = performance.now(); db.close(); };
  };
})();
</script></head><body><h1>Bare open</h1></body></html>
`;

export const SITE_FOLDER = join(CACHE_FOLDER, 'site');

export default async function globalSetup(): Promise<() => Promise<void>> {
  const env = benchEnv();
  const started = performance.now();
  await build({
    configFile: join(REPO_ROOT, 'vite.web.config.mts'),
    logLevel: 'error',
    // BENCH_UNMINIFIED=1: the app built without minifying, so a profile's lines name the modules they are in.
    build: { outDir: SITE_FOLDER, emptyOutDir: true, ...(process.env.BENCH_UNMINIFIED === '1' ? { minify: false } : {}) },
  });
  await build({
    configFile: false,
    root: join(BENCH_FOLDER, 'page'),
    base: './',
    logLevel: 'error',
    // The import screen's own state (page/screen-jobs.ts) brings in the stores, and with them single-file components.
    plugins: [vue()],
    resolve: { alias: { '@shared': join(REPO_ROOT, 'shared'), '@renderer': join(REPO_ROOT, 'renderer/src') } },
    define: { __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
    build: { outDir: join(SITE_FOLDER, 'bench'), emptyOutDir: true, chunkSizeWarningLimit: 8000 },
  });
  writeFileSync(join(SITE_FOLDER, 'bench', 'bare-open.html'), BARE_OPEN_PAGE);
  const server = await preview({
    configFile: false,
    root: CACHE_FOLDER,
    logLevel: 'error',
    build: { outDir: SITE_FOLDER },
    plugins: [hashedAssetsKept()],
    preview: { host: '127.0.0.1', port: env.port, strictPort: true },
  });
  console.log(
    `bench: built the renderer and the bench page in ${Math.round(performance.now() - started)} ms; ` +
      `serving ${SITE_FOLDER} on http://127.0.0.1:${env.port}/`,
  );
  return async () => {
    await server.close();
  };
}
