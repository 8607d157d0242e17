import type { DBCore, DBCoreCursor, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { isSealedTable, openRow, sealRow, webCryptoDataKey, type SealedTableName } from '@shared/crypto/sealed-rows';
import { withPupilListStamp } from './pupil-list-stamp';

/** Thrown by any read or write while the key is not in memory (the app is locked). */
export class RecordsLockedError extends Error {
  constructor() {
    super('The records are locked: unlock Careers Desk to read or change them');
    this.name = 'RecordsLockedError';
  }
}

/**
 * Holds the data key while the app is unlocked. Connections (the page's, each worker's) read it at every
 * row, so forgetting it here means nothing more can be read or written in clear.
 */
export class DataKeyRing {
  private key: Uint8Array | null;
  /** The same key imported for Web Crypto, made at its first use and dropped with the key it was made from. */
  private imported: Promise<CryptoKey> | null = null;
  /** Those waiting for a key (whenUnlocked), answered when one is set. */
  private readonly waiting = new Set<() => void>();

  constructor(key: Uint8Array | null = null) {
    this.key = key ? key.slice() : null;
  }

  get unlocked(): boolean {
    return this.key !== null;
  }

  set(key: Uint8Array): void {
    this.key = key.slice();
    this.imported = null;
    for (const answer of this.waiting) answer();
    this.waiting.clear();
  }

  /**
   * Settles once a key is in the ring (at once if one is): at a start the list's first screen is opened as soon as
   * the key is read, without waiting for the database's connection (db/pupil-list.ts).
   */
  whenUnlocked(): Promise<void> {
    if (this.key) return Promise.resolve();
    return new Promise((resolve) => this.waiting.add(resolve));
  }

  /** Overwrites the bytes too, so a later heap snapshot does not find them in this array. */
  forget(): void {
    this.key?.fill(0);
    this.key = null;
    this.imported = null;
  }

  /** A copy of the key, for a worker's own connection; throws when locked. */
  bytes(): Uint8Array {
    if (!this.key) throw new RecordsLockedError();
    return this.key.slice();
  }

  /** The key itself, for sealing and opening rows without copying it each time. */
  require(): Uint8Array {
    if (!this.key) throw new RecordsLockedError();
    return this.key;
  }

  /**
   * The key imported for Web Crypto (non-extractable), imported once however many reads and writes open or
   * seal rows with it: a county's start opens its list snapshot in twenty parts. Throws when locked.
   */
  webCryptoKey(): Promise<CryptoKey> {
    this.imported ??= webCryptoDataKey(this.require());
    return this.imported;
  }
}

type Row = Record<string, unknown>;

function sealMutation(table: SealedTableName, req: DBCoreMutateRequest, keys: DataKeyRing): DBCoreMutateRequest {
  if (req.type !== 'add' && req.type !== 'put') return req;
  const key = keys.require();
  return { ...req, values: req.values.map((value: Row) => sealRow(table, value, key)) };
}

/** A cursor whose value is the opened record, opened once per position however often it is read. */
function openingCursor(table: SealedTableName, cursor: DBCoreCursor, keys: DataKeyRing): DBCoreCursor {
  let storedSeen: unknown = undefined;
  let opened: unknown = undefined;
  // The cursor underneath may be IndexedDB's own: its methods and getters refuse to run on another object
  // ("Illegal invocation"), so each is called on the cursor itself; Dexie's added members are inherited.
  return Object.create(cursor, {
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    continue: { value: (key?: unknown) => cursor.continue(key) },
    continuePrimaryKey: { value: (key: unknown, primaryKey: unknown) => cursor.continuePrimaryKey(key, primaryKey) },
    advance: { value: (count: number) => cursor.advance(count) },
    value: {
      get() {
        const stored: unknown = cursor.value;
        if (stored !== storedSeen || opened === undefined) {
          storedSeen = stored;
          opened = stored === undefined ? undefined : openRow(table, stored, keys.require());
        }
        return opened;
      },
    },
  }) as DBCoreCursor;
}

function sealedTable(name: SealedTableName, down: DBCoreTable, keys: DataKeyRing): DBCoreTable {
  const open = (row: unknown) => (row === undefined ? row : openRow(name, row, keys.require()));
  return {
    ...down,
    mutate: (req) => down.mutate(sealMutation(name, req, keys)),
    // .then on what the layer below returns, never async functions: Dexie's own promises carry the
    // transaction's zone, and a native promise in between would let the transaction commit early.
    get: (req) => down.get(req).then(open),
    getMany: (req) => down.getMany(req).then((rows) => rows.map(open)),
    query: (req) => down.query(req).then((response) => (req.values ? { ...response, result: response.result.map(open) } : response)),
    openCursor: (req) =>
      down.openCursor(req).then((cursor) => (cursor && req.values !== false ? openingCursor(name, cursor, keys) : cursor)),
  };
}

/**
 * The DBCore middleware that seals rows on their way into IndexedDB and opens them on the way out
 * (shared/crypto/sealed-rows.ts), so every repository above works on plain records unchanged. It sits
 * below Dexie's own middlewares (hooks, live queries, caches), which therefore see plain records; only
 * IndexedDB, and so the files on disk, hold sealed ones. Above the sealing, every write to young people
 * renews the pupil list's change stamp (pupil-list-stamp.ts), so its snapshot is sealed like any setting.
 */
export function encryptionMiddleware(keys: DataKeyRing): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'CareersDeskEncryption',
    level: -10,
    create: (down) =>
      withPupilListStamp({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          return isSealedTable(tableName) ? sealedTable(tableName, table, keys) : table;
        },
      }),
  };
}
