import { z } from 'zod';
import { AREA_IDS, DBS_POSITION_IDS, SECTOR_IDS, PLACEMENT_STATUS_IDS, type DbsPositionId } from '../reference';
import { contactSchema, idSchema, isoDateSchema, lineOfText, paragraphsOfText, pickedStopSchema, recordBase } from './common';

/** A time of day, 24-hour "HH:MM". */
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Enter a time like 08:50' });

/** The usual work-experience day, where a period has no times of its own. The journey planner's defaults are these. */
export const DAY_STARTS_AT = '08:50';
export const DAY_FINISHES_AT = '16:00';

/** A window in which an employer takes work-experience pupils, and how many. */
export const offerPeriodSchema = z.object({
  start: isoDateSchema,
  end: isoDateSchema,
  capacity: z.number().int().min(1, { message: 'Capacity must be at least 1' }).max(500),
  /**
   * The day's start and finish ("08:50", "16:00"): journeys must arrive by the start and leave after the
   * finish. Optional: periods saved before these existed use the usual day (DAY_STARTS_AT, DAY_FINISHES_AT).
   */
  startTime: clockTimeSchema.optional(),
  finishTime: clockTimeSchema.optional(),
});

export const placementOfferSchema = z.object({
  id: idSchema,
  title: lineOfText(160).min(1, { message: 'Give the offer a title' }),
  periods: z.array(offerPeriodSchema).max(50).default([]),
  yearGroups: z.array(z.number().int().min(7).max(14)).default([10, 11, 12]),
  minimumAge: z.number().int().min(11).max(25).default(14),
});
export type PlacementOffer = z.infer<typeof placementOfferSchema>;

/** Where an employer stands on DBS checks for the staff who supervise a young person on placement (labels: DBS_POSITIONS). */
export { DBS_POSITION_IDS };
export type DbsPosition = DbsPositionId;

/** The longest account of the controls agreed in a risk assessment. */
export const RISK_CONTROLS_MAX_LENGTH = 3000;

export const PUBLIC_TRANSPORT_VERDICTS = ['reachable', 'not-reachable'] as const;
export type PublicTransportVerdict = (typeof PUBLIC_TRANSPORT_VERDICTS)[number];
export const PUBLIC_TRANSPORT_VERDICT_LABELS: Record<PublicTransportVerdict, string> = {
  reachable: 'Reachable',
  'not-reachable': 'Not reachable',
};
export const PUBLIC_TRANSPORT_NOTE_MAX_LENGTH = 300;
export const OLD_NOT_REACHABLE_NOTE = 'Recorded before journeys were worked out';

/** The adviser's override on getting there by public transport, always with the reason why. */
export const publicTransportOverrideSchema = z.object({
  verdict: z.enum(PUBLIC_TRANSPORT_VERDICTS),
  note: z
    .string()
    .trim()
    .min(1, { message: 'Say why: a note is needed with a judgement' })
    .max(PUBLIC_TRANSPORT_NOTE_MAX_LENGTH, { message: `Keep the note to ${PUBLIC_TRANSPORT_NOTE_MAX_LENGTH} characters` }),
  /** When it was recorded; '' when not known (read from an old record). */
  recordedOn: isoDateSchema.or(z.literal('')),
});
export type PublicTransportOverride = z.infer<typeof publicTransportOverrideSchema>;

/**
 * Reads an employer's requirements in the old shape: the hand-typed `reachableByPublicTransport` flag.
 * `false` (typed by an adviser) becomes a 'not-reachable' override; `true` (the default nobody typed)
 * becomes no override. The new shape passes through untouched.
 */
export function readOldRequirements(raw: unknown, recordedOn = ''): unknown {
  if (typeof raw !== 'object' || raw === null || !('reachableByPublicTransport' in raw)) return raw;
  const { reachableByPublicTransport, ...rest } = raw as Record<string, unknown>;
  if ('publicTransportOverride' in rest) return rest;
  return {
    ...rest,
    publicTransportOverride:
      reachableByPublicTransport === false ? { verdict: 'not-reachable', note: OLD_NOT_REACHABLE_NOTE, recordedOn } : null,
  };
}

export const employerSchema = z.object({
  ...recordBase,
  name: lineOfText(160).min(1, { message: "Enter the employer's name" }),
  sector: z.enum(SECTOR_IDS, { message: 'Choose a sector' }),
  address: lineOfText(300).default(''),
  postcode: z.string().nullable().default(null),
  outcode: z.string().nullable().default(null),
  district: z.enum(AREA_IDS).nullable().default(null),
  /** The stop nearest the workplace, picked from the timetable: journeys end there. None (older records too): the outcode centre. */
  nearestStop: pickedStopSchema.nullish(),
  contact: contactSchema.default({ name: '', email: '', phone: '' }),
  offers: z.array(placementOfferSchema).max(100).default([]),
  /** Other ways the employer engages: each counts as an encounter (Benchmark 5). */
  offersApprenticeships: z.boolean().default(false),
  offersWorkplaceVisits: z.boolean().default(false),
  offersTalks: z.boolean().default(false),
  attendsCareersFairs: z.boolean().default(false),
  requirements: z
    .preprocess(
      (raw) => readOldRequirements(raw),
      z.object({
        dbsNeeded: z.boolean().default(false),
        protectiveEquipment: z.boolean().default(false),
        stepFreeAccess: z.boolean().default(false),
        /** The adviser's judgement, used only where no timetable answers (shared/matching). Null: journeys decide. */
        publicTransportOverride: publicTransportOverrideSchema.nullish().default(null),
      }),
    )
    .default({ dbsNeeded: false, protectiveEquipment: false, stepFreeAccess: false, publicTransportOverride: null }),
  checks: z
    .object({
      riskAssessmentOn: isoDateSchema.nullable().default(null),
      insuranceExpiresOn: isoDateSchema.nullable().default(null),
      safeguardingConfirmed: z.boolean().default(false),
      /** The controls agreed in the risk assessment, in the employer's words or the adviser's summary. */
      riskControls: paragraphsOfText(RISK_CONTROLS_MAX_LENGTH).default(''),
      /** Where the employer stands on DBS checks for staff supervising young people; null until recorded. */
      dbsPosition: z.enum(DBS_POSITION_IDS).nullable().default(null),
    })
    .default({ riskAssessmentOn: null, insuranceExpiresOn: null, safeguardingConfirmed: false, riskControls: '', dbsPosition: null }),
  notes: paragraphsOfText(5000).default(''),
});
export type Employer = z.infer<typeof employerSchema>;

export const placementSchema = z.object({
  ...recordBase,
  pupilId: idSchema,
  employerId: idSchema,
  offerId: idSchema.nullable().default(null),
  start: isoDateSchema,
  end: isoDateSchema,
  status: z.enum(PLACEMENT_STATUS_IDS),
  feedback: z
    .object({
      employer: paragraphsOfText(3000).default(''),
      pupil: paragraphsOfText(3000).default(''),
      wouldHostAgain: z.boolean().nullable().default(null),
    })
    .default({ employer: '', pupil: '', wouldHostAgain: null }),
});
export type Placement = z.infer<typeof placementSchema>;
