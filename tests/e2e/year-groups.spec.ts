import { expect, test } from '@playwright/test';
import { yearGroupOf, type YearGroupFacts } from '../../shared/academic-year';
import { expectAccessible, openWithDemoData, readTable } from './support';

interface StoredPupil extends YearGroupFacts {
  id: string;
  legalForename: string;
  legalSurname: string;
  preferredForename: string;
  preferredSurname: string;
}

const countText = (n: number) => (n === 1 ? '1 young person matches' : `${n.toLocaleString('en-GB')} young people match`);

// Year groups are worked out from the date of birth on the day they are shown, never stored: data
// loaded in July shows next year's year groups in December, with nothing rewritten in between.
test('year groups move on by themselves over the summer: loaded in July, read in December', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-07-15T09:00:00') });
  await openWithDemoData(page);
  const pupils = await readTable<StoredPupil>(page, 'pupils');
  const updatedBefore = new Map((await readTable<{ id: string; updatedAt: string }>(page, 'pupils')).map((p) => [p.id, p.updatedAt]));

  // In July, a Year 10 by date of birth; the list's Year 10 filter agrees with the dates of birth.
  const july = '2026-07-15';
  const inYear = (year: number, day: string) => pupils.filter((p) => yearGroupOf(p, day) === year).length;
  const target = pupils.find((p) => yearGroupOf(p, july) === 10)!;
  expect(target, 'a demo young person in Year 10 in July').toBeDefined();
  await page.goto(`/#/pupils/${target.id}`);
  await expect(page.getByTestId('pupil-page')).toBeVisible();
  await expect(page.getByTestId('pupil-page').locator('.lead')).toContainText('Year 10');
  await page.goto('/#/pupils');
  await page.getByLabel('Year group').selectOption({ label: 'Year 10' });
  await expect(page.getByTestId('pupil-count')).toHaveText(countText(inYear(10, july)));

  // December of the next school year: the same records, a year on.
  await page.clock.setSystemTime(new Date('2026-12-04T09:00:00'));
  const december = '2026-12-04';
  await page.goto(`/#/pupils/${target.id}`);
  await page.reload();
  await expect(page.getByTestId('pupil-page').locator('.lead')).toContainText('Year 11');
  await expect(page.getByTestId('pupil-page').locator('.lead')).not.toContainText('Year 10');

  await page.goto('/#/pupils');
  await page.getByLabel('Year group').selectOption({ label: 'Year 11' });
  const yearElevens = inYear(11, december);
  expect(yearElevens).toBeGreaterThan(0);
  await expect(page.getByTestId('pupil-count')).toHaveText(countText(yearElevens));
  // Among the Year 11s (searched by surname, as the list may run to several pages).
  const search = page.getByRole('searchbox', { name: 'Search by name or UPN' });
  await search.fill(target.legalSurname);
  await expect(
    page
      .getByRole('link', { name: `${target.preferredForename || target.legalForename} ${target.preferredSurname || target.legalSurname}` })
      .first(),
  ).toBeVisible();
  await search.fill('');
  // July's Year 13s have left school: shown as such, never as Year 14.
  await page.getByLabel('Year group').selectOption({ label: 'Left school (past Year 13)' });
  const leavers = pupils.filter((p) => yearGroupOf(p, december) > 13).length;
  expect(leavers).toBeGreaterThan(0);
  await expect(page.getByTestId('pupil-count')).toHaveText(countText(leavers));
  await expect(page.getByText('Year 14')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Matching young people' }).getByText('Left school', { exact: true }).first()).toBeVisible();
  await expectAccessible(page, 'the pupil list filtered to those who have left school');

  // Nothing was rewritten to move them on.
  const after = await readTable<{ id: string; updatedAt: string }>(page, 'pupils');
  expect(after.every((p) => updatedBefore.get(p.id) === p.updatedAt)).toBe(true);
});
