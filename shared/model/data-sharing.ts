import { z } from 'zod';
import { isoDateSchema, lineOfText } from './common';

/**
 * A data-sharing agreement with a recipient of pupil-level files (the council's destinations file and
 * risk-of-NEET list): its reference, the day it was signed, and the day it is to be reviewed by or
 * expires. Without one recorded, or after its review date, no pupil-level file goes to that recipient.
 */
export const dataSharingAgreementSchema = z.object({
  reference: lineOfText(80).min(1, { message: "Enter the agreement's reference, for example KCC-DSA-2026-14" }),
  signedOn: isoDateSchema,
  /** Review or expiry date; null when the agreement names none. */
  reviewOn: isoDateSchema.nullable().default(null),
});
export type DataSharingAgreement = z.infer<typeof dataSharingAgreementSchema>;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** A day of every year as "MM-DD" (29 February is refused: it is not in every year). */
export const monthDaySchema = z.string().refine(
  (value) => {
    const match = /^(\d{2})-(\d{2})$/.exec(value);
    if (!match) return false;
    const month = Number(match[1]);
    const day = Number(match[2]);
    const days = DAYS_IN_MONTH[month - 1];
    return days !== undefined && day >= 1 && day <= days;
  },
  { message: 'Enter a real day and month, for example 01/03 for 1 March' },
);
