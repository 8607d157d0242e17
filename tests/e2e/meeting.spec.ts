import { expect, test, type Page } from '@playwright/test';
import { addDays, localIsoDate } from '../../shared/academic-year';
import { expectAccessible, openWithDemoData, readTable, type StoredPupilNames } from './support';

interface StoredPupil {
  id: string;
  name: string;
  lastGuidanceOn: string | null;
  intendedDestination: string | null;
}

/** Reads young people straight from IndexedDB (opened: support.ts readTable), so this test does not depend on the pupil pages. */
async function readPupil(page: Page, id: string | null): Promise<StoredPupil> {
  const all = await readTable<StoredPupilNames & { lastGuidanceOn: string | null; intendedDestination: string | null }>(page, 'pupils');
  const pupil = id ? all.find((p) => p.id === id) : all.find((p) => !p.homeEducated);
  if (!pupil) throw new Error('No pupil found');
  return {
    id: pupil.id,
    name: `${pupil.preferredForename || pupil.legalForename} ${pupil.preferredSurname || pupil.legalSurname}`,
    lastGuidanceOn: pupil.lastGuidanceOn,
    intendedDestination: pupil.intendedDestination,
  };
}

function countSessions(page: Page, pupilId: string): Promise<number> {
  return page.evaluate(
    (id) =>
      new Promise<number>((resolve, reject) => {
        const opening = indexedDB.open('careers-desk');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          // A young person's sessions are found by the [pupilId+date] index (there is no plain pupilId index since version 7).
          const request = db
            .transaction('sessions')
            .objectStore('sessions')
            .index('[pupilId+date]')
            .count(IDBKeyRange.bound([id, ''], [id, '\uffff']));
          request.onsuccess = () => {
            db.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    pupilId,
  );
}

/** A date relative to today on this machine, as ISO text (the browser shares the machine's clock). */
function isoDay(offset: number): string {
  return addDays(localIsoDate(new Date()), offset);
}

test('a whole guidance meeting: notes survive a reload, the session is saved, a plan is agreed and its actions are open', async ({
  page,
}) => {
  await openWithDemoData(page);
  const pupil = await readPupil(page, null);
  const sessionsBefore = await countSessions(page, pupil.id);

  // Start a session and type the first notes.
  await page.goto(`/#/pupils/${pupil.id}/sessions/new`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Guidance session with ${pupil.name}`);
  await expect(page.getByTestId('confidentiality-reminder')).toContainText('what stays confidential, what may be shared');
  await expect(page.getByLabel(/^Date/)).toHaveValue(isoDay(0));
  await expect(page.getByLabel('8. Personal guidance')).toBeChecked();
  await expectAccessible(page, 'the session editor');

  const notes = page.getByLabel('Notes', { exact: true });
  const firstWords = 'Talked about engineering apprenticeships at EKC Group. Worried about the bus from';
  await notes.fill(firstWords);

  // Reload mid-sentence, before the typing pause: the draft is offered back and restores every word.
  await page.reload();
  const offer = page.getByTestId('draft-offer');
  await expect(offer).toContainText(/You have an unsaved draft from \d\d:\d\d/);
  await expect(offer).toBeFocused();
  await expectAccessible(page, 'the session editor offering a draft');
  await offer.getByRole('button', { name: 'Restore it' }).click();
  await expect(offer).toBeHidden();
  await expect(notes).toHaveValue(firstWords);
  await notes.pressSequentially(' Ramsgate.');
  await expect(page.getByTestId('draft-status')).toHaveText(/Draft saved \d\d:\d\d/);

  // Saving with the duration missing says so beside the field and in the summary, and saves nothing.
  await page.getByRole('button', { name: 'Save session' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('Enter how long the session lasted, in minutes');
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await expect(page.locator('.field__error', { hasText: 'Enter how long the session lasted, in minutes' })).toBeVisible();
  await expectAccessible(page, 'the session editor with errors');
  expect(await countSessions(page, pupil.id)).toBe(sessionsBefore);

  await page.getByLabel('Duration in minutes').fill('45');
  await page.getByLabel('Location').fill('Careers room');
  await page.getByLabel('Topics').fill('apprenticeships, travel to college');
  await page.getByRole('button', { name: 'Add an encounter' }).click();
  await page.getByLabel('Kind', { exact: true }).selectOption('provider');
  await page.getByLabel('Choose from your providers').selectOption({ label: 'EKC Group' });
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('EKC Group');
  await expect(page.getByLabel('7. Encounters with further and higher education')).toBeChecked();
  await page.getByLabel('Intended destination').selectOption('310');
  await page
    .getByLabel('What the young person agreed')
    .fill('To look at apprenticeship vacancies with EKC Group and ask about bus passes.');
  await page.getByRole('button', { name: 'Save and agree an action plan' }).click();

  // The plan, from the session.
  await expect(page).toHaveURL(/#\/pupils\/[^/]+\/plans\/new\?sessionId=/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Agree an action plan with ${pupil.name}`);
  expect(await countSessions(page, pupil.id)).toBe(sessionsBefore + 1);
  const stored = await readPupil(page, pupil.id);
  expect(stored.lastGuidanceOn).toBe(isoDay(0));
  expect(stored.intendedDestination).toBe('310');
  await expectAccessible(page, 'the action plan editor');

  await page.getByLabel('Situation').fill('Year 11, keen on engineering; lives outside Ramsgate.');
  await page.getByLabel('Barriers').fill('Bus times from home.');
  await page.getByRole('button', { name: 'Add a long-term goal' }).click();
  await page.keyboard.type('An engineering apprenticeship');
  await page.getByRole('button', { name: 'Add a short-term goal' }).click();
  await page.keyboard.type('Apply for two apprenticeship vacancies');

  // Actions, added and filled from the keyboard: the new row's first field takes focus.
  await page.getByRole('button', { name: 'Add an action' }).click();
  await page.keyboard.type('Ask EKC Group about a bus pass');
  await page.keyboard.press('Tab');
  await page.getByLabel('Action 1: who').selectOption('pupil');
  await page.getByLabel('Action 1: by when').fill(isoDay(14));
  await page.getByRole('button', { name: 'Add an action' }).click();
  await page.keyboard.type('Send the vacancy list to the family');
  await page.getByLabel('Action 2: who').selectOption('adviser');
  await page.getByLabel('Action 2: by when').fill(isoDay(-2));
  await expect(page.getByTestId('action-row-2')).toContainText('Overdue');

  await page.getByLabel('Back-up plan').fill('Level 2 engineering at Broadstairs College.');
  await page.getByLabel('Review date').fill(isoDay(42));
  await page.getByLabel(`${pupil.name} agreed this plan`).check();
  await expect(page.getByLabel('Date agreed')).toHaveValue(isoDay(0));
  await page.getByRole('button', { name: 'Save action plan' }).click();

  await expect(page).toHaveURL(/#\/plans\/[^/?]+$/);
  await expect(page.getByTestId('plan-status')).toHaveText('Action plan saved.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Action plan with ${pupil.name}`);
  // The PDF button sits under the page heading, not above it.
  const headingBox = await page.getByRole('heading', { level: 1 }).boundingBox();
  const exportBox = await page.getByRole('button', { name: 'Save this plan as a PDF' }).boundingBox();
  expect(exportBox && headingBox && exportBox.y > headingBox.y).toBe(true);
  await expect(page.getByRole('button', { name: 'Mark done: action 1' })).toBeVisible();
  await expectAccessible(page, 'a saved action plan');

  // The actions are open on the Sessions page, the late one first and marked in words.
  await page.goto('/#/sessions');
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible();
  const openActions = page.getByTestId('open-actions');
  await expectAccessible(page, 'the Sessions page');
  // The demo data's actions run to several pages of 20; one page of 100 holds them all, with this plan's.
  await page.getByRole('navigation', { name: 'Pages of open actions' }).getByLabel('Per page').selectOption('100');
  const late = openActions.getByRole('row').filter({ hasText: 'Send the vacancy list to the family' });
  const due = openActions.getByRole('row').filter({ hasText: 'Ask EKC Group about a bus pass' });
  await expect(late).toContainText('Overdue');
  await expect(late.getByRole('link', { name: pupil.name })).toBeVisible();
  await expect(due).toBeVisible();
  await expect(due).not.toContainText('Overdue');
  await page.getByRole('tab', { name: 'Recent sessions' }).click();
  await expect(page.getByTestId('recent-sessions').getByRole('row').nth(1)).toContainText(pupil.name);
  await expectAccessible(page, 'the recent sessions tab');
  await page.getByRole('tab', { name: /^My open actions/ }).click();

  // Ticking the late action off (from the keyboard) saves at once, takes it off the list and puts
  // focus on the next action's button, not the page body.
  const markButtons = openActions.getByRole('button', { name: /^Mark done: / });
  const lateAt = (await markButtons.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')))).findIndex((label) =>
    label?.startsWith('Mark done: Send the vacancy list to the family'),
  );
  const nextLabel = await markButtons.nth(lateAt + 1).getAttribute('aria-label');
  await late.getByRole('button', { name: /Mark done/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Marked done: Send the vacancy list to the family' })).toBeVisible();
  await expect(late).toHaveCount(0);
  await expect(due).toBeVisible();
  await expect(openActions.getByRole('button', { name: nextLabel ?? '' })).toBeFocused();
});

/** The first stored session (or the one with `id`) and the audit entries about it. */
async function readSession(
  page: Page,
  id: string | null,
): Promise<{ id: string; pupilId: string; notes: string; audit: { action: string; before?: { notes: string } }[] }> {
  const sessions = await readTable<{ id: string; pupilId: string; notes: string }>(page, 'sessions');
  const session = id ? sessions.find((s) => s.id === id) : [...sessions].sort((x, y) => x.id.localeCompare(y.id))[0];
  if (!session) throw new Error('No session found');
  const audit = (await readTable<{ recordId: string; action: string; before?: { notes: string } }>(page, 'audit')).filter(
    (entry) => entry.recordId === session.id,
  );
  return { id: session.id, pupilId: session.pupilId, notes: session.notes, audit };
}

test('editing a saved session keeps its own draft across leaving the page, and the audit keeps the previous version', async ({ page }) => {
  await openWithDemoData(page);
  const original = await readSession(page, null);
  const pupil = await readPupil(page, original.pupilId);

  await page.goto(`/#/sessions/${original.id}/edit`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Edit a guidance session with ${pupil.name}`);
  const notes = page.getByLabel('Notes', { exact: true });
  await expect(notes).toHaveValue(original.notes);
  await notes.fill(`${original.notes} Mum rang afterwards: they will visit the college together.`);
  await expect(page.getByTestId('draft-status')).toHaveText(/Draft saved \d\d:\d\d/);

  // Leave for another page and come back: the edit is offered back for this session only.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible();
  await page.goto(`/#/pupils/${pupil.id}/sessions/new`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Guidance session with ${pupil.name}`);
  await expect(page.getByTestId('draft-offer')).toHaveCount(0);
  await page.goto(`/#/sessions/${original.id}/edit`);
  await page.getByTestId('draft-offer').getByRole('button', { name: 'Restore it' }).click();
  await expect(notes).toHaveValue(/Mum rang afterwards/);
  await page.getByRole('button', { name: 'Save session' }).click();

  await expect(page).toHaveURL(new RegExp(`#/pupils/${pupil.id}$`));
  const edited = await readSession(page, original.id);
  expect(edited.notes).toContain('Mum rang afterwards');
  const update = edited.audit.find((entry) => entry.action === 'update');
  expect(update?.before?.notes).toBe(original.notes);

  // The draft went with the save: opening the session again offers nothing.
  await page.goto(`/#/sessions/${original.id}/edit`);
  await expect(notes).toHaveValue(/Mum rang afterwards/);
  await expect(page.getByTestId('draft-offer')).toHaveCount(0);
});

test('a session recorded in error is deleted after confirmation, leaving a copy in the audit log', async ({ page }) => {
  await openWithDemoData(page);
  const mistaken = await readSession(page, null);
  const pupil = await readPupil(page, mistaken.pupilId);
  const before = await countSessions(page, pupil.id);

  await page.goto(`/#/sessions/${mistaken.id}/edit`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Edit a guidance session with ${pupil.name}`);
  await page.getByRole('button', { name: 'Delete this session' }).click();
  const dialog = page.getByRole('dialog', { name: /^Delete the session of \d\d\/\d\d\/\d{4}\?$/ });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'the delete-session confirmation');
  // Cancelling changes nothing.
  await dialog.getByRole('button', { name: 'No, keep it' }).click();
  expect(await countSessions(page, pupil.id)).toBe(before);

  await page.getByRole('button', { name: 'Delete this session' }).click();
  await dialog.getByRole('button', { name: 'Yes, delete the session' }).click();
  await expect(page).toHaveURL(new RegExp(`#/pupils/${pupil.id}$`));
  await expect(page.getByTestId('pupil-page-status')).toHaveText(
    'The guidance session was deleted. Its details are kept in the audit log.',
  );
  expect(await countSessions(page, pupil.id)).toBe(before - 1);
  const audit = (await readTable<{ recordId: string; action: string; before?: { notes: string } }>(page, 'audit')).filter(
    (entry) => entry.recordId === mistaken.id,
  );
  expect(audit.find((entry) => entry.action === 'delete')?.before?.notes).toBe(mistaken.notes);
});

test('Enter in a one-line field never saves a record form or leaves the page mid-meeting', async ({ page }) => {
  await openWithDemoData(page);
  const pupil = await readPupil(page, null);
  const sessionsBefore = await countSessions(page, pupil.id);
  const editor = `/#/pupils/${pupil.id}/sessions/new`;
  await page.goto(editor);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Guidance session with ${pupil.name}`);

  // Each one-line field of the session form, with Enter pressed as an adviser finishing a word would.
  for (const label of [/^Topics/, /^Location/, /^Duration in minutes/]) {
    const field = page.getByLabel(label);
    await field.fill(label.source.includes('Duration') ? '30' : 'apprenticeships');
    await field.press('Enter');
    await expect(field).toBeFocused();
  }
  await page.getByLabel('Notes', { exact: true }).fill('Still talking.');
  // Nothing was submitted: still on the editor, no validation shown, no session stored.
  await expect(page).toHaveURL(new RegExp(`${editor.replace(/[/#]/g, '\\$&')}$`));
  await expect(page.getByTestId('error-summary')).toHaveCount(0);
  expect(await countSessions(page, pupil.id)).toBe(sessionsBefore);
  // Enter in Notes still starts a new line.
  await page.getByLabel('Notes', { exact: true }).press('Enter');
  await expect(page.getByLabel('Notes', { exact: true })).toHaveValue('Still talking.\n');

  // The same on another record form: Enter in the young person's form neither saves nor checks it.
  await page.goto('/#/pupils/new');
  const forename = page.getByLabel(/^Legal first name/);
  await forename.fill('Ada');
  await forename.press('Enter');
  await expect(page).toHaveURL(/#\/pupils\/new$/);
  await expect(page.getByTestId('error-summary')).toHaveCount(0);
});
