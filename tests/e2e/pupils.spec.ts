import { expect, test, type Page } from '@playwright/test';
import { formatUkDate, localIsoDate } from '../../shared/academic-year';
import { expectAccessible, openWithDemoData, readTable } from './support';

interface StoredPupil {
  id: string;
  legalForename: string;
  legalSurname: string;
  preferredForename: string;
  upn: string | null;
  homeEducated: boolean;
}

test('finds a pupil by name as you type and opens their page', async ({ page }) => {
  await openWithDemoData(page);
  const pupils = await readTable<StoredPupil>(page, 'pupils');
  const target = pupils.find((p) => !p.preferredForename && !p.homeEducated)!;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Young people' }).click();
  await expect(page.getByTestId('pupil-count')).toContainText(`${pupils.length.toLocaleString('en-GB')} young people match`);
  await expectAccessible(page, 'the pupil list');

  const search = page.getByRole('searchbox', { name: 'Search by name or UPN' });
  await search.pressSequentially(`${target.legalForename.slice(0, 3)} ${target.legalSurname.slice(0, 3)}`);
  const expected = pupils.filter((p) =>
    [p.legalForename, p.preferredForename].some(
      (n) =>
        n.toLowerCase().startsWith(target.legalForename.slice(0, 3).toLowerCase()) ||
        n.toLowerCase().startsWith(target.legalSurname.slice(0, 3).toLowerCase()),
    ),
  );
  await expect(page.getByTestId('pupil-count')).not.toContainText(`${pupils.length.toLocaleString('en-GB')} young`);
  expect(expected.length).toBeGreaterThan(0);
  await page
    .getByRole('link', { name: `${target.legalForename} ${target.legalSurname}` })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${target.legalForename} ${target.legalSurname}`);
  await expect(page.getByRole('heading', { name: 'Risk of NEET' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  await expectAccessible(page, 'the pupil page');

  // By UPN prefix, the list narrows to that pupil.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Young people' }).click();
  await search.fill(target.upn!);
  await expect(page.getByTestId('pupil-count')).toHaveText('1 young person matches');
});

test('filters the list by home education and risk band, with the count of matches', async ({ page }) => {
  await openWithDemoData(page);
  const pupils = await readTable<StoredPupil & { riskBand: string }>(page, 'pupils');
  await page.goto('/#/pupils');
  await page.getByLabel('Home educated only').check();
  const home = pupils.filter((p) => p.homeEducated);
  await expect(page.getByTestId('pupil-count')).toHaveText(`${home.length} young people match`);
  await page.getByLabel('Risk of NEET').selectOption('high');
  const homeHigh = home.filter((p) => p.riskBand === 'high').length;
  await expect(page.getByTestId('pupil-count')).toHaveText(homeHigh === 1 ? '1 young person matches' : `${homeHigh} young people match`);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('pupil-count')).toHaveText(`${pupils.length} young people match`);
});

/** Fills the add form with a future date of birth, a UPN with a wrong check letter and a malformed postcode, and saves. */
async function submitWithThreeProblems(page: Page): Promise<void> {
  await page.getByLabel('Legal first name').fill('Test');
  await page.getByLabel('Legal surname').fill('Pupil');
  await page.getByLabel('Date of birth').fill('2099-01-01');
  await page.getByRole('combobox', { name: 'School (required)' }).selectOption({ index: 1 });
  await page.getByLabel('UPN (unique pupil number)').fill('B801200005002');
  await page.getByLabel('Postcode').fill('CT9 XYZ');
  await page.getByRole('button', { name: 'Save' }).click();
}

test('adding a pupil with bad input shows each problem beside its field and saves nothing', async ({ page }) => {
  await openWithDemoData(page);
  const before = (await readTable(page, 'pupils')).length;
  await page.goto('/#/pupils/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Add a young person' })).toBeVisible();
  await submitWithThreeProblems(page);

  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('The date of birth must be in the past');
  await expect(summary).toContainText('This UPN is not valid');
  await expect(summary).toContainText('Enter a real postcode, like CT9 1AA');
  await expect(page.getByLabel('Date of birth')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('UPN (unique pupil number)')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'the pupil form with errors');
  expect((await readTable(page, 'pupils')).length).toBe(before);

  // Fixed, it saves, and the district follows the postcode.
  await page.getByLabel('Date of birth').fill('2011-03-04');
  await page.getByLabel('UPN (unique pupil number)').fill('B801200005001');
  await page.getByLabel('Postcode').fill('ct9 1aa');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Test Pupil');
  await expect(page.getByTestId('pupil-details')).toContainText('CT9 1AA · Thanet');
  expect((await readTable(page, 'pupils')).length).toBe(before + 1);
});

test('adding by hand a young person already recorded shows the likely duplicate, and saves only when told it is someone else', async ({
  page,
}) => {
  await openWithDemoData(page);
  const stored = await readTable<StoredPupil & { dateOfBirth: string }>(page, 'pupils');
  const held = stored[3]!;
  await page.goto('/#/pupils/new');
  // Typed as a keyboard without accents or capitals might: the comparison folds both.
  await page.getByLabel('Legal first name').fill(held.legalForename.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase());
  await page.getByLabel('Legal surname').fill(held.legalSurname.toLowerCase());
  await page.getByLabel('Date of birth').fill(held.dateOfBirth);
  await page.getByRole('combobox', { name: 'School (required)' }).selectOption({ index: 1 });
  await page.getByLabel('UPN not known').check();
  const notice = page.getByTestId('likely-duplicate');
  await expect(notice).toContainText('This looks like a young person already recorded');
  await expect(notice).toContainText('the same legal name and date of birth');
  await expect(notice.getByRole('link')).toHaveAttribute('href', `#/pupils/${held.id}`);
  await expectAccessible(page, 'the pupil form with a likely duplicate');

  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('This looks like a young person already recorded');
  expect((await readTable(page, 'pupils')).length).toBe(stored.length);

  await notice.getByLabel('This is a different young person').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/#\/pupils\/[0-9a-f-]{36}$/);
  expect((await readTable(page, 'pupils')).length).toBe(stored.length + 1);
});

test('erasure removes every record about the young person, after confirmation', async ({ page }) => {
  await openWithDemoData(page);
  const sessions = await readTable<{ pupilId: string }>(page, 'sessions');
  const pupilId = sessions[0]!.pupilId;
  await page.goto(`/#/pupils/${pupilId}`);
  await expect(page.getByTestId('pupil-page')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export everything we hold' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Everything held - .+\.json$/);
  const held = JSON.parse(await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8')) as {
    pupil: { id: string };
    guidanceSessions: unknown[];
  };
  expect(held.pupil.id).toBe(pupilId);
  expect(held.guidanceSessions.length).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Erase this young person' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'the erase confirmation');
  await dialog.getByRole('button', { name: 'Erase everything' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Young people' })).toBeVisible();

  expect((await readTable<{ id: string }>(page, 'pupils')).some((p) => p.id === pupilId)).toBe(false);
  expect((await readTable<{ pupilId: string }>(page, 'sessions')).some((s) => s.pupilId === pupilId)).toBe(false);
  expect((await readTable<{ pupilId: string }>(page, 'actionPlans')).some((s) => s.pupilId === pupilId)).toBe(false);
  const audit = await readTable<{ action: string; pupilId: string | null }>(page, 'audit');
  expect(audit.some((a) => a.pupilId === pupilId)).toBe(false);
  expect(JSON.stringify(audit)).not.toContain(pupilId);
  expect(audit.some((a) => a.action === 'erase')).toBe(true);
});

test("from the search box to a saved session on the pupil's timeline", async ({ page }) => {
  await openWithDemoData(page);
  const pupils = await readTable<StoredPupil>(page, 'pupils');
  const target = pupils.find((p) => !p.preferredForename && !p.homeEducated && p.upn)!;
  const name = `${target.legalForename} ${target.legalSurname}`;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Young people' }).click();
  await page.getByRole('searchbox', { name: 'Search by name or UPN' }).fill(target.upn!);
  await page.getByRole('link', { name }).click();
  await page.getByRole('link', { name: 'Start a guidance session' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Guidance session with ${name}`);
  await page.getByLabel('Notes', { exact: true }).fill('Talked through T Levels in digital at MidKent College.');
  await page.getByLabel('Duration in minutes').fill('30');
  await page.getByLabel('Topics').fill('T Levels');
  await page.getByRole('button', { name: 'Save session' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  const ukToday = formatUkDate(localIsoDate(new Date()));
  const first = page.getByTestId('timeline').getByRole('listitem').first();
  await expect(first).toContainText(ukToday);
  await expect(first).toContainText('Personal guidance meeting');
  await expect(first).toContainText('T Levels');
  await expect(page.getByText(`Last guidance meeting: ${ukToday}`)).toBeVisible();
});

test('the page heading and subtitle show only the preferred name; the legal name is in the details', async ({ page }) => {
  await openWithDemoData(page);
  const pupils = await readTable<StoredPupil>(page, 'pupils');
  const pupil = pupils.find((p) => p.preferredForename && p.preferredForename !== p.legalForename)!;
  await page.goto(`/#/pupils/${pupil.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`^${pupil.preferredForename} `));
  const subtitle = page.getByTestId('pupil-page').locator('p.lead');
  await expect(subtitle).toBeVisible();
  await expect(subtitle).not.toContainText(pupil.legalForename);
  await expect(subtitle).not.toContainText('Legal name');
  await expect(page.getByTestId('pupil-details')).toContainText(`Legal name${pupil.legalForename} ${pupil.legalSurname}`);
});

test('each problem in the error summary links to its field and moves focus there', async ({ page }) => {
  await openWithDemoData(page);
  await page.goto('/#/pupils/new');
  await submitWithThreeProblems(page);

  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  for (const [message, field] of [
    ['This UPN is not valid', 'UPN (unique pupil number)'],
    ['Enter a real postcode, like CT9 1AA', 'Postcode'],
    ['The date of birth must be in the past', 'Date of birth'],
  ] as const) {
    const link = summary.getByRole('link', { name: new RegExp(message) });
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel(field)).toBeFocused();
    await expect(page).toHaveURL(/#\/pupils\/new$/);
  }
  await summary.getByRole('link', { name: /This UPN is not valid/ }).click();
  await expect(page.getByLabel('UPN (unique pupil number)')).toBeFocused();
  await expectAccessible(page, 'the error summary with links');
});

test("at a start the list's first screen is drawn from its snapshot while the rest is read, then the whole list", async ({ page }) => {
  await openWithDemoData(page);
  const pupils = await readTable<StoredPupil>(page, 'pupils');
  // A start that reads every record (the first after loading) writes the list's snapshot a moment later.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect
    .poll(async () => (await readTable<{ key: string }>(page, 'settings', { raw: true })).some((row) => row.key === 'pupilListSnapshot'), {
      timeout: 15_000,
    })
    .toBe(true);

  // The next start: the snapshot's other parts, read by the page's early script, are held back until released.
  await page.addInitScript(() => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    (window as unknown as { releaseListRest: () => void }).releaseListRest = release;
    let held: unknown;
    type Read = { inRange: Promise<unknown> } | null;
    Object.defineProperty(window, 'careersDeskEarlyRead', {
      configurable: true,
      get: () => held,
      set: (read: Promise<Read>) => {
        held = read.then((value) => value && { ...value, inRange: released.then(() => value.inRange) });
      },
    });
  });
  // A new start on the list (going to its address alone would only move within the started app).
  await page.goto('/#/pupils');
  await page.reload();
  const count = page.getByTestId('pupil-count');
  const total = pupils.length.toLocaleString('en-GB');
  await expect(count).toHaveText(`${total} young people match: showing the first 100, the rest are loading…`);
  await expect(page.locator('.pupil-row').first()).toBeVisible();
  await expect(page.locator('.pupil-row').first()).toHaveAttribute('aria-setsize', String(pupils.length));
  await expect(page.getByTestId('pupil-list')).toHaveAttribute('aria-busy', 'true');
  // Choosing everyone waits for everyone to be read.
  await expect(page.getByRole('button', { name: 'Select all matching' })).toBeDisabled();
  await expectAccessible(page, 'the pupil list while the rest is read');

  await page.evaluate(() => (window as unknown as { releaseListRest: () => void }).releaseListRest());
  await expect(count).toHaveText(`${total} young people match`);
  await expect(page.getByTestId('pupil-list')).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('button', { name: 'Select all matching' })).toBeEnabled();
  // The whole list now scrolls to its last young person.
  await page.getByTestId('pupil-list').evaluate((list) => list.scrollTo(0, list.scrollHeight));
  await expect(page.locator(`.pupil-row[aria-posinset="${pupils.length}"]`)).toBeVisible();
});
