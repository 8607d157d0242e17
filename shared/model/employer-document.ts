import { z } from 'zod';
import { EMPLOYER_DOCUMENT_KIND_IDS, type EmployerDocumentKindId } from '../reference';
import { idSchema, isoDateSchema, lineOfText, recordBase } from './common';

/**
 * A file an employer sent for its placement checks (an insurance certificate, a risk assessment…),
 * kept in the database so it works offline and travels with backups. The bytes are base64 text so
 * backups, merge and validation treat it as any other record; the size limit keeps one file from
 * swamping the database. Kept in its own table so employer lists never load the files. The kinds,
 * with their labels, are EMPLOYER_DOCUMENT_KINDS (shared/reference).
 */
export { EMPLOYER_DOCUMENT_KIND_IDS };
export type EmployerDocumentKind = EmployerDocumentKindId;

/** The largest file kept: 5 MB, enough for a scanned certificate or a risk assessment. */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENT_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

/** The length of the base64 text of `bytes` bytes. */
export function base64LengthOf(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

export const employerDocumentSchema = z.object({
  ...recordBase,
  employerId: idSchema,
  kind: z.enum(EMPLOYER_DOCUMENT_KIND_IDS, { message: 'Choose what the document is' }),
  fileName: lineOfText(200).pipe(z.string().min(1, { message: 'The file has no name' })),
  mediaType: z.enum(ATTACHMENT_MEDIA_TYPES, { message: 'Attach a PDF, PNG or JPEG file' }),
  byteLength: z
    .number()
    .int()
    .min(1, { message: 'The file is empty' })
    .max(ATTACHMENT_MAX_BYTES, { message: `Attach a file of ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB or less` }),
  contentBase64: z
    .string()
    .max(base64LengthOf(ATTACHMENT_MAX_BYTES), { message: `Attach a file of ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB or less` })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'The file content is damaged' }),
  receivedOn: isoDateSchema,
});
export type EmployerDocument = z.infer<typeof employerDocumentSchema>;
