/**
 * A cohort allocation as a list a coordinator keeps, prints and shares: who goes where, with the fit
 * and distance in words, and who was left unplaced and why. The same list feeds the screen, the CSV
 * file and the PDF (shared/pdf/allocation-list.ts), so the three never disagree.
 *
 * It holds names, never a UPN or a date of birth, and not the priority characteristics (looked after,
 * SEND, free school meals…): those help the allocation on screen but must not travel to an employer.
 */
import { csvDocument, type CsvValue } from '../csv';
import { formatUkDate } from '../academic-year';
import { safeFileName } from '../file-names';
import type { DateRange } from './checks';
import type { AllocationLine } from './allocate';
import { distanceWords, scoreText } from './words';

export interface AllocationListPlacement {
  employerName: string;
  offerTitle: string;
  start: string;
  end: string;
  /** Fit, 0 to 100. */
  score: number;
  distanceKm: number | null;
}

export interface AllocationListLine {
  /** For links on screen; never written to a file. */
  pupilId: string;
  name: string;
  /** Where they go, or null when they are not placed. */
  placement: AllocationListPlacement | null;
  /** Why they are not placed; '' when placed. */
  why: string;
  byHand: boolean;
}

export interface AllocationList {
  /** A proposal under review, or confirmed (its placements are proposed on the young people's records). */
  stage: 'proposal' | 'confirmed';
  schoolName: string;
  yearGroup: number;
  period: DateRange;
  /** The ISO date the list was worked out (a proposal) or confirmed. */
  on: string;
  /** Placed young people first, then those left unplaced, each group by name. */
  lines: AllocationListLine[];
}

/** One young person's line as the allocation (or the adviser, by hand) left it. */
export interface AllocationSourceLine {
  pupilId: string;
  name: string;
  choice: Omit<AllocationLine, 'pupilId'> | null;
  why: string;
  byHand: boolean;
}

export interface AllocationListSource extends Omit<AllocationList, 'lines'> {
  lines: readonly AllocationSourceLine[];
  employerNames: ReadonlyMap<string, string>;
  offerTitles: ReadonlyMap<string, string>;
}

/** The list from the allocation's lines: names of employers and offers filled in, placed young people first, each group by name. */
export function allocationListOf(source: AllocationListSource): AllocationList {
  const lines = source.lines.map((line): AllocationListLine => ({
    pupilId: line.pupilId,
    name: line.name,
    why: line.choice ? '' : line.why,
    byHand: line.byHand,
    placement: line.choice
      ? {
          employerName: source.employerNames.get(line.choice.employerId) ?? 'Employer no longer recorded',
          offerTitle: source.offerTitles.get(line.choice.offerId) ?? '',
          start: line.choice.periodStart,
          end: line.choice.periodEnd,
          score: line.choice.score,
          distanceKm: line.choice.distanceKm,
        }
      : null,
  }));
  const byName = (a: AllocationListLine, b: AllocationListLine) => a.name.localeCompare(b.name, 'en-GB', { numeric: true });
  return {
    stage: source.stage,
    schoolName: source.schoolName,
    yearGroup: source.yearGroup,
    period: source.period,
    on: source.on,
    lines: [...lines.filter((l) => l.placement).sort(byName), ...lines.filter((l) => !l.placement).sort(byName)],
  };
}

export type PlacedLine = AllocationListLine & { placement: AllocationListPlacement };

export function placedLines(list: AllocationList): PlacedLine[] {
  return list.lines.filter((line): line is PlacedLine => line.placement !== null);
}

export function unplacedLines(list: AllocationList): AllocationListLine[] {
  return list.lines.filter((line) => line.placement === null);
}

/** "Year 10 at Margate Coastal Academy, 14/06/2027 to 18/06/2027". */
export function allocationTitle(list: AllocationList): string {
  return `Year ${list.yearGroup} at ${list.schoolName}, ${formatUkDate(list.period.start)} to ${formatUkDate(list.period.end)}`;
}

/** "25 of 28 young people placed; 3 not placed". */
export function allocationCounts(list: AllocationList): string {
  const placed = placedLines(list).length;
  const everyone = list.lines.length;
  return `${placed} of ${everyone} young ${everyone === 1 ? 'person' : 'people'} placed; ${everyone - placed} not placed`;
}

/** Placed young people grouped by employer, employers by name, each employer's young people by name. */
export function linesByEmployer(list: AllocationList): { employerName: string; lines: PlacedLine[] }[] {
  const groups = new Map<string, PlacedLine[]>();
  for (const line of placedLines(list)) {
    const group = groups.get(line.placement.employerName);
    if (group) group.push(line);
    else groups.set(line.placement.employerName, [line]);
  }
  const byName = (a: string, b: string) => a.localeCompare(b, 'en-GB', { numeric: true });
  return [...groups.entries()]
    .sort(([a], [b]) => byName(a, b))
    .map(([employerName, lines]) => ({ employerName, lines: lines.sort((a, b) => byName(a.name, b.name)) }));
}

export const ALLOCATION_CSV_HEADER = [
  'Young person',
  'School',
  'Year group',
  'Placed',
  'Employer',
  'Offer',
  'First day',
  'Last day',
  'Fit (out of 100)',
  'Fit in words',
  'Distance from home',
  'Why not placed',
  'Changed by hand',
] as const;

/** The CSV's rows: the header, then one row a young person in the list's order. Dates in UK format, as the coordinator reads them. */
export function allocationCsvRows(list: AllocationList): CsvValue[][] {
  return [
    [...ALLOCATION_CSV_HEADER],
    ...list.lines.map((line): CsvValue[] => {
      const p = line.placement;
      return [
        line.name,
        list.schoolName,
        `Year ${list.yearGroup}`,
        p !== null,
        p?.employerName ?? '',
        p?.offerTitle ?? '',
        p ? formatUkDate(p.start) : '',
        p ? formatUkDate(p.end) : '',
        p?.score ?? null,
        p ? scoreText(p.score) : '',
        p ? distanceWords(p.distanceKm) : '',
        line.why,
        line.byHand,
      ];
    }),
  ];
}

/** The allocation as a CSV document (the one CSV writer: a BOM, CRLF, formulas guarded). */
export function allocationCsv(list: AllocationList): string {
  return csvDocument(allocationCsvRows(list));
}

/**
 * The default name of a saved allocation: `Allocation - Year 10 - Margate Coastal Academy - 2027-06-14.csv`
 * (the period's first day); a proposal says so, so it is never taken for the confirmed list.
 */
export function allocationFileName(list: AllocationList, extension: 'csv' | 'pdf'): string {
  const what = list.stage === 'proposal' ? 'Allocation proposal' : 'Allocation';
  return safeFileName(`${what} - Year ${list.yearGroup} - ${list.schoolName} - ${list.period.start}`, extension);
}
