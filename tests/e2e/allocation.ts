// Running a cohort allocation from the Matching page with the demo data: shared by the matching specs.
import { expect, type Locator, type Page } from '@playwright/test';
import { yearGroupOf } from '../../shared/academic-year';
import type { Pupil } from '../../shared/model';
import { localToday, readTable } from './support';

export interface RunAllocation {
  school: { id: string; name: string };
  /** The school's Year 10 as it will be in the period's first week. */
  cohort: Pupil[];
  proposal: Locator;
  /** Worker scripts started while the allocation ran. */
  workers: string[];
}

/**
 * Opens Matching and allocates Year 10 of the demo school with the most Year 10s, in the period
 * chosen by default (the most offered); returns once the proposal lists every young person.
 * `beforeAllocating` runs on the filled form, before the button is pressed.
 */
export async function allocateYearTen(page: Page, beforeAllocating: () => Promise<void> = async () => {}): Promise<RunAllocation> {
  const today = await localToday(page);
  const pupils = await readTable<Pupil>(page, 'pupils');
  const schools = await readTable<{ id: string; name: string }>(page, 'schools');
  const yearTenOn = (schoolId: string, day: string) =>
    pupils.filter((p) => p.schoolId === schoolId && yearGroupOf(p, day) === 10 && !p.leftOn);
  const school = [...schools].sort((a, b) => yearTenOn(b.id, today).length - yearTenOn(a.id, today).length)[0]!;

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Matching' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Matching' })).toBeVisible();
  // The year group and the most offered period are chosen already; choose the school and allocate.
  await page.getByRole('combobox', { name: /^School/ }).selectOption({ label: school.name });
  await expect(page.getByRole('combobox', { name: /^Year group/ })).toHaveValue(/.+/);
  await expect(page.getByRole('combobox', { name: 'Work-experience period' })).not.toHaveValue('other');
  const periodStart = (await page.getByRole('combobox', { name: 'Work-experience period' }).inputValue()).split('|')[0]!;
  const cohort = yearTenOn(school.id, periodStart);
  await beforeAllocating();
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.getByRole('button', { name: 'Allocate placements' }).click();
  const proposal = page.getByTestId('allocation-proposal');
  await expect(proposal).toBeVisible({ timeout: 30_000 });
  await expect(proposal.getByTestId('allocation-table').locator('tbody tr')).toHaveCount(cohort.length);
  return { school, cohort, proposal, workers };
}
