import { expect, test, type Locator, type Page } from '@playwright/test';
import { checksStanding } from '../../shared/placements/gates';
import { formatUkDate } from '../../shared/academic-year';
import {
  expectAccessible,
  localToday,
  openWithDemoData,
  readPlacements,
  readTable,
  type StoredEmployer,
  type StoredPupil,
  recordParentalConsent,
} from './support';

interface StoredPlacement {
  id: string;
  pupilId: string;
  employerId: string;
  status: string;
  feedback: { employer: string; pupil: string; wouldHostAgain: boolean | null };
}

/** A young person with no preferred names and a name nobody else has, so search finds them alone. */
async function aPupil(page: Page, skip: number): Promise<{ id: string; name: string }> {
  const pupils = await readTable<StoredPupil>(page, 'pupils');
  const key = (p: StoredPupil) => `${p.legalForename} ${p.legalSurname}`;
  const counts = new Map<string, number>();
  for (const p of pupils) counts.set(key(p), (counts.get(key(p)) ?? 0) + 1);
  const unique = pupils.filter((p) => !p.preferredForename && !p.preferredSurname && counts.get(key(p)) === 1);
  const pupil = unique[skip]!;
  return { id: pupil.id, name: key(pupil) };
}

/** Proposes a placement from the employer's page, in the first period still to come. */
async function propose(page: Page, pupilName: string): Promise<Locator> {
  const form = page.getByTestId('propose-placement');
  await form.getByRole('searchbox', { name: 'Search by name' }).fill(pupilName);
  await form.getByRole('radio', { name: new RegExp(`^${pupilName},`) }).check();
  await expect(form.getByTestId('chosen-pupil')).toContainText(pupilName);
  await form.getByRole('combobox', { name: 'Offer and period' }).selectOption({ index: 1 });
  await form.getByRole('button', { name: 'Propose placement' }).click();
  await expect(form.getByRole('status')).toContainText(`Proposed a placement for ${pupilName}`);
  const row = page
    .getByTestId('placement-table')
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: pupilName }) });
  await expect(row.getByTestId('placement-status')).toHaveText('Proposed');
  return row;
}

test('adding an employer with bad input shows each problem beside its field and saves nothing; fixed, it is listed', async ({ page }) => {
  await openWithDemoData(page);
  const before = (await readTable(page, 'employers')).length;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Employers' }).click();
  await expect(page.getByTestId('employer-count')).toHaveText(`${before} employers match`);
  await expectAccessible(page, 'the employer list');

  await page.getByRole('link', { name: 'Add an employer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add an employer' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Name (required)' }).fill('Zephyr Test Bakery');
  await page.getByRole('combobox', { name: 'Sector (required)' }).selectOption({ label: 'Hospitality, catering and tourism' });
  await page.getByLabel('Postcode', { exact: true }).fill('CT9 XYZ');
  await page.getByRole('button', { name: 'Add an offer' }).click();
  const period = page.getByRole('group', { name: 'Period 1 of offer 1' });
  await period.getByLabel('Start date').fill('2027-06-18');
  await period.getByLabel('End date').fill('2027-06-14');
  await period.getByLabel('Places (capacity)').fill('0');
  await expectAccessible(page, 'the employer form');
  await page.getByRole('button', { name: 'Save' }).click();

  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Postcode: Enter a real postcode, like ME14 1XX');
  await expect(summary).toContainText('Offer 1, period 1: end date: The end date must be on or after the start date');
  await expect(summary).toContainText('Offer 1, period 1: capacity: Capacity must be a whole number, at least 1');
  await expect(page.getByLabel('Postcode', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(period.getByLabel('End date')).toHaveAttribute('aria-invalid', 'true');
  await expect(period.getByText('The end date must be on or after the start date')).toBeVisible();
  await expect(period.getByText('Capacity must be a whole number, at least 1')).toBeVisible();
  await expectAccessible(page, 'the employer form with errors');
  expect((await readTable(page, 'employers')).length).toBe(before);

  // An adviser's judgement on public transport needs its note.
  await page.getByRole('combobox', { name: "Adviser's judgement on public transport" }).selectOption({ label: 'Not reachable' });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(summary).toContainText('Note on public transport: Say why: a note is needed with a judgement on public transport');
  await expect(page.getByRole('textbox', { name: 'Note (required)' })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'the employer form with a judgement and no note');
  await page.getByRole('textbox', { name: 'Note (required)' }).fill('Up a farm track: no bus within two miles');

  // Fixed, it saves: the postcode is normalised and the district follows it.
  await page.getByLabel('Postcode', { exact: true }).fill('ct9 1aa');
  await period.getByLabel('End date').fill('2027-06-22');
  await period.getByLabel('Places (capacity)').fill('2');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zephyr Test Bakery');
  await expect(page.getByTestId('employer-details')).toContainText('CT9 1AA · Thanet');
  await expect(page.getByTestId('employer-details')).toContainText(
    'The adviser judged it not reachable by public transport: Up a farm track: no bus within two miles',
  );
  await expectAccessible(page, 'the employer page with a judgement on public transport');
  const stored = await readTable<StoredEmployer & { postcode: string }>(page, 'employers');
  expect(stored.length).toBe(before + 1);
  expect(stored.find((e) => e.name === 'Zephyr Test Bakery')?.postcode).toBe('CT9 1AA');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Employers' }).click();
  await page.getByRole('searchbox', { name: 'Search by name' }).fill('zeph');
  await expect(page.getByTestId('employer-count')).toHaveText('1 employer matches');
  await expect(page.getByRole('link', { name: 'Zephyr Test Bakery' })).toBeVisible();
  // With no safety checks recorded, the row says so in words.
  await expect(page.getByTestId('employer-table').getByText('Checks need attention')).toBeVisible();
  // The adviser's judgement on public transport filters the list.
  const transport = page.getByRole('combobox', { name: 'Public transport (adviser)' });
  await transport.selectOption({ label: 'Judged reachable' });
  await expect(page.getByTestId('employers-empty')).toContainText('No employers match');
  await transport.selectOption({ label: 'Judged not reachable' });
  await expect(page.getByTestId('employer-count')).toHaveText('1 employer matches');
  await expectAccessible(page, 'the employer list filtered by the public-transport judgement');
  await transport.selectOption({ label: 'Any judgement' });
  await page.getByRole('searchbox', { name: 'Search by name' }).fill('zzzz');
  await expect(page.getByTestId('employers-empty')).toContainText('No employers match');
});

test('an employer whose insurance has expired is flagged, and a placement there cannot be confirmed', async ({ page }) => {
  await openWithDemoData(page);
  const today = await localToday(page);
  const employers = await readTable<StoredEmployer>(page, 'employers');
  const expired = employers.find(
    (e) =>
      e.checks.insuranceExpiresOn !== null &&
      e.checks.insuranceExpiresOn < today &&
      e.offers.some((o) => o.periods.some((p) => p.end >= today)),
  );
  expect(expired, 'the demo data has an employer with expired insurance and an offer to come').toBeDefined();
  const employer = expired!;

  await page.goto('/#/employers');
  await page.getByRole('searchbox', { name: 'Search by name' }).fill(employer.name);
  const row = page
    .getByTestId('employer-table')
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: employer.name, exact: true }) })
    .first();
  await expect(row).toContainText('Checks need attention');
  await row.getByRole('link', { name: employer.name, exact: true }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(employer.name);
  const warnings = page.getByTestId('check-warnings');
  await expect(warnings).toContainText(`Employer's liability insurance expired on ${formatUkDate(employer.checks.insuranceExpiresOn)}`);
  await expectAccessible(page, 'the employer page');

  const pupil = await aPupil(page, 0);
  const placementRow = await propose(page, pupil.name);
  await placementRow.getByRole('button', { name: 'Mark contacted' }).click();
  await expect(placementRow.getByTestId('placement-status')).toHaveText('Employer contacted');
  await placementRow.getByRole('button', { name: 'Confirm' }).click();
  const refusal = placementRow.getByTestId('placement-refusal');
  await expect(refusal).toContainText('Not changed');
  await expect(refusal).toContainText(`Employer's liability insurance expired on ${formatUkDate(employer.checks.insuranceExpiresOn)}`);
  await expect(placementRow.getByTestId('placement-status')).toHaveText('Employer contacted');
  await expectAccessible(page, 'the employer page with a refused step');
  const placements = await readPlacements<StoredPlacement>(page);
  expect(placements.filter((p) => p.pupilId === pupil.id && p.employerId === employer.id).map((p) => p.status)).toEqual(['contacted']);

  // Cancelling asks first; going back changes nothing, confirming cancels.
  await placementRow.getByRole('button', { name: 'Cancel placement' }).click();
  const dialog = page.getByRole('dialog', { name: `Cancel ${pupil.name}'s placement?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'No, keep it' }).click();
  await expect(placementRow.getByTestId('placement-status')).toHaveText('Employer contacted');
  await placementRow.getByRole('button', { name: 'Cancel placement' }).click();
  await dialog.getByRole('button', { name: 'Yes, cancel the placement' }).click();
  await expect(placementRow.getByTestId('placement-status')).toHaveText('Cancelled');
  await expect(placementRow.getByRole('button')).toHaveCount(0);
});

test('at an employer with checks in order, a placement goes from proposed to completed with feedback', async ({ page }) => {
  await openWithDemoData(page);
  const today = await localToday(page);
  const employers = await readTable<StoredEmployer>(page, 'employers');
  // The first period to come must pass the same check the confirm step makes.
  const good = employers.find((e) => {
    const first = e.offers[0]?.periods.find((p) => p.end >= today);
    // ...and the confirm gate: checks done within the reuse window (6 months).
    return first !== undefined && checksStanding(e, first, today).problems.length === 0;
  });
  expect(good, 'the demo data has an employer whose checks cover its next period').toBeDefined();
  const employer = good!;
  const pupil = await aPupil(page, 1);

  await page.goto(`/#/employers/${employer.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(employer.name);
  const placementRow = await propose(page, pupil.name);
  // Confirming waits for parental consent (under 18 on the start), recorded from the placement's paperwork page.
  const proposed = (await readPlacements<StoredPlacement>(page)).find((p) => p.pupilId === pupil.id && p.employerId === employer.id)!;
  await recordParentalConsent(page, proposed.id, today);
  await page.goto(`/#/employers/${employer.id}`);
  for (const [button, status] of [
    ['Mark contacted', 'Employer contacted'],
    ['Confirm', 'Confirmed'],
    ['Start', 'In progress'],
  ] as const) {
    await placementRow.getByRole('button', { name: button }).click();
    await expect(placementRow.getByTestId('placement-status')).toHaveText(status);
  }
  await placementRow.getByRole('button', { name: 'Complete' }).click();
  const dialog = page.getByRole('dialog', { name: `Complete ${pupil.name}'s placement` });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('What the employer said').fill('Asked good questions and was on time every day.');
  await dialog.getByLabel('What the young person said').fill('I want to do an apprenticeship here.');
  await dialog.getByRole('radio', { name: 'Yes' }).check();
  await expectAccessible(page, 'the complete-placement dialog');
  await dialog.getByRole('button', { name: 'Complete placement' }).click();
  await expect(dialog).toBeHidden();
  await expect(placementRow.getByTestId('placement-status')).toHaveText('Completed');
  await expect(placementRow).toContainText('Would host again: Yes');
  await expect(placementRow.getByRole('button')).toHaveCount(0);

  const stored = (await readPlacements<StoredPlacement>(page)).find((p) => p.pupilId === pupil.id && p.employerId === employer.id)!;
  expect(stored).toMatchObject({
    status: 'completed',
    feedback: {
      employer: 'Asked good questions and was on time every day.',
      pupil: 'I want to do an apprenticeship here.',
      wouldHostAgain: true,
    },
  });
  const audit = await readTable<{ entity: string; recordId: string; pupilId: string }>(page, 'audit');
  expect(audit.filter((a) => a.entity === 'placement' && a.recordId === stored.id && a.pupilId === pupil.id)).toHaveLength(6);

  // The pupil's name leads to their page, where the placement shows on the timeline.
  await placementRow.getByRole('link', { name: pupil.name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pupil.name);
  await expect(page.getByTestId('timeline')).toContainText(`Placement: ${employer.name}`);
});
