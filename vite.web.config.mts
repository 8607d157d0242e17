// The renderer on its own, for a plain browser (npm run web) and for the Playwright tests:
// electron-vite refuses to build without the Electron binary, so this mirrors its renderer section.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  resolve: {
    alias: {
      '@shared': resolve(import.meta.dirname, 'shared'),
      '@renderer': resolve(import.meta.dirname, 'renderer/src'),
    },
  },
  plugins: [vue()],
  build: {
    // WEB_OUT_DIR lets parallel test runs build into their own folder.
    outDir: resolve(import.meta.dirname, process.env.WEB_OUT_DIR ?? 'dist-web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  preview: { host: '127.0.0.1' },
});
