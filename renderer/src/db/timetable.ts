// The imported public-transport timetable (a GTFS feed read into the planner's shape, shared/travel).
// It is public data about buses and trains, not about young people, and can be large (tens of MB of
// typed arrays), so it lives in its own database beside the records: opening the records never reads
// it, it is not in backups (the file can be imported again on any computer) and erasure has nothing
// to do there. What screens list (operators, dates, counts) is kept apart from the feed itself, so
// showing it never loads the timetable.
import Dexie, { type EntityTable } from 'dexie';
import {
  readGtfsFeed,
  searchStops,
  summariseFeed,
  type StopChoice,
  type TravelFeed,
  type TravelFeedSummary,
  type TravelPoint,
} from '@shared/travel';
import type { Problem } from '@shared/model';
import { formatNumber } from '@shared/numbers';

/** What is shown about the imported timetable, without the timetable. */
export interface TimetableInfo {
  /** Always 'current': one timetable at a time; importing another replaces it. */
  id: 'current';
  fileName: string;
  importedAt: string;
  summary: TravelFeedSummary;
  warnings: string[];
}

interface StoredFeed {
  id: 'current';
  feed: TravelFeed;
}

export class TimetableDb extends Dexie {
  info!: EntityTable<TimetableInfo, 'id'>;
  feeds!: EntityTable<StoredFeed, 'id'>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({ info: 'id', feeds: 'id' });
  }
}

export type TimetableImport = { ok: true; info: TimetableInfo } | { ok: false; problems: Problem[] };

export interface TimetableImportRequest {
  databaseName: string;
  fileName: string;
  bytes: Uint8Array;
  importedAt: string;
}

/**
 * Reads a GTFS zip and, only when it reads cleanly, replaces the stored timetable with it in one
 * transaction: a feed that is refused leaves the one before in place.
 */
export async function importTimetable(request: TimetableImportRequest, onProgress: (fraction: number) => void): Promise<TimetableImport> {
  // Reading is most of the work; writing the last step.
  const read = readGtfsFeed(request.bytes, { onProgress: (fraction) => onProgress(fraction * 0.9) });
  if (!read.ok) return { ok: false, problems: read.problems };
  const info: TimetableInfo = {
    id: 'current',
    fileName: request.fileName,
    importedAt: request.importedAt,
    summary: summariseFeed(read.feed),
    warnings: read.feed.warnings,
  };
  const db = new TimetableDb(request.databaseName);
  try {
    await db.transaction('rw', db.info, db.feeds, async () => {
      await db.feeds.put({ id: 'current', feed: read.feed });
      await db.info.put(info);
    });
  } finally {
    db.close();
  }
  onProgress(1);
  return { ok: true, info };
}

export async function currentTimetableInfo(db: TimetableDb): Promise<TimetableInfo | null> {
  return (await db.info.get('current')) ?? null;
}

/** The stored timetable, for planning journeys, or null when none is imported. */
export async function currentTimetable(db: TimetableDb): Promise<TravelFeed | null> {
  return (await db.feeds.get('current'))?.feed ?? null;
}

export async function removeTimetable(db: TimetableDb): Promise<void> {
  await db.transaction('rw', db.info, db.feeds, async () => {
    await db.feeds.clear();
    await db.info.clear();
  });
}

/** Records the import or removal of the timetable in the records' audit log: public data, so it names the operators. */
export function timetableAuditSummary(change: 'import' | 'delete', info: TimetableInfo | null): string {
  if (change === 'delete' || !info) return 'Removed the public-transport timetable';
  const operators = info.summary.operators.slice(0, 3).join(', ') + (info.summary.operators.length > 3 ? ' and others' : '');
  return `Imported a public-transport timetable (${operators}; ${formatNumber(info.summary.stopCount)} stops)`;
}

/** Tells one import from another (a frozen test clock can give two imports the same time). */
export function timetableKey(info: TimetableInfo): string {
  return JSON.stringify([info.importedAt, info.fileName, info.summary]);
}

/**
 * For a worker that keeps the timetable between jobs: opens the timetable database by name, and reads
 * the feed only when the one stored is not the import already held (`heldKey`, from timetableKey).
 * Null when no timetable is imported; `feed` null when the one held is still current.
 */
export async function readTimetableUnlessHeld(
  databaseName: string,
  heldKey: string | null,
): Promise<{ info: TimetableInfo; feed: TravelFeed | null } | null> {
  const db = new TimetableDb(databaseName);
  try {
    return await db.transaction('r', db.info, db.feeds, async () => {
      const info = await currentTimetableInfo(db);
      if (!info) return null;
      if (timetableKey(info) === heldKey) return { info, feed: null };
      return { info, feed: await currentTimetable(db) };
    });
  } finally {
    db.close();
  }
}

/** What a stop picker lists: nothing to pick from without a timetable, else the stops found. */
export type StopSearch = { imported: false } | { imported: true; choices: StopChoice[] };

/**
 * Finds stops by name for a stop picker, nearest to `near` first. The stops are read from the stored
 * timetable once per import and kept (the feed itself is let go), so each keystroke is a search in
 * memory, not a read of tens of MB.
 */
export class StopFinder {
  private held: { key: string; stops: TravelFeed['stops'] } | null = null;

  constructor(private readonly db: () => TimetableDb) {}

  async search(text: string, near: TravelPoint | null): Promise<StopSearch> {
    const info = await currentTimetableInfo(this.db());
    if (!info) {
      this.held = null;
      return { imported: false };
    }
    const key = timetableKey(info);
    if (this.held?.key !== key) {
      const feed = await currentTimetable(this.db());
      if (!feed) return { imported: false };
      this.held = { key, stops: feed.stops };
    }
    return { imported: true, choices: searchStops(this.held.stops, text, near) };
  }
}
