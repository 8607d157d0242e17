// Smoke test of the real desktop app (the built out/ folder in the installed Electron). Runs only
// where the Electron binary exists; CI installs without it and tests the renderer in Chromium.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinary, mainJs, root } from './support';

const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

const binary = electronBinary();

test.describe('the desktop app', () => {
  test.skip(
    binary === null,
    'Electron binary not installed (none can be downloaded on this machine): ' +
      'the renderer is tested in Chromium instead, and the main process with electron mocked',
  );

  let app: ElectronApplication;
  let win: Page;
  let profile: string;

  test.beforeAll(async () => {
    expect(existsSync(mainJs), `${mainJs} is missing: run \`npm run build\` (electron-vite build) first`).toBe(true);
    // A throwaway profile: the test never touches a real caseload and never meets the single-instance lock of a running copy.
    profile = mkdtempSync(join(tmpdir(), 'careers-desk-electron-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
      if (value !== undefined && key !== 'ELECTRON_RENDERER_URL' && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
    }
    env.XDG_CONFIG_HOME = profile;
    const args = [mainJs, `--user-data-dir=${profile}`];
    // Chromium refuses its sandbox as root (containers, CI); the page stays sandboxed by Electron's own settings.
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    app = await electron.launch({ executablePath: binary ?? undefined, args, env });
    win = await app.firstWindow();
    await win.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test('opens one window titled Careers Desk from the built files on app://careers-desk', async () => {
    await expect(win).toHaveTitle('Careers Desk');
    expect(win.url()).toMatch(/^app:\/\/careers-desk\/index\.html(#.*)?$/);
    expect(await win.evaluate(() => window.location.origin)).toBe('app://careers-desk');
    expect(app.windows()).toHaveLength(1);
  });

  test('shows the interface in British English whatever the machine says', async () => {
    const locale = await win.evaluate(() => ({ language: navigator.language, dates: new Intl.DateTimeFormat().resolvedOptions().locale }));
    expect(locale).toEqual({ language: 'en-GB', dates: 'en-GB' });
  });

  test('serves its own files on app:// and nothing outside the renderer folder', async () => {
    const status = (path: string) => win.evaluate(async (p) => (await fetch(p)).status, path);
    expect(await status('/open-store-early.js')).toBe(200);
    expect(await status('/missing.js')).toBe(404);
    // However Chromium canonicalises these, what reaches the handler must not leave out/renderer.
    expect(await status('/..%2fmain%2fmain.js')).toBe(404);
    expect(await status('/%2e%2e/main/main.js')).toBe(404);
    // The app's module scripts came from its own origin under the CSP (a blocked one would leave no app).
    const modules = await win.evaluate(() => [...document.scripts].filter((s) => s.type === 'module').map((s) => s.src));
    expect(modules.length).toBeGreaterThan(0);
    for (const src of modules) expect(src).toMatch(/^app:\/\/careers-desk\/assets\//);
  });

  test('exposes the bridge and nothing of Node', async () => {
    const page = await win.evaluate(() => ({
      bridge: typeof window.careersDesk,
      kind: window.careersDesk?.kind,
      // Neither must exist in a context-isolated, sandboxed page without nodeIntegration.
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(page).toEqual({ bridge: 'object', kind: 'desktop', require: 'undefined', process: 'undefined' });
    await expect(win.evaluate(() => window.careersDesk?.appVersion())).resolves.toBe(version);
  });

  test('serves the page with the Content-Security-Policy header', async () => {
    const response = await win.reload();
    expect(response, 'no response recorded for the main document').not.toBeNull();
    const csp = (await response?.allHeaders())?.['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  test('refuses to navigate away or open windows', async () => {
    const before = win.url();
    // file: is not https, so neither is handed to the system browser either, and the app is not file: any more.
    const opened = await win.evaluate(() => window.open('file:///etc/hosts') === null);
    expect(opened).toBe(true);
    await win.evaluate(() => {
      window.location.href = 'file:///etc/hosts';
    });
    await win.waitForTimeout(500);
    expect(win.url()).toBe(before);
    expect(app.windows()).toHaveLength(1);
  });
});
