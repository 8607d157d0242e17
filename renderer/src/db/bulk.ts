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
 * slices because only Dexie promises are awaited. Two slices are in flight at a time: the next is issued
 * (its rows cloned on this thread) while the database still writes the one before, so it never waits
 * idle for the page between slices, as it would if each slice were issued only once the last had settled.
 * An aborted signal throws before the next slice, so the caller's transaction is rolled back whole.
 */
async function inSlices(rows: readonly unknown[], write: (slice: unknown[]) => Promise<unknown>, progress: WriteProgress): Promise<void> {
  let inFlight: { writing: Promise<unknown>; rows: number } | null = null;
  for (let start = 0; start < rows.length; start += SLICE) {
    progress.signal?.throwIfAborted();
    const slice = rows.slice(start, start + SLICE);
    const writing = write(slice);
    // Awaited below or on the next turn; a failure meanwhile fails the transaction, and is not reported twice.
    writing.catch(() => undefined);
    if (inFlight) {
      await inFlight.writing;
      progress.onRows?.(inFlight.rows);
    }
    inFlight = { writing, rows: slice.length };
  }
  if (inFlight) {
    await inFlight.writing;
    progress.onRows?.(inFlight.rows);
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
