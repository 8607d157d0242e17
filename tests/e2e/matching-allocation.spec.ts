// The allocation, finished: a confirmed allocation stays on screen as a result, and the proposal and
// the result save as CSV and as a PDF list, each read back here (papaparse, pdf.js).
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { formatUkDate } from '../../shared/academic-year';
import type { Employer, Placement, Pupil } from '../../shared/model';
import { allocateYearTen } from './allocation';
import { pdfPagesText } from './pdf-text';
import { expectAccessible, openWithDemoData, readPlacements, readTable } from './support';

interface StoredAudit {
  seq: number;
  entity: string;
  action: string;
  summary: string;
}

function nameOf(pupil: Pupil): string {
  return `${pupil.preferredForename || pupil.legalForename} ${pupil.preferredSurname || pupil.legalSurname}`;
}

/** Presses a save button and returns the file the browser downloaded. */
async function save(page: Page, within: Locator, button: string): Promise<Download> {
  const download = page.waitForEvent('download');
  await within.getByRole('button', { name: button }).click();
  return download;
}

async function csvRows(download: Download): Promise<{ bom: boolean; rows: string[][] }> {
  const text = await readFile((await download.path())!, 'utf8');
  return { bom: text.startsWith('\uFEFF'), rows: Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data };
}

test('a confirmed allocation stays on screen, and it and its proposal save as CSV and as a PDF list', async ({ page }) => {
  test.setTimeout(120_000);
  await openWithDemoData(page);
  const { school, cohort, proposal } = await allocateYearTen(page);
  const period = (await page.getByRole('combobox', { name: 'Work-experience period' }).inputValue()).split('|') as [string, string];
  const periodText = `${formatUkDate(period[0])} to ${formatUkDate(period[1])}`;
  const placed = await proposal.getByTestId('allocation-placed').count();
  expect(placed).toBeGreaterThan(1);

  // The proposal can be shared before it is confirmed: its file says it is a proposal.
  const draft = await save(page, proposal.getByTestId('allocation-exports'), 'Save as CSV');
  expect(draft.suggestedFilename()).toBe(`Allocation proposal - Year 10 - ${school.name} - ${period[0]}.csv`);
  expect((await csvRows(draft)).rows).toHaveLength(cohort.length + 1);

  await page.getByTestId('confirm-allocation').click();
  const result = page.getByTestId('allocation-result');
  const title = `Confirmed: ${placed} placements proposed for Year 10 at ${school.name}, ${periodText}`;
  await expect(result.getByRole('heading', { level: 2 })).toHaveText(title);
  // Confirm took its button away: the keyboard goes on to the result's heading.
  await expect(result.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(result.getByTestId('result-placed').locator('tbody tr')).toHaveCount(placed);
  const unplaced = cohort.length - placed;
  if (unplaced > 0) await expect(result.getByTestId('result-unplaced').locator('tbody tr')).toHaveCount(unplaced);
  else await expect(result.getByTestId('result-everyone-placed')).toBeVisible();
  await expect(result.getByTestId('result-placed').locator('tbody tr').first()).toContainText(/out of 100: \w+/);
  await expect(result.getByTestId('result-placed').locator('tbody tr').first()).toContainText(/km away|Distance not known/);
  await expectAccessible(page, 'the confirmed allocation');

  // It is still there after going to another page and coming back.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Young people' }).click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Matching');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Matching' }).click();
  await expect(result.getByRole('heading', { level: 2 })).toHaveText(title);

  // CSV: one row a young person, with the placements the database now holds.
  const csvFile = await save(page, result.getByTestId('allocation-exports'), 'Save as CSV');
  expect(csvFile.suggestedFilename()).toBe(`Allocation - Year 10 - ${school.name} - ${period[0]}.csv`);
  const { bom, rows } = await csvRows(csvFile);
  expect(bom).toBe(true);
  const [header, ...body] = rows;
  expect(header!.slice(0, 6)).toEqual(['Young person', 'School', 'Year group', 'Placed', 'Employer', 'Offer']);
  expect(body.map((r) => r[0]).sort()).toEqual(cohort.map(nameOf).sort());
  expect(body.filter((r) => r[3] === 'Yes')).toHaveLength(placed);
  const employers = await readTable<Employer>(page, 'employers');
  const placements = await readPlacements<Placement>(page);
  for (const row of body.filter((r) => r[3] === 'Yes')) {
    const pupil = cohort.find((p) => nameOf(p) === row[0])!;
    const held = placements.find((p) => p.pupilId === pupil.id && p.status === 'proposed' && p.start === period[0])!;
    expect(row[4]).toBe(employers.find((e) => e.id === held.employerId)!.name);
  }
  for (const row of body.filter((r) => r[3] === 'No')) expect(row[11]!.length).toBeGreaterThan(0);

  // PDF: a table per employer, then every young person; page numbers; no UPN or date of birth.
  await expect(result.getByTestId('allocation-exports').getByRole('status')).toHaveText('The CSV file was saved.');
  const pdfFile = await save(page, result.getByTestId('allocation-exports'), 'Save as PDF list');
  expect(pdfFile.suggestedFilename()).toBe(`Allocation - Year 10 - ${school.name} - ${period[0]}.pdf`);
  const pages = await pdfPagesText(await readFile((await pdfFile.path())!));
  const text = pages.join('\n');
  expect(pages[0]).toContain('Work-experience allocation');
  expect(pages[0]).toContain(`Year 10 at ${school.name}, ${periodText}`);
  pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
  expect(text).toContain('By employer');
  expect(text).toContain('By young person');
  for (const row of body) expect(text).toContain(row[0]!);
  for (const row of body.filter((r) => r[3] === 'Yes')) expect(text).toContain(row[4]!);
  for (const pupil of cohort) {
    if (pupil.upn) expect(text).not.toContain(pupil.upn);
    expect(text).not.toContain(formatUkDate(pupil.dateOfBirth));
  }

  // Every save is in the audit log (in the order written), naming no young person.
  await expect(result.getByTestId('allocation-exports').getByRole('status')).toHaveText('The PDF list was saved.');
  const exports = (await readTable<StoredAudit>(page, 'audit'))
    .filter((a) => a.action === 'export' && a.entity === 'placement')
    .sort((a, b) => a.seq - b.seq);
  expect(exports.map((a) => a.summary.split(':')[0])).toEqual([
    'Exported an allocation proposal (not confirmed) as CSV',
    'Exported the confirmed allocation as CSV',
    'Exported the confirmed allocation as PDF',
  ]);
  for (const entry of exports) for (const pupil of cohort) expect(entry.summary).not.toContain(nameOf(pupil));

  // Starting a new allocation puts the result away and takes the keyboard back to the form.
  await result.getByRole('button', { name: 'Start a new allocation' }).press('Enter');
  await expect(result).toBeHidden();
  await expect(page.getByRole('combobox', { name: /^School/ })).toBeFocused();
  await expect(page.getByTestId('allocation-empty')).toBeVisible();

  // A proposal discarded by keyboard leaves the keyboard on the form, not lost at the top of the page.
  // (The form was drawn afresh on coming back to the page, so the school is chosen again.)
  await page.getByRole('combobox', { name: /^School/ }).selectOption({ label: school.name });
  await page.getByRole('button', { name: 'Allocate placements' }).click();
  await expect(proposal).toBeVisible({ timeout: 30_000 });
  await proposal.getByRole('button', { name: 'Discard this proposal' }).press('Enter');
  await expect(proposal).toBeHidden();
  await expect(page.getByRole('combobox', { name: /^School/ })).toBeFocused();
});
