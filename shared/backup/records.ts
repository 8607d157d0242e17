/**
 * Every record a backup holds, checked against this version's schemas before any of it is written:
 * a restore replaces the whole database, so one record that breaks the rules (a date of birth that
 * is not a date) would otherwise break every screen that reads it. Merge checks what it writes with
 * the same schemas.
 */
import type { z } from 'zod';
import {
  actionPlanSchema,
  adviserSchema,
  auditEntrySchema,
  compassSnapshotSchema,
  destinationEntrySchema,
  draftSchema,
  employerDocumentSchema,
  employerSchema,
  experienceSchema,
  storedAllocationSchema,
  guidanceSessionSchema,
  providerSchema,
  pupilSchema,
  routeSchema,
  schoolSchema,
  settingSchemas,
} from '../model';
import { BACKUP_TABLE_LABELS, BACKUP_TABLES, type BackupPayload, type BackupRow, type BackupTable } from './payload';
import { formatNumber } from '../numbers';

/** The schema of each table whose rows are records with an id (settings are checked by key). */
export const RECORD_SCHEMAS: Record<Exclude<BackupTable, 'settings'>, z.ZodType> = {
  pupils: pupilSchema,
  schools: schoolSchema,
  advisers: adviserSchema,
  sessions: guidanceSessionSchema,
  actionPlans: actionPlanSchema,
  drafts: draftSchema,
  employers: employerSchema,
  employerDocuments: employerDocumentSchema,
  experiences: experienceSchema,
  allocations: storedAllocationSchema,
  destinations: destinationEntrySchema,
  compassSnapshots: compassSnapshotSchema,
  providers: providerSchema,
  routes: routeSchema,
  audit: auditEntrySchema,
};

/** How many broken records are named; the rest are counted. */
const NAMED_PROBLEMS = 5;

function settingSchemaOf(key: unknown): z.ZodType | undefined {
  return typeof key === 'string' && Object.hasOwn(settingSchemas, key) ? settingSchemas[key as keyof typeof settingSchemas] : undefined;
}

/**
 * One row checked: the parsed record, or why it breaks the rules, as "field: message". Settings rows
 * are { key, value } with a schema per key.
 */
export function checkBackupRow(table: BackupTable, row: BackupRow): { ok: true; value: BackupRow } | { ok: false; why: string } {
  if (table === 'settings') {
    const schema = settingSchemaOf(row.key);
    if (!schema) return { ok: false, why: 'not a setting this version of Careers Desk knows' };
    const parsed = schema.safeParse(row.value);
    if (parsed.success) return { ok: true, value: { key: row.key, value: parsed.data } };
    const issue = parsed.error.issues[0];
    return { ok: false, why: `${['value', ...(issue?.path ?? [])].join('.')}: ${issue?.message ?? 'not valid'}` };
  }
  const parsed = RECORD_SCHEMAS[table].safeParse(row);
  if (parsed.success) return { ok: true, value: parsed.data as BackupRow };
  const issue = parsed.error.issues[0];
  return { ok: false, why: issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'not valid' };
}

/** "Young people, record 1a2b3c4d, dateOfBirth: Enter a real date": where a broken record is, never what it holds. */
export function backupRowProblem(table: BackupTable, row: BackupRow, why: string): string {
  // A record id's first 8 characters find it; a setting is named by its key.
  const name = table === 'settings' ? String(row.key).slice(0, 40) : String(row.id).slice(0, 8);
  return `${BACKUP_TABLE_LABELS[table]}, record ${name}: ${why}`;
}

/**
 * Every record of a (decoded, upgraded) payload checked against its schema: the first few problems by
 * table, record and field, and a count of the rest; none when all is well. The records themselves are
 * restored as they are (they carry what the database derives beside them, such as a young person's
 * search words, which a schema does not list).
 */
export function backupRecordProblems(payload: BackupPayload): string[] {
  const problems: string[] = [];
  let broken = 0;
  for (const table of BACKUP_TABLES) {
    for (const row of payload.tables[table]) {
      const checked = checkBackupRow(table, row);
      if (checked.ok) continue;
      broken += 1;
      if (problems.length < NAMED_PROBLEMS) problems.push(backupRowProblem(table, row, checked.why));
    }
  }
  if (broken > problems.length) problems.push(`and ${formatNumber(broken - problems.length)} more records like these`);
  return problems;
}

/** The message for a backup refused for its records, naming the first few. */
export function recordsRefusedMessage(problems: readonly string[]): string {
  return `It holds records this version of Careers Desk cannot accept, so it cannot be restored: ${problems.join('; ')}.`;
}
