import { z } from 'zod';
import { DESTINATION_CODES } from '../reference';
import { idSchema, isoDateSchema, lineOfText, recordBase } from './common';

/**
 * A young person's destinations over time: one dated entry for each thing learnt, never one code
 * overwritten. What the young person intends, each September Guarantee offer, the activity confirmed
 * on 1 November, their current activity and the checks one, two and three years after Year 11 are all
 * entries of this one table, so a young person's page, the work lists and the council's files read
 * one history. Which of them is "current" is worked out (shared/destinations), never stored apart —
 * except the latest intended and actual codes, kept on the young person's record with each write so
 * that the lists and returns built on them need no second read.
 */

/** Who said so: NCCIS and the Careers Hub ask where each destination came from. */
export const DESTINATION_SOURCES = ['young-person', 'parent', 'provider', 'council', 'school'] as const;
export type DestinationSource = (typeof DESTINATION_SOURCES)[number];
export const DESTINATION_SOURCE_LABELS: Record<DestinationSource, string> = {
  'young-person': 'The young person',
  parent: 'A parent or carer',
  provider: 'The provider or employer',
  council: 'The council',
  school: 'The school',
};

export const DESTINATION_ENTRY_KINDS = ['intended', 'guarantee-offer', 'november-activity', 'activity', 'sustained-check'] as const;
export type DestinationEntryKind = (typeof DESTINATION_ENTRY_KINDS)[number];
export const DESTINATION_ENTRY_KIND_LABELS: Record<DestinationEntryKind, string> = {
  intended: 'Intended destination',
  'guarantee-offer': 'September Guarantee offer',
  'november-activity': 'Activity on 1 November',
  activity: 'Current activity',
  'sustained-check': 'Destination check',
};

/** Where an offer of a place stands. "None yet" is recorded too: it says someone asked. */
export const GUARANTEE_OFFER_STATUSES = ['offered', 'accepted', 'declined', 'none-yet'] as const;
export type GuaranteeOfferStatus = (typeof GUARANTEE_OFFER_STATUSES)[number];
export const GUARANTEE_OFFER_STATUS_LABELS: Record<GuaranteeOfferStatus, string> = {
  offered: 'Offered',
  accepted: 'Accepted',
  declined: 'Declined',
  'none-yet': 'No offer yet',
};

const destinationCode = z.enum(DESTINATION_CODES, { message: 'Choose a destination code' });

/** What every entry has: whose it is, the day it was so (or was learnt), who said so, and where. */
const entryBase = {
  ...recordBase,
  pupilId: idSchema,
  /** The day this was so, or was learnt: the order of the history. */
  recordedOn: isoDateSchema,
  source: z.enum(DESTINATION_SOURCES, { message: 'Choose who said so' }),
  /** The provider, employer and route where known; `placeName` for anywhere the directory does not hold. */
  providerId: idSchema.nullable().default(null),
  employerId: idSchema.nullable().default(null),
  routeId: idSchema.nullable().default(null),
  placeName: lineOfText(120).default(''),
  /** The guidance session it was recorded in, when it was. */
  sessionId: idSchema.nullable().default(null),
  notes: lineOfText(500).default(''),
};

export const destinationEntrySchema = z.discriminatedUnion('kind', [
  z.object({ ...entryBase, kind: z.literal('intended'), code: destinationCode }),
  z.object({
    ...entryBase,
    kind: z.literal('guarantee-offer'),
    /** The September the offer is for (2027 for the September Guarantee of 2027). */
    guaranteeYear: z.number().int().min(2000).max(2200),
    status: z.enum(GUARANTEE_OFFER_STATUSES, { message: 'Choose where the offer stands' }),
    /** Who made the offer (a college, a training provider, an employer), in words. */
    offeredBy: lineOfText(120).default(''),
    offeredOn: isoDateSchema.nullable().default(null),
    /** The kind of place offered, where known. */
    code: destinationCode.nullable().default(null),
  }),
  z.object({
    ...entryBase,
    kind: z.literal('november-activity'),
    /** The year whose 1 November this is the activity on. */
    surveyYear: z.number().int().min(2000).max(2200),
    code: destinationCode,
  }),
  z.object({
    ...entryBase,
    kind: z.literal('activity'),
    code: destinationCode,
    /** NCCIS asks for the activity's start and when it is next to be reviewed. */
    startOn: isoDateSchema.nullable().default(null),
    reviewOn: isoDateSchema.nullable().default(null),
  }),
  z.object({
    ...entryBase,
    kind: z.literal('sustained-check'),
    /** One, two or three years after Year 11. */
    yearsAfter: z.union([z.literal(1), z.literal(2), z.literal(3)], { message: 'Choose one, two or three years after Year 11' }),
    code: destinationCode,
    /** Whether the young person stayed in education, employment or training through the period checked. */
    sustained: z.boolean(),
  }),
]);
export type DestinationEntry = z.infer<typeof destinationEntrySchema>;
export type DestinationEntryOf<K extends DestinationEntryKind> = Extract<DestinationEntry, { kind: K }>;

/**
 * Consent to post-16 tracking. From 16 the young person decides; for an under-16, the law lets a parent
 * or carer opt them out. Where it is withheld, tracking stops: no work list asks after them and no
 * destinations file names them.
 */
export const TRACKING_CONSENT_STATUSES = ['not-recorded', 'agreed', 'withheld'] as const;
export type TrackingConsentStatus = (typeof TRACKING_CONSENT_STATUSES)[number];
export const trackingConsentSchema = z.object({
  status: z.enum(TRACKING_CONSENT_STATUSES).default('not-recorded'),
  by: z.enum(['young-person', 'parent']).nullable().default(null),
  recordedOn: isoDateSchema.nullable().default(null),
});
export type TrackingConsent = z.infer<typeof trackingConsentSchema>;
export const NO_TRACKING_CONSENT: TrackingConsent = { status: 'not-recorded', by: null, recordedOn: null };

/**
 * What the council said back about a young person on the risk-of-NEET list (twice a year, refined
 * together): kept as a dated note on the young person, with the band the council would give.
 */
export const riskListNoteSchema = z.object({
  recordedOn: isoDateSchema,
  from: lineOfText(120).default(''),
  councilBand: z.enum(['low', 'medium', 'high']).nullable().default(null),
  text: lineOfText(1000).default(''),
});
export type RiskListNote = z.infer<typeof riskListNoteSchema>;

/**
 * The figures a school's termly Compass evaluation asks for, as they stood on the day a snapshot was
 * taken (31 December, 31 March, 31 July), kept so terms can be compared. Aggregates: no young person in it.
 */
export const compassFigureSchema = z.object({
  benchmark: z.number().int().min(1).max(8),
  measure: z.string().trim().min(1).max(60),
  label: lineOfText(200),
  numerator: z.number().int().min(0).nullable(),
  denominator: z.number().int().min(0).nullable(),
});
export type CompassFigure = z.infer<typeof compassFigureSchema>;

export const compassSnapshotSchema = z.object({
  ...recordBase,
  schoolId: idSchema,
  takenOn: isoDateSchema,
  figures: z.array(compassFigureSchema).max(200),
});
export type CompassSnapshot = z.infer<typeof compassSnapshotSchema>;
