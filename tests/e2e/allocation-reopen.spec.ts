// The allocation, finished: a confirmed allocation is kept, and reopens from the placements desk after
// Careers Desk is opened again, with the same lines, each placement's status now, and its CSV file.
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { expect, test, type Page } from '@playwright/test';
import { formatUkDate } from '../../shared/academic-year';
import { allocateYearTen } from './allocation';
import { pdfPagesText } from './pdf-text';
import { expectAccessible, openWithDemoData, readPlacements, readTable } from './support';

async function openPlacements(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Placements' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Placements' })).toBeVisible();
}

test('a confirmed allocation reopens from the placements desk after a restart, with its lines, statuses, CSV and PDF', async ({ page }) => {
  test.setTimeout(120_000);
  await openWithDemoData(page);

  // Before any allocation the desk says where one comes from.
  await openPlacements(page);
  const section = page.getByTestId('confirmed-allocations');
  await expect(section.getByTestId('confirmed-allocations-empty')).toContainText('No allocation confirmed yet');
  await expectAccessible(page, 'the placements desk with no confirmed allocation');

  const { school, cohort, proposal } = await allocateYearTen(page);
  const period = (await page.getByRole('combobox', { name: 'Work-experience period' }).inputValue()).split('|') as [string, string];
  const periodText = `${formatUkDate(period[0])} to ${formatUkDate(period[1])}`;
  const placed = await proposal.getByTestId('allocation-placed').count();
  expect(placed).toBeGreaterThan(1);
  await page.getByTestId('confirm-allocation').click();
  const result = page.getByTestId('allocation-result');
  await expect(result.getByRole('heading', { level: 2 })).toContainText(`Year 10 at ${school.name}`);
  await expect(result.getByRole('link', { name: 'Confirmed allocations on the Placements page' })).toHaveAttribute(
    'href',
    /\/placements\/allocations\/[0-9a-f-]{36}$/,
  );
  const placedNames = await result.getByTestId('result-placed').locator('tbody th').allInnerTexts();
  const unplacedNames = cohort.length > placed ? await result.getByTestId('result-unplaced').locator('tbody th').allInnerTexts() : [];
  expect(placedNames).toHaveLength(placed);
  expect(placedNames.length + unplacedNames.length).toBe(cohort.length);

  // The allocation is stored, naming nobody, with its audit entry.
  const stored = await readTable<{ id: string; pupilIds: string[]; lines: { experienceId: string | null }[] }>(page, 'allocations');
  expect(stored).toHaveLength(1);
  expect(stored[0]!.pupilIds.sort()).toEqual(cohort.map((p) => p.id).sort());
  expect(JSON.stringify(stored[0])).not.toContain(cohort[0]!.legalSurname);
  const audit = await readTable<{ entity: string; action: string; summary: string }>(page, 'audit');
  expect(audit.filter((a) => a.entity === 'allocation').map((a) => a.summary)).toEqual([
    `Confirmed an allocation for Year 10 at ${school.name}: ${placed} placed, ${cohort.length - placed} unplaced`,
  ]);

  // A new session: the page is loaded again, so nothing is left in memory.
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await openPlacements(page);
  const rows = section.getByTestId('confirmed-allocation');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(periodText);
  await expect(rows.first()).toContainText(`${placed} young people`);
  await rows
    .first()
    .getByRole('link', { name: `Year 10 at ${school.name}` })
    .click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Allocation: Year 10 at ${school.name}, ${periodText}`);
  await expect(page.getByTestId('result-summary')).toContainText(`${placed} of ${cohort.length} young people placed`);
  const placedTable = page.getByTestId('result-placed');
  await expect(placedTable.locator('tbody tr')).toHaveCount(placed);
  expect(await placedTable.locator('tbody th').allInnerTexts()).toEqual(placedNames);
  if (unplacedNames.length > 0)
    expect(await page.getByTestId('result-unplaced').locator('tbody th').allInnerTexts()).toEqual(unplacedNames);
  else await expect(page.getByTestId('result-everyone-placed')).toBeVisible();
  // Each placement as it stands now: all proposed, just confirmed.
  expect(new Set(await placedTable.getByTestId('placement-now').allInnerTexts())).toEqual(new Set(['Proposed']));
  await expect(placedTable.getByRole('link', { name: placedNames[0]! })).toHaveAttribute('href', /\/pupils\//);
  await expectAccessible(page, 'a reopened confirmed allocation');

  // Its CSV, read back: the same young people, the same placed and unplaced.
  const download = page.waitForEvent('download');
  await page.getByTestId('allocation-exports').getByRole('button', { name: 'Save as CSV' }).click();
  const csv = await download;
  expect(csv.suggestedFilename()).toBe(`Allocation - Year 10 - ${school.name} - ${period[0]}.csv`);
  const text = (await readFile((await csv.path())!, 'utf8')).replace(/^\uFEFF/, '');
  const [header, ...body] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  expect(header!.slice(0, 4)).toEqual(['Young person', 'School', 'Year group', 'Placed']);
  expect(body.filter((r) => r[3] === 'Yes').map((r) => r[0])).toEqual(placedNames);
  expect(body.filter((r) => r[3] === 'No').map((r) => r[0])).toEqual(unplacedNames);
  await expect(page.getByTestId('allocation-exports').getByRole('status')).toHaveText('The CSV file was saved.');

  // Its PDF list, read back: the same title and every young person.
  const pdfDownload = page.waitForEvent('download');
  await page.getByTestId('allocation-exports').getByRole('button', { name: 'Save as PDF list' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe(`Allocation - Year 10 - ${school.name} - ${period[0]}.pdf`);
  const pdfText = (await pdfPagesText(await readFile((await pdf.path())!))).join('\n');
  expect(pdfText).toContain(`Year 10 at ${school.name}, ${periodText}`);
  for (const name of [...placedNames, ...unplacedNames]) expect(pdfText).toContain(name);
  await expect(page.getByTestId('allocation-exports').getByRole('status')).toHaveText('The PDF list was saved.');

  // Taken off the list, after a confirmation; its placements stay.
  const placementsBefore = (await readPlacements(page)).length;
  await page.getByTestId('remove-allocation').click();
  const dialog = page.getByRole('dialog', { name: 'Remove this allocation from the list?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove from the list' }).click();
  await expect(page.getByTestId('allocation-removed')).toContainText(`Its ${placed} placements are kept`);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  expect(await readTable(page, 'allocations')).toHaveLength(0);
  expect((await readPlacements(page)).length).toBe(placementsBefore);
  await page.getByRole('link', { name: 'Back to Placements' }).click();
  await expect(section.getByTestId('confirmed-allocations-empty')).toBeVisible();
});
