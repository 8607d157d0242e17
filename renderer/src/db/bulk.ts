import type { Table } from 'dexie';

/** Rows written per bulkAdd: small enough that no single task holds the window for long. */
const SLICE = 2000;

/**
 * Adds many rows inside the caller's transaction in slices. The transaction stays open between
 * slices because the next one is issued as soon as the last settles (only Dexie promises are awaited).
 */
export async function bulkAddInSlices(table: Pick<Table, 'bulkAdd'>, rows: readonly unknown[]): Promise<void> {
  for (let start = 0; start < rows.length; start += SLICE) await table.bulkAdd(rows.slice(start, start + SLICE));
}
