import { z } from 'zod';
import { idSchema, isoDateTimeSchema, lineOfText } from './common';

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'erase',
  'export',
  'import',
  'restore',
  'merge',
  'retention-delete',
  'demo-load',
  'demo-clear',
] as const;
export const AUDITED_ENTITIES = [
  'pupil',
  'guidance-session',
  'action-plan',
  'placement',
  'allocation',
  'destination',
  'compass-snapshot',
  'experience',
  'employer',
  'employer-document',
  'provider',
  'route',
  'school',
  'adviser',
  'settings',
  'database',
  'return',
] as const;

/** One change to the data: who, when, what. Personal data is never copied here for an erasure. */
export const auditEntrySchema = z.object({
  id: idSchema,
  at: isoDateTimeSchema,
  /**
   * The entry's place in this computer's log: one more than the entry before it. Two changes in the
   * same millisecond share `at`, so the log is read in [at+seq] order, never by the clock alone.
   */
  seq: z.number().int().nonnegative(),
  adviserId: idSchema.nullable(),
  action: z.enum(AUDIT_ACTIONS),
  entity: z.enum(AUDITED_ENTITIES),
  recordId: z.string().nullable(),
  /** The young person concerned, so a subject access request can include what was done to their record. */
  pupilId: idSchema.nullable(),
  summary: lineOfText(500),
  /** The previous version of an edited record, so an edit can be traced (never kept for erasure). */
  before: z.unknown().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type AuditedEntity = (typeof AUDITED_ENTITIES)[number];
