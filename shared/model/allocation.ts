import { z } from 'zod';
import { idSchema, isoDateSchema, lineOfText, recordBase } from './common';

/**
 * A confirmed cohort allocation, kept so the coordinator can reopen it from the placements desk:
 * who went where, with the fit worked out on the day, and who was left unplaced and why. Names are
 * never copied in: they come from the young people's and employers' records when it is shown, so an
 * erased young person leaves it (pupilIds is indexed for that).
 */
export const storedAllocationLineSchema = z.object({
  pupilId: idSchema,
  choice: z
    .object({
      employerId: idSchema,
      offerId: idSchema,
      periodStart: isoDateSchema,
      periodEnd: isoDateSchema,
      score: z.number().min(0).max(100),
      distanceKm: z.number().min(0).nullable(),
    })
    .nullable(),
  why: lineOfText(500).default(''),
  byHand: z.boolean().default(false),
  /** The placement the line proposed when it was confirmed (null when not placed), to show its status today. */
  experienceId: idSchema.nullable().default(null),
});
export type StoredAllocationLine = z.infer<typeof storedAllocationLineSchema>;

export const storedAllocationSchema = z.object({
  ...recordBase,
  confirmedOn: isoDateSchema,
  adviserId: idSchema.nullable().default(null),
  schoolId: idSchema.nullable().default(null),
  yearGroup: z.number().int().min(7).max(14),
  period: z.object({ start: isoDateSchema, end: isoDateSchema }),
  /** Everyone on the list, placed or not. */
  pupilIds: z.array(idSchema).max(5000),
  lines: z.array(storedAllocationLineSchema).max(5000),
});
export type StoredAllocation = z.infer<typeof storedAllocationSchema>;
