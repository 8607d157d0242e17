import { expect, test, type Page } from '@playwright/test';
import { ageOn } from '../../shared/dates';
import { expectAccessible, openWithDemoData, readTable, type StoredPupilNames } from './support';

// A young person's destinations history, recorded through their page: an intended destination, a
// September Guarantee offer, the activity on 1 November and a destination check, listed in date order;
// bad dates and codes refused beside their fields; tracking withheld stops follow-up and says so.

const TODAY = '2026-11-25';

interface StoredPupil extends StoredPupilNames {
  dateOfBirth: string;
  consent: { tracking: { status: string } };
}

interface StoredEntry {
  pupilId: string;
  kind: string;
  notes: string;
}

async function pupils(page: Page): Promise<StoredPupil[]> {
  return readTable<StoredPupil>(page, 'pupils');
}

async function entriesOf(page: Page, pupilId: string): Promise<StoredEntry[]> {
  return (await readTable<StoredEntry>(page, 'destinations')).filter((e) => e.pupilId === pupilId);
}

async function recordFromPage(page: Page, pupilId: string, button: string): Promise<void> {
  await page.goto(`/#/pupils/${pupilId}`);
  await page.getByTestId('destinations-history').getByRole('link', { name: button }).click();
  await expect(page.getByTestId('destination-form')).toBeVisible();
}

async function save(page: Page): Promise<void> {
  await page.getByTestId('save-destination').click();
  await expect(page.getByTestId('pupil-page')).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: new Date(`${TODAY}T10:00:00`) });
  await openWithDemoData(page);
});

test('records each kind of entry on a young person’s page and lists them in date order', async ({ page }) => {
  // A 17-year-old who left Year 11 in July 2025 and agreed to tracking.
  const leaver = (await pupils(page)).find(
    (p) => !p.homeEducated && p.consent.tracking.status === 'agreed' && ageOn(p.dateOfBirth, TODAY) === 17 && p.dateOfBirth > '2008-09-01',
  );
  if (!leaver) throw new Error('The demo data has no 17-year-old who agreed to tracking');
  const before = (await entriesOf(page, leaver.id)).length;

  await page.goto(`/#/pupils/${leaver.id}`);
  const section = page.getByTestId('destinations-history');
  await expect(section.getByRole('heading', { name: 'Destinations' })).toBeVisible();
  await expect(section.getByTestId('tracking-consent')).toContainText('Agreed by');
  await expect(section.getByTestId('tracking-stopped')).toHaveCount(0);
  await expectAccessible(page, 'the young person’s page with the destinations history');

  // Recorded out of order on purpose: the list goes by the date each was so.
  await recordFromPage(page, leaver.id, 'Record a destination check');
  await expectAccessible(page, 'the destination form (a destination check)');
  await page.getByLabel('Date (required)').fill('2026-09-15');
  await page.getByLabel('Years after Year 11 (required)').selectOption({ label: '1 year after Year 11' });
  await page.getByLabel('Destination', { exact: true }).selectOption('230');
  await page.getByLabel('Outcome (required)').selectOption({ label: 'Not sustained' });
  await page.getByLabel('Notes').fill('e2e check');
  await save(page);

  await recordFromPage(page, leaver.id, 'Record an intended destination');
  await page.getByLabel('Date (required)').fill('2025-03-03');
  await page.getByLabel('Destination', { exact: true }).selectOption('230');
  await page.getByLabel('Notes').fill('e2e intended');
  await save(page);

  await recordFromPage(page, leaver.id, 'Record a September Guarantee offer');
  await page.getByLabel('Date (required)').fill('2025-06-10');
  await page.getByLabel('Who said so (required)').selectOption({ label: 'The provider or employer' });
  await page.getByLabel('September of (required)').fill('2025');
  await page.getByLabel('Where the offer stands (required)').selectOption({ label: 'Accepted' });
  await page.getByLabel('Date of the offer').fill('2025-06-02');
  await page.getByLabel('Destination offered').selectOption('230');
  await page.getByLabel('Notes').fill('e2e offer');
  // An offer without who made it is refused beside that field.
  await page.getByTestId('save-destination').click();
  await expect(page.getByLabel('Who made the offer')).toHaveAccessibleDescription(/Enter who made the offer/);
  await page.getByLabel('Who made the offer').fill('EKC Group');
  await save(page);

  await recordFromPage(page, leaver.id, 'Record the activity on 1 November');
  await page.getByLabel('Date (required)').fill('2025-11-03');
  await page.getByLabel('1 November of (required)').fill('2025');
  await page.getByLabel('Destination', { exact: true }).selectOption('230');
  await page.getByLabel('Notes').fill('e2e november');
  await save(page);

  const rows = page.getByTestId('destination-entry');
  const mine = rows.filter({ hasText: 'e2e' });
  await expect(mine).toHaveCount(4);
  await expect(mine.nth(0)).toContainText('Intended destination');
  await expect(mine.nth(0)).toContainText('03/03/2025');
  await expect(mine.nth(1)).toContainText('September Guarantee offer for September 2025');
  await expect(mine.nth(1)).toContainText('Accepted by EKC Group on 02/06/2025');
  await expect(mine.nth(1)).toContainText('The provider or employer');
  await expect(mine.nth(2)).toContainText('Activity on 1 November 2025');
  await expect(mine.nth(3)).toContainText('Destination check, 1 year after Year 11');
  await expect(mine.nth(3)).toContainText('Not sustained');
  await expect(page.getByTestId('timeline')).toContainText('Activity on 1 November 2025');
  expect(await entriesOf(page, leaver.id)).toHaveLength(before + 4);

  // Removing offers Undo, which puts the entry back.
  await mine
    .nth(3)
    .getByRole('button', { name: /^Remove the destination check/ })
    .click();
  await expect(mine).toHaveCount(3);
  await page.getByTestId('undo-toast').getByRole('button', { name: 'Undo' }).click();
  await expect(mine).toHaveCount(4);
});

test('a date before the date of birth and a pre-16 code for a 17-year-old are refused beside their fields, nothing saved', async ({
  page,
}) => {
  const leaver = (await pupils(page)).find(
    (p) => !p.homeEducated && p.consent.tracking.status === 'agreed' && ageOn(p.dateOfBirth, TODAY) === 17,
  );
  if (!leaver) throw new Error('The demo data has no 17-year-old who agreed to tracking');
  const before = (await entriesOf(page, leaver.id)).length;

  await recordFromPage(page, leaver.id, 'Record the current activity');
  await page.getByLabel('Date (required)').fill('2001-01-01');
  await page.getByLabel('Destination', { exact: true }).selectOption('230');
  await page.getByTestId('save-destination').click();
  await expect(page.getByLabel('Date (required)')).toHaveAccessibleDescription(/The date cannot be before their date of birth/);
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await expectAccessible(page, 'the destination form showing a problem');

  await page.getByLabel('Date (required)').fill(TODAY);
  await page.getByLabel('Destination', { exact: true }).selectOption('110');
  await page.getByTestId('save-destination').click();
  await expect(page.getByLabel('Destination', { exact: true })).toHaveAccessibleDescription(
    /110 On a school roll is a pre-16 code, and they were 17 on 25\/11\/2026: choose a post-16 code/,
  );
  await expect(page.getByLabel('Date (required)')).not.toHaveAccessibleDescription(/date of birth/);
  expect(await entriesOf(page, leaver.id)).toHaveLength(before);
});

test('consent withheld: the page says tracking stopped, offers no follow-up, and a follow-up entry is refused', async ({ page }) => {
  const withheld = (await pupils(page)).find((p) => p.consent.tracking.status === 'withheld');
  if (!withheld) throw new Error('The demo data has nobody who withheld consent to tracking');
  const before = (await entriesOf(page, withheld.id)).length;

  await page.goto(`/#/pupils/${withheld.id}`);
  const section = page.getByTestId('destinations-history');
  await expect(section.getByTestId('tracking-stopped')).toContainText('Tracking stopped');
  await expect(section.getByTestId('tracking-consent')).toContainText('tracking has stopped');
  await expect(section.getByRole('link', { name: 'Record an intended destination' })).toBeVisible();
  for (const followUp of ['Record the activity on 1 November', 'Record the current activity', 'Record a destination check'])
    await expect(section.getByRole('link', { name: followUp })).toHaveCount(0);
  await expectAccessible(page, 'the page of a young person whose tracking stopped');

  // Reached another way (an old link), the form still refuses it, beside the kind.
  await page.goto(`/#/pupils/${withheld.id}/destinations/new?kind=activity`);
  await page.getByLabel('Date (required)').fill(TODAY);
  await page.getByLabel('Destination', { exact: true }).selectOption('230');
  await page.getByTestId('save-destination').click();
  await expect(page.getByLabel('Kind of entry (required)')).toHaveAccessibleDescription(/Consent to post-16 tracking was withheld/);
  expect(await entriesOf(page, withheld.id)).toHaveLength(before);
});
