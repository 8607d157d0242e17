import { z } from 'zod';
import { CONSENT_WAY_IDS, EXPERIENCE_KIND_IDS, EXPERIENCE_MODE_IDS, MEANINGFUL_CRITERION_IDS, PLACEMENT_STATUS_IDS } from '../reference';
import { idSchema, isoDateSchema, lineOfText, paragraphsOfText, phoneSchema, recordBase } from './common';

/** A piece of optional text with the day it was given (the employer's task, feedback, a reflection). */
export const datedTextSchema = z.object({
  text: paragraphsOfText(3000).default(''),
  on: isoDateSchema.nullable().default(null),
});
export type DatedText = z.infer<typeof datedTextSchema>;

/** Hours as the adviser knows them: so many each day attended, or so many altogether. */
export const experienceHoursSchema = z.object({
  basis: z.enum(['per-day', 'total']),
  // Limits (over 24 a day, negative...) are checked once, in shared/experiences, with messages beside the field.
  value: z.number({ message: 'Enter the hours as a number' }).finite(),
});
export type ExperienceHours = z.infer<typeof experienceHoursSchema>;

/** Parental consent for a work placement: who gave it, their relationship to the young person, when and how. */
export const parentalConsentSchema = z.object({
  givenBy: lineOfText(120).pipe(z.string().min(1, { message: 'Enter who gave consent' })),
  relationship: lineOfText(60).pipe(z.string().min(1, { message: 'Enter their relationship to the young person' })),
  on: isoDateSchema,
  how: z.enum(CONSENT_WAY_IDS, { message: 'Choose how consent was given' }),
});
export type ParentalConsent = z.infer<typeof parentalConsentSchema>;

export const emergencyContactSchema = z.object({
  name: lineOfText(120).pipe(z.string().min(1, { message: "Enter the contact's name" })),
  phone: phoneSchema.pipe(z.string().min(1, { message: 'Enter a phone number' })),
});
export type EmergencyContact = z.infer<typeof emergencyContactSchema>;

/**
 * The ways a young person may travel to a placement, ticked on its paperwork. Besides the public bus
 * or train, the ways a timetable does not show: where a journey has no published service, the adviser
 * records which of these they will use instead.
 */
export const TRAVEL_PLAN_KINDS = [
  'public-transport',
  'school-bus',
  'demand-responsive',
  'family-lift',
  'council-taxi',
  'walk-or-cycle',
  'other',
] as const;
export type TravelPlanKind = (typeof TRAVEL_PLAN_KINDS)[number];
export const TRAVEL_PLAN_KIND_LABELS: Record<TravelPlanKind, string> = {
  'public-transport': 'Public bus or train',
  'school-bus': 'School bus',
  'demand-responsive': 'Demand-responsive or community transport',
  'family-lift': 'A lift from family or a carer',
  'council-taxi': 'A taxi arranged by the council',
  'walk-or-cycle': 'Walking or cycling',
  other: 'Another way',
};
export const TRAVEL_PLAN_DETAILS_MAX_LENGTH = 1000;

/**
 * A placement's travel plan: the ways ticked and the details in the adviser's words. Plans written
 * before the ways could be ticked were free text only: read as details with no way ticked, so nothing
 * written is lost and no database version is needed (the paperwork is inside the sealed payload).
 */
export const travelPlanSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { kinds: [], details: value } : value),
  z
    .object({
      kinds: z
        .array(z.enum(TRAVEL_PLAN_KINDS))
        .max(TRAVEL_PLAN_KINDS.length)
        .default([])
        // Ticked once each, in the order listed, whatever order they were ticked in.
        .transform((kinds) => TRAVEL_PLAN_KINDS.filter((kind) => kinds.includes(kind))),
      details: paragraphsOfText(TRAVEL_PLAN_DETAILS_MAX_LENGTH).default(''),
    })
    .default({ kinds: [], details: '' }),
);
export type TravelPlan = z.infer<typeof travelPlanSchema>;
export const NO_TRAVEL_PLAN: TravelPlan = { kinds: [], details: '' };

/** As the letters print it: "Getting there: school bus; a lift from family or a carer." and the details; '' for no plan. */
export function travelPlanText(plan: TravelPlan): string {
  const details = plan.details.trim();
  if (plan.kinds.length === 0) return details;
  const line = `Getting there: ${plan.kinds.map((kind) => TRAVEL_PLAN_KIND_LABELS[kind].toLowerCase()).join('; ')}.`;
  // One paragraph with the details' first, so that the ways ticked add no more than a line to a one-page sheet.
  return details ? `${line} ${details}` : line;
}

/**
 * A work placement's own paperwork. Medical or access notes are special-category data: kept short,
 * and never on the employer's letter unless the adviser ticks `shareNotesWithEmployer`.
 */
export const placementPaperworkSchema = z.object({
  consent: parentalConsentSchema.nullable().default(null),
  emergencyContacts: z.array(emergencyContactSchema).max(3).default([]),
  accessNotes: paragraphsOfText(500).default(''),
  shareNotesWithEmployer: z.boolean().default(false),
  travelPlan: travelPlanSchema,
  /** Whom the young person asks for on arrival; blank means the employer's contact (placement letters). */
  reportTo: lineOfText(120).default(''),
  /** The day's start and finish times in words ("8.45am to 3pm"), for the letters; blank when not agreed yet. */
  times: lineOfText(120).default(''),
  /** What the young person brings or wears (lunch, clothes, equipment); blank prints the usual list. */
  whatToBring: paragraphsOfText(500).default(''),
});
export type PlacementPaperwork = z.infer<typeof placementPaperworkSchema>;
export const NO_PAPERWORK: PlacementPaperwork = {
  consent: null,
  emergencyContacts: [],
  accessNotes: '',
  shareNotesWithEmployer: false,
  travelPlan: NO_TRAVEL_PLAN,
  reportTo: '',
  times: '',
  whatToBring: '',
};

/**
 * One workplace experience (Gatsby Benchmark 6, or an encounter under Benchmark 5) for one young person
 * or a group: a visit by thirty Year 8s is one record listing all thirty. A work placement is the kind
 * with a workflow (proposed to completed, shared/placements) and always one young person, so the
 * placement's own paperwork (consent, emergency contacts, medical or access notes, travel plan) can sit
 * on this record; the employer's documents sit on the employer.
 *
 * Never stored, always worked out (shared/experiences): the benchmark it evidences, whether it is
 * meaningful, the key stage each day counts for, the hours.
 */
export const experienceSchema = z.object({
  ...recordBase,
  kind: z.enum(EXPERIENCE_KIND_IDS, { message: 'Choose the kind of experience' }),
  pupilIds: z.array(idSchema).max(1000).default([]),
  /** An employer in the directory, or null with `employerName` for one that is not. */
  employerId: idSchema.nullable().default(null),
  employerName: lineOfText(160).default(''),
  /** The employer's offer a work placement was proposed in (its capacity), when there is one. */
  offerId: idSchema.nullable().default(null),
  start: isoDateSchema,
  end: isoDateSchema,
  mode: z.enum(EXPERIENCE_MODE_IDS).default('in-person'),
  /** Null until known: a proposed placement, or one carried over from before hours were recorded. */
  hours: experienceHoursSchema.nullable().default(null),
  /** Days actually attended; null means every weekday from start to end (see attendedDays). */
  daysAttended: z.number().int().nullable().default(null),
  status: z.enum(PLACEMENT_STATUS_IDS),
  meaningful: z.array(z.enum(MEANINGFUL_CRITERION_IDS)).default([]),
  employerTask: datedTextSchema.default({ text: '', on: null }),
  employerFeedback: datedTextSchema
    .extend({ wouldHostAgain: z.boolean().nullable().default(null) })
    .default({ text: '', on: null, wouldHostAgain: null }),
  reflection: datedTextSchema.default({ text: '', on: null }),
  /** A work placement's consent, emergency contacts, notes and travel plan (empty for other kinds). */
  paperwork: placementPaperworkSchema.default(NO_PAPERWORK),
});
export type WorkplaceExperience = z.infer<typeof experienceSchema>;

/** The setting of how many days of how many hours make a week's worth (shared/experiences/weeks-worth.ts). */
export const weeksWorthSchema = z.object({
  days: z
    .number({ message: 'Enter a number of days' })
    .int({ message: 'Enter whole days' })
    .min(1, { message: 'At least 1 day' })
    .max(10, { message: 'At most 10 days' }),
  // A young person's working day is limited to 8 hours.
  hoursPerDay: z
    .number({ message: 'Enter a number of hours' })
    .min(1, { message: 'At least 1 hour a day' })
    .max(8, { message: "A young person's working day is limited to 8 hours" }),
});
export type WeeksWorth = z.infer<typeof weeksWorthSchema>;
