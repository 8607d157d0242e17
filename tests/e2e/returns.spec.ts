import { readFile } from 'node:fs/promises';
import { expect, test, type Download } from '@playwright/test';
import { expectAccessible, openWithDemoData, readTable, watchWorkers } from './support';
import { pdfPagesText } from './pdf-text';

interface StoredPupil {
  legalForename: string;
  legalSurname: string;
  preferredForename: string;
  upn: string | null;
  uln: string | null;
  postcode: string | null;
  dateOfBirth: string;
  email: string;
  phone: string;
  parentCarer: { name: string; phone: string };
}

/** Every identifying value held about anyone, in the forms it could leak in. */
function identifiers(pupils: StoredPupil[]): string[] {
  return pupils
    .flatMap((p) => [
      `${p.legalForename} ${p.legalSurname}`,
      p.upn,
      p.uln,
      p.postcode,
      p.dateOfBirth,
      p.dateOfBirth.split('-').reverse().join('/'),
      p.email,
      p.phone,
      p.parentCarer.name,
      p.parentCarer.phone,
    ])
    .filter((v): v is string => typeof v === 'string' && v.length > 0);
}

/** The identifying values that appear in an exported file: must be none. */
function leaked(exported: string, pupils: StoredPupil[]): string[] {
  return identifiers(pupils).filter((value) => exported.includes(value));
}

async function text(download: Download): Promise<string> {
  return readFile((await download.path())!, 'utf8');
}

test('previews an aggregate return, then saves it as CSV and PDF with nothing identifying in either', async ({ page }) => {
  // Axe over the full preview (dozens of tables) and the leak checks take a while on two cores.
  test.setTimeout(150_000);
  await openWithDemoData(page);
  const pupils = await readTable<StoredPupil>(page, 'pupils');
  // The return is built in its own worker, so a county-sized caseload cannot freeze the window.
  const workers = watchWorkers(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Returns' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Returns' })).toBeVisible();
  await page.getByLabel('Period').selectOption({ label: 'Last academic year (2025/26)' });
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByTestId('return-preview');
  await expect(preview).toBeVisible({ timeout: 30_000 });
  expect(workers.started.some((url) => url.includes('return.worker'))).toBe(true);
  expect(workers.fellBack).toEqual([]);
  // The tables are grouped by measure, closed at first; opening every group shows them all to check.
  await expectAccessible(page, 'the return preview, its groups closed');
  await preview.getByRole('button', { name: 'Open every table' }).click();
  await expect(preview.getByRole('heading', { name: 'Young people on the caseload by district' })).toBeVisible();
  await expect(preview).toContainText('Counts of 1 to 4 are shown as c');
  await expectAccessible(page, 'the return preview');

  const csvDownload = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Save as CSV' }).click();
  const csv = await text(await csvDownload);
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('Anonymised return');
  expect(csv).toContain('Young people on the caseload by district');
  expect(leaked(csv, pupils), 'the CSV must not hold identifying data').toEqual([]);

  const pdfDownload = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Save PDF summary' }).click();
  const pdf = (await pdfPagesText(await readFile((await (await pdfDownload).path())!))).join('\n');
  expect(pdf).toContain('Anonymised return');
  expect(leaked(pdf, pupils), 'the PDF must not hold identifying data').toEqual([]);

  const audit = await readTable<{ action: string; entity: string; summary: string }>(page, 'audit');
  const exports = audit.filter((a) => a.action === 'export' && a.entity === 'return');
  expect(exports.map((a) => a.summary)).toEqual(
    expect.arrayContaining([expect.stringContaining('as CSV'), expect.stringContaining('as PDF')]),
  );
  expect(exports[0]!.summary).toContain('counts below 5 suppressed');
});

test('a pseudonymised extract needs a recipient, and holds no names, UPNs or full postcodes', async ({ page }) => {
  await openWithDemoData(page);
  const pupils = await readTable<StoredPupil>(page, 'pupils');
  await page.goto('/#/returns');
  await page.getByLabel('Pseudonymised pupil-level extract').check();
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('Choose who the extract is for');
  await page.getByLabel('New recipient').fill('Kent NEET tracking team');
  await page.getByRole('button', { name: 'Add recipient' }).click();
  await page.getByLabel('Recipient', { exact: true }).selectOption({ label: 'Kent NEET tracking team' });
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByTestId('return-preview');
  await expect(preview.getByTestId('extract-preview')).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page, 'the extract preview');
  const download = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Save as CSV' }).click();
  const csv = await text(await download);
  expect(csv).toContain('Pseudonym');
  expect(leaked(csv, pupils), 'the extract must not hold identifying data').toEqual([]);
});
