import Dexie, { type IntervalTree, type ObservabilitySet } from 'dexie';
import type { Pupil, SettingRow } from '@shared/model';
import { PupilListIndex, PupilListIndexBuilder, PupilListRowsCollector } from '@shared/pupils/list-index';
import type { PupilFilters, PupilListRow, PupilSort } from '@shared/pupils/list';
import {
  PUPIL_LIST_FIRST_SCREEN_ROWS,
  PUPIL_LIST_SNAPSHOT_PART_ROWS,
  decodePupilListFirstScreen,
  decodePupilListSnapshotPart,
  encodePupilListFirstScreen,
  encodePupilListSnapshotPart,
  isWholePupilListSnapshot,
  pupilListSnapshotParts,
  type PupilListFirstScreen,
  type PupilListSnapshot,
} from '@shared/pupils/list-snapshot';
import type { CareersDeskDb } from './schema';
import { openStoredRows, readStoredChunk, readStoredRows, readStoredRowsAndRange, sealAhead } from './seal-ahead';
import { SealedRecordError } from '@shared/crypto/sealed-rows';
import {
  PUPIL_LIST_SNAPSHOT_KEY,
  PUPIL_LIST_SNAPSHOT_KEYS,
  PUPIL_LIST_SNAPSHOT_ROW_KEYS,
  PUPIL_LIST_STAMP_KEY,
  pupilListSnapshotKey,
} from './pupil-list-stamp';
import { takeEarlyRead, type StoredListRows } from './early-read';
import { afterNextPaint, nextTask } from '../platform/next-task';

/** Records read per request when the index is (re)built, so no single read holds the window for long. */
const LOAD_CHUNK = 2000;
/** Past this many changed records, reading the table again is quicker than patching one by one. */
const MOST_CHANGES_TO_PATCH = 500;
/** After a start that read every record, the snapshot is written this long after, once the list is drawn. */
const SAVE_DELAY_MS = 2000;
/** The snapshot's parts being opened at once at a start (readSnapshot). */
const PARTS_IN_FLIGHT = 2;
/**
 * After young people change (which deletes the snapshot), it is made again from a fresh read once this long
 * has passed without another change: one read after a burst of edits, not one per save.
 */
const REFRESH_DELAY_MS = 15_000;

/** Records read per request when the snapshot is made again in the background: each request's records open in one task. */
const REFRESH_CHUNK = 250;

/** Rows per stored part of the snapshot; smaller only in tests (setPupilListSnapshotPartRows), to have several parts. */
let snapshotPartRows = PUPIL_LIST_SNAPSHOT_PART_ROWS;

/** Sets the rows per part of the snapshots made from now on (tests: a few young people in several parts). */
export function setPupilListSnapshotPartRows(rows: number): void {
  snapshotPartRows = rows;
}

/** The snapshot's first screen as opened and offered: the stamp it was made at, and its part as stored in clear. */
interface OpenedFirstScreen {
  stamp: string | undefined;
  value: unknown;
}

/** Where the index last came from: its snapshot (one sealed value) or every record. */
export type PupilListSource = 'snapshot' | 'records';

/** The single keys of an interval tree, or null when it holds a range (a clear, a range delete). */
function singleKeys(tree: IntervalTree): string[] | null {
  const keys: string[] = [];
  const pending: IntervalTree[] = [tree];
  while (pending.length > 0) {
    const node = pending.pop() as IntervalTree;
    if (!('from' in node)) continue;
    if (typeof node.from !== 'string' || node.from !== node.to) return null;
    keys.push(node.from);
    if (node.l) pending.push(node.l);
    if (node.r) pending.push(node.r);
  }
  return keys;
}

/**
 * The pupil list's in-memory index (shared/pupils/list-index.ts), loaded from the database on
 * first use and kept current from Dexie's `storagemutated` event, which reports after each commit
 * (in this window or another) which records of which tables changed: a few changed pupils are read
 * again and patched in, anything bigger (an import, a restore) reloads the index. A (re)load reads the
 * list's sealed snapshot when it was made at the database's present change stamp, else every record, and
 * then makes the snapshot again (pupil-list-stamp.ts says how the stamp moves).
 */
class LivePupilList {
  private readonly index = new PupilListIndex();
  private reloadNeeded = true;
  private readonly changedIds = new Set<string>();
  private catchingUp: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly part: string;
  /** Only a sealed connection keeps a snapshot: its middleware renews the stamp on every write (pupil-list-stamp.ts). */
  private readonly keepsSnapshot: boolean;
  source: PupilListSource | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private pendingSave: (() => Promise<void>) | null = null;
  private saving: Promise<void> | null = null;
  /** The snapshot's first screen, from when a read of the snapshot has opened it until that read ends. */
  private firstScreenNow: PupilListFirstScreen | null = null;
  /** Those watching for first screens (watchFirstScreen). */
  private readonly firstScreenListeners = new Set<(screen: PupilListFirstScreen | null) => void>();

  constructor(private readonly db: CareersDeskDb) {
    this.part = `idb://${db.name}/pupils/`;
    this.keepsSnapshot = db.keys !== null;
    Dexie.on('storagemutated', (parts: ObservabilitySet) => this.noteChanges(parts));
    // Closed from elsewhere (deleted, or upgraded by a newer window): read everything again on reopening.
    db.on('close', () => {
      this.reloadNeeded = true;
    });
  }

  /** The first read started ahead of the first question (at start, while the first page loads). */
  prepare(): Promise<void> {
    return this.catchUp();
  }

  /**
   * While the list is read from its snapshot (at a start), the list as a start shows it (everyone, by name): its
   * first rows and how many young people there are, from the snapshot's small first part, before the rest is read.
   * `listener` hears each first screen offered (at once if one is shown now), and null if one is taken back: shown
   * from the page's early read, it turned out older than a write since. Starts the list's read if none is under way.
   * Returns the way to stop.
   */
  watchFirstScreen(listener: (screen: PupilListFirstScreen | null) => void): () => void {
    if (!this.keepsSnapshot) return () => undefined;
    this.firstScreenListeners.add(listener);
    if (this.firstScreenNow) listener(this.firstScreenNow);
    // Its failure is find's to report (the list's error line): here it only means no first screen.
    else this.catchUp().catch(() => undefined);
    return () => this.firstScreenListeners.delete(listener);
  }

  /** Tells the watchers of a first screen opened; it is the one shown until the read ends. */
  private offerFirstScreen(screen: PupilListFirstScreen): void {
    this.firstScreenNow = screen;
    for (const listener of this.firstScreenListeners) listener(screen);
  }

  /** The first screen shown is not the list stored now: its watchers drop it. */
  private takeBackFirstScreen(): void {
    this.firstScreenNow = null;
    for (const listener of this.firstScreenListeners) listener(null);
  }

  async find(filters: PupilFilters, sort: PupilSort, today: string): Promise<PupilListRow[]> {
    await this.catchUp();
    return this.index.find(filters, sort, today);
  }

  /** Calls `listener` after every committed change to pupil records; returns the way to stop. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private noteChanges(parts: ObservabilitySet): void {
    if (!Object.keys(parts).some((name) => name.startsWith(this.part))) return;
    const primaryKeys = parts[this.part];
    const keys = primaryKeys ? singleKeys(primaryKeys) : null;
    if (keys === null || keys.length + this.changedIds.size > MOST_CHANGES_TO_PATCH) this.reloadNeeded = true;
    else for (const key of keys) this.changedIds.add(key);
    // The write deleted the snapshot; a quiet moment later, one fresh read makes it again.
    if (this.keepsSnapshot) this.schedule(() => this.refreshSnapshot(), REFRESH_DELAY_MS);
    for (const listener of this.listeners) listener();
  }

  /** Runs `save` after `delay`, replacing any save still waiting (the later one reads later, so is as fresh). */
  private schedule(save: () => Promise<void>, delay: number): void {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.pendingSave = save;
    this.saveTimer = setTimeout(() => void this.flush(), delay);
  }

  /** Runs the waiting save now (tests, and the bench, rather than waiting for its timer). */
  flush(): Promise<void> {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const save = this.pendingSave;
    this.pendingSave = null;
    if (save) {
      const previous = this.saving ?? Promise.resolve();
      // A snapshot that cannot be written (locked, closed) is only a slower next start: never an error shown.
      this.saving = previous.then(() => Dexie.ignoreTransaction(save)).catch(() => undefined);
    }
    return this.saving ?? Promise.resolve();
  }

  /** One catch-up at a time; callers arriving meanwhile wait for the same one. */
  private catchUp(): Promise<void> {
    // A read under way is joined even with nothing left flagged: it has cleared the flags and not yet filled the index.
    if (this.catchingUp) return this.catchingUp;
    if (!this.reloadNeeded && this.changedIds.size === 0) return Promise.resolve();
    // Outside any caller's transaction or live query: the index is shared, not part of their read.
    this.catchingUp ??= Dexie.ignoreTransaction(() => this.applyChanges()).finally(() => {
      this.catchingUp = null;
    });
    return this.catchingUp;
  }

  private async applyChanges(): Promise<void> {
    // Changes committed while a step reads are noted by the event and picked up by the next turn.
    while (this.reloadNeeded || this.changedIds.size > 0) {
      if (this.reloadNeeded) {
        this.reloadNeeded = false;
        this.changedIds.clear();
        // User-timing marks: the benchmark's cold start reports them (tests/bench/browser.spec.ts).
        performance.mark('pupil-list:read-start');
        let fromSnapshot: PupilListIndexBuilder | null;
        try {
          fromSnapshot = this.keepsSnapshot ? await this.readSnapshot() : null;
        } catch (error) {
          // Still to be read: the next question tries again (and shows the error if it fails again).
          this.reloadNeeded = true;
          throw error;
        } finally {
          // A first screen is only for while the snapshot is read: from here the index answers, or every record is
          // read. Its watchers keep it until the list's answer replaces it.
          this.firstScreenNow = null;
        }
        if (fromSnapshot) {
          this.source = 'snapshot';
          performance.mark('pupil-list:from-snapshot');
          performance.mark('pupil-list:read-end');
          this.index.adopt(fromSnapshot);
        } else {
          const { builder, stamp } = await this.readAll(LOAD_CHUNK, new PupilListIndexBuilder()).catch((error: unknown) => {
            this.reloadNeeded = true;
            throw error;
          });
          this.source = 'records';
          performance.mark('pupil-list:read-end');
          this.index.adopt(builder);
          // A refresh already asked for (a change heard while reading) reads again later: leave it be.
          if (this.keepsSnapshot && stamp !== null && this.pendingSave === null) {
            const rows = this.index.rows();
            const first = this.index.firstByName(PUPIL_LIST_FIRST_SCREEN_ROWS);
            this.schedule(() => this.saveSnapshot(rows, first, stamp), SAVE_DELAY_MS);
          }
        }
        performance.mark('pupil-list:indexed');
        // A task boundary between sorting every name and the first query on them (then drawing it): at a
        // county each is about 100 ms, together enough to freeze the window (tests/bench/README.md).
        await nextTask();
      } else {
        const ids = [...this.changedIds];
        this.changedIds.clear();
        // Read as stored and opened with Web Crypto: the synchronous cipher opens every row in the read's callback,
        // about a millisecond each (bench round nine), and up to MOST_CHANGES_TO_PATCH rows come here.
        const records = (await openStoredRows(this.db, 'pupils', await readStoredRows(this.db, 'pupils', ids))) as (Pupil | undefined)[];
        ids.forEach((id, at) => {
          const record = records[at];
          if (record) this.index.upsert(record);
          else this.index.remove(id);
        });
      }
    }
  }

  /**
   * The snapshot's rows filed into a builder, or null when there is none made at the database's present stamp.
   * Its first screen is offered (watchFirstScreen) as soon as it is opened, before the other parts are.
   */
  private async readSnapshot(): Promise<PupilListIndexBuilder | null> {
    // The stamp and the parts as stored, read without opening any (the middleware's cipher would open each part
    // in a task of the read); then opened with Web Crypto, many times quicker, off it. At a start the page's
    // early script has usually read them already, while the app's modules loaded.
    const early = await takeEarlyRead(this.db);
    let stored: StoredListRows | null = null;
    let shown: OpenedFirstScreen | null = null;
    let tried: StoredListRows | null = null;
    if (early) {
      // Shown as soon as the key is in the ring, before the app's connection opens and the stamp is read again
      // (about 100 ms of a service's start, bench round fifteen); taken back if that check finds a write since.
      if (early.atDeclaredVersion && this.db.keys) {
        await this.db.keys.whenUnlocked();
        tried = early;
        shown = await this.openFirstScreen(early);
      }
      if (await early.current) stored = early;
      else if (shown) {
        shown = null;
        this.takeBackFirstScreen();
      }
    }
    stored ??= await this.readStoredSnapshot();
    if (!shown && stored !== tried) shown = await this.openFirstScreen(stored);
    if (!shown) return null;
    const { stamp } = shown;
    const values: unknown[] = [shown.value];
    try {
      const parts = (await stored.rest) ?? (await this.readStoredRowParts());
      // Two parts in flight at most, each taken in a task of its own: opened all at once, their JSON could be parsed
      // in one task, which grew with the list (205 ms at a county, bench round ten); one part is 5,000 young people.
      // The second in flight is decrypted while the first is parsed.
      // A part that fails while an earlier one is awaited is not reported as unhandled: it is awaited, and throws, in turn.
      const open = (part: unknown): Promise<unknown> => {
        const pending = openStoredRows(this.db, 'settings', [part]).then(([opened]) => (opened as SettingRow | undefined)?.value);
        pending.catch(() => undefined);
        return pending;
      };
      const opening = parts.slice(0, PARTS_IN_FLIGHT).map(open);
      for (let at = 0; at < parts.length; at++) {
        await nextTask();
        values.push(await opening[at]);
        if (at + PARTS_IN_FLIGHT < parts.length) opening.push(open(parts[at + PARTS_IN_FLIGHT]));
      }
    } catch (error) {
      // A snapshot that does not open is only a slower start: every record is read (and checked) instead.
      if (error instanceof SealedRecordError) return null;
      throw error;
    }
    if (!isWholePupilListSnapshot(values, stamp)) return null;
    const builder = new PupilListIndexBuilder();
    for (const [at, value] of (values as PupilListSnapshot[]).entries()) {
      // The first screen's rows are in the other parts too.
      if (value.part === 0) continue;
      // Each part filed in a task of its own: at a county, all at once held the window for several hundred ms.
      if (at > 1) await nextTask();
      const rows = decodePupilListSnapshotPart(value);
      if (!rows) return null;
      builder.add(rows);
    }
    return builder;
  }

  /**
   * The snapshot's first screen opened and offered (watchFirstScreen), then painted before the other parts are opened:
   * each is a task of its own (parsing 5,000 young people), and they came between the first screen and the paint
   * that shows it (bench round thirteen). Null when there is none at the stamp stored beside it, or it does not open.
   */
  private async openFirstScreen(stored: StoredListRows): Promise<OpenedFirstScreen | null> {
    performance.mark('pupil-list:first-chunk');
    let opened: (SettingRow | undefined)[];
    try {
      opened = (await openStoredRows(this.db, 'settings', [stored.stamp, stored.first])) as (SettingRow | undefined)[];
    } catch (error) {
      // A snapshot that does not open is only a slower start: every record is read (and checked) instead.
      if (error instanceof SealedRecordError) return null;
      throw error;
    }
    const [stampRow, firstRow] = opened;
    const stamp = typeof stampRow?.value === 'string' ? stampRow.value : undefined;
    const first = decodePupilListFirstScreen(firstRow?.value, stamp);
    if (!first) return null;
    performance.mark('pupil-list:first-screen');
    this.offerFirstScreen(first);
    await afterNextPaint();
    return { stamp, value: firstRow?.value };
  }

  /**
   * The stamp and the first screen as stored, read first, and the other parts read beside them: each part holds
   * the stamp it was made at, so parts replaced between the two reads are found out (isWholePupilListSnapshot).
   */
  private async readStoredSnapshot(): Promise<StoredListRows> {
    const rest = this.readStoredRowParts();
    // Awaited by readSnapshot only after the first screen is opened: a failure here is not unhandled meanwhile.
    rest.catch(() => undefined);
    const [stamp, first] = await readStoredRows(this.db, 'settings', [PUPIL_LIST_STAMP_KEY, PUPIL_LIST_SNAPSHOT_KEY]);
    return { stamp, first, rest };
  }

  private async readStoredRowParts(): Promise<unknown[]> {
    return (await readStoredRowsAndRange(this.db, 'settings', [], PUPIL_LIST_SNAPSHOT_ROW_KEYS)).inRange;
  }

  /**
   * Reads every record a chunk at a time, filing each chunk into `builder` as it arrives, between two
   * readings of the change stamp: when both are the same, no young person's record changed meanwhile (every
   * write gives the stamp a new random value), so the rows are the state at that stamp; otherwise `stamp` is
   * null and nothing is saved from them. Short reads, not one long transaction, so saves are never held up.
   */
  private async readAll<Into extends { add(records: readonly PupilListRow[]): void }>(
    chunkSize: number,
    builder: Into,
  ): Promise<{ builder: Into; stamp: string | undefined | null }> {
    const before = this.keepsSnapshot ? await this.readStamp() : undefined;
    let last: string | null = null;
    for (;;) {
      // Read as stored and opened with Web Crypto: the synchronous cipher would open the whole chunk in the read's
      // callback, about a millisecond a row: the 2,124 ms task of the list's read after a 10,000-row import (round nine).
      const stored = await readStoredChunk(this.db, 'pupils', last, chunkSize);
      const chunk = (await openStoredRows(this.db, 'pupils', stored)) as Pupil[];
      if (last === null) performance.mark('pupil-list:first-chunk');
      builder.add(chunk);
      if (chunk.length < chunkSize) break;
      last = (chunk[chunk.length - 1] as Pupil).id;
    }
    const after = this.keepsSnapshot ? await this.readStamp() : undefined;
    return { builder, stamp: before === after ? before : null };
  }

  private async readStamp(): Promise<string | undefined> {
    const value = (await this.db.settings.get(PUPIL_LIST_STAMP_KEY))?.value;
    return typeof value === 'string' ? value : undefined;
  }

  /**
   * Stores the rows read at `stamp` as the snapshot, unless young people have changed since (the stamp has
   * moved on: the next read makes it). With no stamp yet, one is made here, in the same transaction.
   */
  private async saveSnapshot(rows: readonly PupilListRow[], first: readonly PupilListRow[], stamp: string | undefined): Promise<void> {
    if (stamp === undefined) {
      // No stamp yet, so no young person was written since the read (a write makes one): make one now, read
      // it back (the stamp middleware gives any stamp written a new random value), and save at that.
      const made = await this.db.transaction('rw', this.db.settings, async () => {
        if ((await this.readStamp()) !== undefined) return undefined;
        await this.db.settings.put({ key: PUPIL_LIST_STAMP_KEY, value: '' });
        return this.readStamp();
      });
      if (made !== undefined) await this.saveSnapshot(rows, first, made);
      return;
    }
    // Sealed with Web Crypto before the transaction (readSnapshot opens it the same way); stored as it is. Each
    // part made and sealed in a task of its own: awaiting Web Crypto does not give the thread back, so without the
    // boundary a county's twenty parts were made in one task (597 ms, found by the bench's search, round ten).
    const sealed: SettingRow[] = [];
    const parts = pupilListSnapshotParts(rows.length, snapshotPartRows);
    for (let part = 0; part < parts; part++) {
      if (part > 0) await nextTask();
      const value =
        part === 0
          ? encodePupilListFirstScreen(first, rows.length, stamp, parts)
          : encodePupilListSnapshotPart(rows, stamp, part, snapshotPartRows);
      sealed.push(...((await sealAhead(this.db, { settings: [{ key: pupilListSnapshotKey(part), value }] })).settings as SettingRow[]));
    }
    await this.db.transaction('rw', this.db.settings, async () => {
      if ((await this.readStamp()) !== stamp) return;
      // Any part left from a longer list goes, so the parts stored are exactly this snapshot's.
      await this.db.settings.where(':id').between(PUPIL_LIST_SNAPSHOT_KEYS.lower, PUPIL_LIST_SNAPSHOT_KEYS.upper, true, true).delete();
      // One part a put, each issued from the last one's success (a task of its own), the transaction kept open by
      // the put in flight: IndexedDB wraps each large value in a Blob inside put(), on this thread, and a county's
      // twenty parts put at once took one task of 341 ms (bench round twelve).
      for (const part of sealed) await this.db.settings.put(part);
    });
  }

  /** Makes the snapshot again after young people changed: every record read, as at a start, without touching the index. */
  private async refreshSnapshot(): Promise<void> {
    // Small reads: each opens its records in one task, and this runs while the adviser works.
    // The rows alone, no index: a snapshot needs no name order or words (at a county, building them only to throw
    // them away made hundreds of megabytes of garbage), only the first screen's names in order.
    const { builder, stamp } = await this.readAll(REFRESH_CHUNK, new PupilListRowsCollector(PUPIL_LIST_FIRST_SCREEN_ROWS));
    if (stamp === null) return; // changed while reading: that change has asked for another refresh
    await this.saveSnapshot(builder.rows(), builder.firstByName(), stamp);
  }
}

const lists = new WeakMap<CareersDeskDb, LivePupilList>();

function liveList(db: CareersDeskDb): LivePupilList {
  let list = lists.get(db);
  if (!list) {
    list = new LivePupilList(db);
    lists.set(db, list);
  }
  return list;
}

/** The young people who meet the filters (year groups as they are on `today`), sorted, from the in-memory index. */
export function findInPupilList(db: CareersDeskDb, filters: PupilFilters, sort: PupilSort, today: string): Promise<PupilListRow[]> {
  return liveList(db).find(filters, sort, today);
}

/** Hears the list's first screens while its snapshot is read at a start, and null if one is taken back (LivePupilList.watchFirstScreen). */
export function watchPupilListFirstScreen(db: CareersDeskDb, listener: (screen: PupilListFirstScreen | null) => void): () => void {
  return liveList(db).watchFirstScreen(listener);
}

/** Starts the list's first read without waiting for it: at start, so that the list is ready when first asked. */
export function preparePupilList(db: CareersDeskDb): Promise<void> {
  return liveList(db).prepare();
}

/** Where this connection's list index last came from (null before its first read): for tests and the bench. */
export function pupilListSource(db: CareersDeskDb): PupilListSource | null {
  return liveList(db).source;
}

/** Deletes the list's snapshot, every part (the bench: a start that reads every record). */
export async function dropPupilListSnapshot(db: CareersDeskDb): Promise<void> {
  await db.settings.where(':id').between(PUPIL_LIST_SNAPSHOT_KEYS.lower, PUPIL_LIST_SNAPSHOT_KEYS.upper, true, true).delete();
}

/** Writes the list's waiting snapshot now instead of after its delay (tests and the bench). */
export function flushPupilListSnapshot(db: CareersDeskDb): Promise<void> {
  return liveList(db).flush();
}

/** Calls `listener` after every committed change to pupil records (here or in another window). */
export function onPupilListChange(db: CareersDeskDb, listener: () => void): () => void {
  return liveList(db).onChange(listener);
}
