import type { AuditAction, AuditedEntity } from '@shared/model';
import type { CareersDeskDb } from './schema';

export interface AuditInput {
  actorId: string | null;
  action: AuditAction;
  entity: AuditedEntity;
  recordId: string | null;
  pupilId: string | null;
  summary: string;
  before?: unknown;
}

/**
 * Adds one audit entry. Call it inside the same transaction as the change it records,
 * so the change and its trail are written together or not at all.
 */
export async function writeAudit(db: CareersDeskDb, input: AuditInput, now: Date = new Date()): Promise<void> {
  await db.audit.add({
    id: crypto.randomUUID(),
    at: now.toISOString(),
    adviserId: input.actorId,
    action: input.action,
    entity: input.entity,
    recordId: input.recordId,
    pupilId: input.pupilId,
    summary: input.summary,
    ...(input.before === undefined ? {} : { before: input.before }),
  });
}
