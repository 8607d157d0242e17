// Reading the audit log for its view and its CSV export. Each query starts from the most selective
// index the filters allow (record or young person, adviser, date range), newest first.
import type { Collection, InsertType } from 'dexie';
import { displayName, SETTING_LABELS, type AuditAction, type AuditEntry, type SettingKey } from '@shared/model';
import type { CareersDeskDb } from './schema';
import { searchPupils } from './pupils';
import { byWrittenOrder, recordAudit } from './audit';
import { getSetting } from './settings';

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

/**
 * What each entry is about, in words, by entry id: the young person's name (or "An erased young
 * person"), the employer's, route's, provider's, school's or adviser's name, or a setting's label.
 * Never an id fragment. Entries about nothing nameable (the whole database, a group experience) are absent.
 */
export interface AuditRecordName {
  name: string;
  /** The young person's id when the entry is about one still recorded, for a link to their page. */
  pupilId: string | null;
}

export async function auditRecordNames(db: CareersDeskDb, entries: readonly AuditEntry[]): Promise<Map<string, AuditRecordName>> {
  const idsOf = (entity: AuditEntry['entity']) => [
    ...new Set(entries.filter((e) => e.entity === entity && e.recordId).map((e) => e.recordId as string)),
  ];
  const pupilIds = [...new Set(entries.map((e) => e.pupilId).filter((id) => id !== null))];
  const [pupils, employers, routes, providers, schools, advisers, erased] = await Promise.all([
    db.pupils.bulkGet(pupilIds),
    db.employers.bulkGet(idsOf('employer')),
    db.routes.bulkGet(idsOf('route')),
    db.providers.bulkGet(idsOf('provider')),
    db.schools.bulkGet(idsOf('school')),
    db.advisers.bulkGet(idsOf('adviser')),
    getSetting(db, 'erasedPupilIds'),
  ]);
  const names = new Map<string, string>();
  for (const pupil of pupils) if (pupil) names.set(pupil.id, displayName(pupil));
  for (const record of [...employers, ...providers, ...schools, ...advisers]) if (record) names.set(record.id, record.name);
  for (const route of routes) if (route) names.set(route.id, route.title);
  const erasedIds = new Set(erased ?? []);
  const byEntry = new Map<string, AuditRecordName>();
  for (const entry of entries) {
    let name: string | undefined;
    if (entry.pupilId) {
      const living = erasedIds.has(entry.pupilId) ? undefined : names.get(entry.pupilId);
      const gone = erasedIds.has(entry.pupilId) ? 'An erased young person' : 'A young person no longer recorded';
      byEntry.set(entry.id, { name: living ?? gone, pupilId: living ? entry.pupilId : null });
      continue;
    } else if (entry.entity === 'pupil' && entry.action === 'erase') {
      // The entry of an erasure keeps no link to whom it erased.
      name = 'An erased young person';
    } else if (entry.entity === 'settings' && entry.recordId) {
      name = Object.hasOwn(SETTING_LABELS, entry.recordId) ? SETTING_LABELS[entry.recordId as SettingKey] : undefined;
    } else if (entry.recordId) {
      name = names.get(entry.recordId);
    }
    if (name) byEntry.set(entry.id, { name, pupilId: null });
  }
  return byEntry;
}
