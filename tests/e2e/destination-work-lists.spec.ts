import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, openWithDemoData, readTable } from './support';

// 25 November 2026: the September Guarantee of 2026 is overdue, and the 1 November 2026 survey is under way.
const CLOCK = new Date('2026-11-25T09:00:00');

/** The count in a tab's or heading's text, "(12)". */
async function countIn(element: Locator): Promise<number> {
  const text = (await element.textContent()) ?? '';
  const found = /\((\d+)\)/.exec(text);
  expect(found, `a count in "${text}"`).not.toBeNull();
  return Number(found?.[1]);
}

async function openList(page: Page, title: string): Promise<{ panel: Locator; count: number }> {
  const tab = page.getByRole('tab', { name: new RegExp(`^${title}`) });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByRole('tabpanel');
  await expect(panel.getByRole('heading', { level: 2 })).toContainText(title);
  return { panel, count: await countIn(tab) };
}

interface StoredEntry {
  pupilId: string;
  kind: string;
  guaranteeYear?: number;
  surveyYear?: number;
  status?: string;
  offeredBy?: string;
  code?: string | null;
}

test('records a September Guarantee offer and a 1 November activity from their lists, and the young people leave them', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.clock.install({ time: CLOCK });
  await openWithDemoData(page);
  // Today counts the lists, each a way into its own.
  const onToday = page.getByTestId('today-destinations');
  await expect(onToday.getByRole('heading', { level: 2 })).toContainText('Destinations to follow up');
  await onToday.getByRole('link', { name: '1 November activity not confirmed' }).click();
  await expect(page.getByRole('tab', { name: /^1 November activity not confirmed/ })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today', exact: true }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Destinations', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Destinations' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^Year 11s with no planned destination \(\d+\)/ })).toBeVisible();
  await expectAccessible(page, 'the destinations work lists');

  // No September Guarantee offer yet: overdue since 30/09/2026 on this day.
  const guarantee = await openList(page, 'No September Guarantee offer yet');
  expect(guarantee.count).toBeGreaterThan(0);
  await expect(guarantee.panel).toContainText('overdue since 30/09/2026');
  await expect(guarantee.panel.getByTestId('work-list-left-off').first()).toContainText('consent to post-16 tracking is withheld');
  const firstOffer = guarantee.panel.getByRole('row').nth(1);
  const pupilId = (await firstOffer.getAttribute('data-pupil-id')) ?? '';
  const name = (await firstOffer.getByRole('link').textContent())?.trim() ?? '';
  await expect(firstOffer).toContainText('Overdue: was due by 30/09/2026');

  // Escape closes the dialog, nothing recorded, and focus is back on the row's button.
  const recordButton = firstOffer.getByRole('button', { name: `Record… for ${name}` });
  await recordButton.click();
  const dialog = page.getByRole('dialog', { name: `Record ${name}'s September Guarantee offer for September 2026` });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(recordButton).toBeFocused();

  await recordButton.press('Enter');
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'the dialog recording a September Guarantee offer');
  // An offer needs who made it: said beside the field, nothing stored.
  await dialog.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(dialog.getByLabel('Who made the offer')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Enter who made the offer').first()).toBeVisible();
  await dialog.getByLabel('Who made the offer').fill('EKC Group');
  await dialog.getByLabel('The place offered').selectOption({ label: '230 Further education' });
  await dialog.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('work-list-status')).toHaveText(`Recorded the September Guarantee offer for ${name}.`);
  await expect(guarantee.panel.locator(`tr[data-pupil-id="${pupilId}"]`)).toHaveCount(0);
  await expect(page.getByRole('tab', { name: /^No September Guarantee offer yet/ })).toContainText(`(${guarantee.count - 1})`);
  await expect(guarantee.panel.getByRole('heading', { level: 2 })).toBeFocused();
  const offers = (await readTable<StoredEntry>(page, 'destinations')).filter((e) => e.pupilId === pupilId && e.kind === 'guarantee-offer');
  expect(offers.map((e) => [e.guaranteeYear, e.status, e.offeredBy, e.code])).toContainEqual([2026, 'offered', 'EKC Group', '230']);

  // 1 November activity not confirmed: the Year 11 leavers of summer 2026.
  const november = await openList(page, '1 November activity not confirmed');
  expect(november.count).toBeGreaterThan(0);
  const firstLeaver = november.panel.getByRole('row').nth(1);
  const leaverId = (await firstLeaver.getAttribute('data-pupil-id')) ?? '';
  const leaverName = (await firstLeaver.getByRole('link').textContent())?.trim() ?? '';
  await firstLeaver.getByRole('button', { name: `Record… for ${leaverName}` }).click();
  const activity = page.getByRole('dialog', { name: `Record ${leaverName}'s activity on 1 November 2026` });
  await expect(activity).toBeVisible();
  await expectAccessible(page, 'the dialog recording a 1 November activity');
  await activity.getByLabel('What they are doing').selectOption({ label: '310 Apprenticeship' });
  await activity.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(activity).toBeHidden();
  await expect(page.getByTestId('work-list-status')).toHaveText(`Recorded the activity on 1 November for ${leaverName}.`);
  await expect(november.panel.locator(`tr[data-pupil-id="${leaverId}"]`)).toHaveCount(0);
  await expect(page.getByRole('tab', { name: /^1 November activity not confirmed/ })).toContainText(`(${november.count - 1})`);
  const activities = (await readTable<StoredEntry>(page, 'destinations')).filter(
    (e) => e.pupilId === leaverId && e.kind === 'november-activity',
  );
  expect(activities.map((e) => [e.surveyYear, e.code])).toEqual([[2026, '310']]);

  // Year 11s with no planned destination: a pre-16 code is refused beside the field; a place takes them off.
  const noPlan = await openList(page, 'Year 11s with no planned destination');
  const year11 = noPlan.panel.getByRole('row').nth(1);
  const year11Id = (await year11.getAttribute('data-pupil-id')) ?? '';
  const year11Name = (await year11.getByRole('link').textContent())?.trim() ?? '';
  await year11.getByRole('button', { name: `Record… for ${year11Name}` }).click();
  const intended = page.getByRole('dialog', { name: `Record ${year11Name}'s intended destination` });
  await intended.getByLabel('Intended destination').selectOption({ label: '110 On a school roll' });
  await intended.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(intended.getByLabel('Intended destination')).toHaveAttribute('aria-invalid', 'true');
  await expect(intended.getByText('is where a young person is before 16').first()).toBeVisible();
  await intended.getByLabel('Intended destination').selectOption({ label: '210 School sixth form' });
  await intended.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(intended).toBeHidden();
  await expect(noPlan.panel.locator(`tr[data-pupil-id="${year11Id}"]`)).toHaveCount(0);
  await expect(page.getByRole('tab', { name: /^Year 11s with no planned destination/ })).toContainText(`(${noPlan.count - 1})`);

  // The row opens the young person.
  await page.getByRole('tab', { name: /^No September Guarantee offer yet/ }).click();
  const next = page.getByRole('tabpanel').getByRole('row').nth(1).getByRole('link');
  const nextName = (await next.textContent())?.trim() ?? '';
  await next.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(nextName);
});
