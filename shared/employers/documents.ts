/**
 * The rules for attaching an employer's document (an insurance certificate, a risk assessment…): what a
 * file really is, from its first bytes and never its name; whether it is small enough to keep; and each
 * refusal in words that name the file and say what to do. Pure: the employer page and the repository
 * (renderer/src/db/employer-documents.ts) both ask these, so a file refused on screen is refused in
 * storage too.
 */
import {
  ATTACHMENT_MAX_BYTES,
  type AttachmentMediaType,
  type EmployerDocument,
  type EmployerDocumentKind,
} from '../model/employer-document';
import { EMPLOYER_DOCUMENT_KINDS, labelOf } from '../reference/lists';
import { isoDateSchema } from '../model/common';
import type { Checked, Problem } from '../model/problems';
import { toBase64 } from '../backup/format';
import { safeFileName, safeFileNamePart } from '../file-names';

/** The kinds of file kept, as the file input's accept attribute (a hint to the picker; the bytes decide). */
export const ATTACHMENT_ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';

/** The kinds of file kept, in words, for hints and messages. */
export const ATTACHMENT_TYPES_IN_WORDS = 'a PDF, PNG or JPEG';

const MB = 1024 * 1024;
const LIMIT_IN_WORDS = `${ATTACHMENT_MAX_BYTES / MB} MB`;

/** A document as listed: everything but the file itself, which is read only to save a copy. */
export type EmployerDocumentSummary = Omit<EmployerDocument, 'contentBase64'>;

/** The label of a kind of document: "Risk assessment". */
export function documentKindLabel(kind: EmployerDocumentKind): string {
  return labelOf(EMPLOYER_DOCUMENT_KINDS, kind);
}

/** The short name of a kept file's type: "PDF", "PNG image", "JPEG image". */
export function mediaTypeLabel(mediaType: AttachmentMediaType): string {
  return { 'application/pdf': 'PDF', 'image/png': 'PNG image', 'image/jpeg': 'JPEG image' }[mediaType];
}

const EXTENSIONS: Record<AttachmentMediaType, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

/** A size as people say it: "900 bytes", "120 KB", "7.2 MB" (1 KB is 1,024 bytes, as the 5 MB limit). */
export function fileSizeInWords(bytes: number): string {
  if (bytes < 1024) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  const kb = Math.round(bytes / 1024);
  if (kb < 1024) return `${kb} KB`;
  return `${(bytes / MB).toFixed(1)} MB`;
}

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

const PDF = ascii('%PDF-');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

/** The type of a file the app keeps, from its first bytes; null for any other file. */
export function attachmentTypeOf(bytes: Uint8Array): AttachmentMediaType | null {
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  return null;
}

/** Signatures of files people often pick by mistake, so the message can say what the file is. */
const OTHER_TYPES: readonly { test: (bytes: Uint8Array) => boolean; words: string }[] = [
  { test: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]), words: 'a Word, Excel or zip file (DOCX, XLSX or ZIP)' },
  { test: (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), words: 'an older Word or Excel file (DOC or XLS)' },
  { test: (b) => startsWith(b, ascii('GIF8')), words: 'a GIF image' },
  { test: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8), words: 'a WebP image' },
  { test: (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]), words: 'a TIFF image' },
  {
    test: (b) => startsWith(b, ascii('ftyp'), 4) && ['heic', 'heix', 'mif1', 'msf1'].some((brand) => startsWith(b, ascii(brand), 8)),
    words: 'a HEIC photo (the iPhone camera’s format)',
  },
  { test: (b) => startsWith(b, ascii('{\\rtf')), words: 'a Rich Text document (RTF)' },
  { test: (b) => startsWith(b, [0x42, 0x4d]) && b.length > 14 && !looksLikeText(b), words: 'a BMP image' },
];

/** No control characters but tab, line breaks and form feed in its first 1,024 bytes: text of some kind. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  return head.every((b) => b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d || (b >= 0x20 && b !== 0x7f));
}

/** What a file is, in words, when it is not a kind the app keeps: "plain text", "a GIF image"… */
export function otherFileTypeInWords(bytes: Uint8Array): string {
  const known = OTHER_TYPES.find((type) => type.test(bytes));
  if (known) return known.words;
  if (looksLikeText(bytes)) {
    const start = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
    if (start.startsWith('<!doctype html') || start.startsWith('<html')) return 'a web page (HTML)';
    return 'plain text';
  }
  return 'a kind of file Careers Desk does not recognise';
}

/** “scan.pdf”: how every message names the file. */
function named(fileName: string): string {
  return `“${fileName.trim() || 'The file'}”`;
}

/** Why a file of this size cannot be kept, before it is read; null when it can. */
export function attachmentSizeProblem(fileName: string, byteLength: number): string | null {
  if (byteLength <= 0) return `${named(fileName)} is empty: choose the document itself, not an empty copy`;
  if (byteLength > ATTACHMENT_MAX_BYTES) {
    const size = fileSizeInWords(byteLength);
    // 5 MB and a byte would round to "5.0 MB", which reads as within the limit.
    const said = Number.parseFloat(size) <= ATTACHMENT_MAX_BYTES / MB ? `just over ${LIMIT_IN_WORDS}` : size;
    return `${named(fileName)} is ${said}: attach a file of ${LIMIT_IN_WORDS} or less`;
  }
  return null;
}

/** Said when the computer could not read the file (moved, locked, or on a drive that went away). */
export function unreadableAttachmentMessage(fileName: string): string {
  return `${named(fileName)} could not be read: check it opens on this computer, then choose it again`;
}

/** The file as it will be kept: its real type, its size and its bytes as base64. */
export interface AttachmentContent {
  mediaType: AttachmentMediaType;
  byteLength: number;
  contentBase64: string;
}

/**
 * Checks a file's bytes, once read: not empty, not over the limit, and really a PDF, PNG or JPEG
 * whatever its name says. Problems are on the field `file`.
 */
export function checkAttachmentContent(fileName: string, bytes: Uint8Array): Checked<AttachmentContent> {
  const sizeProblem = attachmentSizeProblem(fileName, bytes.length);
  if (sizeProblem) return { ok: false, problems: [{ field: 'file', message: sizeProblem }] };
  const mediaType = attachmentTypeOf(bytes);
  if (!mediaType) {
    const found = otherFileTypeInWords(bytes);
    const message = `${named(fileName)} is ${found}, not ${ATTACHMENT_TYPES_IN_WORDS}: attach ${ATTACHMENT_TYPES_IN_WORDS} file`;
    return { ok: false, problems: [{ field: 'file', message }] };
  }
  return { ok: true, value: { mediaType, byteLength: bytes.length, contentBase64: toBase64(bytes) } };
}

/** The attach form as filled in: the file is only named here (the bytes are read after these checks). */
export interface AttachForm {
  kind: EmployerDocumentKind | null;
  /** As typed: '' when empty. */
  receivedOn: string;
  /** The chosen file's name and size, or null when none is chosen. */
  file: { name: string; size: number } | null;
}

export const ATTACH_FIELD_LABELS: Record<string, string> = { file: 'File', kind: 'What it is', receivedOn: 'Received on' };

/** The form's own checks, before the file is read: a file of a size that can be kept, a kind, a real date not after today. */
export function checkAttachForm(form: AttachForm, today: string): Problem[] {
  const problems: Problem[] = [];
  if (!form.file) problems.push({ field: 'file', message: 'Choose the file to attach' });
  else {
    const sizeProblem = attachmentSizeProblem(form.file.name, form.file.size);
    if (sizeProblem) problems.push({ field: 'file', message: sizeProblem });
  }
  if (!form.kind) problems.push({ field: 'kind', message: 'Choose what the document is' });
  const receivedOn = form.receivedOn.trim();
  if (receivedOn === '') problems.push({ field: 'receivedOn', message: 'Enter the date the document was received' });
  else if (!isoDateSchema.safeParse(receivedOn).success) problems.push({ field: 'receivedOn', message: 'Enter a real date' });
  else if (receivedOn > today) problems.push({ field: 'receivedOn', message: 'The date received cannot be after today' });
  return problems;
}

/** The longest file name kept (the record's limit). */
const MAX_FILE_NAME = 200;

/**
 * The file's name as it is kept and listed: without characters no file name should hold (controls,
 * invisible text-direction marks that can disguise an extension), and cut to 200 characters with
 * its extension kept.
 */
export function keptFileName(name: string): string {
  const safe = safeFileNamePart(name) || 'Document';
  if (safe.length <= MAX_FILE_NAME) return safe;
  const extension = /\.[A-Za-z0-9]{1,5}$/.exec(safe)?.[0] ?? '';
  return `${safe.slice(0, MAX_FILE_NAME - extension.length - 1).trimEnd()}…${extension}`;
}

/** The name a saved copy gets: the name it came with, its extension the file's real type. */
export function documentCopyName(document: Pick<EmployerDocument, 'fileName' | 'mediaType'>): string {
  const stem = document.fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  return safeFileName(stem, EXTENSIONS[document.mediaType], 'Employer document');
}

/** Every media type kept, for a save dialog's filter: "PDF" with pdf, and so on. */
export function saveFilterFor(mediaType: AttachmentMediaType): { name: string; extensions: string[] } {
  return mediaType === 'image/jpeg'
    ? { name: 'JPEG image', extensions: ['jpg', 'jpeg'] }
    : { name: mediaTypeLabel(mediaType), extensions: [EXTENSIONS[mediaType]] };
}

/** The order documents are listed in: by kind as EMPLOYER_DOCUMENT_KINDS lists them, then newest received first. */
export function compareDocuments(a: EmployerDocumentSummary, b: EmployerDocumentSummary): number {
  const rank = (kind: EmployerDocumentKind) => EMPLOYER_DOCUMENT_KINDS.findIndex((k) => k.id === kind);
  return rank(a.kind) - rank(b.kind) || (a.receivedOn < b.receivedOn ? 1 : a.receivedOn > b.receivedOn ? -1 : 0);
}
