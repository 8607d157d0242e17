/**
 * The rules of the "add or edit an employer" form, in one place: what the form holds as typed, how it
 * becomes a record, and every check with a message that says what to do. Field names are dotted paths
 * ("offers.0.periods.1.end") so each message can sit beside its field.
 */
import { normalisePostcode } from '../identifiers';
import { defaultDistrictFor, outcodeOf, type AreaId } from '../reference';
import type { SectorId } from '../reference/sectors';
import {
  clockTimeSchema,
  DAY_FINISHES_AT,
  DAY_STARTS_AT,
  employerSchema,
  RISK_CONTROLS_MAX_LENGTH,
  type DbsPosition,
  type Employer,
  PUBLIC_TRANSPORT_NOTE_MAX_LENGTH,
  type PublicTransportOverride,
  type PublicTransportVerdict,
} from '../model/employer';
import { isoDateSchema, type PickedStop } from '../model/common';
import { problemsFromZod, type Checked, type Problem } from '../model/problems';
import { rangesOverlap } from '../matching/checks';
import { formatNumber } from '../numbers';

/** Year groups an offer can take, as the form's checkboxes. */
export const OFFER_YEAR_GROUPS = [7, 8, 9, 10, 11, 12, 13] as const;
export const MINIMUM_AGE_RANGE = { min: 11, max: 25 } as const;
export const MAX_PERIOD_CAPACITY = 500;

export interface PeriodForm {
  start: string;
  end: string;
  capacity: number | null;
  /** "08:50" as typed: when the young person must arrive (left out: the usual day). */
  startTime?: string;
  /** "16:00" as typed: when they leave (left out: the usual day). */
  finishTime?: string;
}

export interface OfferForm {
  id: string;
  title: string;
  periods: PeriodForm[];
  yearGroups: number[];
  minimumAge: number | null;
}

export interface EmployerForm {
  name: string;
  sector: SectorId | null;
  address: string;
  postcode: string;
  /** Chosen district; null means "use the default for the postcode". */
  district: AreaId | null;
  /** The stop nearest the workplace, picked from the timetable; null for none. */
  nearestStop: PickedStop | null;
  contact: { name: string; email: string; phone: string };
  offers: OfferForm[];
  offersApprenticeships: boolean;
  offersWorkplaceVisits: boolean;
  offersTalks: boolean;
  attendsCareersFairs: boolean;
  requirements: Omit<Employer['requirements'], 'publicTransportOverride'>;
  /** The adviser's judgement on public transport: null for none (journeys decide); the note as typed. */
  publicTransport: { verdict: PublicTransportVerdict | null; note: string; recordedOn: string };
  /** Dates as typed ('' when not recorded); the controls agreed as typed; the DBS position, null until recorded. */
  checks: {
    riskAssessmentOn: string;
    insuranceExpiresOn: string;
    safeguardingConfirmed: boolean;
    riskControls: string;
    dbsPosition: DbsPosition | null;
  };
  notes: string;
}

export type EmployerRecordInput = Omit<Employer, 'id' | 'createdAt' | 'updatedAt'>;

export function emptyPeriod(): PeriodForm {
  return { start: '', end: '', capacity: 1, startTime: DAY_STARTS_AT, finishTime: DAY_FINISHES_AT };
}

/** A new offer, with one empty period; `id` is a fresh UUID from the caller. */
export function emptyOffer(id: string): OfferForm {
  return { id, title: 'Work-experience placement', periods: [emptyPeriod()], yearGroups: [10, 11, 12], minimumAge: 14 };
}

export function emptyEmployerForm(): EmployerForm {
  return {
    name: '',
    sector: null,
    address: '',
    postcode: '',
    district: null,
    nearestStop: null,
    contact: { name: '', email: '', phone: '' },
    offers: [],
    offersApprenticeships: false,
    offersWorkplaceVisits: false,
    offersTalks: false,
    attendsCareersFairs: false,
    requirements: { dbsNeeded: false, protectiveEquipment: false, stepFreeAccess: false },
    publicTransport: { verdict: null, note: '', recordedOn: '' },
    checks: { riskAssessmentOn: '', insuranceExpiresOn: '', safeguardingConfirmed: false, riskControls: '', dbsPosition: null },
    notes: '',
  };
}

export function formFromEmployer(employer: Employer): EmployerForm {
  return {
    name: employer.name,
    sector: employer.sector,
    address: employer.address,
    postcode: employer.postcode ?? '',
    district: employer.district,
    nearestStop: employer.nearestStop ?? null,
    contact: { ...employer.contact },
    offers: employer.offers.map((offer) => ({
      id: offer.id,
      title: offer.title,
      periods: offer.periods.map((p) => ({
        start: p.start,
        end: p.end,
        capacity: p.capacity,
        startTime: p.startTime ?? DAY_STARTS_AT,
        finishTime: p.finishTime ?? DAY_FINISHES_AT,
      })),
      yearGroups: [...offer.yearGroups],
      minimumAge: offer.minimumAge,
    })),
    offersApprenticeships: employer.offersApprenticeships,
    offersWorkplaceVisits: employer.offersWorkplaceVisits,
    offersTalks: employer.offersTalks,
    attendsCareersFairs: employer.attendsCareersFairs,
    requirements: {
      dbsNeeded: employer.requirements.dbsNeeded,
      protectiveEquipment: employer.requirements.protectiveEquipment,
      stepFreeAccess: employer.requirements.stepFreeAccess,
    },
    publicTransport: publicTransportFormOf(employer.requirements.publicTransportOverride),
    checks: {
      riskAssessmentOn: employer.checks.riskAssessmentOn ?? '',
      insuranceExpiresOn: employer.checks.insuranceExpiresOn ?? '',
      safeguardingConfirmed: employer.checks.safeguardingConfirmed,
      riskControls: employer.checks.riskControls,
      dbsPosition: employer.checks.dbsPosition,
    },
    notes: employer.notes,
  };
}

export interface EmployerFormContext {
  /** Kept from the stored record when editing: the form does not own it. */
  existing?: Pick<Employer, 'isDemo'>;
  /** Offers that still have placements under way (offer id to its title): they cannot be removed. */
  offersInUse?: ReadonlyMap<string, string>;
  /** Today, ISO: the date a new public-transport judgement is recorded on. */
  today?: string;
}

function publicTransportFormOf(override: PublicTransportOverride | null): EmployerForm['publicTransport'] {
  return override ? { ...override } : { verdict: null, note: '', recordedOn: '' };
}

/** The form's public-transport judgement as the record keeps it; a judgement needs its note. */
export function publicTransportOverrideOf(
  form: EmployerForm['publicTransport'],
  today: string,
  add: (field: string, message: string) => void,
): PublicTransportOverride | null {
  if (form.verdict === null) return null;
  const note = form.note.trim();
  if (note === '') add('publicTransport.note', 'Say why: a note is needed with a judgement on public transport');
  else if (note.length > PUBLIC_TRANSPORT_NOTE_MAX_LENGTH) {
    add('publicTransport.note', `Keep the note to ${PUBLIC_TRANSPORT_NOTE_MAX_LENGTH} characters; it has ${note.length}`);
  }
  return { verdict: form.verdict, note, recordedOn: form.recordedOn || today };
}

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  sector: 'Sector',
  address: 'Address',
  postcode: 'Postcode',
  district: 'District',
  'contact.name': 'Contact name',
  'contact.email': 'Contact email',
  'contact.phone': 'Contact phone',
  offers: 'Work-experience offers',
  'checks.riskAssessmentOn': 'Risk assessment date',
  'checks.insuranceExpiresOn': 'Insurance expiry date',
  'checks.riskControls': 'Risk controls agreed',
  'checks.dbsPosition': 'DBS position',
  'publicTransport.note': 'Note on public transport',
  notes: 'Notes',
};
const OFFER_FIELD_LABELS: Record<string, string> = {
  title: 'title',
  yearGroups: 'year groups',
  minimumAge: 'minimum age',
  periods: 'periods',
};
const PERIOD_FIELD_LABELS: Record<string, string> = {
  start: 'start date',
  end: 'end date',
  capacity: 'capacity',
  startTime: 'day starts at',
  finishTime: 'day finishes at',
};

/** The words the error summary puts before a problem's message: "Offer 1, period 2: end date". */
export function employerFieldLabel(field: string): string {
  const known = FIELD_LABELS[field];
  if (known) return known;
  const period = /^offers\.(\d+)\.periods\.(\d+)\.(\w+)$/.exec(field);
  if (period)
    return `Offer ${Number(period[1]) + 1}, period ${Number(period[2]) + 1}: ${PERIOD_FIELD_LABELS[period[3] ?? ''] ?? period[3]}`;
  const offer = /^offers\.(\d+)\.(\w+)/.exec(field);
  if (offer) return `Offer ${Number(offer[1]) + 1}: ${OFFER_FIELD_LABELS[offer[2] ?? ''] ?? offer[2]}`;
  return field;
}

/** Labels for every problem's field, in the shape ErrorSummary takes. */
export function employerFieldLabels(problems: readonly Problem[]): Record<string, string> {
  return Object.fromEntries(problems.map((p) => [p.field, employerFieldLabel(p.field)]));
}

const count = (n: number) => formatNumber(n);

/** The limit on the risk controls, as the field's hint says it. */
export const RISK_CONTROLS_HINT =
  'What the risk assessment agreed: supervision, induction, protective equipment, tasks ruled out. ' +
  `Up to ${count(RISK_CONTROLS_MAX_LENGTH)} characters.`;

/** Said when the risk controls are longer than the record keeps. */
export function riskControlsTooLong(length: number): string {
  return `Keep the risk controls to ${count(RISK_CONTROLS_MAX_LENGTH)} characters or fewer: there are ${count(length)}`;
}

function isRealDate(text: string): boolean {
  return isoDateSchema.safeParse(text).success;
}

/** An optional date as typed: '' is "not recorded" (null), anything else must be a real date. */
function optionalDate(text: string, field: string, add: (field: string, message: string) => void): string | null {
  const value = text.trim();
  if (value === '') return null;
  if (!isRealDate(value)) {
    add(field, 'Enter a real date, or leave it empty if not known');
    return null;
  }
  return value;
}

function checkPeriods(offer: OfferForm, at: string, add: (field: string, message: string) => void): void {
  const good: { index: number; start: string; end: string }[] = [];
  offer.periods.forEach((period, j) => {
    const path = `${at}.periods.${j}`;
    const start = period.start.trim();
    const end = period.end.trim();
    if (start === '') add(`${path}.start`, 'Enter the date the period starts');
    else if (!isRealDate(start)) add(`${path}.start`, 'Enter a real start date');
    if (end === '') add(`${path}.end`, 'Enter the date the period ends');
    else if (!isRealDate(end)) add(`${path}.end`, 'Enter a real end date');
    else if (isRealDate(start) && end < start) add(`${path}.end`, 'The end date must be on or after the start date');
    const capacity = period.capacity;
    if (capacity === null || Number.isNaN(capacity)) add(`${path}.capacity`, 'Enter how many young people it can take in this period');
    else if (!Number.isInteger(capacity) || capacity < 1) add(`${path}.capacity`, 'Capacity must be a whole number, at least 1');
    else if (capacity > MAX_PERIOD_CAPACITY) add(`${path}.capacity`, `Capacity can be at most ${MAX_PERIOD_CAPACITY}`);
    const startTime = (period.startTime ?? DAY_STARTS_AT).trim();
    const finishTime = (period.finishTime ?? DAY_FINISHES_AT).trim();
    const startOk = clockTimeSchema.safeParse(startTime).success;
    if (!startOk) add(`${path}.startTime`, 'Enter the time the day starts, like 08:50');
    if (!clockTimeSchema.safeParse(finishTime).success) add(`${path}.finishTime`, 'Enter the time the day finishes, like 16:00');
    // "HH:MM" strings compare in time order.
    else if (startOk && finishTime <= startTime) add(`${path}.finishTime`, `The finish must be after the ${startTime} start`);
    if (isRealDate(start) && isRealDate(end) && start <= end) {
      const clash = good.find((g) => rangesOverlap(g, { start, end }));
      if (clash) add(`${path}.start`, `This period overlaps period ${clash.index + 1}; make them separate dates`);
      else good.push({ index: j, start, end });
    }
  });
}

/** Checks the form and builds the record to store, or lists every problem by field, in form order. */
export function checkEmployerForm(form: EmployerForm, context: EmployerFormContext = {}): Checked<EmployerRecordInput> {
  const problems: Problem[] = [];
  const add = (field: string, message: string) => {
    if (!problems.some((p) => p.field === field)) problems.push({ field, message });
  };

  if (form.name.trim() === '') add('name', "Enter the employer's name");
  if (form.sector === null) add('sector', 'Choose the sector the employer works in');

  let postcode: string | null = null;
  if (form.postcode.trim() !== '') {
    postcode = normalisePostcode(form.postcode);
    if (postcode === null) add('postcode', 'Enter a real postcode, like ME14 1XX');
  }
  const outcode = postcode ? outcodeOf(postcode) : null;
  const district = form.district ?? defaultDistrictFor(outcode);

  form.offers.forEach((offer, i) => {
    const at = `offers.${i}`;
    if (offer.title.trim() === '') add(`${at}.title`, 'Give the offer a title, like "Work-experience week"');
    if (offer.periods.length === 0) add(`${at}.periods`, 'Add at least one period with its dates and capacity');
    checkPeriods(offer, at, add);
    if (offer.yearGroups.length === 0) add(`${at}.yearGroups`, 'Choose at least one year group');
    const age = offer.minimumAge;
    if (age === null || !Number.isInteger(age) || age < MINIMUM_AGE_RANGE.min || age > MINIMUM_AGE_RANGE.max) {
      add(`${at}.minimumAge`, `Enter a minimum age from ${MINIMUM_AGE_RANGE.min} to ${MINIMUM_AGE_RANGE.max}`);
    }
  });
  const kept = new Set(form.offers.map((o) => o.id));
  for (const [offerId, title] of context.offersInUse ?? []) {
    if (!kept.has(offerId)) add('offers', `"${title}" has placements under way, so it cannot be removed; cancel or complete them first`);
  }

  const riskAssessmentOn = optionalDate(form.checks.riskAssessmentOn, 'checks.riskAssessmentOn', add);
  const insuranceExpiresOn = optionalDate(form.checks.insuranceExpiresOn, 'checks.insuranceExpiresOn', add);
  const riskControls = form.checks.riskControls.trim();
  if (riskControls.length > RISK_CONTROLS_MAX_LENGTH) add('checks.riskControls', riskControlsTooLong(riskControls.length));

  const publicTransportOverride = publicTransportOverrideOf(form.publicTransport, context.today ?? '', add);

  const record = {
    ...form,
    publicTransport: undefined,
    requirements: { ...form.requirements, publicTransportOverride },
    sector: form.sector ?? undefined,
    postcode,
    outcode,
    district,
    offers: form.offers.map((offer) => ({
      ...offer,
      title: offer.title.trim(),
      periods: offer.periods.map((p) => ({
        start: p.start.trim(),
        end: p.end.trim(),
        capacity: p.capacity,
        startTime: (p.startTime ?? DAY_STARTS_AT).trim(),
        finishTime: (p.finishTime ?? DAY_FINISHES_AT).trim(),
      })),
      yearGroups: [...offer.yearGroups].sort((a, b) => a - b),
    })),
    checks: {
      riskAssessmentOn,
      insuranceExpiresOn,
      safeguardingConfirmed: form.checks.safeguardingConfirmed,
      riskControls,
      dbsPosition: form.checks.dbsPosition,
    },
    isDemo: context.existing?.isDemo ?? false,
  };
  const parsed = employerSchema.omit({ id: true, createdAt: true, updatedAt: true }).safeParse(record);
  if (!parsed.success) {
    // Problems already reported in the user's words above are not repeated in the schema's.
    for (const problem of problemsFromZod(parsed.error)) {
      add(problem.field.replace('requirements.publicTransportOverride.', 'publicTransport.'), problem.message);
    }
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems: inFormOrder(problems) };
  return { ok: true, value: parsed.data };
}

const FORM_ORDER = ['name', 'sector', 'address', 'postcode', 'district', 'contact', 'offers', 'publicTransport', 'checks', 'notes'];

/** Problems sorted as the form shows its fields; rows of offers keep their order (the sort is stable). */
function inFormOrder(problems: Problem[]): Problem[] {
  const rank = (p: Problem) => {
    const i = FORM_ORDER.indexOf(p.field.split('.')[0] ?? p.field);
    return i === -1 ? FORM_ORDER.length : i;
  };
  return [...problems].sort((a, b) => rank(a) - rank(b));
}
