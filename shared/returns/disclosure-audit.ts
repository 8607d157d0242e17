/* eslint-disable @typescript-eslint/no-non-null-assertion --
   a protected table's cells, totals and counts have the same rows and columns as the table they audit; every
   index runs inside them */
/**
 * Audits of a protected table, for tests and for the preview: can anyone recover a hidden count?
 * Positions use 'total' for the totals row or column.
 */
import type { ProtectedTable } from './disclosure';
import { determinedUnknowns, type LinearEquation } from './linear';

export interface TablePosition {
  row: number | 'total';
  column: number | 'total';
}

export interface DerivableCell extends TablePosition {
  /** What the attacker works out, and what the count really is (they agree: the table is consistent). */
  derived: number;
  actual: number;
  /** The equation that gives it away. */
  from: { direction: 'row' | 'column'; index: number | 'total' };
}

interface Grid {
  height: number;
  width: number;
  /** The extended table, totals as the last row and column. */
  at(r: number, c: number): number | 'c' | 'low';
  actual(r: number, c: number): number;
  position(r: number, c: number): TablePosition;
}

function gridOf(table: ProtectedTable, counts: readonly (readonly number[])[]): Grid {
  const height = counts.length;
  const width = counts[0]?.length ?? 0;
  const rowSums = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const columnSums = Array.from({ length: width }, (_, c) => counts.reduce((sum, row) => sum + row[c]!, 0));
  const grand = rowSums.reduce((a, b) => a + b, 0);
  return {
    height,
    width,
    at: (r, c) =>
      r < height ? (c < width ? table.cells[r]![c]! : table.rowTotals[r]!) : c < width ? table.columnTotals[c]! : table.grandTotal,
    actual: (r, c) => (r < height ? (c < width ? counts[r]![c]! : rowSums[r]!) : c < width ? columnSums[c]! : grand),
    position: (r, c) => ({ row: r < height ? r : 'total', column: c < width ? c : 'total' }),
  };
}

/**
 * Hidden counts that one row or column gives away: the line hides exactly one figure, so it is the
 * total less the visible cells (or, for a hidden total, the sum of the cells).
 */
export function findDerivableCells(table: ProtectedTable, counts: readonly (readonly number[])[]): DerivableCell[] {
  const grid = gridOf(table, counts);
  const found: DerivableCell[] = [];
  const check = (direction: 'row' | 'column', index: number, members: [number, number][]) => {
    const hidden = members.filter(([r, c]) => grid.at(r, c) === 'c');
    if (hidden.length !== 1) return;
    const [hr, hc] = hidden[0]!;
    const last = members.length - 1;
    const isTotal = hr === members[last]![0] && hc === members[last]![1];
    let visibleSum = 0;
    members.forEach(([r, c], i) => {
      const value = grid.at(r, c);
      if (i < last && typeof value === 'number') visibleSum += value;
    });
    const totalValue = grid.at(members[last]![0], members[last]![1]);
    const derived = isTotal ? visibleSum : (typeof totalValue === 'number' ? totalValue : 0) - visibleSum;
    found.push({
      ...grid.position(hr, hc),
      derived,
      actual: grid.actual(hr, hc),
      from: { direction, index: direction === 'row' ? grid.position(index, 0).row : grid.position(0, index).column },
    });
  };
  for (let r = 0; r <= grid.height; r++)
    check(
      'row',
      r,
      Array.from({ length: grid.width + 1 }, (_, c) => [r, c]),
    );
  for (let c = 0; c <= grid.width; c++)
    check(
      'column',
      c,
      Array.from({ length: grid.height + 1 }, (_, r) => [r, c]),
    );
  return found;
}

/**
 * Hidden counts that any combination of the table's row and column equations pins down exactly
 * (the stronger test: it also catches a hidden cell that only a sum of several rows gives away).
 */
export function findDerivableByCombination(
  table: ProtectedTable,
  counts: readonly (readonly number[])[],
): (TablePosition & { actual: number })[] {
  const grid = gridOf(table, counts);
  const columns = grid.width + 1;
  const id = (r: number, c: number) => r * columns + c;
  const equations: LinearEquation[] = [];
  for (let r = 0; r <= grid.height; r++) {
    equations.push({ terms: Array.from({ length: columns }, (_, c) => ({ id: id(r, c), coefficient: c === grid.width ? -1 : 1 })) });
  }
  for (let c = 0; c <= grid.width; c++) {
    equations.push({
      terms: Array.from({ length: grid.height + 1 }, (_, r) => ({ id: id(r, c), coefficient: r === grid.height ? -1 : 1 })),
    });
  }
  const hidden = (n: number) => grid.at(Math.floor(n / columns), n % columns) === 'c';
  return determinedUnknowns(equations, hidden).map((n) => {
    const r = Math.floor(n / columns);
    const c = n % columns;
    return { ...grid.position(r, c), actual: grid.actual(r, c) };
  });
}

/** A table of counts whose figures are named, so a figure printed in several tables is one unknown. */
export interface NamedTable {
  counts: readonly (readonly number[])[];
  cellKeys: readonly (readonly string[])[];
  rowTotalKeys: readonly string[];
  columnTotalKeys: readonly string[];
  grandTotalKey: string;
}

export interface ExposedFigure {
  key: string;
  value: number;
  /** 'derivable': the equations of all tables together pin it down; 'inconsistent': shown in one table, hidden in another. */
  reason: 'derivable' | 'inconsistent';
}

/**
 * Hidden figures that the equations of all the tables together pin down: each table's rows and
 * columns add up to their totals, and a figure with one name is one unknown everywhere. A hidden
 * zero that can be worked out is reported with value 0; it gives away only that it is zero.
 */
export function findDerivableInLinkedTables(tables: readonly NamedTable[], protectedTables: readonly ProtectedTable[]): ExposedFigure[] {
  const ids = new Map<string, number>();
  const values: number[] = [];
  const hidden: boolean[] = [];
  const inconsistent = new Set<number>();
  const id = (key: string, value: number, cell: number | 'c'): number => {
    let found = ids.get(key);
    if (found === undefined) {
      found = values.length;
      ids.set(key, found);
      values.push(value);
      hidden.push(cell === 'c');
    } else if (hidden[found] !== (cell === 'c')) {
      inconsistent.add(found);
      hidden[found] = true;
    }
    return found;
  };
  const equations: LinearEquation[] = [];
  tables.forEach((table, t) => {
    const p = protectedTables[t]!;
    const sum = (list: readonly number[]) => list.reduce((a, b) => a + b, 0);
    const cells = table.cellKeys.map((row, r) => row.map((key, c) => id(key, table.counts[r]![c]!, p.cells[r]![c]!)));
    const rowTotals = table.rowTotalKeys.map((key, r) => id(key, sum(table.counts[r]!), p.rowTotals[r]!));
    const columnTotals = table.columnTotalKeys.map((key, c) => id(key, sum(table.counts.map((row) => row[c]!)), p.columnTotals[c]!));
    const grand = id(table.grandTotalKey, sum(table.counts.map(sum)), p.grandTotal);
    const line = (members: number[], total: number) =>
      equations.push({ terms: [...members.map((m) => ({ id: m, coefficient: 1 })), { id: total, coefficient: -1 }] });
    cells.forEach((row, r) => line(row, rowTotals[r]!));
    columnTotals.forEach((total, c) =>
      line(
        cells.map((row) => row[c]!),
        total,
      ),
    );
    line(rowTotals, grand);
    line(columnTotals, grand);
  });
  const keys = [...ids.keys()];
  const derivable = determinedUnknowns(equations, (n) => hidden[n] === true);
  return [
    ...[...inconsistent].map((n): ExposedFigure => ({ key: keys[n]!, value: values[n]!, reason: 'inconsistent' })),
    ...derivable.filter((n) => !inconsistent.has(n)).map((n): ExposedFigure => ({ key: keys[n]!, value: values[n]!, reason: 'derivable' })),
  ];
}
