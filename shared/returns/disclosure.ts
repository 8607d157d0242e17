/**
 * Disclosure control for count tables, as in published education statistics: small counts become
 * `c`, and enough further cells are hidden that no hidden count can be worked out from the totals.
 * A true zero is shown. Pure: the same counts always give the same table.
 */
import { checkCounts, protectTables } from './suppression';

/**
 * The GSS symbols, in one place: `c` and `low` are what disclosure control writes (below); `z` marks a
 * figure that does not apply (nobody to count, or a measure about other year groups) and `x` one the
 * app does not hold (a geography's code), in the tidy data for the council.
 */
export const NOT_APPLICABLE = 'z';
export const NOT_AVAILABLE = 'x';

/** A count as it may be shown: the number, or `c` (confidential). */
export type Cell = number | 'c';

/** A count after optional rounding: `low` is a count above 0 that rounds to 0. */
export type ShownCell = number | 'c' | 'low';

/** A percentage as it may be shown: `c` when worked out from a hidden count, `z` when there is nobody to count. */
export type PercentCell = number | 'c' | 'z';

export interface ProtectedTable<T = Cell> {
  cells: T[][];
  rowTotals: T[];
  columnTotals: T[];
  grandTotal: T;
}

export type ShownTable = ProtectedTable<ShownCell>;

/**
 * Protects one table. Totals are those of the unprotected counts, each subject to the same rules:
 * every count (or total) from 1 to threshold − 1 is `c`; no row or column, its total counted as one
 * more cell, has exactly one `c`; and no `c` can be derived exactly from any combination of the
 * table's row and column equations. Each extra cell is, in order of preference: non-zero; one that
 * also mends another row or column with a single `c`; an inner cell rather than a total; the
 * smallest; the first. A zero is hidden only when nothing else can do the job (see suppression.ts).
 */
export function protectTable(counts: number[][], options: { threshold: number }): ProtectedTable {
  const width = checkCounts(counts);
  if (counts.length === 0) return { cells: [], rowTotals: [], columnTotals: [], grandTotal: 0 };
  const [table] = protectTables(
    [
      {
        counts,
        cellKeys: counts.map((row, r) => row.map((_, c) => `r${r}c${c}`)),
        rowTotalKeys: counts.map((_, r) => `r${r}`),
        columnTotalKeys: Array.from({ length: width }, (_, c) => `c${c}`),
        grandTotalKey: 'all',
      },
    ],
    options.threshold,
  );
  if (!table) throw new Error('protectTables answers one protected table for each table it is given');
  return table;
}

/** Rounds a count to the nearest multiple of `base` (halves up); a count above 0 that rounds to 0 is `low`. */
export function roundCell(cell: Cell, base = 5): ShownCell {
  if (cell === 'c') return 'c';
  const rounded = Math.round(cell / base) * base;
  return rounded === 0 && cell > 0 ? 'low' : rounded;
}

/** Rounds every figure of a protected table on its own, so totals may differ from the sum of their parts. */
export function roundCells(table: ProtectedTable, base = 5): ShownTable {
  return {
    cells: table.cells.map((row) => row.map((cell) => roundCell(cell, base))),
    rowTotals: table.rowTotals.map((cell) => roundCell(cell, base)),
    columnTotals: table.columnTotals.map((cell) => roundCell(cell, base)),
    grandTotal: roundCell(table.grandTotal, base),
  };
}

/** The sum of shown figures, or `c` if any of them is hidden or `low`. */
export function sumCells(cells: readonly ShownCell[]): Cell {
  let sum = 0;
  for (const cell of cells) {
    if (typeof cell !== 'number') return 'c';
    sum += cell;
  }
  return sum;
}

/**
 * A percentage to one decimal place. Hidden (`c`) when either figure is hidden or `low`, since a
 * percentage of a hidden count would give the count away; `z` (not applicable) when the
 * denominator is 0.
 */
export function protectedPercentage(numerator: ShownCell, denominator: ShownCell): PercentCell {
  if (typeof numerator !== 'number' || typeof denominator !== 'number') return 'c';
  if (denominator === 0) return NOT_APPLICABLE;
  return Math.round((1000 * numerator) / denominator) / 10;
}

/** The note saying which counts are shown as `c`, in words. */
export function thresholdNote(threshold: number): string {
  const top = Math.ceil(threshold) - 1;
  if (top < 1) return 'No counts are hidden as small.';
  if (top === 1) return 'Counts of 1 are shown as c.';
  return `Counts of 1 to ${top} are shown as c.`;
}
