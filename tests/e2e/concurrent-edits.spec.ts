// Two windows on one computer (two pages of one browser profile: the same IndexedDB) edit the same
// record. The second save never overwrites the first silently: both versions are shown side by side,
// the adviser keeps either value per field, and what is stored is what they chose.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, openWithDemoData, readTable } from './support';

const DIALOG = 'This record was changed elsewhere since you opened it';

interface Stored {
  id: string;
  pupilId?: string;
  homeEducated?: boolean;
}

function changedElsewhere(page: Page) {
  return page.getByRole('dialog', { name: DIALOG });
}

/** The radio for one side of one field in the comparison. */
function side(page: Page, field: string, which: 'Saved elsewhere' | 'Yours') {
  return changedElsewhere(page)
    .getByRole('group', { name: field, exact: true })
    .getByRole('radio', { name: new RegExp(`^${which}`) });
}

test("a young person's record edited in two windows: both versions side by side, a choice per field", async ({ page }) => {
  await openWithDemoData(page);
  const pupil = (await readTable<Stored>(page, 'pupils')).find((p) => !p.homeEducated);
  if (!pupil) throw new Error('the demo data has no young person at school');
  const other = await page.context().newPage();

  await page.goto(`/#/pupils/${pupil.id}/edit`);
  await other.goto(`/#/pupils/${pupil.id}/edit`);
  await expect(page.getByTestId('pupil-form')).toBeVisible();
  await expect(other.getByTestId('pupil-form')).toBeVisible();

  // Window A changes the email and the phone, and saves.
  await page.getByLabel("Young person's email").fill('from-window-a@example.org');
  await page.getByLabel("Young person's phone").fill('01843 111111');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#/pupils/${pupil.id}$`));

  // Window B, opened before that save, changes the phone and the preferred first name.
  await other.getByLabel("Young person's phone").fill('01843 222222');
  await other.getByLabel('Preferred first name').fill('Window B');
  await other.getByRole('button', { name: 'Save', exact: true }).click();

  const dialog = changedElsewhere(other);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('group')).toHaveText([/^Preferred first name/, /^Email/, /^Phone/]);
  await expect(dialog.getByRole('group', { name: 'Phone' })).toContainText('01843 111111');
  await expect(dialog.getByRole('group', { name: 'Phone' })).toContainText('01843 222222');
  // What only the other window changed keeps its change; what this window changed keeps the adviser's.
  await expect(side(other, 'Email', 'Saved elsewhere')).toBeChecked();
  await expect(side(other, 'Phone', 'Yours')).toBeChecked();
  await expect(side(other, 'Preferred first name', 'Yours')).toBeChecked();
  await expect(dialog.locator(':focus')).toHaveCount(1);
  await expectAccessible(other, 'the comparison of two versions of a young person');

  // Escape is Cancel: the form stays as typed, and saving again shows the comparison again.
  await other.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(other.getByLabel("Young person's phone")).toHaveValue('01843 222222');
  await other.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeVisible();

  // The adviser takes the phone saved elsewhere, by keyboard.
  await side(other, 'Phone', 'Saved elsewhere').focus();
  await other.keyboard.press('Space');
  await expect(side(other, 'Phone', 'Saved elsewhere')).toBeChecked();
  await dialog.getByRole('button', { name: 'Save with these choices' }).click();
  await expect(other).toHaveURL(new RegExp(`#/pupils/${pupil.id}$`));

  // Read back in the form after a reload: each field holds the value chosen.
  await other.goto(`/#/pupils/${pupil.id}/edit`);
  await other.reload();
  await expect(other.getByLabel("Young person's email")).toHaveValue('from-window-a@example.org');
  await expect(other.getByLabel("Young person's phone")).toHaveValue('01843 111111');
  await expect(other.getByLabel('Preferred first name')).toHaveValue('Window B');
});

test('a guidance session and an action plan edited in two windows: nothing is lost, each field as chosen', async ({ page }) => {
  await openWithDemoData(page);
  const plans = await readTable<Stored>(page, 'actionPlans');
  const sessions = await readTable<Stored>(page, 'sessions');
  const session = sessions[0];
  const plan = plans[0];
  if (!session || !plan) throw new Error('the demo data has no session or no plan');
  const other = await page.context().newPage();

  // The session: window A changes the location, window B the notes.
  await page.goto(`/#/sessions/${session.id}/edit`);
  await other.goto(`/#/sessions/${session.id}/edit`);
  // Window B must have read the session before window A saves, or it would simply open the newer one.
  await expect(other.getByLabel('Notes', { exact: true })).toBeVisible();
  await page.getByLabel('Location', { exact: true }).fill('The library, from window A');
  await page.getByRole('button', { name: 'Save session' }).click();
  await expect(page).toHaveURL(/#\/pupils\//);

  await other.getByLabel('Notes', { exact: true }).fill('Notes typed in window B.');
  await other.getByRole('button', { name: 'Save session' }).click();
  const dialog = changedElsewhere(other);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('group')).toHaveText([/^Location/, /^Notes/]);
  await expect(side(other, 'Location', 'Saved elsewhere')).toBeChecked();
  await expect(side(other, 'Notes', 'Yours')).toBeChecked();
  await expectAccessible(other, 'the comparison of two versions of a guidance session');
  await dialog.getByRole('button', { name: 'Save with these choices' }).click();
  await expect(other).toHaveURL(/#\/pupils\//);

  await other.goto(`/#/sessions/${session.id}/edit`);
  await other.reload();
  await expect(other.getByLabel('Location', { exact: true })).toHaveValue('The library, from window A');
  await expect(other.getByLabel('Notes', { exact: true })).toHaveValue('Notes typed in window B.');

  // The plan: window A changes the strengths, window B the barriers; B keeps its own value of both.
  await page.goto(`/#/plans/${plan.id}`);
  await other.goto(`/#/plans/${plan.id}`);
  const openedStrengths = await other.getByLabel('Strengths').inputValue();
  await page.getByLabel('Strengths').fill('Strengths written in window A.');
  await page.getByRole('button', { name: 'Save action plan' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText('Action plan saved.');

  await other.getByLabel('Barriers').fill('Barriers written in window B.');
  await other.getByRole('button', { name: 'Save action plan' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('group')).toHaveText([/^Strengths/, /^Barriers/]);
  await expectAccessible(other, 'the comparison of two versions of an action plan');
  await side(other, 'Strengths', 'Yours').check();

  // A third change, made in window A while B was choosing, is caught too: B saves against the version it compared.
  await expect(page.getByLabel('Strengths')).toHaveValue('Strengths written in window A.');
  await page.getByLabel('Resources and contacts').fill('Resources written in window A, later.');
  await page.getByRole('button', { name: 'Save action plan' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText('Action plan saved.');
  await expect(page.getByLabel('Resources and contacts')).toHaveValue('Resources written in window A, later.');

  await dialog.getByRole('button', { name: 'Save with these choices' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('group')).toHaveText([/^Strengths/, /^Barriers/, /^Resources and contacts/]);
  await expect(side(other, 'Strengths', 'Yours')).toBeChecked();
  await expect(side(other, 'Resources and contacts', 'Saved elsewhere')).toBeChecked();
  await dialog.getByRole('button', { name: 'Save with these choices' }).click();
  await expect(other.getByTestId('plan-status')).toHaveText('Action plan saved.');

  await other.reload();
  await expect(other.getByLabel('Strengths')).toHaveValue(openedStrengths);
  await expect(other.getByLabel('Barriers')).toHaveValue('Barriers written in window B.');
  await expect(other.getByLabel('Resources and contacts')).toHaveValue('Resources written in window A, later.');
});
