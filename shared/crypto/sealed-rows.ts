import type { gcm as NobleGcm } from '@noble/ciphers/aes.js';

/**
 * Encryption at rest, row by row. Each stored record keeps in clear only what the database's indexes
 * and the record's identity need (an allowlist per table, so a field added later is sealed by default);
 * everything else is serialised and sealed with AES-256-GCM into one `sealed` property. The cipher is
 * synchronous on purpose: awaiting WebCrypto inside an IndexedDB transaction lets it commit early. Bulk
 * writes seal their rows with Web Crypto before their transaction opens instead (sealRowsAhead), in the
 * same layout, and the synchronous path stores such rows as they are.
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

/** The synchronous AES-GCM, once loaded (loadSyncCipher). */
let gcm: typeof NobleGcm | null = null;
let loading: Promise<void> | null = null;

/**
 * Loads the synchronous cipher, once. It is not imported with this module because its module builds its lookup
 * tables (about 1 MB of typed arrays) as it is evaluated: 30 to 50 ms of a service's start before the list's first
 * screen, which is opened with Web Crypto and needs none of it (tests/bench/README.md, round sixteen). A database
 * connection with a key awaits this before it opens (db/schema.ts), and so does the passphrase's wrapping of the key.
 */
export function loadSyncCipher(): Promise<void> {
  loading ??= import('@noble/ciphers/aes.js').then(
    (module) => {
      gcm = module.gcm;
    },
    (error: unknown) => {
      // Asked again next time rather than failing for good (a chunk that did not load once may load later).
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Whether loadSyncCipher has finished, so that sealing and opening rows at once can work. */
export function syncCipherLoaded(): boolean {
  return gcm !== null;
}

function syncGcm(): typeof NobleGcm {
  if (!gcm) throw new Error('The records’ cipher was used before it was loaded: await loadSyncCipher() first');
  return gcm;
}

/** AES-256-GCM with a fresh random IV; the IV goes first. */
export function sealBytes(key: Uint8Array, plain: Uint8Array, aad?: Uint8Array): Uint8Array {
  checkKey(key);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const cipher = syncGcm()(key, iv, aad).encrypt(plain);
  const out = new Uint8Array(IV_BYTES + cipher.length);
  out.set(iv, 0);
  out.set(cipher, IV_BYTES);
  return out;
}

/** Opens what sealBytes made; throws when the key or the additional data differ, or a byte changed. */
export function openBytes(key: Uint8Array, sealed: Uint8Array, aad?: Uint8Array): Uint8Array {
  checkKey(key);
  if (sealed.length < IV_BYTES + 16) throw new Error('The sealed value is too short to be one');
  return syncGcm()(key, sealed.subarray(0, IV_BYTES), aad).decrypt(sealed.subarray(IV_BYTES));
}

/** Whether a stored row carries sealed fields (rows written before version 5 do not). */
export function isSealedRow(row: unknown): row is Row & { sealed: Uint8Array } {
  return typeof row === 'object' && row !== null && (row as Row)[SEALED_PROPERTY] instanceof Uint8Array;
}

/**
 * Whether a row was sealed already (by sealRowsAhead): its `sealed` holds bytes and every other field is on
 * the table's clear list. Such a row is stored as it is; one with any other field beside `sealed` is
 * refused, so nothing that should be sealed can slip through in clear next to a sealed value.
 */
export function isPresealedRow(table: SealedTableName, row: Row): boolean {
  const clearFields: readonly string[] = SEALED_TABLES[table].clear;
  return isSealedRow(row) && Object.keys(row).every((field) => field === SEALED_PROPERTY || clearFields.includes(field));
}

/** The row as stored: the table's clear fields as they are, every other field sealed (a row sealed ahead passes as it is). */
export function sealRow(table: SealedTableName, row: Row, key: Uint8Array): Row {
  if (Object.hasOwn(row, SEALED_PROPERTY) && isPresealedRow(table, row)) return row;
  const { stored, secret } = splitRow(table, row);
  stored[SEALED_PROPERTY] = sealBytes(
    key,
    new TextEncoder().encode(JSON.stringify(secret)),
    additionalData(table, row[SEALED_TABLES[table].primaryKey]),
  );
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

/** The clear fields as stored, and the rest as the JSON that is sealed. */
function splitRow(table: SealedTableName, row: Row): { stored: Row; secret: Row } {
  const clearFields: readonly string[] = SEALED_TABLES[table].clear;
  const stored: Row = {};
  const secret: Row = {};
  for (const [field, value] of Object.entries(row)) {
    if (field === SEALED_PROPERTY) throw new Error(`A ${table} record may not have a field named "${SEALED_PROPERTY}"`);
    if (clearFields.includes(field)) stored[field] = value;
    else if (value !== undefined) secret[field] = value;
  }
  return { stored, secret };
}

/**
 * Rows sealed per round of Web Crypto calls. Chromium settles a round's calls without giving the thread
 * back (measured: 20,000 rows sealed in one 1 s task), so each round ends in a task boundary, and a round
 * is small: about 10 ms of work, and Web Crypto was quickest per row at this size (30 µs, against 120 µs
 * for the synchronous cipher on the same machine).
 */
const AHEAD_BATCH = 256;

/** Gives the thread back for one task (a message, not a timer: timers nested this deep wait 4 ms each). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** The data key imported for Web Crypto, once for all the rows of one job (never per row). */
export function webCryptoDataKey(key: Uint8Array): Promise<CryptoKey> {
  checkKey(key);
  return crypto.subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** What a bulk write may pass to sealRowsAhead besides the rows. */
export interface SealAheadOptions {
  /** Called after each round with the rows sealed so far. */
  onRows?: (sealed: number) => void;
  /** Aborting it stops between rounds (with its reason): nothing has been written yet. */
  signal?: AbortSignal;
}

/**
 * The rows as sealRow would store them, byte for byte in layout (IV first, the same additional data), but
 * sealed with Web Crypto: asynchronous, so only BEFORE a transaction opens (awaiting it inside one lets it
 * commit early), and many times quicker than the synchronous cipher per row. The encryption middleware then
 * stores each as it is (sealRow passes a row sealed ahead). For bulk writes: a restore, a merge, the demo load.
 */
export async function sealRowsAhead(
  table: SealedTableName,
  rows: readonly Row[],
  key: Uint8Array | CryptoKey,
  options: SealAheadOptions = {},
): Promise<Row[]> {
  const cryptoKey = key instanceof Uint8Array ? await webCryptoDataKey(key) : key;
  const primaryKey = SEALED_TABLES[table].primaryKey;
  const encoder = new TextEncoder();
  const out: Row[] = new Array<Row>(rows.length);
  for (let start = 0; start < rows.length; start += AHEAD_BATCH) {
    options.signal?.throwIfAborted();
    const end = Math.min(start + AHEAD_BATCH, rows.length);
    // One call for the round's IVs (each still 12 fresh random bytes) instead of one per row.
    const ivs = crypto.getRandomValues(new Uint8Array((end - start) * IV_BYTES));
    const round: Promise<void>[] = [];
    for (let at = start; at < end; at++) {
      const row = rows[at] as Row;
      const { stored, secret } = splitRow(table, row);
      const iv = ivs.subarray((at - start) * IV_BYTES, (at - start + 1) * IV_BYTES);
      const params: AesGcmParams = {
        name: 'AES-GCM',
        iv,
        additionalData: additionalData(table, row[primaryKey]) as Uint8Array<ArrayBuffer>,
      };
      round.push(
        crypto.subtle.encrypt(params, cryptoKey, encoder.encode(JSON.stringify(secret))).then((cipher) => {
          const sealed = new Uint8Array(IV_BYTES + cipher.byteLength);
          sealed.set(iv, 0);
          sealed.set(new Uint8Array(cipher), IV_BYTES);
          stored[SEALED_PROPERTY] = sealed;
          out[at] = stored;
        }),
      );
    }
    await Promise.all(round);
    options.onRows?.(end);
    if (end < rows.length) await nextTask();
  }
  return out;
}

/**
 * openRow with Web Crypto: the same result, asynchronous, so only outside a transaction. For one large
 * value (the pupil list's snapshot) that the synchronous cipher would open in one long task.
 */
export async function openRowAhead(table: SealedTableName, row: unknown, key: Uint8Array | CryptoKey): Promise<unknown> {
  if (!isSealedRow(row)) return row;
  const { [SEALED_PROPERTY]: sealed, ...clear } = row;
  const id = clear[SEALED_TABLES[table].primaryKey];
  let plain: ArrayBuffer;
  try {
    if (sealed.length < IV_BYTES + 16) throw new Error('The sealed value is too short to be one');
    const cryptoKey = key instanceof Uint8Array ? await webCryptoDataKey(key) : key;
    const params: AesGcmParams = {
      name: 'AES-GCM',
      iv: sealed.subarray(0, IV_BYTES) as Uint8Array<ArrayBuffer>,
      additionalData: additionalData(table, id) as Uint8Array<ArrayBuffer>,
    };
    plain = await crypto.subtle.decrypt(params, cryptoKey, sealed.subarray(IV_BYTES) as Uint8Array<ArrayBuffer>);
  } catch {
    throw new SealedRecordError(table, id);
  }
  return { ...(JSON.parse(new TextDecoder().decode(plain)) as Row), ...clear };
}

/**
 * openRowAhead over many rows (undefined where a row is missing), in rounds of AHEAD_BATCH with a task boundary
 * between rounds: Chromium settles a round's Web Crypto calls without giving the thread back, so the rows' JSON,
 * parsed as each settles, would otherwise all be parsed in one task (a chunk of 2,000 young people, or a county's
 * whole snapshot: 205 ms, bench round ten).
 */
export async function openRowsAhead(table: SealedTableName, rows: readonly unknown[], key: Uint8Array | CryptoKey): Promise<unknown[]> {
  const cryptoKey = key instanceof Uint8Array ? await webCryptoDataKey(key) : key;
  const out: unknown[] = new Array<unknown>(rows.length);
  for (let start = 0; start < rows.length; start += AHEAD_BATCH) {
    if (start > 0) await nextTask();
    const end = Math.min(start + AHEAD_BATCH, rows.length);
    const round: Promise<void>[] = [];
    for (let at = start; at < end; at++) {
      const row = rows[at];
      if (row !== undefined) round.push(openRowAhead(table, row, cryptoKey).then((opened) => void (out[at] = opened)));
    }
    await Promise.all(round);
  }
  return out;
}

/** A new random data key. */
export function newDataKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(DATA_KEY_BYTES));
}
