/**
 * Hard rules about employers that the whole app shares: safety checks (which warn on the employer page
 * and block confirming a placement) and places left in an offer period. Kept here, once.
 */
import type { Employer, Placement, PlacementOffer } from '../model/employer';
import { addMonths, formatUkDate } from '../academic-year';

export type OfferPeriod = PlacementOffer['periods'][number];
export interface DateRange {
  start: string;
  end: string;
}

/**
 * The checks that gate a placement: the dates and the safeguarding confirmation. The risk controls
 * and DBS position are recorded beside them for the paperwork but do not block confirming.
 */
export interface CheckedEmployer {
  checks: Pick<Employer['checks'], 'riskAssessmentOn' | 'insuranceExpiresOn' | 'safeguardingConfirmed'>;
}

/** A risk assessment older than this many months no longer counts. */
export const RISK_ASSESSMENT_VALID_MONTHS = 12;

/** Inclusive on both ends: a placement ending on the day another starts still overlaps it. */
export function rangesOverlap(a: DateRange, b: DateRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/**
 * What is wrong with an employer's safety checks on `onDate`, in words for the adviser; empty when all
 * is in order. With `until` (the last day of a placement), insurance must also run to that day.
 */
export function employerCheckProblems(employer: CheckedEmployer, onDate: string, until?: string): string[] {
  const problems: string[] = [];
  const { riskAssessmentOn, insuranceExpiresOn, safeguardingConfirmed } = employer.checks;
  if (!riskAssessmentOn) {
    problems.push('No risk assessment recorded');
  } else if (riskAssessmentOn < addMonths(onDate, -RISK_ASSESSMENT_VALID_MONTHS)) {
    problems.push(
      `Risk assessment of ${formatUkDate(riskAssessmentOn)} is more than ${RISK_ASSESSMENT_VALID_MONTHS} months old ` +
        `by ${formatUkDate(onDate)}`,
    );
  }
  if (!insuranceExpiresOn) {
    problems.push("No employer's liability insurance expiry date recorded");
  } else if (insuranceExpiresOn < onDate) {
    problems.push(`Employer's liability insurance expired on ${formatUkDate(insuranceExpiresOn)}`);
  } else if (until && insuranceExpiresOn < until) {
    problems.push(
      `Employer's liability insurance expires on ${formatUkDate(insuranceExpiresOn)}, before the placement ends on ${formatUkDate(until)}`,
    );
  }
  if (!safeguardingConfirmed) problems.push('Safeguarding arrangements not confirmed');
  return problems;
}

/** The date the checks must hold on for a placement: its start, or today if it has already begun. */
export function checkDateFor(period: DateRange, today: string): string {
  return period.start > today ? period.start : today;
}

/** Placements that hold a place: everything but cancelled ones. */
export function holdsAPlace(placement: Pick<Placement, 'status'>): boolean {
  return placement.status !== 'cancelled';
}

/**
 * Places left in one of an offer's periods: its capacity less the placements (not cancelled) at this
 * employer and offer whose dates overlap it. A placement with no offer recorded counts against the
 * employer's offer only when the employer has just one offer, since then it can only be that one.
 */
export function capacityLeft(
  employer: Pick<Employer, 'id' | 'offers'>,
  offerId: string,
  period: Pick<OfferPeriod, 'start' | 'end' | 'capacity'>,
  placements: readonly Placement[],
): number {
  const onlyOffer = employer.offers.length === 1 && employer.offers[0]?.id === offerId;
  let taken = 0;
  for (const placement of placements) {
    if (placement.employerId !== employer.id || !holdsAPlace(placement)) continue;
    if (placement.offerId !== offerId && !(placement.offerId === null && onlyOffer)) continue;
    if (rangesOverlap(placement, period)) taken++;
  }
  return Math.max(0, period.capacity - taken);
}
