// Erasure reaches the automatic backups (issue 20, item 4), in the web build: with automatic backups on,
// the young person's subject access export lists the backup that holds them, the erase confirmation says
// the backups will be rewritten, and the list then says what was done to them.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectAccessible, openWithDemoData, readTable } from './support';

test('erasing a young person rewrites the automatic backups without them, and says so', async ({ page }) => {
  await openWithDemoData(page);
  const sessions = await readTable<{ pupilId: string }>(page, 'sessions');
  const pupilId = sessions[0]?.pupilId;
  if (!pupilId) throw new Error('The demo data has no guidance session');

  // Automatic backups on: a first one is taken at once, holding everyone.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
  await page.getByLabel('Passphrase for automatic backups', { exact: true }).fill('automatic backups phrase');
  await page.getByLabel('Passphrase for automatic backups again').fill('automatic backups phrase');
  await page.getByRole('button', { name: 'Turn on automatic backups' }).click();
  await expect(page.getByTestId('automatic-backups').getByRole('row')).toHaveCount(2);

  await page.goto(`/#/pupils/${pupilId}`);
  await expect(page.getByTestId('pupil-page')).toBeVisible();

  // Their subject access export names the backup that holds them, with its date.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export everything we hold' }).click();
  const path = await (await download).path();
  const held = JSON.parse(await readFile(path, 'utf8')) as {
    pupil: { id: string };
    automaticBackups: { backups: { createdAt: string; reason: string }[]; couldNotBeOpened: number };
  };
  expect(held.pupil.id).toBe(pupilId);
  expect(held.automaticBackups.backups).toHaveLength(1);
  expect(held.automaticBackups.backups[0]?.reason).toBe('daily');
  expect(Date.parse(held.automaticBackups.backups[0]?.createdAt ?? '')).toBeGreaterThan(Date.now() - 10 * 60_000);
  expect(held.automaticBackups.couldNotBeOpened).toBe(0);

  await page.getByRole('button', { name: 'Erase this young person' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('erase-backups')).toContainText('The automatic backup on this computer will be rewritten without them');
  await expectAccessible(page, 'the erase confirmation with automatic backups');
  await dialog.getByRole('button', { name: 'Erase everything' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Young people' })).toBeVisible();
  await expect(page.getByTestId('erasure-notice')).toHaveText('The record was erased. 1 automatic backup rewritten without them.');
  expect((await readTable<{ id: string }>(page, 'pupils')).some((p) => p.id === pupilId)).toBe(false);
  const audit = await readTable<{ action: string; entity: string; summary: string }>(page, 'audit');
  expect(audit.find((a) => a.action === 'erase' && a.entity === 'database')?.summary).toBe(
    'Automatic backups after an erasure: 1 rewritten without the young person, 0 deleted (could not be opened or rewritten), ' +
      '0 held nothing about them',
  );
  expect(JSON.stringify(audit)).not.toContain(pupilId);
});
