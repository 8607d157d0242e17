// A placement's letters: from the placements desk to its paperwork page, each of the three saved as a PDF and read back.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, openWithDemoData, readTable, type StoredEmployer, type StoredPupil } from './support';
import { pdfPagesText } from './pdf-text';
import { DEMO_SERVICE } from '../../shared/demo/service';
import { employerLabel } from '../../shared/employers/list';

interface StoredExperience {
  id: string;
  kind: string;
  status: string;
  pupilIds: string[];
  employerId: string;
  paperwork: {
    consent: { givenBy: string; on: string } | null;
    emergencyContacts: { name: string; phone: string }[];
    travelPlan: { kinds: string[]; details: string };
  };
}

interface AuditRow {
  action: string;
  entity: string;
  recordId: string | null;
  pupilId: string | null;
  summary: string;
}

function nameOf(p: StoredPupil): string {
  return `${p.preferredForename || p.legalForename} ${p.preferredSurname || p.legalSurname}`;
}

/** Clicks one letter's button (or presses Enter on it), waits for the download, and returns its file name and text. */
async function saveLetter(page: Page, button: string, how: 'click' | 'keyboard' = 'click'): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  const target = page.getByTestId('placement-letters').getByRole('button', { name: button });
  if (how === 'keyboard') {
    await target.focus();
    await page.keyboard.press('Enter');
  } else {
    await target.click();
  }
  const file = await download;
  // The button keeps the focus while the letter is made and after it is saved.
  await expect(target).toBeFocused();
  const text = (await pdfPagesText(await readFile((await file.path())!))).join('\n');
  return { name: file.suggestedFilename(), text };
}

test("saves a placement's three letters from its paperwork page, with the notes on the employer's only when shared", async ({ page }) => {
  await openWithDemoData(page);
  const experiences = await readTable<StoredExperience>(page, 'experiences');
  const pupils = await readTable<StoredPupil & { upn: string | null }>(page, 'pupils');
  const employers = await readTable<StoredEmployer>(page, 'employers');
  // Confirmed, under way or done, depending on the day the demo is loaded: each has its paperwork.
  const placement = ['confirmed', 'in-progress', 'completed']
    .map((status) =>
      experiences.find(
        (e) =>
          e.kind === 'work-placement' &&
          e.status === status &&
          e.paperwork.consent !== null &&
          e.paperwork.travelPlan.details !== '' &&
          pupils.find((p) => p.id === e.pupilIds[0])?.upn,
      ),
    )
    .find((found) => found !== undefined)!;
  expect(placement, 'a demo placement with consent and a travel plan').toBeDefined();
  const pupil = pupils.find((p) => p.id === placement.pupilIds[0])!;
  const employer = employers.find((e) => e.id === placement.employerId)!;
  const name = nameOf(pupil);
  const familyPhone = placement.paperwork.emergencyContacts[0]!.phone;

  // From the desk, as a coordinator would get there: the employer chosen, so the placement is on the first page.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Placements' }).click();
  await page.getByLabel('Employer', { exact: true }).selectOption({ label: employerLabel(employer) });
  await page
    .getByTestId(`desk-${placement.id}`)
    .getByRole('link', { name: /Consent and paperwork/ })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Consent and paperwork for ${name}'s placement`);

  const form = page.getByTestId('paperwork-form');
  await form.getByLabel('Notes for this placement').fill('Carries an inhaler for asthma.');
  await form.getByLabel('Share these notes with the employer').uncheck();
  await form.getByLabel('Who to ask for on arrival').fill('Reception, then Sam Lee');
  await form.getByLabel('What to bring or wear').fill('Black trousers\nA packed lunch');
  await form.getByRole('button', { name: 'Save paperwork' }).click();
  await expect(form.getByTestId('paperwork-saved')).toContainText('Saved, with parental consent');

  const letters = page.getByRole('region', { name: 'Letters' });
  await expect(letters).toBeVisible();
  // The demo sets up the service's details, so nothing is missing, and the letters are from the service.
  await expect(letters.getByTestId('service-details-warning')).toHaveCount(0);
  await expectAccessible(page, "a placement's paperwork page with its letters");

  const confirmation = await saveLetter(page, 'Confirmation to the employer');
  expect(confirmation.name).toBe(`Placement confirmation - ${employer.name} - ${name}.pdf`);
  expect(confirmation.text).toContain('Work placement confirmation');
  expect(confirmation.text).toContain(`${name} at ${employer.name}`);
  expect(confirmation.text).toContain('What we ask of you');
  expect(confirmation.text).toContain(DEMO_SERVICE.contact.phone);
  expect(confirmation.text).not.toContain('inhaler');
  expect(confirmation.text).not.toContain(familyPhone);
  expect(confirmation.text).not.toContain(pupil.upn!);
  await expect(letters.getByRole('status')).toHaveText(`Saved “${confirmation.name}”.`);

  const consent = await saveLetter(page, 'Information and consent form for the parent or carer');
  expect(consent.name).toBe(`Placement information and consent - ${employer.name} - ${name}.pdf`);
  expect(consent.text).toContain(`To the parent or carer of ${name}`);
  expect(consent.text).toContain(`given by ${placement.paperwork.consent!.givenBy}`);
  expect(consent.text).toContain('Consent slip');
  expect(consent.text).toContain(placement.paperwork.travelPlan.details.split(' ').slice(0, 3).join(' '));
  expect(consent.text).not.toContain(pupil.upn!);

  const sheet = await saveLetter(page, "The young person's placement sheet", 'keyboard');
  expect(sheet.name).toBe(`Placement sheet - ${employer.name} - ${name}.pdf`);
  expect(sheet.text).toContain('Your work placement');
  expect(sheet.text).toContain('ask for Reception, then Sam Lee');
  expect(sheet.text).toContain('Black trousers');
  expect(sheet.text).toContain('If something goes wrong');
  expect(sheet.text).not.toContain(pupil.upn!);

  // Shared with the employer: now on their letter.
  await form.getByLabel('Share these notes with the employer').check();
  await form.getByRole('button', { name: 'Save paperwork' }).click();
  await expect(form.getByTestId('paperwork-saved')).toContainText('Saved');
  const shared = await saveLetter(page, 'Confirmation to the employer');
  expect(shared.text).toContain('Medical or access needs');
  expect(shared.text).toContain('Carries an inhaler for asthma.');

  const audit = await readTable<AuditRow>(page, 'audit');
  const exports = audit.filter((a) => a.action === 'export' && a.entity === 'placement' && a.recordId === placement.id);
  expect(exports.map((a) => a.summary).sort()).toEqual(
    [
      'Exported a placement letter as PDF (placement confirmation for the employer)',
      'Exported a placement letter as PDF (placement confirmation for the employer)',
      'Exported a placement letter as PDF (placement information and consent for the parent or carer)',
      'Exported a placement letter as PDF (placement sheet for the young person)',
    ].sort(),
  );
  expect(exports.every((a) => a.pupilId === pupil.id && !a.summary.includes(pupil.legalSurname))).toBe(true);
});

test("prints the service's name and contact details on the letters once they are set up, with no warning", async ({ page }) => {
  await openWithDemoData(page);
  await page.goto('/#/settings');
  const service = page.getByTestId('service-form');
  await service.getByLabel('Service name').fill('Medway Careers Hub');
  await service.getByLabel('Contact name').fill('Priya Adviser');
  await service.getByLabel('Contact phone').fill('01634 555000');
  await service.getByLabel('Contact email').fill('hub@example.org');
  await service.getByLabel('Address').fill('Gun Wharf, Chatham ME4 4TR');
  await service.getByRole('button', { name: "Save your service's details" }).click();
  await expect(page.getByRole('status').filter({ hasText: "Your service's details are saved." })).toBeVisible();

  const placement = (await readTable<StoredExperience>(page, 'experiences')).find((e) => e.kind === 'work-placement')!;
  const employer = (await readTable<StoredEmployer>(page, 'employers')).find((e) => e.id === placement.employerId)!;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Placements' }).click();
  await page.getByLabel('Employer', { exact: true }).selectOption({ label: employerLabel(employer) });
  await page
    .getByTestId(`desk-${placement.id}`)
    .getByRole('link', { name: /Consent and paperwork|Record parental consent/ })
    .click();
  const letters = page.getByRole('region', { name: 'Letters' });
  await expect(letters.getByRole('button', { name: "The young person's placement sheet" })).toBeVisible();
  await expect(letters.getByTestId('service-details-warning')).toHaveCount(0);

  const sheet = await saveLetter(page, "The young person's placement sheet");
  expect(sheet.text).toContain('Medway Careers Hub');
  expect(sheet.text).toContain('Gun Wharf, Chatham ME4 4TR');
  expect(sheet.text).toContain('Priya Adviser at Medway Careers Hub on 01634 555000 or at hub@example.org');
  expect(sheet.text).not.toContain('Careers guidance service');
});
