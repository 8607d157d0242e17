/**
 * The rules of the "add or edit a young person" form, in one place: what the form holds as typed,
 * how it becomes a record, and every check with a message that says what to do.
 */
import { FIRST_YEAR_GROUP, LAST_YEAR_GROUP, ageOn, yearGroupOf, yearGroupOn, yearGroupOverrideOn } from '../academic-year';
import { isValidUln, isValidUpn, normalisePostcode, normaliseUpn } from '../identifiers';
import { defaultDistrictFor, outcodeOf, type AreaId } from '../reference';
import { pupilSchema, type Pupil } from '../model/pupil';
import { problemsFromZod, type Checked, type Problem } from '../model/problems';
import { assessRisk, type RiskWeights } from '../risk';
import { trackingConsentProblem } from '../destinations/consent';
import { searchWordsFor } from '../model/pupil';

/** What the form holds: the record's fields, with identifiers and numbers as the user typed them. */
export type PupilForm = Omit<
  Pupil,
  | 'id'
  | 'createdAt'
  | 'updatedAt'
  | 'searchWords'
  | 'upn'
  | 'uln'
  | 'postcode'
  | 'outcode'
  | 'district'
  | 'yearGroupOverride'
  | 'riskBand'
  | 'lastGuidanceOn'
  | 'isDemo'
> & {
  upn: string;
  uln: string;
  postcode: string;
  /** Chosen district; null means "use the default for the postcode". */
  district: AreaId | null;
  /** Ticked when the adviser sets the year group by hand; `yearGroup` is then the one they chose, this academic year. */
  yearGroupOverridden: boolean;
  yearGroup: number | null;
};

export type PupilRecordInput = Omit<Pupil, 'id' | 'createdAt' | 'updatedAt' | 'searchWords'>;

export function emptyPupilForm(): PupilForm {
  const {
    upn: _u,
    uln: _l,
    postcode: _p,
    outcode: _o,
    district: _d,
    yearGroupOverride: _y,
    riskBand: _r,
    lastGuidanceOn: _g,
    id: _i,
    createdAt: _c,
    updatedAt: _up,
    searchWords: _s,
    isDemo: _demo,
    ...rest
  } = pupilSchema.parse({
    id: '00000000-0000-4000-8000-000000000000',
    createdAt: '2000-01-01T00:00:00Z',
    updatedAt: '2000-01-01T00:00:00Z',
    legalForename: 'x',
    legalSurname: 'x',
    dateOfBirth: '2000-01-01',
  });
  return {
    ...rest,
    legalForename: '',
    legalSurname: '',
    dateOfBirth: '',
    upn: '',
    uln: '',
    postcode: '',
    district: null,
    yearGroupOverridden: false,
    yearGroup: null,
  };
}

/** The form for an existing record, its year group as it stands `today` (an override moved on since it was set). */
export function formFromPupil(pupil: Pupil, today: string): PupilForm {
  const {
    id: _i,
    createdAt: _c,
    updatedAt: _u,
    searchWords: _s,
    riskBand: _r,
    lastGuidanceOn: _g,
    outcode: _o,
    isDemo: _d,
    yearGroupOverride,
    ...rest
  } = pupil;
  return {
    ...structuredClone(rest),
    upn: pupil.upn ?? '',
    uln: pupil.uln ?? '',
    postcode: pupil.postcode ?? '',
    district: pupil.district,
    yearGroupOverridden: yearGroupOverride !== null,
    yearGroup: yearGroupOverride !== null ? yearGroupOf(pupil, today) : null,
  };
}

/**
 * The liaison officer a young person's form shows once they are marked home educated and none is chosen
 * yet: the adviser using the computer, when they are one who can be chosen (active). Otherwise as it was.
 */
export function defaultLiaisonOfficer(
  form: Pick<PupilForm, 'homeEducated' | 'liaisonOfficerId'>,
  currentAdviserId: string | null,
  choosable: readonly string[],
): PupilForm['liaisonOfficerId'] {
  if (!form.homeEducated || form.liaisonOfficerId) return form.liaisonOfficerId;
  return currentAdviserId !== null && choosable.includes(currentAdviserId) ? currentAdviserId : form.liaisonOfficerId;
}

export interface PupilFormContext {
  today: string;
  riskWeights?: RiskWeights;
  /** Kept from the stored record when editing: the form does not own these. */
  existing?: Pick<Pupil, 'lastGuidanceOn' | 'isDemo'>;
}

/** The year group the date of birth gives today, or null while the date is incomplete. */
export function derivedYearGroup(dateOfBirth: string, today: string): number | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth) ? yearGroupOn(dateOfBirth, today) : null;
}

/**
 * Checks the form and builds the record to store, or lists every problem by field.
 * UPN: required for pupils at school unless marked not known; never held for home-educated young people.
 */
export function checkPupilForm(form: PupilForm, context: PupilFormContext): Checked<PupilRecordInput> {
  const problems: Problem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });

  const dob = form.dateOfBirth.trim();
  if (dob === '') add('dateOfBirth', 'Enter the date of birth');
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(dob) || Number.isNaN(Date.parse(dob))) add('dateOfBirth', 'Enter a real date of birth');
  else if (dob > context.today) add('dateOfBirth', 'The date of birth must be in the past');
  else if (ageOn(dob, context.today) < 9 || ageOn(dob, context.today) > 25)
    add('dateOfBirth', 'The young person must be between 9 and 25 years old');

  const chosen = form.yearGroup;
  const yearGroupOverride =
    form.yearGroupOverridden && chosen !== null && Number.isInteger(chosen) && chosen >= FIRST_YEAR_GROUP && chosen <= LAST_YEAR_GROUP
      ? yearGroupOverrideOn(chosen, context.today)
      : null;
  if (form.yearGroupOverridden && yearGroupOverride === null)
    add('yearGroup', `Choose a year group from ${FIRST_YEAR_GROUP} to ${LAST_YEAR_GROUP}`);
  const derived = problems.some((p) => p.field === 'dateOfBirth') ? null : derivedYearGroup(dob, context.today);
  if (!form.yearGroupOverridden && derived !== null && derived < FIRST_YEAR_GROUP) {
    add(
      'dateOfBirth',
      `This date of birth puts them in Year ${derived}; the service starts at Year ${FIRST_YEAR_GROUP}. ` +
        'If they are in a secondary year, tick "Out of their year group"',
    );
  }

  const trackingProblem = problems.some((p) => p.field === 'dateOfBirth')
    ? null
    : trackingConsentProblem(form.consent.tracking, dob, context.today);
  if (trackingProblem) add(form.consent.tracking.recordedOn === null ? 'consent.tracking.recordedOn' : 'consent.tracking', trackingProblem);

  if (!form.homeEducated && !form.schoolId) add('schoolId', 'Choose the school, or say the young person is electively home educated');

  let upn: string | null = null;
  if (!form.homeEducated) {
    const typed = normaliseUpn(form.upn);
    if (typed === '' && !form.upnNotKnown) add('upn', 'Enter the UPN, or tick "UPN not known"');
    else if (typed !== '') {
      if (typed.length !== 13) add('upn', `A UPN has 13 characters; this has ${typed.length}`);
      else if (!isValidUpn(typed)) add('upn', 'This UPN is not valid: check each character (the first letter is a check letter)');
      else upn = typed;
    }
  }

  let uln: string | null = null;
  const typedUln = form.uln.replace(/\s+/g, '');
  if (typedUln !== '') {
    if (!/^\d{10}$/.test(typedUln)) add('uln', 'A ULN is 10 digits');
    else if (!isValidUln(typedUln)) add('uln', 'This ULN is not valid: check the digits');
    else uln = typedUln;
  }

  let postcode: string | null = null;
  if (form.postcode.trim() !== '') {
    postcode = normalisePostcode(form.postcode);
    if (postcode === null) add('postcode', 'Enter a real postcode, like CT9 1AA');
  }
  const outcode = postcode ? outcodeOf(postcode) : null;
  const district = form.district ?? defaultDistrictFor(outcode);

  const { yearGroupOverridden: _overridden, yearGroup: _chosen, ...fields } = form;
  const record = {
    ...fields,
    upn,
    upnNotKnown: form.homeEducated ? false : form.upnNotKnown,
    uln,
    postcode,
    outcode,
    district,
    schoolId: form.homeEducated ? null : form.schoolId,
    liaisonOfficerId: form.homeEducated ? form.liaisonOfficerId : null,
    yearGroupOverride,
    lastGuidanceOn: context.existing?.lastGuidanceOn ?? null,
    isDemo: context.existing?.isDemo ?? false,
    riskBand: null,
  };
  const parsed = pupilSchema.omit({ id: true, createdAt: true, updatedAt: true, searchWords: true }).safeParse(record);
  if (!parsed.success) {
    for (const problem of problemsFromZod(parsed.error)) {
      // Problems already reported in the user's words above are not repeated in the schema's.
      if (!problems.some((p) => p.field === problem.field)) problems.push(problem);
    }
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  const value = parsed.data;
  value.riskBand = assessRisk(value, context.riskWeights).band;
  return { ok: true, value };
}

export { searchWordsFor };

/**
 * The form's fields in words, keyed by dotted field: for the error summary and for comparing two
 * versions of a record side by side. A group's label names the fields within it that have none.
 */
export const PUPIL_FIELD_LABELS: Record<string, string> = {
  legalForename: 'Legal first name',
  legalSurname: 'Legal surname',
  preferredForename: 'Preferred first name',
  preferredSurname: 'Preferred surname',
  dateOfBirth: 'Date of birth',
  gender: 'Gender',
  yearGroupOverridden: 'Out of their year group',
  yearGroup: 'Year group',
  schoolId: 'School',
  homeEducated: 'Electively home educated',
  liaisonOfficerId: 'Home-education liaison officer',
  upn: 'UPN',
  upnNotKnown: 'UPN not known',
  uln: 'ULN',
  postcode: 'Postcode',
  district: 'District',
  email: 'Email',
  phone: 'Phone',
  parentCarer: 'Parent or carer',
  'parentCarer.name': "Parent or carer's name",
  'parentCarer.relationship': 'Parent or carer: relationship',
  'parentCarer.email': 'Parent or carer email',
  'parentCarer.phone': 'Parent or carer phone',
  consent: 'Consent',
  'consent.dataSharing': 'Consent: information shared with named partners',
  'consent.tracking': 'Consent to post-16 tracking',
  'consent.tracking.recordedOn': 'Consent to post-16 tracking: date',
  'consent.contactByEmail': 'Consent: contact by email',
  'consent.contactByPhone': 'Consent: contact by phone',
  'consent.notes': 'Notes on consent',
  characteristics: 'Characteristics',
  'characteristics.senSupport': 'SEN support',
  'characteristics.ehcp': 'Education, health and care plan (EHCP)',
  'characteristics.eal': 'English as an additional language',
  'characteristics.attendancePercent': 'Attendance',
  'characteristics.exclusions': 'Suspensions or exclusions',
  interests: 'Interests',
  subjects: 'Subjects',
  predictedGrades: 'Predicted GCSE grade',
  aspirations: 'Aspirations',
  travel: 'Travel',
  'travel.maxDistanceKm': 'Travel distance',
  'travel.notes': 'Travel notes',
  intendedDestination: 'Intended destination',
  actualDestination: 'Actual destination',
  leftOn: 'Left on',
};
