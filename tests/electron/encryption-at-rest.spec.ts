// Encryption at rest on disk: the LevelDB files of a throwaway Electron profile, after demo data is loaded
// and a young person is added, hold no name, UPN or note in clear. Runs only where the Electron binary
// exists; elsewhere tests/e2e/data.spec.ts checks the same in Chromium's IndexedDB through the page.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary, mainJs } from './support';

/** Every file under `folder`, for reading the IndexedDB LevelDB files (logs, tables, blobs) whole. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const binary = electronBinary();

test('the IndexedDB files of the profile hold no name, UPN or note in clear', async () => {
  test.skip(
    binary === null,
    'Electron binary not installed (none can be downloaded on this machine): ' +
      'the raw IndexedDB check runs in Chromium instead (tests/e2e/data.spec.ts)',
  );
  expect(existsSync(mainJs), `${mainJs} is missing: run \`npm run build\` (electron-vite build) first`).toBe(true);
  const profile = mkdtempSync(join(tmpdir(), 'careers-desk-electron-crypt-'));
  const args = [mainJs, `--user-data-dir=${profile}`];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RENDERER_URL' && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
  }
  env.XDG_CONFIG_HOME = profile;
  const app = await electron.launch({ executablePath: binary ?? undefined, args, env });
  try {
    const win = await app.firstWindow();
    const offer = win.getByRole('dialog', { name: 'Welcome to Careers Desk' });
    await offer.getByRole('button', { name: 'Load demo data' }).click();
    await expect(offer).toBeHidden({ timeout: 60_000 });
    await win.goto('app://careers-desk/index.html#/pupils/new');
    await win.getByLabel('Legal first name').fill('Zephyrine');
    await win.getByLabel('Legal surname').fill('Quillfeather');
    await win.getByLabel('Date of birth').fill('2011-03-04');
    await win.getByRole('combobox', { name: 'School (required)' }).selectOption({ index: 1 });
    await win.getByLabel('UPN not known').check();
    await win.getByRole('button', { name: 'Save' }).click();
    await expect(win).toHaveURL(/#\/pupils\/[0-9a-f-]{36}$/);
  } finally {
    await app.close();
  }
  try {
    const files = filesUnder(join(profile, 'IndexedDB'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(file).toString('latin1');
      for (const secret of ['Zephyrine', 'Quillfeather']) expect(text, `${file} holds "${secret}"`).not.toContain(secret);
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
