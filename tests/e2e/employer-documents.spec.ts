// An employer's paperwork from the employer's page: the risk controls agreed and the DBS position
// through the form, and the documents themselves attached, refused when too big or not what they say,
// kept across a reload, saved as a copy and removed with a confirmation and an Undo.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { formatUkDate } from '../../shared/academic-year';
import { expectAccessible, localToday, openWithDemoData, readTable, type StoredEmployer } from './support';

interface StoredDocument {
  id: string;
  employerId: string;
  kind: string;
  fileName: string;
  mediaType: string;
  byteLength: number;
}

interface StoredAuditEntry {
  seq: number;
  entity: string;
  action: string;
  summary: string;
}

/** A small, real one-page PDF, built here byte by byte (offsets in the cross-reference table included). */
function smallPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The first demo employer with a name no other employer starts with, opened on its page. */
async function openAnEmployer(page: Page): Promise<StoredEmployer> {
  const employers = await readTable<StoredEmployer>(page, 'employers');
  const employer = employers.find((e) => !employers.some((other) => other !== e && other.name.startsWith(e.name)))!;
  await page.goto(`/#/employers/${employer.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(employer.name);
  return employer;
}

test('the risk controls agreed and the DBS position are set through the form, shown on the page, and kept by later edits', async ({
  page,
}) => {
  await openWithDemoData(page);
  const employer = await openAnEmployer(page);
  await page.getByRole('link', { name: 'Edit employer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit an employer' })).toBeVisible();

  const controls = page.getByRole('textbox', { name: 'Risk controls agreed' });
  const dbs = page.getByRole('group', { name: 'DBS position' });
  // Too long: the message says the limit and how long it is, and nothing is saved.
  await controls.fill('x'.repeat(3010));
  await page.getByRole('button', { name: 'Save' }).click();
  const summary = page.getByTestId('error-summary');
  await expect(summary).toContainText('Risk controls agreed: Keep the risk controls to 3,000 characters or fewer: there are 3,010');
  await expect(controls).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'the employer form with the risk controls too long');
  const unchanged = (await readTable<StoredEmployer & { checks: { riskControls: string } }>(page, 'employers')).find(
    (e) => e.id === employer.id,
  );
  expect(unchanged?.checks.riskControls).not.toHaveLength(3010);

  await controls.fill('Site induction on the first morning.\nHard hat and boots provided; no work at height.');
  await dbs.getByRole('radio', { name: 'Enhanced DBS check held by the supervising staff' }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(employer.name);
  const checks = page.getByTestId('employer-checks');
  await expect(checks.getByTestId('risk-controls')).toHaveText(
    'Site induction on the first morning.\nHard hat and boots provided; no work at height.',
  );
  await expect(checks.getByTestId('dbs-position')).toHaveText('Enhanced DBS check held by the supervising staff');
  await expectAccessible(page, 'the employer page with its risk controls and DBS position');

  // Editing something else keeps them: the form carries both.
  await page.getByRole('link', { name: 'Edit employer' }).click();
  await expect(controls).toHaveValue('Site induction on the first morning.\nHard hat and boots provided; no work at height.');
  await expect(dbs.getByRole('radio', { name: 'Enhanced DBS check held by the supervising staff' })).toBeChecked();
  await page.getByRole('textbox', { name: 'Notes' }).fill('Prefers email.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(checks.getByTestId('dbs-position')).toHaveText('Enhanced DBS check held by the supervising staff');
  await expect(checks.getByTestId('risk-controls')).toContainText('Site induction on the first morning.');
});

test('a document is attached, refused when too big or not a PDF, kept across a reload, saved as a copy and removed', async ({ page }) => {
  await openWithDemoData(page);
  const today = await localToday(page);
  const employer = await openAnEmployer(page);
  const section = page.getByTestId('employer-documents');
  const form = section.getByTestId('attach-document');
  const status = section.getByTestId('documents-status');
  const rows = section.getByTestId('document-row');
  await expect(section.getByTestId('documents-empty')).toHaveText(
    'No documents attached yet. When the employer sends their insurance certificate or risk assessment, attach it below.',
  );
  await expect(form.getByLabel('Received on')).toHaveValue(today);
  await expectAccessible(page, 'the employer page with no documents');

  // A small real PDF, attached as the insurance certificate.
  const pdf = smallPdf();
  await form
    .getByLabel('File', { exact: true })
    .setInputFiles({ name: 'Insurance certificate.pdf', mimeType: 'application/pdf', buffer: pdf });
  await form.getByRole('combobox', { name: 'What it is' }).selectOption({ label: "Employer's liability insurance certificate" });
  await form.getByRole('button', { name: 'Attach document' }).click();
  await expect(status).toContainText("Attached “Insurance certificate.pdf” as employer's liability insurance certificate.");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Employer's liability insurance certificate");
  await expect(rows.first()).toContainText('Insurance certificate.pdf');
  await expect(rows.first()).toContainText(`${pdf.length} bytes`);
  await expect(rows.first()).toContainText(formatUkDate(today));
  // The form is ready for the next one.
  await expect(form.getByRole('combobox', { name: 'What it is' }).locator('option:checked')).toHaveText('Choose what it is');
  await expect(form.getByLabel('Received on')).toHaveValue(today);

  // Over 5 MB: said as soon as it is chosen, and again on Attach; nothing is added.
  const big = Buffer.alloc(6 * 1024 * 1024);
  pdf.copy(big);
  await form.getByLabel('File', { exact: true }).setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: big });
  const fileError = form.getByTestId('document-file-error');
  await expect(fileError).toHaveText('Error: “scan.pdf” is 6.0 MB: attach a file of 5 MB or less');
  await form.getByRole('combobox', { name: 'What it is' }).selectOption({ label: 'Risk assessment' });
  await form.getByRole('button', { name: 'Attach document' }).click();
  await expect(form.getByTestId('error-summary')).toContainText('File: “scan.pdf” is 6.0 MB: attach a file of 5 MB or less');
  await expect(form.getByLabel('File', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(rows).toHaveCount(1);

  // Named .pdf, but really text: the message names what it is; nothing is added.
  await form
    .getByLabel('File', { exact: true })
    .setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Risk assessment to follow next week.\n') });
  await form.getByRole('button', { name: 'Attach document' }).click();
  await expect(fileError).toHaveText('Error: “notes.pdf” is plain text, not a PDF, PNG or JPEG: attach a PDF, PNG or JPEG file');
  await expect(form.getByTestId('error-summary')).toBeFocused();
  await expectAccessible(page, 'the attach form with a refused file');
  await expect(rows).toHaveCount(1);

  // A file the computer cannot read (moved, or on a drive that went away): the message names it.
  await page.evaluate(() => {
    File.prototype.arrayBuffer = () => Promise.reject(new DOMException('The file could not be read', 'NotReadableError'));
  });
  await form.getByLabel('File', { exact: true }).setInputFiles({ name: 'moved.pdf', mimeType: 'application/pdf', buffer: pdf });
  await form.getByRole('button', { name: 'Attach document' }).click();
  await expect(fileError).toHaveText('Error: “moved.pdf” could not be read: check it opens on this computer, then choose it again');
  await expect(rows).toHaveCount(1);

  // Only the one document, with its one audit entry, which never names the file.
  const stored = await readTable<StoredDocument>(page, 'employerDocuments');
  expect(stored.map((d) => [d.employerId, d.kind, d.fileName, d.mediaType, d.byteLength])).toEqual([
    [employer.id, 'insurance', 'Insurance certificate.pdf', 'application/pdf', pdf.length],
  ]);
  const audit = (await readTable<StoredAuditEntry>(page, 'audit')).filter((e) => e.entity === 'employer-document');
  expect(audit.map((e) => e.action)).toEqual(['create']);
  expect(audit[0]!.summary).not.toContain('Insurance certificate.pdf');

  // Still there after a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(employer.name);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Insurance certificate.pdf');

  // A copy saved is the same bytes.
  const download = page.waitForEvent('download');
  await rows.first().getByRole('button', { name: 'Save a copy of “Insurance certificate.pdf”' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('Insurance certificate.pdf');
  expect(Buffer.from(await readFile(await saved.path())).equals(pdf)).toBe(true);
  await expect(status).toContainText('Saved a copy of “Insurance certificate.pdf”.');

  // Removing asks first, from the keyboard too; Escape leaves it.
  const remove = rows.first().getByRole('button', { name: 'Remove “Insurance certificate.pdf”' });
  await remove.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Remove “Insurance certificate.pdf”?' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'the confirmation to remove a document');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(1);

  // Confirmed, it goes; Undo puts it back; removed again, it stays gone.
  await remove.click();
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(status).toContainText('Removed “Insurance certificate.pdf”.');
  await expect(section.getByTestId('documents-empty')).toBeVisible();
  const undo = status.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status).toContainText('Put back “Insurance certificate.pdf”.');
  await expect(rows).toHaveCount(1);

  await rows.first().getByRole('button', { name: 'Remove “Insurance certificate.pdf”' }).click();
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(section.getByTestId('documents-empty')).toBeVisible();
  expect(await readTable(page, 'employerDocuments')).toEqual([]);
  const trail = (await readTable<StoredAuditEntry>(page, 'audit'))
    .filter((e) => e.entity === 'employer-document')
    .sort((a, b) => a.seq - b.seq);
  expect(trail.map((e) => e.action)).toEqual(['create', 'export', 'delete', 'create', 'delete']);
  await page.reload();
  await expect(section.getByTestId('documents-empty')).toBeVisible();
  await expectAccessible(page, 'the employer page after removing its document');
});
