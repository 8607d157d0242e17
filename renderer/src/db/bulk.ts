import type { Table } from 'dexie';

/** Rows written per bulkAdd: small enough that no single task holds the window for long, and progress moves. */
const SLICE = 2000;

/** How a long write reports and stops: rows written so far, and a signal that, aborted, fails the transaction. */
export interface WriteProgress {
  onRows?: (written: number) => void;
  /** Rows sealed ahead so far (seal-ahead.ts), before the transaction that writes them opens. */
  onPrepared?: (rows: number) => void;
  signal?: AbortSignal;
}

/**
 * Writes many rows inside the caller's transaction in slices. The transaction stays open between
 * slices because the next one is issued as soon as the last settles (only Dexie promises are awaited).
 * An aborted signal throws before the next slice, so the caller's transaction is rolled back whole.
 */
async function inSlices(rows: readonly unknown[], write: (slice: unknown[]) => Promise<unknown>, progress: WriteProgress): Promise<void> {
  for (let start = 0; start < rows.length; start += SLICE) {
    progress.signal?.throwIfAborted();
    const slice = rows.slice(start, start + SLICE);
    await write(slice);
    progress.onRows?.(slice.length);
  }
}

/** Adds many rows in slices inside the caller's transaction (see inSlices). */
export function bulkAddInSlices(table: Pick<Table, 'bulkAdd'>, rows: readonly unknown[], progress: WriteProgress = {}): Promise<void> {
  return inSlices(rows, (slice) => table.bulkAdd(slice), progress);
}

/** Puts many rows in slices inside the caller's transaction (see inSlices). */
export function bulkPutInSlices(table: Pick<Table, 'bulkPut'>, rows: readonly unknown[], progress: WriteProgress = {}): Promise<void> {
  return inSlices(rows, (slice) => table.bulkPut(slice), progress);
}
