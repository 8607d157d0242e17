/**
 * A draft is capped at the record's own limits: each text field of a form keeps at most as many
 * characters as the record's zod schema allows that field, so a draft is never an unbounded blob,
 * and the form says so while the adviser types past the limit.
 */
import { z } from 'zod';
import { actionPlanSchema, guidanceSessionSchema } from '../model/guidance';
import { formatNumber } from '../numbers';

/** The schema's most characters for a text field (through defaults and nullables), or null for any other field. */
function maxLengthOf(schema: z.ZodType): number | null {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) {
    inner = inner.unwrap() as z.ZodType;
  }
  return inner instanceof z.ZodString && typeof inner.maxLength === 'number' ? inner.maxLength : null;
}

/** The limit of every text field of a record schema's shape, by field name. */
export function textLimitsOf(shape: Readonly<Record<string, z.ZodType>>): Readonly<Record<string, number>> {
  const limits: Record<string, number> = {};
  for (const [field, schema] of Object.entries(shape)) {
    const max = maxLengthOf(schema);
    if (max !== null) limits[field] = max;
  }
  return limits;
}

/** The session form types topics as one line; the record keeps up to 30 topics of 80 characters, with their commas. */
const TOPICS_TEXT_LIMIT = 30 * (80 + 2);

export const SESSION_DRAFT_LIMITS: Readonly<Record<string, number>> = {
  ...textLimitsOf(guidanceSessionSchema.shape),
  topics: TOPICS_TEXT_LIMIT,
};
export const PLAN_DRAFT_LIMITS: Readonly<Record<string, number>> = textLimitsOf(actionPlanSchema.shape);

/** The first `limit` characters, never cutting a character made of two UTF-16 units in half. */
function firstCharacters(text: string, limit: number): string {
  const cut = text.slice(0, limit);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** The form's data with every text field over its limit cut to it, and which fields were over. */
export function capDraftText(data: Readonly<Record<string, unknown>>, limits: Readonly<Record<string, number>>) {
  const capped: Record<string, unknown> = { ...data };
  const over: string[] = [];
  for (const [field, limit] of Object.entries(limits)) {
    const value = data[field];
    if (typeof value === 'string' && value.length > limit) {
      capped[field] = firstCharacters(value, limit);
      over.push(field);
    }
  }
  return { data: capped, over };
}

/** What a field over its limit says while the adviser types. */
export function draftLimitMessage(limit: number): string {
  const count = formatNumber(limit);
  return `Keep this to ${count} characters or fewer. The draft keeps only the first ${count}; shorten it before saving.`;
}
