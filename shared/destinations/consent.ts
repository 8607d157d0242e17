import { ageOn, formatUkDate } from '../dates';
import type { Pupil, TrackingConsent } from '../model';

/**
 * Consent to post-16 tracking, as the form offers it: who decided, and which way. From 16 the young
 * person decides; under 16 a parent or carer may opt them out (Education and Skills Act 2008, s.72).
 */
export const TRACKING_CHOICES = [
  { value: 'not-recorded', label: 'Not recorded yet' },
  { value: 'agreed:young-person', label: 'Agreed by the young person' },
  { value: 'agreed:parent', label: 'Agreed by a parent or carer' },
  { value: 'withheld:young-person', label: 'Withheld by the young person' },
  { value: 'withheld:parent', label: 'Withheld by a parent or carer (under 16 only)' },
] as const;
export type TrackingChoice = (typeof TRACKING_CHOICES)[number]['value'];

export function trackingChoiceOf(consent: TrackingConsent): TrackingChoice {
  if (consent.status === 'not-recorded' || consent.by === null) return 'not-recorded';
  return `${consent.status}:${consent.by}`;
}

/** The consent a choice records, dated `on` (the day it was given or withheld). */
export function trackingFromChoice(choice: TrackingChoice, on: string | null): TrackingConsent {
  if (choice === 'not-recorded') return { status: 'not-recorded', by: null, recordedOn: null };
  const [status, by] = choice.split(':') as ['agreed' | 'withheld', 'young-person' | 'parent'];
  return { status, by, recordedOn: on };
}

/** What is wrong with a recorded consent for this young person, in words for beside the field; null when nothing. */
export function trackingConsentProblem(consent: TrackingConsent, dateOfBirth: string, today: string): string | null {
  if (consent.status === 'not-recorded') return null;
  if (consent.recordedOn === null) return 'Enter the date consent was given or withheld';
  if (consent.recordedOn > today) return 'The date consent was given or withheld cannot be in the future';
  if (/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth) && consent.recordedOn < dateOfBirth)
    return 'The date consent was given or withheld cannot be before the date of birth';
  if (consent.status === 'withheld' && consent.by === 'parent' && /^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth)) {
    const age = ageOn(dateOfBirth, consent.recordedOn);
    if (age >= 16)
      return (
        `They were ${age} on ${formatUkDate(consent.recordedOn)}: ` +
        'from 16 the young person decides, so a parent or carer cannot withhold it for them'
      );
  }
  return null;
}

/** Whether the service may follow up where they went: every young person unless consent was withheld. */
export function isTracked(pupil: Pick<Pupil, 'consent'>): boolean {
  return pupil.consent.tracking.status !== 'withheld';
}

/** Whether their destinations may leave for the council by name: only with consent recorded as agreed. */
export function mayShareDestinations(pupil: Pick<Pupil, 'consent'>): boolean {
  return pupil.consent.tracking.status === 'agreed';
}

/** One line for the young person's page: "Agreed by the young person on 03/09/2026". */
export function trackingConsentInWords(consent: TrackingConsent): string {
  const choice = TRACKING_CHOICES.find((c) => c.value === trackingChoiceOf(consent));
  const label = choice?.label.replace(' (under 16 only)', '') ?? 'Not recorded yet';
  if (consent.status === 'withheld')
    return `${label}${consent.recordedOn ? ` on ${formatUkDate(consent.recordedOn)}` : ''}: tracking has stopped`;
  return consent.recordedOn ? `${label} on ${formatUkDate(consent.recordedOn)}` : label;
}
