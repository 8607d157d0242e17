import { z } from 'zod';
import { isRealIsoDate } from '../dates';

/** Record ids are random UUIDs, so backups from two machines merge without clashes. */
export const idSchema = z.uuid({ message: 'Must be a record id (UUID)' });

/** A calendar date stored as ISO text (2026-11-23); shown to users in UK format. */
export const isoDateSchema = z
  .string()
  .refine(isRealIsoDate, { message: 'Enter a real date' });

/** A moment in time, stored as ISO text with its offset. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true, message: 'Enter a date and time' });

/** Free text of one line with a length limit the message names. */
export function lineOfText(max = 200) {
  return z.string().trim().max(max, { message: `Keep this to ${max} characters or fewer` });
}

/** Free text of several paragraphs (notes): long, but bounded so one field cannot swamp the database. */
export function paragraphsOfText(max = 20_000) {
  return z.string().max(max, { message: `Keep this to ${max} characters or fewer` });
}

export const emailSchema = z.union([z.literal(''), z.email({ message: 'Enter an email address like name@example.org' })]);

/** UK phone numbers written the way people write them: digits, spaces, +, brackets and hyphens. */
export const phoneSchema = z
  .string()
  .trim()
  .max(30, { message: 'Keep the phone number to 30 characters or fewer' })
  .refine((v) => v === '' || /^\+?[0-9 ()-]{7,}$/.test(v), { message: 'Enter a phone number using digits, spaces and +' });

/** Fields every stored record carries. `isDemo` lets Settings remove demo data without touching real records. */
export const recordBase = {
  id: idSchema,
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  isDemo: z.boolean().default(false),
};

export const contactSchema = z.object({
  name: lineOfText(120).default(''),
  email: emailSchema.default(''),
  phone: phoneSchema.default(''),
});
export type Contact = z.infer<typeof contactSchema>;
