// An employer's documents: what a file really is (from its first bytes), the size limit and its
// messages (shared/employers/documents.ts), and the repository that keeps each file with its audit
// entry or not at all (renderer/src/db/employer-documents.ts).
import { testDatabaseOptions } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  attachmentSizeProblem,
  attachmentTypeOf,
  checkAttachForm,
  checkAttachmentContent,
  compareDocuments,
  documentCopyName,
  fileSizeInWords,
  keptFileName,
  otherFileTypeInWords,
  unreadableAttachmentMessage,
  type EmployerDocumentSummary,
} from '@shared/employers/documents';
import { fromBase64 } from '@shared/backup/format';
import { ATTACHMENT_MAX_BYTES, employerDocumentSchema } from '@shared/model';
import { CareersDeskDb } from '@renderer/db/schema';
import {
  attachEmployerDocument,
  auditDocumentCopy,
  listEmployerDocuments,
  removeEmployerDocument,
  restoreEmployerDocument,
  type AttachInput,
} from '@renderer/db/employer-documents';
import { clearDemoData } from '@renderer/db/demo';
import { createFactories } from '../support/factories';

const MB = 1024 * 1024;
const make = createFactories();
const encode = (text: string) => new TextEncoder().encode(text);

/** A small real PDF: the header, one empty page, and the trailer. */
function pdfBytes(): Uint8Array {
  return encode('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n%%EOF\n');
}
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);

describe('what an attached file really is', () => {
  it('is read from its first bytes, never its name', () => {
    expect(attachmentTypeOf(pdfBytes())).toBe('application/pdf');
    expect(attachmentTypeOf(PNG)).toBe('image/png');
    expect(attachmentTypeOf(JPEG)).toBe('image/jpeg');
    expect(attachmentTypeOf(encode('Just some notes'))).toBeNull();
    expect(attachmentTypeOf(new Uint8Array([0xff, 0xd8]))).toBeNull();

    // A PDF named .png is kept as the PDF it is, and its copy is saved as .pdf.
    const checked = checkAttachmentContent('certificate.png', pdfBytes());
    expect(checked.ok && checked.value.mediaType).toBe('application/pdf');
    expect(documentCopyName({ fileName: 'certificate.png', mediaType: 'application/pdf' })).toBe('certificate.pdf');
    expect(documentCopyName({ fileName: 'Risk assessment 2027', mediaType: 'image/jpeg' })).toBe('Risk assessment 2027.jpg');
  });

  it('keeps the bytes as base64 that reads back to the same bytes', () => {
    const checked = checkAttachmentContent('scan.jpg', JPEG);
    if (!checked.ok) throw new Error('expected a JPEG to be kept');
    expect(checked.value.byteLength).toBe(JPEG.length);
    expect(fromBase64(checked.value.contentBase64)).toEqual(JPEG);
  });

  it('names the type found when a file is not a PDF, PNG or JPEG', () => {
    const text = checkAttachmentContent('scan.pdf', encode('Dear Sir, please find our insurance attached.'));
    expect(!text.ok && text.problems).toEqual([
      { field: 'file', message: '“scan.pdf” is plain text, not a PDF, PNG or JPEG: attach a PDF, PNG or JPEG file' },
    ]);
    expect(otherFileTypeInWords(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]))).toBe(
      'a Word, Excel or zip file (DOCX, XLSX or ZIP)',
    );
    expect(otherFileTypeInWords(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe(
      'an older Word or Excel file (DOC or XLS)',
    );
    expect(otherFileTypeInWords(encode('GIF89a\u0001\u0000'))).toBe('a GIF image');
    expect(otherFileTypeInWords(new Uint8Array([0, 0, 0, 24, ...encode('ftypheic'), 0, 0]))).toBe(
      'a HEIC photo (the iPhone camera’s format)',
    );
    expect(otherFileTypeInWords(encode('<!DOCTYPE html><html><body>Insurance</body></html>'))).toBe('a web page (HTML)');
    expect(otherFileTypeInWords(new Uint8Array([0x00, 0x01, 0x02, 0x03]))).toBe('a kind of file Careers Desk does not recognise');
  });
});

describe('the size limit', () => {
  it('refuses a file over 5 MB, naming the file and its size', () => {
    expect(attachmentSizeProblem('scan.pdf', Math.round(7.2 * MB))).toBe('“scan.pdf” is 7.2 MB: attach a file of 5 MB or less');
    expect(attachmentSizeProblem('scan.pdf', ATTACHMENT_MAX_BYTES)).toBeNull();
    // One byte over would round to "5.0 MB", which reads as allowed.
    expect(attachmentSizeProblem('scan.pdf', ATTACHMENT_MAX_BYTES + 1)).toBe('“scan.pdf” is just over 5 MB: attach a file of 5 MB or less');
    const big = new Uint8Array(6 * MB);
    big.set(pdfBytes());
    const checked = checkAttachmentContent('big.pdf', big);
    expect(!checked.ok && checked.problems[0]?.message).toBe('“big.pdf” is 6.0 MB: attach a file of 5 MB or less');
  });

  it('refuses an empty file, and says so when a file cannot be read', () => {
    expect(attachmentSizeProblem('blank.pdf', 0)).toBe('“blank.pdf” is empty: choose the document itself, not an empty copy');
    const empty = checkAttachmentContent('blank.pdf', new Uint8Array(0));
    expect(!empty.ok && empty.problems[0]?.message).toContain('“blank.pdf” is empty');
    expect(unreadableAttachmentMessage('Insurance.pdf')).toBe(
      '“Insurance.pdf” could not be read: check it opens on this computer, then choose it again',
    );
  });

  it('says sizes as people do', () => {
    expect(fileSizeInWords(1)).toBe('1 byte');
    expect(fileSizeInWords(900)).toBe('900 bytes');
    expect(fileSizeInWords(120 * 1024 + 300)).toBe('120 KB');
    expect(fileSizeInWords(1024 * 1024 - 1)).toBe('1.0 MB');
    expect(fileSizeInWords(Math.round(7.25 * MB))).toBe('7.3 MB');
  });
});

describe('the attach form', () => {
  const today = '2027-03-10';
  it('asks for a file, what it is and a real date received, not after today; an oversized file is refused before it is read', () => {
    expect(checkAttachForm({ kind: null, receivedOn: '', file: null }, today)).toEqual([
      { field: 'file', message: 'Choose the file to attach' },
      { field: 'kind', message: 'Choose what the document is' },
      { field: 'receivedOn', message: 'Enter the date the document was received' },
    ]);
    expect(checkAttachForm({ kind: 'insurance', receivedOn: '2027-02-30', file: { name: 'a.pdf', size: 10 } }, today)).toEqual([
      { field: 'receivedOn', message: 'Enter a real date' },
    ]);
    expect(checkAttachForm({ kind: 'insurance', receivedOn: '2027-03-11', file: { name: 'a.pdf', size: 10 } }, today)).toEqual([
      { field: 'receivedOn', message: 'The date received cannot be after today' },
    ]);
    expect(checkAttachForm({ kind: 'dbs', receivedOn: today, file: { name: 'scan.pdf', size: 6 * MB } }, today)).toEqual([
      { field: 'file', message: '“scan.pdf” is 6.0 MB: attach a file of 5 MB or less' },
    ]);
    expect(checkAttachForm({ kind: 'dbs', receivedOn: today, file: { name: 'scan.pdf', size: 10 } }, today)).toEqual([]);
  });

  it('keeps a file name without hidden controls, and cut to the record’s limit with its extension', () => {
    expect(keptFileName('Invoice\u202Efdp.exe')).toBe('Invoice fdp.exe');
    const long = keptFileName(`${'a'.repeat(300)}.pdf`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('….pdf')).toBe(true);
  });

  it('lists documents by kind, then the newest received first', () => {
    const doc = (kind: EmployerDocumentSummary['kind'], receivedOn: string) => ({ kind, receivedOn }) as EmployerDocumentSummary;
    const sorted = [
      doc('other', '2027-01-01'),
      doc('insurance', '2026-01-01'),
      doc('insurance', '2027-01-01'),
      doc('risk-assessment', '2025-01-01'),
    ]
      .sort(compareDocuments)
      .map((d) => `${d.kind} ${d.receivedOn}`);
    expect(sorted).toEqual(['insurance 2027-01-01', 'insurance 2026-01-01', 'risk-assessment 2025-01-01', 'other 2027-01-01']);
  });
});

describe('the documents repository', () => {
  let db: CareersDeskDb;
  const now = new Date('2027-03-10T10:00:00Z');

  beforeEach(async () => {
    db = new CareersDeskDb(`careers-desk-documents-${crypto.randomUUID()}`, testDatabaseOptions());
    await db.open();
  });

  afterEach(async () => {
    db.close();
    await db.delete();
  });

  function input(employerId: string, overrides: Partial<AttachInput> = {}): AttachInput {
    return {
      employerId,
      kind: 'insurance',
      fileName: 'Insurance certificate J Smith.pdf',
      receivedOn: '2027-03-09',
      bytes: pdfBytes(),
      ...overrides,
    };
  }

  it('keeps the file with one audit entry that names the kind and employer, never the file', async () => {
    const employer = make.employer({ name: 'Harbour Kitchens' });
    await db.employers.add(employer);
    const attached = await attachEmployerDocument(db, input(employer.id), 'adviser-1', now);
    if (!attached.ok) throw new Error(attached.problems.map((p) => p.message).join('; '));
    expect(attached.value).not.toHaveProperty('contentBase64');

    const stored = await db.employerDocuments.get(attached.value.id);
    expect(employerDocumentSchema.parse(stored)).toMatchObject({
      employerId: employer.id,
      kind: 'insurance',
      fileName: 'Insurance certificate J Smith.pdf',
      mediaType: 'application/pdf',
      byteLength: pdfBytes().length,
      receivedOn: '2027-03-09',
      isDemo: false,
    });
    expect(fromBase64(stored!.contentBase64)).toEqual(pdfBytes());

    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'create',
      entity: 'employer-document',
      recordId: attached.value.id,
      pupilId: null,
      adviserId: 'adviser-1',
      summary:
        'Attached a document to the employer Harbour Kitchens: ' +
        `Employer's liability insurance certificate, PDF, ${pdfBytes().length} bytes`,
    });
    expect(audit[0]).not.toHaveProperty('before');
    expect(JSON.stringify(audit)).not.toContain('Smith');

    const listed = await listEmployerDocuments(db, employer.id);
    expect(listed.map((d) => d.id)).toEqual([attached.value.id]);
    expect(listed[0]).not.toHaveProperty('contentBase64');
  });

  it('writes nothing, neither the document nor its audit entry, when the audit write fails', async () => {
    const employer = make.employer();
    await db.employers.add(employer);
    db.audit.hook('creating', () => {
      throw new Error('The disk is full');
    });
    await expect(attachEmployerDocument(db, input(employer.id), null, now)).rejects.toThrow('The disk is full');
    expect(await db.employerDocuments.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('writes nothing for a file that is not what it says, nor for an employer no longer recorded', async () => {
    const employer = make.employer();
    await db.employers.add(employer);
    const text = await attachEmployerDocument(
      db,
      input(employer.id, { fileName: 'notes.pdf', bytes: encode('Not a PDF at all') }),
      null,
      now,
    );
    expect(!text.ok && text.problems).toEqual([
      { field: 'file', message: '“notes.pdf” is plain text, not a PDF, PNG or JPEG: attach a PDF, PNG or JPEG file' },
    ]);
    const noKind = await attachEmployerDocument(db, input(employer.id, { kind: null }), null, now);
    expect(!noKind.ok && noKind.problems).toEqual([{ field: 'kind', message: 'Choose what the document is' }]);
    await expect(attachEmployerDocument(db, input(crypto.randomUUID()), null, now)).rejects.toThrow('That employer is no longer recorded');
    expect(await db.employerDocuments.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('removes a document with an audit entry, puts it back on undo, and records a copy saved', async () => {
    const employer = make.employer();
    await db.employers.add(employer);
    const attached = await attachEmployerDocument(db, input(employer.id, { kind: 'risk-assessment' }), null, now);
    if (!attached.ok) throw new Error('expected it to attach');

    const removed = await removeEmployerDocument(db, attached.value.id, null, now);
    expect(removed?.id).toBe(attached.value.id);
    expect(await db.employerDocuments.count()).toBe(0);
    expect(await removeEmployerDocument(db, attached.value.id, null, now)).toBeNull();

    await restoreEmployerDocument(db, removed!, null, now);
    expect(await db.employerDocuments.get(attached.value.id)).toEqual(removed);
    await auditDocumentCopy(db, attached.value.id, null, now);

    const entries = await db.audit.orderBy('seq').toArray();
    expect(entries.map((e) => [e.action, e.entity, e.recordId])).toEqual([
      ['create', 'employer-document', attached.value.id],
      ['delete', 'employer-document', attached.value.id],
      ['create', 'employer-document', attached.value.id],
      ['export', 'employer-document', attached.value.id],
    ]);
    expect(entries.every((e) => !e.summary.includes('Smith') && e.before === undefined)).toBe(true);
  });

  it('takes the documents of demo employers when the demo data is cleared, and leaves the others', async () => {
    const demo = make.employer({ name: 'Demo Bakery', isDemo: true });
    const real = make.employer({ name: 'Real Garage' });
    await db.employers.bulkAdd([demo, real]);
    const onDemo = await attachEmployerDocument(db, input(demo.id), null, now);
    const onReal = await attachEmployerDocument(db, input(real.id), null, now);
    if (!onDemo.ok || !onReal.ok) throw new Error('expected both to attach');
    expect(onDemo.value.isDemo).toBe(true);

    await clearDemoData(db, null, now);
    expect(await db.employers.get(demo.id)).toBeUndefined();
    expect((await db.employerDocuments.toArray()).map((d) => d.id)).toEqual([onReal.value.id]);
  });
});
