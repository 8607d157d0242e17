/**
 * A compact snapshot of the pupil list's rows, stored as ONE sealed value so a start opens one value
 * instead of every young person's record (tests/bench/README.md, round six). Each row is an array of the
 * list's fields in PUPIL_LIST_FIELDS order (no repeated field names), and the snapshot holds the change stamp
 * it was read at: the renderer uses it only while that is still the database's (renderer/src/db/pupil-list.ts).
 */
import { PUPIL_LIST_FIELDS, type PupilListRow } from './list';

/** Bumped when the row layout changes: a snapshot of another layout is ignored and built again. */
export const PUPIL_LIST_SNAPSHOT_FORMAT = 1;

export interface PupilListSnapshot {
  format: number;
  /** The database's pupil change stamp when the rows were read. */
  stamp: string;
  /** Each row's fields in PUPIL_LIST_FIELDS order. */
  rows: unknown[][];
}

export function encodePupilListSnapshot(rows: readonly PupilListRow[], stamp: string): PupilListSnapshot {
  return { format: PUPIL_LIST_SNAPSHOT_FORMAT, stamp, rows: rows.map((row) => PUPIL_LIST_FIELDS.map((field) => row[field])) };
}

/**
 * The rows of a stored snapshot, or null when it is not one this version wrote, or was read at another
 * stamp than `stamp` (something changed a young person since). The value was sealed and authenticated
 * with the data key, so only its layout is checked here.
 */
export function decodePupilListSnapshot(value: unknown, stamp: string | undefined): PupilListRow[] | null {
  if (stamp === undefined || typeof value !== 'object' || value === null) return null;
  const snapshot = value as Partial<PupilListSnapshot>;
  if (snapshot.format !== PUPIL_LIST_SNAPSHOT_FORMAT || snapshot.stamp !== stamp || !Array.isArray(snapshot.rows)) return null;
  const rows: PupilListRow[] = [];
  for (const tuple of snapshot.rows as unknown[]) {
    if (!Array.isArray(tuple) || tuple.length !== PUPIL_LIST_FIELDS.length || typeof tuple[0] !== 'string') return null;
    const row: Record<string, unknown> = {};
    PUPIL_LIST_FIELDS.forEach((field, at) => {
      row[field] = tuple[at];
    });
    rows.push(row as PupilListRow);
  }
  return rows;
}
