/**
 * The destinations work lists: who needs asking about where they are going or went. Pure functions of the
 * young people, their history entries and today, so the page, the Today counts and the tests agree.
 *
 * The dates, for a young person who leaves Year 11 in the summer of year L (their year group is always
 * `yearGroupOf`, so an override moves them with it):
 *
 * - **Year 11s with no planned destination**: in Year 11 today, with no intended destination in education,
 *   employment or training (none, or a NEET or "not known" code), and no accepted September Guarantee offer
 *   for the coming September.
 * - **No September Guarantee offer yet**: the Year 11 and Year 12 young people leaving in the summer of G,
 *   from 1 July to 30 September of G with no offered or accepted entry for September G; then **overdue**
 *   from 1 October until one is recorded, or until the next summer's guarantee begins on 1 July of G + 1
 *   (by then the Year 12 leavers are leaving Year 13, and the Year 11 leavers are in the next one).
 *   Before 1 July the coming September's guarantee lists no one: offers are made over the summer term's end,
 *   and listing a whole year group in June would only bury the overdue ones.
 * - **1 November activity not confirmed**: the Year 11 leavers of the summer of S, from 1 November of S until
 *   the next 1 November, with no `november-activity` entry for survey year S.
 * - **Destination check due**: the check n years after Year 11 (n = 1, 2, 3) is due from 1 November of L + n,
 *   for a year, until a `sustained-check` with yearsAfter n is recorded. A check not made within its year
 *   leaves the list when the next one is due: the later check asks the same question of a longer stretch.
 *
 * Consent and the caseload:
 * - Young people whose consent to tracking is withheld are left off the follow-up lists (September Guarantee,
 *   1 November, checks): chasing an offer or an activity after school is tracking, and it stops where it is
 *   withheld. Each list counts them, so no one is silently missing. A planned destination while still in
 *   Year 11 is guidance at school, not tracking: they stay on that list.
 * - Young people who have left the service's caseload (`leftOn` on or before today) are on no list: the service
 *   no longer works with them. Each list counts them too.
 */
import { yearGroupLabel, yearGroupOf, isoDateParts } from '../academic-year';
import { displayName, type DestinationEntry, type Pupil } from '../model';
import type { DestinationCode } from '../reference';
import { isTracked } from './consent';
import { currentDestinationCodes, isPlannedDestination } from './current';

/** What the lists read of a young person. */
export type WorkListPupil = Pick<
  Pupil,
  | 'id'
  | 'legalForename'
  | 'legalSurname'
  | 'preferredForename'
  | 'preferredSurname'
  | 'dateOfBirth'
  | 'yearGroupOverride'
  | 'consent'
  | 'leftOn'
  | 'schoolId'
>;

export const WORK_LIST_KINDS = ['no-plan', 'guarantee', 'november', 'check'] as const;
export type WorkListKind = (typeof WORK_LIST_KINDS)[number];
export const WORK_LIST_TITLES: Record<WorkListKind, string> = {
  'no-plan': 'Year 11s with no planned destination',
  guarantee: 'No September Guarantee offer yet',
  november: '1 November activity not confirmed',
  check: 'Destination check due',
};

interface RowBase {
  pupilId: string;
  pupilName: string;
  schoolId: string | null;
  /** "Year 12", or "Left school" past Year 13. */
  yearGroupLabel: string;
  /** Their latest intended destination and latest known activity, from the history. */
  intendedDestination: DestinationCode | null;
  actualDestination: DestinationCode | null;
}

export type NoPlanRow = RowBase;
export interface GuaranteeRow extends RowBase {
  /** The September the offer is for. */
  guaranteeYear: number;
  /** Past 30 September of that year with none recorded. */
  overdue: boolean;
  /** The latest entry for that September that is not an offer (declined, or asked and none yet), if any. */
  lastStatus: 'declined' | 'none-yet' | null;
}
export interface NovemberRow extends RowBase {
  surveyYear: number;
}
export interface CheckRow extends RowBase {
  yearsAfter: 1 | 2 | 3;
  /** The summer they left Year 11. */
  leftYear11In: number;
  dueFrom: string;
}

export interface WorkList<Row> {
  rows: Row[];
  /** Left off because consent to tracking was withheld. */
  withheld: number;
  /** Left off because they have left the service's caseload. */
  leftCaseload: number;
}

export interface DestinationWorkLists {
  today: string;
  noPlan: WorkList<NoPlanRow>;
  guarantee: WorkList<GuaranteeRow> & { guaranteeYear: number; overdue: boolean };
  november: WorkList<NovemberRow> & { surveyYear: number };
  check: WorkList<CheckRow>;
}

/** The year group a young person was in at the end of the summer term of `year` (30 June). */
function yearGroupInSummerOf(pupil: WorkListPupil, year: number): number {
  return yearGroupOf(pupil, `${year}-06-30`);
}

/**
 * The September Guarantee that is due or overdue today, and whether it is overdue: from 1 July to
 * 30 September of G it is due; from 1 October of G to 30 June of G + 1 it is overdue.
 */
export function guaranteeYearOn(today: string): { guaranteeYear: number; overdue: boolean } {
  const { year, month } = isoDateParts(today);
  if (month >= 7 && month <= 9) return { guaranteeYear: year, overdue: false };
  return { guaranteeYear: month >= 10 ? year : year - 1, overdue: true };
}

/**
 * The latest 1 November on or before today: its year is the survey year whose activity is being confirmed,
 * and the year that the destination checks count from.
 */
export function surveyYearOn(today: string): number {
  const { year, month } = isoDateParts(today);
  return month >= 11 ? year : year - 1;
}

function rowBase(pupil: WorkListPupil, entries: readonly DestinationEntry[], today: string): RowBase {
  return {
    pupilId: pupil.id,
    pupilName: displayName(pupil),
    schoolId: pupil.schoolId,
    yearGroupLabel: yearGroupLabel(yearGroupOf(pupil, today)),
    ...currentDestinationCodes(entries),
  };
}

function emptyList<Row>(): WorkList<Row> {
  return { rows: [], withheld: 0, leftCaseload: 0 };
}

/** The four work lists on `today`, each in name order. */
export function destinationWorkLists(
  pupils: readonly WorkListPupil[],
  entries: readonly DestinationEntry[],
  today: string,
): DestinationWorkLists {
  const byPupil = new Map<string, DestinationEntry[]>();
  for (const entry of entries) {
    const list = byPupil.get(entry.pupilId);
    if (list) list.push(entry);
    else byPupil.set(entry.pupilId, [entry]);
  }
  const { guaranteeYear, overdue } = guaranteeYearOn(today);
  const surveyYear = surveyYearOn(today);
  const noPlan = emptyList<NoPlanRow>();
  const guarantee = emptyList<GuaranteeRow>();
  const november = emptyList<NovemberRow>();
  const check = emptyList<CheckRow>();

  for (const pupil of pupils) {
    const history = byPupil.get(pupil.id) ?? [];
    const left = pupil.leftOn !== null && pupil.leftOn <= today;
    const tracked = isTracked(pupil);
    const base = () => rowBase(pupil, history, today);
    /** Adds the young person to a list unless they have left, or are untracked where the list is follow-up. */
    const place = <Row>(list: WorkList<Row>, followUp: boolean, row: () => Row) => {
      if (left) list.leftCaseload += 1;
      else if (followUp && !tracked) list.withheld += 1;
      else list.rows.push(row());
    };

    // Year 11s with no planned destination (and no accepted offer for the coming September).
    const yearGroup = yearGroupOf(pupil, today);
    if (yearGroup === 11) {
      const comingSeptember = isoDateParts(today).year + (isoDateParts(today).month >= 9 ? 1 : 0);
      const current = currentDestinationCodes(history);
      const accepted = history.some((e) => e.kind === 'guarantee-offer' && e.guaranteeYear === comingSeptember && e.status === 'accepted');
      if (!isPlannedDestination(current.intendedDestination) && !accepted) place(noPlan, false, base);
    }

    // No September Guarantee offer yet: Years 11 and 12 in the summer before September G.
    if ([11, 12].includes(yearGroupInSummerOf(pupil, guaranteeYear))) {
      const forThatSeptember = history.filter((e) => e.kind === 'guarantee-offer' && e.guaranteeYear === guaranteeYear);
      const offered = forThatSeptember.some((e) => e.kind === 'guarantee-offer' && (e.status === 'offered' || e.status === 'accepted'));
      if (!offered) {
        const latest = [...forThatSeptember].sort((a, b) => (a.recordedOn < b.recordedOn ? -1 : a.recordedOn > b.recordedOn ? 1 : 0)).pop();
        const lastStatus =
          latest?.kind === 'guarantee-offer' && (latest.status === 'declined' || latest.status === 'none-yet') ? latest.status : null;
        place(guarantee, true, () => ({ ...base(), guaranteeYear, overdue, lastStatus }));
      }
    }

    // 1 November activity: the Year 11 leavers of the summer of the survey year.
    const leftYear11In = (n: number) => yearGroupInSummerOf(pupil, surveyYear - n) === 11;
    if (leftYear11In(0) && !history.some((e) => e.kind === 'november-activity' && e.surveyYear === surveyYear))
      place(november, true, () => ({ ...base(), surveyYear }));

    // Destination checks one, two and three years after Year 11, each due for a year from 1 November.
    for (const yearsAfter of [1, 2, 3] as const) {
      if (!leftYear11In(yearsAfter)) continue;
      if (history.some((e) => e.kind === 'sustained-check' && e.yearsAfter === yearsAfter)) continue;
      place(check, true, () => ({ ...base(), yearsAfter, leftYear11In: surveyYear - yearsAfter, dueFrom: `${surveyYear}-11-01` }));
    }
  }

  const byName = <Row extends RowBase>(list: WorkList<Row>) => {
    list.rows.sort((a, b) => a.pupilName.localeCompare(b.pupilName, 'en-GB'));
    return list;
  };
  return {
    today,
    noPlan: byName(noPlan),
    guarantee: { ...byName(guarantee), guaranteeYear, overdue },
    november: { ...byName(november), surveyYear },
    check: byName(check),
  };
}

/** How many young people each list holds, for the Today page. */
export function workListCounts(lists: DestinationWorkLists): Record<WorkListKind, number> {
  return {
    'no-plan': lists.noPlan.rows.length,
    guarantee: lists.guarantee.rows.length,
    november: lists.november.rows.length,
    check: lists.check.rows.length,
  };
}
