/**
 * The encrypted backup file: a header saying what it is and how it was sealed, then the database in
 * parts, each a slice of one table's rows (gzip-compressed JSON) encrypted with AES-256-GCM.
 *
 * Format 2 (written since 2026-12): the header is the first line, one JSON object ending in a newline, so
 * a person opening the file sees what it is; after it come the parts' ciphertexts back to back, in the
 * order and of the sizes the header lists. Parts keep every piece of text small, so a county's records
 * (more than a JavaScript string holds: tests/bench/README.md, round eight) are written and read.
 *
 *   format           "careers-desk-backup"
 *   formatVersion    2. A reader refuses a newer one with a message to update.
 *   schemaVersion    the Dexie version the data was exported from; newer than this app's is refused.
 *   appVersion       the app that wrote it (information only)
 *   createdAt        ISO time it was made; reason: manual, daily, before-import, before-restore
 *   kdf              { name "PBKDF2", hash "SHA-256", iterations (600,000 or more), salt: 16 random bytes, base64 }
 *   cipher           { name "AES-GCM", keyBits 256, iv: 12 random bytes, base64, tagBits 128 }; part n is
 *                    sealed with this IV whose last four bytes are XORed with n (big-endian)
 *   keyCheck         32 bytes, base64: HKDF of the passphrase key, so a wrong passphrase is told
 *                    apart from a damaged file without trying to decrypt
 *   compression      "gzip" or "none"
 *   parts            [{ table, rows, ciphertextBytes }]: what each part holds and its length, so a cut-short
 *                    file is reported as such
 *
 * Format 1 (written until 2026-12, still read): one JSON document, the header's fields and
 * `ciphertextBytes` and `ciphertext` (base64 of the whole database sealed at once) instead of `parts`.
 *
 * Integrity: AES-GCM's 128-bit tag covers each part and, as additional data, every header field
 * (canonical JSON, keys sorted) and the part's number, so a changed byte anywhere, parts swapped, or
 * parts left out with the header edited to match, fails authentication.
 * Keys: PBKDF2-SHA-256 turns the passphrase and salt into a 256-bit master key; HKDF-SHA-256
 * derives from it the AES key and the key check, with different labels.
 *
 * Iterations are part of the format (stored in the header). Writing refuses fewer than 600,000;
 * reading refuses fewer than 600,000 or more than 10,000,000 (a header edited to make the app
 * hang). Tests that must write and read many files may pass the clearly named test-only options
 * `UNSAFE_testOnlyIterations` and `UNSAFE_testOnlyAllowWeakIterations`; the app never does.
 *
 * Pure: Web Crypto (globalThis.crypto.subtle) and CompressionStream, which both Node and the
 * browser provide; randomness for salts and IVs is passed in.
 */
import { z } from 'zod';

export const BACKUP_FORMAT = 'careers-desk-backup';
export const BACKUP_FORMAT_VERSION = 2;
/** The first format, one JSON document: still read. */
const FIRST_FORMAT_VERSION = 1;
/** More parts than a county's records need many times over; a header asking for more was edited. */
const MAX_PARTS = 100_000;
export const MIN_PBKDF2_ITERATIONS = 600_000;
export const MAX_PBKDF2_ITERATIONS = 10_000_000;
export const MIN_PASSPHRASE_LENGTH = 10;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const KEY_CHECK_BYTES = 32;
const ENCRYPTION_INFO = 'careers-desk-backup/v1/encryption';
const KEY_CHECK_INFO = 'careers-desk-backup/v1/key-check';

/** Cryptographically random bytes: the renderer passes crypto.getRandomValues. */
export type RandomBytes = (length: number) => Uint8Array;

/** A master key derived from a passphrase, with the salt and iterations it was derived with. */
export interface BackupKey {
  salt: Uint8Array;
  iterations: number;
  master: Uint8Array;
}

export type BackupErrorCode =
  | 'not-a-backup'
  | 'damaged'
  | 'truncated'
  | 'newer-format'
  | 'newer-schema'
  | 'weak-key'
  | 'wrong-passphrase'
  | 'different-key'
  | 'tampered'
  | 'invalid-content';

export interface BackupError {
  code: BackupErrorCode;
  message: string;
}

export type BackupResult<T> = { ok: true; value: T } | { ok: false; error: BackupError };

export function backupError(code: BackupErrorCode, detail?: string): { ok: false; error: BackupError } {
  const messages: Record<BackupErrorCode, string> = {
    'not-a-backup': 'This file is not a Careers Desk backup.',
    damaged: 'This backup file is damaged: parts of it cannot be read.',
    truncated: 'This backup file is incomplete: it may have been cut short while it was copied or downloaded.',
    'newer-format': 'This backup was made by a newer version of Careers Desk. Update Careers Desk on this computer, then restore it.',
    'newer-schema': 'This backup holds data from a newer version of Careers Desk. Update Careers Desk on this computer, then restore it.',
    'weak-key': "This backup's encryption settings are outside what Careers Desk accepts, so it cannot be opened.",
    'wrong-passphrase': 'The passphrase does not open this backup. Check it (capital letters count) and try again.',
    'different-key':
      "This backup was made with a different passphrase from this computer's automatic backups: enter the passphrase it was made with.",
    tampered: 'This backup file has been changed or damaged since it was made, so it cannot be trusted or restored.',
    'invalid-content': 'This backup opened, but what it holds is not a Careers Desk database.',
  };
  return { ok: false, error: { code, message: detail ? `${messages[code]} ${detail}` : messages[code] } };
}

// ---------------------------------------------------------------------------------------------
// Bytes and text

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Base64 to bytes, or null when the text is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** JSON with object keys sorted, so the same header always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A copy backed by a plain ArrayBuffer, which Web Crypto and Blob accept in every realm. */
function plain(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy;
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const output = new Blob([plain(bytes)]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

// ---------------------------------------------------------------------------------------------
// Keys

/** PBKDF2-SHA-256 of the passphrase (Unicode NFC, UTF-8) into a 256-bit master key. */
export async function deriveBackupKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<BackupKey> {
  const material = await crypto.subtle.importKey('raw', plain(new TextEncoder().encode(passphrase.normalize('NFC'))), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: plain(salt), iterations }, material, 256);
  return { salt: plain(salt), iterations, master: new Uint8Array(bits) };
}

/** A fresh key for new backups: a random salt and at least 600,000 iterations. */
export async function newBackupKey(
  passphrase: string,
  random: RandomBytes,
  options: { UNSAFE_testOnlyIterations?: number } = {},
): Promise<BackupKey> {
  const iterations = options.UNSAFE_testOnlyIterations ?? MIN_PBKDF2_ITERATIONS;
  if (options.UNSAFE_testOnlyIterations === undefined && iterations < MIN_PBKDF2_ITERATIONS) throw new Error('Too few PBKDF2 iterations');
  return deriveBackupKey(passphrase, random(SALT_BYTES), iterations);
}

async function subKeys(key: BackupKey): Promise<{ aes: CryptoKey; check: Uint8Array }> {
  const hkdf = await crypto.subtle.importKey('raw', plain(key.master), 'HKDF', false, ['deriveBits', 'deriveKey']);
  const info = (label: string) => plain(new TextEncoder().encode(label));
  const aes = await crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: plain(key.salt), info: info(ENCRYPTION_INFO) },
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  const check = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'HKDF', hash: 'SHA-256', salt: plain(key.salt), info: info(KEY_CHECK_INFO) },
      hkdf,
      KEY_CHECK_BYTES * 8,
    ),
  );
  return { aes, check };
}

/** Problems with a new passphrase, for the backup form. */
export function passphraseProblems(passphrase: string, confirmation: string): { field: string; message: string }[] {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH)
    return [{ field: 'passphrase', message: `Use at least ${MIN_PASSPHRASE_LENGTH} characters: a few words you will remember` }];
  if (passphrase !== confirmation) return [{ field: 'confirmation', message: 'The two passphrases are different' }];
  return [];
}

// ---------------------------------------------------------------------------------------------
// The header

const base64Of = (bytes: number) =>
  z.string().refine((v) => fromBase64(v)?.length === bytes, { message: `Must be ${bytes} bytes in base64` });

/** The fields every format's header has. */
const headerFields = {
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.number().int().positive(),
  appVersion: z.string().max(40).optional(),
  createdAt: z.iso.datetime({ offset: true }),
  reason: z.enum(['manual', 'daily', 'before-import', 'before-restore']).optional(),
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().int().positive(),
    salt: base64Of(SALT_BYTES),
  }),
  cipher: z.object({ name: z.literal('AES-GCM'), keyBits: z.literal(256), iv: base64Of(IV_BYTES), tagBits: z.literal(128) }),
  keyCheck: base64Of(KEY_CHECK_BYTES),
  compression: z.enum(['gzip', 'none']),
};

const partSchema = z.strictObject({
  table: z.string().regex(/^[A-Za-z]{1,40}$/),
  rows: z.number().int().nonnegative(),
  // Each part carries at least AES-GCM's 16-byte tag.
  ciphertextBytes: z.number().int().min(16),
});
export type BackupPartInfo = z.infer<typeof partSchema>;

export const backupHeaderSchema = z.strictObject({
  ...headerFields,
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  parts: z.array(partSchema).max(MAX_PARTS),
});

/** Format 1's header: the same fields, and the length of its one ciphertext. */
const firstHeaderSchema = z.strictObject({
  ...headerFields,
  formatVersion: z.literal(FIRST_FORMAT_VERSION),
  ciphertextBytes: z.number().int().nonnegative(),
});

/** A backup's header, of either format: what the restore preview shows comes from the fields both have. */
export type BackupHeader = z.infer<typeof backupHeaderSchema> | z.infer<typeof firstHeaderSchema>;

export interface SealMeta {
  schemaVersion: number;
  createdAt: string;
  reason?: BackupHeader['reason'];
  appVersion?: string;
}

/** One part of a backup before it is sealed: a slice of one table's rows as bytes (payload.ts makes them). */
export interface BackupPartPlaintext {
  table: string;
  rows: number;
  plaintext: Uint8Array;
}

/** Part n's IV: the header's IV with its last four bytes XORed with n, so no two parts of a file share one. */
function partIv(iv: Uint8Array, part: number): Uint8Array<ArrayBuffer> {
  const own = plain(iv);
  const view = new DataView(own.buffer);
  view.setUint32(IV_BYTES - 4, view.getUint32(IV_BYTES - 4) ^ part);
  return own;
}

/** What part n is sealed with beside its bytes: the whole header and the part's number. */
function partAdditionalData(header: BackupHeader, part: number): Uint8Array<ArrayBuffer> {
  return plain(new TextEncoder().encode(canonicalJson({ header, part })));
}

function concatenate(chunks: readonly Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return whole;
}

/**
 * Encrypts the database's parts into a backup file. Each part is compressed first, so the header can list
 * every part's length before the first is sealed with it.
 */
export async function sealBackup(
  parts: Iterable<BackupPartPlaintext>,
  key: BackupKey,
  meta: SealMeta,
  random: RandomBytes,
): Promise<Uint8Array> {
  const compression = typeof CompressionStream === 'function' ? 'gzip' : 'none';
  const bodies: { table: string; rows: number; body: Uint8Array }[] = [];
  for (const part of parts) {
    const body = compression === 'gzip' ? await transform(part.plaintext, new CompressionStream('gzip')) : part.plaintext;
    bodies.push({ table: part.table, rows: part.rows, body });
  }
  const iv = random(IV_BYTES);
  const { aes, check } = await subKeys(key);
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: meta.schemaVersion,
    ...(meta.appVersion ? { appVersion: meta.appVersion } : {}),
    createdAt: meta.createdAt,
    ...(meta.reason ? { reason: meta.reason } : {}),
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: key.iterations, salt: toBase64(key.salt) },
    cipher: { name: 'AES-GCM', keyBits: 256, iv: toBase64(iv), tagBits: 128 },
    keyCheck: toBase64(check),
    compression,
    // AES-GCM adds its 16-byte tag to the end of each part.
    parts: bodies.map(({ table, rows, body }) => ({ table, rows, ciphertextBytes: body.byteLength + 16 })),
  };
  const chunks: Uint8Array[] = [new TextEncoder().encode(`${JSON.stringify(header)}\n`)];
  for (const [part, { body }] of bodies.entries()) {
    const sealed = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: partIv(iv, part), additionalData: partAdditionalData(header, part), tagLength: 128 },
      aes,
      plain(body),
    );
    chunks.push(new Uint8Array(sealed));
  }
  return concatenate(chunks);
}

export interface ReadOptions {
  /** The Dexie version of this app: a backup from a newer one is refused. */
  currentSchemaVersion: number;
  /** Tests only: accept files written with UNSAFE_testOnlyIterations. The app never does. */
  UNSAFE_testOnlyAllowWeakIterations?: boolean;
}

/** A sealed part as the file holds it. */
export interface SealedPart {
  table: string;
  rows: number;
  ciphertext: Uint8Array;
}

/** Format 2 has its parts; format 1 has one ciphertext holding the whole database as one JSON document. */
export type InspectedBackup =
  | { header: z.infer<typeof backupHeaderSchema>; parts: SealedPart[] }
  | { header: z.infer<typeof firstHeaderSchema>; ciphertext: Uint8Array };

const LOOKS_LIKE_A_BACKUP = /^\s*\{\s*"format"\s*:\s*"careers-desk-backup"/;

function readJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

/** A header's format version, when it says one; a version newer than this app reads is refused here. */
function newerFormat(fields: Record<string, unknown>): BackupResult<never> | null {
  const version = fields.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_FORMAT_VERSION) {
    return backupError(
      'newer-format',
      `(It uses backup format ${version}; this version of Careers Desk reads formats up to ${BACKUP_FORMAT_VERSION}.)`,
    );
  }
  return null;
}

/** The checks every header gets once its shape is right: the data version and the key's settings. */
function headerRefusal(header: BackupHeader, options: ReadOptions): BackupResult<never> | null {
  if (header.schemaVersion > options.currentSchemaVersion) {
    return backupError(
      'newer-schema',
      `(It holds database version ${header.schemaVersion}; this computer has version ${options.currentSchemaVersion}.)`,
    );
  }
  const iterations = header.kdf.iterations;
  if (iterations > MAX_PBKDF2_ITERATIONS || (iterations < MIN_PBKDF2_ITERATIONS && !options.UNSAFE_testOnlyAllowWeakIterations))
    return backupError('weak-key');
  return null;
}

/** Format 2: the header line, then the parts of the lengths it lists. */
function inspectParts(fields: Record<string, unknown>, body: Uint8Array, options: ReadOptions): BackupResult<InspectedBackup> {
  const parsed = backupHeaderSchema.safeParse(fields);
  if (!parsed.success) return backupError('damaged');
  const header = parsed.data;
  const refusal = headerRefusal(header, options);
  if (refusal) return refusal;
  const expected = header.parts.reduce((sum, part) => sum + part.ciphertextBytes, 0);
  if (body.byteLength < expected) return backupError('truncated');
  if (body.byteLength > expected) return backupError('tampered');
  const parts: SealedPart[] = [];
  let at = 0;
  for (const part of header.parts) {
    parts.push({ table: part.table, rows: part.rows, ciphertext: body.subarray(at, at + part.ciphertextBytes) });
    at += part.ciphertextBytes;
  }
  return { ok: true, value: { header, parts } };
}

/** Format 1: the whole file is one JSON document with the ciphertext in base64. */
function inspectDocument(bytes: Uint8Array, options: ReadOptions): BackupResult<InspectedBackup> {
  // Only the start is needed to tell a backup from another file (the rest may not be text at all).
  const looksLikeOne = LOOKS_LIKE_A_BACKUP.test(new TextDecoder('latin1').decode(bytes.subarray(0, 200)));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return looksLikeOne ? backupError('damaged') : backupError('not-a-backup');
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    if (!looksLikeOne) return backupError('not-a-backup');
    // A file cut short stops mid-way; one that still ends with its closing brace was changed inside.
    return /\}\s*$/.test(text) ? backupError('damaged') : backupError('truncated');
  }
  if (typeof document !== 'object' || document === null || (document as { format?: unknown }).format !== BACKUP_FORMAT)
    return backupError('not-a-backup');
  const { ciphertext: encoded, ...fields } = document as Record<string, unknown>;
  const newer = newerFormat(fields);
  if (newer) return newer;
  // A format 2 header with its parts cut off, or put back together as one document, is not a whole file.
  if (fields.formatVersion === BACKUP_FORMAT_VERSION) return 'parts' in fields ? backupError('truncated') : backupError('damaged');
  const parsed = firstHeaderSchema.safeParse(fields);
  if (!parsed.success) return backupError('damaged');
  const header = parsed.data;
  const refusal = headerRefusal(header, options);
  if (refusal) return refusal;
  const ciphertext = typeof encoded === 'string' ? fromBase64(encoded) : null;
  if (!ciphertext) return typeof encoded === 'string' ? backupError('tampered') : backupError('damaged');
  if (ciphertext.byteLength < header.ciphertextBytes) return backupError('truncated');
  if (ciphertext.byteLength > header.ciphertextBytes) return backupError('tampered');
  return { ok: true, value: { header, ciphertext } };
}

/**
 * Checks a file before any passphrase is asked for: is it a backup, is it whole, is its format
 * and data version one this app can read, are its key settings acceptable. Reads only the header
 * line of a format 2 file, so a county's backup is checked at once.
 */
export function inspectBackup(bytes: Uint8Array, options: ReadOptions): BackupResult<InspectedBackup> {
  const newline = bytes.indexOf(0x0a);
  const firstLine = readJson(newline === -1 ? bytes : bytes.subarray(0, newline));
  if (typeof firstLine === 'object' && firstLine !== null && !Array.isArray(firstLine)) {
    const fields = firstLine as Record<string, unknown>;
    if (fields.format === BACKUP_FORMAT && fields.formatVersion !== FIRST_FORMAT_VERSION && 'parts' in fields) {
      const newer = newerFormat(fields);
      if (newer) return newer;
      return newline === -1 ? backupError('truncated') : inspectParts(fields, bytes.subarray(newline + 1), options);
    }
  }
  return inspectDocument(bytes, options);
}

export type Unlock = { passphrase: string } | { key: BackupKey };

/** A backup's contents once opened: its parts' bytes, or (format 1) the whole database as one JSON document. */
export type BackupContents =
  { kind: 'parts'; parts: { table: string; rows: number; bytes: Uint8Array }[] } | { kind: 'document'; bytes: Uint8Array };

async function decompressed(body: Uint8Array, compression: BackupHeader['compression']): Promise<Uint8Array | null> {
  try {
    return compression === 'gzip' ? await transform(body, new DecompressionStream('gzip')) : body;
  } catch {
    return null;
  }
}

/** Checks the file, the passphrase (or this computer's automatic-backup key) and every integrity tag, and gives the database's bytes. */
export async function openBackup(
  bytes: Uint8Array,
  unlock: Unlock,
  options: ReadOptions,
): Promise<BackupResult<{ header: BackupHeader; contents: BackupContents; key: BackupKey }>> {
  const inspected = inspectBackup(bytes, options);
  if (!inspected.ok) return inspected;
  const { header } = inspected.value;
  const salt = fromBase64(header.kdf.salt);
  const keyCheck = fromBase64(header.keyCheck);
  const iv = fromBase64(header.cipher.iv);
  // inspectBackup has read the header with its schema, which accepts only base64 here.
  if (!salt || !keyCheck || !iv) return backupError('not-a-backup');
  let key: BackupKey;
  if ('key' in unlock) {
    if (!constantTimeEqual(unlock.key.salt, salt) || unlock.key.iterations !== header.kdf.iterations) return backupError('different-key');
    key = unlock.key;
  } else {
    key = await deriveBackupKey(unlock.passphrase, salt, header.kdf.iterations);
  }
  const { aes, check } = await subKeys(key);
  if (!constantTimeEqual(check, keyCheck)) return backupError('wrong-passphrase');
  const unreadable = backupError('invalid-content', 'Its compressed data cannot be read.');
  if ('ciphertext' in inspected.value) {
    let body: Uint8Array;
    try {
      const additionalData = plain(new TextEncoder().encode(canonicalJson(header)));
      body = new Uint8Array(
        await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: plain(iv), additionalData, tagLength: 128 },
          aes,
          plain(inspected.value.ciphertext),
        ),
      );
    } catch {
      return backupError('tampered');
    }
    const document = await decompressed(body, header.compression);
    return document ? { ok: true, value: { header, contents: { kind: 'document', bytes: document }, key } } : unreadable;
  }
  const partsHeader = inspected.value.header;
  const parts: { table: string; rows: number; bytes: Uint8Array }[] = [];
  for (const [part, { table, rows, ciphertext }] of inspected.value.parts.entries()) {
    let body: Uint8Array;
    try {
      body = new Uint8Array(
        await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: partIv(iv, part), additionalData: partAdditionalData(partsHeader, part), tagLength: 128 },
          aes,
          plain(ciphertext),
        ),
      );
    } catch {
      return backupError('tampered');
    }
    const opened = await decompressed(body, header.compression);
    if (!opened) return unreadable;
    parts.push({ table, rows, bytes: opened });
  }
  return { ok: true, value: { header, contents: { kind: 'parts', parts }, key } };
}
