import { describe, expect, it } from 'vitest';
import { createRandom, type RandomSource } from '@shared/random';
import {
  protectTable,
  protectedPercentage,
  roundCell,
  roundCells,
  sumCells,
  thresholdNote,
  findDerivableByCombination,
  findDerivableCells,
  findDerivableInLinkedTables,
  type Cell,
  type ProtectedTable,
} from '@shared/returns';
import { protectTables, type KeyedTable } from '@shared/returns/suppression';

/** Every figure of a table with its position, totals included, for property checks. */
function everyFigure(counts: readonly (readonly number[])[], table: ProtectedTable): { actual: number; shown: Cell; where: string }[] {
  const sum = (list: readonly number[]) => list.reduce((a, b) => a + b, 0);
  const width = counts[0]?.length ?? 0;
  const columnSums = Array.from({ length: width }, (_, c) => sum(counts.map((row) => row[c]!)));
  return [
    ...counts.flatMap((row, r) => row.map((actual, c) => ({ actual, shown: table.cells[r]![c]!, where: `cell ${r},${c}` }))),
    ...counts.map((row, r) => ({ actual: sum(row), shown: table.rowTotals[r]!, where: `row total ${r}` })),
    ...columnSums.map((actual, c) => ({ actual, shown: table.columnTotals[c]!, where: `column total ${c}` })),
    { actual: sum(columnSums), shown: table.grandTotal, where: 'grand total' },
  ];
}

/** A table shaped like real returns: many zeros, many small counts, some large ones; sometimes one row or column. */
function randomTable(random: RandomSource, threshold: number): number[][] {
  const shape = random.next();
  const height = shape < 0.15 ? 1 : random.int(1, 8);
  const width = shape > 0.85 ? 1 : random.int(1, 8);
  const zeros = random.next() * 0.6;
  const small = random.next() * 0.6;
  return Array.from({ length: height }, () =>
    Array.from({ length: width }, () => {
      const roll = random.next();
      if (roll < zeros) return 0;
      if (roll < zeros + small) return random.int(1, Math.max(1, threshold - 1));
      return random.int(threshold, random.chance(0.2) ? 500 : 60);
    }),
  );
}

const count = (table: ProtectedTable) =>
  [...table.cells.flat(), ...table.rowTotals, ...table.columnTotals, table.grandTotal].filter((c) => c === 'c').length;

describe('protectTable: properties on random tables', () => {
  const random = createRandom(20261124);
  const cases = Array.from({ length: 600 }, () => {
    const threshold = random.pick([3, 5, 5, 6, 10]);
    return { threshold, counts: randomTable(random, threshold) };
  });

  it('shows every count from 1 to threshold − 1 as c, totals included', () => {
    for (const { counts, threshold } of cases) {
      const table = protectTable(counts, { threshold });
      for (const figure of everyFigure(counts, table)) {
        if (figure.actual >= 1 && figure.actual < threshold) expect(figure.shown, `${figure.where} of ${JSON.stringify(counts)}`).toBe('c');
      }
    }
  });

  it('shows every visible figure exactly as counted, and every zero as 0', () => {
    for (const { counts, threshold } of cases) {
      const table = protectTable(counts, { threshold });
      for (const figure of everyFigure(counts, table)) {
        if (figure.shown !== 'c') expect(figure.shown).toBe(figure.actual);
        if (figure.actual === 0) expect(figure.shown, `${figure.where} of ${JSON.stringify(counts)}`).toBe(0);
      }
    }
  });

  it('never leaves exactly one c in a row or column, its total counted', () => {
    for (const { counts, threshold } of cases) {
      const table = protectTable(counts, { threshold });
      expect(findDerivableCells(table, counts), JSON.stringify({ counts, table })).toEqual([]);
    }
  });

  it('leaves no hidden count that subtraction from any row or column total, or any sum of them, can recover', () => {
    for (const { counts, threshold } of cases) {
      const table = protectTable(counts, { threshold });
      expect(findDerivableByCombination(table, counts), JSON.stringify({ counts, table })).toEqual([]);
    }
  });

  it('gives the same answer every time for the same counts', () => {
    for (const { counts, threshold } of cases.slice(0, 50)) {
      expect(protectTable(counts, { threshold })).toEqual(protectTable(counts, { threshold }));
    }
  });
});

describe('protectTable: hand-made tables', () => {
  it('hides nothing when no count is small', () => {
    const counts = [
      [10, 20],
      [30, 0],
    ];
    expect(protectTable(counts, { threshold: 5 })).toEqual({
      cells: [
        [10, 20],
        [30, 0],
      ],
      rowTotals: [30, 30],
      columnTotals: [40, 20],
      grandTotal: 60,
    });
  });

  it('hides one small cell with exactly one more in its row, one in its column and the corner, choosing the smallest', () => {
    const counts = [
      [2, 10, 8, 12],
      [9, 20, 15, 11],
      [7, 30, 6, 40],
    ];
    const table = protectTable(counts, { threshold: 5 });
    // Row 0: 8 is its smallest other cell; column 0: 7 is its smallest other cell; 6 closes the rectangle.
    expect(table.cells).toEqual([
      ['c', 10, 'c', 12],
      [9, 20, 15, 11],
      ['c', 30, 'c', 40],
    ]);
    expect(table.rowTotals).toEqual([32, 55, 83]);
    expect(table.columnTotals).toEqual([18, 60, 29, 63]);
    expect(table.grandTotal).toBe(170);
    expect(count(table)).toBe(4);
  });

  it('shows 0 and counts of the threshold or more, and hides 1 to 4 at the default threshold', () => {
    const table = protectTable([[0, 1, 4, 5]], { threshold: 5 });
    expect(table.cells[0]![0]).toBe(0);
    expect(table.cells[0]![1]).toBe('c');
    expect(table.cells[0]![2]).toBe('c');
  });

  it('hides a small total too, and what would give it away', () => {
    // Row 0 adds up to 3: both its cells and its total are small.
    const table = protectTable(
      [
        [2, 1],
        [20, 30],
      ],
      { threshold: 5 },
    );
    expect(table.rowTotals[0]).toBe('c');
    expect(table.cells[0]).toEqual(['c', 'c']);
    expect(
      findDerivableByCombination(table, [
        [2, 1],
        [20, 30],
      ]),
    ).toEqual([]);
  });

  it('protects a single row: a hidden cell takes its column total with it, and a second cell is hidden', () => {
    expect(protectTable([[3, 7, 10]], { threshold: 5 })).toEqual({
      cells: [['c', 'c', 10]],
      rowTotals: [20],
      columnTotals: ['c', 'c', 10],
      grandTotal: 20,
    });
  });

  it('protects a single column the same way', () => {
    expect(protectTable([[3], [7], [10]], { threshold: 5 })).toEqual({
      cells: [['c'], ['c'], [10]],
      rowTotals: ['c', 'c', 10],
      columnTotals: [20],
      grandTotal: 20,
    });
  });

  it('hides everything non-zero when the whole table is smaller than the threshold', () => {
    expect(
      protectTable(
        [
          [1, 0],
          [2, 1],
        ],
        { threshold: 5 },
      ),
    ).toEqual({
      cells: [
        ['c', 0],
        ['c', 'c'],
      ],
      rowTotals: ['c', 'c'],
      columnTotals: ['c', 'c'],
      grandTotal: 'c',
    });
  });

  it('follows the threshold it is given', () => {
    expect(
      protectTable(
        [
          [2, 10],
          [10, 10],
        ],
        { threshold: 3 },
      ).cells[0]![0],
    ).toBe('c');
    expect(
      protectTable(
        [
          [5, 10],
          [10, 10],
        ],
        { threshold: 6 },
      ).cells[0]![0],
    ).toBe('c');
    expect(
      protectTable(
        [
          [5, 10],
          [10, 10],
        ],
        { threshold: 5 },
      ).cells[0]![0],
    ).toBe(5);
    expect(
      protectTable(
        [
          [1, 10],
          [10, 10],
        ],
        { threshold: 1 },
      ).cells[0]![0],
    ).toBe(1);
  });

  it(
    'joins two blocks of hidden cells that only a sum of rows would tell apart, ' + 'and hides a zero only when nothing else joins them',
    () => {
      // Two 2×2 blocks of small counts joined by one small cell (row 1, column 2). Every row and column
      // has two or more c, yet rows 0 and 1 less columns 0 and 1 would give that cell away. The only
      // cells that join the blocks directly are zeros, so one zero (the first) is hidden.
      const counts = [
        [1, 1, 0, 0, 50],
        [1, 1, 1, 0, 50],
        [0, 0, 1, 1, 50],
        [0, 0, 1, 1, 50],
        [50, 50, 50, 50, 50],
      ];
      const table = protectTable(counts, { threshold: 5 });
      expect(findDerivableCells(table, counts)).toEqual([]);
      expect(findDerivableByCombination(table, counts)).toEqual([]);
      expect(table.cells[0]![2]).toBe('c');
      expect(count(table)).toBe(10);
    },
  );

  it('rejects tables that are not counts', () => {
    expect(() => protectTable([[1, 2], [3]], { threshold: 5 })).toThrow();
    expect(() => protectTable([[-1]], { threshold: 5 })).toThrow();
    expect(() => protectTable([[1.5]], { threshold: 5 })).toThrow();
    expect(protectTable([], { threshold: 5 })).toEqual({ cells: [], rowTotals: [], columnTotals: [], grandTotal: 0 });
  });
});

describe('the audits', () => {
  it('finds a hidden cell that is alone in its row', () => {
    const table: ProtectedTable = {
      cells: [
        ['c', 10],
        [20, 30],
      ],
      rowTotals: [13, 50],
      columnTotals: [23, 40],
      grandTotal: 63,
    };
    const found = findDerivableCells(table, [
      [3, 10],
      [20, 30],
    ]);
    expect(found).toContainEqual({ row: 0, column: 0, derived: 3, actual: 3, from: { direction: 'row', index: 0 } });
    expect(found).toContainEqual({ row: 0, column: 0, derived: 3, actual: 3, from: { direction: 'column', index: 0 } });
  });

  it('finds a hidden cell that only a combination of rows and columns gives away', () => {
    // Every line has two c, but the cell joining the two blocks is still derivable.
    const counts = [
      [1, 1, 0, 0, 50],
      [1, 1, 1, 0, 50],
      [0, 0, 1, 1, 50],
      [0, 0, 1, 1, 50],
      [50, 50, 50, 50, 50],
    ];
    const hide = new Set(['0,0', '0,1', '1,0', '1,1', '1,2', '2,2', '2,3', '3,2', '3,3']);
    const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
    const table: ProtectedTable = {
      cells: counts.map((row, r) => row.map((v, c) => (hide.has(`${r},${c}`) ? 'c' : v))),
      rowTotals: counts.map(sum),
      columnTotals: counts[0]!.map((_, c) => sum(counts.map((row) => row[c]!))),
      grandTotal: sum(counts.map(sum)),
    };
    expect(findDerivableCells(table, counts)).toEqual([]);
    expect(findDerivableByCombination(table, counts)).toEqual([{ row: 1, column: 2, actual: 1 }]);
  });
});

describe('linked tables protected together', () => {
  /** Tables from made-up people: two measures (columns) by two splits (rows), sharing totals as real returns do. */
  function linked(random: RandomSource): KeyedTable[] {
    const people = random.int(3, 90);
    const sizes = Array.from({ length: 5 }, () => random.int(2, 6));
    const weights = sizes.map((n) => Array.from({ length: n }, () => random.next() ** 3));
    const rows = Array.from({ length: people }, () => {
      const v = sizes.map((_, a) =>
        random.weighted(
          weights[a]!.map((_, i) => i),
          weights[a]!,
        ),
      );
      if (random.chance(0.6)) v[1] = v[2]! % sizes[1]!; // structural zeros, as year groups and year-specific measures give
      return v;
    });
    const tables: KeyedTable[] = [];
    for (const column of [0, 1]) {
      for (const row of [2, 3, 4]) {
        const counts = Array.from({ length: sizes[row]! }, () => new Array<number>(sizes[column]!).fill(0));
        for (const p of rows) counts[p[row]!]![p[column]!]! += 1;
        tables.push({
          counts,
          cellKeys: counts.map((r, i) => r.map((_, j) => `a${row}=${i};a${column}=${j}`)),
          rowTotalKeys: counts.map((_, i) => `a${row}=${i}`),
          columnTotalKeys: counts[0]!.map((_, j) => `a${column}=${j}`),
          grandTotalKey: 'everyone',
        });
      }
    }
    return tables;
  }

  it('hides a shared figure everywhere or nowhere, and leaves nothing derivable from all the tables together', () => {
    const random = createRandom(7);
    for (let i = 0; i < 300; i++) {
      const tables = linked(random);
      const threshold = random.pick([3, 5, 6]);
      const result = protectTables(tables, threshold);
      const exposed = findDerivableInLinkedTables(tables, result);
      expect(
        exposed.filter((e) => e.value > 0 || e.reason === 'inconsistent'),
        `case ${i}`,
      ).toEqual([]);
      result.forEach((table, t) => {
        expect(findDerivableCells(table, tables[t]!.counts)).toEqual([]);
        for (const figure of everyFigure(tables[t]!.counts, table)) {
          if (figure.actual >= 1 && figure.actual < threshold) expect(figure.shown).toBe('c');
          if (figure.shown !== 'c') expect(figure.shown).toBe(figure.actual);
        }
      });
    }
  });

  it('refuses a figure named twice with two different values', () => {
    const table = (value: number): KeyedTable => ({
      counts: [[value]],
      cellKeys: [['x']],
      rowTotalKeys: ['r'],
      columnTotalKeys: ['k'],
      grandTotalKey: 'g',
    });
    expect(() => protectTables([table(5), table(6)], 5)).toThrow(/two different values/);
  });
});

describe('rounding and percentages', () => {
  it('rounds to the nearest 5, shows low for a count that rounds to 0, and leaves c and 0 alone', () => {
    expect([0, 1, 2, 3, 7, 8, 12, 13].map((n) => roundCell(n))).toEqual([0, 'low', 'low', 5, 5, 10, 10, 15]);
    expect(roundCell('c')).toBe('c');
  });

  it('rounds every figure of a table on its own', () => {
    const table = protectTable(
      [
        [6, 6],
        [6, 6],
      ],
      { threshold: 5 },
    );
    expect(roundCells(table)).toEqual({
      cells: [
        [5, 5],
        [5, 5],
      ],
      rowTotals: [10, 10],
      columnTotals: [10, 10],
      grandTotal: 25,
    });
  });

  it('hides a percentage of a hidden or low figure, and marks one of nobody as z', () => {
    expect(protectedPercentage(1, 3)).toBe(33.3);
    expect(protectedPercentage(2, 3)).toBe(66.7);
    expect(protectedPercentage('c', 30)).toBe('c');
    expect(protectedPercentage(10, 'c')).toBe('c');
    expect(protectedPercentage('low', 30)).toBe('c');
    expect(protectedPercentage(0, 0)).toBe('z');
    expect(protectedPercentage(0, 12)).toBe(0);
  });

  it('adds shown figures, and hides a sum that uses a hidden one', () => {
    expect(sumCells([3, 4])).toBe(7);
    expect(sumCells([3, 'c'])).toBe('c');
    expect(sumCells([3, 'low'])).toBe('c');
  });

  it('says in words which counts are hidden', () => {
    expect(thresholdNote(5)).toBe('Counts of 1 to 4 are shown as c.');
    expect(thresholdNote(2)).toBe('Counts of 1 are shown as c.');
    expect(thresholdNote(1)).toBe('No counts are hidden as small.');
  });
});
