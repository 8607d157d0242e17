/**
 * The risk-of-NEET list for the council, twice a year (DfE, "Identifying and supporting young people at
 * risk of NEET", January 2025, asks councils and schools to refine it together): the young people in
 * the scored years (8 to 11) at medium or high risk, with their reasons in words, per local authority.
 * Schools share this under the duty to provide information (Education and Skills Act 2008, s.72), which
 * does not reach a young person or parent who said no: those with tracking withheld are left out.
 */
import { yearGroupOf } from '../academic-year';
import { formatUkDate } from '../dates';
import { isTracked } from '../destinations';
import type { Pupil, School, RiskListNote } from '../model';
import { LOCAL_AUTHORITIES, type LocalAuthorityId } from '../reference/geography';
import { assessRisk, inRiskScoredYears, RISK_BANDS, type RiskBand, type RiskWeights } from '../risk';
import { localAuthorityOfPupil, type CouncilFile } from './destinations-file';

export const RISK_LIST_COLUMNS = [
  'LA code',
  'UPN',
  'Given name',
  'Family name',
  'Date of birth',
  'School URN',
  'School name',
  'Year group',
  'Risk band',
  'Risk score',
  'Reasons',
] as const;

/** One young person on the list: the file's cells, and what the screen needs to record the council's view. */
export interface RiskListEntry {
  pupilId: string;
  band: RiskBand;
  latestNote: RiskListNote | null;
  cells: (string | number | null)[];
}

export interface RiskList extends CouncilFile {
  entries: RiskListEntry[];
}

export interface RiskListSource {
  pupils: readonly Pupil[];
  schools: readonly School[];
  weights: RiskWeights;
}

const BAND_ORDER: Record<RiskBand, number> = { high: 0, medium: 1, low: 2 };

export function buildRiskList(source: RiskListSource, la: LocalAuthorityId, today: string): RiskList {
  const authority = LOCAL_AUTHORITIES.find((a) => a.id === la);
  if (!authority) throw new Error(`Unknown local authority ${la}`);
  const schoolsById = new Map(source.schools.map((s) => [s.id, s]));
  let withheld = 0;
  const entries: (RiskListEntry & { sortKey: string })[] = [];
  for (const pupil of source.pupils) {
    if (pupil.leftOn !== null) continue;
    const yearGroup = yearGroupOf(pupil, today);
    if (!inRiskScoredYears(yearGroup)) continue;
    if (localAuthorityOfPupil(pupil, schoolsById) !== la) continue;
    const risk = assessRisk({ characteristics: pupil.characteristics, homeEducated: pupil.homeEducated }, source.weights);
    if (risk.band === 'low') continue;
    if (!isTracked(pupil)) {
      withheld += 1;
      continue;
    }
    const school = pupil.schoolId ? schoolsById.get(pupil.schoolId) : undefined;
    entries.push({
      pupilId: pupil.id,
      band: risk.band,
      latestNote: [...pupil.riskListNotes].sort((a, b) => (a.recordedOn < b.recordedOn ? -1 : 1)).at(-1) ?? null,
      sortKey: [BAND_ORDER[risk.band], String(99 - risk.score).padStart(2, '0'), pupil.legalSurname, pupil.legalForename]
        .join('\u0000')
        .toLowerCase(),
      cells: [
        authority.oldCode,
        pupil.upn,
        pupil.legalForename,
        pupil.legalSurname,
        pupil.dateOfBirth,
        school?.urn || null,
        school?.name ?? (pupil.homeEducated ? 'Electively home educated' : null),
        yearGroup,
        RISK_BANDS.find((b) => b.id === risk.band)?.label ?? risk.band,
        risk.score,
        risk.reasons.map((r) => `${r.label} (${r.points})`).join('; '),
      ],
    });
  }
  entries.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  const notes = [
    `${authority.name} (LA ${authority.oldCode}): young people in Years 8 to 11 at medium or high risk of NEET, highest first.`,
  ];
  if (withheld > 0) notes.push(`${withheld} more are left out: they or their parent withheld consent to tracking.`);
  return {
    columns: RISK_LIST_COLUMNS,
    rows: entries.map((e) => e.cells),
    notes,
    entries: entries.map(({ sortKey: _sortKey, ...entry }) => entry),
  };
}

/** What the council said back, as the form has it, before it is checked. */
export interface RiskListNoteInput {
  recordedOn: string;
  from: string;
  councilBand: RiskBand | null;
  text: string;
}

/** Checks the council's view before it is kept: a date not in the future, who said it, and what (in words). */
export function riskListNoteProblems(input: RiskListNoteInput, today: string): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.recordedOn))
    problems.push({ field: 'recordedOn', message: 'Enter the date the council said this' });
  else if (input.recordedOn > today) problems.push({ field: 'recordedOn', message: 'The date cannot be in the future' });
  if (input.from.trim().length > 120) problems.push({ field: 'from', message: 'Keep who said it to 120 characters or fewer' });
  const text = input.text.trim();
  if (text === '' && input.councilBand === null)
    problems.push({ field: 'text', message: 'Enter what the council said, or choose the band it would give' });
  else if (text.length > 1000) problems.push({ field: 'text', message: `Keep this to 1000 characters or fewer (now ${text.length})` });
  return problems;
}

/** One note in words, for the young person's page and the list: "18/11/2027, Kent NEET team, would give Low: text". */
export function riskListNoteInWords(note: RiskListNote): string {
  const band = RISK_BANDS.find((b) => b.id === note.councilBand)?.label;
  const head = [formatUkDate(note.recordedOn), note.from, band ? `would give ${band}` : ''].filter((part) => part !== '').join(', ');
  return note.text ? `${head}: ${note.text}` : head;
}
