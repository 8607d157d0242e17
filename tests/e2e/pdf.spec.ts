import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { expect, test } from '@playwright/test';
import { expectAccessible, openWithDemoData, readTable } from './support';
import { pdfPagesText as pdfText } from './pdf-text';

interface StoredPupil {
  id: string;
  legalForename: string;
  legalSurname: string;
  preferredForename: string;
  preferredSurname: string;
  upn: string | null;
}
interface StoredPlan {
  id: string;
  pupilId: string;
}

function nameOf(p: StoredPupil): string {
  return `${p.preferredForename || p.legalForename} ${p.preferredSurname || p.legalSurname}`;
}

test("saves a pupil's action plan as a PDF that names them and leaves out the UPN", async ({ page }) => {
  await openWithDemoData(page);
  const plans = await readTable<StoredPlan>(page, 'actionPlans');
  const pupils = await readTable<StoredPupil>(page, 'pupils');
  const pupil = pupils.find((p) => p.upn && plans.some((plan) => plan.pupilId === p.id))!;
  await page.goto(`/#/pupils/${pupil.id}`);
  await page.getByRole('button', { name: 'Save latest action plan as PDF' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save the action plan as a PDF' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'the PDF options');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^Action plan - ${nameOf(pupil).replace(/'/g, "'?")} - \\d{4}-\\d{2}-\\d{2}\\.pdf$`));
  const pages = await pdfText(await readFile((await file.path())!));
  const text = pages.join('\n');
  expect(text).toContain('Careers action plan');
  expect(text).toContain(nameOf(pupil));
  expect(text).toContain('Your next steps');
  expect(text).not.toContain(pupil.upn!);
  await expect(page.getByRole('status').filter({ hasText: 'saved as a PDF' })).toBeVisible();
  const audit = await readTable<{ action: string; entity: string; pupilId: string }>(page, 'audit');
  expect(audit.some((a) => a.action === 'export' && a.entity === 'action-plan' && a.pupilId === pupil.id)).toBe(true);
});

test("saves many pupils' plans into one zip with progress, naming those without a plan", async ({ page }) => {
  await openWithDemoData(page);
  const plans = await readTable<StoredPlan>(page, 'actionPlans');
  const pupils = await readTable<StoredPupil>(page, 'pupils');
  const withPlans = pupils.filter((p) => plans.some((plan) => plan.pupilId === p.id)).slice(0, 3);
  const withoutPlan = pupils.find((p) => !plans.some((plan) => plan.pupilId === p.id))!;
  await page.goto('/#/pupils');
  const search = page.getByRole('searchbox', { name: 'Search by name or UPN' });
  for (const pupil of [...withPlans, withoutPlan]) {
    await search.fill(pupil.upn ?? pupil.legalSurname);
    await page
      .getByRole('checkbox', { name: `Choose ${nameOf(pupil)}` })
      .first()
      .check();
  }
  await expect(page.getByTestId('selected-count')).toHaveText('4 selected');
  await page.getByRole('button', { name: 'Save action plans as PDFs' }).click();
  const dialog = page.getByTestId('batch-export');
  await expectAccessible(page, 'the batch export dialog');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save PDFs' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Action plans - .+\.zip$/);
  await expect(dialog.getByTestId('batch-outcome')).toContainText('3 action plans saved');
  await expect(dialog.getByTestId('batch-outcome')).toContainText(`No action plan yet for: ${nameOf(withoutPlan)}`);
  await expect(dialog.getByRole('progressbar')).toHaveAttribute('value', '3');
  const zip = await JSZip.loadAsync(await readFile((await file.path())!));
  const names = Object.keys(zip.files);
  expect(names).toHaveLength(3);
  for (const pupil of withPlans) {
    const entry = names.find((n) => n.includes(nameOf(pupil)))!;
    expect(entry).toBeDefined();
    const text = (await pdfText(Buffer.from(await zip.file(entry)!.async('uint8array')))).join('\n');
    expect(text).toContain(nameOf(pupil));
  }
});

test("the PDF dialog warns when the service's details are missing, and not once they are set up", async ({ page }) => {
  await openWithDemoData(page);
  // The demo sets up its service's details: take away every way to reach it, so the warning has cause.
  await page.goto('/#/settings');
  const setUp = page.getByTestId('service-form');
  for (const label of ['Contact phone', 'Contact email', 'Address']) await setUp.getByLabel(label).fill('');
  await setUp.getByRole('button', { name: "Save your service's details" }).click();
  await expect(page.getByRole('status').filter({ hasText: "Your service's details are saved." })).toBeVisible();
  const plans = await readTable<StoredPlan>(page, 'actionPlans');
  const pupilId = plans[0]!.pupilId;
  await page.goto(`/#/pupils/${pupilId}`);
  await page.getByRole('button', { name: 'Save latest action plan as PDF' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save the action plan as a PDF' });
  const warning = dialog.getByTestId('service-details-warning');
  await expect(warning).toContainText("Your service's details are not set up.");
  await expect(warning).toContainText('tell the family to ask their school or adviser for your contact details');
  await expectAccessible(page, 'the PDF options warning of missing service details');
  await warning.getByRole('link', { name: "Add your service's details in Settings" }).click();

  const service = page.getByTestId('service-form');
  await service.getByLabel('Service name').fill('Kent Careers Service');
  await service.getByLabel('Contact email').fill('careers@example.org');
  await service.getByRole('button', { name: "Save your service's details" }).click();
  await expect(page.getByRole('status').filter({ hasText: "Your service's details are saved." })).toBeVisible();

  await page.goto(`/#/pupils/${pupilId}`);
  await page.getByRole('button', { name: 'Save latest action plan as PDF' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('service-details-warning')).toHaveCount(0);
});
