/**
 * What must be in before a work placement is confirmed: parental consent for a young person under 18 on
 * the placement's start, and the employer's checks, done within the reuse window (6 months by default)
 * before the start and still in order (shared/matching/checks). Pure: the database layer and the
 * screens ask these, never re-decide them.
 */
import type { ParentalConsent } from '../model/experience';
import { addMonths, ageOn, formatUkDate } from '../dates';
import { checkDateFor, employerCheckProblems, type CheckedEmployer, type DateRange } from '../matching/checks';

/** An employer's checks done within this many months before a placement starts are reused. */
export const DEFAULT_CHECKS_REUSE_MONTHS = 6;
/** Parental consent is asked for a young person under this age on the placement's first day. */
export const CONSENT_AGE = 18;

/** Whether a young person born on `dateOfBirth` needs parental consent for a placement starting on `start`. */
export function needsParentalConsent(dateOfBirth: string, start: string): boolean {
  return ageOn(dateOfBirth, start) < CONSENT_AGE;
}

/** Why the placement cannot be confirmed for want of consent, or null when consent is in or not needed. */
export function consentProblem(dateOfBirth: string, start: string, consent: ParentalConsent | null): string | null {
  if (consent || !needsParentalConsent(dateOfBirth, start)) return null;
  return `No parental consent recorded: the young person is under ${CONSENT_AGE} on ${formatUkDate(start)}, when the placement starts`;
}

/**
 * The question to ask before recording consent for a young person who is 18 or over on the start,
 * or null when consent is needed.
 */
export function consentStillNeededQuestion(dateOfBirth: string, start: string): string | null {
  if (needsParentalConsent(dateOfBirth, start)) return null;
  return (
    `This young person is ${ageOn(dateOfBirth, start)} on ${formatUkDate(start)}, when the placement starts, ` +
    `so parental consent is not needed. Record it anyway?`
  );
}

export interface ChecksStanding {
  /** "Checks of 14/01/2027 reused (within 6 months)", when the employer's checks are reused. */
  reused: string | null;
  /** Why the checks do not allow confirming; empty when they do. */
  problems: string[];
}

/**
 * The employer's checks as a placement sees them. They are dated by the risk assessment (the visit at
 * which the checks are done). Done within `reuseMonths` before today, when the placement is confirmed,
 * they are reused rather than asked for again; older, they must be done again. They must also stand
 * for the placement's own dates (employerCheckProblems: insurance to its last day, and so on).
 */
export function checksStanding(
  employer: CheckedEmployer,
  placement: DateRange,
  today: string,
  reuseMonths: number = DEFAULT_CHECKS_REUSE_MONTHS,
): ChecksStanding {
  const problems = employerCheckProblems(employer, checkDateFor(placement, today), placement.end);
  const checkedOn = employer.checks.riskAssessmentOn;
  if (checkedOn === null) return { reused: null, problems };
  const window = `within ${reuseMonths} ${reuseMonths === 1 ? 'month' : 'months'}`;
  if (checkedOn < addMonths(today, -reuseMonths)) {
    const stale =
      `The employer's checks of ${formatUkDate(checkedOn)} are older than ${reuseMonths} months, ` +
      'so they cannot be reused: do them again';
    return { reused: null, problems: [...problems, stale] };
  }
  return { reused: problems.length === 0 ? `Checks of ${formatUkDate(checkedOn)} reused (${window})` : null, problems };
}

export interface GateFacts {
  start: string;
  end: string;
  /** The young person's date of birth, or null when they are no longer recorded. */
  dateOfBirth: string | null;
  consent: ParentalConsent | null;
}

/** Everything that blocks confirming a placement, in words: consent first, then the employer's checks. */
export function confirmGateProblems(
  facts: GateFacts,
  employer: CheckedEmployer,
  today: string,
  reuseMonths: number = DEFAULT_CHECKS_REUSE_MONTHS,
): string[] {
  const problems: string[] = [];
  if (facts.dateOfBirth === null) problems.push('The young person of this placement is no longer recorded');
  else {
    const consent = consentProblem(facts.dateOfBirth, facts.start, facts.consent);
    if (consent) problems.push(consent);
  }
  return [...problems, ...checksStanding(employer, facts, today, reuseMonths).problems];
}
