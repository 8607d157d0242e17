import { isoDateParts } from '../dates';
import type { DestinationEntry, DestinationEntryKind, DestinationSource, GuaranteeOfferStatus } from '../model';
import type { Checked, Problem } from '../model/problems';
import type { DestinationCode } from '../reference';
import type { DestinationEntryInput } from './entry';

/**
 * The form for one entry of the history as the adviser fills it in: every kind's fields at once (the
 * kind chooses which show), dates as the date inputs give them ('' for none), years as typed.
 */
export interface DestinationForm {
  id: string | null;
  kind: DestinationEntryKind;
  recordedOn: string;
  source: DestinationSource;
  code: DestinationCode | null;
  providerId: string | null;
  employerId: string | null;
  routeId: string | null;
  placeName: string;
  notes: string;
  sessionId: string | null;
  guaranteeYear: string;
  status: GuaranteeOfferStatus;
  offeredBy: string;
  offeredOn: string;
  surveyYear: string;
  startOn: string;
  reviewOn: string;
  yearsAfter: 1 | 2 | 3;
  sustained: 'yes' | 'no';
}

/** The labels the form gives its fields, for the error summary. */
export const DESTINATION_FORM_LABELS: Record<string, string> = {
  kind: 'Kind of entry',
  recordedOn: 'Date',
  source: 'Who said so',
  code: 'Destination',
  providerId: 'Provider',
  routeId: 'Route',
  employerId: 'Employer',
  placeName: 'Place not in the directory',
  notes: 'Notes',
  guaranteeYear: 'September of',
  status: 'Where the offer stands',
  offeredBy: 'Who made the offer',
  offeredOn: 'Date of the offer',
  surveyYear: '1 November of',
  startOn: 'Start date',
  reviewOn: 'Review date',
  yearsAfter: 'Years after Year 11',
  sustained: 'Outcome',
};

/** The September a guarantee offer recorded today is most likely for: this one until it is over, then next year's. */
export function likelyGuaranteeYear(today: string): number {
  const { year, month } = isoDateParts(today);
  return month <= 9 ? year : year + 1;
}

/** The 1 November an activity recorded today most likely answers: the last one passed. */
export function likelySurveyYear(today: string): number {
  const { year, month } = isoDateParts(today);
  return month >= 11 ? year : year - 1;
}

export function emptyDestinationForm(kind: DestinationEntryKind, today: string): DestinationForm {
  return {
    id: null,
    kind,
    recordedOn: today,
    source: kind === 'intended' ? 'young-person' : 'school',
    code: null,
    providerId: null,
    employerId: null,
    routeId: null,
    placeName: '',
    notes: '',
    sessionId: null,
    guaranteeYear: String(likelyGuaranteeYear(today)),
    status: 'offered',
    offeredBy: '',
    offeredOn: '',
    surveyYear: String(likelySurveyYear(today)),
    startOn: '',
    reviewOn: '',
    yearsAfter: 1,
    sustained: 'yes',
  };
}

export function destinationFormOf(entry: DestinationEntry, today: string): DestinationForm {
  const form: DestinationForm = {
    ...emptyDestinationForm(entry.kind, today),
    id: entry.id,
    recordedOn: entry.recordedOn,
    source: entry.source,
    code: entry.code,
    providerId: entry.providerId,
    employerId: entry.employerId,
    routeId: entry.routeId,
    placeName: entry.placeName,
    notes: entry.notes,
    sessionId: entry.sessionId,
  };
  if (entry.kind === 'guarantee-offer')
    Object.assign(form, {
      guaranteeYear: String(entry.guaranteeYear),
      status: entry.status,
      offeredBy: entry.offeredBy,
      offeredOn: entry.offeredOn ?? '',
    });
  if (entry.kind === 'november-activity') form.surveyYear = String(entry.surveyYear);
  if (entry.kind === 'activity') Object.assign(form, { startOn: entry.startOn ?? '', reviewOn: entry.reviewOn ?? '' });
  if (entry.kind === 'sustained-check') Object.assign(form, { yearsAfter: entry.yearsAfter, sustained: entry.sustained ? 'yes' : 'no' });
  return form;
}

function yearOf(text: string, field: string, what: string, problems: Problem[]): number {
  const year = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(year) || year < 2000 || year > 2200) {
    problems.push({ field, message: `Enter the year of the ${what} as four figures, for example 2027` });
    return 0;
  }
  return year;
}

/**
 * The entry a form holds, for the repository to check against the young person and save; only the
 * problems a form alone can have (a year that is not a year). The kind's fields only: the others are dropped.
 */
export function destinationInputFromForm(form: DestinationForm, pupilId: string): Checked<DestinationEntryInput> {
  const problems: Problem[] = [];
  const base = {
    id: form.id,
    pupilId,
    recordedOn: form.recordedOn,
    source: form.source,
    providerId: form.providerId,
    employerId: form.employerId,
    routeId: form.providerId === null ? null : form.routeId,
    placeName: form.placeName,
    sessionId: form.sessionId,
    notes: form.notes,
  };
  const orNull = (date: string) => (date.trim() === '' ? null : date);
  let input: DestinationEntryInput;
  switch (form.kind) {
    case 'intended':
      // An empty code is left for the schema to refuse, beside the field, in its own words.
      input = { ...base, kind: 'intended', code: form.code as DestinationCode };
      break;
    case 'guarantee-offer':
      input = {
        ...base,
        kind: 'guarantee-offer',
        guaranteeYear: yearOf(form.guaranteeYear, 'guaranteeYear', 'September', problems),
        status: form.status,
        offeredBy: form.offeredBy,
        offeredOn: orNull(form.offeredOn),
        code: form.code,
      };
      break;
    case 'november-activity':
      input = {
        ...base,
        kind: 'november-activity',
        surveyYear: yearOf(form.surveyYear, 'surveyYear', '1 November', problems),
        code: form.code as DestinationCode,
      };
      break;
    case 'activity':
      input = {
        ...base,
        kind: 'activity',
        code: form.code as DestinationCode,
        startOn: orNull(form.startOn),
        reviewOn: orNull(form.reviewOn),
      };
      break;
    case 'sustained-check':
      input = {
        ...base,
        kind: 'sustained-check',
        yearsAfter: form.yearsAfter,
        code: form.code as DestinationCode,
        sustained: form.sustained === 'yes',
      };
      break;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: input };
}
