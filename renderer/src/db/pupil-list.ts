import Dexie, { type IntervalTree, type ObservabilitySet } from 'dexie';
import type { Pupil } from '@shared/model';
import { PupilListIndex, PupilListIndexBuilder } from '@shared/pupils/list-index';
import type { PupilFilters, PupilSort } from '@shared/pupils/list';
import type { CareersDeskDb } from './schema';

/** Records read per request when the index is (re)built, so no single read holds the window for long. */
const LOAD_CHUNK = 2000;
/** Past this many changed records, reading the table again is quicker than patching one by one. */
const MOST_CHANGES_TO_PATCH = 500;

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

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
 * again and patched in, anything bigger (an import, a restore) reloads the index.
 */
class LivePupilList {
  private readonly index = new PupilListIndex();
  private reloadNeeded = true;
  private readonly changedIds = new Set<string>();
  private catchingUp: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly part: string;

  constructor(private readonly db: CareersDeskDb) {
    this.part = `idb://${db.name}/pupils/`;
    Dexie.on('storagemutated', (parts: ObservabilitySet) => this.noteChanges(parts));
    // Closed from elsewhere (deleted, or upgraded by a newer window): read everything again on reopening.
    db.on('close', () => {
      this.reloadNeeded = true;
    });
  }

  async find(filters: PupilFilters, sort: PupilSort, today: string): Promise<Pupil[]> {
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
    for (const listener of this.listeners) listener();
  }

  /** One catch-up at a time; callers arriving meanwhile wait for the same one. */
  private catchUp(): Promise<void> {
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
        const builder = await this.readAll();
        performance.mark('pupil-list:read-end');
        this.index.adopt(builder);
        performance.mark('pupil-list:indexed');
        // A task boundary between sorting every name and the first query on them (then drawing it): at a
        // county each is about 100 ms, together enough to freeze the window (tests/bench/README.md).
        await nextTask();
      } else {
        const ids = [...this.changedIds];
        this.changedIds.clear();
        const records = await this.db.pupils.bulkGet(ids);
        ids.forEach((id, at) => {
          const record = records[at];
          if (record) this.index.upsert(record);
          else this.index.remove(id);
        });
      }
    }
  }

  /** Reads every record a chunk at a time, filing each chunk into the builder as it arrives. */
  private async readAll(): Promise<PupilListIndexBuilder> {
    const builder = new PupilListIndexBuilder();
    let last: string | null = null;
    for (;;) {
      const chunk: Pupil[] = await (last === null ? this.db.pupils.orderBy(':id') : this.db.pupils.where(':id').above(last))
        .limit(LOAD_CHUNK)
        .toArray();
      if (last === null) performance.mark('pupil-list:first-chunk');
      builder.add(chunk);
      if (chunk.length < LOAD_CHUNK) return builder;
      last = (chunk[chunk.length - 1] as Pupil).id;
    }
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
export function findInPupilList(db: CareersDeskDb, filters: PupilFilters, sort: PupilSort, today: string): Promise<Pupil[]> {
  return liveList(db).find(filters, sort, today);
}

/** Calls `listener` after every committed change to pupil records (here or in another window). */
export function onPupilListChange(db: CareersDeskDb, listener: () => void): () => void {
  return liveList(db).onChange(listener);
}
