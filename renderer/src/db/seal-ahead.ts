import { isSealedTable, openRowsAhead, sealRowsAhead } from '@shared/crypto/sealed-rows';
import type { CareersDeskDb } from './schema';

type Row = Record<string, unknown>;

/** How sealing ahead reports and stops: rows made ready so far, and a signal that, aborted, stops it. */
export interface SealAheadProgress {
  onPrepared?: (rows: number) => void;
  signal?: AbortSignal;
}

/**
 * The rows of a bulk write, sealed with Web Crypto BEFORE its transaction opens (shared/crypto/sealed-rows.ts,
 * sealRowsAhead): the encryption middleware stores them as they are, so the write itself costs what plain
 * puts cost, instead of the synchronous cipher's per-row setup inside the transaction. Tables that are not
 * sealed, and every table on a connection without encryption (the bench's comparison), come back as given.
 * Stopped through the signal, it throws before anything is written.
 */
export async function sealAhead<Tables extends { [Name in keyof Tables]: readonly unknown[] }>(
  db: CareersDeskDb,
  tables: Tables,
  progress: SealAheadProgress = {},
): Promise<{ [Name in keyof Tables]: readonly unknown[] }> {
  if (!db.keys) return tables;
  const key = await db.keys.webCryptoKey();
  const sealed: Record<string, readonly unknown[]> = {};
  let done = 0;
  for (const [table, rows] of Object.entries(tables) as [string, readonly unknown[]][]) {
    if (!isSealedTable(table)) {
      sealed[table] = rows;
    } else {
      const before = done;
      sealed[table] = await sealRowsAhead(table, rows as readonly Row[], key, {
        signal: progress.signal,
        onRows: (count) => progress.onPrepared?.(before + count),
      });
    }
    done += rows.length;
    progress.onPrepared?.(done);
  }
  return sealed as { [Name in keyof Tables]: readonly unknown[] };
}

/**
 * Rows of one table as IndexedDB holds them (sealed), read in one transaction of their own that skips every
 * middleware, so none is opened inside it; undefined where a key holds nothing. For a large sealed value
 * (the pupil list's snapshot) that is then opened with Web Crypto (openStoredRow), outside any transaction.
 */
export async function readStoredRows(db: CareersDeskDb, table: string, keys: readonly IDBValidKey[]): Promise<unknown[]> {
  return (await readStoredRowsAndRange(db, table, keys)).rows;
}

/** As readStoredRows, for the keys `keys` and every row whose key is in `range` (inclusive), in one transaction. */
export async function readStoredRowsAndRange(
  db: CareersDeskDb,
  table: string,
  keys: readonly IDBValidKey[],
  range?: { lower: IDBValidKey; upper: IDBValidKey },
): Promise<{ rows: unknown[]; inRange: unknown[] }> {
  // A read of keys only, through Dexie: it opens the database when Dexie would (and refuses when Dexie would,
  // after an explicit close), so this read follows the connection's life as any other does.
  await db.table(table).limit(1).primaryKeys();
  const idb = db.backendDB();
  return new Promise((resolve, reject) => {
    const transaction = idb.transaction(table, 'readonly');
    const store = transaction.objectStore(table);
    const requests = keys.map((key) => store.get(key));
    const all = range ? store.getAll(IDBKeyRange.bound(range.lower, range.upper)) : null;
    transaction.oncomplete = () => resolve({ rows: requests.map((request) => request.result as unknown), inRange: all?.result ?? [] });
    transaction.onerror = () => reject(transaction.error ?? new Error(`Reading ${table} failed`));
    transaction.onabort = () => reject(transaction.error ?? new Error(`Reading ${table} was stopped`));
  });
}

/**
 * Up to `count` rows of one table as stored (sealed), in key order, after the key `after` (from the first when
 * null): a chunk of a whole-table read whose rows are then opened with Web Crypto (openStoredRows), not one by
 * one with the synchronous cipher inside the read's callback.
 */
export async function readStoredChunk(db: CareersDeskDb, table: string, after: IDBValidKey | null, count: number): Promise<unknown[]> {
  await db.table(table).limit(1).primaryKeys();
  const idb = db.backendDB();
  return new Promise((resolve, reject) => {
    const transaction = idb.transaction(table, 'readonly');
    const request = transaction.objectStore(table).getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), count);
    transaction.oncomplete = () => resolve(request.result as unknown[]);
    transaction.onerror = () => reject(transaction.error ?? new Error(`Reading ${table} failed`));
    transaction.onabort = () => reject(transaction.error ?? new Error(`Reading ${table} was stopped`));
  });
}

/**
 * Stored rows (readStoredRows) opened with Web Crypto, with the key the ring imported once for all calls;
 * throws SealedRecordError as openRow does.
 */
export async function openStoredRows(db: CareersDeskDb, table: string, rows: readonly unknown[]): Promise<unknown[]> {
  if (!db.keys || !isSealedTable(table)) return [...rows];
  return openRowsAhead(table, rows, await db.keys.webCryptoKey());
}
