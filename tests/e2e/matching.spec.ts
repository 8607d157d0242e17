import { expect, test, type Page } from '@playwright/test';
import { matchPupil, type MatchContext } from '../../shared/matching';
import { academicYearStartYear, addDays, formatUkDate, yearGroupOf } from '../../shared/academic-year';
import { intendedDestinationFor } from '../../shared/routes/destination';
import { destinationLabel } from '../../shared/reference';
import type { Employer, Placement, Provider, Pupil, Route } from '../../shared/model';
import { expectAccessible, localToday, openWithDemoData, readPlacements, readTable, watchWorkers } from './support';
import { allocateYearTen } from './allocation';

interface StoredAudit {
  entity: string;
  action: string;
  pupilId: string | null;
  recordId: string | null;
  /** The order the log was written in. */
  seq: number;
}

function nameOf(pupil: Pupil): string {
  return `${pupil.preferredForename || pupil.legalForename} ${pupil.preferredSurname || pupil.legalSurname}`;
}

async function readAll(page: Page): Promise<Omit<MatchContext, 'today'> & { pupils: Pupil[] }> {
  const [pupils, employers, routes, providers, placements] = await Promise.all([
    readTable<Pupil>(page, 'pupils'),
    readTable<Employer>(page, 'employers'),
    readTable<Route>(page, 'routes'),
    readTable<Provider>(page, 'providers'),
    readPlacements<Placement>(page),
  ]);
  return { pupils, employers, routes, providers, placements };
}

test('matches a Year 10 pupil: ranked offers with reasons, what was ruled out, and accepting an offer', async ({ page }) => {
  await openWithDemoData(page);
  const today = await localToday(page);
  const all = await readAll(page);
  // A Year 10 pupil at school with work-experience offers open to them.
  const candidate = all.pupils
    .filter((p) => yearGroupOf(p, today) === 10 && p.schoolId)
    .map((pupil) => ({ pupil, matches: matchPupil(pupil, { ...all, today }) }))
    .find(({ matches }) => matches.offers.length > 0);
  expect(candidate, 'a demo Year 10 pupil with offers').toBeDefined();
  const { pupil, matches } = candidate!;
  const name = nameOf(pupil);

  // From the pupil's page, "Find employers and routes" opens their matches, ranked in a worker.
  const workers = watchWorkers(page);
  await page.goto(`/#/pupils/${pupil.id}`);
  await page.getByRole('link', { name: 'Find employers and routes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Matches for ${name}`);

  const bestOffer = matches.offers[0]!;
  if (bestOffer.kind !== 'offer') throw new Error('expected an offer');
  const offerCards = page.getByTestId('offer-match');
  await expect(offerCards).toHaveCount(Math.min(10, matches.offers.length));
  await expect(offerCards.first().getByRole('heading', { level: 3 })).toHaveText(bestOffer.employerName);
  await expect(offerCards.first()).toContainText(`${bestOffer.score} out of 100`);
  expect(workers.started.some((url) => url.includes('match.worker'))).toBe(true);
  expect(workers.fellBack).toEqual([]);
  for (const reason of bestOffer.reasons)
    await expect(offerCards.first().getByRole('listitem').filter({ hasText: reason }).first()).toBeVisible();

  // What was ruled out is collapsed until asked for, and says why.
  const ruledOut = page.getByTestId('ruled-out');
  await expect(ruledOut.getByTestId('ruled-out-item').first()).toBeHidden();
  await ruledOut.locator('summary').click();
  const firstExcluded = matches.excluded[0]!;
  await expect(ruledOut.getByTestId('ruled-out-item').first()).toContainText(firstExcluded.exclusions[0]!);
  await expect(ruledOut.getByTestId('ruled-out-item')).toHaveCount(Math.min(200, matches.excluded.length));
  await expectAccessible(page, 'the pupil matches page');

  // Accepting the best offer proposes a placement, with its audit entry (the demo may already have proposed
  // one for another week: only the new one counts).
  const proposedBefore = new Set(
    (await readPlacements<Placement>(page)).filter((p) => p.pupilId === pupil.id && p.status === 'proposed').map((p) => p.id),
  );
  await offerCards
    .first()
    .getByRole('button', { name: /^Accept: propose a placement/ })
    .click();
  await expect(page.getByTestId('undo-toast')).toContainText(`Proposed a placement at ${bestOffer.employerName}`);
  const placements = (await readPlacements<Placement>(page)).filter(
    (p) => p.pupilId === pupil.id && p.status === 'proposed' && !proposedBefore.has(p.id),
  );
  expect(placements).toHaveLength(1);
  expect(placements[0]).toMatchObject({
    employerId: bestOffer.employerId,
    offerId: bestOffer.offerId,
    start: bestOffer.periodStart,
    end: bestOffer.periodEnd,
  });
  const audit = await readTable<StoredAudit>(page, 'audit');
  expect(audit.filter((a) => a.recordId === placements[0]!.id)).toEqual([
    expect.objectContaining({ entity: 'placement', action: 'create', pupilId: pupil.id }),
  ]);
  // The offer now sits among those ruled out: they already have a placement on those dates. The same
  // kept worker ranked again, its prepared directory dropped because the placements changed.
  await expect(ruledOut).toContainText('Already has a placement here for these dates');
  expect(workers.started.filter((url) => url.includes('match.worker'))).toHaveLength(1);

  // The placement shows on the pupil's page.
  await page.getByRole('link', { name: `Back to ${name}'s page` }).click();
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toContainText(`Placement: ${bestOffer.employerName}`);
  await expect(timeline).toContainText('Proposed');
});

test('accepting a route records the intended destination, asking for the code where the route does not settle it', async ({ page }) => {
  await openWithDemoData(page);
  const today = await localToday(page);
  const all = await readAll(page);
  const providerKind = new Map(all.providers.map((p) => [p.id, p.kind]));
  const settles = (m: ReturnType<typeof matchPupil>['routes'][number] | undefined) =>
    m?.kind === 'route' && intendedDestinationFor(m.routeKind, providerKind.get(m.providerId) ?? null).certain;
  // A Year 11 leaver, whose best route settles its code, and who can have Connect to Work (a health condition or SEND).
  const candidate = all.pupils
    .filter((p) => yearGroupOf(p, today) === 11 && p.schoolId)
    .map((pupil) => ({ pupil, matches: matchPupil(pupil, { ...all, today }) }))
    .find(
      ({ matches }) => settles(matches.routes[0]) && matches.routes.some((r) => r.kind === 'route' && r.routeKind === 'connect-to-work'),
    );
  expect(candidate, 'a demo Year 11 pupil with routes').toBeDefined();
  const { pupil, matches } = candidate!;
  const name = nameOf(pupil);
  await page.goto(`/#/pupils/${pupil.id}/matches`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Matches for ${name}`);

  const bestRoute = matches.routes[0]!;
  if (bestRoute.kind !== 'route') throw new Error('expected a route');
  const routeCards = page.getByTestId('route-match');
  await expect(routeCards).toHaveCount(Math.min(10, matches.routes.length));
  await expect(routeCards.first().getByRole('heading', { level: 3 })).toHaveText(bestRoute.routeTitle);
  await expect(routeCards.first()).toContainText(`${bestRoute.score} out of 100`);
  await expect(routeCards.first().getByRole('listitem').filter({ hasText: bestRoute.reasons[0]! }).first()).toBeVisible();

  // The best route settles the code: accepting records it at once, with an audit entry.
  const expected = intendedDestinationFor(bestRoute.routeKind, providerKind.get(bestRoute.providerId) ?? null).code;
  await routeCards
    .first()
    .getByRole('button', { name: /^Accept: record as intended destination/ })
    .click();
  await expect(page.getByTestId('undo-toast')).toContainText(`intended destination: ${expected}`);
  await expect(page.getByTestId('intended-destination')).toContainText(expected);
  expect((await readTable<Pupil>(page, 'pupils')).find((p) => p.id === pupil.id)!.intendedDestination).toBe(expected);
  // Recorded as an entry of their destinations history, with its own audit entry.
  expect(
    (await readTable<StoredAudit>(page, 'audit')).some(
      (a) => a.entity === 'destination' && a.action === 'create' && a.pupilId === pupil.id,
    ),
  ).toBe(true);

  // Connect to Work does not: the adviser is asked, starting from a DWP programme (440).
  if (matches.routes.length > 10) await page.getByRole('button', { name: `Show all ${matches.routes.length} routes` }).click();
  const connect = routeCards.filter({ has: page.getByRole('heading', { name: 'Connect to Work supported employment' }) });
  await connect.getByRole('button', { name: /^Accept: record as intended destination/ }).click();
  const chooser = connect.getByTestId('destination-chooser');
  await expect(chooser.getByRole('combobox', { name: 'Destination code' })).toBeFocused();
  await expect(chooser.getByRole('combobox', { name: 'Destination code' })).toHaveValue('440');
  await expectAccessible(page, 'the destination chooser');
  await chooser.getByRole('combobox', { name: 'Destination code' }).selectOption('340');
  await chooser.getByRole('button', { name: 'Record intended destination' }).click();
  await expect(page.getByTestId('intended-destination')).toContainText('340 Employment with other training');
  expect((await readTable<Pupil>(page, 'pupils')).find((p) => p.id === pupil.id)!.intendedDestination).toBe('340');

  await page.getByRole('link', { name: `Back to ${name}'s page` }).click();
  await expect(page.getByTestId('timeline')).toContainText('Intended destination — 340 Employment with other training');
});

test('Undo after Accept withdraws the proposed placement and puts the intended destination back', async ({ page }) => {
  await openWithDemoData(page);
  const today = await localToday(page);
  const all = await readAll(page);
  const providerKind = new Map(all.providers.map((p) => [p.id, p.kind]));
  // A young person at school with an offer open to them and a best route that settles its code.
  const candidate = all.pupils
    .filter((p) => p.schoolId && [10, 11].includes(yearGroupOf(p, today)))
    .map((pupil) => ({ pupil, matches: matchPupil(pupil, { ...all, today }) }))
    .find(({ pupil, matches }) => {
      const route = matches.routes[0];
      if (matches.offers.length === 0 || route?.kind !== 'route') return false;
      const settled = intendedDestinationFor(route.routeKind, providerKind.get(route.providerId) ?? null);
      // Accepting changes what is recorded, so Undo has something to put back.
      return settled.certain && settled.code !== pupil.intendedDestination;
    });
  expect(candidate, 'a demo young person with an offer and a route').toBeDefined();
  const { pupil, matches } = candidate!;
  const before = pupil.intendedDestination;
  await page.goto(`/#/pupils/${pupil.id}/matches`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Matches for ${nameOf(pupil)}`);
  const toast = page.getByTestId('undo-toast');
  // A polite live region: announced without interrupting, and never taking focus.
  await expect(toast).toHaveAttribute('role', 'status');
  const focusInToast = () => page.evaluate(() => document.activeElement?.closest('[data-testid="undo-toast"]') !== null);

  const offer = matches.offers[0]!;
  if (offer.kind !== 'offer') throw new Error('expected an offer');
  await page
    .getByTestId('offer-match')
    .first()
    .getByRole('button', { name: /^Accept: propose a placement/ })
    .click();
  await expect(toast).toContainText(`Proposed a placement at ${offer.employerName}`);
  expect(await focusInToast()).toBe(false);
  const proposed = (await readPlacements<Placement>(page)).filter((p) => p.pupilId === pupil.id && p.status === 'proposed');
  expect(proposed).toHaveLength(1);
  await expectAccessible(page, 'the matches page with the Undo toast');

  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('match-message')).toContainText(`Withdrew the proposed placement at ${offer.employerName}`);
  await expect(toast.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  expect((await readPlacements<Placement>(page)).filter((p) => p.pupilId === pupil.id && p.status === 'proposed')).toEqual([]);
  const audit = await readTable<StoredAudit>(page, 'audit');
  const trail = audit.filter((a) => a.recordId === proposed[0]!.id).sort((a, b) => a.seq - b.seq);
  expect(trail.map((a) => a.action)).toEqual(['create', 'delete']);
  // The offer is open to them again.
  await expect(page.getByTestId('offer-match').first().getByRole('heading', { level: 3 })).toHaveText(offer.employerName);

  // The route: Undo puts back what was there before (a code, or nothing at all).
  await page
    .getByTestId('route-match')
    .first()
    .getByRole('button', { name: /^Accept: record as intended destination/ })
    .click();
  await expect(toast).toContainText('intended destination');
  expect(await focusInToast()).toBe(false);
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('match-message')).toContainText(`Intended destination back to`);
  await expect(page.getByTestId('intended-destination')).toHaveText(`Intended destination: ${destinationLabel(before)}`);
  expect((await readTable<Pupil>(page, 'pupils')).find((p) => p.id === pupil.id)!.intendedDestination).toBe(before);
});

test("a Year 10's matches list the post-16 routes they could start after Year 11, with the start year, and each card its town", async ({
  page,
}) => {
  await openWithDemoData(page);
  const today = await localToday(page);
  const all = await readAll(page);
  const candidate = all.pupils
    .filter((p) => yearGroupOf(p, today) === 10)
    .map((pupil) => ({ pupil, matches: matchPupil(pupil, { ...all, today }) }))
    .find(
      ({ matches }) => matches.offers.length > 0 && matches.routes.some((r) => r.kind === 'route' && r.routeKind !== 'connect-to-work'),
    );
  expect(candidate, 'a demo Year 10 with offers and post-16 routes').toBeDefined();
  const { pupil, matches } = candidate!;
  // Not ruled out for being too young for next September's intake.
  expect(matches.excluded.some((e) => e.kind === 'route' && e.exclusions.some((why) => why.startsWith('Aged 15 on')))).toBe(false);
  const startYear = academicYearStartYear(today) + 2;

  await page.goto(`/#/pupils/${pupil.id}/matches`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Matches for ${nameOf(pupil)}`);
  const routeCards = page.getByTestId('route-match');
  await expect(routeCards).toHaveCount(Math.min(10, matches.routes.length));
  const course = matches.routes.find((r) => r.kind === 'route' && r.routeKind !== 'connect-to-work')!;
  if (course.kind !== 'route') throw new Error('expected a route');
  const card = routeCards.filter({ has: page.getByRole('heading', { level: 3, name: course.routeTitle, exact: true }) }).first();
  await expect(card.getByTestId('route-start')).toHaveText(`Starts September ${startYear}, after Year 11`);
  if (course.town) await expect(card.getByTestId('match-where')).toContainText(course.town);

  // The offer cards show the employer's town, and the journey as an estimate.
  const bestOffer = matches.offers[0]!;
  if (bestOffer.kind !== 'offer') throw new Error('expected an offer');
  expect(bestOffer.town).not.toBeNull();
  const offerCard = page.getByTestId('offer-match').first();
  await expect(offerCard.getByTestId('match-where')).toContainText(bestOffer.town!);
  if (bestOffer.travelText) await expect(offerCard).toContainText('(estimated: no timetable)');
  await expectAccessible(page, "a Year 10's matches");
});

test('allocates a Year 10 cohort, changes a line by hand, and confirms the placements in one step', async ({ page }) => {
  await openWithDemoData(page);
  const all = await readAll(page);
  const placementsBefore = all.placements.length;

  const { school, cohort, proposal, workers } = await allocateYearTen(page, () => expectAccessible(page, 'the matching page'));
  // The optimiser ran in a Web Worker, off the page's thread.
  expect(workers.some((url) => url.includes('allocate.worker'))).toBe(true);
  const placedRows = proposal.getByTestId('allocation-placed');
  const placed = await placedRows.count();
  expect(placed).toBeGreaterThan(1);
  await expect(proposal.getByTestId('allocation-summary')).toContainText(`${placed} of ${cohort.length} young people placed`);
  // Every placed line gives its fit in numbers and words, and its reasons.
  await expect(placedRows.first()).toContainText('out of 100');
  await expect(placedRows.first().getByRole('listitem').first()).toBeVisible();
  await expectAccessible(page, 'the allocation proposal');

  // Take the first placed young person out of the proposal by hand.
  const changed = (await placedRows.first().getByRole('rowheader').innerText()).trim();
  const first = proposal.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: changed, exact: true }) });
  await first.getByRole('button', { name: /^Change/ }).click();
  const select = first.getByTestId('line-select');
  await expect(select).toBeFocused();
  await expectAccessible(page, 'a proposal line being changed');
  await select.selectOption('not-placed');
  await first.getByRole('button', { name: /^Done/ }).click();
  await expect(first).toContainText('Taken out of the proposal by hand');
  await expect(first.getByRole('button', { name: /^Change/ })).toBeFocused();
  await expect(proposal.getByTestId('allocation-summary')).toContainText(`${placed - 1} of ${cohort.length} young people placed`);

  await page.getByTestId('confirm-allocation').click();
  await expect(page.getByTestId('allocation-message')).toContainText(
    `Created ${placed - 1} proposed placements for Year 10 at ${school.name}`,
  );
  const after = await readPlacements<Placement>(page);
  expect(after.length).toBe(placementsBefore + placed - 1);
  const created = after.filter((p) => !all.placements.some((b) => b.id === p.id));
  expect(created.every((p) => p.status === 'proposed')).toBe(true);
  const changedPupil = cohort.find((p) => nameOf(p) === changed)!;
  expect(created.some((p) => p.pupilId === changedPupil.id)).toBe(false);
  const audit = await readTable<StoredAudit>(page, 'audit');
  for (const p of created) expect(audit.some((a) => a.entity === 'placement' && a.recordId === p.id && a.pupilId === p.pupilId)).toBe(true);

  // The young person taken out by hand is listed as left unplaced, with the reason; the placements are on the young people's pages.
  const result = page.getByTestId('allocation-result');
  await expect(result.getByTestId('result-unplaced').locator('tr', { hasText: changed })).toContainText(
    'Taken out of the proposal by hand',
  );
  const one = created[0]!;
  const employer = all.employers.find((e) => e.id === one.employerId)!;
  await result
    .getByTestId('result-placed')
    .getByRole('link', { name: nameOf(all.pupils.find((p) => p.id === one.pupilId)!), exact: true })
    .click();
  await expect(page.getByTestId('timeline')).toContainText(`Placement: ${employer.name}`);
});

test('the routes directory filters by kind, and adding a route or a provider checks each field', async ({ page }) => {
  await openWithDemoData(page);
  const routes = await readTable<Route>(page, 'routes');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Routes' }).click();
  await expect(page.getByTestId('route-count')).toHaveText(`${routes.length} routes match`);
  await expectAccessible(page, 'the routes directory');

  const apprenticeships = routes.filter((r) => r.kind === 'apprenticeship');
  await page.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Apprenticeship' });
  await expect(page.getByTestId('route-count')).toHaveText(`${apprenticeships.length} routes match`);
  // The directory shows 20 a page.
  await expect(page.getByTestId('route-row')).toHaveCount(Math.min(20, apprenticeships.length));
  for (const kind of await page.getByTestId('route-kind').allInnerTexts()) expect(kind).toBe('Apprenticeship');
  await expect(page.getByTestId('route-row').first()).toContainText(/GCSE grade \d in English and maths/);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('route-count')).toHaveText(`${routes.length} routes match`);

  // A provider with one campus: the district follows the outcode.
  await page.getByRole('button', { name: 'Add a provider' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a provider' });
  await dialog.getByRole('button', { name: 'Save provider' }).click();
  await expect(dialog.getByTestId('error-summary')).toContainText("Enter the provider's name");
  await dialog.getByLabel('Name').fill('Thanet Skills Centre');
  await dialog.getByRole('combobox', { name: /^Kind of provider/ }).selectOption({ label: 'Training provider' });
  await dialog.getByRole('button', { name: 'Add a campus' }).click();
  await dialog.getByLabel('Campus name').fill('Margate centre');
  await dialog.getByLabel('Outcode').fill('ct9');
  await expectAccessible(page, 'the provider dialog');
  await dialog.getByRole('button', { name: 'Save provider' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('provider-table')).toContainText('Margate centre, CT9 (Thanet)');

  // A route: every problem is listed, and nothing is saved until they are fixed.
  await page.getByRole('link', { name: 'Add a route' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add a route' })).toBeVisible();
  await page.getByRole('button', { name: 'Add a start date' }).click();
  await page.getByRole('button', { name: 'Save route' }).click();
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Choose the provider that runs this route');
  await expect(summary).toContainText('Start date 1: Enter the start date, or remove this row');
  await expectAccessible(page, 'the route form with errors');
  expect((await readTable(page, 'routes')).length).toBe(routes.length);

  await page.getByRole('combobox', { name: /^Provider/ }).selectOption({ label: 'Thanet Skills Centre' });
  await page.getByLabel('Title').fill('Level 2 diploma in Digital Skills');
  await page.getByRole('combobox', { name: /^Kind of route/ }).selectOption({ label: 'Vocational course' });
  await page.getByRole('combobox', { name: /^Level/ }).selectOption({ label: 'Level 2' });
  await page.getByRole('combobox', { name: 'GCSE English grade asked for' }).selectOption({ label: 'Grade 3' });
  await page.getByRole('combobox', { name: 'GCSE maths grade asked for' }).selectOption({ label: 'Grade 3' });
  await page.getByLabel('Start date 1').fill('2030-09-02');
  await page.getByRole('button', { name: 'Save route' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Post-16 routes' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search by title or provider' }).fill('digital skills thanet');
  await expect(page.getByTestId('route-count')).toHaveText('1 route matches');
  const row = page.getByTestId('route-row');
  await expect(row).toContainText('GCSE grade 3 in English and maths');
  await expect(row).toContainText('Margate centre, CT9 (Thanet)');
  await expect(row).toContainText('02/09/2030');
  await expect(row).toContainText('Kent Choices');
  const audit = await readTable<StoredAudit>(page, 'audit');
  expect(audit.filter((a) => a.entity === 'route' && a.action === 'create')).toHaveLength(1);
});

test("an employer added with expired insurance is ruled out of a pupil's matches, saying why", async ({ page }) => {
  await openWithDemoData(page);
  const today = await localToday(page);
  const all = await readAll(page);
  const pupil = all.pupils.find((p) => yearGroupOf(p, today) === 10 && p.schoolId && p.outcode)!;
  const yesterday = addDays(today, -1);
  const ukYesterday = formatUkDate(yesterday);
  // A week no demo employer offers, so the match for it holds only this employer.
  const week = { start: `${Number(today.slice(0, 4)) + 1}-07-05`, end: `${Number(today.slice(0, 4)) + 1}-07-09` };

  await page.goto('/#/employers/new');
  await page.getByRole('textbox', { name: 'Name (required)' }).fill('Harbour Test Garage');
  await page.getByRole('combobox', { name: 'Sector (required)' }).selectOption({ label: 'Engineering and manufacturing' });
  await page.getByLabel('Postcode', { exact: true }).fill(`${pupil.outcode} 1AA`);
  await page.getByRole('button', { name: 'Add an offer' }).click();
  const period = page.getByRole('group', { name: 'Period 1 of offer 1' });
  await period.getByLabel('Start date').fill(week.start);
  await period.getByLabel('End date').fill(week.end);
  await period.getByLabel('Places (capacity)').fill('2');
  await page.getByLabel('Risk assessment date').fill(yesterday);
  await page.getByLabel("Employer's liability insurance expires on").fill(yesterday);
  await page.getByLabel('Safeguarding arrangements confirmed').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Harbour Test Garage');

  await page.goto(`/#/pupils/${pupil.id}/matches`);
  await page.getByLabel('First day').fill(week.start);
  await page.getByLabel('Last day').fill(week.end);
  await page.getByRole('button', { name: 'Match these dates' }).click();
  const ruledOut = page.getByTestId('ruled-out');
  await ruledOut.locator('summary').click();
  const item = ruledOut.getByTestId('ruled-out-item').filter({ hasText: 'Harbour Test Garage' });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(`insurance expired on ${ukYesterday}`);
  await expect(page.getByTestId('offer-match').filter({ hasText: 'Harbour Test Garage' })).toHaveCount(0);
  await expectAccessible(page, 'the matches page with an employer ruled out');
});
