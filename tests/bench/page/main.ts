/**
 * The bench page: built by tests/bench/global-setup.ts next to the built renderer (same origin, so
 * the same IndexedDB), it runs the renderer's own database code in Chromium and times it in the page,
 * so Playwright's round trips are not in the figures.
 */
import { effectScope, ref, watch } from 'vue';
import { DATASET_TABLES } from '../../../shared/model/dataset';
import { emptyPupilFilters } from '../../../shared/pupils/list';
import { displayName } from '../../../shared/model/pupil';
import { appDataKeys, db } from '../../../renderer/src/db/database';
import { getBridge } from '../../../renderer/src/bridge';
import { CareersDeskDb, DATABASE_NAME } from '../../../renderer/src/db/schema';
import { openRecordsKey } from '../../../renderer/src/db/data-key';
import { loadDataset } from '../../../renderer/src/db/demo';
import { findPupils } from '../../../renderer/src/db/pupils';
import { dropPupilListSnapshot, flushPupilListSnapshot } from '../../../renderer/src/db/pupil-list';
import { PUPIL_LIST_SNAPSHOT_KEY } from '../../../renderer/src/db/pupil-list-stamp';
import { createRepositories, installRepositories } from '../../../renderer/src/db/repositories';
import { fixedClock } from '../../../renderer/src/platform/clock';
import { usePupilRecord } from '../../../renderer/src/features/pupils/use-pupil-record';
import { benchDataset, countsOf, searchQueries, type BenchDataset } from '../datasets';
import { BENCH_TODAY, type SizeName } from '../sizes';
import type { BenchPageApi, RawSchemaVariant, SampledTiming, StepTiming } from './api';
import { measureDataJobs } from './data-jobs';

const RAW_DATABASE = 'careers-desk-bench-raw';

// The app's database, sealed with the key kept in the web key store (made on the first generate()), so
// the cold start of the built app opens what this page loaded; and, for encryption's cost side by side,
// the same steps on a database without the encryption middleware.
const clearDb = new CareersDeskDb('careers-desk-bench-clear', { unencryptedForBenchComparison: true });
let target: CareersDeskDb = db;
function useDatabase(chosen: CareersDeskDb): void {
  target = chosen;
  // The pupil page's composable reads through the repositories, as in the app; nobody writes here.
  installRepositories(
    createRepositories(target, { actor: () => null, clock: fixedClock(new Date(`${BENCH_TODAY}T12:00:00`)), keyStore: getBridge() }),
  );
}
useDatabase(db);

// Long tasks (50 ms or more on the main thread): the longest one in a step is what would freeze the window.
const longTasks: { start: number; end: number }[] = [];
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
});
observer.observe({ type: 'longtask', buffered: true });

// Long animation frames (Chromium 123 and later): which scripts ran in a frame that held the window, so a freeze
// can be traced to its cause on any run, without a profiler (which changes the timing it is looking at).
interface FrameScript {
  invoker: string;
  sourceFunctionName: string;
  sourceURL: string;
  sourceCharPosition: number;
  duration: number;
}
interface LongFrame {
  start: number;
  end: number;
  scripts: FrameScript[];
}
const longFrames: LongFrame[] = [];
function keepFrames(list: PerformanceObserverEntryList): void {
  for (const entry of list.getEntries()) {
    const scripts = (entry as PerformanceEntry & { scripts?: FrameScript[] }).scripts ?? [];
    longFrames.push({ start: entry.startTime, end: entry.startTime + entry.duration, scripts: [...scripts] });
  }
}
const frameObserver = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame') ? new PerformanceObserver(keepFrames) : null;
frameObserver?.observe({ type: 'long-animation-frame', buffered: true });

/** Where the longest frame between `from` and `to` went: its scripts, longest first, and what no script accounts for. */
function longestFrameWhere(from: number, to: number): string | undefined {
  const frames = longFrames.filter((f) => f.end > from && f.start < to);
  const longest = frames.sort((a, b) => b.end - b.start - (a.end - a.start))[0];
  if (!longest) return undefined;
  const file = (url: string) => url.split('/').pop()?.split('?')[0] ?? url;
  const scripts = [...longest.scripts].sort((a, b) => b.duration - a.duration);
  const inScripts = scripts.reduce((sum, script) => sum + script.duration, 0);
  const named = scripts.slice(0, 4).map((script) => {
    const at = `${file(script.sourceURL)}:${script.sourceCharPosition}`;
    return `${Math.round(script.duration)} ms ${script.invoker} ${script.sourceFunctionName || '?'} (${at})`;
  });
  const length = longest.end - longest.start;
  const outside = Math.round(length - inScripts);
  return `frame ${Math.round(length)} ms: ${named.join('; ') || 'no script'}; outside scripts (style, layout, GC) ${outside} ms`;
}

async function longestTaskBetween(from: number, to: number): Promise<number> {
  // Entries arrive a little after the task ends: wait a frame, then take what is pending.
  await new Promise((resolve) => setTimeout(resolve, 20));
  for (const entry of observer.takeRecords()) longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  if (frameObserver) keepFrames({ getEntries: () => frameObserver.takeRecords() } as unknown as PerformanceObserverEntryList);
  return Math.round(longTasks.filter((t) => t.end > from && t.start < to).reduce((max, t) => Math.max(max, t.end - t.start), 0));
}

let bench: BenchDataset | null = null;
/** The size generated, so that a data set let go (letGoOfDataset) can be made again when a step needs it. */
let benchSize: SizeName | null = null;
/** Search queries made at generate(), enough for every search step: kept when the data set is let go. */
const SCREEN_QUERIES = 1000;
let screenInputs: { queries: string[]; pupilId: string } | null = null;

function current(): BenchDataset {
  if (!bench && benchSize) {
    console.info('bench page: making the data set again (it was let go)');
    bench = benchDataset(benchSize);
  }
  if (!bench) throw new Error('Call generate() first');
  return bench;
}

function screens(): { queries: string[]; pupilId: string } {
  if (!screenInputs) throw new Error('Call generate() first');
  return screenInputs;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * Indexes of the current schema that no screen queries (a search of renderer/src for where(), orderBy() and
 * compound keys), for the schema-cost figures (issue 21, item 3). None since version 7, which dropped the ones
 * found on 6 December 2026 (pupils' district, riskBand, lastGuidanceOn, leftOn, updatedAt; sessions' kind and
 * pupilId; actionPlans.sessionId; drafts.updatedAt; employers.outcode; experiences.start; destinations' kind and
 * [pupilId+recordedOn]; audit's at and [entity+action]). `experiences.employerId` and `compassSnapshots.schoolId`
 * are queried, though Dexie could answer them from their compound indexes; both tables are small. Kept, so an
 * index added later without a query shows here, and the variant's figure is otherwise the run's own noise.
 */
const UNQUERIED_INDEXES: Record<string, readonly string[]> = {};

/**
 * Sessions stored compactly: one row per young person holding all their sessions, with the two things
 * screens look sessions up by besides the young person (adviser, date) as multi-entry indexes.
 */
const SESSIONS_BY_PUPIL = 'sessionsByPupil';
function sessionsByPupil(sessions: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const grouped = new Map<string, Record<string, unknown>[]>();
  for (const session of sessions) {
    const pupilId = String(session.pupilId);
    const list = grouped.get(pupilId);
    if (list) list.push(session);
    else grouped.set(pupilId, [session]);
  }
  return [...grouped].map(([pupilId, list]) => ({
    pupilId,
    adviserIds: [...new Set(list.map((s) => s.adviserId).filter((id) => typeof id === 'string'))],
    dates: [...new Set(list.map((s) => s.date))],
    sessions: list,
  }));
}

/** The app's stores and indexes, read from the Dexie schema, for the raw database (or a variant of them). */
async function openRawDatabase(variant: RawSchemaVariant = 'same'): Promise<IDBDatabase> {
  if (!db.isOpen()) await db.open();
  const stores = db.tables.map((table) => ({
    name: table.name,
    keyPath: table.schema.primKey.keyPath ?? null,
    indexes: table.schema.indexes
      .filter((index) => variant === 'same' || !(UNQUERIED_INDEXES[table.name] ?? []).includes(index.name))
      .map((index) => ({
        name: index.name,
        keyPath: index.keyPath!,
        unique: Boolean(index.unique),
        multiEntry: Boolean(index.multi),
      })),
  }));
  if (variant === 'compact-sessions') {
    stores.push({
      name: SESSIONS_BY_PUPIL,
      keyPath: 'pupilId',
      indexes: [
        { name: 'adviserIds', keyPath: 'adviserIds', unique: false, multiEntry: true },
        { name: 'dates', keyPath: 'dates', unique: false, multiEntry: true },
      ],
    });
  }
  await request(indexedDB.deleteDatabase(RAW_DATABASE));
  const opening = indexedDB.open(RAW_DATABASE, 1);
  opening.onupgradeneeded = () => {
    for (const store of stores) {
      const created = opening.result.createObjectStore(store.name, { keyPath: store.keyPath });
      for (const index of store.indexes)
        created.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
    }
  };
  return request(opening);
}

async function timed(step: () => Promise<unknown>): Promise<StepTiming> {
  // The step starts in a task of its own: otherwise the task it starts in (the set-up before it, such as making the
  // import's 10,000-row CSV after a read) overlaps its window and is counted as its longest (round nine).
  await new Promise((resolve) => setTimeout(resolve, 0));
  const start = performance.now();
  await step();
  const end = performance.now();
  const longestTaskMs = await longestTaskBetween(start, end);
  return { ms: end - start, longestTaskMs, ...(longestTaskMs > 200 ? { longestTaskWhere: longestFrameWhere(start, end) } : {}) };
}

const api: BenchPageApi = {
  async generate(size: SizeName) {
    if (!appDataKeys.unlocked) await openRecordsKey(getBridge(), appDataKeys, DATABASE_NAME);
    const start = performance.now();
    bench = benchDataset(size);
    benchSize = size;
    const generateMs = performance.now() - start;
    screenInputs = { queries: searchQueries(bench.data, SCREEN_QUERIES), pupilId: bench.pupilWithFiftySessions.id };
    return {
      counts: countsOf(bench.data),
      generateMs,
      pupilId: bench.pupilWithFiftySessions.id,
      pupilName: displayName(bench.pupilWithFiftySessions),
    };
  },

  async rawLoad(slice: number | null, variant: RawSchemaVariant = 'same') {
    const { data } = current();
    const raw = await openRawDatabase(variant);
    // Progress on the console (the spec prints it): at the county size a step once hung without a word.
    console.info(`bench page: raw load (${variant}) started (${slice === null ? 'every put issued at once' : `${slice} puts at a time`})`);
    raw.onclose = () => console.warn('bench page: the raw database connection was closed by the browser');
    const compact = variant === 'compact-sessions';
    const tables: string[] = compact ? [...DATASET_TABLES.filter((t) => t !== 'sessions'), SESSIONS_BY_PUPIL] : [...DATASET_TABLES];
    const rows = DATASET_TABLES.flatMap((table): (readonly [string, unknown])[] =>
      compact && table === 'sessions'
        ? sessionsByPupil(data.sessions as unknown as Record<string, unknown>[]).map((row) => [SESSIONS_BY_PUPIL, row] as const)
        : data[table].map((row) => [table, row] as const),
    );
    try {
      return await timed(
        () =>
          new Promise<void>((resolve, reject) => {
            const tx = raw.transaction(tables, 'readwrite');
            tx.oncomplete = () => {
              console.info('bench page: raw load committed');
              resolve();
            };
            tx.onerror = () => reject(tx.error);
            tx.onabort = () => reject(tx.error ?? new Error('The raw transaction was aborted'));
            const size = slice ?? rows.length;
            // The next slice is issued from the last put's success, so the one transaction stays active.
            const issue = (from: number): void => {
              const to = Math.min(from + size, rows.length);
              let last: IDBRequest | null = null;
              for (let i = from; i < to; i++) {
                const [table, row] = rows[i]!;
                last = tx.objectStore(table).put(row);
              }
              if (last && to < rows.length) {
                if (to % 100_000 < size) console.info(`bench page: raw load issued ${to} of ${rows.length} rows`);
                last.onsuccess = () => issue(to);
              }
            };
            issue(0);
          }),
      );
    } finally {
      raw.close();
      await request(indexedDB.deleteDatabase(RAW_DATABASE));
    }
  },

  async dexieLoad() {
    const { data } = current();
    console.info('bench page: app load: deleting the database');
    await target.delete();
    await target.open();
    console.info('bench page: app load started');
    const timing = await timed(() => loadDataset(target, data, null, new Date(`${data.pupils[0]!.createdAt}`)));
    console.info('bench page: app load committed');
    return timing;
  },

  letGoOfDataset() {
    bench = null;
    return Promise.resolve();
  },

  async search(count: number, warmUp: number) {
    const queries =
      count + warmUp <= SCREEN_QUERIES ? screens().queries.slice(0, count + warmUp) : searchQueries(current().data, count + warmUp);
    for (const text of queries.slice(count)) await findPupils(target, { ...emptyPupilFilters(), text }, 'name', BENCH_TODAY);
    const samples: number[] = [];
    let results = 0;
    const start = performance.now();
    for (const text of queries.slice(0, count)) {
      // Keystrokes come in tasks of their own (the list also waits 60 ms): without this the 200 queries
      // would run as one chain of promises, one task, and the longest task would be their sum.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const before = performance.now();
      results += (await findPupils(target, { ...emptyPupilFilters(), text }, 'name', BENCH_TODAY)).length;
      samples.push(performance.now() - before);
    }
    const end = performance.now();
    const longestTaskMs = await longestTaskBetween(start, end);
    const where = longestFrameWhere(start, end);
    return {
      samples,
      longestTaskMs,
      ...(where === undefined ? {} : { longestTaskWhere: where }),
      averageResults: Math.round(results / count),
      firstQueries: queries.slice(0, 12),
    };
  },

  async pupilPage(runs: number, warmUp: number) {
    const { pupilId } = screens();
    const samples: number[] = [];
    let sessions = 0;
    const start = performance.now();
    for (let i = 0; i < warmUp + runs; i++) {
      const scope = effectScope();
      const before = performance.now();
      const loaded = await new Promise<number>((resolve, reject) => {
        scope.run(() => {
          const state = usePupilRecord(ref(pupilId));
          watch(
            [state.loading, state.error],
            ([loading, error]) => {
              if (error) reject(error);
              else if (!loading) resolve(state.record.value?.sessions.length ?? -1);
            },
            { immediate: true },
          );
        });
      });
      const elapsed = performance.now() - before;
      scope.stop();
      if (loaded < 0) throw new Error('The pupil page found no record');
      sessions = loaded;
      if (i >= warmUp) samples.push(elapsed);
    }
    const timing: SampledTiming = { samples, longestTaskMs: await longestTaskBetween(start, performance.now()) };
    return { ...timing, sessions };
  },

  useEncryption(on: boolean) {
    useDatabase(on ? db : clearDb);
    return Promise.resolve();
  },

  async openAndList(fromSnapshot = false) {
    // The sealed database keeps a snapshot of the list: made now, or dropped so every record is read.
    if (target.keys) {
      // Whatever this page's own list still has to write (its snapshot, a refresh after the bulk load) first,
      // untimed, so it does not run inside the figure.
      await flushPupilListSnapshot(target);
      if (fromSnapshot) {
        await findPupils(target, emptyPupilFilters(), 'name', BENCH_TODAY);
        await flushPupilListSnapshot(target);
      } else await dropPupilListSnapshot(target);
    }
    // A connection of its own, as at a start: opened, then the whole list read (and opened) into the index.
    const fresh = new CareersDeskDb(target.name, target.keys ? { keys: target.keys } : { unencryptedForBenchComparison: true });
    try {
      return await timed(async () => {
        await fresh.open();
        await findPupils(fresh, emptyPupilFilters(), 'name', BENCH_TODAY);
      });
    } finally {
      fresh.close();
    }
  },

  async dropListSnapshot() {
    if (!appDataKeys.unlocked) await openRecordsKey(getBridge(), appDataKeys, DATABASE_NAME);
    if (!db.isOpen()) await db.open();
    await dropPupilListSnapshot(db);
    db.close();
  },

  async makeListSnapshot() {
    if (!appDataKeys.unlocked) await openRecordsKey(getBridge(), appDataKeys, DATABASE_NAME);
    await findPupils(db, emptyPupilFilters(), 'name', BENCH_TODAY);
    await flushPupilListSnapshot(db);
    const made = (await db.settings.get(PUPIL_LIST_SNAPSHOT_KEY)) !== undefined;
    db.close();
    return made;
  },

  dataJobs(size: SizeName, onPageToo: boolean, stopAfter?: string, startAt?: string) {
    // The generated data set is let go first (nothing after needs it): held, it made the page's heap hundreds of
    // megabytes at a service, and its garbage collections (100 to 470 ms, CPU profile) landed in whichever step ran.
    bench = null;
    benchSize = null;
    return measureDataJobs(db, size, onPageToo, timed, stopAfter, startAt);
  },

  async finish() {
    await request(indexedDB.deleteDatabase(RAW_DATABASE));
    await clearDb.delete();
    useDatabase(db);
    db.close();
  },
};

window.careersDeskBench = api;
