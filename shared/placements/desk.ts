/**
 * The placements desk: each work placement's next step in words, whether it needs action, and which of
 * several selected placements can move on together. Pure: the desk and the database layer share these.
 */
import type { CheckedEmployer } from '../matching/checks';
import type { WorkplaceExperience } from '../model/experience';
import type { Pupil } from '../model/pupil';
import { formatUkDate } from '../dates';
import type { PlacementStatusId } from '../reference/lists';
import { confirmGateProblems, DEFAULT_CHECKS_REUSE_MONTHS, type GateFacts } from './gates';
import { nextStatuses, statusLabel, transitionProblem } from './index';

/** What the desk knows of one placement: its dates, status, young person's birth date and consent. */
export interface DeskFacts extends GateFacts {
  id: string;
  status: PlacementStatusId;
}

export interface DeskContext {
  today: string;
  reuseMonths?: number;
}

/** What the placement rules need to know of a work placement and its young person (null when no longer recorded). */
export function deskFacts(experience: WorkplaceExperience, pupil: Pick<Pupil, 'dateOfBirth'> | null): DeskFacts {
  return {
    id: experience.id,
    status: experience.status,
    start: experience.start,
    end: experience.end,
    dateOfBirth: pupil?.dateOfBirth ?? null,
    consent: experience.paperwork.consent,
  };
}

/** Everything that stops a placement moving to `to`, in words: the workflow step, then consent and checks. */
export function placementMoveProblems(
  facts: DeskFacts,
  to: PlacementStatusId,
  employer: CheckedEmployer | null,
  { today, reuseMonths = DEFAULT_CHECKS_REUSE_MONTHS }: DeskContext,
): string[] {
  const problem = transitionProblem(facts.status, to);
  if (problem) return [problem];
  if (to !== 'confirmed') return [];
  if (!employer) return ['The employer of this placement is no longer recorded'];
  return confirmGateProblems(facts, employer, today, reuseMonths);
}

/** The next status along the workflow (never cancelling), or null for a finished placement. */
export function forwardStatus(status: PlacementStatusId): PlacementStatusId | null {
  return nextStatuses(status).find((s) => s !== 'cancelled') ?? null;
}

/** The placement's next step in the adviser's words: "Record parental consent", "Start on 14/06/2027"... */
export function nextStepWords(facts: DeskFacts, employer: CheckedEmployer | null, context: DeskContext): string {
  switch (facts.status) {
    case 'proposed':
      return 'Contact the employer';
    case 'contacted': {
      const blockers = placementMoveProblems(facts, 'confirmed', employer, context);
      if (blockers.some((b) => b.startsWith('No parental consent'))) return 'Record parental consent';
      if (blockers.length > 0) return "Bring the employer's checks up to date";
      return 'Confirm with the employer';
    }
    case 'confirmed':
      return `Start on ${formatUkDate(facts.start)}`;
    case 'in-progress':
      return facts.end < context.today ? 'Record feedback' : `Record feedback after ${formatUkDate(facts.end)}`;
    case 'completed':
    case 'cancelled':
      return `None: ${statusLabel(facts.status).toLowerCase()}`;
  }
}

/**
 * Whether a placement is waiting on the adviser: proposed or contacted (to move on), confirmed and due
 * to start, in progress and past its end (feedback due).
 */
export function needsAction(facts: Pick<DeskFacts, 'status' | 'start' | 'end'>, today: string): boolean {
  switch (facts.status) {
    case 'proposed':
    case 'contacted':
      return true;
    case 'confirmed':
      return facts.start <= today;
    case 'in-progress':
      return facts.end < today;
    default:
      return false;
  }
}

/**
 * The status several placements can all move on to: the next step of the first one that has one
 * (completing takes feedback one by one, so it is never a common step). Null when none can move.
 */
export function commonNextStatus(selected: readonly Pick<DeskFacts, 'status'>[]): PlacementStatusId | null {
  const counts = new Map<PlacementStatusId, number>();
  for (const facts of selected) {
    const to = forwardStatus(facts.status);
    if (to && to !== 'completed') counts.set(to, (counts.get(to) ?? 0) + 1);
  }
  let best: PlacementStatusId | null = null;
  for (const [to, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = to;
  return best;
}

export interface BulkMovePlan {
  to: PlacementStatusId;
  moving: string[];
  cannot: { id: string; reasons: string[] }[];
}

/** Which selected placements will move to `to` and which cannot, with the reasons for each. */
export function bulkMovePlan(
  selected: readonly DeskFacts[],
  to: PlacementStatusId,
  employerOf: (id: string) => CheckedEmployer | null,
  context: DeskContext,
): BulkMovePlan {
  const plan: BulkMovePlan = { to, moving: [], cannot: [] };
  for (const facts of selected) {
    const reasons = to === 'completed' ? ['Completing takes feedback: complete this placement on its own'] : [];
    reasons.push(...placementMoveProblems(facts, to, employerOf(facts.id), context));
    if (reasons.length === 0) plan.moving.push(facts.id);
    else plan.cannot.push({ id: facts.id, reasons });
  }
  return plan;
}
