import { z } from 'zod';
import { AREA_IDS, SECTOR_IDS, ROUTE_KIND_IDS } from '../reference';
import { idSchema, isoDateSchema, lineOfText, paragraphsOfText, pickedStopSchema, recordBase } from './common';

export const PROVIDER_KINDS = ['fe-college', 'school-sixth-form', 'sixth-form-college', 'training-provider', 'programme'] as const;
export const PROVIDER_KIND_LABELS: Record<(typeof PROVIDER_KINDS)[number], string> = {
  'fe-college': 'Further education college',
  'school-sixth-form': 'School sixth form',
  'sixth-form-college': 'Sixth-form college',
  'training-provider': 'Training provider',
  programme: 'Programme or service',
};

export const campusSchema = z.object({
  id: idSchema,
  name: lineOfText(120).min(1),
  outcode: z.string().nullable().default(null),
  district: z.enum(AREA_IDS).nullable().default(null),
  /** The stop picked nearest the campus; without one journeys end at the outcode centre. Optional: older records read as they are. */
  nearestStop: pickedStopSchema.nullish(),
});
export type Campus = z.infer<typeof campusSchema>;

export const providerSchema = z.object({
  ...recordBase,
  name: lineOfText(160).min(1, { message: "Enter the provider's name" }),
  kind: z.enum(PROVIDER_KINDS),
  campuses: z.array(campusSchema).max(50).default([]),
  website: lineOfText(300).default(''),
});
export type Provider = z.infer<typeof providerSchema>;

export const APPLY_VIA = ['kent-choices', 'direct', 'ucas', 'find-an-apprenticeship', 'referral'] as const;
export const APPLY_VIA_LABELS: Record<(typeof APPLY_VIA)[number], string> = {
  'kent-choices': 'Kent Choices',
  direct: 'Directly to the provider',
  ucas: 'UCAS',
  'find-an-apprenticeship': 'Find an apprenticeship',
  referral: 'By referral',
};

export const routeSchema = z.object({
  ...recordBase,
  providerId: idSchema,
  campusId: idSchema.nullable().default(null),
  title: lineOfText(200).min(1, { message: "Enter the route's title" }),
  kind: z.enum(ROUTE_KIND_IDS),
  sector: z.enum(SECTOR_IDS).nullable().default(null),
  /** Qualification level: 0 for entry or pre-entry, 1 to 7 otherwise. */
  level: z.number().int().min(0).max(7),
  entryRequirements: z
    .object({
      englishGrade: z.number().int().min(1).max(9).nullable().default(null),
      mathsGrade: z.number().int().min(1).max(9).nullable().default(null),
      notes: lineOfText(500).default(''),
    })
    .default({ englishGrade: null, mathsGrade: null, notes: '' }),
  applyVia: z.enum(APPLY_VIA),
  startDates: z.array(isoDateSchema).max(20).default([]),
  minimumAge: z.number().int().min(14).max(99).default(16),
  maximumAge: z.number().int().min(14).max(99).nullable().default(null),
  description: paragraphsOfText(3000).default(''),
});
export type Route = z.infer<typeof routeSchema>;
