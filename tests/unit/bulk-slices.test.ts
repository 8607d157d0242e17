// renderer/src/db/bulk.ts: long writes in slices, the next issued while the database writes the one before.
import { describe, expect, it } from 'vitest';
import type { Table } from 'dexie';
import { bulkAddInSlices } from '@renderer/db/bulk';

/** A table whose writes settle only when told to, recording what was issued and how many were in flight. */
function slowTable(): SlowTable {
  const issued: number[][] = [];
  const settle: (() => void)[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const table = {
    issued,
    settleNext: () => settle.shift()?.(),
    get mostInFlight() {
      return mostInFlight;
    },
    bulkAdd(slice: unknown[]) {
      issued.push(slice as number[]);
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      return new Promise<void>((resolve) =>
        settle.push(() => {
          inFlight -= 1;
          resolve();
        }),
      );
    },
  };
  // Only bulkAdd is called; Dexie's own promise type adds what these tests do not use.
  return table as unknown as SlowTable;
}

type SlowTable = Pick<Table, 'bulkAdd'> & { issued: number[][]; settleNext: () => void; readonly mostInFlight: number };

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('writing rows in slices (renderer/src/db/bulk.ts)', () => {
  it('issues the next slice while the one before is being written, at most two, in order, counting rows as each settles', async () => {
    const rows = Array.from({ length: 5000 }, (_, index) => index);
    const table = slowTable();
    const written: number[] = [];
    const done = bulkAddInSlices(table, rows, { onRows: (count) => written.push(count) });
    await tick();
    // The first two slices are issued before either has settled.
    expect(table.issued.map((slice) => slice.length)).toEqual([2000, 2000]);
    expect(written).toEqual([]);
    table.settleNext();
    await tick();
    expect(table.issued.map((slice) => slice.length)).toEqual([2000, 2000, 1000]);
    expect(written).toEqual([2000]);
    table.settleNext();
    table.settleNext();
    await done;
    expect(written).toEqual([2000, 2000, 1000]);
    expect(table.mostInFlight).toBe(2);
    expect(table.issued.flat()).toEqual(rows);
  });

  it('stops before the next slice once the signal is aborted, with the abort as its error', async () => {
    const table = slowTable();
    const stop = new AbortController();
    const done = bulkAddInSlices(
      table,
      Array.from({ length: 9000 }, (_, index) => index),
      { signal: stop.signal },
    );
    await tick();
    stop.abort(new Error('Stopped by the adviser'));
    table.settleNext();
    await expect(done).rejects.toThrow('Stopped by the adviser');
    expect(table.issued.length).toBe(2);
  });
});
