/**
 * A compact snapshot of the pupil list's rows, stored as ONE sealed value so a start opens one value
 * instead of every young person's record (tests/bench/README.md, round six). Rows go in as arrays in a
 * fixed field order (no repeated field names), with the change stamp they were read at: the renderer
 * uses a snapshot only while the stamp it holds is still the database's (renderer/src/db/pupil-list.ts).
 */
import type { PupilListRow } from './list';

/** Bumped when the row layout changes: a snapshot of another layout is ignored and built again. */
export const PUPIL_LIST_SNAPSHOT_FORMAT = 1;

type SnapshotTuple = [
  id: string,
  legalForename: string,
  legalSurname: string,
  preferredForename: string,
  preferredSurname: string,
  dateOfBirth: string,
  yearGroupOverride: PupilListRow['yearGroupOverride'],
  schoolId: string | null,
  homeEducated: 0 | 1,
  upn: string | null,
  district: PupilListRow['district'],
  riskBand: PupilListRow['riskBand'],
  lastGuidanceOn: string | null,
  searchWords: string[],
];
const TUPLE_LENGTH = 14;

export interface PupilListSnapshot {
  format: number;
  /** The database's pupil change stamp when the rows were read. */
  stamp: string;
  rows: SnapshotTuple[];
}

export function encodePupilListSnapshot(rows: readonly PupilListRow[], stamp: string): PupilListSnapshot {
  return {
    format: PUPIL_LIST_SNAPSHOT_FORMAT,
    stamp,
    rows: rows.map((r) => [
      r.id,
      r.legalForename,
      r.legalSurname,
      r.preferredForename,
      r.preferredSurname,
      r.dateOfBirth,
      r.yearGroupOverride,
      r.schoolId,
      r.homeEducated ? 1 : 0,
      r.upn,
      r.district,
      r.riskBand,
      r.lastGuidanceOn,
      r.searchWords,
    ]),
  };
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
    if (!Array.isArray(tuple) || tuple.length !== TUPLE_LENGTH || typeof tuple[0] !== 'string') return null;
    const [
      id,
      legalForename,
      legalSurname,
      preferredForename,
      preferredSurname,
      dateOfBirth,
      yearGroupOverride,
      schoolId,
      homeEducated,
      upn,
      district,
      riskBand,
      lastGuidanceOn,
      searchWords,
    ] = tuple as SnapshotTuple;
    rows.push({
      id,
      legalForename,
      legalSurname,
      preferredForename,
      preferredSurname,
      dateOfBirth,
      yearGroupOverride,
      schoolId,
      homeEducated: homeEducated === 1,
      upn,
      district,
      riskBand,
      lastGuidanceOn,
      searchWords,
    });
  }
  return rows;
}
