/**
 * A compact snapshot of the pupil list's rows, stored as a few sealed values (parts of 5,000 rows) so a start
 * opens those instead of every young person's record (tests/bench/README.md, rounds six and eight). Each row is
 * an array of the list's fields in PUPIL_LIST_FIELDS order (no repeated field names), and every part holds the
 * change stamp it was read at: the renderer uses it only while that is still the database's
 * (renderer/src/db/pupil-list.ts).
 */
import { PUPIL_LIST_FIELDS, type PupilListRow } from './list';

/** Bumped when the layout changes: a snapshot of another layout is ignored and built again (2: stored in parts). */
export const PUPIL_LIST_SNAPSHOT_FORMAT = 2;

/**
 * Rows per part. Each part is sealed and stored as a value of its own and opened and read in a task of its own:
 * one value for a county's 100,000 young people took one task of several hundred milliseconds to read.
 */
export const PUPIL_LIST_SNAPSHOT_PART_ROWS = 5000;

export interface PupilListSnapshot {
  format: number;
  /** The database's pupil change stamp when the rows were read (every part holds it). */
  stamp: string;
  /** Which part this is, from 0, of how many. */
  part: number;
  parts: number;
  /** Each row's fields in PUPIL_LIST_FIELDS order. */
  rows: unknown[][];
}

/** The rows as the parts of one snapshot read at `stamp`: always at least one part, even with no rows. */
export function encodePupilListSnapshot(
  rows: readonly PupilListRow[],
  stamp: string,
  partRows: number = PUPIL_LIST_SNAPSHOT_PART_ROWS,
): PupilListSnapshot[] {
  const parts = pupilListSnapshotParts(rows.length, partRows);
  return Array.from({ length: parts }, (_, part) => encodePupilListSnapshotPart(rows, stamp, part, partRows));
}

/** How many parts a snapshot of `rowCount` rows has: at least one. */
export function pupilListSnapshotParts(rowCount: number, partRows: number = PUPIL_LIST_SNAPSHOT_PART_ROWS): number {
  return Math.max(1, Math.ceil(rowCount / partRows));
}

/** Part `part` of the snapshot of `rows` (encodePupilListSnapshot, one part at a time). */
export function encodePupilListSnapshotPart(
  rows: readonly PupilListRow[],
  stamp: string,
  part: number,
  partRows: number = PUPIL_LIST_SNAPSHOT_PART_ROWS,
): PupilListSnapshot {
  return {
    format: PUPIL_LIST_SNAPSHOT_FORMAT,
    stamp,
    part,
    parts: pupilListSnapshotParts(rows.length, partRows),
    rows: rows.slice(part * partRows, (part + 1) * partRows).map((row) => PUPIL_LIST_FIELDS.map((field) => row[field])),
  };
}

/** Whether `values` are every part of one snapshot this version wrote at `stamp`, each once (in any order). */
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
  return true;
}

/**
 * The rows of one part (checked whole first with isWholePupilListSnapshot), or null when they are not the
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
