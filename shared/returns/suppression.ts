/* eslint-disable @typescript-eslint/no-non-null-assertion --
   every index here runs inside the bounds of arrays sized up front from the table layouts (rows × columns, one
   slot per quantity), in loops that guards would slow and clutter */
/**
 * The suppression engine behind `protectTable` and the aggregate return. Tables are laid out with
 * their totals as one more row and column; every figure is a "quantity" named by a key, so a figure
 * printed in several tables (the number of young people in Thanet, say) is hidden everywhere or
 * nowhere. The steps:
 *  1. primary: every quantity from 1 to threshold − 1 is hidden;
 *  2. no line (row or column, its total counted) may hide exactly one figure: hide one more,
 *     preferring a cell that also mends another such line, then one that starts no new problem,
 *     then an inner cell over a total, then the smallest, then the first;
 *  3. no hidden cell may be a bridge of the table's row–column graph (a hidden cell is exactly
 *     derivable from the table's equations when it lies on no cycle of hidden cells): join the two
 *     sides with the smallest cell that does;
 *  4. across all tables together, Gaussian elimination finds anything still derivable (through
 *     figures shared between tables) and mends it so that it provably is not:
 *     - a figure printed once (an inner cell) is put on a cycle of hidden figures that are each
 *       printed once, by the cheapest path from its row to its column: changing the cycle's
 *       figures by +1, −1, … alternately keeps every equation of every table true;
 *     - a shared total is paired with another total of the same line (hidden already, or the
 *       smallest), and in every table that prints them the two are joined by such a path;
 *     - a shared grand total is joined, in every table, to one hidden row total and one hidden
 *       column total, chosen consistently across the tables that share them;
 *     - when none of that adds anything (a figure tied to tables of another shape), the visible
 *       figures around it are tried cheapest first until one sets it free;
 *     then back to step 2.
 * Before all of that, candidates are ranked by what hiding them costs: a non-zero figure printed in
 * this table only; then a zero printed in this table only; then a figure shared with other tables
 * (hiding it spreads to all of them); shared zeros last. Step 2 never needs a zero in a single
 * table (a line hiding one non-zero count always has a visible non-zero total or cell); step 3 hides
 * a zero only when every cell that could join the two sides is zero. In linked tables a zero inner
 * cell is hidden rather than a shared total. Every step only adds hidden figures, so the loop ends.
 */
import { determinedUnknowns, type LinearEquation } from './linear';
import type { Cell, ProtectedTable } from './disclosure';

export interface KeyedTable {
  counts: readonly (readonly number[])[];
  /** Names of the figures: equal keys are the same figure wherever it is printed. */
  cellKeys: readonly (readonly string[])[];
  rowTotalKeys: readonly string[];
  columnTotalKeys: readonly string[];
  grandTotalKey: string;
}

interface Layout {
  rows: number; // inner rows + the totals row
  columns: number; // inner columns + the totals column
  /** Quantity id at each position, row-major; the last row and column hold the totals. */
  ids: Int32Array;
}

export function checkCounts(counts: readonly (readonly number[])[]): number {
  const width = counts[0]?.length ?? 0;
  for (const row of counts) {
    if (row.length !== width) throw new Error('Every row of a table needs the same number of cells');
    for (const value of row)
      if (!Number.isSafeInteger(value) || value < 0) throw new Error(`Counts must be whole numbers of 0 or more, not ${value}`);
  }
  return width;
}

export function protectTables(tables: readonly KeyedTable[], threshold: number): ProtectedTable[] {
  if (!Number.isFinite(threshold)) throw new Error('The threshold must be a number');
  const values: number[] = [];
  const isTotal: boolean[] = [];
  const idByKey = new Map<string, number>();
  const quantity = (key: string, value: number, total: boolean): number => {
    const known = idByKey.get(key);
    if (known !== undefined) {
      if (values[known] !== value) throw new Error(`Figure "${key}" has two different values (${values[known]} and ${value})`);
      if (!total) isTotal[known] = false;
      return known;
    }
    idByKey.set(key, values.length);
    values.push(value);
    isTotal.push(total);
    return values.length - 1;
  };

  const layouts: Layout[] = tables.map((table) => {
    const width = checkCounts(table.counts);
    const height = table.counts.length;
    const layout: Layout = { rows: height + 1, columns: width + 1, ids: new Int32Array((height + 1) * (width + 1)) };
    const columnSums = new Array<number>(width).fill(0);
    let grand = 0;
    table.counts.forEach((row, r) => {
      let sum = 0;
      row.forEach((value, c) => {
        layout.ids[r * layout.columns + c] = quantity(table.cellKeys[r]![c]!, value, false);
        sum += value;
        columnSums[c]! += value;
      });
      layout.ids[r * layout.columns + width] = quantity(table.rowTotalKeys[r]!, sum, true);
      grand += sum;
    });
    columnSums.forEach((sum, c) => {
      layout.ids[height * layout.columns + c] = quantity(table.columnTotalKeys[c]!, sum, true);
    });
    layout.ids[height * layout.columns + width] = quantity(table.grandTotalKey, grand, true);
    return layout;
  });

  const hidden = new Uint8Array(values.length);
  values.forEach((value, id) => {
    if (value >= 1 && value < threshold) hidden[id] = 1;
  });

  const equations = equationsOf(layouts);
  const equationsOfId: number[][] = values.map(() => []);
  equations.forEach((equation, index) => {
    for (const t of equation.terms) equationsOfId[t.id]!.push(index);
  });
  const places: { layout: number; position: number }[][] = values.map(() => []);
  layouts.forEach((layout, index) => layout.ids.forEach((id, position) => places[id]!.push({ layout: index, position })));
  const context: RepairContext = { layouts, values, isTotal, hidden, places };
  const shared = Uint8Array.from(places, (p) => (p.length > 1 ? 1 : 0));

  for (;;) {
    let changed = false;
    for (const layout of layouts) if (mendLonelyCells(layout, values, isTotal, hidden, shared)) changed = true;
    if (changed) continue;
    for (const layout of layouts) {
      if (mendOneBridge(layout, values, isTotal, hidden, shared)) {
        changed = true;
        break;
      }
    }
    if (changed) continue;
    // A hidden zero that can be worked out gives away only a zero, which may be shown anyway.
    const exposed = determinedUnknowns(equations, (id) => hidden[id] === 1).filter((id) => values[id] !== 0);
    if (exposed.length === 0) break;
    for (const id of exposed) if (repairExposed(id, context) === 'changed') changed = true;
    // When the shaped repairs add nothing, search: one figure at a time, then look again.
    for (const id of exposed) {
      if (changed) break;
      if (searchRepair(id, equations, equationsOfId, context, shared)) changed = true;
    }
    if (!changed) break; // nothing more to hide: everything around the exposed figures is hidden already
  }

  return layouts.map((layout) => {
    const cell = (r: number, c: number): Cell => {
      const id = layout.ids[r * layout.columns + c]!;
      return hidden[id] ? 'c' : values[id]!;
    };
    const height = layout.rows - 1;
    const width = layout.columns - 1;
    return {
      cells: Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => cell(r, c))),
      rowTotals: Array.from({ length: height }, (_, r) => cell(r, width)),
      columnTotals: Array.from({ length: width }, (_, c) => cell(height, c)),
      grandTotal: cell(height, width),
    };
  });
}

/** Each line of each table: its cells add up to its total (the last member). Repeats are dropped. */
function equationsOf(layouts: readonly Layout[]): LinearEquation[] {
  const seen = new Set<string>();
  const equations: LinearEquation[] = [];
  const add = (members: number[]) => {
    const signature = members.join(',');
    if (seen.has(signature)) return;
    seen.add(signature);
    equations.push({ terms: members.map((id, index) => ({ id, coefficient: index === members.length - 1 ? -1 : 1 })) });
  };
  for (const layout of layouts) {
    for (let r = 0; r < layout.rows; r++) add(lineMembers(layout, 'row', r));
    for (let c = 0; c < layout.columns; c++) add(lineMembers(layout, 'column', c));
  }
  return equations;
}

function lineMembers(layout: Layout, direction: 'row' | 'column', index: number): number[] {
  const members: number[] = [];
  if (direction === 'row') for (let c = 0; c < layout.columns; c++) members.push(layout.ids[index * layout.columns + c]!);
  else for (let r = 0; r < layout.rows; r++) members.push(layout.ids[r * layout.columns + index]!);
  return members;
}

/** What hiding a figure costs, coarsely: 0 own non-zero, 1 own zero, 2 shared non-zero, 3 shared zero. */
function costClass(id: number, values: readonly number[], shared: Uint8Array): number {
  return (shared[id] ? 2 : 0) + (values[id] === 0 ? 1 : 0);
}

/** Compares candidate scores lexicographically: lower is better. */
function better(a: readonly number[], b: readonly number[] | null): boolean {
  if (b === null) return true;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/** Step 2 for one table: until no row or column hides exactly one figure. */
function mendLonelyCells(
  layout: Layout,
  values: readonly number[],
  isTotal: readonly boolean[],
  hidden: Uint8Array,
  shared: Uint8Array,
): boolean {
  const { rows, columns, ids } = layout;
  const rowHidden = new Int32Array(rows);
  const columnHidden = new Int32Array(columns);
  const count = () => {
    rowHidden.fill(0);
    columnHidden.fill(0);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        if (hidden[ids[r * columns + c]!]) {
          rowHidden[r]! += 1;
          columnHidden[c]! += 1;
        }
      }
    }
  };
  let changed = false;
  const stuck = new Set<string>(); // lines with nothing left to hide (a line of one position)
  for (;;) {
    count();
    let line: { direction: 'row' | 'column'; index: number } | null = null;
    for (let r = 0; r < rows && !line; r++) if (rowHidden[r] === 1 && !stuck.has(`r${r}`)) line = { direction: 'row', index: r };
    for (let c = 0; c < columns && !line; c++) if (columnHidden[c] === 1 && !stuck.has(`c${c}`)) line = { direction: 'column', index: c };
    if (!line) return changed;

    let best: number[] | null = null;
    let chosen = -1;
    const length = line.direction === 'row' ? columns : rows;
    for (let i = 0; i < length; i++) {
      const position = line.direction === 'row' ? line.index * columns + i : i * columns + line.index;
      const id = ids[position]!;
      if (hidden[id]) continue;
      const crossing = line.direction === 'row' ? columnHidden[i]! : rowHidden[i]!;
      // 0: mends the crossing line too; 1: the crossing line is already fine; 2: starts a new lonely line.
      const effect = crossing === 1 ? 0 : crossing >= 2 ? 1 : 2;
      const score = [costClass(id, values, shared), effect, isTotal[id] ? 1 : 0, values[id]!, i];
      if (better(score, best)) {
        best = score;
        chosen = id;
      }
    }
    if (chosen < 0) {
      stuck.add(`${line.direction === 'row' ? 'r' : 'c'}${line.index}`);
      continue;
    }
    hidden[chosen] = 1;
    changed = true;
  }
}

/**
 * Step 3 for one table: rows and columns are the two sides of a graph, hidden positions its edges.
 * A hidden figure is derivable from this table alone exactly when its edge is a bridge; hiding one
 * more cell that joins the bridge's two sides puts it on a cycle. Mends the first bridge found.
 */
function mendOneBridge(
  layout: Layout,
  values: readonly number[],
  isTotal: readonly boolean[],
  hidden: Uint8Array,
  shared: Uint8Array,
): boolean {
  const { rows, columns, ids } = layout;
  const vertexCount = rows + columns;
  const adjacency: { to: number; edge: number }[][] = Array.from({ length: vertexCount }, () => []);
  for (let position = 0; position < rows * columns; position++) {
    if (!hidden[ids[position]!]) continue;
    const r = Math.floor(position / columns);
    const c = rows + (position % columns);
    adjacency[r]!.push({ to: c, edge: position });
    adjacency[c]!.push({ to: r, edge: position });
  }

  const bridge = firstBridge(adjacency);
  if (bridge < 0) return false;

  const bridgeRow = Math.floor(bridge / columns);
  const bridgeColumn = rows + (bridge % columns);
  const side = new Int8Array(vertexCount); // 1: the row's side, 2: the column's side, 0: elsewhere
  const flood = (start: number, mark: 1 | 2) => {
    const stack = [start];
    side[start] = mark;
    while (stack.length > 0) {
      const v = stack.pop()!;
      for (const { to, edge } of adjacency[v]!) {
        if (edge === bridge || side[to]) continue;
        side[to] = mark;
        stack.push(to);
      }
    }
  };
  flood(bridgeRow, 1);
  flood(bridgeColumn, 2);

  let best: number[] | null = null;
  let chosen = -1;
  for (let position = 0; position < rows * columns; position++) {
    const id = ids[position]!;
    if (hidden[id]) continue;
    const a = side[Math.floor(position / columns)]!;
    const b = side[rows + (position % columns)]!;
    if (a === 0 || b === 0 || a === b) continue;
    const score = [costClass(id, values, shared), isTotal[id] ? 1 : 0, values[id]!, position];
    if (better(score, best)) {
      best = score;
      chosen = id;
    }
  }
  if (chosen < 0) return false;
  hidden[chosen] = 1;
  return true;
}

/** The first bridge edge (Tarjan's low-link), or −1. Edge ids are table positions. */
function firstBridge(adjacency: readonly { to: number; edge: number }[][]): number {
  const order = new Int32Array(adjacency.length).fill(-1);
  const low = new Int32Array(adjacency.length);
  let counter = 0;
  let found = -1;
  for (let root = 0; root < adjacency.length && found < 0; root++) {
    if (order[root] !== -1 || adjacency[root]!.length === 0) continue;
    // Iterative depth-first search: frames of (vertex, edge used to arrive, next neighbour index).
    const stack: { v: number; via: number; next: number }[] = [{ v: root, via: -1, next: 0 }];
    order[root] = low[root] = counter++;
    while (stack.length > 0 && found < 0) {
      const frame = stack[stack.length - 1]!;
      const neighbours = adjacency[frame.v]!;
      if (frame.next < neighbours.length) {
        const { to, edge } = neighbours[frame.next++]!;
        if (edge === frame.via) continue;
        if (order[to] === -1) {
          order[to] = low[to] = counter++;
          stack.push({ v: to, via: edge, next: 0 });
        } else {
          low[frame.v] = Math.min(low[frame.v]!, order[to]!);
        }
        continue;
      }
      stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) {
        low[parent.v] = Math.min(low[parent.v]!, low[frame.v]!);
        if (low[frame.v]! > order[parent.v]!) found = frame.via;
      }
    }
  }
  return found;
}

/** The equations linked to a figure through hidden figures: all that can bear on its value. */
function blockAround(id: number, equations: readonly LinearEquation[], equationsOfId: readonly number[][], hidden: Uint8Array): number[] {
  const seenEquations = new Set<number>();
  const seenIds = new Set<number>([id]);
  const queue = [id];
  while (queue.length > 0) {
    for (const index of equationsOfId[queue.pop()!]!) {
      if (seenEquations.has(index)) continue;
      seenEquations.add(index);
      for (const { id: other } of equations[index]!.terms) {
        if (hidden[other] && !seenIds.has(other)) {
          seenIds.add(other);
          queue.push(other);
        }
      }
    }
  }
  return [...seenEquations];
}

const SEARCH_LIMIT = 64;

/**
 * Step 4, general case: among the visible figures in the equations around an exposed one, cheapest
 * first, hide the first that sets it free (checked by elimination on its block); if none does on
 * its own, hide the cheapest and let the next round look again. False when there is nothing to hide.
 */
function searchRepair(
  id: number,
  equations: readonly LinearEquation[],
  equationsOfId: readonly number[][],
  context: RepairContext,
  shared: Uint8Array,
): boolean {
  const { hidden, values, isTotal } = context;
  const isFree = () => {
    const block = blockAround(id, equations, equationsOfId, hidden).map((index) => equations[index]!);
    return !determinedUnknowns(block, (other) => hidden[other] === 1).includes(id);
  };
  const candidates = new Map<number, number[]>();
  for (const index of blockAround(id, equations, equationsOfId, hidden)) {
    for (const { id: other } of equations[index]!.terms) {
      // Zeros last: hiding one rarely frees anything. Then figures of one table before shared ones.
      if (!hidden[other] && !candidates.has(other))
        candidates.set(other, [values[other] === 0 ? 1 : 0, shared[other]!, isTotal[other] ? 1 : 0, values[other]!, other]);
    }
  }
  const ranked = [...candidates.entries()].sort(([, a], [, b]) => (better(a, b) ? -1 : better(b, a) ? 1 : 0)).map(([other]) => other);
  if (ranked.length === 0) return false;
  for (const other of ranked.slice(0, SEARCH_LIMIT)) {
    hidden[other] = 1;
    if (isFree()) return true;
    hidden[other] = 0;
  }
  hidden[ranked[0]!] = 1;
  return true;
}

interface RepairContext {
  layouts: readonly Layout[];
  values: readonly number[];
  isTotal: readonly boolean[];
  hidden: Uint8Array;
  /** Where each figure is printed: table and position. */
  places: readonly { layout: number; position: number }[][];
}

/** Hiding a zero is a last resort: it costs more than any count. */
const ZERO_COST = Number.MAX_SAFE_INTEGER / 4;

/**
 * Hides the cheapest path of figures printed only once between two vertices (rows 0..rows−1, then
 * columns) of one table, not using `excluded`. Hidden figures cost nothing. False when there is no path.
 */
function hidePath(context: RepairContext, layoutIndex: number, from: number, to: number, excluded: number): boolean {
  const { ids, rows, columns } = context.layouts[layoutIndex]!;
  const vertexCount = rows + columns;
  const distance = new Array<number>(vertexCount).fill(Infinity);
  const via = new Int32Array(vertexCount).fill(-1);
  const done = new Uint8Array(vertexCount);
  distance[from] = 0;
  for (;;) {
    let v = -1;
    for (let u = 0; u < vertexCount; u++) if (!done[u] && distance[u]! < Infinity && (v < 0 || distance[u]! < distance[v]!)) v = u;
    if (v < 0 || v === to) break;
    done[v] = 1;
    const edges =
      v < rows
        ? Array.from({ length: columns }, (_, c) => ({ position: v * columns + c, other: rows + c }))
        : Array.from({ length: rows }, (_, r) => ({ position: r * columns + (v - rows), other: r }));
    for (const { position, other } of edges) {
      const id = ids[position]!;
      if (position === excluded || done[other] || context.places[id]!.length !== 1) continue;
      const cost = context.hidden[id] ? 0 : context.values[id] === 0 ? ZERO_COST : context.values[id]!;
      if (distance[v]! + cost < distance[other]!) {
        distance[other] = distance[v]! + cost;
        via[other] = position;
      }
    }
  }
  if (distance[to] === Infinity) return false;
  for (let v = to; v !== from;) {
    const position = via[v]!;
    context.hidden[ids[position]!] = 1;
    const r = Math.floor(position / columns);
    v = v === r ? rows + (position % columns) : r;
  }
  return true;
}

type Role = { kind: 'cell' | 'grand' } | { kind: 'row' | 'column'; vertex: number };

function roleAt(layout: Layout, position: number): Role {
  const r = Math.floor(position / layout.columns);
  const c = position % layout.columns;
  const lastRow = r === layout.rows - 1;
  const lastColumn = c === layout.columns - 1;
  if (lastRow && lastColumn) return { kind: 'grand' };
  if (lastRow) return { kind: 'column', vertex: layout.rows + c };
  if (lastColumn) return { kind: 'row', vertex: r };
  return { kind: 'cell' };
}

const tablesOf = (context: RepairContext, id: number) => context.places[id]!.map((p) => p.layout).join(',');

/** The best total to pair with or join to: hidden already, then non-zero, then smallest. */
function bestTotal(context: RepairContext, candidates: readonly number[]): number {
  let best: number[] | null = null;
  let chosen = -1;
  for (const id of candidates) {
    const score = [context.hidden[id] ? 0 : 1, context.values[id] === 0 ? 1 : 0, context.values[id]!, id];
    if (better(score, best)) {
      best = score;
      chosen = id;
    }
  }
  return chosen;
}

/**
 * Step 4 for one exposed figure: 'changed' when more is hidden, 'covered' when an earlier repair in
 * this round already did the job, 'failed' when its shape is not one this knows how to mend.
 */
function repairExposed(id: number, context: RepairContext): 'changed' | 'covered' | 'failed' {
  const where = context.places[id]!;
  const hiddenCount = () => context.hidden.reduce((a, b) => a + b, 0);
  const before = hiddenCount();
  const outcome = (handled: boolean) => (!handled ? 'failed' : hiddenCount() > before ? 'changed' : 'covered');
  if (where.length === 1) {
    const { layout: index, position } = where[0]!;
    const layout = context.layouts[index]!;
    return outcome(hidePath(context, index, Math.floor(position / layout.columns), layout.rows + (position % layout.columns), position));
  }
  const roles = where.map((p) => roleAt(context.layouts[p.layout]!, p.position));
  const kind = roles[0]!.kind;
  if (roles.some((r) => r.kind !== kind) || kind === 'cell') return 'failed';

  if (kind === 'row' || kind === 'column') {
    // A partner from the same line, printed in exactly the same tables.
    const first = where[0]!;
    const layout = context.layouts[first.layout]!;
    const line: number[] = [];
    for (let position = 0; position < layout.ids.length; position++) {
      const role = roleAt(layout, position);
      const other = layout.ids[position]!;
      if (role.kind === kind && other !== id && tablesOf(context, other) === tablesOf(context, id)) line.push(other);
    }
    const partner = bestTotal(context, line);
    if (partner < 0) return 'failed';
    context.hidden[partner] = 1;
    let joined = true;
    where.forEach(({ layout: index, position }) => {
      const table = context.layouts[index]!;
      const own = roleAt(table, position);
      const other = roleAt(table, context.places[partner]!.find((p) => p.layout === index)!.position);
      const ok =
        (own.kind === 'row' || own.kind === 'column') &&
        (other.kind === 'row' || other.kind === 'column') &&
        hidePath(context, index, own.vertex, other.vertex, -1);
      joined &&= ok;
    });
    return outcome(joined);
  }

  // The grand total: one row total and one column total per table, the same ones wherever they are
  // shared, and only totals printed in no table without this grand total (else those tables move too).
  const chosen = new Set<number>();
  const mine = new Set(where.map((p) => p.layout));
  const eligible = (total: number) => context.places[total]!.every((p) => mine.has(p.layout));
  for (const { layout: index } of where) {
    const table = context.layouts[index]!;
    const rowTotals: number[] = [];
    const columnTotals: number[] = [];
    for (let position = 0; position < table.ids.length; position++) {
      const role = roleAt(table, position);
      const total = table.ids[position]!;
      if (!eligible(total)) continue;
      if (role.kind === 'row') rowTotals.push(total);
      if (role.kind === 'column') columnTotals.push(total);
    }
    const rowTotal = rowTotals.find((t) => chosen.has(t)) ?? bestTotal(context, rowTotals);
    const columnTotal = columnTotals.find((t) => chosen.has(t)) ?? bestTotal(context, columnTotals);
    if (rowTotal < 0 || columnTotal < 0) return outcome(false);
    for (const total of [rowTotal, columnTotal]) {
      chosen.add(total);
      context.hidden[total] = 1;
    }
    const r = roleAt(table, context.places[rowTotal]!.find((p) => p.layout === index)!.position);
    const c = roleAt(table, context.places[columnTotal]!.find((p) => p.layout === index)!.position);
    if (r.kind !== 'row' || c.kind !== 'column' || !hidePath(context, index, r.vertex, c.vertex, -1)) return outcome(false);
  }
  return outcome(true);
}
