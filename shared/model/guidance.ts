import { z } from 'zod';
import { SESSION_KIND_IDS, SESSION_MODE_IDS, DESTINATION_CODES, ACTION_OWNER_IDS, ACTION_STATUS_IDS } from '../reference';
import { idSchema, isoDateSchema, isoDateTimeSchema, lineOfText, paragraphsOfText, recordBase } from './common';

/** An employer or provider encounter that took place in a session (counts towards Benchmarks 5 and 7). */
export const encounterSchema = z.object({
  kind: z.enum(['employer', 'provider']),
  name: lineOfText(160).min(1, { message: 'Name the employer or provider' }),
  employerId: idSchema.nullable().default(null),
  providerId: idSchema.nullable().default(null),
});
export type Encounter = z.infer<typeof encounterSchema>;

export const guidanceSessionSchema = z.object({
  ...recordBase,
  pupilId: idSchema,
  adviserId: idSchema.nullable(),
  /** The calendar day of the session (indexed with pupilId for the timeline). */
  date: isoDateSchema,
  startTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Enter a time like 09:30' })
    .default('09:00'),
  kind: z.enum(SESSION_KIND_IDS, { message: 'Choose the kind of session' }),
  mode: z.enum(SESSION_MODE_IDS, { message: 'Choose how the session took place' }),
  durationMinutes: z
    .number()
    .int()
    .min(1, { message: 'Duration must be at least 1 minute' })
    .max(600, { message: 'Duration must be 600 minutes or less' }),
  location: lineOfText(160).default(''),
  topics: z.array(lineOfText(80)).max(30).default([]),
  notes: paragraphsOfText(50_000).default(''),
  /** Gatsby Benchmarks (1 to 8) this session evidences. */
  benchmarks: z.array(z.number().int().min(1).max(8)).max(8).default([]),
  encounters: z.array(encounterSchema).max(50).default([]),
  intendedDestination: z.enum(DESTINATION_CODES).nullable().default(null),
  agreed: paragraphsOfText(5000).default(''),
});
export type GuidanceSession = z.infer<typeof guidanceSessionSchema>;

export const actionSchema = z.object({
  id: idSchema,
  what: lineOfText(300).min(1, { message: 'Say what will be done' }),
  who: z.enum(ACTION_OWNER_IDS, { message: 'Choose who will do it' }),
  byWhen: isoDateSchema,
  status: z.enum(ACTION_STATUS_IDS).default('open'),
  doneOn: isoDateSchema.nullable().default(null),
});
export type PlanAction = z.infer<typeof actionSchema>;

export const goalSchema = z.object({
  id: idSchema,
  term: z.enum(['long', 'short']),
  text: lineOfText(300).min(1, { message: 'Write the goal' }),
});
export type Goal = z.infer<typeof goalSchema>;

/** A route or employer talked about in the meeting, printed on the action plan. */
export const discussedOptionSchema = z.object({
  kind: z.enum(['route', 'employer']),
  refId: idSchema.nullable().default(null),
  label: lineOfText(200).min(1),
  note: lineOfText(300).default(''),
});

export const actionPlanSchema = z.object({
  ...recordBase,
  pupilId: idSchema,
  sessionId: idSchema.nullable().default(null),
  adviserId: idSchema.nullable().default(null),
  situation: paragraphsOfText(5000).default(''),
  strengths: paragraphsOfText(5000).default(''),
  barriers: paragraphsOfText(5000).default(''),
  goals: z.array(goalSchema).max(50).default([]),
  actions: z.array(actionSchema).max(200).default([]),
  backupPlan: paragraphsOfText(5000).default(''),
  resources: paragraphsOfText(5000).default(''),
  discussed: z.array(discussedOptionSchema).max(50).default([]),
  reviewOn: isoDateSchema.nullable().default(null),
  agreedWithYoungPerson: z.boolean().default(false),
  agreedOn: isoDateSchema.nullable().default(null),
  /** Due dates of actions still open: a multi-entry index answers "overdue actions" without scanning plans. */
  openActionDueDates: z.array(isoDateSchema).default([]),
});
export type ActionPlan = z.infer<typeof actionPlanSchema>;

/** A session being typed, saved continuously so a crash or reload loses nothing. */
export const draftSchema = z.object({
  id: idSchema,
  kind: z.enum(['guidance-session', 'action-plan']),
  pupilId: idSchema,
  /** The record being edited, or null for a new one. */
  recordId: idSchema.nullable(),
  /** The form as it stands; validated only when the draft is saved as a record. */
  data: z.record(z.string(), z.unknown()),
  /**
   * For an edit, the record's updatedAt when its form opened: a restored draft is saved against that
   * version, so a change made elsewhere since is shown, not overwritten. Absent in drafts kept before.
   */
  openedVersion: isoDateTimeSchema.nullable().optional(),
  updatedAt: isoDateTimeSchema,
});
export type Draft = z.infer<typeof draftSchema>;
