import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, openEmpty, openWithDemoData, readTable } from './support';

const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkaPhfDwAEhgGAWjR9awAAAABJRU5ErkJggg==';

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
}

test('sets up the service, a school and an adviser, who is remembered as the one using the computer', async ({ page }) => {
  await openEmpty(page);
  const header = page.getByRole('banner');
  // With no advisers yet, the header links to where they are set up.
  await header.getByRole('link', { name: 'Set up advisers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Advisers' })).toBeFocused();
  await expectAccessible(page, 'the Settings page');

  // The page opens with links to each section.
  const contents = page.getByRole('navigation', { name: 'On this page' });
  for (const name of ['Your service', 'Schools', 'Advisers', 'Who is using Careers Desk', 'Risk of NEET', 'Demo data']) {
    await expect(contents.getByRole('link', { name })).toBeVisible();
  }
  await contents.getByRole('link', { name: 'Risk of NEET' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Risk of NEET' })).toBeFocused();

  // Your service
  const service = page.getByTestId('service-form');
  await service.getByLabel('Service name').fill('Kent Careers Service');
  await service.getByLabel('Contact email').fill('careers@example.org');
  const logo = service.getByLabel('Logo (optional)');
  await logo.setInputFiles({ name: 'logo.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
  await expect(logo).toHaveAccessibleDescription(/The logo must be a PNG or JPEG image/);
  // Its name and the type it claims do not make a GIF a PNG: the first bytes say what it is.
  await logo.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('GIF89a') });
  await expect(logo).toHaveAccessibleDescription(/The logo must be a PNG or JPEG image; this file is a GIF image/);
  await expect(service.getByTestId('logo-preview')).toHaveCount(0);
  await logo.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from(ONE_PIXEL_PNG, 'base64') });
  await expect(service.getByTestId('logo-preview')).toBeVisible();
  await expect(logo).not.toHaveAttribute('aria-invalid', 'true');
  await service.getByRole('button', { name: "Save your service's details" }).click();
  await expect(page.getByRole('status').filter({ hasText: "Your service's details are saved." })).toBeVisible();

  // A school with a bad URN: the message is beside the field and nothing is saved.
  await page.getByRole('button', { name: 'Add a school' }).click();
  const schoolForm = page.getByTestId('school-form');
  await expect(schoolForm.getByLabel('School name')).toBeFocused();
  // Escape closes the form and gives the keyboard back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(schoolForm).toBeHidden();
  await expect(page.getByRole('button', { name: 'Add a school' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(schoolForm.getByLabel('School name')).toBeFocused();
  await page.keyboard.type('Hartsdown Academy');
  await schoolForm.getByLabel('URN').fill('12345');
  await schoolForm.getByLabel('District').selectOption({ label: 'Thanet' });
  await schoolForm.getByLabel('Phase').selectOption({ label: 'Secondary (11 to 16)' });
  await schoolForm.getByRole('button', { name: 'Save school' }).click();
  await expect(schoolForm.getByTestId('error-summary')).toContainText('URN: A URN is six digits');
  await expect(schoolForm.getByLabel('URN')).toHaveAccessibleDescription(/A URN is six digits/);
  await expect(schoolForm.getByLabel('URN')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('no-schools')).toBeVisible();
  await expectAccessible(page, 'the school form with a problem');

  // Fixed, it is saved and listed.
  await schoolForm.getByLabel('URN').fill('118945');
  await schoolForm.getByRole('button', { name: 'Save school' }).click();
  await expect(schoolForm).toBeHidden();
  const schools = page.getByTestId('schools-table');
  await expect(schools.getByRole('row', { name: /Hartsdown Academy/ })).toContainText('118945');
  await expect(schools.getByRole('row', { name: /Hartsdown Academy/ })).toContainText('Thanet');

  // An adviser, chosen as the one using this computer from the header.
  await page.getByRole('button', { name: 'Add an adviser' }).click();
  const adviserForm = page.getByTestId('adviser-form');
  await adviserForm.getByLabel("Adviser's name").fill('Priya Shah');
  await adviserForm.getByLabel('Role').selectOption({ label: 'Careers adviser' });
  await adviserForm.getByLabel('Qualification level').selectOption({ label: 'Level 6 or above in careers guidance (qualified)' });
  await adviserForm.getByLabel('Email').fill('priya.shah@example.org');
  await adviserForm.getByRole('button', { name: 'Save adviser' }).click();
  await expect(adviserForm).toBeHidden();
  await expect(page.getByTestId('advisers-table').getByRole('row', { name: /Priya Shah/ })).toContainText('Active');

  const picker = header.getByLabel('Adviser using this computer');
  await picker.selectOption({ label: 'Priya Shah' });
  await expect(page.getByLabel('Current adviser').locator('option:checked')).toHaveText('Priya Shah');
  await expectAccessible(page, 'the Settings page with a school and an adviser');

  await page.reload();
  await expect(page.getByRole('banner').getByLabel('Adviser using this computer').locator('option:checked')).toHaveText('Priya Shah');
  await expect(page.getByTestId('service-form').getByLabel('Service name')).toHaveValue('Kent Careers Service');
  await expect(page.getByTestId('service-form').getByTestId('logo-preview')).toBeVisible();
  await expect(page.getByTestId('schools-table')).toContainText('Hartsdown Academy');
});

test('changed risk-of-NEET weights are kept, and can be reset to the defaults', async ({ page }) => {
  await openEmpty(page);
  await openSettings(page);
  const risk = page.getByTestId('risk-weights-form');
  const attendance = risk.getByLabel('Attendance below 90%');
  await expect(attendance).toHaveValue('3');
  await expect(attendance).toHaveAccessibleDescription('Default 3');

  await attendance.fill('25');
  await risk.getByRole('button', { name: 'Save weights' }).click();
  await expect(attendance).toHaveAccessibleDescription(/Enter a number of points from 0 to 20/);
  await page.reload();
  await expect(page.getByTestId('risk-weights-form').getByLabel('Attendance below 90%')).toHaveValue('3');

  await page.getByTestId('risk-weights-form').getByLabel('Attendance below 90%').fill('5');
  await page.getByTestId('risk-weights-form').getByRole('button', { name: 'Save weights' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Weights saved.' })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('risk-weights-form').getByLabel('Attendance below 90%')).toHaveValue('5');

  await page.getByTestId('risk-weights-form').getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Weights reset to the defaults.' })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('risk-weights-form').getByLabel('Attendance below 90%')).toHaveValue('3');
});

test("a school with young people cannot be removed, and new weights recompute the demo caseload's bands", async ({ page }) => {
  await openWithDemoData(page);
  await page.getByRole('banner').getByLabel('Adviser using this computer').selectOption({ label: 'Sam Okafor' });
  await openSettings(page);

  const firstSchool = page.getByTestId('schools-table').getByRole('row').nth(1);
  const name = (await firstSchool.getByRole('rowheader').textContent())!.trim();
  await firstSchool.getByRole('button', { name: `Remove ${name}` }).click();
  const confirm = page.getByRole('dialog', { name: `Remove ${name}?` });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Remove school' }).click();
  await expect(page.getByTestId('school-remove-refused')).toContainText(`${name} cannot be removed`);
  await expect(page.getByTestId('schools-table')).toContainText(name);

  const risk = page.getByTestId('risk-weights-form');
  await risk.getByLabel('Free school meals').fill('10');
  await risk.getByRole('button', { name: 'Save weights' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Weights saved.' })).toContainText(
    /Risk bands recomputed for [\d,]+ young people; [1-9][\d,]* changed band/,
  );
  await expectAccessible(page, 'the Settings page with demo data');
});

test('loading demo data a second time says it is already loaded, offers to replace it, and shows no database error', async ({ page }) => {
  await openWithDemoData(page);
  const schoolsBefore = (await readTable(page, 'schools')).length;
  await openSettings(page);
  const panel = page.locator('#demo-data');
  await panel.getByRole('button', { name: 'Load demo data' }).click();
  await expect(panel.getByRole('status')).toHaveText('Demo data is already loaded. Nothing was added.');
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(/bulkAdd|ConstraintError|operations failed/);
  expect((await readTable(page, 'schools')).length).toBe(schoolsBefore);
  await expectAccessible(page, 'the Settings page after loading demo data again');

  // Replacing it, after confirmation, loads the original demo records again.
  await panel.getByRole('button', { name: 'Replace demo data' }).click();
  const confirm = page.getByRole('dialog', { name: 'Replace demo data?' });
  await confirm.getByRole('button', { name: 'Replace demo data' }).click();
  await expect(panel.getByRole('status')).toContainText(/^Demo data loaded: [\d,]+ young people/, { timeout: 30_000 });
  expect((await readTable(page, 'schools')).length).toBe(schoolsBefore);
});

test("the demo fills in the service's details with its logo, and clearing the demo takes them away", async ({ page }) => {
  await openWithDemoData(page);
  await openSettings(page);
  const service = page.getByTestId('service-form');
  await expect(service.getByLabel('Service name')).toHaveValue('Weald and Coast Careers Service');
  await expect(service.getByLabel('Contact email')).toHaveValue('careers@example.org');
  const logo = service.getByTestId('logo-preview');
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(160);
  await expectAccessible(page, 'the Settings page with the demo service');

  const panel = page.locator('#demo-data');
  await panel.getByRole('button', { name: 'Clear demo data' }).click();
  await page.getByRole('dialog', { name: 'Clear demo data?' }).getByRole('button', { name: 'Clear demo data' }).click();
  await expect(panel.getByRole('status')).toContainText('Demo data cleared');
  await expect(service.getByLabel('Service name')).toHaveValue('');
  await expect(service.getByTestId('logo-preview')).toHaveCount(0);
  expect((await readTable<{ key: string }>(page, 'settings')).map((s) => s.key)).not.toContain('service');
});

test('the walking limits for journeys are checked beside each field and kept', async ({ page }) => {
  await openEmpty(page);
  await openSettings(page);
  const form = page.getByTestId('walking-form');
  await form.getByLabel('Farthest walk to or from a stop (m)').fill('500');
  await form.getByLabel('Farthest walk with access needs (m)').fill('800');
  await form.getByRole('button', { name: 'Save the walking settings' }).click();
  await expect(
    form.getByText('The farthest walk with access needs cannot be more than the farthest walk for everyone').first(),
  ).toBeVisible();
  expect((await readTable<{ key: string }>(page, 'settings')).some((row) => row.key === 'walking')).toBe(false);
  await expectAccessible(page, 'the walking settings with a problem');

  await form.getByLabel('Farthest walk with access needs (m)').fill('300');
  await form.getByRole('button', { name: 'Save the walking settings' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved: journeys walk at 4.5 km/h, up to 500 m (300 m with access needs).');
  const rows = await readTable<{ key: string; value: unknown }>(page, 'settings');
  expect(rows.find((row) => row.key === 'walking')?.value).toEqual({ speedKmh: 4.5, maxWalkMetres: 500, accessNeedsMaxWalkMetres: 300 });
});
