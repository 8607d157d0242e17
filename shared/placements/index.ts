/**
 * The rules of a work-experience placement's life: which status may follow which, what blocks
 * confirming it, what stops a new one being proposed, and which placements count towards Gatsby
 * Benchmark 6. Pure: the database layer and the screens call these, never re-implement them.
 */
import type { Employer, Placement } from '../model/employer';
import type { Problem } from '../model/problems';
import { labelOf, PLACEMENT_STATUSES, type PlacementStatusId } from '../reference/lists';
import { formatUkDate } from '../academic-year';
import {
  capacityLeft,
  checkDateFor,
  type CheckedEmployer,
  employerCheckProblems,
  holdsAPlace,
  rangesOverlap,
  type DateRange,
} from '../matching/checks';

/**
 * Proposed, then contacted, confirmed, in progress and completed, one step at a time; any placement
 * not yet finished may be cancelled. Completed and cancelled placements are final.
 */
export const PLACEMENT_TRANSITIONS: Readonly<Record<PlacementStatusId, readonly PlacementStatusId[]>> = {
  proposed: ['contacted', 'cancelled'],
  contacted: ['confirmed', 'cancelled'],
  confirmed: ['in-progress', 'cancelled'],
  'in-progress': ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

/** What the button that moves a placement to each status says. */
export const PLACEMENT_STEP_LABELS: Readonly<Record<PlacementStatusId, string>> = {
  proposed: 'Propose',
  contacted: 'Mark contacted',
  confirmed: 'Confirm',
  'in-progress': 'Start',
  completed: 'Complete',
  cancelled: 'Cancel placement',
};

export function statusLabel(status: PlacementStatusId): string {
  return labelOf(PLACEMENT_STATUSES, status);
}

/** The statuses a placement may move to next, in workflow order (cancelling last). */
export function nextStatuses(status: PlacementStatusId): readonly PlacementStatusId[] {
  return PLACEMENT_TRANSITIONS[status];
}

export function canMoveTo(from: PlacementStatusId, to: PlacementStatusId): boolean {
  return PLACEMENT_TRANSITIONS[from].includes(to);
}

/** Why a placement cannot move from one status to another, or null when it can. */
export function transitionProblem(from: PlacementStatusId, to: PlacementStatusId): string | null {
  if (canMoveTo(from, to)) return null;
  const next = nextStatuses(from);
  if (next.length === 0) return `This placement is ${statusLabel(from).toLowerCase()}, so its status can no longer change`;
  const choices = next.map((s) => statusLabel(s).toLowerCase()).join(' or ');
  return `A placement that is ${statusLabel(from).toLowerCase()} cannot become ${statusLabel(to).toLowerCase()}; next it can be ${choices}`;
}

/**
 * Why a placement may not be confirmed: the employer's safety checks as they will stand when it
 * starts (or today, if it has begun), with insurance running to its last day. Empty when it may.
 */
export function confirmBlockers(employer: CheckedEmployer, placement: DateRange, today: string): string[] {
  return employerCheckProblems(employer, checkDateFor(placement, today), placement.end);
}

/** Everything that stops a placement moving to `to` today, in words; empty when the move is allowed. */
export function statusChangeProblems(
  placement: Pick<Placement, 'status' | 'start' | 'end'>,
  to: PlacementStatusId,
  employer: CheckedEmployer,
  today: string,
): string[] {
  const problem = transitionProblem(placement.status, to);
  if (problem) return [problem];
  return to === 'confirmed' ? confirmBlockers(employer, placement, today) : [];
}

export interface ProposalInput {
  pupilId: string;
  employerId: string;
  offerId: string;
  start: string;
  end: string;
}

/**
 * Why a placement cannot be proposed for a pupil in an offer period: the offer or period is not the
 * employer's, no places are left (capacityLeft), or the pupil already has a placement on those dates.
 * `placements` must hold the employer's placements and the pupil's. Problems name the field they concern.
 */
export function proposalProblems(
  input: ProposalInput,
  employer: Pick<Employer, 'id' | 'name' | 'offers'>,
  placements: readonly Placement[],
): Problem[] {
  const offer = employer.offers.find((o) => o.id === input.offerId);
  if (!offer) return [{ field: 'offerId', message: `Choose one of ${employer.name}'s offers` }];
  if (input.end < input.start) return [{ field: 'period', message: 'The placement must end on or after the day it starts' }];
  const period = offer.periods.find((p) => p.start <= input.start && input.end <= p.end);
  if (!period) return [{ field: 'period', message: `Choose one of the periods of "${offer.title}"` }];
  const problems: Problem[] = [];
  const left = capacityLeft(employer, offer.id, period, placements);
  if (left === 0) {
    problems.push({
      field: 'period',
      message:
        `No places left in "${offer.title}" from ${formatUkDate(period.start)} to ${formatUkDate(period.end)}: ` +
        `all ${period.capacity} ${period.capacity === 1 ? 'place is' : 'places are'} taken`,
    });
  }
  const clash = placements.find((p) => p.pupilId === input.pupilId && holdsAPlace(p) && rangesOverlap(p, input));
  if (clash) {
    problems.push({
      field: 'pupilId',
      message:
        clash.employerId === employer.id
          ? `This young person already has a placement here from ${formatUkDate(clash.start)} to ${formatUkDate(clash.end)}`
          : `This young person already has a placement elsewhere from ${formatUkDate(clash.start)} to ${formatUkDate(clash.end)}`,
    });
  }
  return problems;
}

/** Placements not yet finished: proposed, contacted, confirmed or in progress. */
export function isUnderWay(placement: Pick<Placement, 'status'>): boolean {
  return nextStatuses(placement.status).length > 0;
}

/** The employer's offers that have placements under way (offer id to title): removing them would orphan those. */
export function offersInUse(
  employer: Pick<Employer, 'offers'>,
  placements: readonly Pick<Placement, 'status' | 'offerId'>[],
): Map<string, string> {
  const inUse = new Map<string, string>();
  for (const offer of employer.offers) {
    if (placements.some((p) => p.offerId === offer.id && isUnderWay(p))) inUse.set(offer.id, offer.title);
  }
  return inUse;
}

/** Gatsby Benchmark 6 (experiences of workplaces) counts completed placements only. */
export function countsTowardsBenchmark6(placement: Pick<Placement, 'status'>): boolean {
  return placement.status === 'completed';
}

/** The young people with at least one placement that counts towards Benchmark 6, optionally within dates. */
export function pupilsWithWorkplaceExperience(placements: readonly Placement[], within?: DateRange): Set<string> {
  const ids = new Set<string>();
  for (const placement of placements) {
    if (!countsTowardsBenchmark6(placement)) continue;
    if (within && !rangesOverlap(placement, within)) continue;
    ids.add(placement.pupilId);
  }
  return ids;
}

export const WOULD_HOST_AGAIN = [
  { id: 'yes', label: 'Yes' },
  { id: 'no', label: 'No' },
  { id: 'not-asked', label: 'Not asked' },
] as const;
export type WouldHostAgainAnswer = (typeof WOULD_HOST_AGAIN)[number]['id'];

export function wouldHostAgainValue(answer: WouldHostAgainAnswer): boolean | null {
  return answer === 'yes' ? true : answer === 'no' ? false : null;
}

export function wouldHostAgainAnswer(value: boolean | null): WouldHostAgainAnswer {
  return value === true ? 'yes' : value === false ? 'no' : 'not-asked';
}

export * from './gates';
export * from './desk';
