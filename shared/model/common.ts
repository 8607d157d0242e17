import { z } from 'zod';
import { isRealIsoDate } from '../dates';

/** Record ids are random UUIDs, so backups from two machines merge without clashes. */
export const idSchema = z.uuid({ message: 'Must be a record id (UUID)' });

/** A calendar date stored as ISO text (2026-11-23); shown to users in UK format. */
export const isoDateSchema = z.string().refine(isRealIsoDate, { message: 'Enter a real date' });

/** A moment in time, stored as ISO text with its offset. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true, message: 'Enter a date and time' });

// Characters no typed text needs: control characters (C0, DEL, C1) and the invisible controls that
// reverse the direction of text, which can make a name read as something else on screen or in a file
// name. Paragraphs keep tab and line breaks.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what these find
const UNSAFE_IN_A_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what these find
const UNSAFE_IN_PARAGRAPHS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** What is wrong and where, for the first character text must not hold; null when there is none. */
export function unsafeCharacterProblem(value: string, multiline = false): string | null {
  const match = (multiline ? UNSAFE_IN_PARAGRAPHS : UNSAFE_IN_A_LINE).exec(value);
  if (!match) return null;
  const code = (match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  const what = BIDI_CONTROLS.test(match[0]) ? 'an invisible text-direction control' : 'a hidden control character';
  return `Remove ${what} (U+${code}) at character ${match.index + 1}`;
}

/** The text with what a line must not hold taken out: for words about values stored before they were checked. */
export function withoutUnsafeCharacters(value: string): string {
  return value.replace(new RegExp(UNSAFE_IN_A_LINE.source, 'g'), '');
}

/**
 * Free text of one line with a length limit the message names. Trimmed, stored in Unicode's composed
 * form (NFC: "Zoë" is one spelling whichever keyboard typed it), and free of control characters.
 */
export function lineOfText(max = 200) {
  return z
    .string()
    .trim()
    .normalize('NFC')
    .max(max, { message: `Keep this to ${max} characters or fewer` })
    .superRefine((value, ctx) => {
      const problem = unsafeCharacterProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

/** Free text of several paragraphs (notes): long, but bounded so one field cannot swamp the database. */
export function paragraphsOfText(max = 20_000) {
  return z
    .string()
    .normalize('NFC')
    .max(max, { message: `Keep this to ${max} characters or fewer` })
    .superRefine((value, ctx) => {
      const problem = unsafeCharacterProblem(value, true);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
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

/**
 * A public-transport stop the adviser picked from the imported timetable (nearest to a home, an
 * employer or a campus). Its name is kept as picked, so that a later timetable without that stop can
 * say which stop is missing; journeys then start from the outcode centre instead.
 */
export const pickedStopSchema = z.object({
  stopId: z.string().trim().min(1).max(100),
  name: lineOfText(200),
});
export type PickedStop = z.infer<typeof pickedStopSchema>;
