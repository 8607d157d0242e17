/**
 * The Compass evaluation helper: for one school, the figures per Gatsby Benchmark (as refreshed for
 * September 2025) that the Careers & Enterprise Company's termly Compass evaluation asks about and that
 * Careers Desk can honestly work out from its records, all as at one day. Compass is its own service:
 * these are the figures the coordinator types in, not a file it loads.
 *
 * Who is counted: the school's young people (not home educated, as in returns) who had not left by the
 * day, in their year group on that day (yearGroupOf). What is counted is only what was recorded with a
 * date on or before the day, so a snapshot as at 31 March is the figures as they stood then (or as the
 * records now say they stood: something recorded late with an earlier date counts).
 *
 * CEC takes its formal measures on 31 December, 31 March and 31 July; snapshots are kept for those days.
 */
import { academicYearOf, academicYearStartYear, formatUkDate, yearGroupOf } from '../academic-year';
import type { CompassFigure, CompassSnapshot, DestinationEntry, Pupil } from '../model';
import { benchmarkLabel, PROVIDER_ACCESS_TARGETS } from '../reference/gatsby';
import { historiesAsAt, latestActivitySince, plannedDestinationIn } from '../destinations/as-at';
import { scopeCaseload, type PupilFacts, type ReturnSource } from '../returns/scope';

export type { CompassFigure } from '../model';

/** What the helper reads: a return's records and the destinations history. */
export type CompassSource = ReturnSource & { destinations: readonly DestinationEntry[] };

/** The benchmarks Careers Desk holds nothing for: their questions are about the school's programme. */
export const NOT_RECORDED_BENCHMARKS: readonly { benchmark: number; why: string }[] = [
  { benchmark: 1, why: 'The careers programme, its publication and its review are not recorded in Careers Desk.' },
  { benchmark: 2, why: 'Learning from career and labour market information is not recorded in Careers Desk.' },
  { benchmark: 4, why: 'Careers learning in the curriculum is not recorded in Careers Desk.' },
];

export const NOT_RECORDED_WORDS = 'Not recorded in Careers Desk';

/** The year groups Benchmark 5 asks about each year: every secondary year. */
const EMPLOYER_ENCOUNTER_YEARS = [7, 8, 9, 10, 11, 12, 13] as const;

/** One figure of the evaluation, as stored in a snapshot, and the note the screen and PDF print under it. */
export interface CompassRow extends CompassFigure {
  /** What exactly is counted, in a sentence. */
  note: string;
}

/** The termly measuring days of an academic year: 31 December, 31 March and 31 July. */
export function compassTermDates(academicYearStart: number): string[] {
  return [`${academicYearStart}-12-31`, `${academicYearStart + 1}-03-31`, `${academicYearStart + 1}-07-31`];
}

/** The last termly measuring day on or before `today` (31 July of the year before, in the autumn before 31 December). */
export function latestTermDate(today: string): string {
  const start = academicYearStartYear(today);
  const days = [...compassTermDates(start - 1), ...compassTermDates(start)].filter((d) => d <= today);
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- 31 July of the year before is always on or before today
  return days[days.length - 1]!;
}

/**
 * The termly day a snapshot is due for: the last measuring day on or before today when no snapshot for it
 * is kept; null when it is. Only the latest is offered: older terms cannot be taken again honestly.
 */
export function dueSnapshotDate(today: string, snapshots: readonly Pick<CompassSnapshot, 'takenOn'>[]): string | null {
  const day = latestTermDate(today);
  return snapshots.some((s) => s.takenOn === day) ? null : day;
}

/** Whole per cent of the denominator, or null when there is nothing to divide by (or nothing recorded). */
export function compassPercent(figure: Pick<CompassFigure, 'numerator' | 'denominator'>): number | null {
  if (figure.numerator === null || figure.denominator === null || figure.denominator === 0) return null;
  return Math.round((100 * figure.numerator) / figure.denominator);
}

/** "12 of 40 (30%)", "Nobody to count", or "Not recorded in Careers Desk". */
export function compassFigureText(figure: Pick<CompassFigure, 'numerator' | 'denominator'>): string {
  if (figure.numerator === null || figure.denominator === null) return NOT_RECORDED_WORDS;
  if (figure.denominator === 0) return 'Nobody to count';
  return `${figure.numerator} of ${figure.denominator} (${compassPercent(figure)}%)`;
}

function count<T>(list: readonly T[], test: (item: T) => boolean): number {
  return list.reduce((n, item) => n + (test(item) ? 1 : 0), 0);
}

function row(benchmark: number, measure: string, label: string, numerator: number, denominator: number, note: string): CompassRow {
  return { benchmark, measure, label, numerator, denominator, note };
}

/**
 * The school's Year 11 leavers of the summer `yearsAgo` academic years before the day's: those in Year 11 on
 * that 31 July (left school or not since), whatever they are doing now.
 */
function leaversOf(pupils: readonly Pupil[], schoolId: string, asAt: string, yearsAgo: number): Pupil[] {
  const summer = `${academicYearStartYear(asAt) - yearsAgo + 1}-07-31`;
  return pupils.filter((p) => !p.homeEducated && p.schoolId === schoolId && yearGroupOf(p, summer) === 11);
}

/**
 * Every figure of the evaluation for one school as at one day, benchmark by benchmark. Benchmarks 1, 2
 * and 4 have one row each saying they are not recorded here (numerator and denominator null).
 */
export function compassEvaluation(source: CompassSource, options: { schoolId: string; asAt: string }): CompassRow[] {
  const { schoolId, asAt } = options;
  const year = academicYearOf(asAt);
  const scoped = scopeCaseload(source, { period: { start: year.start, end: asAt }, scope: { kind: 'school', schoolId } });
  const onRoll = scoped.pupils.filter((f) => f.pupil.leftOn === null || f.pupil.leftOn > asAt);
  const inYear = (y: number): PupilFacts[] => onRoll.filter((f) => f.yearGroup === y);
  const histories = historiesAsAt(source.destinations, asAt);
  const historyOf = (id: string) => histories.get(id) ?? [];
  const rows: CompassRow[] = [];
  const notRecorded = (benchmark: number) => {
    const why = NOT_RECORDED_BENCHMARKS.find((b) => b.benchmark === benchmark)?.why ?? NOT_RECORDED_WORDS;
    rows.push({ benchmark, measure: 'not-recorded', label: NOT_RECORDED_WORDS, numerator: null, denominator: null, note: why });
  };

  notRecorded(1);
  notRecorded(2);

  // Benchmark 3: destinations, planned before leaving and known for three years after Year 11.
  const year11 = inYear(11);
  rows.push(
    row(
      3,
      'year-11-planned',
      'Year 11: a planned (intended) post-16 destination recorded',
      count(year11, (f) => plannedDestinationIn(historyOf(f.pupil.id)) !== null),
      year11.length,
      `Young people in Year 11 on ${formatUkDate(asAt)} whose latest intended destination recorded by then is a post-16 one.`,
    ),
  );
  for (const yearsAgo of [1, 2, 3]) {
    const leavers = leaversOf(source.pupils, schoolId, asAt, yearsAgo);
    const summerYear = academicYearStartYear(asAt) - yearsAgo + 1;
    const year11Start = `${summerYear - 1}-09-01`;
    rows.push(
      row(
        3,
        `left-${yearsAgo}-years-ago`,
        `Left Year 11 in summer ${summerYear}: a destination recorded since`,
        count(leavers, (p) => latestActivitySince(historyOf(p.id), year11Start) !== null),
        leavers.length,
        `Young people in Year 11 at the school in ${summerYear - 1}/${String(summerYear % 100).padStart(2, '0')} with a post-16 ` +
          'activity, 1 November activity or destination check recorded from the start of Year 11 until the day ' +
          '(those who withheld consent to tracking are counted too).',
      ),
    );
  }

  notRecorded(4);

  // Benchmark 5: at least one encounter with an employer this academic year, each year group.
  for (const y of EMPLOYER_ENCOUNTER_YEARS) {
    const pupils = inYear(y);
    rows.push(
      row(
        5,
        `year-${y}-employer`,
        `Year ${y}: at least one encounter with an employer this academic year`,
        count(pupils, (f) => f.employerEncountersInPeriod > 0),
        pupils.length,
        `Employer encounters recorded in guidance sessions from ${formatUkDate(year.start)} to ${formatUkDate(asAt)}.`,
      ),
    );
  }

  // Benchmark 6: a week's worth by the end of each key stage (the supplementary questions).
  for (const [y, what] of [
    [9, "a week's worth of workplace experiences in Years 7 to 9"],
    [11, "a week's worth of work placement in Years 10 and 11"],
  ] as const) {
    const pupils = inYear(y);
    rows.push(
      row(
        6,
        `year-${y}-weeks-worth`,
        `Year ${y}: ${what}`,
        count(pupils, (f) => f.weeksWorth?.met === true),
        pupils.length,
        "Completed experiences meeting the whole Benchmark 6 checklist that ended by the day; the week's worth is the setting.",
      ),
    );
  }

  // Benchmark 7: encounters with providers, two in each pair of years (the Provider Access Legislation).
  for (const target of PROVIDER_ACCESS_TARGETS) {
    const lastYear = target.yearGroups[target.yearGroups.length - 1] ?? 0;
    const pupils = onRoll.filter((f) => f.providerAccessPair === target.id);
    rows.push(
      row(
        7,
        `${target.id}-providers`,
        `${target.label}: ${target.encounters} or more encounters with providers in those years`,
        count(pupils, (f) => f.providerEncountersInPair >= target.encounters),
        pupils.length,
        `Provider encounters recorded in guidance sessions while in ${target.label}, up to the day` +
          (lastYear === 13 ? ' (offered to Years 12 and 13 rather than required).' : '.'),
      ),
    );
  }

  // Benchmark 8: personal guidance with a qualified adviser, one by 16 and a further one by 18.
  const year13 = inYear(13);
  rows.push(
    row(
      8,
      'year-11-guidance',
      'Year 11: at least one personal guidance meeting',
      count(year11, (f) => f.qualifiedGuidanceMeetings >= 1),
      year11.length,
      'Personal guidance meetings or home visits with an adviser qualified to level 6 or above, up to the day.',
    ),
    row(
      8,
      'year-13-guidance',
      'Year 13: two or more personal guidance meetings',
      count(year13, (f) => f.qualifiedGuidanceMeetings >= 2),
      year13.length,
      'Personal guidance meetings or home visits with an adviser qualified to level 6 or above, up to the day.',
    ),
  );
  return rows.sort((a, b) => a.benchmark - b.benchmark);
}

/** The benchmarks in order with their rows, for the screen and the PDF. */
export function rowsByBenchmark<T extends Pick<CompassFigure, 'benchmark'>>(
  rows: readonly T[],
): { benchmark: number; title: string; rows: T[] }[] {
  return [1, 2, 3, 4, 5, 6, 7, 8].map((benchmark) => ({
    benchmark,
    title: benchmarkLabel(benchmark),
    rows: rows.filter((r) => r.benchmark === benchmark),
  }));
}

/** The stored figures of a snapshot, without the notes (which follow from the measure). */
export function snapshotFigures(rows: readonly CompassRow[]): CompassFigure[] {
  return rows.map(({ benchmark, measure, label, numerator, denominator }) => ({ benchmark, measure, label, numerator, denominator }));
}

/** A snapshot's figure for the same measure as a row on screen, if it had one. */
export function figureIn(snapshot: Pick<CompassSnapshot, 'figures'>, benchmark: number, measure: string): CompassFigure | null {
  return snapshot.figures.find((f) => f.benchmark === benchmark && f.measure === measure) ?? null;
}

/** Snapshots newest first. */
export function snapshotsNewestFirst<T extends Pick<CompassSnapshot, 'takenOn'>>(snapshots: readonly T[]): T[] {
  return [...snapshots].sort((a, b) => (a.takenOn < b.takenOn ? 1 : a.takenOn > b.takenOn ? -1 : 0));
}
