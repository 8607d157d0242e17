// The pupil list's store at a start: the first screen from the list's snapshot while the rest is read, and,
// when it was shown from the page's early read and a young person has been saved since, taken back at once
// (the list shows loading, then every record as it is now), never left up while the records are read.
import { TEST_DATA_KEY, memoryKeyStore, testDatabaseOptions } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createPinia, setActivePinia } from 'pinia';
import { watch } from 'vue';
import { CareersDeskDb } from '@renderer/db/schema';
import { createRepositories, installRepositories, type Repositories } from '@renderer/db/repositories';
import { findPupils } from '@renderer/db/pupils';
import { PUPIL_LIST_STAMP_KEY } from '@renderer/db/pupil-list-stamp';
import { sealRow } from '@shared/crypto/sealed-rows';
import { loadDataset } from '@renderer/db/demo';
import { flushPupilListSnapshot, pupilListSource } from '@renderer/db/pupil-list';
import { EARLY_READ_KEYS, EARLY_READ_RANGE } from '@renderer/db/early-read';
import { fixedClock } from '@renderer/platform/clock';
import { usePupilListStore } from '@renderer/features/pupils/store';
import { PUPIL_LIST_SNAPSHOT_PART_PREFIX } from '@shared/backup';
import { PUPIL_LIST_FIRST_SCREEN_ROWS } from '@shared/pupils/list-snapshot';
import { emptyPupilFilters } from '@shared/pupils/list';
import { generateDemoDataset } from '@shared/demo';
import { runEarlyScript } from './early-script';

const TODAY = '2026-11-24';
// More young people than the first screen holds, so the first screen is visibly partial.
const dataset = generateDemoDataset({ seed: 5, today: TODAY, pupils: PUPIL_LIST_FIRST_SCREEN_ROWS + 40, sessionsPerPupil: 1 });
const EARLY_RANGE = { lower: EARLY_READ_RANGE.lower, prefix: PUPIL_LIST_SNAPSHOT_PART_PREFIX };

let name: string;
const open: CareersDeskDb[] = [];
let before: Repositories | null = null;

/** What the list showed, each time it changed: how many rows, whether only the first screen, whether loading. */
interface Shown {
  rows: number;
  partial: boolean;
  loading: boolean;
  names: string[];
}

/** A start of the app over the database: the list's store made, and each change of what it shows kept, until read. */
async function startAndWatch(): Promise<Shown[]> {
  const db = new CareersDeskDb(name, testDatabaseOptions());
  open.push(db);
  const clock = fixedClock(new Date(`${TODAY}T10:00:00Z`));
  before = installRepositories(createRepositories(db, { actor: () => null, clock, keyStore: memoryKeyStore() }));
  setActivePinia(createPinia());
  const store = usePupilListStore();
  const shown: Shown[] = [];
  watch(
    () => [store.pupils, store.partial, store.loading] as const,
    ([pupils, partial, loading]) => shown.push({ rows: pupils.length, partial, loading, names: pupils.map((p) => p.preferredSurname) }),
    // As the page would draw it: each change after the work of its turn, not the steps within one.
    { immediate: true },
  );
  await expect.poll(() => !store.loading && store.pupils.length === dataset.pupils.length, { timeout: 5000 }).toBe(true);
  return shown;
}

/** Puts `row` in the settings store with IndexedDB itself: no Dexie in this window hears of it. */
function restampRaw(database: string, row: Record<string, unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(database);
    opening.onerror = () => reject(opening.error ?? new Error('open failed'));
    opening.onsuccess = () => {
      const connection = opening.result;
      const transaction = connection.transaction('settings', 'readwrite');
      transaction.objectStore('settings').put(row);
      transaction.oncomplete = () => {
        connection.close();
        resolve();
      };
      transaction.onabort = () => reject(transaction.error ?? new Error('put failed'));
    };
  });
}

beforeEach(async () => {
  name = `careers-desk-list-store-${crypto.randomUUID()}`;
  const db = new CareersDeskDb(name, testDatabaseOptions());
  open.push(db);
  await db.open();
  await loadDataset(db, dataset, null);
  await findPupils(db, emptyPupilFilters(), 'name', TODAY);
  await flushPupilListSnapshot(db);
  expect(await runEarlyScript(name, EARLY_READ_KEYS, EARLY_RANGE)).toBe('success');
});

afterEach(async () => {
  installRepositories(before);
  before = null;
  delete (globalThis as { careersDeskEarlyRead?: unknown }).careersDeskEarlyRead;
  for (const db of open.splice(0)) db.close();
  await Dexie.delete(name);
});

describe("the pupil list's store at a start (features/pupils/store)", () => {
  it('shows the first screen while the rest is read, then the whole list', async () => {
    const shown = await startAndWatch();
    const partial = shown.filter((s) => s.partial);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial[0]?.rows).toBe(PUPIL_LIST_FIRST_SCREEN_ROWS);
    expect(shown.at(-1)).toMatchObject({ rows: dataset.pupils.length, partial: false, loading: false });
  });

  it('takes the first screen back when the records changed after the early read, and shows every record as stored', async () => {
    // A change from a connection this window does not hear (another window's, not through this window's Dexie):
    // the change stamp written again, raw, as every write of a young person does.
    await restampRaw(name, sealRow('settings', { key: PUPIL_LIST_STAMP_KEY, value: 'stamp-after-the-early-read' }, TEST_DATA_KEY));

    const shown = await startAndWatch();
    const firstPartial = shown.findIndex((s) => s.partial);
    expect(firstPartial).toBeGreaterThanOrEqual(0);
    // Taken back: nothing partial after it, the list loading until every record is read.
    const after = shown.slice(firstPartial + 1);
    expect(after[0]).toMatchObject({ rows: 0, partial: false, loading: true });
    expect(after.every((s) => !s.partial)).toBe(true);
    expect(shown.at(-1)).toMatchObject({ rows: dataset.pupils.length, partial: false, loading: false });
    expect(pupilListSource(open.at(-1) as CareersDeskDb)).toBe('records');
  });
});
