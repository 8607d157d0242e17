/**
 * A young person erased on this computer, taken out of a backup's data as erasure takes them out of the
 * database (renderer/src/db/pupils.ts removeEverythingAbout), and the rows merge leaves out as "about" them:
 * their record; every row whose `pupilId` is theirs (sessions, action plans, drafts, audit entries);
 * their place in a group's `pupilIds` (the row goes when nobody is left) and their line of an allocation.
 * Earlier versions kept in other young people's audit entries (`before`) lose them too, so nothing in
 * the backup names them or carries their id.
 */
import type { BackupReason } from '../bridge';
import { BACKUP_TABLES, type BackupPayload, type BackupRow, type BackupTable } from './payload';

type Erased = ReadonlySet<string>;

function isRow(value: unknown): value is BackupRow {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether the row is about one of the erased young people, so it goes as a whole. */
function rowIsAbout(table: BackupTable, row: BackupRow, erased: Erased): boolean {
  if (table === 'pupils') return erased.has(row.id as string);
  if (typeof row.pupilId === 'string' && erased.has(row.pupilId)) return true;
  if (Array.isArray(row.pupilIds)) {
    const ids = row.pupilIds as unknown[];
    return ids.length > 0 && ids.every((id) => typeof id === 'string' && erased.has(id));
  }
  return false;
}

/**
 * The row without the erased young people in its lists (a group's `pupilIds`, an allocation's `lines`);
 * the same row when none is in them.
 */
function rowWithout(row: BackupRow, erased: Erased): BackupRow {
  let next = row;
  if (Array.isArray(row.pupilIds) && row.pupilIds.some((id) => typeof id === 'string' && erased.has(id))) {
    next = { ...next, pupilIds: (row.pupilIds as unknown[]).filter((id) => !(typeof id === 'string' && erased.has(id))) };
  }
  if (Array.isArray(row.lines) && row.lines.some((line) => isRow(line) && typeof line.pupilId === 'string' && erased.has(line.pupilId))) {
    next = {
      ...next,
      lines: (row.lines as unknown[]).filter((line) => !(isRow(line) && typeof line.pupilId === 'string' && erased.has(line.pupilId))),
    };
  }
  if (isRow(row.before)) {
    const before = rowWithout(row.before, erased);
    if (before !== row.before) next = { ...next, before };
  }
  return next;
}

export interface PayloadWithout {
  payload: BackupPayload;
  /** Rows removed or changed: 0 when the backup held nothing about them. */
  changed: number;
}

/** The payload without the young people with these ids and everything about them (see above). */
export function payloadWithoutPupils(payload: BackupPayload, pupilIds: readonly string[]): PayloadWithout {
  const erased: Erased = new Set(pupilIds);
  let changed = 0;
  const tables = { ...payload.tables };
  for (const table of BACKUP_TABLES) {
    if (table === 'settings') continue;
    const kept: BackupRow[] = [];
    for (const row of payload.tables[table]) {
      if (rowIsAbout(table, row, erased)) {
        changed += 1;
        continue;
      }
      const next = rowWithout(row, erased);
      if (next !== row) changed += 1;
      kept.push(next);
    }
    tables[table] = kept;
  }
  return { payload: { ...payload, tables }, changed };
}

/** Whether the payload holds anything about this young person: what a subject access export lists. */
export function payloadHoldsPupil(payload: BackupPayload, pupilId: string): boolean {
  return payloadWithoutPupils(payload, [pupilId]).changed > 0;
}

/** What erasure did to the automatic backups. */
export interface BackupErasureOutcome {
  total: number;
  /** Sealed again without the young person. */
  rewritten: number;
  /** Could not be opened with this computer's key, or not written back: deleted. */
  deleted: number;
  /** Held nothing about them: left as they were. */
  unchanged: number;
  /** Could be neither rewritten nor deleted: they may still hold the young person. */
  failed: number;
}

/** The automatic backups that hold a young person, for their subject access export. */
export interface BackupHolding {
  backups: { name: string; createdAt: string; reason: BackupReason }[];
  /** Backups this computer's key does not open, so it cannot tell whether they hold the young person. */
  couldNotBeOpened: number;
}

function backupsWord(count: number): string {
  return count === 1 ? '1 automatic backup' : `${count} automatic backups`;
}

/** "3 automatic backups rewritten without them; 1 that could not be opened was deleted." */
export function backupErasureWords(outcome: BackupErasureOutcome): string {
  if (outcome.total === 0) return 'There were no automatic backups to rewrite.';
  const parts: string[] = [`${backupsWord(outcome.rewritten)} rewritten without them`];
  if (outcome.deleted > 0) {
    parts.push(
      outcome.deleted === 1
        ? '1 that could not be opened or rewritten was deleted'
        : `${outcome.deleted} that could not be opened or rewritten were deleted`,
    );
  }
  if (outcome.unchanged > 0) parts.push(`${outcome.unchanged} held nothing about them`);
  if (outcome.failed > 0) {
    parts.push(`${outcome.failed === 1 ? '1 could' : `${outcome.failed} could`} be neither rewritten nor deleted and may still hold them`);
  }
  return `${parts.join('; ')}.`;
}
