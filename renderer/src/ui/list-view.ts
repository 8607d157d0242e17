/**
 * Sorting and paging of a list shown as a table: pure functions, so the employer, route and session
 * lists order and cut their rows the same way and the rules can be tested without a window.
 */
import { formatNumber } from '@shared/numbers';

export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  /** The column sorted by, or null for the list's own order (as its query returns it). */
  readonly key: string | null;
  readonly direction: SortDirection;
}

/** A value a column sorts by: text compares in English order ignoring case, numbers by size; null goes last. */
export type SortValue = string | number | null;

/** How to read each sortable column's value from a row. */
export type SortColumns<Row> = Readonly<Record<string, (row: Row) => SortValue>>;

/** Made at the first sort, not as the list's code loads: Chromium's first collator readies ICU data (about 10 ms). */
let collator: Intl.Collator | null = null;

function compareValues(a: SortValue, b: SortValue): number {
  // Missing values ("Not recorded") go last whichever way the column is sorted: they are not an answer.
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  collator ??= new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
  return collator.compare(String(a), String(b));
}

/**
 * The rows in the order chosen, as a new array; rows that tie keep the list's own order (a stable sort),
 * so a list already by name stays by name within a sector.
 */
export function sortRows<Row>(rows: readonly Row[], sort: SortState, columns: SortColumns<Row>): Row[] {
  const read = sort.key === null ? undefined : columns[sort.key];
  if (!read) return [...rows];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const keyed = rows.map((row, index) => ({ row, index, value: read(row) }));
  keyed.sort((x, y) => {
    const missing = x.value === null || y.value === null;
    const order = compareValues(x.value, y.value);
    return (missing ? order : sign * order) || x.index - y.index;
  });
  return keyed.map((k) => k.row);
}

/** The sort after a column's header is pressed: a new column starts ascending, the same one turns round. */
export function nextSort(current: SortState, key: string): SortState {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: 'ascending' };
}

/** The aria-sort of a column's header: only the sorted column says which way (WAI-ARIA sortable table). */
export function ariaSortOf(sort: SortState, key: string): SortDirection | 'none' {
  return sort.key === key ? sort.direction : 'none';
}

export const PAGE_SIZES = [10, 20, 50, 100] as const;

export interface PageOf<Row> {
  readonly rows: Row[];
  /** The page shown, from 1, after clamping to the pages there are. */
  readonly page: number;
  readonly pageCount: number;
  /** Position of the first and last row shown, from 1; 0 and 0 when there are none. */
  readonly from: number;
  readonly to: number;
  readonly total: number;
}

/**
 * One page of the rows. A page past the end (the list shrank under a filter, or the last row of the last
 * page was marked done) shows the last page instead, so the adviser never lands on an empty page.
 */
export function pageOf<Row>(rows: readonly Row[], page: number, size: number): PageOf<Row> {
  const perPage = Math.max(1, Math.floor(size));
  const total = rows.length;
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const shown = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const start = (shown - 1) * perPage;
  const slice = rows.slice(start, start + perPage);
  return { rows: slice, page: shown, pageCount, from: slice.length > 0 ? start + 1 : 0, to: start + slice.length, total };
}

/** "Showing 1–25 of 312" (en dash, thousands separated), or "Showing all 12" when one page holds them all. */
export function pageSummary(page: Pick<PageOf<unknown>, 'from' | 'to' | 'total' | 'pageCount'>): string {
  const n = formatNumber;
  if (page.total === 0) return 'Nothing to show';
  if (page.pageCount === 1) return page.total === 1 ? 'Showing 1' : `Showing all ${n(page.total)}`;
  return `Showing ${n(page.from)}–${n(page.to)} of ${n(page.total)}`;
}
