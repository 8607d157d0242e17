import type { CareersDeskDb } from './schema';
import { readStoredRows } from './seal-ahead';
import { PUPIL_LIST_SNAPSHOT_KEY, PUPIL_LIST_SNAPSHOT_ROW_KEYS, PUPIL_LIST_STAMP_KEY } from './pupil-list-stamp';

/** What renderer/public/open-store-early.js read as the page was parsed: settings rows as stored (sealed). */
interface EarlyRead {
  database: string;
  version: number;
  /** The rows of EARLY_READ_KEYS, in that order. */
  rows: unknown[];
  /** The rows with a key in EARLY_READ_RANGE, in key order, read after `rows` (null when that read failed). */
  inRange: Promise<unknown[] | null>;
}

/**
 * What the app takes from it: the list's change stamp and its snapshot's first screen (part 0), as stored, and
 * the snapshot's other parts as stored, still being read.
 */
export interface StoredListRows {
  stamp: unknown;
  first: unknown;
  rest: Promise<unknown[] | null>;
}

/** Where the early script leaves its read: the page's global object (no such thing in a worker). */
const earlyHolder = globalThis as { careersDeskEarlyRead?: Promise<EarlyRead | null> };
/** The early read once takeEarlyRead has taken it from the page: the lock's check may still ask it. */
let taken: Promise<EarlyRead | null> | null = null;

/** The setting that holds a lock set before encryption (a passphrase hash): this version removes it, never writes it. */
const LOCK_FROM_BEFORE_ENCRYPTION_KEY = 'lockPassphraseHash';

/**
 * The settings rows the early script is told to read (renderer/index.html's `data-list-rows`), in that order:
 * the change stamp first (takeEarlyRead checks it), then the snapshot's first screen, then a lock set before
 * encryption, if there is one (only whether it is there is used: lockFromBeforeEncryptionReadEarly).
 */
export const EARLY_READ_KEYS = [PUPIL_LIST_STAMP_KEY, PUPIL_LIST_SNAPSHOT_KEY, LOCK_FROM_BEFORE_ENCRYPTION_KEY] as const;
/** And the range of keys (`data-list-range`: its lower key, and the prefix of its upper one): the snapshot's other parts. */
export const EARLY_READ_RANGE = PUPIL_LIST_SNAPSHOT_ROW_KEYS;

function sameStoredValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
    const left = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const right = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    return left.length === right.length && left.every((byte, at) => byte === right[at]);
  }
  if (a instanceof ArrayBuffer && b instanceof ArrayBuffer) return sameStoredValue(new Uint8Array(a), new Uint8Array(b));
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  return (
    aKeys.length === bKeys.length &&
    aKeys.every((key) => sameStoredValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

/** The early script's rows, with the check that they are still the rows stored. */
export interface EarlyListRows extends StoredListRows {
  /**
   * Read at the version this code declares, so no upgrade will run as the app opens the database: the rows may be
   * shown (opened with the key alone) before `current` says whether they still hold.
   */
  atDeclaredVersion: boolean;
  /**
   * Whether nothing has been written since the early read: the change stamp read again through the app's own
   * connection (which that read opens), and the version it opened at. Started as the rows are taken.
   */
  current: Promise<boolean>;
}

/**
 * The early script's rows for `db`, taken once (later calls get null), or null when it read nothing or read
 * another database. Whether they still hold is `current`: not when an upgrade ran since, or when the first row
 * (the change stamp) has been written since: every write gives it a new value sealed with a new IV, so an
 * identical stored row means nothing changed. That check is one small read, against the large one saved.
 */
export async function takeEarlyRead(db: CareersDeskDb): Promise<EarlyListRows | null> {
  const pending = earlyHolder.careersDeskEarlyRead;
  if (pending === undefined) return null;
  delete earlyHolder.careersDeskEarlyRead;
  taken = pending;
  const early = await pending;
  if (early?.database !== db.name) return null;
  const current = (async () => {
    // Reading the stamp opens the app's connection first, so its version is known.
    const [stampNow] = await readStoredRows(db, 'settings', [EARLY_READ_KEYS[0]]);
    return early.version === db.backendDB().version && sameStoredValue(early.rows[0], stampNow);
  })();
  // Awaited by the reader after the first screen is opened: a failure is not unhandled meanwhile.
  current.catch(() => undefined);
  // Both reads began before the stamp was read again: the parts read are the parts stored at that stamp.
  const rest = Promise.resolve(early.inRange).catch(() => null);
  // Dexie opens a database at ten times its declared version.
  const atDeclaredVersion = early.version === Math.round(db.verno * 10);
  return { stamp: early.rows[0], first: early.rows[1], rest, atDeclaredVersion, current };
}

/**
 * Whether the early script found a lock set before encryption stored in `databaseName`: true or false, or null when
 * it read nothing there (no early read, another database, a first run). The window stays hidden until the lock's
 * settings are read only where one may be set (features/session/LockScreen.vue): without this, the list's first
 * screen, drawn before the database's connection opens, would stay hidden until it had opened. This version never
 * writes that setting and a restore keeps this computer's own, so one absent at the early read is absent still.
 */
export async function lockFromBeforeEncryptionReadEarly(databaseName: string): Promise<boolean | null> {
  const pending = earlyHolder.careersDeskEarlyRead ?? taken;
  if (!pending) return null;
  const early = await pending.catch(() => null);
  if (early?.database !== databaseName) return null;
  return early.rows[EARLY_READ_KEYS.indexOf(LOCK_FROM_BEFORE_ENCRYPTION_KEY)] !== undefined;
}
