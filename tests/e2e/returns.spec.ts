import { readFile } from 'node:fs/promises';
import { expect, test, type Download } from '@playwright/test';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { expectAccessible, openWithDemoData, readTable, recordAgreement, watchWorkers } from './support';
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
  await preview.getByRole('button', { name: 'Save as readable CSV' }).click();
  const csv = await text(await csvDownload);
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('Anonymised return');
  expect(csv).toContain('Young people on the caseload by district');
  expect(leaked(csv, pupils), 'the CSV must not hold identifying data').toEqual([]);

  const pdfDownload = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Save PDF summary' }).click();
  const pages = await pdfPagesText(await readFile((await (await pdfDownload).path())!));
  const pdf = pages.join('\n');
  expect(pdf).toContain('Anonymised return');
  // The first page is the summary, with the same period last year beside this one.
  expect(pages[0]).toContain('Same period last year');
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
  await page.getByLabel('Pseudonymised extract (one row a young person)').check();
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('Choose who the extract is for');
  await page.getByLabel('New recipient').fill('Kent NEET tracking team');
  await page.getByRole('button', { name: 'Add recipient' }).click();
  await page.getByLabel('Recipient', { exact: true }).selectOption({ label: 'Kent NEET tracking team' });
  // Not without a data-sharing agreement with them: refused, naming them and where to record it.
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('no data-sharing agreement is recorded for Kent NEET tracking team');
  await recordAgreement(page, 'Kent NEET tracking team');
  await page.getByLabel('Pseudonymised extract (one row a young person)').check();
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

  // Another recipient chosen after the preview: its pseudonyms were made with the first one's key, so it goes.
  await page.getByLabel('New recipient').fill('Medway partnership');
  await page.getByRole('button', { name: 'Add recipient' }).click();
  await page.getByLabel('Recipient', { exact: true }).selectOption({ label: 'Medway partnership' });
  await expect(preview).toBeHidden();
  await expect(page.getByRole('status')).toHaveText('The recipient changed: preview the extract again for them before saving it.');
  // Removing the one chosen, from here, after asking: no longer offered or chosen.
  await page.getByRole('button', { name: 'Remove Medway partnership' }).click();
  await page.getByRole('dialog', { name: 'Remove Medway partnership?' }).getByRole('button', { name: 'Remove recipient' }).click();
  await expect(page.getByRole('status')).toHaveText('Removed Medway partnership.');
  await expect(page.getByLabel('Recipient', { exact: true }).locator('option:checked')).toHaveText('Choose a recipient');
  await expect(page.getByLabel('Recipient', { exact: true }).getByRole('option')).toHaveText([
    'Choose a recipient',
    'Kent NEET tracking team',
  ]);
  await expectAccessible(page, 'the extract form after a recipient was removed');
});

test('saves the tidy data for the council with its metadata file, shown first in the preview, with last year beside this year', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await openWithDemoData(page);
  const pupils = await readTable<StoredPupil>(page, 'pupils');
  await page.goto('/#/returns');
  await page.getByLabel('Period').selectOption({ label: 'Last academic year (2025/26)' });
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByTestId('return-preview');
  await expect(preview).toBeVisible({ timeout: 30_000 });

  // The summary: each headline figure with the same period a year earlier, and a change only where both are shown.
  const summary = preview.getByTestId('return-summary');
  await expect(summary.getByRole('columnheader', { name: 'Same period last year (01/09/2024 to 31/08/2025)' })).toBeVisible();
  const caseload = summary.getByRole('row', { name: /^Young people on the caseload/ });
  const [now, before, change] = await caseload.getByRole('cell').allInnerTexts();
  expect(Number(now!.replaceAll(',', '')) - Number(before!.replaceAll(',', ''))).toBe(
    Number(change!.replace('−', '-').replace('+', '').replaceAll(',', '')),
  );

  // The preview of the tidy data: its header and first rows, and how many rows the file holds.
  const tidy = preview.getByTestId('tidy-preview');
  await tidy.locator('summary').click();
  await expect(tidy).toContainText(/holds \d+ rows/);
  await expect(tidy.getByTestId('tidy-rows').getByRole('columnheader', { name: 'geographic_level' })).toBeVisible();
  await expect(tidy.getByTestId('tidy-metadata')).toContainText('caseload_seen');
  await expectAccessible(page, 'the return preview with its summary and tidy data');

  const download = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Save tidy data for the council (CSV + metadata)' }).click();
  const saved = await download;
  // A browser cannot write two files into a folder: they come as one zip (the desktop writes both into a folder).
  expect(saved.suggestedFilename()).toBe('careers_return_202526_academic_year.zip');
  const zip = await JSZip.loadAsync(await readFile((await saved.path())!));
  expect(Object.keys(zip.files).sort()).toEqual([
    'careers_return_202526_academic_year.csv',
    'careers_return_202526_academic_year.meta.csv',
  ]);
  const data = await zip.file('careers_return_202526_academic_year.csv')!.async('string');
  const meta = await zip.file('careers_return_202526_academic_year.meta.csv')!.async('string');
  const rows = Papa.parse<string[]>(data.replace(/^\uFEFF/, ''), { skipEmptyLines: true, delimiter: ',' }).data;
  const [header, ...body] = rows;
  expect(header!.slice(0, 4)).toEqual(['time_period', 'time_identifier', 'geographic_level', 'country_code']);
  await expect(tidy).toContainText(`holds ${body.length} rows`);
  const at = (row: string[], name: string) => row[header!.indexOf(name)];
  const kent = body.find((r) => at(r, 'geographic_level') === 'Local authority' && at(r, 'la_name') === 'Kent')!;
  expect([at(kent, 'time_period'), at(kent, 'new_la_code'), at(kent, 'old_la_code'), at(kent, 'year_group')]).toEqual([
    '202526',
    'E10000016',
    '886',
    'Total',
  ]);
  expect(at(kent, 'caseload_total')).toMatch(/^(\d+|c)$/);
  for (const row of body) expect(row).toHaveLength(header!.length);
  expect(meta).toContain('caseload_seen,Indicator,');
  expect(leaked(data + meta, pupils), 'the tidy data must not hold identifying data').toEqual([]);

  const audit = await readTable<{ action: string; entity: string; summary: string }>(page, 'audit');
  expect(audit.filter((a) => a.action === 'export' && a.entity === 'return').map((a) => a.summary)).toEqual([
    expect.stringContaining('as tidy data (CSV and metadata file)'),
  ]);
});
