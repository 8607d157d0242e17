import { expect, test } from '@playwright/test';
import { expectAccessible, openWithDemoData, readTable, type StoredPupilNames as StoredPupil } from './support';

const nameOf = (p: StoredPupil) => `${p.preferredForename || p.legalForename} ${p.preferredSurname || p.legalSurname}`;

test('Ctrl+K finds a young person by name and opens their page from the keyboard; Escape closes it and gives focus back', async ({
  page,
}) => {
  await openWithDemoData(page);
  const pupil = (await readTable<StoredPupil>(page, 'pupils')).find((p) => !p.homeEducated);
  if (!pupil) throw new Error('the demo data holds a young person at school');
  const name = nameOf(pupil);

  // Escape closes the search and focus goes back to where it was.
  const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' });
  await nav.focus();
  await page.keyboard.press('Control+k');
  const search = page.getByRole('dialog', { name: 'Search' });
  await expect(search).toBeVisible();
  const box = search.getByRole('combobox', { name: 'Young people, employers, routes and pages' });
  await expect(box).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(search).toBeHidden();
  await expect(nav).toBeFocused();

  // Found by name, grouped under its heading; Enter opens the page.
  await page.keyboard.press('Control+k');
  await box.fill(name);
  const results = search.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('group', { name: 'Young people' }).getByRole('option', { name })).toBeVisible();
  await expect(results.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await expectAccessible(page, 'the search dialog with results');
  await page.keyboard.press('Enter');
  await expect(search).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`#/pupils/${pupil.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

  // Pages are found too, arrow keys move, and nothing found says so.
  await page.keyboard.press('Control+k');
  await box.fill('settings');
  await expect(results.getByRole('group', { name: 'Pages' }).getByRole('option', { name: /^Settings/ })).toBeVisible();
  await box.fill('zzzz no such thing');
  await expect(search.getByText('No matches')).toBeVisible();
  await expectAccessible(page, 'the search dialog with no matches');
  await page.keyboard.press('Escape');
  await expect(search).toBeHidden();
});

test("Ctrl+N on a young person's page starts a guidance session, and Ctrl+S saves it from a text field", async ({ page }) => {
  await openWithDemoData(page);
  const pupil = (await readTable<StoredPupil>(page, 'pupils')).find((p) => !p.homeEducated);
  if (!pupil) throw new Error('the demo data holds a young person at school');
  const sessionsBefore = (await readTable<{ pupilId: string }>(page, 'sessions')).filter((s) => s.pupilId === pupil.id).length;

  await page.goto(`/#/pupils/${pupil.id}`);
  await expect(page.getByTestId('pupil-page')).toBeVisible();
  await page.keyboard.press('Control+n');
  await expect(page).toHaveURL(new RegExp(`#/pupils/${pupil.id}/sessions/new$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Guidance session with ${nameOf(pupil)}`);

  // Ctrl+S with the duration missing checks the form as Save does, and saves nothing.
  await page.getByLabel('Location').fill('Careers room');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('error-summary')).toContainText('Enter how long the session lasted, in minutes');

  await page.getByLabel('Duration in minutes').fill('30');
  await page.getByLabel('Notes', { exact: true }).fill('Talked about college open days.');
  await page.keyboard.press('Control+s');
  await expect(page).toHaveURL(new RegExp(`#/pupils/${pupil.id}$`));
  const sessionsAfter = (await readTable<{ pupilId: string; notes: string }>(page, 'sessions')).filter((s) => s.pupilId === pupil.id);
  expect(sessionsAfter).toHaveLength(sessionsBefore + 1);
  expect(sessionsAfter.map((s) => s.notes)).toContain('Talked about college open days.');
});

test('"?" lists the shortcuts, but not while typing, and the header button opens the same list', async ({ page }) => {
  await openWithDemoData(page);
  const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Young people' }).click();
  const searchBox = page.getByRole('searchbox').first();
  await searchBox.focus();
  await page.keyboard.type('?');
  await expect(list).toBeHidden();
  await expect(searchBox).toHaveValue('?');
  await searchBox.fill('');

  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('?');
  await expect(list).toBeVisible();
  for (const keys of ['Ctrl+K', 'Ctrl+S', 'Ctrl+N', '?', 'Escape'])
    await expect(list.getByRole('cell', { name: keys, exact: true })).toBeVisible();
  await expectAccessible(page, 'the keyboard shortcuts dialog');

  // No other shortcut fires while it is open.
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Search' })).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();

  const button = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await button.click();
  await expect(list).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
});

test('Mark done shows a toast with Undo for a few seconds; Undo brings the action back; Escape does not lose it', async ({ page }) => {
  await openWithDemoData(page);
  await page.goto('/#/sessions');
  const openActions = page.getByTestId('open-actions');
  const markButtons = openActions.getByRole('button', { name: /^Mark done: / });
  const toast = page.getByTestId('undo-toast');
  const undo = toast.getByRole('button', { name: 'Undo' });

  // The first: the toast says what was done, focus goes on to the next action, and the toast goes by itself.
  const firstLabel = (await markButtons.first().getAttribute('aria-label')) ?? '';
  await markButtons.first().focus();
  await page.keyboard.press('Enter');
  await expect(toast).toHaveAttribute('role', 'status');
  await expect(toast).toContainText(`Marked done: ${firstLabel.replace(/^Mark done: /, '')}`);
  await expect(markButtons.first()).toBeFocused();
  await expectAccessible(page, 'the Sessions page with an Undo toast');
  await expect(undo).toHaveCount(0, { timeout: 15_000 });

  // The next: Escape leaves the toast alone, and Undo puts the action back on the list.
  const label = (await markButtons.first().getAttribute('aria-label')) ?? '';
  const same = openActions.getByRole('button', { name: label, exact: true });
  const before = await same.count();
  await page.keyboard.press('Enter');
  await expect(same).toHaveCount(before - 1);
  await page.keyboard.press('Escape');
  await expect(undo).toBeVisible();
  await undo.click();
  await expect(same).toHaveCount(before);
  await expect(page.getByRole('status').filter({ hasText: 'Open again:' })).toBeVisible();
  await expect(undo).toHaveCount(0);
});

test('removing an encounter or an action from a form can be undone: the row comes back as it was', async ({ page }) => {
  await openWithDemoData(page);
  const pupil = (await readTable<StoredPupil>(page, 'pupils')).find((p) => !p.homeEducated);
  if (!pupil) throw new Error('the demo data holds a young person at school');
  const toast = page.getByTestId('undo-toast');

  await page.goto(`/#/pupils/${pupil.id}/sessions/new`);
  await page.getByRole('button', { name: 'Add an encounter' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Seaview Care Home');
  await page.getByRole('button', { name: 'Remove encounter 1' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveCount(0);
  await expect(toast).toContainText('Encounter removed: Seaview Care Home.');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Seaview Care Home');

  await page.goto(`/#/pupils/${pupil.id}/plans/new`);
  await page.getByRole('button', { name: 'Add an action' }).click();
  await page.keyboard.type('Book a college open evening');
  await page.getByRole('button', { name: 'Remove action 1' }).click();
  await expect(page.getByTestId('action-row-1')).toHaveCount(0);
  await expect(toast).toContainText('Action removed: Book a college open evening.');
  await expectAccessible(page, 'the action plan editor with an Undo toast');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('action-row-1')).toBeVisible();
  await expect(page.getByTestId('action-row-1').getByRole('textbox').first()).toHaveValue('Book a college open evening');
});
