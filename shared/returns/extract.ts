/**
 * The pseudonymised pupil-level extract: one row a young person, with no name, contact details,
 * full date of birth (year and month only), postcode (district only), UPN or ULN.
 *
 * Rare combinations give people away, so rows are generalised step by step. A row's group is its
 * year group, school, district and characteristic flags; where fewer than `threshold` rows share it:
 *  1. the school is left out ("Not shown"); the group becomes year, district and characteristics;
 *  2. the district becomes its council (Kent or Medway);
 *  3. the characteristic flags and the risk band (which follows from them) become c;
 *  4. a row still in a group smaller than the threshold is left out.
 * At each step the group is counted among the rows still being generalised, since those are the
 * ones a reader cannot tell apart. Rows are sorted by pseudonym so their order reveals nothing.
 */
import { RISK_BANDS } from '../risk';
import { areaLabel } from '../reference/areas';
import { NOT_KNOWN, NOT_RECORDED, RETURN_CHARACTERISTICS, councilLabel, type ReturnCharacteristicId } from './groups';
import { pseudonymsFor } from './pseudonym';
import {
  periodLabel,
  scopeCaseload,
  type PupilFacts,
  type ReturnOptions,
  type ReturnPeriod,
  type ReturnScope,
  type ReturnSource,
  type ScopedCaseload,
} from './scope';

export type Flag = 'Y' | 'N' | 'c';

export interface ExtractRow {
  pseudonym: string;
  yearGroup: number;
  /** Year and month of birth, YYYY-MM. */
  birthMonth: string;
  /** The school's name, Home educated, Not known, or Not shown when generalised. */
  school: string;
  /** The district, or its council when generalised, or Not known. */
  district: string;
  characteristics: Record<ReturnCharacteristicId, Flag>;
  /** Low, Medium, High, Not recorded, or c when generalised. */
  riskBand: string;
  sessions: number;
  encounters: number;
  /** NCCIS code, or empty when none is recorded. */
  intendedDestination: string;
}

export const EXTRACT_COLUMNS = [
  { id: 'pseudonym', label: 'Pseudonym' },
  { id: 'yearGroup', label: 'Year group' },
  { id: 'birthMonth', label: 'Month of birth' },
  { id: 'school', label: 'School' },
  { id: 'district', label: 'District' },
  ...RETURN_CHARACTERISTICS.map((c) => ({ id: c.id, label: c.label })),
  { id: 'riskBand', label: 'Risk of NEET' },
  { id: 'sessions', label: 'Sessions in the period' },
  { id: 'encounters', label: 'Employer and provider encounters in the period' },
  { id: 'intendedDestination', label: 'Intended destination (NCCIS code)' },
] as const satisfies readonly { id: string; label: string }[];

/** A row's values in the order of EXTRACT_COLUMNS. */
export function extractRowValues(row: ExtractRow): (string | number)[] {
  return [
    row.pseudonym,
    row.yearGroup,
    row.birthMonth,
    row.school,
    row.district,
    ...RETURN_CHARACTERISTICS.map((c) => row.characteristics[c.id]),
    row.riskBand,
    row.sessions,
    row.encounters,
    row.intendedDestination,
  ];
}

export interface PupilExtract {
  kind: 'extract';
  scope: ReturnScope;
  scopeLabel: string;
  period: ReturnPeriod;
  periodLabel: string;
  threshold: number;
  producedOn: string;
  rows: ExtractRow[];
  notes: string[];
}

export type ExtractOptions = Pick<ReturnOptions, 'period' | 'scope' | 'threshold' | 'now'>;

const HOME_EDUCATED = 'Home educated';
const NOT_SHOWN = 'Not shown';

function rowFor(facts: PupilFacts, pseudonym: string): ExtractRow {
  const { pupil } = facts;
  return {
    pseudonym,
    yearGroup: facts.yearGroup,
    birthMonth: pupil.dateOfBirth.slice(0, 7),
    school: pupil.homeEducated ? HOME_EDUCATED : (facts.schoolName ?? NOT_KNOWN.label),
    district: facts.district ? areaLabel(facts.district) : NOT_KNOWN.label,
    characteristics: Object.fromEntries(RETURN_CHARACTERISTICS.map((c) => [c.id, c.has(pupil) ? 'Y' : 'N'])) as Record<
      ReturnCharacteristicId,
      Flag
    >,
    riskBand: RISK_BANDS.find((b) => b.id === pupil.riskBand)?.label ?? NOT_RECORDED.label,
    sessions: facts.sessionsInPeriod,
    encounters: facts.employerEncountersInPeriod + facts.providerEncountersInPeriod,
    intendedDestination: pupil.intendedDestination ?? '',
  };
}

const flagsOf = (row: ExtractRow) => RETURN_CHARACTERISTICS.map((c) => row.characteristics[c.id]).join('');

/** The generalisation steps: each names a row's group at that step, then coarsens a row that is too rare. */
const STEPS: readonly { group: (row: ExtractRow, facts: PupilFacts) => string; coarsen: (row: ExtractRow, facts: PupilFacts) => void }[] = [
  {
    group: (row) => [row.yearGroup, row.school, row.district, flagsOf(row)].join('|'),
    coarsen: (row) => {
      row.school = NOT_SHOWN;
    },
  },
  {
    group: (row) => [row.yearGroup, row.district, flagsOf(row)].join('|'),
    coarsen: (row, facts) => {
      row.district = councilLabel(facts.district);
    },
  },
  {
    group: (row) => [row.yearGroup, row.district, flagsOf(row)].join('|'),
    coarsen: (row) => {
      for (const c of RETURN_CHARACTERISTICS) row.characteristics[c.id] = 'c';
      row.riskBand = 'c';
    },
  },
  { group: (row) => [row.yearGroup, row.district].join('|'), coarsen: () => undefined },
];

/** Generalises rare rows in place; returns the rows kept. */
export function generaliseRareRows<T extends { row: ExtractRow; facts: PupilFacts }>(items: readonly T[], threshold: number): T[] {
  const kept: T[] = [];
  let pending = [...items];
  for (const step of STEPS) {
    const sizes = new Map<string, number>();
    for (const item of pending) {
      const group = step.group(item.row, item.facts);
      sizes.set(group, (sizes.get(group) ?? 0) + 1);
    }
    const rare: T[] = [];
    for (const item of pending) {
      if ((sizes.get(step.group(item.row, item.facts)) ?? 0) >= threshold) kept.push(item);
      else rare.push(item);
    }
    for (const item of rare) step.coarsen(item.row, item.facts);
    pending = rare;
  }
  return kept; // whatever is still pending after the last step is left out
}

/**
 * Builds the extract from precomputed pseudonyms (record id → pseudonym, from `pseudonymsFor`),
 * so the builder stays synchronous and pure.
 */
export function buildExtract(source: ReturnSource, options: ExtractOptions, pseudonyms: ReadonlyMap<string, string>): PupilExtract {
  return extractFromScoped(scopeCaseload(source, options), options, pseudonyms);
}

/** The extract from a caseload already scoped: scoping is one pass over every session, so it is done once. */
function extractFromScoped(scoped: ScopedCaseload, options: ExtractOptions, pseudonyms: ReadonlyMap<string, string>): PupilExtract {
  const items = scoped.pupils.map((facts) => {
    const pseudonym = pseudonyms.get(facts.pupil.id);
    if (!pseudonym) throw new Error('Every young person in the extract needs a pseudonym');
    return { row: rowFor(facts, pseudonym), facts };
  });
  const rows = generaliseRareRows(items, options.threshold).map((item) => item.row);
  rows.sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : a.pseudonym > b.pseudonym ? 1 : 0));
  return {
    kind: 'extract',
    scope: options.scope,
    scopeLabel: scoped.scopeLabel,
    period: options.period,
    periodLabel: periodLabel(options.period),
    threshold: options.threshold,
    producedOn: options.now.slice(0, 10),
    rows,
    notes: [
      'One row a young person. Pseudonyms are HMAC-SHA-256 of the UPN (or, for a young person without one, the record id) ' +
        'under the key kept for this recipient: only someone with the key can link them.',
      'No names, contact details, full dates of birth, postcodes, UPNs or ULNs are included; month of birth is year and month only.',
      `Where fewer than ${options.threshold} young people share a year group, school, district and characteristics, ` +
        'the school is not shown; where still fewer, the district is given as its council (Kent or Medway); ' +
        'then the characteristics and risk band are shown as c; rows rarer still are left out.',
      'Sessions and encounters are counted in the period; year groups are as at the end of the period.',
    ],
  };
}

/** Pseudonymises with the recipient's key, then builds the extract. */
export async function buildPseudonymisedExtract(source: ReturnSource, options: ExtractOptions, key: string): Promise<PupilExtract> {
  const scoped = scopeCaseload(source, options);
  return extractFromScoped(
    scoped,
    options,
    await pseudonymsFor(
      scoped.pupils.map((f) => f.pupil),
      key,
    ),
  );
}
