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
