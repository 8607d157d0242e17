import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, openEmpty, openWithDemoData, readTable, type StoredEmployer, type StoredPupil } from './support';

// A Wednesday in the autumn term: the week runs from Monday 23/11/2026 to Sunday 29/11/2026.
const TERM_DAY = new Date('2026-11-25T09:00:00');

const SECTIONS = [
  { testId: 'today-reviews', title: 'Reviews due this week', empty: 'No reviews are due this week, and none is overdue.' },
  { testId: 'today-actions', title: 'Overdue actions', empty: 'No actions are overdue.' },
  {
    testId: 'today-not-seen',
    title: 'Years 11 and 13 not yet seen this year',
    empty: 'Every young person in Years 11 and 13 has had a guidance meeting since 01/09/2026.',
  },
  { testId: 'today-placements', title: 'Placements needing a step', empty: 'No placements need a step.' },
  { testId: 'today-drafts', title: 'Drafts left unsaved', empty: 'No drafts are left unsaved.' },
] as const;

/** The count a section's heading gives, "(12)". */
async function countOf(section: Locator): Promise<number> {
  const text = (await section.getByRole('heading', { level: 2 }).textContent()) ?? '';
  const found = /\((\d+)\)/.exec(text);
  expect(found, `a count in "${text}"`).not.toBeNull();
  return Number(found?.[1]);
}

/** Each section shows its items (as many as fit, up to eight) or its empty state, never both. */
async function expectItemsOrEmpty(page: Page): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { testId, title, empty } of SECTIONS) {
    const section = page.getByTestId(testId);
    await expect(section.getByRole('heading', { level: 2 })).toContainText(title);
    const count = await countOf(section);
    counts[testId] = count;
    if (count === 0) {
      await expect(section.getByText(empty)).toBeVisible();
      await expect(section.getByRole('listitem')).toHaveCount(0);
    } else {
      await expect(section.getByText(empty)).toHaveCount(0);
      await expect(section.getByRole('listitem')).toHaveCount(testId === 'today-drafts' ? count : Math.min(count, 8));
      if (count > 8) await expect(section).toContainText(`And ${count - 8} more.`);
    }
  }
  return counts;
}

test('Today is the landing page: each list shows its items or what would appear, and an item opens its young person', async ({ page }) => {
  test.setTimeout(90_000);
  await page.clock.install({ time: TERM_DAY });
  await openWithDemoData(page);
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(page.getByTestId('today-whose')).toHaveText(
    'For every adviser, 25/11/2026: choose who you are at the top of the window to see only yours.',
  );
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Today', exact: true })).toHaveAttribute('aria-current', 'page');

  // The lists are read again once the demo data is in: wait for that before counting.
  await expect(page.getByTestId('today-not-seen').getByRole('heading', { level: 2 })).not.toContainText('(0)');
  const counts = await expectItemsOrEmpty(page);
  // The demo caseload has Years 11 and 13 to see; nothing has been typed yet.
  expect(counts['today-not-seen']).toBeGreaterThan(0);
  expect(counts['today-drafts']).toBe(0);
  await expectAccessible(page, 'Today with demo data');

  // The first young person not yet seen: their page opens, and they are in Year 11 or 13 with no meeting since September.
  const notSeen = page.getByTestId('today-not-seen').getByRole('listitem').first();
  const notSeenName = (await notSeen.getByRole('link').textContent())?.trim() ?? '';
  await expect(notSeen).toContainText(/Year 1[13] · (no guidance meeting yet|last met \d\d\/\d\d\/20\d\d)/);
  await notSeen.getByRole('link').click();
  await expect(page).toHaveURL(/#\/pupils\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(notSeenName);
  const pupilId = /#\/pupils\/([0-9a-f-]+)$/.exec(page.url())?.[1];
  const stored = (await readTable<{ id: string; lastGuidanceOn: string | null }>(page, 'pupils')).find((p) => p.id === pupilId);
  expect(stored?.lastGuidanceOn === null || (stored?.lastGuidanceOn ?? '') < '2026-09-01').toBe(true);

  // A placement proposed from an employer's page waits on the adviser to contact the employer; its young person opens.
  await nav.getByRole('link', { name: 'Today', exact: true }).click();
  await expect(page.getByTestId('today-not-seen').getByRole('listitem').first()).toBeVisible();
  const placedBefore = await countOf(page.getByTestId('today-placements'));
  const pupils = await readTable<StoredPupil>(page, 'pupils');
  const key = (p: StoredPupil) => `${p.legalForename} ${p.legalSurname}`;
  const young = pupils.find((p) => !p.preferredForename && !p.preferredSurname && pupils.filter((o) => key(o) === key(p)).length === 1);
  const employers = await readTable<StoredEmployer>(page, 'employers');
  const employer = employers.find((e) => e.offers[0]?.periods.some((period) => period.start > '2026-11-25' && period.capacity > 0));
  expect(young && employer, 'a demo young person with a name of their own, and an employer with places to come').toBeTruthy();
  const name = young ? key(young) : '';
  await page.goto(`/#/employers/${employer?.id}`);
  const form = page.getByTestId('propose-placement');
  await form.getByRole('searchbox', { name: 'Search by name' }).fill(name);
  await form.getByRole('radio', { name: new RegExp(`^${name},`) }).check();
  await form.getByRole('combobox', { name: 'Offer and period' }).selectOption({ index: 1 });
  await form.getByRole('button', { name: 'Propose placement' }).click();
  await expect(form.getByRole('status')).toContainText(`Proposed a placement for ${name}`);
  await nav.getByRole('link', { name: 'Today', exact: true }).click();
  await expect(page.getByTestId('today-placements').getByRole('heading', { level: 2 })).toContainText(`(${placedBefore + 1})`);
  const placement = page.getByTestId('today-placements').getByRole('listitem').filter({ hasText: name });
  await expect(placement).toContainText(`${employer?.name} · Contact the employer`);
  await placement.getByRole('link', { name }).click();
  await expect(page).toHaveURL(new RegExp(`#/pupils/${young?.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

  // The charts have their own page in the navigation.
  await nav.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(page).toHaveURL(/#\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByTestId('caseload-counts')).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Risk of NEET' })).toBeVisible();
});

test('a draft left unsaved is on Today, and choosing an adviser shows only their caseload', async ({ page }) => {
  test.setTimeout(90_000);
  await page.clock.install({ time: TERM_DAY });
  await openWithDemoData(page);
  const pupils = await readTable<{ id: string; legalForename: string; preferredForename: string }>(page, 'pupils');
  const pupil = pupils[0];
  expect(pupil).toBeDefined();

  // Notes typed in a guidance session, and the adviser called away before saving.
  await page.goto(`/#/pupils/${pupil?.id}/sessions/new`);
  await page.getByLabel('Notes', { exact: true }).fill('Talked about apprenticeships; to carry on after the bell.');
  await expect(page.getByTestId('draft-status')).toHaveText(/Draft saved \d\d:\d\d/);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today', exact: true }).click();
  const drafts = page.getByTestId('today-drafts');
  await expect(drafts.getByRole('heading', { level: 2 })).toContainText('(1)');
  const draft = drafts.getByRole('listitem');
  await expect(draft).toContainText(/A guidance session, typed (just now|1 minute ago)/);
  await draft.getByRole('link', { name: /^Carry on/ }).click();
  await expect(page.getByTestId('draft-offer')).toContainText('You have an unsaved draft');

  // The home-education liaison officer chooses who they are: Today says so, and lists only their young people.
  const advisers = await readTable<{ id: string; name: string; role: string }>(page, 'advisers');
  const officer = advisers.find((a) => a.role === 'home-education-officer');
  expect(officer, 'a demo home-education officer').toBeDefined();
  await page.getByLabel('Adviser using this computer').selectOption({ label: officer?.name ?? '' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today', exact: true }).click();
  await expect(page.getByTestId('today-whose')).toHaveText(`For ${officer?.name}, 25/11/2026.`);
  const homeEducated = new Set(
    (await readTable<{ id: string; liaisonOfficerId: string | null }>(page, 'pupils'))
      .filter((p) => p.liaisonOfficerId === officer?.id)
      .map((p) => p.id),
  );
  const seenBy = new Set(
    (await readTable<{ pupilId: string; adviserId: string | null }>(page, 'sessions'))
      .filter((s) => s.adviserId === officer?.id)
      .map((s) => s.pupilId),
  );
  // The lists are read again for the officer a moment after the choice: retried until they are theirs.
  await expect(async () => {
    const hrefs = await page
      .getByTestId('today-not-seen')
      .getByRole('listitem')
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    const ids = hrefs.map((href) => /#\/pupils\/([0-9a-f-]+)$/.exec(href)?.[1] ?? '');
    expect(
      ids.every((id) => homeEducated.has(id) || seenBy.has(id)),
      "only young people on the officer's caseload",
    ).toBe(true);
  }).toPass();
  await expectItemsOrEmpty(page);
  await expectAccessible(page, 'Today for one adviser');

  // Adding a home-educated young person: the liaison officer is the officer using the computer.
  await page.goto('/#/pupils/new');
  await page.getByLabel('Electively home educated').check();
  const liaison = page.getByLabel('Home-education liaison officer');
  await expect(liaison.locator('option:checked')).toHaveText(officer?.name ?? '');
});

test('with nothing stored, every list says what would appear there', async ({ page }) => {
  await page.clock.install({ time: TERM_DAY });
  await openEmpty(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  const counts = await expectItemsOrEmpty(page);
  expect(Object.values(counts)).toEqual([0, 0, 0, 0, 0]);
  await expect(page.getByTestId('today-reviews')).toContainText('this week is 23/11/2026 to 29/11/2026');
  await expectAccessible(page, 'Today with nothing stored');
});
