import { defineConfig } from '@playwright/test';

// The Chromium half of the benchmark (npm run bench runs it through tests/bench/run.mjs). The global
// setup builds the renderer and the bench page and serves them on BENCH_PORT (4187); the spec
// launches Chromium itself, with a persistent profile, so that it can measure a cold start.
export default defineConfig({
  testDir: 'tests/bench',
  testMatch: /\.spec\.ts$/,
  globalSetup: './tests/bench/global-setup.ts',
  timeout: 0,
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
  // Playwright empties its output folder: keep ours apart from the e2e tests' test-results/.
  outputDir: 'node_modules/.cache/careers-desk-bench/test-results',
});
