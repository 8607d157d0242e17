import { z } from 'zod';
import { FIRST_YEAR_GROUP, LAST_YEAR_GROUP, type YearGroupOverride } from '../academic-year';
import { AREA_IDS, SECTOR_IDS, DESTINATION_CODES } from '../reference';
import {
  contactSchema,
  emailSchema,
  idSchema,
  isoDateSchema,
  lineOfText,
  paragraphsOfText,
  phoneSchema,
  pickedStopSchema,
  recordBase,
} from './common';
import { NO_TRACKING_CONSENT, riskListNoteSchema, trackingConsentSchema } from './destination';

export const GENDERS = ['female', 'male', 'other', 'prefer-not-to-say', 'not-recorded'] as const;
export const GENDER_LABELS: Record<(typeof GENDERS)[number], string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  'prefer-not-to-say': 'Prefer not to say',
  'not-recorded': 'Not recorded',
};

/** What the young person's circumstances are: the inputs of the risk-of-NEET score and of returns. */
export const characteristicsSchema = z.object({
  senSupport: z.boolean().default(false),
  ehcp: z.boolean().default(false),
  freeSchoolMeals: z.boolean().default(false),
  pupilPremium: z.boolean().default(false),
  lookedAfter: z.boolean().default(false),
  careLeaver: z.boolean().default(false),
  youngCarer: z.boolean().default(false),
  youngParentOrPregnant: z.boolean().default(false),
  healthCondition: z.boolean().default(false),
  eal: z.boolean().default(false),
  youthJustice: z.boolean().default(false),
  educatedOffSite: z.boolean().default(false),
  /** Attendance this academic year, 0 to 100; null when not known. */
  attendancePercent: z
    .number({ message: 'Attendance must be a number' })
    .min(0, { message: 'Attendance cannot be below 0%' })
    .max(100, { message: 'Attendance cannot be above 100%' })
    .nullable()
    .default(null),
  /** Fixed-term and permanent exclusions (suspensions) this academic year. */
  exclusions: z
    .number()
    .int({ message: 'Exclusions must be a whole number' })
    .min(0, { message: 'Exclusions cannot be negative' })
    .max(100)
    .default(0),
});
export type Characteristics = z.infer<typeof characteristicsSchema>;

export const consentSchema = z.object({
  /** The young person agrees their information may be shared with named partners (colleges, council). */
  dataSharing: z.boolean().default(false),
  /**
   * Consent to post-16 tracking (who decided and when). Version 6 moved the earlier "parent opted out of
   * follow-up" tick here, as withheld by a parent.
   */
  tracking: trackingConsentSchema.default(NO_TRACKING_CONSENT),
  contactByEmail: z.boolean().default(false),
  contactByPhone: z.boolean().default(false),
  notes: lineOfText(500).default(''),
});

export const travelSchema = z.object({
  /** How far the young person can travel each way, straight line in km. */
  maxDistanceKm: z
    .number({ message: 'Enter a distance in km' })
    .min(0, { message: 'Distance cannot be negative' })
    .max(200, { message: 'Distance must be 200 km or less' })
    .default(15),
  reliesOnPublicTransport: z.boolean().default(true),
  /** Access needs (step-free, quiet space, support worker) the employer or provider must meet. */
  needsStepFreeAccess: z.boolean().default(false),
  notes: lineOfText(500).default(''),
  /** The stop nearest home, picked from the timetable: journeys start there. None (older records too): the outcode centre. */
  homeStop: pickedStopSchema.nullish(),
});

/** See YearGroupOverride in shared/academic-year.ts. */
export const yearGroupOverrideSchema = z.object({
  yearGroup: z
    .number()
    .int()
    .min(FIRST_YEAR_GROUP, { message: `Year group must be between ${FIRST_YEAR_GROUP} and ${LAST_YEAR_GROUP}` })
    .max(LAST_YEAR_GROUP, { message: `Year group must be between ${FIRST_YEAR_GROUP} and ${LAST_YEAR_GROUP}` }),
  academicYearStart: z.number().int().min(1990).max(2200),
}) satisfies z.ZodType<YearGroupOverride>;

const gcseGrade = z
  .number()
  .int()
  .min(1, { message: 'GCSE grades run from 1 to 9' })
  .max(9, { message: 'GCSE grades run from 1 to 9' })
  .nullable()
  .default(null);

export const pupilSchema = z.object({
  ...recordBase,
  legalForename: lineOfText(80).min(1, { message: 'Enter the legal first name' }),
  legalSurname: lineOfText(80).min(1, { message: 'Enter the legal surname' }),
  preferredForename: lineOfText(80).default(''),
  preferredSurname: lineOfText(80).default(''),
  dateOfBirth: isoDateSchema,
  /**
   * The year group set by hand (a year repeated or skipped) with the academic year it was set in;
   * null when the date of birth gives it. The year group itself is never stored: see yearGroupOf.
   */
  yearGroupOverride: yearGroupOverrideSchema.nullable().default(null),
  gender: z.enum(GENDERS).default('not-recorded'),
  schoolId: idSchema.nullable().default(null),
  homeEducated: z.boolean().default(false),
  /** The council's home-education liaison officer responsible, for electively home-educated young people. */
  liaisonOfficerId: idSchema.nullable().default(null),
  upn: z.string().nullable().default(null),
  upnNotKnown: z.boolean().default(false),
  uln: z.string().nullable().default(null),
  postcode: z.string().nullable().default(null),
  outcode: z.string().nullable().default(null),
  district: z.enum(AREA_IDS).nullable().default(null),
  email: emailSchema.default(''),
  phone: phoneSchema.default(''),
  parentCarer: contactSchema
    .extend({ relationship: lineOfText(60).default('') })
    .default({ name: '', email: '', phone: '', relationship: '' }),
  consent: consentSchema.default({
    dataSharing: false,
    tracking: NO_TRACKING_CONSENT,
    contactByEmail: false,
    contactByPhone: false,
    notes: '',
  }),
  characteristics: characteristicsSchema.default(characteristicsSchema.parse({})),
  interests: z.array(z.enum(SECTOR_IDS)).max(20).default([]),
  subjects: z.array(lineOfText(60)).max(30).default([]),
  predictedGrades: z.object({ english: gcseGrade, maths: gcseGrade }).default({ english: null, maths: null }),
  aspirations: paragraphsOfText(2000).default(''),
  travel: travelSchema.default(travelSchema.parse({})),
  /**
   * The latest intended destination and current activity of the destinations history (the `destinations`
   * table), kept here by every write of that history (currentDestinationCodes) so lists and returns read them
   * with the record.
   */
  intendedDestination: z.enum(DESTINATION_CODES).nullable().default(null),
  actualDestination: z.enum(DESTINATION_CODES).nullable().default(null),
  /** What the council said back about them on the twice-yearly risk-of-NEET list. */
  riskListNotes: z.array(riskListNoteSchema).max(100).default([]),
  /** Date of the latest personal guidance meeting, kept with each session write so "no guidance yet" is an index query. */
  lastGuidanceOn: isoDateSchema.nullable().default(null),
  /** Risk-of-NEET band, recomputed in shared/risk on every save so lists and returns can filter by index. */
  riskBand: z.enum(['low', 'medium', 'high']).nullable().default(null),
  /** Date the young person left the service's caseload (for retention); null while on roll. */
  leftOn: isoDateSchema.nullable().default(null),
  /** Lower-case name words for search as you type (multi-entry index); derived on every save. */
  searchWords: z.array(z.string()).default([]),
});
export type Pupil = z.infer<typeof pupilSchema>;

/** The name the young person asked to be called by, falling back to the legal name. */
export function displayName(pupil: Pick<Pupil, 'legalForename' | 'legalSurname' | 'preferredForename' | 'preferredSurname'>): string {
  const forename = pupil.preferredForename || pupil.legalForename;
  const surname = pupil.preferredSurname || pupil.legalSurname;
  return `${forename} ${surname}`.trim();
}

/** Lower case without accents: how names are compared in search and duplicate checks ("Zoë" is found by "zoe"). */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

const WORD_BREAK = /[\s'\u2018\u2019-]+/;
const JOINERS = /['\u2018\u2019-]/g;

/** The words of a name or of typed text, folded, split at spaces, apostrophes and hyphens. */
export function nameWords(text: string): string[] {
  return foldName(text)
    .split(WORD_BREAK)
    .filter((word) => word.length > 0);
}

/**
 * The words search-as-you-type matches by prefix: every name word, folded, and each name also
 * without its apostrophes and hyphens, so "obrien" finds O'Brien and "smithjones" Smith-Jones.
 */
export function searchWordsFor(pupil: Pick<Pupil, 'legalForename' | 'legalSurname' | 'preferredForename' | 'preferredSurname'>): string[] {
  const names = [pupil.legalForename, pupil.legalSurname, pupil.preferredForename, pupil.preferredSurname];
  const words = names.flatMap(nameWords);
  const joined = names
    .flatMap((name) => foldName(name).split(/\s+/))
    .map((part) => part.replace(JOINERS, ''))
    .filter((part) => part.length > 0);
  return [...new Set([...words, ...joined])];
}
