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
 * A work placement's own paperwork. Medical or access notes are special-category data: kept short,
 * and never on the employer's letter unless the adviser ticks `shareNotesWithEmployer`.
 */
export const placementPaperworkSchema = z.object({
  consent: parentalConsentSchema.nullable().default(null),
  emergencyContacts: z.array(emergencyContactSchema).max(3).default([]),
  accessNotes: paragraphsOfText(500).default(''),
  shareNotesWithEmployer: z.boolean().default(false),
  travelPlan: paragraphsOfText(1000).default(''),
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
  travelPlan: '',
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
