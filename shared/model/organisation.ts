import { z } from 'zod';
import { AREA_IDS, SCHOOL_PHASE_IDS, ADVISER_ROLE_IDS, QUALIFICATION_LEVEL_IDS } from '../reference';
import { contactSchema, emailSchema, lineOfText, phoneSchema, recordBase } from './common';

export const schoolSchema = z.object({
  ...recordBase,
  name: lineOfText(160).min(1, { message: 'Enter the school name' }),
  /** The six-digit unique reference number from Get Information about Schools. */
  urn: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'A URN is six digits' })
    .or(z.literal(''))
    .default(''),
  district: z.enum(AREA_IDS, { message: 'Choose the district' }),
  phase: z.enum(SCHOOL_PHASE_IDS, { message: 'Choose the phase' }),
  /** Establishment number, the 4 digits after the LA number in the school's UPNs (optional). */
  establishmentNumber: z
    .string()
    .trim()
    .regex(/^\d{4}$/, { message: 'An establishment number is four digits' })
    .or(z.literal(''))
    .default(''),
});
export type School = z.infer<typeof schoolSchema>;

export const adviserSchema = z.object({
  ...recordBase,
  name: lineOfText(120).min(1, { message: "Enter the adviser's name" }),
  role: z.enum(ADVISER_ROLE_IDS, { message: 'Choose a role' }),
  qualificationLevel: z.enum(QUALIFICATION_LEVEL_IDS, { message: 'Choose a qualification level' }),
  email: emailSchema.default(''),
  phone: phoneSchema.default(''),
  active: z.boolean().default(true),
});
export type Adviser = z.infer<typeof adviserSchema>;

/** The service's identity, printed on action plans and returns. */
export const serviceDetailsSchema = z.object({
  name: lineOfText(160).min(1, { message: 'Enter the service name' }),
  /** A small logo as a data: URL (PNG or JPEG), so PDFs need no file access. */
  logoDataUrl: z
    .string()
    .max(700_000, { message: 'The logo must be smaller than 500 KB' })
    .refine((v) => v === '' || /^data:image\/(png|jpeg);base64,/.test(v), { message: 'The logo must be a PNG or JPEG image' })
    .default(''),
  contact: contactSchema.default({ name: '', email: '', phone: '' }),
  address: lineOfText(300).default(''),
});
export type ServiceDetails = z.infer<typeof serviceDetailsSchema>;
