/* eslint-disable @typescript-eslint/no-non-null-assertion --
   Gaussian elimination over a matrix built here with one row per equation and one column per quantity; every
   index is inside those bounds */
/**
 * Which hidden figures can be worked out exactly from published ones. Every table gives linear
 * equations (a row's cells add up to its total, and so on); a hidden figure is exposed when some
 * combination of those equations pins it to one value. This is the test of "no suppressed value can
 * be derived", done with Gaussian elimination rather than by looking at one row at a time.
 */

export interface LinearTerm {
  id: number;
  coefficient: number;
}

/** An equation of the form Σ coefficient × value = constant; the constant does not matter here. */
export interface LinearEquation {
  terms: readonly LinearTerm[];
}

const EPSILON = 1e-9;

/**
 * The unknown ids whose value is fixed by the equations once every other id is known.
 * An unknown is fixed exactly when no solution of the homogeneous system moves it, which in
 * reduced row echelon form means a pivot whose row has nothing in the free columns.
 */
export function determinedUnknowns(equations: readonly LinearEquation[], isUnknown: (id: number) => boolean): number[] {
  const reduced: LinearTerm[][] = [];
  for (const equation of equations) {
    const terms = equation.terms.filter((t) => t.coefficient !== 0 && isUnknown(t.id));
    if (terms.length > 0) reduced.push(terms);
  }

  // Split into blocks that share no unknowns, so each elimination stays small.
  const parent = new Map<number, number>();
  const find = (id: number): number => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let node = id;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const terms of reduced) {
    for (const t of terms) if (!parent.has(t.id)) parent.set(t.id, t.id);
    const first = find(terms[0]!.id);
    for (const t of terms) {
      const root = find(t.id);
      if (root !== first) parent.set(root, first);
    }
  }
  const blocks = new Map<number, LinearTerm[][]>();
  for (const terms of reduced) {
    const root = find(terms[0]!.id);
    const block = blocks.get(root);
    if (block) block.push(terms);
    else blocks.set(root, [terms]);
  }

  const determined: number[] = [];
  for (const block of blocks.values()) determined.push(...determinedInBlock(block));
  return determined.sort((a, b) => a - b);
}

function determinedInBlock(equations: readonly LinearTerm[][]): number[] {
  const ids = [...new Set(equations.flatMap((terms) => terms.map((t) => t.id)))].sort((a, b) => a - b);
  const column = new Map(ids.map((id, index) => [id, index]));
  const width = ids.length;
  const rows = equations.map((terms) => {
    const row = new Float64Array(width);
    for (const t of terms) row[column.get(t.id)!]! += t.coefficient;
    return row;
  });

  const pivotColumnOfRow: number[] = [];
  let rank = 0;
  for (let col = 0; col < width && rank < rows.length; col++) {
    let best = rank;
    for (let r = rank + 1; r < rows.length; r++) if (Math.abs(rows[r]![col]!) > Math.abs(rows[best]![col]!)) best = r;
    if (Math.abs(rows[best]![col]!) <= EPSILON) continue;
    [rows[rank], rows[best]] = [rows[best]!, rows[rank]!];
    const pivotRow = rows[rank]!;
    const pivot = pivotRow[col]!;
    for (let c = col; c < width; c++) pivotRow[c]! /= pivot;
    for (let r = 0; r < rows.length; r++) {
      if (r === rank) continue;
      const row = rows[r]!;
      const factor = row[col]!;
      if (Math.abs(factor) <= EPSILON) {
        row[col] = 0;
        continue;
      }
      for (let c = col; c < width; c++) row[c]! -= factor * pivotRow[c]!;
      row[col] = 0;
    }
    pivotColumnOfRow.push(col);
    rank++;
  }

  const isPivot = new Uint8Array(width);
  for (const col of pivotColumnOfRow) isPivot[col] = 1;
  const determined: number[] = [];
  pivotColumnOfRow.forEach((col, r) => {
    const row = rows[r]!;
    for (let c = 0; c < width; c++) if (!isPivot[c] && Math.abs(row[c]!) > EPSILON) return;
    determined.push(ids[col]!);
  });
  return determined;
}
