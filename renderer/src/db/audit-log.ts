// Reading the audit log for its view and its CSV export. Each query starts from the most selective
// index the filters allow (record or young person, adviser, date range), newest first.
import type { Collection, InsertType } from 'dexie';
import type { AuditAction, AuditEntry } from '@shared/model';
import type { CareersDeskDb } from './schema';
import { searchPupils } from './pupils';
import { byWrittenOrder, recordAudit } from './audit';

/** "none" finds entries with no adviser recorded. */
export interface AuditFilters {
  from: string;
  to: string;
  adviserId: string | null;
  record: string;
  action: AuditAction | null;
}

export function emptyAuditFilters(): AuditFilters {
  return { from: '', to: '', adviserId: null, record: '', action: null };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The start of the day after an ISO date, so "to 24/11/2026" includes the whole of that day. */
function dayAfter(iso: string): string {
  const date = new Date(`${iso}T00:00:00`);
  date.setDate(date.getDate() + 1);
  return date.toISOString();
}

function startOf(iso: string): string {
  return new Date(`${iso}T00:00:00`).toISOString();
}

function matches(entry: AuditEntry, filters: AuditFilters): boolean {
  if (filters.action && entry.action !== filters.action) return false;
  if (filters.adviserId === 'none' && entry.adviserId !== null) return false;
  if (filters.adviserId && filters.adviserId !== 'none' && entry.adviserId !== filters.adviserId) return false;
  if (filters.from && entry.at < startOf(filters.from)) return false;
  if (filters.to && entry.at >= dayAfter(filters.to)) return false;
  return true;
}

/**
 * Entries matching the filters, newest first, at most `limit` (and whether there are more).
 * The record filter takes a record id, or a young person's name or UPN (their entries).
 */
export async function findAuditEntries(
  db: CareersDeskDb,
  filters: AuditFilters,
  today: string,
  limit = Number.POSITIVE_INFINITY,
): Promise<{ entries: AuditEntry[]; more: boolean }> {
  const record = filters.record.trim();
  let rows: AuditEntry[];
  if (record !== '') {
    let candidates: AuditEntry[];
    if (UUID.test(record)) {
      const [byRecord, byPupil] = await Promise.all([
        db.audit.where('recordId').equals(record).toArray(),
        db.audit.where('pupilId').equals(record).toArray(),
      ]);
      candidates = [...new Map([...byRecord, ...byPupil].map((e) => [e.id, e])).values()];
    } else {
      const pupilIds = (await searchPupils(db, record, today, 200)).map((p) => p.id);
      candidates = pupilIds.length > 0 ? await db.audit.where('pupilId').anyOf(pupilIds).toArray() : [];
    }
    rows = byWrittenOrder(candidates.filter((e) => matches(e, filters))).reverse();
  } else {
    let collection: Collection<AuditEntry, string, InsertType<AuditEntry, 'id'>>;
    if (filters.adviserId && filters.adviserId !== 'none') collection = db.audit.where('adviserId').equals(filters.adviserId).reverse();
    // [at+seq] gives the order entries were written in, even within one millisecond (seq starts at 1).
    else if (filters.from || filters.to)
      collection = db.audit
        .where('[at+seq]')
        .between([filters.from ? startOf(filters.from) : '', 0], [filters.to ? dayAfter(filters.to) : '\uffff', 0], true, false)
        .reverse();
    else collection = db.audit.orderBy('[at+seq]').reverse();
    // An index on adviser gives its entries in id order; sorting by time happens below on that subset.
    const filtered = collection.filter((e) => matches(e, filters));
    rows =
      filters.adviserId && filters.adviserId !== 'none'
        ? byWrittenOrder(await filtered.toArray()).reverse()
        : await (Number.isFinite(limit) ? filtered.limit(limit + 1) : filtered).toArray();
  }
  return { entries: rows.slice(0, limit), more: rows.length > limit };
}

/** Records that the audit log left the machine as CSV, and how many entries. */
export async function auditAuditExport(db: CareersDeskDb, count: number, actorId: string | null): Promise<void> {
  await recordAudit(db, {
    actorId,
    action: 'export',
    entity: 'database',
    recordId: null,
    pupilId: null,
    summary: `Exported the audit log as CSV (${count} entries)`,
  });
}
