import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, localToday, openWithDemoData, readTable } from './support';

interface StoredPupil {
  id: string;
  dateOfBirth: string;
  preferredForename: string;
  preferredSurname: string;
  yearGroupOverride: unknown;
}
interface StoredExperience {
  id: string;
  pupilIds: string[];
  kind: string;
}

function startYear(iso: string): number {
  const [year, month] = iso.split('-').map(Number) as [number, number];
  return month >= 9 ? year : year - 1;
}

function isoDaysBefore(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

async function tickWholeChecklist(page: Page): Promise<void> {
  const checklist = page.getByRole('group', { name: 'Was it meaningful?' });
  for (const box of await checklist.getByRole('checkbox').all()) await box.check();
  await expect(page.getByTestId('benchmark-evidenced')).toHaveText('Evidences: Benchmark 6');
}

test('record a group visit for a class: one record for every young person ticked', async ({ page }) => {
  await openWithDemoData(page);
  const before = await readTable<StoredExperience>(page, 'experiences');
  await page.goto('/#/experiences/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Record a workplace experience' })).toBeVisible();
  await page.getByLabel(/^Kind of experience/).selectOption({ label: 'Workplace visit' });
  const who = page.getByRole('group', { name: /Who took part/ });
  await who.getByLabel('School').selectOption({ index: 1 });
  await who.getByLabel('Year group').selectOption({ label: 'Year 8' });
  const ticks = page.getByTestId('cohort-ticks');
  await expect(ticks.getByRole('checkbox').first()).toBeVisible();
  const classSize = await ticks.getByRole('checkbox').count();
  expect(classSize).toBeGreaterThan(1);
  await ticks.getByRole('button', { name: `Tick all ${classSize}` }).click();
  await expect(who.getByRole('group').or(who).first()).toContainText(`${classSize} chosen`);
  await page.getByLabel("Employer's name").fill('Port of Dover');
  // Enter in a one-line field never submits the form.
  await page.getByLabel("Employer's name").press('Enter');
  await expect(page.getByTestId('experience-form')).toBeVisible();
  await page.getByRole('spinbutton', { name: /^Hours/ }).fill('5');
  await tickWholeChecklist(page);
  await expectAccessible(page, 'the workplace experience form with a class ticked');
  await page.getByTestId('save-experience').click();

  await expect(page.getByTestId('pupil-page')).toBeVisible();
  await expect(page.getByTestId('experience-list')).toContainText(`with a group of ${classSize}`);
  const after = await readTable<StoredExperience>(page, 'experiences');
  const added = after.filter((e) => !before.some((b) => b.id === e.id));
  expect(added).toHaveLength(1);
  expect(added[0]!.pupilIds).toHaveLength(classSize);
  const audit = await readTable<{ recordId: string; entity: string }>(page, 'audit');
  expect(audit.filter((a) => a.recordId === added[0]!.id && a.entity === 'experience')).toHaveLength(classSize);
});

test("see a young person's week's worth fill up", async ({ page }) => {
  await openWithDemoData(page);
  const today = await localToday(page);
  const experiences = await readTable<StoredExperience>(page, 'experiences');
  const pupils = await readTable<StoredPupil>(page, 'pupils');
  // A Year 9 young person with no experiences yet: the last few weeks are all Key Stage 3 for them.
  const ria = pupils.find(
    (p) =>
      p.yearGroupOverride === null &&
      startYear(today) - (startYear(p.dateOfBirth) + 5) === 9 &&
      !experiences.some((e) => e.pupilIds.includes(p.id)),
  )!;
  await page.goto(`/#/pupils/${ria.id}`);
  const ks3 = page.getByTestId('weeks-worth-ks3');
  await expect(ks3.getByTestId('weeks-worth-text')).toHaveText("0 hours of a week's worth (30 hours): 30 hours short");
  await expectAccessible(page, "a young person's page with the week's worth bars");

  async function record(kind: string, start: string, end: string, hours: string, days: string | null): Promise<void> {
    await page.getByRole('link', { name: 'Record a workplace experience' }).click();
    await expect(page.getByTestId('chosen-pupils')).toContainText(ria.preferredForename);
    await page.getByLabel(/^Kind of experience/).selectOption({ label: kind });
    await page.getByLabel("Employer's name").fill('Canterbury Cathedral');
    await page.getByLabel(/^First day/).fill(start);
    await page.getByLabel(/^Last day/).fill(end);
    if (days) await page.getByLabel('Days attended').fill(days);
    await page.getByRole('spinbutton', { name: /^Hours/ }).fill(hours);
    await tickWholeChecklist(page);
    await page.getByTestId('save-experience').click();
    await expect(page.getByTestId('pupil-page')).toBeVisible();
  }

  const day = isoDaysBefore(today, 14);
  // An impossible day gets its message beside the field, and nothing is saved.
  await page.getByRole('link', { name: 'Record a workplace experience' }).click();
  await page.getByLabel("Employer's name").fill('Canterbury Cathedral');
  await page.getByRole('spinbutton', { name: /^Hours/ }).fill('25');
  await page.getByTestId('save-experience').click();
  await expect(page.getByText('There are only 24 hours in a day').first()).toBeVisible();
  await page.goBack();

  await record('Job shadowing', day, day, '6', null);
  await expect(ks3.getByTestId('weeks-worth-text')).toHaveText("6 hours of a week's worth (30 hours): 24 hours short");
  await expect(ks3.getByRole('progressbar')).toHaveAttribute('value', '6');

  await record('Workplace visit', isoDaysBefore(today, 30), isoDaysBefore(today, 21), '6', '4');
  await expect(ks3.getByTestId('weeks-worth-text')).toHaveText("30 hours of a week's worth (30 hours): a week's worth reached");
  await expect(page.getByTestId('experience-list').getByRole('row')).toHaveCount(3);
});

test('find the short young people in the cohort view, and follow one to their page', async ({ page }) => {
  test.setTimeout(90_000);
  await openWithDemoData(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Work experience', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /a year group's week's worth/ })).toBeVisible();
  await expect(page.getByLabel('Year group')).toHaveValue('10');
  const table = page.getByTestId('cohort-table');
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const everyone = await page.getByTestId('cohort-row').count();
  await expectAccessible(page, 'the cohort view');

  await page.getByLabel('Free school meals or pupil premium').check();
  await expect.poll(() => page.getByTestId('cohort-row').count()).toBeLessThan(everyone);
  await expect(page.getByTestId('cohort-summary')).toContainText(/short of a week's worth/);
  const first = page.getByTestId('cohort-row').first();
  const shortBy = (await first.getByRole('cell').nth(1).textContent())!.trim();
  expect(shortBy).toMatch(/^\d+(\.\d)? hours?$/);
  const name = (await first.getByRole('link').textContent())!.trim();

  // Filters narrow by every characteristic chosen: looked after and low attendance together may leave nobody.
  await page.getByLabel('Looked after').check();
  await page.getByLabel(/Low attendance \(below 90%\)/).check();
  await expect(page.getByTestId('cohort-row').first().or(page.getByTestId('cohort-no-match'))).toBeVisible();
  await page.getByLabel('Looked after').uncheck();
  await page.getByLabel(/Low attendance/).uncheck();

  await page.getByTestId('cohort-row').first().getByRole('link', { name }).click();
  await expect(page.getByTestId('pupil-page')).toBeVisible();
  await expect(page.getByTestId('weeks-worth-ks4')).toContainText(`${shortBy} short`);
  // Back on the cohort view, the year group and the filter chosen are kept.
  await page.goBack();
  await expect(page.getByLabel('Free school meals or pupil premium')).toBeChecked();
  await expect(page.getByTestId('cohort-row').first().getByRole('link')).toHaveText(name);

  // Everyone on the caseload, home educated only: no Compass figures, which are a school's.
  await page.getByLabel('School', { exact: true }).selectOption({ label: 'Everyone on the caseload' });
  await page.getByLabel('Free school meals or pupil premium').uncheck();
  await page.getByLabel('Home educated', { exact: true }).check();
  await expect(page.getByTestId('cohort-row').first().or(page.getByTestId('cohort-no-match'))).toBeVisible();
  await expect(page.getByTestId('compass-for-a-school')).toBeVisible();
  await expect(page.getByTestId('compass-figures')).toBeHidden();
});

test('the figures for Compass are one click away, and the CSV says the same', async ({ page }) => {
  await openWithDemoData(page);
  await page.goto('/#/experiences/cohort');
  const panel = page.getByTestId('compass-figures');
  await expect(panel.getByRole('heading', { name: 'Figures for Compass' })).toBeVisible();
  const rows = panel.getByTestId('compass-table').getByRole('row');
  await expect(rows).toHaveCount(3);
  const cells = async (r: number) => (await rows.nth(r).getByRole('cell').allTextContents()).map((t) => t.trim());
  const [year9, year11] = [await cells(1), await cells(2)];
  expect(Number(year9[0])).toBeGreaterThan(0);
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Save the figures for Compass as CSV' }).click();
  const csv = await readFile((await (await download).path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toBe('Compass supplementary Benchmark 6 figures');
  expect(lines).toContain("A week's worth,5 days of 6 hours (30 hours)");
  const line9 = lines.find((l) => l.startsWith("Year 9: a week's worth"))!;
  const line11 = lines.find((l) => l.startsWith("Year 11: a week's worth"))!;
  const percent = (cell: string | undefined) => (cell ?? '').replace('%', '');
  expect(line9.split(',').slice(1, 4)).toEqual([year9[0], year9[1], percent(year9[2])]);
  expect(line11.split(',').slice(1, 4)).toEqual([year11[0], year11[1], percent(year11[2])]);
  await expect(panel.getByRole('status')).toHaveText('The figures are saved as CSV.');
});

test("the week's worth set in Settings changes the bar on a young person's page", async ({ page }) => {
  await openWithDemoData(page);
  await page.goto('/#/settings#weeks-worth');
  const form = page.getByTestId('weeks-worth-form');
  await expect(page.locator('#weeks-worth p', { hasText: 'What counts:' })).toContainText('Only completed experiences');
  await form.getByLabel('Days').fill('0');
  await form.getByRole('button', { name: "Save the week's worth" }).click();
  await expect(form.getByText('At least 1 day').last()).toBeVisible();
  await form.getByLabel('Days').fill('2');
  await form.getByLabel('Hours a day').fill('5');
  await form.getByRole('button', { name: "Save the week's worth" }).click();
  await expect(form.getByRole('status')).toHaveText("Saved: a week's worth is now 10 hours.");
  await expectAccessible(page, "the week's worth in Settings");

  await page.goto('/#/experiences/cohort');
  await expect(page.getByTestId('cohort-row').first()).toBeVisible();
  await page.getByTestId('cohort-row').first().getByRole('link').click();
  await expect(page.getByTestId('weeks-worth-ks4')).toContainText("of a week's worth (10 hours)");
});
