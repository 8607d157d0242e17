// Journey answers on one young person's matches: with no timetable the cards say travel is estimated;
// with a small Thanet feed imported on the Data page, the card for a Ramsgate employer shows the bus
// there and back on the placement's first day and the verdict; a feed with no bus home rules it out.
// A post-16 route's card shows the journey to its campus's picked stop on the route's start.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, openEmpty, readTable, watchWorkers, type StoredPupil } from './support';
import {
  feedFiles,
  outcodeCoastalLine,
  outcodeCoastalLineNoReturn,
  runningUntil2029,
  westgateFeeder,
  westgateFeederNoReturn,
  zipFeed,
} from '../support/gtfs-feeds';

async function importFeed(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.goto('/#/data');
  await page
    .getByLabel(/timetable \(\.zip\)|Timetable file \(\.zip\)/)
    .setInputFiles({ name, mimeType: 'application/zip', buffer: Buffer.from(bytes) });
  await page.getByRole('button', { name: 'Import the timetable' }).click();
  await expect(page.getByTestId('timetable-status')).toHaveText(`Imported the timetable from ${name}.`);
}

/** A Margate school, added in Settings. */
async function addSchool(page: Page): Promise<void> {
  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'Add a school' }).click();
  const form = page.getByTestId('school-form');
  await form.getByLabel('School name').fill('Margate Harbour School');
  await form.getByLabel('URN', { exact: true }).fill('118888');
  await form.getByLabel('District').selectOption({ label: 'Thanet' });
  await form.getByLabel('Phase').selectOption({ label: 'Secondary (11 to 16)' });
  await form.getByRole('button', { name: 'Save school' }).click();
  await expect(form).toBeHidden();
}

/** A Year 10 at that school, at home in Margate (CT9), who relies on the bus, added through the pupil form. */
async function addPupil(page: Page): Promise<string> {
  await page.goto('/#/pupils/new');
  await page.getByLabel('Legal first name').fill('Jade');
  await page.getByLabel('Legal surname').fill('Margate');
  await page.getByLabel('Date of birth').fill('2011-10-05');
  await page.getByRole('combobox', { name: /^School/ }).selectOption({ label: 'Margate Harbour School' });
  await page.getByLabel('UPN not known').check();
  await page.getByLabel('Postcode').fill('CT9 1AA');
  await page.getByLabel('How far they can travel each way (km)').fill('15');
  await page.getByLabel('Relies on public transport').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jade Margate');
  const pupil = (await readTable<StoredPupil>(page, 'pupils')).find((p) => p.legalSurname === 'Margate');
  if (!pupil) throw new Error('the young person was not saved');
  return pupil.id;
}

/** A Ramsgate (CT11) employer with its checks done and a June week for Year 10, added through the employer form. */
async function addEmployer(page: Page): Promise<void> {
  await page.goto('/#/employers/new');
  await page.getByRole('textbox', { name: 'Name (required)' }).fill('Ramsgate Harbour Engineering');
  await page.getByRole('combobox', { name: 'Sector (required)' }).selectOption({ label: 'Engineering and manufacturing' });
  await page.getByLabel('Postcode', { exact: true }).fill('CT11 9AA');
  await page.getByLabel('Risk assessment date').fill('2026-09-01');
  await page.getByLabel("Employer's liability insurance expires on").fill('2028-01-31');
  await page.getByLabel('Safeguarding arrangements confirmed').check();
  await page.getByRole('button', { name: 'Add an offer' }).click();
  const offer = page.getByTestId('offer-1');
  const period = page.getByRole('group', { name: 'Period 1 of offer 1' });
  await period.getByLabel('Start date').fill('2027-06-14');
  await period.getByLabel('End date').fill('2027-06-18');
  await period.getByLabel('Places (capacity)').fill('2');
  const yearTen = offer.getByLabel('Year 10', { exact: true });
  if (!(await yearTen.isChecked())) await yearTen.check();
  await offer.getByLabel('Minimum age').fill('14');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ramsgate Harbour Engineering');
}

/** In the spring term of 2026/27 (which the feeds cover), an empty app with the Margate school and its young person. */
async function startWithYoungPerson(page: Page): Promise<string> {
  await page.clock.install({ time: new Date('2027-03-01T09:00:00') });
  await openEmpty(page);
  await addSchool(page);
  return addPupil(page);
}

/** Allocates the school's Year 10 in the June week (the only period offered) from the Matching page. */
async function allocate(page: Page): Promise<void> {
  await page.goto('/#/matching');
  await page.getByRole('combobox', { name: /^School/ }).selectOption({ label: 'Margate Harbour School' });
  await page.getByRole('combobox', { name: /^Year group/ }).selectOption({ label: 'Year 10' });
  await expect(page.getByRole('combobox', { name: 'Work-experience period' })).not.toHaveValue('other');
  await page.getByRole('button', { name: 'Allocate placements' }).click();
  await expect(page.getByTestId('allocation-proposal')).toBeVisible({ timeout: 30_000 });
}

test("a young person's matches show the bus there and back from the imported timetable, and no bus home rules it out", async ({ page }) => {
  // The spring term of 2026/27, which the feeds' weekday calendar covers, whatever today's date.
  await page.clock.install({ time: new Date('2027-03-01T09:00:00') });
  const workers = watchWorkers(page);
  await openEmpty(page);
  await addSchool(page);
  const pupilId = await addPupil(page);
  await addEmployer(page);

  // No timetable yet: the card says its travel is estimated.
  await page.goto(`/#/pupils/${pupilId}/matches`);
  const card = page.getByTestId('offer-match').filter({ hasText: 'Ramsgate Harbour Engineering' });
  await expect(card.getByTestId('match-journey')).toHaveText('No timetable imported: estimated from distance');

  await importFeed(page, 'thanet-loop.zip', await zipFeed(feedFiles(outcodeCoastalLine())));
  await page.goto(`/#/pupils/${pupilId}/matches`);
  const journey = card.getByTestId('match-journey');
  await expect(journey).toContainText('Can get there by bus or train on 14/06/2027');
  await expect(journey).toContainText('Leaves 07:57, arrives 08:38, no changes; home 16:32 to 17:18');
  await expect(card).not.toContainText('(estimated: no timetable)');
  expect(workers.started.some((url) => url.includes('match'))).toBe(true);
  expect(workers.fellBack).toEqual([]);
  await expectAccessible(page, "a young person's matches with journeys");

  // The year group's allocation shows the journey on the line.
  await allocate(page);
  await expect(page.getByTestId('allocation-placed')).toContainText(
    'Bus or train on 14/06/2027: Can get there: Leaves 07:57, arrives 08:38, no changes; home 16:32 to 17:18',
  );
  await expectAccessible(page, 'an allocation with journeys');

  // The same line with its buses home taken off: nothing gets them home after 16:00, so it is ruled out.
  await importFeed(page, 'thanet-no-return.zip', await zipFeed(feedFiles(outcodeCoastalLineNoReturn())));
  await page.goto(`/#/pupils/${pupilId}/matches`);
  await expect(page.getByTestId('no-offers')).toBeVisible();
  await page.getByTestId('ruled-out').locator('summary').click();
  await expect(page.getByTestId('ruled-out-item').filter({ hasText: 'Ramsgate Harbour Engineering' })).toContainText(
    'No way there and back by public transport on 14/06/2027: No journey home leaving after 16:00',
  );
  await expectAccessible(page, "a young person's matches with a place ruled out by the journey home");

  // And the allocation leaves them out, saying why.
  await allocate(page);
  await expect(page.getByTestId('allocation-unplaced')).toContainText('No suitable offer: 1 has no bus or train there and back');
});

test('the adviser picks the stop nearest home by typing and choosing; journeys start there; no bus home to it rules out', async ({
  page,
}) => {
  const pupilId = await startWithYoungPerson(page);
  await addEmployer(page);

  // No timetable yet: the picker says where to import one.
  await page.goto(`/#/pupils/${pupilId}/edit`);
  const picker = page.getByRole('group', { name: 'Stop nearest home' });
  await expect(picker.getByRole('link', { name: 'Import a timetable on the Data page to choose a stop' })).toHaveAttribute(
    'href',
    '#/data',
  );

  await importFeed(page, 'thanet-westgate.zip', await zipFeed(feedFiles(westgateFeeder())));
  await page.goto(`/#/pupils/${pupilId}/matches`);
  const card = page.getByTestId('offer-match').filter({ hasText: 'Ramsgate Harbour Engineering' });
  // From the CT9 centre: the bus from Margate.
  await expect(card.getByTestId('match-journey')).toContainText('Leaves 07:57, arrives 08:38, no changes; home 16:32 to 17:18');

  // Type part of the name, then choose with the keyboard from the list (nearest CT9 first).
  await page.goto(`/#/pupils/${pupilId}/edit`);
  const search = picker.getByRole('searchbox', { name: "Search the timetable's stops by name" });
  await search.fill('westgate');
  const result = picker.getByRole('button', { name: /^Westgate-on-Sea, Station Road \(WGT, 3\.\d km from CT9 centre\)$/ });
  await expect(result).toBeVisible();
  await expectAccessible(page, 'the stop picker with its results');
  await search.press('Tab');
  await expect(result).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(picker.getByTestId('stop-picker-chosen')).toHaveText('Chosen: Westgate-on-Sea, Station Road');
  await expect(picker.getByRole('button', { name: 'Clear stop nearest home' })).toBeFocused();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jade Margate');
  const saved = (await readTable<StoredPupil & { travel: { homeStop?: unknown } }>(page, 'pupils')).find((p) => p.id === pupilId);
  await expect(page.getByTestId('home-stop')).toHaveText('Westgate-on-Sea, Station Road');
  expect(saved?.travel.homeStop).toEqual({ stopId: 'WGT', name: 'Westgate-on-Sea, Station Road' });

  // The journey now starts at Westgate: the feeder bus, a change at Margate, and home by the feeder.
  await page.goto(`/#/pupils/${pupilId}/matches`);
  const journey = card.getByTestId('match-journey');
  await expect(journey).toContainText('Can get there by bus or train on 14/06/2027');
  await expect(journey).toContainText('Leaves 07:40, arrives 08:38, 1 change; home 16:32 to 17:43');
  await expect(journey.getByTestId('journey-note')).toHaveText('From their home stop, Westgate-on-Sea, Station Road');
  await expectAccessible(page, "a young person's matches with journeys from their home stop");

  // Nothing goes back to Westgate after 16:00 (though buses still go home to Margate): the allocation leaves them out.
  await importFeed(page, 'thanet-westgate-no-return.zip', await zipFeed(feedFiles(westgateFeederNoReturn())));
  await allocate(page);
  await expect(page.getByTestId('allocation-unplaced')).toContainText('No suitable offer: 1 has no bus or train there and back');

  // The employer's day finishes at 17:30: checked beside the field, then the journey home must leave after it.
  await importFeed(page, 'thanet-westgate.zip', await zipFeed(feedFiles(westgateFeeder())));
  await page.goto('/#/employers');
  await page.getByRole('link', { name: 'Ramsgate Harbour Engineering' }).click();
  await page.getByRole('link', { name: /^Edit/ }).first().click();
  const period = page.getByRole('group', { name: 'Period 1 of offer 1' });
  await expect(period.getByLabel('Day starts at')).toHaveValue('08:50');
  await period.getByLabel('Day finishes at').fill('08:00');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(period.getByText('The finish must be after the 08:50 start')).toBeVisible();
  await expectAccessible(page, "the employer form with the day's times and the stop picker");
  await period.getByLabel('Day finishes at').fill('17:30');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ramsgate Harbour Engineering');
  await expect(page.getByTestId('workplace-stop')).toHaveText("None chosen: journeys end at the outcode's centre");
  await page.goto(`/#/pupils/${pupilId}/matches`);
  await page.getByTestId('ruled-out').locator('summary').click();
  await expect(page.getByTestId('ruled-out-item').filter({ hasText: 'Ramsgate Harbour Engineering' })).toContainText(
    'No way there and back by public transport on 14/06/2027: No journey home leaving after 17:30',
  );
});

test("proposing a placement with no published service asks for their travel plan, linked to the placement's paperwork", async ({
  page,
}) => {
  const pupilId = await startWithYoungPerson(page);
  await page.goto(`/#/pupils/${pupilId}/edit`);
  await page.getByLabel('How far they can travel each way (km)').fill('100');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jade Margate');
  await addEmployer(page);
  // The employer moves to Maidstone (ME14), where this Thanet timetable has no stop.
  await page.getByRole('link', { name: /^Edit/ }).first().click();
  await page.getByLabel('Postcode', { exact: true }).fill('ME14 1XX');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ramsgate Harbour Engineering');
  await importFeed(page, 'thanet-loop.zip', await zipFeed(feedFiles(outcodeCoastalLine())));

  await page.goto(`/#/pupils/${pupilId}/matches`);
  const card = page.getByTestId('offer-match').filter({ hasText: 'Ramsgate Harbour Engineering' });
  await expect(card.getByTestId('match-journey')).toContainText('No published service by bus or train on 14/06/2027');
  await card.getByRole('button', { name: /^Accept: propose a placement/ }).click();
  const ask = page.getByTestId('travel-plan-wanted');
  await expect(ask).toContainText('No published bus or train service to Ramsgate Harbour Engineering');
  await expectAccessible(page, 'a proposed placement asking for a travel plan');
  await ask.getByRole('link', { name: "record their travel plan on the placement's paperwork" }).click();
  // The ways a timetable does not show are there to tick, with the details in words.
  const plan = page.getByRole('group', { name: 'Travel plan' });
  await expect(plan.getByLabel('Demand-responsive or community transport')).toBeVisible();
  await plan.getByLabel('School bus').check();
  await plan.getByLabel('Travel plan details').fill('The 07:55 school bus from Cliftonville; home on the 15:40.');
  await expectAccessible(page, "the placement's paperwork with the travel plan's ways");
});

test("a route card shows the journey to the campus's picked stop on the route's start, and no bus home rules the route out", async ({
  page,
}) => {
  const pupilId = await startWithYoungPerson(page);
  // Jade is in Year 10: her post-16 start is September 2028, which this feed covers.
  await importFeed(page, 'thanet-to-2029.zip', await zipFeed(feedFiles(runningUntil2029(outcodeCoastalLine()))));

  // A college with a Ramsgate campus, its nearest stop picked in the provider dialog.
  await page.goto('/#/routes');
  await page.getByRole('button', { name: 'Add a provider' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a provider' });
  await dialog.getByLabel('Name').fill('East Kent College');
  await dialog.getByRole('combobox', { name: /^Kind of provider/ }).selectOption({ label: 'Further education college' });
  await dialog.getByRole('button', { name: 'Add a campus' }).click();
  await dialog.getByLabel('Campus name').fill('Ramsgate campus');
  await dialog.getByLabel('Outcode').fill('CT11');
  const picker = dialog.getByRole('group', { name: 'Stop nearest campus 1' });
  await picker.getByRole('searchbox', { name: "Search the timetable's stops by name" }).fill('king');
  const result = picker.getByRole('button', { name: /^Ramsgate, King Street \(RAM, \d+ m from CT11 centre\)$/ });
  await expect(result).toBeVisible();
  await expectAccessible(page, 'the provider dialog with the campus stop picker');
  await result.click();
  await expect(picker.getByTestId('stop-picker-chosen')).toHaveText('Chosen: Ramsgate, King Street');
  await dialog.getByRole('button', { name: 'Save provider' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('provider-table')).toContainText('Ramsgate campus, CT11 (Thanet) · stop: Ramsgate, King Street');

  await page.getByRole('link', { name: 'Add a route' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add a route' })).toBeVisible();
  await page.getByRole('combobox', { name: /^Provider/ }).selectOption({ label: 'East Kent College' });
  await page.getByLabel('Title').fill('Level 2 diploma in Engineering');
  await page.getByRole('combobox', { name: /^Kind of route/ }).selectOption({ label: 'Vocational course' });
  await page.getByRole('combobox', { name: /^Level/ }).selectOption({ label: 'Level 2' });
  await page.getByRole('button', { name: 'Add a start date' }).click();
  await page.getByLabel('Start date 1').fill('2028-09-04');
  await expect(page.getByLabel('Title')).toHaveValue('Level 2 diploma in Engineering');
  await page.getByRole('button', { name: 'Save route' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Post-16 routes' })).toBeVisible();

  // To the campus's stop (no walk on to the CT11 centre) on the start, arriving by 08:50 and home after 16:00.
  await page.goto(`/#/pupils/${pupilId}/matches`);
  const card = page.getByTestId('route-match').filter({ hasText: 'Level 2 diploma in Engineering' });
  await expect(card.getByTestId('route-start')).toHaveText('Starts 04/09/2028');
  const journey = card.getByTestId('match-journey');
  await expect(journey).toContainText('Can get there by bus or train on 04/09/2028');
  await expect(journey).toContainText('Leaves 07:57, arrives 08:35, no changes; home 16:35 to 17:18');
  await expect(journey.getByTestId('journey-note')).toHaveText("To the campus's stop, Ramsgate, King Street");
  await expectAccessible(page, "a young person's route matches with journeys");

  // No bus home after 16:00: ruled out for a young person who relies on the bus, saying why.
  await importFeed(page, 'thanet-to-2029-no-return.zip', await zipFeed(feedFiles(runningUntil2029(outcodeCoastalLineNoReturn()))));
  await page.goto(`/#/pupils/${pupilId}/matches`);
  await expect(page.getByTestId('route-match')).toHaveCount(0);
  await page.getByTestId('ruled-out').locator('summary').click();
  await expect(page.getByTestId('ruled-out-item').filter({ hasText: 'Level 2 diploma in Engineering' })).toContainText(
    'No way there and back by public transport on 04/09/2028: No journey home leaving after 16:00',
  );
});

test("without a timetable, the offer card shows the adviser's judgement on public transport beside the journey line", async ({ page }) => {
  const pupilId = await startWithYoungPerson(page);
  await addEmployer(page);
  await page.getByRole('link', { name: /^Edit/ }).first().click();
  await page.getByRole('combobox', { name: "Adviser's judgement on public transport" }).selectOption({ label: 'Reachable' });
  await page.getByRole('textbox', { name: 'Note (required)' }).fill('The Loop stops at the gate');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ramsgate Harbour Engineering');

  await page.goto(`/#/pupils/${pupilId}/matches`);
  const card = page.getByTestId('offer-match').filter({ hasText: 'Ramsgate Harbour Engineering' });
  await expect(card.getByTestId('match-journey')).toHaveText('No timetable imported: estimated from distance');
  await expect(card.getByTestId('match-adviser-transport')).toHaveText(
    'The adviser judged it reachable by public transport: The Loop stops at the gate',
  );
  // Said once, beside the journey line, not again among the reasons.
  await expect(card.getByText('The adviser judged it', { exact: false })).toHaveCount(1);
});
