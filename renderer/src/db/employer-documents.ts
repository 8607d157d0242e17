import { employerDocumentSchema, problemsFromZod, type Checked, type EmployerDocument, type EmployerDocumentKind } from '@shared/model';
import {
  checkAttachmentContent,
  compareDocuments,
  documentKindLabel,
  fileSizeInWords,
  keptFileName,
  mediaTypeLabel,
  type EmployerDocumentSummary,
} from '@shared/employers/documents';
import type { CareersDeskDb } from './schema';
import { writeAudit } from './audit';

/**
 * The files employers send for their placement checks (insurance certificates, risk assessments,
 * safeguarding and DBS confirmations), kept in their own table. Each change is one transaction with
 * its audit entry, so a file is kept with its trail or not at all. Audit entries say what kind of
 * document, its type and size, and which employer: never the file's name or content, which can name
 * people (a DBS confirmation names the member of staff).
 */

export interface AttachInput {
  employerId: string;
  kind: EmployerDocumentKind | null;
  /** The name the file had on the computer it came from. */
  fileName: string;
  receivedOn: string;
  bytes: Uint8Array;
}

/** The form's field for each field of the record, so a refusal shows beside the right control. */
const FORM_FIELDS: Record<string, string> = {
  fileName: 'file',
  mediaType: 'file',
  byteLength: 'file',
  contentBase64: 'file',
  kind: 'kind',
  receivedOn: 'receivedOn',
};

export function summaryOf(document: EmployerDocument): EmployerDocumentSummary {
  const { contentBase64: _content, ...summary } = document;
  return summary;
}

/** "Risk assessment, PDF, 120 KB": what the audit log says of a document. */
function described(document: Pick<EmployerDocument, 'kind' | 'mediaType' | 'byteLength'>): string {
  return `${documentKindLabel(document.kind)}, ${mediaTypeLabel(document.mediaType)}, ${fileSizeInWords(document.byteLength)}`;
}

/** An employer's documents, without the files themselves, by kind then newest received first. */
export async function listEmployerDocuments(db: CareersDeskDb, employerId: string): Promise<EmployerDocumentSummary[]> {
  const documents = await db.employerDocuments.where('employerId').equals(employerId).toArray();
  return documents.map(summaryOf).sort(compareDocuments);
}

/** One document with its file, to save a copy. */
export function getEmployerDocument(db: CareersDeskDb, id: string): Promise<EmployerDocument | undefined> {
  return db.employerDocuments.get(id);
}

/**
 * Attaches a file to an employer: its bytes checked (size, and really a PDF, PNG or JPEG), then the
 * document and its audit entry written together. Problems the adviser can fix come back as values on
 * the form's fields (file, kind, receivedOn), and nothing is written; an employer no longer recorded
 * is refused with an Error.
 */
export async function attachEmployerDocument(
  db: CareersDeskDb,
  input: AttachInput,
  actorId: string | null,
  now: Date = new Date(),
): Promise<Checked<EmployerDocumentSummary>> {
  const content = checkAttachmentContent(input.fileName, input.bytes);
  if (!content.ok) return content;
  return db.transaction('rw', [db.employers, db.employerDocuments, db.audit], async (): Promise<Checked<EmployerDocumentSummary>> => {
    const employer = await db.employers.get(input.employerId);
    if (!employer) throw new Error('That employer is no longer recorded');
    const stamp = now.toISOString();
    const parsed = employerDocumentSchema.safeParse({
      id: crypto.randomUUID(),
      createdAt: stamp,
      updatedAt: stamp,
      // A document of a demo employer goes when the demo data is cleared, with the employer.
      isDemo: employer.isDemo,
      employerId: employer.id,
      kind: input.kind,
      fileName: keptFileName(input.fileName),
      receivedOn: input.receivedOn,
      ...content.value,
    });
    if (!parsed.success) {
      const problems = problemsFromZod(parsed.error).map((p) => ({ ...p, field: FORM_FIELDS[p.field] ?? p.field }));
      return { ok: false, problems };
    }
    const document = parsed.data;
    await db.employerDocuments.add(document);
    await writeAudit(
      db,
      {
        actorId,
        action: 'create',
        entity: 'employer-document',
        recordId: document.id,
        pupilId: null,
        summary: `Attached a document to the employer ${employer.name}: ${described(document)}`.slice(0, 500),
      },
      now,
    );
    return { ok: true, value: summaryOf(document) };
  });
}

/**
 * Removes a document, with its audit entry. Answers the document as it was, so the page can offer to
 * put it back (restoreEmployerDocument); null when it was already gone.
 */
export async function removeEmployerDocument(
  db: CareersDeskDb,
  id: string,
  actorId: string | null,
  now: Date = new Date(),
): Promise<EmployerDocument | null> {
  return db.transaction('rw', [db.employers, db.employerDocuments, db.audit], async () => {
    const document = await db.employerDocuments.get(id);
    if (!document) return null;
    const employer = await db.employers.get(document.employerId);
    await db.employerDocuments.delete(id);
    await writeAudit(
      db,
      {
        actorId,
        action: 'delete',
        entity: 'employer-document',
        recordId: id,
        pupilId: null,
        summary: `Removed a document from the employer ${employer?.name ?? '(no longer recorded)'}: ${described(document)}`.slice(0, 500),
      },
      now,
    );
    return document;
  });
}

/** Puts back a document just removed (the page's Undo), as it was, with its audit entry. */
export async function restoreEmployerDocument(
  db: CareersDeskDb,
  removed: EmployerDocument,
  actorId: string | null,
  now: Date = new Date(),
): Promise<EmployerDocumentSummary> {
  const document = employerDocumentSchema.parse(removed);
  return db.transaction('rw', [db.employers, db.employerDocuments, db.audit], async () => {
    const employer = await db.employers.get(document.employerId);
    if (!employer) throw new Error('That employer is no longer recorded');
    await db.employerDocuments.put(document);
    await writeAudit(
      db,
      {
        actorId,
        action: 'create',
        entity: 'employer-document',
        recordId: document.id,
        pupilId: null,
        summary: `Put back a document of the employer ${employer.name} (undo): ${described(document)}`.slice(0, 500),
      },
      now,
    );
    return summaryOf(document);
  });
}

/** Records a copy of a document saved to a file, in its own transaction: which kind, never the file's name. */
export async function auditDocumentCopy(db: CareersDeskDb, id: string, actorId: string | null, now: Date = new Date()): Promise<void> {
  await db.transaction('rw', [db.employers, db.employerDocuments, db.audit], async () => {
    const document = await db.employerDocuments.get(id);
    if (!document) return;
    const employer = await db.employers.get(document.employerId);
    await writeAudit(
      db,
      {
        actorId,
        action: 'export',
        entity: 'employer-document',
        recordId: id,
        pupilId: null,
        summary: `Saved a copy of a document of the employer ${employer?.name ?? '(no longer recorded)'}: ${described(document)}`.slice(
          0,
          500,
        ),
      },
      now,
    );
  });
}

/**
 * Deletes every document of these employers, inside the caller's transaction (which must include
 * the documents table): an employer that goes takes its files with it. Answers how many went.
 */
export function deleteDocumentsOfEmployers(db: CareersDeskDb, employerIds: readonly string[]): Promise<number> {
  if (employerIds.length === 0) return Promise.resolve(0);
  return db.employerDocuments
    .where('employerId')
    .anyOf([...employerIds])
    .delete();
}
