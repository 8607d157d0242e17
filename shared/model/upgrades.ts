/**
 * How records stored by an older database version become today's shape. One function per change,
 * called both by the Dexie upgrade of that version (renderer/src/db/schema.ts) and by the backup
 * payload's upgrade (shared/backup/payload.ts), so a database and a backup from that version
 * come out the same.
 */
import { academicYearStartYear } from '../academic-year';
import { searchWordsFor } from './pupil';

type Row = Record<string, unknown>;

/**
 * Version 1 to 2, a young person: search words are worked out again (now without accents, and with
 * names joined: see searchWordsFor); the stored `yearGroup` and `yearGroupOverridden` go. An override
 * becomes `yearGroupOverride`, taken as set in the academic year of the record's last update (the
 * last time anyone saved that year group); a year group that followed the date of birth is simply
 * worked out from it from now on.
 */
export function pupilRowToVersion2(row: Row): Row {
  const { yearGroup, yearGroupOverridden, ...rest } = row;
  let override: { yearGroup: number; academicYearStart: number } | null = null;
  const updatedAt = typeof row.updatedAt === 'string' ? row.updatedAt : typeof row.createdAt === 'string' ? row.createdAt : null;
  if (yearGroupOverridden === true && typeof yearGroup === 'number' && updatedAt !== null && /^\d{4}-\d{2}-\d{2}/.test(updatedAt)) {
    override = { yearGroup, academicYearStart: academicYearStartYear(updatedAt) };
  }
  const names = [row.legalForename, row.legalSurname, row.preferredForename, row.preferredSurname];
  // Search words are now folded (accents off, "obrien" for O'Brien): worked out again from the names.
  const searchWords = names.every((name) => typeof name === 'string')
    ? searchWordsFor({
        legalForename: names[0] as string,
        legalSurname: names[1] as string,
        preferredForename: names[2] as string,
        preferredSurname: names[3] as string,
      })
    : row.searchWords;
  return { ...rest, yearGroupOverride: override, searchWords };
}

/**
 * Version 1 to 2, the audit log: each entry gets its `seq`, numbered in the order of `at` (entries
 * written in the same millisecond keep the order they are given in). `rows` must come in `at` order.
 */
export function auditRowsToVersion2(rows: readonly Row[]): Row[] {
  return rows.map((row, i) => ({ ...row, seq: i + 1 }));
}

/** Sorts audit rows by `at`, oldest first, for auditRowsToVersion2 (stable: ties keep their order). */
export function inTimeOrder(rows: readonly Row[]): Row[] {
  return [...rows].sort((a, b) => {
    const x = String(a.at ?? '');
    const y = String(b.at ?? '');
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/**
 * Version 2 to 3, a placement becomes a workplace experience of kind work placement: its young person
 * the one in `pupilIds`, its status and offer kept, in person. Nothing is invented: hours were never
 * recorded, so they stay unknown (null) until an adviser adds them, and the feedback's date is not
 * known. Employer feedback and the young person's words, where given, move to their dated fields and
 * tick their points of the meaningful checklist, since the record holds them.
 */
export function placementRowToExperience(row: Row): Row {
  const { pupilId, feedback, ...rest } = row;
  const given = (typeof feedback === 'object' && feedback !== null ? feedback : {}) as Row;
  const employerText = typeof given.employer === 'string' ? given.employer : '';
  const pupilText = typeof given.pupil === 'string' ? given.pupil : '';
  const meaningful: string[] = [];
  if (employerText.trim() !== '') meaningful.push('employer-feedback');
  if (pupilText.trim() !== '') meaningful.push('young-person-reflection');
  return {
    ...rest,
    kind: 'work-placement',
    pupilIds: typeof pupilId === 'string' ? [pupilId] : [],
    employerName: '',
    offerId: rest.offerId ?? null,
    mode: 'in-person',
    hours: null,
    daysAttended: null,
    meaningful,
    employerTask: { text: '', on: null },
    employerFeedback: {
      text: employerText,
      on: null,
      wouldHostAgain: typeof given.wouldHostAgain === 'boolean' ? given.wouldHostAgain : null,
    },
    reflection: { text: pupilText, on: null },
  };
}

/**
 * Version 3 to 4, the employer's checks gain the controls agreed in the risk assessment and the DBS
 * position: neither was recorded before, so they start empty and unknown.
 */
export function employerRowToVersion4(row: Row): Row {
  const checks = (typeof row.checks === 'object' && row.checks !== null ? row.checks : {}) as Row;
  return { ...row, checks: { ...checks, riskControls: checks.riskControls ?? '', dbsPosition: checks.dbsPosition ?? null } };
}

/**
 * Version 3 to 4, a workplace experience: its paperwork gains whom to ask for on arrival, the day's
 * times and what to bring (blank: the letters then use the employer's contact and the usual list).
 * Experiences moved from version 2's placements had no paperwork at all: they get it empty, with no consent.
 */
export function experienceRowToVersion4(row: Row): Row {
  const paperwork = (typeof row.paperwork === 'object' && row.paperwork !== null ? row.paperwork : {}) as Row;
  return {
    ...row,
    paperwork: {
      consent: paperwork.consent ?? null,
      emergencyContacts: paperwork.emergencyContacts ?? [],
      accessNotes: paperwork.accessNotes ?? '',
      shareNotesWithEmployer: paperwork.shareNotesWithEmployer ?? false,
      travelPlan: paperwork.travelPlan ?? '',
      ...paperwork,
      reportTo: paperwork.reportTo ?? '',
      times: paperwork.times ?? '',
      whatToBring: paperwork.whatToBring ?? '',
    },
  };
}

/** Words on an entry moved from the single code each young person had before version 6. */
export const MOVED_DESTINATION_NOTE = 'Recorded before destinations were kept as a history';

/**
 * An id worked out from another: the same every time (so a database and a backup of the same version
 * upgrade to the same records), different for each `salt`, and still a version 4 UUID. The last twelve
 * hex digits are turned by the salt; the rest of a random id keeps it apart from every other.
 */
export function derivedId(id: string, salt: number): string {
  const turn = (hex: string, by: number) => (Number.parseInt(hex, 16) ^ by).toString(16).padStart(6, '0');
  return `${id.slice(0, 24).toLowerCase()}${turn(id.slice(24, 30), 0xde571a)}${turn(id.slice(30, 36), 0x7e0000 + salt)}`;
}

function dayOf(stamp: unknown): string {
  return typeof stamp === 'string' && /^\d{4}-\d{2}-\d{2}/.test(stamp) ? stamp.slice(0, 10) : '2000-01-01';
}

/**
 * Version 5 to 6, a young person: the "parent opted out of follow-up" tick becomes consent to post-16
 * tracking withheld by a parent, dated when the record was last saved (when the tick was last seen);
 * otherwise consent is not recorded (nothing is assumed). The council's notes on the risk-of-NEET list start empty.
 */
export function pupilRowToVersion6(row: Row): Row {
  const consent = (typeof row.consent === 'object' && row.consent !== null ? row.consent : {}) as Row;
  const { parentOptOut, ...rest } = consent;
  const tracking =
    parentOptOut === true
      ? { status: 'withheld', by: 'parent', recordedOn: dayOf(row.updatedAt) }
      : { status: 'not-recorded', by: null, recordedOn: null };
  return { ...row, consent: { ...rest, tracking }, riskListNotes: row.riskListNotes ?? [] };
}

/**
 * Version 5 to 6, the destinations history: a young person's intended and actual codes become its first
 * entries (an intended destination and a current activity), dated when the record was last saved and
 * said to come from the school, whose record held them. The codes stay on the record as the latest ones.
 */
export function destinationRowsFromVersion5(pupil: Row): Row[] {
  if (typeof pupil.id !== 'string') return [];
  const stamp = typeof pupil.updatedAt === 'string' ? pupil.updatedAt : '2000-01-01T00:00:00.000Z';
  const base = {
    createdAt: stamp,
    updatedAt: stamp,
    isDemo: pupil.isDemo === true,
    pupilId: pupil.id,
    recordedOn: dayOf(pupil.updatedAt),
    source: 'school',
    providerId: null,
    employerId: null,
    routeId: null,
    placeName: '',
    sessionId: null,
    notes: MOVED_DESTINATION_NOTE,
  };
  const rows: Row[] = [];
  if (typeof pupil.intendedDestination === 'string')
    rows.push({ ...base, id: derivedId(pupil.id, 1), kind: 'intended', code: pupil.intendedDestination });
  if (typeof pupil.actualDestination === 'string')
    rows.push({ ...base, id: derivedId(pupil.id, 2), kind: 'activity', code: pupil.actualDestination, startOn: null, reviewOn: null });
  return rows;
}
