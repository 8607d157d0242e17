import { gcm } from '@noble/ciphers/aes.js';

/**
 * Encryption at rest, row by row. Each stored record keeps in clear only what the database's indexes
 * and the record's identity need (an allowlist per table, so a field added later is sealed by default);
 * everything else is serialised and sealed with AES-256-GCM into one `sealed` property. The cipher is
 * synchronous on purpose: awaiting WebCrypto inside an IndexedDB transaction lets it commit early.
 */

/** The data key is 32 random bytes (AES-256). */
export const DATA_KEY_BYTES = 32;
const IV_BYTES = 12;

/** The property that holds a row's sealed fields: the IV, then the ciphertext and its tag. */
export const SEALED_PROPERTY = 'sealed';

/**
 * Per table: the primary key, and the fields left in clear (ids, the keys the indexes need, dates and
 * version stamps). Tables not listed are not about young people (schools, advisers, providers, routes)
 * and are stored as they are.
 */
export const SEALED_TABLES = {
  // Since version 7 a young person's district, risk band, last guidance and leaving dates are sealed too.
  pupils: { primaryKey: 'id', clear: ['id', 'schoolId', 'createdAt', 'updatedAt'] },
  // A session's kind stays clear though no index needs it: sealing it would mean re-sealing every session (most of
  // a county's rows) in the version 7 upgrade, minutes at the start-up screen for one word.
  sessions: { primaryKey: 'id', clear: ['id', 'pupilId', 'date', 'adviserId', 'kind', 'createdAt', 'updatedAt'] },
  actionPlans: { primaryKey: 'id', clear: ['id', 'pupilId', 'openActionDueDates', 'reviewOn', 'createdAt', 'updatedAt'] },
  drafts: { primaryKey: 'id', clear: ['id', 'kind', 'pupilId', 'createdAt', 'updatedAt'] },
  // A business, found by name and place; the people to contact there are sealed.
  employers: { primaryKey: 'id', clear: ['id', 'name', 'sector', 'district', 'createdAt', 'updatedAt'] },
  // The files are sealed: a DBS confirmation names a person.
  employerDocuments: { primaryKey: 'id', clear: ['id', 'employerId', 'createdAt', 'updatedAt'] },
  experiences: {
    primaryKey: 'id',
    clear: ['id', 'pupilIds', 'employerId', 'status', 'kind', 'createdAt', 'updatedAt'],
  },
  allocations: { primaryKey: 'id', clear: ['id', 'confirmedOn', 'pupilIds', 'createdAt', 'updatedAt'] },
  // What was said of a young person's future and by whom: only whose stays clear.
  destinations: { primaryKey: 'id', clear: ['id', 'pupilId', 'createdAt', 'updatedAt'] },
  // A school's figures only, but a small school's can point at a few young people: sealed all the same.
  compassSnapshots: { primaryKey: 'id', clear: ['id', 'schoolId', 'takenOn', 'createdAt', 'updatedAt'] },
  // Every value: erased ids, recipients' keys and the service's details are nobody's business on disk.
  settings: { primaryKey: 'key', clear: ['key'] },
  // Entries hold earlier versions of records, so only who, when, which record and what was done stay clear (the
  // last two no longer indexed since version 7, but left clear so that the upgrade need not re-seal the whole log).
  audit: { primaryKey: 'id', clear: ['id', 'at', 'seq', 'adviserId', 'recordId', 'pupilId', 'entity', 'action'] },
} as const satisfies Record<string, { primaryKey: string; clear: readonly string[] }>;

export type SealedTableName = keyof typeof SEALED_TABLES;

export function isSealedTable(table: string): table is SealedTableName {
  return Object.hasOwn(SEALED_TABLES, table);
}

/** A record that cannot be opened: the key is not the one it was sealed with, or the bytes were changed. */
export class SealedRecordError extends Error {
  constructor(table: string, id: unknown) {
    super(
      `A stored record (${table} ${String(id)}) could not be opened: the key is not the one it was sealed with, or the record is damaged`,
    );
    this.name = 'SealedRecordError';
  }
}

type Row = Record<string, unknown>;

function checkKey(key: Uint8Array): void {
  if (key.length !== DATA_KEY_BYTES) throw new Error(`The data key must be ${DATA_KEY_BYTES} bytes, not ${key.length}`);
}

/** Binds the ciphertext to its table and record, so a sealed value copied onto another record does not open. */
function additionalData(table: string, id: unknown): Uint8Array {
  return new TextEncoder().encode(`${table}\u0000${JSON.stringify(id)}`);
}

/** AES-256-GCM with a fresh random IV; the IV goes first. */
export function sealBytes(key: Uint8Array, plain: Uint8Array, aad?: Uint8Array): Uint8Array {
  checkKey(key);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const cipher = gcm(key, iv, aad).encrypt(plain);
  const out = new Uint8Array(IV_BYTES + cipher.length);
  out.set(iv, 0);
  out.set(cipher, IV_BYTES);
  return out;
}

/** Opens what sealBytes made; throws when the key or the additional data differ, or a byte changed. */
export function openBytes(key: Uint8Array, sealed: Uint8Array, aad?: Uint8Array): Uint8Array {
  checkKey(key);
  if (sealed.length < IV_BYTES + 16) throw new Error('The sealed value is too short to be one');
  return gcm(key, sealed.subarray(0, IV_BYTES), aad).decrypt(sealed.subarray(IV_BYTES));
}

/** Whether a stored row carries sealed fields (rows written before version 5 do not). */
export function isSealedRow(row: unknown): row is Row & { sealed: Uint8Array } {
  return typeof row === 'object' && row !== null && (row as Row)[SEALED_PROPERTY] instanceof Uint8Array;
}

/** The row as stored: the table's clear fields as they are, every other field sealed. */
export function sealRow(table: SealedTableName, row: Row, key: Uint8Array): Row {
  const spec = SEALED_TABLES[table];
  const clearFields: readonly string[] = spec.clear;
  const stored: Row = {};
  const secret: Row = {};
  for (const [field, value] of Object.entries(row)) {
    if (field === SEALED_PROPERTY) throw new Error(`A ${table} record may not have a field named "${SEALED_PROPERTY}"`);
    if (clearFields.includes(field)) stored[field] = value;
    else if (value !== undefined) secret[field] = value;
  }
  stored[SEALED_PROPERTY] = sealBytes(key, new TextEncoder().encode(JSON.stringify(secret)), additionalData(table, row[spec.primaryKey]));
  return stored;
}

/** The record as it was before sealRow; a row stored before version 5 (not sealed) comes back as it is. */
export function openRow(table: SealedTableName, row: unknown, key: Uint8Array): unknown {
  if (!isSealedRow(row)) return row;
  const { [SEALED_PROPERTY]: sealed, ...clear } = row;
  const id = clear[SEALED_TABLES[table].primaryKey];
  let plain: Uint8Array;
  try {
    plain = openBytes(key, sealed, additionalData(table, id));
  } catch {
    throw new SealedRecordError(table, id);
  }
  return { ...(JSON.parse(new TextDecoder().decode(plain)) as Row), ...clear };
}

/** A new random data key. */
export function newDataKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(DATA_KEY_BYTES));
}
