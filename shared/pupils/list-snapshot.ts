/**
 * A compact snapshot of the pupil list's rows, stored as a few sealed values so a start opens those instead of
 * every young person's record (tests/bench/README.md, rounds six, eight and eleven). Part 0 is the first screen:
 * the first rows in name order (the list as a start shows it) and how many young people there are, so the list
 * can be drawn before the rest is read. Parts 1 onwards hold every row, 5,000 to a part. Each row is an array of
 * the list's fields in PUPIL_LIST_FIELDS order (no repeated field names), and every part holds the change stamp it
 * was read at: the renderer uses it only while that is still the database's (renderer/src/db/pupil-list.ts).
 */
import { PUPIL_LIST_FIELDS, type PupilListRow } from './list';
import { PupilListRowsCollector } from './list-index';

/**
 * Bumped when the layout changes: a snapshot of another layout is ignored and built again (2: stored in parts;
 * 3: part 0 the first screen).
 */
export const PUPIL_LIST_SNAPSHOT_FORMAT = 3;

/**
 * Rows per part. Each part is sealed and stored as a value of its own and opened and read in a task of its own:
 * one value for a county's 100,000 young people took one task of several hundred milliseconds to read.
 */
export const PUPIL_LIST_SNAPSHOT_PART_ROWS = 5000;

/**
 * Rows in the first screen (part 0): more than the tallest window shows with the list's shortest rows and the
 * rows drawn beyond the view, so the first screen is whole however the window is sized.
 */
export const PUPIL_LIST_FIRST_SCREEN_ROWS = 100;

/** The list as a start first shows it (everyone, by name): its first rows, and how many young people in all. */
export interface PupilListFirstScreen {
  rows: PupilListRow[];
  total: number;
}

export interface PupilListSnapshot {
  format: number;
  /** The database's pupil change stamp when the rows were read (every part holds it). */
  stamp: string;
  /** Which part this is, from 0, of how many. */
  part: number;
  parts: number;
  /** Each row's fields in PUPIL_LIST_FIELDS order: in part 0, the first screen's rows, in name order. */
  rows: unknown[][];
  /** Part 0 only: how many young people the snapshot holds. */
  total?: number;
}

/**
 * The rows as the parts of one snapshot read at `stamp`, all at once: the first screen, then always at least
 * one part of rows, even with no rows. (The renderer makes them a part per task, with the same collector.)
 */
export function encodePupilListSnapshot(
  rows: readonly PupilListRow[],
  stamp: string,
  partRows: number = PUPIL_LIST_SNAPSHOT_PART_ROWS,
): PupilListSnapshot[] {
  const parts = pupilListSnapshotParts(rows.length, partRows);
  // The first screen picked as the app's background refresh picks it (one place for that order).
  const collector = new PupilListRowsCollector(PUPIL_LIST_FIRST_SCREEN_ROWS);
  collector.add(rows);
  return [
    encodePupilListFirstScreen(collector.firstByName(), rows.length, stamp, parts),
    ...Array.from({ length: parts - 1 }, (_, at) => encodePupilListSnapshotPart(rows, stamp, at + 1, partRows)),
  ];
}

/** How many parts a snapshot of `rowCount` rows has: the first screen, and at least one part of rows. */
export function pupilListSnapshotParts(rowCount: number, partRows: number = PUPIL_LIST_SNAPSHOT_PART_ROWS): number {
  return 1 + Math.max(1, Math.ceil(rowCount / partRows));
}

/** Part 0: `first`, the list's first rows in name order (up to PUPIL_LIST_FIRST_SCREEN_ROWS kept), of `total`. */
export function encodePupilListFirstScreen(first: readonly PupilListRow[], total: number, stamp: string, parts: number): PupilListSnapshot {
  return {
    format: PUPIL_LIST_SNAPSHOT_FORMAT,
    stamp,
    part: 0,
    parts,
    total,
    rows: first.slice(0, PUPIL_LIST_FIRST_SCREEN_ROWS).map(tupleOf),
  };
}

function tupleOf(row: PupilListRow): unknown[] {
  return PUPIL_LIST_FIELDS.map((field) => row[field]);
}

/** Part `part` (from 1) of the snapshot of `rows`: its share of the rows, in the order given. */
export function encodePupilListSnapshotPart(
  rows: readonly PupilListRow[],
  stamp: string,
  part: number,
  partRows: number = PUPIL_LIST_SNAPSHOT_PART_ROWS,
): PupilListSnapshot {
  if (part < 1) throw new RangeError(`Part ${part} of the young people's list snapshot: its rows are in parts 1 onwards`);
  return {
    format: PUPIL_LIST_SNAPSHOT_FORMAT,
    stamp,
    part,
    parts: pupilListSnapshotParts(rows.length, partRows),
    rows: rows.slice((part - 1) * partRows, part * partRows).map(tupleOf),
  };
}

/**
 * The first screen from part 0 as stored (opened), or null when it is not a first screen this version wrote at
 * `stamp`: then the list waits for every row. Checked apart from the other parts, which are read after it.
 */
export function decodePupilListFirstScreen(value: unknown, stamp: string | undefined): PupilListFirstScreen | null {
  if (stamp === undefined || typeof value !== 'object' || value === null) return null;
  const snapshot = value as Partial<PupilListSnapshot>;
  if (snapshot.format !== PUPIL_LIST_SNAPSHOT_FORMAT || snapshot.stamp !== stamp || snapshot.part !== 0) return null;
  if (typeof snapshot.total !== 'number' || !Number.isInteger(snapshot.total) || snapshot.total < 0) return null;
  const rows = decodePupilListSnapshotPart(snapshot as PupilListSnapshot);
  return rows && rows.length <= snapshot.total ? { rows, total: snapshot.total } : null;
}

/**
 * Whether `values` are every part of one snapshot this version wrote at `stamp`, each once (in any order), with
 * its first screen counting as many rows as the other parts hold.
 */
export function isWholePupilListSnapshot(values: readonly unknown[], stamp: string | undefined): boolean {
  if (stamp === undefined || values.length === 0) return false;
  const seen = new Set<number>();
  for (const value of values) {
    if (typeof value !== 'object' || value === null) return false;
    const snapshot = value as Partial<PupilListSnapshot>;
    if (snapshot.format !== PUPIL_LIST_SNAPSHOT_FORMAT || snapshot.stamp !== stamp || snapshot.parts !== values.length) return false;
    if (typeof snapshot.part !== 'number' || snapshot.part < 0 || snapshot.part >= values.length || seen.has(snapshot.part)) return false;
    seen.add(snapshot.part);
  }
  const first = values.find((value) => (value as PupilListSnapshot).part === 0) as PupilListSnapshot;
  const rows = values.reduce<number>((sum, value) => sum + ((value as PupilListSnapshot).part === 0 ? 0 : rowCount(value)), 0);
  return values.length >= 2 && first.total === rows;
}

function rowCount(value: unknown): number {
  const rows = (value as Partial<PupilListSnapshot>).rows;
  return Array.isArray(rows) ? rows.length : Number.NaN;
}

/**
 * The rows of one part (checked whole first with isWholePupilListSnapshot; part 0's are the first screen's, held
 * again in the parts after it), or null when they are not the
 * layout this version wrote. The value was sealed and authenticated with the data key, so only its layout is checked.
 */
export function decodePupilListSnapshotPart(value: PupilListSnapshot): PupilListRow[] | null {
  if (!Array.isArray(value.rows)) return null;
  const rows: PupilListRow[] = [];
  for (const tuple of value.rows as unknown[]) {
    if (!Array.isArray(tuple) || tuple.length !== PUPIL_LIST_FIELDS.length || typeof tuple[0] !== 'string') return null;
    const row: Record<string, unknown> = {};
    PUPIL_LIST_FIELDS.forEach((field, at) => {
      row[field] = tuple[at];
    });
    rows.push(row as PupilListRow);
  }
  return rows;
}
