/**
 * The dashboard's destination measures, from the destinations history (shared/destinations) as it stood
 * at the end of the period, or today while the period runs on:
 *
 * - planned destination before leaving: of those in Year 11 (and, for context, Year 13) at the end of the
 *   period, how many have a post-16 intended destination recorded (the Post-16 white paper's expectation);
 * - where the last leavers went: the young people who were in Year 11 in the academic year before the
 *   period's (they left that summer, whether or not they are still on the roll), by the NCCIS group of the
 *   latest activity recorded since they began Year 11, or "not recorded";
 * - the September Guarantee: of those in Years 11 and 12 at the end of the period, how many have had an
 *   offer of a place (offered, accepted or declined) for the September that follows it.
 *
 * Each category carries its young people, as every dashboard figure does (listed on screen only).
 */
import { academicYearStartYear, yearGroupOf } from '../academic-year';
import type { DestinationEntry, Pupil } from '../model';
import { DESTINATION_GROUPS, destinationGroup } from '../reference/destinations';
import { historiesAsAt, latestActivitySince, plannedDestinationIn } from '../destinations/as-at';
import { NOT_RECORDED } from '../returns/groups';
import type { ReturnPeriod, ReturnScope, ScopedCaseload } from '../returns/scope';
import { addPupil, emptyCells, type DashboardSeries } from './series';

export interface DestinationSource {
  /** Every young person (leavers who have left the roll are not in the scoped caseload). */
  pupils: readonly Pupil[];
  entries: readonly DestinationEntry[];
  scope: ReturnScope;
}

/** The groups a leaver's destination falls in: NCCIS's post-16 groups and "not recorded". */
export const LEAVER_GROUPS: readonly { id: string; label: string }[] = [
  ...DESTINATION_GROUPS.filter((g) => g.id !== 'pre-16'),
  NOT_RECORDED,
];
const LEAVER_INDEX = new Map<string, number>(LEAVER_GROUPS.map((g, i) => [g.id, i]));

/** Whether a young person is in the scope chosen: the same rules as returns (an adviser's: those they liaise for). */
export function inDestinationScope(pupil: Pupil, scope: ReturnScope): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'home-educated':
      return pupil.homeEducated;
    case 'school':
      return !pupil.homeEducated && pupil.schoolId === scope.schoolId;
    case 'adviser':
      return pupil.liaisonOfficerId === scope.adviserId;
  }
}

/** The last day the measures look at: the end of the period, or today while it runs on. */
export function destinationCutOff(period: ReturnPeriod, now: string): string {
  return now < period.end ? now : period.end;
}

/** The three destination series for the dashboard. */
export function destinationSeries(
  scoped: ScopedCaseload,
  source: DestinationSource,
  options: { period: ReturnPeriod; now: string },
): DashboardSeries[] {
  const cutOff = destinationCutOff(options.period, options.now);
  const histories = historiesAsAt(source.entries, cutOff);
  const historyOf = (id: string) => histories.get(id) ?? [];

  // Planned destination before leaving: Years 11 and 13 at the end of the period.
  const plannedYears = [11, 13];
  const planned = emptyCells(plannedYears.length, 2);
  for (const facts of scoped.pupils) {
    const row = plannedYears.indexOf(facts.yearGroup);
    if (row < 0) continue;
    addPupil(planned, row, plannedDestinationIn(historyOf(facts.pupil.id)) === null ? 1 : 0, facts.pupil.id);
  }

  // The last leavers: in Year 11 in the academic year before the period's.
  const periodStartYear = academicYearStartYear(options.period.start);
  const summer = `${periodStartYear}-07-31`;
  const year11Began = `${periodStartYear - 1}-09-01`;
  const leavers = emptyCells(LEAVER_GROUPS.length, 1);
  for (const pupil of source.pupils) {
    if (!inDestinationScope(pupil, source.scope) || yearGroupOf(pupil, summer) !== 11) continue;
    const group = destinationGroup(latestActivitySince(historyOf(pupil.id), year11Began)) ?? NOT_RECORDED.id;
    addPupil(leavers, LEAVER_INDEX.get(group) ?? LEAVER_GROUPS.length - 1, 0, pupil.id);
  }

  // The September Guarantee of the September after the period, for Years 11 and 12 at its end.
  const guaranteeYear = academicYearStartYear(options.period.end) + 1;
  const guaranteeYears = [11, 12];
  const guarantee = emptyCells(guaranteeYears.length, 2);
  for (const facts of scoped.pupils) {
    const row = guaranteeYears.indexOf(facts.yearGroup);
    if (row < 0) continue;
    let offered = false;
    for (const entry of historyOf(facts.pupil.id))
      if (entry.kind === 'guarantee-offer' && entry.guaranteeYear === guaranteeYear) offered = entry.status !== 'none-yet';
    addPupil(guarantee, row, offered ? 0 : 1, facts.pupil.id);
  }

  return [
    {
      id: 'planned-destinations',
      title: 'Planned destination before leaving',
      description: 'Young people in Year 11 (and, for context, Year 13) with a post-16 intended destination recorded.',
      unit: 'pupil',
      countLabel: 'Young people',
      groupLabel: 'Year group',
      orientation: 'vertical',
      groups: [
        { id: '11', label: 'Year 11', axisLabel: 'Year 11', note: 'A planned destination before leaving Year 11' },
        { id: '13', label: 'Year 13', axisLabel: 'Year 13', note: 'For context: before leaving Year 13' },
      ],
      segments: [
        { id: 'planned', label: 'Planned destination recorded' },
        { id: 'not-planned', label: 'None recorded' },
      ],
      cells: planned,
      shareOf: 0,
      notes: [
        'The intended destination last recorded in the destinations history by the end of the period (or today).',
        'The Post-16 white paper (October 2025) expects every young person to have a planned destination before they leave.',
      ],
    },
    {
      id: 'leavers-destinations',
      title: `Where the last Year 11 leavers went (summer ${periodStartYear})`,
      description:
        `Young people who were in Year 11 in ${periodStartYear - 1}/${String(periodStartYear % 100).padStart(2, '0')}, ` +
        'by the NCCIS group of their latest recorded activity.',
      unit: 'pupil',
      countLabel: 'Young people',
      groupLabel: 'Destination group',
      orientation: 'horizontal',
      groups: LEAVER_GROUPS.map((g) => ({ id: g.id, label: g.label, axisLabel: g.id === 'neet' ? 'NEET' : g.label, note: null })),
      segments: [{ id: 'pupils', label: 'Young people' }],
      cells: leavers,
      shareOf: null,
      notes: [
        'The latest current activity, 1 November activity or destination check recorded since they began Year 11, ' +
          'by the end of the period (or today).',
        'Leavers are counted whether or not they are still on the roll; those who withheld consent to tracking are counted too.',
      ],
    },
    {
      id: 'september-guarantee',
      title: `September Guarantee offers for September ${guaranteeYear}`,
      description: 'Young people in Years 11 and 12 with an offer of a suitable place recorded (offered, accepted or declined).',
      unit: 'pupil',
      countLabel: 'Young people',
      groupLabel: 'Year group',
      orientation: 'vertical',
      groups: guaranteeYears.map((y) => ({ id: String(y), label: `Year ${y}`, axisLabel: `Year ${y}`, note: null })),
      segments: [
        { id: 'offered', label: 'Offer made' },
        { id: 'not-offered', label: 'No offer recorded' },
      ],
      cells: guarantee,
      shareOf: 0,
      notes: [
        'The latest September Guarantee entry for that September recorded by the end of the period (or today); ' +
          '"no offer yet" counts as none.',
        'Every Year 11 and Year 12 leaver should have an offer by the end of September.',
      ],
    },
  ];
}
