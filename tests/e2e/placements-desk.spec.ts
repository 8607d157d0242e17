import { employerLabel } from '../../shared/employers/list';
import { expect, test, type Page } from '@playwright/test';
import { checksStanding } from '../../shared/placements/gates';
import {
  expectAccessible,
  localToday,
  openWithDemoData,
  readPlacements,
  readTable,
  type StoredEmployer,
  type StoredPupil,
} from './support';

interface StoredPlacement {
  id: string;
  pupilId: string;
  employerId: string;
  status: string;
  start: string;
  end: string;
  paperwork: { consent: { givenBy: string } | null; travelPlan?: unknown };
}

/** Young people with no preferred names and names nobody else has, so search finds each alone. */
async function uniquePupils(page: Page, count: number, skip: number): Promise<{ id: string; name: string }[]> {
  const pupils = await readTable<StoredPupil>(page, 'pupils');
  const key = (p: StoredPupil) => `${p.legalForename} ${p.legalSurname}`;
  const counts = new Map<string, number>();
  for (const p of pupils) counts.set(key(p), (counts.get(key(p)) ?? 0) + 1);
  return pupils
    .filter((p) => !p.preferredForename && !p.preferredSurname && counts.get(key(p)) === 1)
    .slice(skip, skip + count)
    .map((p) => ({ id: p.id, name: key(p) }));
}

/** Employers whose first period still to come passes the confirm gate's checks (within the reuse window). */
async function employersReadyToConfirm(page: Page, today: string): Promise<StoredEmployer[]> {
  const employers = await readTable<StoredEmployer>(page, 'employers');
  return employers.filter((e) => {
    const first = e.offers[0]?.periods.find((p) => p.end >= today && p.start > today);
    return first !== undefined && first.capacity >= 1 && checksStanding(e, first, today).problems.length === 0;
  });
}

/** Proposes a placement from the employer's page in its first period to come; returns the stored placement's id. */
async function propose(page: Page, employer: StoredEmployer, pupil: { id: string; name: string }): Promise<string> {
  await page.goto(`/#/employers/${employer.id}`);
  const form = page.getByTestId('propose-placement');
  await form.getByRole('searchbox', { name: 'Search by name' }).fill(pupil.name);
  await form.getByRole('radio', { name: new RegExp(`^${pupil.name},`) }).check();
  await form.getByRole('combobox', { name: 'Offer and period' }).selectOption({ index: 1 });
  await form.getByRole('button', { name: 'Propose placement' }).click();
  await expect(form.getByRole('status')).toContainText(`Proposed a placement for ${pupil.name}`);
  return (await readPlacements<StoredPlacement>(page)).find((p) => p.pupilId === pupil.id && p.employerId === employer.id)!.id;
}

async function openDesk(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Placements' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Placements');
}

async function statusesOf(page: Page, ids: readonly string[]): Promise<string[]> {
  const placements = await readPlacements<StoredPlacement>(page);
  return ids.map((id) => placements.find((p) => p.id === id)!.status);
}

test('move three placements on at once from the desk, and undo it', async ({ page }) => {
  await openWithDemoData(page);
  const today = await localToday(page);
  const employers = await employersReadyToConfirm(page, today);
  expect(employers.length, 'the demo data has three employers with places to come').toBeGreaterThanOrEqual(3);
  const pupils = await uniquePupils(page, 3, 2);
  const ids: string[] = [];
  for (const [i, pupil] of pupils.entries()) ids.push(await propose(page, employers[i]!, pupil));

  await openDesk(page);
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Proposed' });
  // The demo's own proposed placements are in other weeks than the offers' periods: the dates leave just these three.
  const proposed = (await readPlacements<StoredPlacement>(page)).filter((p) => ids.includes(p.id));
  await page.getByLabel('From', { exact: true }).fill(proposed.map((p) => p.start).sort()[0]!);
  await page.getByLabel('To', { exact: true }).fill(proposed.map((p) => p.end).sort()[2]!);
  const table = page.getByTestId('desk-table');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(table).toContainText('Contact the employer');
  await expectAccessible(page, 'the placements desk');

  // Select all the filtered rows with the keyboard, then move them on.
  await page.getByRole('checkbox', { name: 'Select every placement shown' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByText('3 selected')).toBeVisible();
  await page.getByRole('button', { name: 'Move selected on to employer contacted' }).click();
  const dialog = page.getByRole('dialog', { name: 'Move placements on to employer contacted?' });
  await expect(dialog.getByTestId('will-move').getByRole('listitem')).toHaveCount(3);
  await expectAccessible(page, 'the bulk move confirmation');
  await dialog.getByRole('button', { name: 'Move 3 on' }).click();
  await expect(page.getByTestId('desk-status')).toContainText('3 placements moved on to employer contacted.');
  expect(await statusesOf(page, ids)).toEqual(['contacted', 'contacted', 'contacted']);
  const audit = await readTable<{ entity: string; recordId: string; summary: string }>(page, 'audit');
  for (const id of ids) expect(audit.some((a) => a.recordId === id && a.summary.endsWith('Proposed to Employer contacted'))).toBe(true);

  await page.getByTestId('desk-status').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('desk-status')).toContainText('Undone: 3 placements are back where they were.');
  expect(await statusesOf(page, ids)).toEqual(['proposed', 'proposed', 'proposed']);
  await expect(page.getByTestId('desk-table').locator('tbody tr')).toHaveCount(3);
});

test('be blocked by missing consent, record it, confirm', async ({ page }) => {
  await openWithDemoData(page);
  const today = await localToday(page);
  const [employer] = await employersReadyToConfirm(page, today);
  const students = await readTable<StoredPupil>(page, 'pupils');
  const period = employer!.offers[0]!.periods.find((p) => p.start > today)!;
  // A young person under 18 on the start, so parental consent is needed.
  const [pupil] = (await uniquePupils(page, 40, 6)).filter((p) => {
    const dob = students.find((s) => s.id === p.id)!.dateOfBirth;
    return dob > `${Number(period.start.slice(0, 4)) - 17}${period.start.slice(4)}`;
  });
  const id = await propose(page, employer!, pupil!);

  await openDesk(page);
  // Pickers name an employer with its town, as chains share a name across Kent.
  await page.getByLabel('Employer', { exact: true }).selectOption({ label: employerLabel(employer!) });
  const row = page.getByTestId(`desk-${id}`);
  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Move selected on to employer contacted' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Move 1 on' }).click();
  await expect(row.getByTestId('desk-status-cell')).toHaveText('Employer contacted');
  await expect(row).toContainText('Record parental consent');

  // Confirming is refused, with the reason, and nothing changes.
  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Move selected on to confirmed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Move placements on to confirmed?' });
  await expect(dialog.getByTestId('cannot-move')).toContainText(`${pupil!.name}: No parental consent recorded`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await statusesOf(page, [id])).toEqual(['contacted']);

  // Record consent from the desk's link, with bad input first.
  await row.getByRole('link', { name: `Record parental consent for ${pupil!.name}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Consent and paperwork for ${pupil!.name}'s placement`);
  await expect(page.getByTestId('checks-reused')).toContainText('reused (within 6 months)');
  await expect(page.getByTestId('confirm-gate')).toContainText('No parental consent recorded');
  const form = page.getByTestId('paperwork-form');
  await form.getByLabel('Given by').fill('Pat Example');
  await form.getByLabel('Given by').press('Enter');
  await expect(form.getByTestId('paperwork-saved')).toHaveText('');
  await form.getByRole('button', { name: 'Save paperwork' }).click();
  await expect(form.locator('.field__error').filter({ hasText: 'Enter their relationship to the young person' })).toBeVisible();
  expect((await readPlacements<StoredPlacement>(page)).find((p) => p.id === id)!.paperwork.consent).toBeNull();
  await form.getByLabel('Relationship to the young person').fill('Mother');
  await form.getByLabel('Given on').fill(today);
  await form.getByLabel('How it was given').selectOption({ label: 'By phone' });
  await form.getByLabel('Contact 1 name').fill('Pat Example');
  await form.getByLabel('Contact 1 phone').fill('01622 123456');
  await form.getByRole('group', { name: 'Travel plan' }).getByLabel('Public bus or train').check();
  await form.getByRole('group', { name: 'Travel plan' }).getByLabel('A lift from family or a carer').check();
  await form.getByLabel('Travel plan details').fill('Bus 71 there and back; mum collects on Friday.');
  await expectAccessible(page, 'the consent and paperwork form');
  await form.getByRole('button', { name: 'Save paperwork' }).click();
  await expect(form.getByTestId('paperwork-saved')).toContainText('Saved, with parental consent given on');

  await page.getByRole('button', { name: 'Confirm the placement' }).click();
  await expect(page.getByTestId('paperwork-status')).toHaveText('Confirmed');
  expect(await statusesOf(page, [id])).toEqual(['confirmed']);
  expect((await readPlacements<StoredPlacement>(page)).find((p) => p.id === id)!.paperwork.travelPlan).toEqual({
    kinds: ['public-transport', 'family-lift'],
    details: 'Bus 71 there and back; mum collects on Friday.',
  });
});

test('consent recorded for a young person who is 18 on the start asks whether it is still needed', async ({ page }) => {
  await openWithDemoData(page);
  const today = await localToday(page);
  const [employer] = await employersReadyToConfirm(page, today);
  const period = employer!.offers[0]!.periods.find((p) => p.start > today)!;
  const students = await readTable<StoredPupil>(page, 'pupils');
  const eighteenBy = `${Number(period.start.slice(0, 4)) - 18}${period.start.slice(4)}`;
  const adult = (await uniquePupils(page, 400, 0)).find((p) => students.find((s) => s.id === p.id)!.dateOfBirth <= eighteenBy);
  test.skip(adult === undefined, 'the demo data has nobody 18 or over on the start');
  const id = await propose(page, employer!, adult!);

  await page.goto(`/#/placements/${id}/paperwork`);
  const form = page.getByTestId('paperwork-form');
  await expect(form).toContainText('Not needed:');
  await form.getByLabel('Given by').fill('Pat Example');
  await form.getByLabel('Relationship to the young person').fill('Father');
  await form.getByLabel('Given on').fill(today);
  await form.getByLabel('How it was given').selectOption({ label: 'By email' });
  await form.getByRole('button', { name: 'Save paperwork' }).click();
  const question = page.getByRole('dialog', { name: 'Record parental consent anyway?' });
  await expect(question).toContainText('so parental consent is not needed. Record it anyway?');
  await expectAccessible(page, 'the consent question for an adult');
  await question.getByRole('button', { name: 'No, leave it out' }).click();
  expect((await readPlacements<StoredPlacement>(page)).find((p) => p.id === id)!.paperwork.consent).toBeNull();

  await form.getByRole('button', { name: 'Save paperwork' }).click();
  await question.getByRole('button', { name: 'Yes, record it' }).click();
  await expect(form.getByTestId('paperwork-saved')).toContainText('Saved, with parental consent given on');
  expect((await readPlacements<StoredPlacement>(page)).find((p) => p.id === id)!.paperwork.consent).toMatchObject({
    givenBy: 'Pat Example',
  });
});
