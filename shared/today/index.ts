/**
 * Today: what is waiting on the adviser using the computer, from the caseload's facts. Pure: the day,
 * the moment and the adviser come in, nothing reads the clock.
 *
 * - Reviews: the young person's latest action plan with its review on or before Sunday of this week
 *   (Monday to Sunday), not yet held: no guidance meeting on or after the review day. Earlier days are overdue.
 * - Overdue actions: open actions due before today (shared/sessions openActionsOf).
 * - Not seen this year: Years 11 and 13 on today, still on the caseload (not left), with no guidance
 *   meeting since 1 September of the current academic year.
 * - Placements needing a step: shared/placements needsAction, with nextStepWords.
 * - Drafts left unsaved: every draft on this computer, newest first, with how long ago it was typed.
 *
 * Whose: with an adviser chosen, only young people on their caseload: those they are the home-education
 * liaison officer for, have met in a guidance session, or agreed an action plan with. With nobody
 * chosen, everyone's.
 */
import { academicYearOf, addDays, formatUkDate, isoDateParts, yearGroupOf, type YearGroupFacts } from '../academic-year';
import type { CheckedEmployer } from '../matching/checks';
import type { ActionPlan, Draft } from '../model/guidance';
import type { Pupil } from '../model/pupil';
import { displayName } from '../model/pupil';
import type { PlacementStatusId } from '../reference/lists';
import { DEFAULT_CHECKS_REUSE_MONTHS } from '../placements/gates';
import { needsAction, nextStepWords, type DeskFacts } from '../placements/desk';
import { openActionsOf, type OpenAction } from '../sessions/rules';

/** The year groups whose guidance cannot wait: the last years of school and of sixth form. */
export const KEY_YEAR_GROUPS: readonly number[] = [11, 13];

export type TodayPupil = Pick<
  Pupil,
  'id' | 'legalForename' | 'legalSurname' | 'preferredForename' | 'preferredSurname' | 'lastGuidanceOn' | 'leftOn' | 'liaisonOfficerId'
> &
  YearGroupFacts;

export type TodayPlan = Pick<ActionPlan, 'id' | 'pupilId' | 'adviserId' | 'actions' | 'reviewOn' | 'agreedOn' | 'updatedAt'>;

export interface TodayPlacement {
  facts: DeskFacts;
  pupilId: string;
  employer: CheckedEmployer | null;
  employerName: string;
}

export interface TodayFacts {
  /** The day (ISO date) the list is for. */
  today: string;
  /** This moment, for how long ago a draft was typed. */
  now: Date;
  /** The adviser using the computer, or null for everyone's. */
  adviserId: string | null;
  /** Every young person the other facts name, and the Year 11 and 13 candidates for "not seen". */
  pupils: readonly TodayPupil[];
  /** Young people the adviser has met in a guidance session or agreed a plan with (ignored when adviserId is null). */
  metByAdviser: ReadonlySet<string>;
  /** Plans with a review due by the end of the week or an action overdue, and every later plan of the same young people. */
  plans: readonly TodayPlan[];
  placements: readonly TodayPlacement[];
  drafts: readonly Pick<Draft, 'id' | 'kind' | 'pupilId' | 'recordId' | 'updatedAt'>[];
  reuseMonths?: number;
}

export interface ReviewDue {
  planId: string;
  pupilId: string;
  pupilName: string;
  reviewOn: string;
  overdue: boolean;
}

export interface OverdueAction extends OpenAction {
  pupilName: string;
}

export interface NotSeen {
  pupilId: string;
  pupilName: string;
  yearGroup: number;
  lastGuidanceOn: string | null;
}

export interface PlacementStep {
  placementId: string;
  pupilId: string;
  pupilName: string;
  employerName: string;
  status: PlacementStatusId;
  nextStep: string;
  /** The step is a parent's or carer's consent, recorded on the placement's paperwork page. */
  consentDue: boolean;
}

export interface DraftLeft {
  draftId: string;
  kind: Draft['kind'];
  pupilId: string;
  pupilName: string;
  recordId: string | null;
  updatedAt: string;
  ago: string;
}

export interface TodayLists {
  weekStart: string;
  weekEnd: string;
  yearStart: string;
  reviews: ReviewDue[];
  overdueActions: OverdueAction[];
  notSeen: NotSeen[];
  placements: PlacementStep[];
  drafts: DraftLeft[];
}

/** Monday and Sunday of the week holding `today` (ISO dates). */
export function weekOf(today: string): { start: string; end: string } {
  const { year, month, day } = isoDateParts(today);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay(); // 0 Sunday to 6 Saturday
  const start = addDays(today, -((weekday + 6) % 7));
  return { start, end: addDays(start, 6) };
}

/** "just now", "5 minutes ago", "3 hours ago", "yesterday", "4 days ago", or the date past a fortnight. */
export function howLongAgo(iso: string, now: Date): string {
  const minutes = Math.floor((now.getTime() - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return hours === 1 ? '1 hour ago' : `${hours} hours ago`;
  const days = Math.floor(hours / 24);
  if (days === 1) return 'yesterday';
  if (days <= 14) return `${days} days ago`;
  return `on ${formatUkDate(iso.slice(0, 10))}`;
}

/** Whether the young person is the adviser's: liaison officer for them, or met them or agreed a plan with them. */
export function onCaseloadOf(
  pupil: Pick<TodayPupil, 'id' | 'liaisonOfficerId'>,
  adviserId: string | null,
  metByAdviser: ReadonlySet<string>,
): boolean {
  return adviserId === null || pupil.liaisonOfficerId === adviserId || metByAdviser.has(pupil.id);
}

function hasLeft(pupil: Pick<TodayPupil, 'leftOn'>, today: string): boolean {
  return pupil.leftOn !== null && pupil.leftOn <= today;
}

/** A plan's place in a young person's history: the day agreed, else the last change. */
function planMoment(plan: TodayPlan): string {
  return plan.agreedOn ?? plan.updatedAt.slice(0, 10);
}

/** The lists of the Today page, each in the order it is worked through. */
export function todayLists(facts: TodayFacts): TodayLists {
  const { today, adviserId } = facts;
  const week = weekOf(today);
  const yearStart = academicYearOf(today).start;
  const pupilById = new Map(facts.pupils.map((p) => [p.id, p]));
  /** The young person, when they are on the list's caseload and still on the service's. */
  const ours = (pupilId: string): TodayPupil | null => {
    const pupil = pupilById.get(pupilId);
    if (!pupil || hasLeft(pupil, today) || !onCaseloadOf(pupil, adviserId, facts.metByAdviser)) return null;
    return pupil;
  };

  const latestPlan = new Map<string, TodayPlan>();
  for (const plan of facts.plans) {
    const current = latestPlan.get(plan.pupilId);
    if (
      !current ||
      planMoment(plan) > planMoment(current) ||
      (planMoment(plan) === planMoment(current) && plan.updatedAt > current.updatedAt)
    )
      latestPlan.set(plan.pupilId, plan);
  }

  const reviews: ReviewDue[] = [];
  for (const plan of latestPlan.values()) {
    const pupil = ours(plan.pupilId);
    if (!pupil || plan.reviewOn === null || plan.reviewOn > week.end) continue;
    if (pupil.lastGuidanceOn !== null && pupil.lastGuidanceOn >= plan.reviewOn) continue;
    reviews.push({
      planId: plan.id,
      pupilId: pupil.id,
      pupilName: displayName(pupil),
      reviewOn: plan.reviewOn,
      overdue: plan.reviewOn < today,
    });
  }
  reviews.sort((a, b) => a.reviewOn.localeCompare(b.reviewOn) || a.pupilName.localeCompare(b.pupilName));

  const overdueActions: OverdueAction[] = [];
  for (const plan of facts.plans) {
    const pupil = ours(plan.pupilId);
    if (!pupil) continue;
    for (const open of openActionsOf(plan, today)) if (open.overdue) overdueActions.push({ ...open, pupilName: displayName(pupil) });
  }
  overdueActions.sort((a, b) => a.action.byWhen.localeCompare(b.action.byWhen) || a.pupilName.localeCompare(b.pupilName));

  const notSeen: NotSeen[] = [];
  for (const pupil of facts.pupils) {
    const yearGroup = yearGroupOf(pupil, today);
    if (!KEY_YEAR_GROUPS.includes(yearGroup) || ours(pupil.id) === null) continue;
    if (pupil.lastGuidanceOn !== null && pupil.lastGuidanceOn >= yearStart) continue;
    notSeen.push({ pupilId: pupil.id, pupilName: displayName(pupil), yearGroup, lastGuidanceOn: pupil.lastGuidanceOn });
  }
  notSeen.sort(
    (a, b) =>
      b.yearGroup - a.yearGroup || (a.lastGuidanceOn ?? '').localeCompare(b.lastGuidanceOn ?? '') || a.pupilName.localeCompare(b.pupilName),
  );

  const context = { today, reuseMonths: facts.reuseMonths ?? DEFAULT_CHECKS_REUSE_MONTHS };
  const placements: PlacementStep[] = [];
  for (const placement of facts.placements) {
    const pupil = ours(placement.pupilId);
    if (!pupil || !needsAction(placement.facts, today)) continue;
    const nextStep = nextStepWords(placement.facts, placement.employer, context);
    placements.push({
      placementId: placement.facts.id,
      pupilId: pupil.id,
      pupilName: displayName(pupil),
      employerName: placement.employerName,
      status: placement.facts.status,
      nextStep,
      consentDue: nextStep === 'Record parental consent',
    });
  }

  const drafts: DraftLeft[] = [];
  for (const draft of [...facts.drafts].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))) {
    const pupil = pupilById.get(draft.pupilId);
    if (!pupil) continue;
    drafts.push({
      draftId: draft.id,
      kind: draft.kind,
      pupilId: pupil.id,
      pupilName: displayName(pupil),
      recordId: draft.recordId,
      updatedAt: draft.updatedAt,
      ago: howLongAgo(draft.updatedAt, facts.now),
    });
  }

  return { weekStart: week.start, weekEnd: week.end, yearStart, reviews, overdueActions, notSeen, placements, drafts };
}
