import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium where it is installed (this machine and CI cannot download Playwright's browser);
// elsewhere Playwright's own Chromium, which tests/support/ensure-browser.mjs fetches.
const debianChromium = '/usr/bin/chromium';
const executablePath = existsSync(debianChromium) ? debianChromium : undefined;
// E2E_PORT (with WEB_OUT_DIR for the build) lets parallel runs serve their own copy.
const port = Number(process.env.E2E_PORT ?? 4174);

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  // One retry on CI: a test that passes only on its second attempt is listed as flaky in the log, with
  // what the page showed when it failed (failure-context-reporter), to be looked into, not ignored.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['./tests/support/failure-context-reporter.ts']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    trace: 'retain-on-failure',
    acceptDownloads: true,
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'renderer', testDir: 'tests/e2e' },
    { name: 'electron', testDir: 'tests/electron' },
  ],
  webServer: {
    // The built renderer (npm run build:web) served as plain files, with the web bridge.
    command: `npx vite preview --config vite.web.config.mts --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
