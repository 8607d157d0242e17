/* eslint-disable @typescript-eslint/no-non-null-assertion --
   tables are built here with one count per (row, column) and one label and total per row; every index runs over
   those same rows and columns */
/**
 * The aggregate return: for each measure, tables by district, year group, characteristic group and
 * risk-of-NEET band, every one protected before anyone sees it.
 *
 * Tables of one return share figures (the young people in Thanet are counted in every measure; each
 * table's totals row is the same measure for everyone in scope), so all tables are protected
 * together: a figure has one key wherever it is printed and is hidden everywhere or nowhere, and no
 * hidden figure may be derivable from the equations of all tables at once. To keep those links
 * simple, every measure of young people counts the whole caseload: one that concerns only some
 * year groups (Benchmark 8, Provider Access, destinations) has a last "everyone else" column that
 * is protected with the rest but not shown. Each characteristic is protected as a pair of rows (with
 * and without) so that "everyone less the group" gives nothing away; only the "with" rows are shown.
 */
import { PLACEMENT_STATUSES, SESSION_KINDS } from '../reference/lists';
import { DESTINATION_GROUPS, destinationGroup } from '../reference/destinations';
import { PROVIDER_ACCESS_TARGETS } from '../reference/gatsby';
import { YEAR_GROUPS, yearGroupLabel } from '../academic-year';
import type { AreaId } from '../reference/areas';
import type { ReturnSummary } from './summary';
import {
  protectedPercentage,
  roundCells,
  sumCells,
  thresholdNote,
  type PercentCell,
  type ProtectedTable,
  type ShownCell,
  type ShownTable,
} from './disclosure';
import { protectTables, type KeyedTable } from './suppression';
import {
  DISTRICT_ROWS,
  LOCAL_AUTHORITY_ROWS,
  NOT_RECORDED,
  RETURN_CHARACTERISTICS,
  RISK_ROWS,
  districtRow,
  localAuthorityRow,
  riskRow,
} from './groups';
import {
  periodLabel,
  scopeCaseload,
  type PupilFacts,
  type ReturnOptions,
  type ReturnPeriod,
  type ReturnScope,
  type ReturnSource,
  type ScopedCaseload,
  type ReturnSchool,
} from './scope';

export type MeasureId =
  | 'caseload'
  | 'sessions'
  | 'personal-guidance'
  | 'employer-encounters'
  | 'workplace-experiences'
  | 'weeks-worth'
  | 'provider-access'
  | 'placements'
  | 'intended-destinations';

export type DimensionId = 'local-authority' | 'district' | 'school' | 'year-group' | 'characteristic' | 'risk-band';

type Unit = 'pupil' | 'session' | 'placement';

interface PercentageSpec {
  /** A short name for the column of tidy data (shared/returns/tidy.ts). */
  id: string;
  label: string;
  numerator: readonly number[];
  /** Columns summed for the denominator, or the row's total. */
  denominator: readonly number[] | 'total';
}

interface Measure {
  id: MeasureId;
  title: string;
  unit: Unit;
  /** Label of the totals row. */
  totalLabel: string;
  columns: readonly { id: string; label: string }[];
  /** The label of a last column counting everyone the measure is not about: protected, never shown. */
  remainder?: string;
  /** Year groups the measure is about: the rows shown in its year-group table. */
  years: readonly number[];
  /** Each thing counted, with the young person it belongs to and its column (the remainder is columns.length). */
  entries(scoped: ScopedCaseload): { facts: PupilFacts; column: number }[];
  percentages: readonly PercentageSpec[];
  notes: readonly string[];
}

const ALL_YEARS = YEAR_GROUPS;

function everyone(column: (facts: PupilFacts) => number) {
  return (scoped: ScopedCaseload) => scoped.pupils.map((facts) => ({ facts, column: column(facts) }));
}

const PAIRS = PROVIDER_ACCESS_TARGETS;
const PAIR_INDEX = new Map<string, number>(PAIRS.map((p, i) => [p.id, i]));
const KIND_INDEX = new Map<string, number>(SESSION_KINDS.map((k, i) => [k.id, i]));
const STATUS_INDEX = new Map<string, number>(PLACEMENT_STATUSES.map((s, i) => [s.id, i]));
const GROUP_INDEX = new Map<string, number>(DESTINATION_GROUPS.map((g, i) => [g.id, i]));
const QUALIFIED_MEETING_NOTE =
  'A meeting is a personal guidance meeting or home visit with an adviser qualified to level 6 or above, ' +
  'at any time up to the end of the period.';

export const MEASURES: readonly Measure[] = [
  {
    id: 'caseload',
    title: 'Young people on the caseload',
    unit: 'pupil',
    totalLabel: 'All young people',
    columns: [
      { id: 'seen', label: 'Seen in the period' },
      { id: 'not-seen', label: 'Not seen in the period' },
    ],
    years: ALL_YEARS,
    entries: everyone((f) => (f.sessionsInPeriod > 0 ? 0 : 1)),
    percentages: [{ id: 'seen', label: '% seen in the period', numerator: [0], denominator: 'total' }],
    notes: ['Seen means at least one guidance session of any kind in the period.'],
  },
  {
    id: 'sessions',
    title: 'Guidance sessions by kind',
    unit: 'session',
    totalLabel: 'All sessions',
    columns: SESSION_KINDS.map((k) => ({ id: k.id, label: k.label })),
    years: ALL_YEARS,
    entries: (scoped) => scoped.sessions.map(({ session, facts }) => ({ facts, column: KIND_INDEX.get(session.kind) ?? 0 })),
    percentages: [],
    notes: ['Counts are of sessions in the period, not of young people; rows describe the young person seen.'],
  },
  {
    id: 'personal-guidance',
    title: 'Personal guidance (Gatsby Benchmark 8)',
    unit: 'pupil',
    totalLabel: 'All young people in Years 11 and 13',
    columns: [
      { id: 'y11-met', label: 'Year 11: at least one meeting' },
      { id: 'y11-not-met', label: 'Year 11: none yet' },
      { id: 'y13-met', label: 'Year 13: two or more meetings' },
      { id: 'y13-not-met', label: 'Year 13: fewer than two' },
    ],
    remainder: 'Other year groups',
    years: [11, 13],
    entries: everyone((f) => {
      if (f.yearGroup === 11) return f.qualifiedGuidanceMeetings >= 1 ? 0 : 1;
      if (f.yearGroup === 13) return f.qualifiedGuidanceMeetings >= 2 ? 2 : 3;
      return 4;
    }),
    percentages: [
      { id: 'y11-met', label: '% of Year 11 with at least one meeting', numerator: [0], denominator: [0, 1] },
      { id: 'y13-met', label: '% of Year 13 with two or more meetings', numerator: [2], denominator: [2, 3] },
    ],
    notes: [
      QUALIFIED_MEETING_NOTE,
      'Benchmark 8 expects one meeting by 16 (the end of Year 11) and a further one by 18 (the end of Year 13).',
    ],
  },
  {
    id: 'employer-encounters',
    title: 'Encounters with employers (Gatsby Benchmark 5)',
    unit: 'pupil',
    totalLabel: 'All young people',
    columns: [
      { id: 'none', label: 'No encounters' },
      { id: 'one', label: 'One encounter' },
      { id: 'two-or-more', label: 'Two or more encounters' },
    ],
    years: ALL_YEARS,
    entries: everyone((f) => Math.min(f.employerEncountersInPeriod, 2)),
    percentages: [{ id: 'at-least-one', label: '% with at least one encounter', numerator: [1, 2], denominator: 'total' }],
    notes: ['Employer encounters recorded in guidance sessions in the period.'],
  },
  {
    id: 'workplace-experiences',
    title: 'Experiences of workplaces (Gatsby Benchmark 6)',
    unit: 'pupil',
    totalLabel: 'All young people',
    columns: [
      { id: 'at-least-one', label: 'At least one completed placement' },
      { id: 'none', label: 'No completed placement' },
    ],
    years: ALL_YEARS,
    entries: everyone((f) => (f.completedPlacementsInPeriod > 0 ? 0 : 1)),
    percentages: [{ id: 'at-least-one', label: '% with a completed placement', numerator: [0], denominator: 'total' }],
    notes: ['Work-experience placements marked completed that ended in the period.'],
  },
  {
    id: 'weeks-worth',
    title: "A week's worth of workplace experience (Gatsby Benchmark 6)",
    unit: 'pupil',
    totalLabel: 'All young people in Years 7 to 11',
    columns: [
      { id: 'ks3-met', label: "Years 7 to 9: a week's worth in Key Stage 3" },
      { id: 'ks3-not-met', label: 'Years 7 to 9: not yet' },
      { id: 'ks4-met', label: "Years 10 and 11: a week's worth of work placement in Key Stage 4" },
      { id: 'ks4-not-met', label: 'Years 10 and 11: not yet' },
    ],
    remainder: 'Years 12 and 13',
    years: [7, 8, 9, 10, 11],
    entries: everyone((f) => {
      if (f.weeksWorth === null) return 4;
      return (f.weeksWorth.keyStage === 3 ? 0 : 2) + (f.weeksWorth.met ? 0 : 1);
    }),
    percentages: [
      { id: 'ks3-met', label: "% of Years 7 to 9 with a week's worth", numerator: [0], denominator: [0, 1] },
      { id: 'ks4-met', label: "% of Years 10 and 11 with a week's worth of work placement", numerator: [2], denominator: [2, 3] },
    ],
    notes: [
      'Each young person is counted in the key stage they are in at the end of the period, with the hours of every experience ' +
        'that ended by then: in Key Stage 3 every kind of workplace experience, in Key Stage 4 only work placements; only ' +
        "completed experiences that meet the whole Benchmark 6 checklist count. A week's worth is the number of hours set in Settings.",
      "The statutory careers guidance (2025) asks for a week's worth by the end of Year 9 and another by the end of Year 11.",
    ],
  },
  {
    id: 'provider-access',
    title: 'Encounters with providers (Provider Access Legislation)',
    unit: 'pupil',
    totalLabel: 'All young people in Years 8 to 13',
    columns: PAIRS.flatMap((pair) => [
      { id: `${pair.id}-met`, label: `${pair.label}: two or more encounters` },
      { id: `${pair.id}-not-met`, label: `${pair.label}: fewer than two` },
    ]),
    remainder: 'Other year groups',
    years: [8, 9, 10, 11, 12, 13],
    entries: everyone((f) => {
      const pair = f.providerAccessPair === null ? undefined : PAIR_INDEX.get(f.providerAccessPair);
      if (pair === undefined) return PAIRS.length * 2;
      return pair * 2 + (f.providerEncountersInPair >= PAIRS[pair]!.encounters ? 0 : 1);
    }),
    percentages: PAIRS.map((pair, i) => ({
      id: `${pair.id}-met`,
      label: `${pair.label}: % with two or more`,
      numerator: [2 * i],
      denominator: [2 * i, 2 * i + 1],
    })),
    notes: [
      'Each young person is counted against the pair of year groups they are in at the end of the period, ' +
        'with the provider encounters recorded while they were in those years, up to the end of the period.',
      'The legislation expects two encounters with providers of technical education or apprenticeships ' +
        'in Years 8 to 9 and two in Years 10 to 11 for everyone, and two in Years 12 to 13 offered to all.',
    ],
  },
  {
    id: 'placements',
    title: 'Work-experience placements by status',
    unit: 'placement',
    totalLabel: 'All placements',
    columns: PLACEMENT_STATUSES.map((s) => ({ id: s.id, label: s.label })),
    years: ALL_YEARS,
    entries: (scoped) => scoped.placements.map(({ placement, facts }) => ({ facts, column: STATUS_INDEX.get(placement.status) ?? 0 })),
    percentages: [],
    notes: ['Counts are of placements that overlap the period, not of young people.'],
  },
  {
    id: 'intended-destinations',
    title: 'Intended destinations (NCCIS groups)',
    unit: 'pupil',
    totalLabel: 'All young people in Years 10 to 13',
    columns: [...DESTINATION_GROUPS.map((g) => ({ id: g.id, label: g.label })), NOT_RECORDED],
    remainder: 'Years 7 to 9',
    years: [10, 11, 12, 13],
    entries: everyone((f) => {
      if (f.yearGroup < 10) return DESTINATION_GROUPS.length + 1;
      return GROUP_INDEX.get(destinationGroup(f.pupil.intendedDestination) ?? '') ?? DESTINATION_GROUPS.length;
    }),
    percentages: [],
    notes: ['The intended destination last recorded for each young person, grouped by NCCIS activity code.'],
  },
];

/** One way of splitting the people counted into rows (each characteristic is its own split: with and without). */
interface Partition {
  dimension: DimensionId;
  attribute: string;
  rows: readonly { id: string; label: string }[];
  rowOf(facts: PupilFacts): number;
}

const YEAR_ROW = new Map<number, number>(ALL_YEARS.map((y, i) => [y, i]));

const PARTITIONS: readonly Partition[] = [
  { dimension: 'local-authority', attribute: 'la', rows: LOCAL_AUTHORITY_ROWS, rowOf: (f) => localAuthorityRow(f.localAuthority) },
  { dimension: 'district', attribute: 'district', rows: DISTRICT_ROWS, rowOf: (f) => districtRow(f.district) },
  {
    dimension: 'year-group',
    attribute: 'year',
    rows: ALL_YEARS.map((y) => ({ id: String(y), label: yearGroupLabel(y) })),
    rowOf: (f) => YEAR_ROW.get(f.yearGroup) ?? -1,
  },
  ...RETURN_CHARACTERISTICS.map((c): Partition => ({
    dimension: 'characteristic',
    attribute: c.id,
    rows: [
      { id: 'yes', label: c.label },
      { id: 'no', label: `Not ${c.label.charAt(0).toLowerCase()}${c.label.slice(1)}` },
    ],
    rowOf: (f) => (c.has(f.pupil) ? 0 : 1),
  })),
  { dimension: 'risk-band', attribute: 'risk', rows: RISK_ROWS, rowOf: (f) => riskRow(f.pupil.riskBand) },
];

/** Young people not at one of the schools in scope: home educated, or with no school recorded. */
const NO_SCHOOL_ROW = { id: 'no-school', label: 'No school (home educated, or none recorded)' } as const;

/** The splits of this return: the fixed ones, and by school where the return covers more than one school. */
function partitionsOf(scoped: ScopedCaseload): readonly Partition[] {
  if (scoped.schools.length === 0) return PARTITIONS;
  const rowOfSchool = new Map(scoped.schools.map((s, i) => [s.id, i]));
  const bySchool: Partition = {
    dimension: 'school',
    attribute: 'school',
    rows: [...scoped.schools.map((s) => ({ id: s.id, label: s.label })), NO_SCHOOL_ROW],
    rowOf: (f) => (f.pupil.schoolId && !f.pupil.homeEducated ? rowOfSchool.get(f.pupil.schoolId) : undefined) ?? scoped.schools.length,
  };
  // Placed after the district split, as the tables are shown.
  return [...PARTITIONS.slice(0, 2), bySchool, ...PARTITIONS.slice(2)];
}

/** A figure's name: the unit counted and the conditions on it, so equal sets of people get equal keys. */
function keyOf(unit: Unit, conditions: readonly [string, string][]): string {
  return `${unit}|${[...conditions]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([a, v]) => `${a}=${v}`)
    .join(';')}`;
}

/** A table of one measure split one way, with the keys of its figures: what the protection works on. */
export interface LinkedTable extends KeyedTable {
  measure: MeasureId;
  dimension: DimensionId;
  attribute: string;
  rowLabels: string[];
  columnLabels: string[];
  counts: number[][];
}

/** Every table of the return, hidden rows and columns included, keyed so shared figures are recognised. */
export function linkedTables(scoped: ScopedCaseload): LinkedTable[] {
  const partitions = partitionsOf(scoped);
  // Each young person's row in every split, worked out once: sessions repeat young people many times.
  const rowsByFacts = new Map<PupilFacts, Int16Array>();
  const rowsOf = (facts: PupilFacts): Int16Array => {
    let rows = rowsByFacts.get(facts);
    if (!rows) {
      rows = Int16Array.from(partitions, (p) => p.rowOf(facts));
      rowsByFacts.set(facts, rows);
    }
    return rows;
  };

  const tables: LinkedTable[] = [];
  for (const measure of MEASURES) {
    const columns = [...measure.columns, ...(measure.remainder ? [{ id: 'remainder', label: measure.remainder }] : [])];
    const counts = partitions.map((p) => p.rows.map(() => new Array<number>(columns.length).fill(0)));
    for (const { facts, column } of measure.entries(scoped)) {
      const rows = rowsOf(facts);
      for (let p = 0; p < partitions.length; p++) {
        const r = rows[p]!;
        if (r >= 0) counts[p]![r]![column]! += 1;
      }
    }
    const column = (c: number): [string, string] => [`measure:${measure.id}`, columns[c]!.id];
    partitions.forEach((partition, p) => {
      const row = (r: number): [string, string] => [partition.attribute, partition.rows[r]!.id];
      tables.push({
        measure: measure.id,
        dimension: partition.dimension,
        attribute: partition.attribute,
        rowLabels: partition.rows.map((r) => r.label),
        columnLabels: columns.map((c) => c.label),
        counts: counts[p]!,
        cellKeys: partition.rows.map((_, r) => columns.map((_, c) => keyOf(measure.unit, [row(r), column(c)]))),
        rowTotalKeys: partition.rows.map((_, r) => keyOf(measure.unit, [row(r)])),
        columnTotalKeys: columns.map((_, c) => keyOf(measure.unit, [column(c)])),
        grandTotalKey: keyOf(measure.unit, []),
      });
    });
  }
  return tables;
}

export interface ReturnPercentages {
  id: string;
  label: string;
  rows: PercentCell[];
  total: PercentCell;
}

export interface ReturnTable {
  id: string;
  measureId: MeasureId;
  dimensionId: DimensionId;
  title: string;
  /** Heading of the row labels: District, Year group, Group, Risk of NEET. */
  rowHeading: string;
  rowLabels: string[];
  columnLabels: string[];
  /** Label of the totals row. */
  totalLabel: string;
  /** Raw counts of the cells shown, for the on-screen preview only: never exported. */
  counts: number[][];
  /** After suppression, before rounding. */
  protected: ProtectedTable;
  /** What leaves the machine: the protected table, rounded when rounding was chosen. */
  shown: ShownTable;
  percentages: ReturnPercentages[];
  /** True when a young person can be in more than one row (characteristic groups): rows do not add up to the total. */
  rowsOverlap: boolean;
  notes: string[];
}

export interface AggregateReturn {
  kind: 'aggregate';
  scope: ReturnScope;
  scopeLabel: string;
  period: ReturnPeriod;
  periodLabel: string;
  threshold: number;
  roundToNearest5: boolean;
  /** ISO date the return was produced. */
  producedOn: string;
  tables: ReturnTable[];
  /** Notes for the whole return: what was applied and what the symbols mean. */
  notes: string[];
  /** The school a school's return is for (its tidy data is at school level); null for any other scope. */
  school: { urn: string; name: string; district: AreaId } | null;
  /** The schools of the "by school" tables (a return over more than one school), for the tidy data's school rows. */
  schools: ReturnSchool[];
  /** Headline figures beside the same period last year (shared/returns/summary.ts), when they were worked out. */
  summary?: ReturnSummary;
}

const ROW_HEADINGS: Record<DimensionId, string> = {
  'local-authority': 'Local authority',
  district: 'District',
  school: 'School',
  'year-group': 'Year group',
  characteristic: 'Group',
  'risk-band': 'Risk of NEET',
};

const DIMENSION_TITLES: Record<DimensionId, string> = {
  'local-authority': 'by local authority',
  district: 'by district',
  school: 'by school',
  'year-group': 'by year group',
  characteristic: 'by characteristic group',
  'risk-band': 'by risk-of-NEET band',
};

export const SECONDARY_NOTE =
  'Further figures are shown as c so that hidden counts cannot be worked out from totals, ' +
  'from other rows or columns, or from other tables in this return.';
export const ROUNDING_NOTE =
  'Figures are rounded to the nearest 5, each on its own, so totals may not equal the sum of their parts; ' +
  'low is a count above 0 that rounds to 0.';
export const SYMBOLS_NOTE =
  'c: confidential (hidden); z: not applicable (nobody to count); low: a count above 0 that rounds to 0. A true zero is shown as 0.';
export const LOCAL_AUTHORITY_NOTE =
  'A young person is counted in the council that issued their UPN; without a valid UPN, in the council of their district or school.';
const PARTIAL_TOTAL_NOTE = 'Totals count only the year groups shown; a total is c when any figure in it is hidden.';

/** Every table of the return with its protection: what the return is built from (and what audits check). */
export function protectReturnTables(scoped: ScopedCaseload, threshold: number): { table: LinkedTable; protected: ProtectedTable }[] {
  const tables = linkedTables(scoped);
  const result = protectTables(tables, threshold);
  return tables.map((table, i) => ({ table, protected: result[i]! }));
}

function percentagesOf(shown: ShownTable, specs: readonly PercentageSpec[]): ReturnPercentages[] {
  const of = (cells: readonly ShownCell[], total: ShownCell, spec: PercentageSpec): PercentCell =>
    protectedPercentage(
      sumCells(spec.numerator.map((c) => cells[c]!)),
      spec.denominator === 'total' ? total : sumCells(spec.denominator.map((c) => cells[c]!)),
    );
  return specs.map((spec) => ({
    id: spec.id,
    label: spec.label,
    rows: shown.cells.map((cells, r) => of(cells, shown.rowTotals[r]!, spec)),
    total: of(shown.columnTotals, shown.grandTotal, spec),
  }));
}

/**
 * What is shown of a protected table: the measure's own columns and the chosen rows. Where the
 * measure has a hidden "everyone else" column, totals are re-added from what is shown (c if any
 * part is hidden): a sum of visible figures tells nobody anything new.
 */
function displayed(
  measure: Measure,
  table: ProtectedTable,
  counts: number[][],
  rows: readonly number[],
): { table: ProtectedTable; counts: number[][] } {
  const width = measure.columns.length;
  const cells = rows.map((r) => table.cells[r]!.slice(0, width));
  if (!measure.remainder) {
    return {
      table: { cells, rowTotals: rows.map((r) => table.rowTotals[r]!), columnTotals: table.columnTotals, grandTotal: table.grandTotal },
      counts: rows.map((r) => counts[r]!),
    };
  }
  const columnTotals = table.columnTotals.slice(0, width);
  return {
    table: { cells, rowTotals: cells.map((row) => sumCells(row)), columnTotals, grandTotal: sumCells(columnTotals) },
    counts: rows.map((r) => counts[r]!.slice(0, width)),
  };
}

function schoolOf(source: ReturnSource, scope: ReturnScope): AggregateReturn['school'] {
  if (scope.kind !== 'school') return null;
  const school = source.schools.find((s) => s.id === scope.schoolId);
  return school ? { urn: school.urn, name: school.name, district: school.district } : null;
}

export function buildAggregateReturn(source: ReturnSource, options: ReturnOptions): AggregateReturn {
  const scoped = scopeCaseload(source, options);
  const linked = protectReturnTables(scoped, options.threshold);

  const commonNotes = [thresholdNote(options.threshold), SECONDARY_NOTE, ...(options.roundToNearest5 ? [ROUNDING_NOTE] : [])];
  const out: ReturnTable[] = [];
  for (const measure of MEASURES) {
    const mine = linked.filter((t) => t.table.measure === measure.id);
    const finish = (
      dimension: DimensionId,
      rowLabels: string[],
      view: { table: ProtectedTable; counts: number[][] },
      rowsOverlap: boolean,
    ) => {
      const shown: ShownTable = options.roundToNearest5 ? roundCells(view.table) : view.table;
      out.push({
        id: `${measure.id}-by-${dimension}`,
        measureId: measure.id,
        dimensionId: dimension,
        title: `${measure.title} ${DIMENSION_TITLES[dimension]}`,
        rowHeading: ROW_HEADINGS[dimension],
        rowLabels,
        columnLabels: measure.columns.map((c) => c.label),
        totalLabel: measure.totalLabel,
        counts: view.counts,
        protected: view.table,
        shown,
        percentages: percentagesOf(shown, measure.percentages),
        rowsOverlap,
        notes: [
          ...measure.notes,
          ...(dimension === 'local-authority' ? [LOCAL_AUTHORITY_NOTE] : []),
          ...(rowsOverlap ? ['A young person can be in more than one group, so the rows do not add up to the total.'] : []),
          ...(measure.remainder ? [PARTIAL_TOTAL_NOTE] : []),
          ...commonNotes,
          ...(measure.percentages.length > 0
            ? ['Percentages are worked out from the figures as shown, and are c where a figure they use is hidden.']
            : []),
        ],
      });
    };
    for (const { table, protected: p } of mine) {
      if (table.dimension === 'characteristic') continue;
      const rows = table.dimension === 'year-group' ? measure.years.map((y) => YEAR_ROW.get(y)!) : table.rowLabels.map((_, r) => r);
      finish(
        table.dimension,
        rows.map((r) => table.rowLabels[r]!),
        displayed(measure, p, table.counts, rows),
        false,
      );
    }
    // The characteristic groups side by side: the "with" row of each pair, and the shared totals.
    const groups = mine.filter((t) => t.table.dimension === 'characteristic');
    const first = groups[0]!.protected;
    const combined: ProtectedTable = {
      cells: groups.map((g) => g.protected.cells[0]!),
      rowTotals: groups.map((g) => g.protected.rowTotals[0]!),
      columnTotals: first.columnTotals,
      grandTotal: first.grandTotal,
    };
    finish(
      'characteristic',
      groups.map((g) => g.table.rowLabels[0]!),
      displayed(
        measure,
        combined,
        groups.map((g) => g.table.counts[0]!),
        groups.map((_, i) => i),
      ),
      true,
    );
  }
  const order: DimensionId[] = ['local-authority', 'district', 'school', 'year-group', 'characteristic', 'risk-band'];
  out.sort(
    (a, b) =>
      MEASURES.findIndex((m) => m.id === a.measureId) - MEASURES.findIndex((m) => m.id === b.measureId) ||
      order.indexOf(a.dimensionId) - order.indexOf(b.dimensionId),
  );

  return {
    kind: 'aggregate',
    scope: options.scope,
    scopeLabel: scoped.scopeLabel,
    period: options.period,
    periodLabel: periodLabel(options.period),
    threshold: options.threshold,
    roundToNearest5: options.roundToNearest5,
    producedOn: options.now.slice(0, 10),
    tables: out,
    school: schoolOf(source, options.scope),
    schools: scoped.schools,
    notes: [
      thresholdNote(options.threshold),
      SECONDARY_NOTE,
      options.roundToNearest5 ? ROUNDING_NOTE : 'Figures are not rounded.',
      'Year groups are as at the end of the period.',
      SYMBOLS_NOTE,
    ],
  };
}
