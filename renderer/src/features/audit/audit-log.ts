// The audit log's labels and its CSV export. Its query is in db/audit-log.ts.
import type { AuditAction, AuditEntry, AuditedEntity } from '@shared/model';
import { csvDocument } from '@shared/csv';

export { emptyAuditFilters, type AuditFilters, type AuditRecordName } from '../../db/audit-log';

/** Labels by action; an action added later shows by its id until it has one. */
export const AUDIT_ACTION_LABELS: Partial<Record<AuditAction, string>> & Record<string, string | undefined> = {
  create: 'Added',
  update: 'Changed',
  delete: 'Deleted',
  erase: 'Erased',
  export: 'Exported',
  import: 'Imported',
  restore: 'Restored',
  merge: 'Merged',
  'retention-delete': 'Deleted after retention period',
  'demo-load': 'Loaded demo data',
  'demo-clear': 'Cleared demo data',
};

export const AUDIT_ENTITY_LABELS: Partial<Record<AuditedEntity, string>> & Record<string, string | undefined> = {
  pupil: 'Young person',
  'guidance-session': 'Guidance session',
  'action-plan': 'Action plan',
  placement: 'Placement',
  allocation: 'Confirmed allocation',
  experience: 'Workplace experience',
  employer: 'Employer',
  'employer-document': "Employer's document",
  provider: 'Provider',
  route: 'Route',
  school: 'School',
  adviser: 'Adviser',
  settings: 'Setting',
  database: 'Whole database',
  return: 'Return',
};

/** The entries as CSV: when, who, what, which record, and the summary (never the earlier versions of records). */
export function auditCsv(entries: readonly AuditEntry[], adviserName: (id: string | null) => string): string {
  return csvDocument([
    ['When', 'Adviser', 'Action', 'Record type', 'Record id', 'Young person id', 'Summary'],
    ...entries.map((e) => [
      e.at,
      adviserName(e.adviserId),
      AUDIT_ACTION_LABELS[e.action] ?? e.action,
      AUDIT_ENTITY_LABELS[e.entity] ?? e.entity,
      e.recordId ?? '',
      e.pupilId ?? '',
      e.summary,
    ]),
  ]);
}
