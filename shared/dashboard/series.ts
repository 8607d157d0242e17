/**
 * The coordinator's dashboard: chart series built from a ScopedCaseload (shared/returns/scope.ts),
 * which holds every rule for who is counted, Benchmark 8 meetings and Provider Access encounters.
 * Nothing here re-counts those: each chart sorts the facts already worked out into categories.
 *
 * Every category (a bar, or one part of a stacked bar) carries its count and the ids of the young
 * people behind it, so that the screen can list them. The lists are for the screen only.
 */
import { DESTINATION_GROUPS, destinationGroup } from '../reference/destinations';
import { PROVIDER_ACCESS_TARGETS } from '../reference/gatsby';
import { YEAR_GROUPS } from '../academic-year';
import { PLACEMENT_STATUSES } from '../reference/lists';
import { NOT_RECORDED, RISK_ROWS, riskRow } from '../returns/groups';
import type { ReturnPeriod, ScopedCaseload } from '../returns/scope';
import { destinationSeries, type DestinationSource } from './destinations';

export type DashboardChartId =
  | 'sessions-per-month'
  | 'benchmark-8'
  | 'weeks-worth'
  | 'provider-access'
  | 'risk-bands'
  | 'placements'
  | 'intended-destinations'
  | 'planned-destinations'
  | 'leavers-destinations'
  | 'september-guarantee';

/** What one bar or part of a bar counts, and whose figure it is. */
export interface DashboardCell {
  count: number;
  /** The young people behind the figure, each once (a young person seen twice in a month is one id). */
  pupilIds: string[];
}

export interface DashboardGroup {
  id: string;
  /** As written in the table and the summary: "September 2026", "Year 11". */
  label: string;
  /** Shorter, for the chart's axis: "Sep 2026". */
  axisLabel: string;
  /** What the figures in this group are measured against, where that differs between groups. */
  note: string | null;
}

export interface DashboardSeries {
  id: DashboardChartId;
  title: string;
  /** One sentence on what is counted. */
  description: string;
  unit: 'session' | 'pupil' | 'placement';
  /** Name of the figure counted: "Sessions", "Young people", "Placements". */
  countLabel: string;
  /** Name of the axis the groups run along: "Month", "Year group". */
  groupLabel: string;
  /** Horizontal bars suit long category names. */
  orientation: 'vertical' | 'horizontal';
  /** The bars along the axis. */
  groups: DashboardGroup[];
  /** The parts each bar is split into (one for a plain bar chart). */
  segments: { id: string; label: string }[];
  /** cells[group][segment]. */
  cells: DashboardCell[][];
  /** For a split bar of young people: the part whose share of the bar is the figure that matters. */
  shareOf: number | null;
  notes: string[];
}

export interface Dashboard {
  /** Young people in scope for the period. */
  pupilCount: number;
  series: DashboardSeries[];
}

export interface DashboardOptions {
  period: ReturnPeriod;
  /** Today (ISO date): months after this one are not drawn. */
  now: string;
  /** Every young person and the destinations history, for the destination measures (none are drawn without). */
  destinations?: DestinationSource;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The calendar months a period covers, stopping at this month when the period runs on past today. */
export function monthsOf(period: ReturnPeriod, now: string): DashboardGroup[] {
  const last = now >= period.start && now < period.end ? now : period.end;
  const groups: DashboardGroup[] = [];
  let year = Number(period.start.slice(0, 4));
  let month = Number(period.start.slice(5, 7));
  const endKey = last.slice(0, 7);
  for (;;) {
    const id = `${year}-${String(month).padStart(2, '0')}`;
    if (id > endKey) break;
    const name = MONTHS[month - 1] ?? '';
    groups.push({ id, label: `${name} ${year}`, axisLabel: `${name.slice(0, 3)} ${year}`, note: null });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return groups;
}

export function emptyCells(groups: number, segments: number): DashboardCell[][] {
  return Array.from({ length: groups }, () => Array.from({ length: segments }, () => ({ count: 0, pupilIds: [] })));
}

function plainGroups(list: readonly { id: string; label: string }[], axisLabels: Record<string, string> = {}): DashboardGroup[] {
  return list.map((g) => ({ id: g.id, label: g.label, axisLabel: axisLabels[g.id] ?? g.label, note: null }));
}

/** Counts things (sessions, placements) into cells, listing each young person once per cell. */
class ThingCounter {
  readonly cells: DashboardCell[][];
  private readonly seen: Set<string>[][];
  constructor(groups: number, segments: number) {
    this.cells = emptyCells(groups, segments);
    this.seen = Array.from({ length: groups }, () => Array.from({ length: segments }, () => new Set<string>()));
  }
  add(group: number, segment: number, pupilId: string): void {
    const cell = this.cells[group]?.[segment];
    const seen = this.seen[group]?.[segment];
    if (!cell || !seen) return;
    cell.count += 1;
    if (!seen.has(pupilId)) {
      seen.add(pupilId);
      cell.pupilIds.push(pupilId);
    }
  }
}

/** Counts one young person into a cell. */
export function addPupil(cells: DashboardCell[][], group: number, segment: number, pupilId: string): void {
  const cell = cells[group]?.[segment];
  if (!cell) return;
  cell.count += 1;
  cell.pupilIds.push(pupilId);
}

const BENCHMARK_YEARS = YEAR_GROUPS;
/** Benchmark 8: one qualified meeting by 16 (end of Year 11), a further one by 18 (end of Year 13). */
const meetingsExpected = (yearGroup: number) => (yearGroup <= 11 ? 1 : 2);

function benchmarkNote(yearGroup: number): string {
  if (yearGroup === 11) return 'Benchmark 8: at least one meeting by 16';
  if (yearGroup === 13) return 'Benchmark 8: two or more meetings by 18';
  return yearGroup < 11 ? 'For context: at least one meeting so far' : 'For context: two or more meetings so far';
}

/** A week's worth is asked of Years 7 to 11, each towards the key stage they are in. */
const WEEKS_WORTH_YEARS = [7, 8, 9, 10, 11];
const weeksWorthRow = new Map<number, number>(WEEKS_WORTH_YEARS.map((y, i) => [y, i]));

function weeksWorthNote(yearGroup: number): string {
  if (yearGroup === 9) return "Key Stage 3: a week's worth of workplace experiences by the end of Year 9";
  if (yearGroup === 11) return "Key Stage 4: a week's worth of work placement by the end of Year 11";
  return yearGroup < 9 ? 'Key Stage 3 so far: workplace experiences' : 'Key Stage 4 so far: work placement';
}

const DESTINATION_YEARS = new Set([10, 11, 12, 13]);
const destinationIndex = new Map<string, number>(DESTINATION_GROUPS.map((g, i) => [g.id, i]));
const placementIndex = new Map<string, number>(PLACEMENT_STATUSES.map((s, i) => [s.id, i]));
const pairIndex = new Map<string, number>(PROVIDER_ACCESS_TARGETS.map((t, i) => [t.id, i]));

/** Every chart of the dashboard, from one pass over the young people, one over sessions and one over placements. */
export function buildDashboard(scoped: ScopedCaseload, options: DashboardOptions): Dashboard {
  const months = monthsOf(options.period, options.now);
  const monthIndex = new Map(months.map((m, i) => [m.id, i]));
  const sessions = new ThingCounter(months.length, 1);
  for (const { session, facts } of scoped.sessions) {
    const index = monthIndex.get(session.date.slice(0, 7));
    if (index !== undefined) sessions.add(index, 0, facts.pupil.id);
  }

  const placements = new ThingCounter(PLACEMENT_STATUSES.length, 1);
  for (const { placement, facts } of scoped.placements) {
    const index = placementIndex.get(placement.status);
    if (index !== undefined) placements.add(index, 0, facts.pupil.id);
  }

  // Benchmark 8 rows: every year with young people in it, and always Years 11 and 13.
  const yearsPresent = new Set<number>([11, 13]);
  for (const facts of scoped.pupils) yearsPresent.add(facts.yearGroup);
  const benchmarkYears = BENCHMARK_YEARS.filter((y) => yearsPresent.has(y));
  const benchmarkRow = new Map<number, number>(benchmarkYears.map((y, i) => [y, i]));

  const benchmark = emptyCells(benchmarkYears.length, 2);
  const weeksWorth = emptyCells(WEEKS_WORTH_YEARS.length, 2);
  const providerAccess = emptyCells(PROVIDER_ACCESS_TARGETS.length, 2);
  const risk = emptyCells(RISK_ROWS.length, 1);
  const destinations = emptyCells(DESTINATION_GROUPS.length + 1, 1);
  for (const facts of scoped.pupils) {
    const id = facts.pupil.id;
    const year = facts.yearGroup;
    const row = benchmarkRow.get(year);
    if (row !== undefined) addPupil(benchmark, row, facts.qualifiedGuidanceMeetings >= meetingsExpected(year) ? 0 : 1, id);
    const weeksRow = weeksWorthRow.get(year);
    if (weeksRow !== undefined && facts.weeksWorth !== null) addPupil(weeksWorth, weeksRow, facts.weeksWorth.met ? 0 : 1, id);
    if (facts.providerAccessPair !== null) {
      const pair = pairIndex.get(facts.providerAccessPair);
      const target = pair === undefined ? undefined : PROVIDER_ACCESS_TARGETS[pair];
      if (pair !== undefined && target) addPupil(providerAccess, pair, facts.providerEncountersInPair >= target.encounters ? 0 : 1, id);
    }
    addPupil(risk, riskRow(facts.pupil.riskBand), 0, id);
    if (DESTINATION_YEARS.has(year)) {
      const group = destinationGroup(facts.pupil.intendedDestination);
      addPupil(destinations, (group && destinationIndex.get(group)) ?? DESTINATION_GROUPS.length, 0, id);
    }
  }

  const series: DashboardSeries[] = [
    {
      id: 'sessions-per-month',
      title: 'Guidance sessions per month',
      description: 'Guidance sessions of every kind recorded in each month of the period.',
      unit: 'session',
      countLabel: 'Sessions',
      groupLabel: 'Month',
      orientation: 'vertical',
      groups: months,
      segments: [{ id: 'sessions', label: 'Sessions' }],
      cells: sessions.cells,
      shareOf: null,
      notes: ['Counts are of sessions; the list behind a month names each young person seen that month once.'],
    },
    {
      id: 'benchmark-8',
      title: 'Personal guidance by year group (Gatsby Benchmark 8)',
      description:
        'Young people who have had the personal guidance meetings with a qualified adviser that Benchmark 8 expects: ' +
        'one by the end of Year 11 and a further one by the end of Year 13.',
      unit: 'pupil',
      countLabel: 'Young people',
      groupLabel: 'Year group',
      orientation: 'vertical',
      groups: benchmarkYears.map((y) => ({ id: String(y), label: `Year ${y}`, axisLabel: `Year ${y}`, note: benchmarkNote(y) })),
      segments: [
        { id: 'met', label: 'Had the meetings expected' },
        { id: 'not-met', label: 'Not yet' },
      ],
      cells: benchmark,
      shareOf: 0,
      notes: [
        'A meeting is a personal guidance meeting or home visit with an adviser qualified to level 6 or above, ' +
          'at any time up to the end of the period.',
        'Years 11 and 13 are the Benchmark 8 measures; other years are shown for context.',
      ],
    },
    {
      id: 'weeks-worth',
      title: "A week's worth of workplace experience by year group (Gatsby Benchmark 6)",
      description:
        "Young people who have had a week's worth of meaningful workplace experience in the key stage they are in: " +
        'any kind in Years 7 to 9, work placement in Years 10 and 11.',
      unit: 'pupil',
      countLabel: 'Young people',
      groupLabel: 'Year group',
      orientation: 'vertical',
      groups: WEEKS_WORTH_YEARS.map((y) => ({ id: String(y), label: `Year ${y}`, axisLabel: `Year ${y}`, note: weeksWorthNote(y) })),
      segments: [
        { id: 'met', label: "A week's worth" },
        { id: 'not-met', label: 'Not yet' },
      ],
      cells: weeksWorth,
      shareOf: 0,
      notes: [
        'Completed experiences that meet the whole Benchmark 6 checklist and ended by the end of the period; ' +
          "a week's worth is the number of hours set in Settings.",
        'Years 9 and 11 are the end of each key stage; other years are shown as progress so far.',
      ],
    },
    {
      id: 'provider-access',
      title: 'Encounters with providers against the Provider Access targets',
      description:
        'Young people in each pair of year groups who have had the two encounters with providers of technical education ' +
        'or apprenticeships that the Provider Access Legislation sets.',
      unit: 'pupil',
      countLabel: 'Young people',
      groupLabel: 'Year groups',
      orientation: 'vertical',
      groups: PROVIDER_ACCESS_TARGETS.map((t) => ({
        id: t.id,
        label: t.label,
        axisLabel: t.label,
        note: t.required
          ? `Target: ${t.encounters} encounters for every young person`
          : `Target: ${t.encounters} encounters offered to every young person`,
      })),
      segments: [
        { id: 'met', label: 'Two or more encounters' },
        { id: 'not-met', label: 'Fewer than two' },
      ],
      cells: providerAccess,
      shareOf: 0,
      notes: [
        'Provider encounters recorded in sessions while the young person was in that pair of year groups, up to the end of the period.',
      ],
    },
    {
      id: 'risk-bands',
      title: 'Risk of NEET',
      description: 'Young people in each risk-of-NEET band.',
      unit: 'pupil',
      countLabel: 'Young people',
      groupLabel: 'Risk band',
      orientation: 'vertical',
      groups: plainGroups(RISK_ROWS),
      segments: [{ id: 'pupils', label: 'Young people' }],
      cells: risk,
      shareOf: null,
      notes: ['Risk is scored for Years 8 to 11; for other years the band is shown for information.'],
    },
    {
      id: 'placements',
      title: 'Work-experience placements by status',
      description: 'Placements that overlap the period, by where they have got to.',
      unit: 'placement',
      countLabel: 'Placements',
      groupLabel: 'Status',
      orientation: 'horizontal',
      groups: plainGroups(PLACEMENT_STATUSES),
      segments: [{ id: 'placements', label: 'Placements' }],
      cells: placements.cells,
      shareOf: null,
      notes: ['Counts are of placements; a young person with two placements of the same status is listed once.'],
    },
    {
      id: 'intended-destinations',
      title: 'Intended destinations',
      description: 'Young people in Years 10 to 13 by the NCCIS group of the intended destination last recorded.',
      unit: 'pupil',
      countLabel: 'Young people',
      groupLabel: 'Destination group',
      orientation: 'horizontal',
      groups: plainGroups([...DESTINATION_GROUPS, NOT_RECORDED], { neet: 'NEET' }),
      segments: [{ id: 'pupils', label: 'Young people' }],
      cells: destinations,
      shareOf: null,
      notes: ['Grouped by NCCIS activity code.'],
    },
  ];
  if (options.destinations) series.push(...destinationSeries(scoped, options.destinations, options));
  return { pupilCount: scoped.pupils.length, series };
}
