import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, openWithDemoData, readTable, watchWorkers } from './support';

/** tests/fixtures, found from this project's test folder (tests/e2e). */
const fixture = (name: string): string => resolve(test.info().project.testDir, '../fixtures', name);

async function openDataPage(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();
}

async function chooseFile(page: Page, button: string, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(file);
}

test('imports a CSV with errors: shows the row problems, the mapping is fixed, the pupils arrive', async ({ page }) => {
  await openWithDemoData(page);
  const before = (await readTable(page, 'pupils')).length;
  await openDataPage(page);
  await expectAccessible(page, 'the Data page');

  await chooseFile(page, 'Choose a CSV file of young people…', fixture('mis-pupils-e2e.csv'));
  await expect(page.getByRole('heading', { level: 1, name: 'Import young people from mis-pupils-e2e.csv' })).toBeVisible();
  // "Birthday" is not a heading Careers Desk knows, so the date of birth is not matched yet.
  await expect(page.getByLabel('Date of birth (required)').locator('option:checked')).toHaveText('Not in this file');
  await expect(page.getByLabel('Legal surname (required)').locator('option:checked')).toHaveText('Surname');
  await page.getByLabel('School these young people attend').selectOption({ label: 'Margate Coastal Academy' });
  await expectAccessible(page, 'the column mapping');
  await page.getByRole('button', { name: 'Check the rows' }).click();

  await expect(page.getByRole('heading', { name: 'Check before importing' })).toBeVisible();
  const byField = page.getByTestId('problems-by-field');
  await expect(byField.getByRole('row', { name: /Date of birth/ })).toContainText('4');
  await expect(page.getByTestId('import-rows').locator('tr[data-row="4"]')).toContainText('Postcode: Enter a real postcode, like CT9 1AA');
  await expect(page.getByTestId('import-rows').locator('tr[data-row="2"]')).toContainText('Date of birth: Enter the date of birth');
  await expect(page.getByTestId('run-import')).toBeDisabled();
  await expectAccessible(page, 'the import preview with problems');

  // Fix the mapping: the date of birth is in the Birthday column.
  await page.getByRole('button', { name: 'Change the columns' }).first().click();
  await page.getByLabel('Date of birth (required)').selectOption({ label: 'Birthday' });
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await expect(page.getByTestId('import-summary')).toContainText('1 with problems');
  await expect(page.getByTestId('import-rows').locator('tr')).toHaveCount(2);
  await page.getByLabel(/Leave out the 1 rows with problems/).check();
  await page.getByRole('button', { name: 'Import 3 young people' }).click();
  await expect(page.getByTestId('pupils-import-outcome')).toContainText('3 young people added, 0 updated');
  expect((await readTable(page, 'pupils')).length).toBe(before + 3);

  await page.getByRole('link', { name: 'See the young people' }).click();
  await page.getByRole('searchbox', { name: 'Search by name or UPN' }).fill('Zebedee');
  await expect(page.getByTestId('pupil-count')).toHaveText('1 young person matches');
  await expect(page.getByRole('link', { name: 'Zebedee Quayle' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search by name or UPN' }).fill('Barnaby');
  await expect(page.getByTestId('pupil-count')).toHaveText('0 young people match');

  // Importing the same file again finds the three as duplicates by UPN and updates them.
  await openDataPage(page);
  await chooseFile(page, 'Choose a CSV file of young people…', fixture('mis-pupils-e2e.csv'));
  await page.getByLabel('School these young people attend').selectOption({ label: 'Margate Coastal Academy' });
  await page.getByLabel('Date of birth (required)').selectOption({ label: 'Birthday' });
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await expect(page.getByTestId('import-summary')).toContainText('3 likely duplicates');
  await expect(page.getByTestId('import-rows').locator('tr[data-row="2"]')).toContainText(
    'Already recorded: Zebedee Quayle, born 14/02/2011 (same UPN)',
  );
  await expect(page.getByTestId('import-rows').locator('tr[data-row="2"]').getByLabel('Update the stored record')).toBeChecked();
  await page.getByRole('button', { name: 'Cancel the import' }).click();
  expect((await readTable(page, 'pupils')).length).toBe(before + 3);
});

test('backs up with a passphrase, clears the data, restores it, and sees the same pupils', async ({ page }, testInfo) => {
  await openWithDemoData(page);
  const pupils = await readTable<{ id: string }>(page, 'pupils');
  await openDataPage(page);

  // Automatic backups: on once a passphrase is chosen, with a first one taken at once.
  await expect(page.getByTestId('automatic-off')).toBeVisible();
  await page.getByLabel('Passphrase for automatic backups', { exact: true }).fill('automatic backups phrase');
  await page.getByLabel('Passphrase for automatic backups again').fill('automatic backups phrase');
  await page.getByRole('button', { name: 'Turn on automatic backups' }).click();
  await expect(page.getByTestId('automatic-backups').getByRole('row')).toHaveCount(2);

  // Too short a passphrase is refused with a message.
  const form = page.getByTestId('backup-form');
  await form.getByLabel('Passphrase', { exact: true }).fill('short');
  await form.getByLabel('Passphrase again').fill('short');
  await form.getByRole('button', { name: 'Save a backup' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('Use at least 10 characters');

  await form.getByLabel('Passphrase', { exact: true }).fill('kent medway careers 2026');
  await form.getByLabel('Passphrase again').fill('kent medway careers 2026');
  const download = page.waitForEvent('download');
  await form.getByRole('button', { name: 'Save a backup' }).click();
  const file = testInfo.outputPath('backup.cdbackup');
  expect((await download).suggestedFilename()).toMatch(/^careers-desk-backup-\d{4}-\d{2}-\d{2}\.cdbackup$/);
  await (await download).saveAs(file);
  await expect(page.getByTestId('backup-message')).toContainText('Backup saved');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Clear demo data' }).click();
  await page.getByRole('dialog', { name: 'Clear demo data?' }).getByRole('button', { name: 'Clear demo data' }).click();
  await expect(page.getByText(/Demo data cleared/)).toBeVisible();
  expect(await readTable(page, 'pupils')).toHaveLength(0);

  await openDataPage(page);
  await chooseFile(page, 'Choose a backup file…', file);
  const preview = page.getByTestId('restore-preview');
  await preview.getByLabel('Passphrase of this backup').fill('kent medway careers');
  await preview.getByRole('button', { name: 'Open the backup' }).click();
  await expect(page.getByTestId('restore-error')).toContainText('The passphrase does not open this backup');
  await preview.getByLabel('Passphrase of this backup').fill('kent medway careers 2026');
  await preview.getByRole('button', { name: 'Open the backup' }).click();
  await expect(page.getByTestId('backup-contents').getByRole('row', { name: /Young people/ })).toContainText(String(pupils.length));
  await expectAccessible(page, 'the restore preview');
  expect(await readTable(page, 'pupils')).toHaveLength(0);

  await preview.getByRole('button', { name: 'Replace everything with this backup' }).click();
  await page
    .getByRole('dialog', { name: 'Replace everything with this backup?' })
    .getByRole('button', { name: 'Restore the backup' })
    .click();
  await expect(page.getByTestId('backup-message')).toContainText('Restored');
  const restored = await readTable<{ id: string }>(page, 'pupils');
  expect(restored.map((p) => p.id).sort()).toEqual(pupils.map((p) => p.id).sort());
  // The automatic backup taken before the restore is listed with a restore button, and opens
  // with this computer's key: what it holds is shown without asking for the passphrase.
  await expect(page.getByTestId('automatic-backups')).toContainText('Before a restore');
  await page
    .getByTestId('automatic-backups')
    .getByRole('row', { name: /Before a restore/ })
    .getByRole('button', { name: /Restore the backup taken/ })
    .click();
  await expect(page.getByTestId('backup-contents').getByRole('row', { name: /Young people/ })).toContainText('0');
  await page.getByRole('button', { name: 'Do not restore' }).click();
  await expect(page.getByTestId('restore-preview')).toBeHidden();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Young people' }).click();
  await expect(page.getByTestId('pupil-count')).toHaveText(`${pupils.length.toLocaleString('en-GB')} young people match`);

  // A file that is not a backup gets a clear message and changes nothing.
  await openDataPage(page);
  await chooseFile(page, 'Choose a backup file…', fixture('mis-pupils-e2e.csv'));
  await expect(page.getByTestId('restore-error')).toHaveText('This file is not a Careers Desk backup.');
});

test('the import preview names each row whose year group differs from its date of birth, and what is kept', async ({ page }, testInfo) => {
  await openWithDemoData(page);
  // Born in January of the year that puts them in Year 10 today, whatever today is: the file says Year 9.
  const now = new Date();
  const startYear = now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
  const born = `15/01/${startYear - 14}`;
  const file = testInfo.outputPath('year-groups.csv');
  writeFileSync(
    file,
    'UPN,Surname,Forename,DOB,NC Year Actual\n' + `,Held,Back,${born},9\n` + `,On,Track,${born},10\n` + `,No,Year,${born},\n`,
  );
  await openDataPage(page);
  await chooseFile(page, 'Choose a CSV file of young people…', file);
  await page.getByLabel('School these young people attend').selectOption({ label: 'Margate Coastal Academy' });
  await page.getByLabel('UPN').selectOption({ label: 'Not in this file' });
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await expect(page.getByTestId('import-summary')).toContainText(
    "1 to note: the year group in the file differs from the date of birth, and the file's is kept",
  );
  const rows = page.getByTestId('import-rows').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Back Held');
  await expect(rows.first().getByTestId('row-notes')).toHaveText(
    "Year 9 in the file, but the date of birth gives Year 10. Year 9 is kept, as the school's record, and moves on each September.",
  );
  await expectAccessible(page, 'the import preview with a year group to note');
});

test('with automatic backups off, restoring says no safety copy can be taken and needs an explicit choice', async ({ page }, testInfo) => {
  await openWithDemoData(page);
  const pupils = await readTable<{ id: string }>(page, 'pupils');
  await openDataPage(page);
  await expect(page.getByTestId('automatic-off')).toBeVisible();
  const file = testInfo.outputPath('backup.cdbackup');
  await saveBackup(page, file);

  await chooseFile(page, 'Choose a backup file…', file);
  const preview = page.getByTestId('restore-preview');
  // What the file says about itself is not shown until the passphrase has opened it and its integrity is checked.
  await expect(preview).toContainText('When it opens, its integrity is checked');
  await expect(preview).not.toContainText('Made on');
  await preview.getByLabel('Passphrase of this backup').fill('kent medway careers 2026');
  await preview.getByRole('button', { name: 'Open the backup' }).click();
  await expect(preview).toContainText('Made on');

  const safety = page.getByTestId('restore-safety');
  await expect(safety).toContainText('no safety copy of what is here now can be taken');
  await expect(safety).not.toContainText('is taken first');
  const restore = preview.getByRole('button', { name: 'Replace everything with this backup' });
  await expect(restore).toBeDisabled();
  await expect(safety.getByRole('button', { name: 'Set a backup passphrase first' })).toBeVisible();
  await expectAccessible(page, 'the restore preview with automatic backups off');

  await safety.getByLabel('Restore without a safety copy: what is on this computer now cannot be got back').check();
  await restore.click();
  const dialog = page.getByRole('dialog', { name: 'Replace everything with this backup?' });
  await expect(dialog).toContainText('No safety copy is taken, so this cannot be undone.');
  await dialog.getByRole('button', { name: 'Restore the backup' }).click();
  await expect(page.getByTestId('backup-message')).toContainText('Restored without a safety copy, as you chose');
  await expect(page.getByTestId('backup-message')).not.toContainText('kept as');
  expect((await readTable<{ id: string }>(page, 'pupils')).length).toBe(pupils.length);
  await expect(page.getByTestId('automatic-backups')).toBeHidden();
});

test('the audit log filters by action and record, and exports CSV', async ({ page }) => {
  await openWithDemoData(page);
  await page.goto('/#/data/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(page.getByTestId('audit-table')).toContainText('Loaded demo data');
  await expectAccessible(page, 'the audit log');
  await page.getByLabel('Action').selectOption({ label: 'Changed' });
  // Loading the demo answered the first-run offer and filled in the service's details.
  await expect(page.getByTestId('audit-count')).toContainText('Showing 2 entries');
  await expect(page.getByTestId('audit-table')).toContainText('Changed the setting "First-run demo data offer answered"');
  await expect(page.getByTestId('audit-table')).toContainText('Changed the setting "Service details"');
  // Records are named in words, never as a fragment of an id.
  await expect(page.getByTestId('audit-table')).toContainText('First-run demo data offer answered');
  expect(await page.getByTestId('audit-table').innerText()).not.toMatch(/\b[0-9a-f]{8}\b/);
  await page.getByLabel('Action').selectOption({ label: 'Any action' });
  await page.getByLabel('Record', { exact: true }).fill('zzzz-nobody');
  await expect(page.getByTestId('audit-count')).toHaveText('No entries match.');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('audit-count')).toContainText('Showing 3 entries');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export these entries as CSV' }).click();
  const csv = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of csv) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  expect(text.split('\r\n')[0]).toBe('\uFEFFWhen,Adviser,Action,Record type,Record id,Young person id,Summary');
  expect(text).toContain('Loaded demo data');
});

async function saveBackup(page: Page, file: string): Promise<void> {
  const form = page.getByTestId('backup-form');
  await form.getByLabel('Passphrase', { exact: true }).fill('kent medway careers 2026');
  await form.getByLabel('Passphrase again').fill('kent medway careers 2026');
  const download = page.waitForEvent('download');
  await form.getByRole('button', { name: 'Save a backup' }).click();
  await (await download).saveAs(file);
  await expect(page.getByTestId('backup-message')).toContainText('Backup saved');
}

async function setPreferredName(page: Page, pupilId: string, name: string): Promise<void> {
  await page.goto(`/#/pupils/${pupilId}/edit`);
  await page.getByLabel('Preferred first name').fill(name);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
}

test("merging another computer's backup shows a conflict side by side and applies the choice", async ({ page }, testInfo) => {
  await openWithDemoData(page);
  const pupil = (await readTable<{ id: string; preferredForename: string; homeEducated: boolean }>(page, 'pupils')).find(
    (p) => !p.preferredForename && !p.homeEducated,
  )!;
  const original = testInfo.outputPath('original.cdbackup');
  const other = testInfo.outputPath('other-computer.cdbackup');
  await openDataPage(page);
  await saveBackup(page, original);
  // The "other computer": the same records with this young person's name changed one way...
  await setPreferredName(page, pupil.id, 'There');
  await openDataPage(page);
  await saveBackup(page, other);
  // ...while this computer goes back to the original and changes it another way.
  await chooseFile(page, 'Choose a backup file…', original);
  await page.getByTestId('restore-preview').getByLabel('Passphrase of this backup').fill('kent medway careers 2026');
  await page.getByRole('button', { name: 'Open the backup' }).click();
  // Automatic backups are off here, so restoring needs the explicit choice to go without a safety copy.
  await page.getByLabel('Restore without a safety copy: what is on this computer now cannot be got back').check();
  await page.getByRole('button', { name: 'Replace everything with this backup' }).click();
  await page
    .getByRole('dialog', { name: 'Replace everything with this backup?' })
    .getByRole('button', { name: 'Restore the backup' })
    .click();
  await expect(page.getByTestId('backup-message')).toContainText('Restored');
  await setPreferredName(page, pupil.id, 'Here');

  await openDataPage(page);
  await chooseFile(page, 'Choose a backup to merge…', other);
  await page.getByLabel('Passphrase of the backup to merge').fill('kent medway careers 2026');
  await page.getByRole('button', { name: 'Open and compare' }).click();
  const preview = page.getByTestId('merge-preview');
  await expect(preview).toContainText('1 conflict to choose');
  const conflict = page.getByTestId('merge-conflicts').getByRole('group');
  await expect(conflict.getByRole('row', { name: /preferredForename/ })).toContainText('Here');
  await expect(conflict.getByRole('row', { name: /preferredForename/ })).toContainText('There');
  await expect(preview.getByRole('button', { name: 'Merge' })).toBeDisabled();
  await expectAccessible(page, 'the merge preview');
  await conflict.getByLabel("Take the other computer's").check();
  await preview.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByTestId('merge-message')).toContainText('0 records added, 1 updated');
  const merged = (await readTable<{ id: string; preferredForename: string }>(page, 'pupils')).find((p) => p.id === pupil.id)!;
  expect(merged.preferredForename).toBe('There');
});

/** Every string held anywhere in the app's IndexedDB, as a script in the page would find it (no key). */
async function rawDatabaseText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('careers-desk');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const parts: string[] = [];
    try {
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store, 'readonly').objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        });
        // Bytes as text too (latin1), so a name inside an unsealed byte array would still be found.
        const text = JSON.stringify(rows, (_key, value: unknown) =>
          value instanceof Uint8Array ? Array.from(value, (byte) => String.fromCharCode(byte)).join('') : value,
        );
        parts.push(text);
      }
    } finally {
      db.close();
    }
    return parts.join('\n');
  });
}

test('the records are stored encrypted: no name, UPN, date of birth or note of a young person is in the raw IndexedDB', async ({
  page,
}) => {
  await openWithDemoData(page);
  await page.goto('/#/pupils/new');
  await page.getByLabel('Legal first name').fill('Zephyrine');
  await page.getByLabel('Legal surname').fill('Quillfeather');
  await page.getByLabel('Date of birth').fill('2011-03-04');
  await page.getByRole('combobox', { name: 'School (required)' }).selectOption({ index: 1 });
  await page.getByLabel('UPN not known').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/#\/pupils\/[0-9a-f-]{36}$/);
  // Opened with the key (support.ts readTable), the records are all there...
  const pupils = await readTable<{ legalForename: string; legalSurname: string; upn: string | null; dateOfBirth: string }>(page, 'pupils');
  expect(pupils.some((p) => p.legalSurname === 'Quillfeather')).toBe(true);
  const withUpn = pupils.find((p) => p.upn)!;
  const note = (await readTable<{ notes: string }>(page, 'sessions')).find((s) => s.notes.length > 20)!.notes;
  // ...and without it, nothing about them is in clear.
  const raw = await rawDatabaseText(page);
  for (const secret of ['Zephyrine', 'Quillfeather', withUpn.upn!, withUpn.legalSurname, withUpn.dateOfBirth, note])
    expect(raw, `"${secret}" in clear`).not.toContain(secret);
  await openDataPage(page);
  await expect(page.getByTestId('key-protection')).toHaveText(
    'Demonstration mode: the key that protects these records is kept beside them in this browser.',
  );
  await expectAccessible(page, 'the lock and encryption panel');
});

/** Turns the lock on from the Data page: passphrase "desk lock phrase", locking after 5 minutes without use. */
async function turnOnLock(page: Page): Promise<void> {
  await openDataPage(page);
  const form = page.getByTestId('lock-form');
  await form.getByLabel('Lock passphrase', { exact: true }).fill('desk lock phrase');
  await form.getByLabel('Lock passphrase again').fill('desk lock phrase');
  await form.getByLabel('Lock', { exact: true }).selectOption({ label: 'After 5 minutes without use' });
  await form.getByRole('button', { name: 'Turn on the lock' }).click();
  await expect(page.getByText('The lock is on.')).toBeVisible();
}

test('the lock holds the key: locked, the records cannot be read, and deleting settings does not unlock them', async ({ page }) => {
  await page.clock.install();
  await openWithDemoData(page);
  const someone = (await readTable<{ upn: string | null }>(page, 'pupils')).find((p) => p.upn)!.upn!;
  await turnOnLock(page);
  expect(await rawDatabaseText(page)).not.toContain('desk lock phrase');

  // At start, locked: nothing is mounted and nothing can be opened.
  await page.goto('/#/pupils');
  await page.reload();
  const lock = page.getByTestId('lock-screen');
  await expect(lock.getByRole('heading', { name: 'Careers Desk is locked' })).toBeVisible();
  await expect(page.locator('.shell')).toHaveCount(0);
  await expectAccessible(page, 'the lock screen');
  // A script in the page finds only sealed rows, and the key it could find before is now wrapped.
  expect(await rawDatabaseText(page)).not.toContain(someone);
  await expect(readTable(page, 'pupils')).rejects.toThrow(/The records are locked/);
  // Deleting every setting (where the old lock kept its hash) and starting again: still locked.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('careers-desk');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('settings', 'readwrite');
      tx.objectStore('settings').clear();
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
  await page.reload();
  await expect(lock.getByRole('heading', { name: 'Careers Desk is locked' })).toBeVisible();
  await lock.getByLabel('Passphrase').fill('not the phrase');
  await lock.getByRole('button', { name: 'Unlock' }).click();
  await expect(lock.getByRole('alert')).toHaveText('That passphrase is not right. Try again.');
  await lock.getByLabel('Passphrase').fill('desk lock phrase');
  await lock.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByTestId('pupil-count')).toBeVisible();
});

test('the lock locks again after the idle time, and the passphrase opens the records again', async ({ page }) => {
  await page.clock.install();
  await openWithDemoData(page);
  await turnOnLock(page);
  await page.goto('/#/pupils');
  await expect(page.getByTestId('pupil-count')).toBeVisible();

  // Five minutes without use: the window starts again, locked.
  await page.clock.fastForward('05:30');
  const lock = page.getByTestId('lock-screen');
  await expect(lock.getByRole('heading', { name: 'Careers Desk is locked' })).toBeVisible();
  await expect(page.locator('.shell')).toHaveCount(0);
  await lock.getByLabel('Passphrase').fill('desk lock phrase');
  await lock.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByTestId('pupil-count')).toBeVisible();
});

test('imports employers from a CSV list, leaving out the rows with problems', async ({ page }) => {
  await openWithDemoData(page);
  const before = (await readTable(page, 'employers')).length;
  await openDataPage(page);
  await chooseFile(page, 'Choose a CSV file of employers…', fixture('employers-messy.csv'));
  await expect(page.getByRole('heading', { level: 1, name: 'Import employers from employers-messy.csv' })).toBeVisible();
  await expect(page.getByLabel('Sector (required)').locator('option:checked')).toHaveText('Sector');
  await page.getByRole('button', { name: 'Check the rows' }).click();
  const rows = page.getByTestId('import-rows');
  await expect(rows.locator('tr[data-row="5"]')).toContainText('Sector: "Underwater basket weaving" is not a sector Careers Desk knows');
  await expect(rows.locator('tr[data-row="6"]')).toContainText('Row 2 of this file (same name and postcode)');
  await expect(rows.locator('tr[data-row="6"]').getByLabel('Skip this row')).toBeChecked();
  await expectAccessible(page, 'the employer import preview');
  await page.getByLabel(/Leave out the 2 rows with problems/).check();
  await page.getByRole('button', { name: 'Import 2 employers' }).click();
  await expect(page.getByTestId('employers-import-outcome')).toContainText(
    '2 employers added, 0 updated, 1 rows skipped, 2 rows with problems left out',
  );
  expect((await readTable(page, 'employers')).length).toBe(before + 2);
});

test('imports 10,000 young people with a progress bar', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await openWithDemoData(page);
  const before = (await readTable(page, 'pupils')).length;
  const lines = ['Legal Surname,Legal Forename,DOB,Gender,Postcode,SEN Status,FSM Eligible'];
  for (let i = 0; i < 10_000; i++) {
    const dateOfBirth = `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/2011`;
    lines.push(`Bulk${i},Pupil${i},${dateOfBirth},${i % 2 ? 'F' : 'M'},CT9 1AA,${'NKE'[i % 3]},${i % 4 ? 'N' : 'Y'}`);
  }
  const file = testInfo.outputPath('county.csv');
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  await openDataPage(page);
  await chooseFile(page, 'Choose a CSV file of young people…', file);
  await page.getByLabel('School these young people attend').selectOption({ label: 'Margate Coastal Academy' });
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await expect(page.getByTestId('progress')).toBeVisible();
  // Checked in the data worker: on a busy machine that can take longer than the default wait.
  await expect(page.getByTestId('import-summary')).toContainText('10,000 rows in the file', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Import 10,000 young people' }).click();
  await expect(page.getByTestId('progress')).toContainText('of 10,000');
  await expect(page.getByTestId('pupils-import-outcome')).toContainText('10,000 young people added', { timeout: 120_000 });
  expect((await readTable(page, 'pupils')).length).toBe(before + 10_000);
});

test('a restore stopped while it runs changes nothing, and runs in the data worker with its progress shown', async ({ page }, testInfo) => {
  const workers = watchWorkers(page);
  await openWithDemoData(page);
  const pupils = await readTable<{ id: string }>(page, 'pupils');
  await openDataPage(page);
  const file = testInfo.outputPath('backup.cdbackup');
  await saveBackup(page, file);

  // What is here before the restore: the demo cleared, so nothing about any young person.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Clear demo data' }).click();
  await page.getByRole('dialog', { name: 'Clear demo data?' }).getByRole('button', { name: 'Clear demo data' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Demo data cleared' })).toBeVisible();
  const auditBefore = (await readTable(page, 'audit')).length;

  await openDataPage(page);
  await chooseFile(page, 'Choose a backup file…', file);
  const preview = page.getByTestId('restore-preview');
  await preview.getByLabel('Passphrase of this backup').fill('kent medway careers 2026');
  await preview.getByRole('button', { name: 'Open the backup' }).click();
  await page.getByLabel('Restore without a safety copy: what is on this computer now cannot be got back').check();
  const restore = async () => {
    await preview.getByRole('button', { name: 'Replace everything with this backup' }).click();
    await page
      .getByRole('dialog', { name: 'Replace everything with this backup?' })
      .getByRole('button', { name: 'Restore the backup' })
      .click();
  };

  // Stopped as soon as it shows (waiting for rows to be written raced a quiet machine's whole restore): whatever
  // the worker had written, its one transaction is never committed.
  await restore();
  const progress = preview.getByTestId('job-progress');
  await expect(progress).toContainText('Restoring');
  await progress.getByRole('button', { name: 'Stop the restore' }).click();
  await expect(page.getByTestId('restore-error')).toHaveText('The restore was cancelled and nothing was changed.');
  await expect(progress).toBeHidden();
  expect(await readTable(page, 'pupils')).toHaveLength(0);
  expect(await readTable(page, 'sessions')).toHaveLength(0);
  expect(await readTable(page, 'audit')).toHaveLength(auditBefore);

  // The database is still whole and free: the same backup restores in full.
  await restore();
  await expect(page.getByTestId('backup-message')).toContainText('Restored without a safety copy');
  expect((await readTable<{ id: string }>(page, 'pupils')).map((p) => p.id).sort()).toEqual(pupils.map((p) => p.id).sort());
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Young people' }).click();
  await expect(page.getByTestId('pupil-count')).toHaveText(`${pupils.length.toLocaleString('en-GB')} young people match`);

  expect(workers.started.some((url) => url.includes('data-job-worker'))).toBe(true);
  expect(workers.fellBack).toEqual([]);
});

test('a failure no screen caught is said in a banner, not lost: the disk full while saving how long records are kept', async ({ page }) => {
  await openWithDemoData(page);
  await openDataPage(page);
  const years = page.getByLabel("Years to keep a record after the young person's final academic year");
  // The disk fills: from now every write to the store is refused, as Chromium refuses it when the quota is reached.
  await page.evaluate(() => {
    const refuse = (): never => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = refuse;
    IDBObjectStore.prototype.add = refuse;
  });
  await years.fill('5');
  await years.press('Enter');
  const banner = page.getByTestId('unexpected-failure');
  await expect(banner).toHaveRole('alert');
  await expect(banner).toContainText(
    'Careers Desk could not finish that: this computer has run out of space for its records. Free some disk space',
  );
  // It claims nothing: the panel does not say the years were saved.
  await expect(page.getByText('Records are now kept for 5 years')).toHaveCount(0);
  await expect(years).toBeFocused();
  await expectAccessible(page, 'the banner for a failure no screen caught');
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toHaveCount(0);
  // Nothing was stored: after a reload (writes work again) the years are still the default.
  await page.reload();
  await openDataPage(page);
  await expect(page.getByLabel("Years to keep a record after the young person's final academic year")).toHaveValue('3');
});
