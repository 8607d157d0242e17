import { TEST_DATA_KEY, testDatabaseOptions } from './test-database';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import Dexie from 'dexie';
import { CareersDeskDb } from '@renderer/db/schema';
import { DataKeyRing } from '@renderer/db/encryption';
import { erasePupil, findPupils, savePupil, type PupilInput } from '@renderer/db/pupils';
import { loadDataset } from '@renderer/db/demo';
import { exportPayload, restorePayload } from '@renderer/db/backup';
import { applyMerge } from '@renderer/db/merge';
import {
  findInPupilList,
  flushPupilListSnapshot,
  pupilListSource,
  watchPupilListFirstScreen,
  setPupilListSnapshotPartRows,
} from '@renderer/db/pupil-list';
import {
  PUPIL_LIST_SNAPSHOT_KEY,
  PUPIL_LIST_SNAPSHOT_KEYS,
  PUPIL_LIST_STAMP_KEY,
  pupilListSnapshotKey,
} from '@renderer/db/pupil-list-stamp';
import { MACHINE_SETTING_KEYS, MERGE_TABLES, isMachineSettingKey, type MergeWrites } from '@shared/backup';
import { PUPIL_LIST_SNAPSHOT_PART_ROWS } from '@shared/pupils/list-snapshot';
import { generateDemoDataset } from '@shared/demo';
import { displayName, type Pupil } from '@shared/model';
import { emptyPupilFilters, sortPupils } from '@shared/pupils/list';
import {
  PUPIL_LIST_FIRST_SCREEN_ROWS,
  decodePupilListFirstScreen,
  decodePupilListSnapshotPart,
  encodePupilListSnapshot,
  isWholePupilListSnapshot,
  type PupilListFirstScreen,
  type PupilListSnapshot,
} from '@shared/pupils/list-snapshot';
import { openRow, SealedRecordError, SEALED_PROPERTY } from '@shared/crypto/sealed-rows';
import { EARLY_READ_KEYS, EARLY_READ_RANGE } from '@renderer/db/early-read';
import { PUPIL_LIST_SNAPSHOT_PART_PREFIX } from '@shared/backup';

/** The range renderer/index.html gives the early script: the snapshot's parts after its first screen. */
const EARLY_RANGE = { lower: EARLY_READ_RANGE.lower, prefix: PUPIL_LIST_SNAPSHOT_PART_PREFIX };
import { runEarlyScript } from './early-script';

const TODAY = '2026-11-24';
const dataset = generateDemoDataset({ seed: 21, today: TODAY, pupils: 60, sessionsPerPupil: 1 });

let name: string;
let counter = 0;
const open: CareersDeskDb[] = [];

/** A new connection with a list of its own: another window, or the app started again. */
async function startWindow(): Promise<CareersDeskDb> {
  const db = new CareersDeskDb(name, testDatabaseOptions());
  await db.open();
  open.push(db);
  return db;
}

/** What the list shows: each young person's id and name, in name order. */
async function listed(db: CareersDeskDb): Promise<string[]> {
  return (await findPupils(db, emptyPupilFilters(), 'name', TODAY)).map((p) => `${p.id} ${displayName(p)} ${p.riskBand ?? ''}`);
}

/** What the records themselves say, read whole. */
async function truth(db: CareersDeskDb): Promise<string[]> {
  return sortPupils(await db.pupils.toArray(), 'name').map((p) => `${p.id} ${displayName(p)} ${p.riskBand ?? ''}`);
}

function inputFrom(pupil: Pupil, overrides: Partial<PupilInput> = {}): PupilInput {
  const { createdAt: _c, updatedAt: _u, searchWords: _s, ...fields } = pupil;
  return { ...fields, ...overrides };
}

/** A window that has read every record and written its snapshot, so the next start reads the snapshot. */
async function withSnapshot(): Promise<CareersDeskDb> {
  const first = await startWindow();
  await listed(first);
  await flushPupilListSnapshot(first);
  const second = await startWindow();
  await listed(second);
  expect(pupilListSource(second)).toBe('snapshot');
  return second;
}

beforeEach(async () => {
  counter += 1;
  name = `careers-desk-snapshot-${counter}`;
  const db = await startWindow();
  await loadDataset(db, dataset, null);
});

afterEach(async () => {
  for (const db of open.splice(0)) db.close();
  await Dexie.delete(name);
});

describe("the pupil list's snapshot (renderer/src/db/pupil-list, pupil-list-stamp)", () => {
  it('answers a question asked while its first read is under way only once that read has filled it', async () => {
    // Both from the records and from the snapshot: the second question comes while the first one's read is still going.
    for (const source of ['records', 'snapshot'] as const) {
      const db = await startWindow();
      const [first, second] = await Promise.all([listed(db), listed(db)]);
      expect(pupilListSource(db)).toBe(source);
      expect(first).toEqual(await truth(db));
      expect(second).toEqual(first);
      await flushPupilListSnapshot(db);
    }
  });

  it('is read at the next start instead of every record, shows the same list, and is sealed', async () => {
    const first = await startWindow();
    expect(await listed(first)).toEqual(await truth(first));
    expect(pupilListSource(first)).toBe('records');
    await flushPupilListSnapshot(first);

    const next = await startWindow();
    expect(await listed(next)).toEqual(await truth(next));
    expect(pupilListSource(next)).toBe('snapshot');
    // Searches and filters work on it as on records.
    const someone = dataset.pupils[3] as Pupil;
    const word = someone.searchWords[1] ?? '';
    const found = await findPupils(next, { ...emptyPupilFilters(), text: word }, 'name', TODAY);
    expect(found.map((p) => p.id)).toContain(someone.id);

    // On disk it is one sealed settings row: no name in clear.
    const raw = new CareersDeskDb(name, { unencryptedForBenchComparison: true });
    await raw.open();
    open.push(raw);
    const stored = (await raw.settings.get(PUPIL_LIST_SNAPSHOT_KEY)) as Record<string, unknown> | undefined;
    expect(stored?.[SEALED_PROPERTY]).toBeInstanceOf(Uint8Array);
    expect(JSON.stringify(stored)).not.toContain(someone.legalSurname);
  });

  it('never shows a young person added, renamed or erased in another window since it was made', async () => {
    const [renamed, erased] = dataset.pupils as [Pupil, Pupil];
    const changes: [string, (other: CareersDeskDb) => Promise<unknown>][] = [
      ['renamed', (other) => savePupil(other, inputFrom(renamed, { preferredSurname: 'Quennell' }), null)],
      ['added', (other) => savePupil(other, { ...inputFrom(renamed), id: undefined, legalSurname: 'Newcombe' }, null)],
      ['erased', (other) => erasePupil(other, erased.id, null)],
      // The risk weights' recomputation changes a band without a new updatedAt: the stamp still moves.
      ['risk band moved', async (other) => other.pupils.put({ ...((await other.pupils.get(renamed.id)) as Pupil), riskBand: 'high' })],
      ['table cleared', (other) => other.pupils.clear()],
    ];
    for (const [what, change] of changes) {
      await withSnapshot();
      const other = await startWindow();
      await change(other);
      const next = await startWindow();
      expect(await listed(next), what).toEqual(await truth(next));
      expect(pupilListSource(next), what).toBe('records');
      // ...and the snapshot went with the change, in the same transaction: an erased name is not kept in it.
      expect(await other.settings.get(PUPIL_LIST_SNAPSHOT_KEY), what).toBeUndefined();
    }
  });

  it('is not written from a read that a change overtook', async () => {
    const reader = await startWindow();
    await listed(reader);
    const other = await startWindow();
    await savePupil(other, inputFrom(dataset.pupils[0] as Pupil, { preferredSurname: 'Overtaken' }), null);
    // Whether the reader has heard of the change yet (another window's news can come late) or not, what it
    // stores, if anything, is the list as it now is.
    await flushPupilListSnapshot(reader);
    const next = await startWindow();
    expect(await listed(next)).toEqual(await truth(next));
    expect((await listed(next)).some((row) => row.includes('Overtaken'))).toBe(true);
  });

  it('is not written when a change commits between the read and the write, before the reader hears of it', async () => {
    const reader = await startWindow();
    await listed(reader);
    const other = await startWindow();
    const someone = (await other.pupils.get((dataset.pupils[4] as Pupil).id)) as Pupil;
    let flushing: Promise<void> = Promise.resolve();
    await other.transaction('rw', other.pupils, async () => {
      await other.pupils.put({ ...someone, legalSurname: 'Racing', preferredSurname: '' });
      // The reader's write is asked for now, and waits for this transaction (it holds the settings too).
      flushing = flushPupilListSnapshot(reader);
    });
    await flushing;
    expect(await other.settings.get(PUPIL_LIST_SNAPSHOT_KEY)).toBeUndefined();
    const next = await startWindow();
    expect(await listed(next)).toEqual(await truth(next));
    expect((await listed(next)).some((row) => row.includes('Racing'))).toBe(true);
  });

  it('is never made from a read that a change committed in the middle of', async () => {
    for (const [round, someone] of (dataset.pupils.slice(10, 14) as Pupil[]).entries()) {
      for (const db of open.splice(0)) db.close();
      await Dexie.delete(name);
      const db = await startWindow();
      await loadDataset(db, dataset, null);
      const reader = await startWindow();
      const other = await startWindow();
      // The read and the write run side by side; the write lands somewhere in the middle of the read's steps.
      const reading = listed(reader);
      for (let step = 0; step < round; step++) await other.settings.get(PUPIL_LIST_STAMP_KEY);
      await other.pupils.put({ ...((await other.pupils.get(someone.id)) as Pupil), preferredSurname: `Midway${round}` });
      await reading;
      await flushPupilListSnapshot(reader);
      const next = await startWindow();
      expect(await listed(next), `round ${round}`).toEqual(await truth(next));
    }
  });

  it('is made again after changes, from a fresh read, and then shows them', async () => {
    const window = await withSnapshot();
    await savePupil(window, inputFrom(dataset.pupils[1] as Pupil, { preferredSurname: 'Afterwards' }), null);
    expect((await listed(window)).some((row) => row.includes('Afterwards'))).toBe(true);
    await flushPupilListSnapshot(window);
    const next = await startWindow();
    expect(await listed(next)).toEqual(await truth(next));
    expect(pupilListSource(next)).toBe('snapshot');
    expect((await listed(next)).some((row) => row.includes('Afterwards'))).toBe(true);
  });

  it('is not trusted after a restore, even one that puts back the stamp and snapshot this computer kept', async () => {
    // A backup of another database, with other young people.
    const elsewhere = new CareersDeskDb(`${name}-elsewhere`, testDatabaseOptions());
    await loadDataset(elsewhere, generateDemoDataset({ seed: 99, today: TODAY, pupils: 30, sessionsPerPupil: 1 }), null);
    const payload = await exportPayload(elsewhere);
    elsewhere.close();
    await Dexie.delete(`${name}-elsewhere`);
    expect(payload.tables.settings.some((row) => row.key === PUPIL_LIST_SNAPSHOT_KEY)).toBe(false);

    const window = await withSnapshot();
    await restorePayload(window, payload, { actorId: null, source: 'a backup' });
    // The snapshot of the records replaced goes with them: none of it is kept as this computer's own.
    expect(await window.settings.get(PUPIL_LIST_SNAPSHOT_KEY)).toBeUndefined();
    const next = await startWindow();
    expect(await listed(next)).toEqual(await truth(next));
    expect(pupilListSource(next)).toBe('records');

    // A stamp written from outside the middleware (as a restore writes this computer's settings back) gets a new value.
    const again = await withSnapshot();
    const kept = await again.settings.bulkGet([PUPIL_LIST_STAMP_KEY, PUPIL_LIST_SNAPSHOT_KEY]);
    const firstId = (await again.pupils.toCollection().primaryKeys())[0] as string;
    await again.pupils.put({ ...((await again.pupils.get(firstId)) as Pupil), legalSurname: 'Zedd' });
    await again.settings.bulkPut(kept.filter((row) => row !== undefined));
    const last = await startWindow();
    expect(await listed(last)).toEqual(await truth(last));
    expect(pupilListSource(last)).toBe('records');
  });

  it('is not trusted after a merge writes an older version of someone', async () => {
    const window = await withSnapshot();
    const someone = (await window.pupils.get((dataset.pupils[2] as Pupil).id)) as Pupil;
    const puts = Object.fromEntries(MERGE_TABLES.map((table) => [table, []])) as unknown as MergeWrites['puts'];
    const writes = {
      expected: [],
      puts: { ...puts, pupils: [{ ...someone, preferredForename: 'Merged', updatedAt: '2020-01-01T00:00:00.000Z' }] },
      audit: [],
      counts: { added: 0, updated: 1, joined: 0 },
    } as unknown as MergeWrites;
    await applyMerge(window, writes, { actorId: null, source: 'a backup' });
    const next = await startWindow();
    expect(await listed(next)).toEqual(await truth(next));
    expect((await listed(next)).some((row) => row.includes('Merged'))).toBe(true);
  });

  it('is stored sealed ahead with Web Crypto, bound to its key and its row, and a damaged one means reading every record', async () => {
    await withSnapshot();
    const raw = new CareersDeskDb(name, { unencryptedForBenchComparison: true });
    await raw.open();
    open.push(raw);
    // The first screen (part 0) and one part of rows.
    const [stored, rowsPart] = (await raw.settings.bulkGet([PUPIL_LIST_SNAPSHOT_KEY, pupilListSnapshotKey(1)])) as (
      Record<string, unknown> | undefined
    )[];
    // Only its key in clear; the synchronous cipher opens what Web Crypto sealed, with this key and at this row only.
    expect(Object.keys(stored ?? {}).sort()).toEqual(['key', SEALED_PROPERTY]);
    expect(Object.keys(rowsPart ?? {}).sort()).toEqual(['key', SEALED_PROPERTY]);
    const opened = openRow('settings', stored, TEST_DATA_KEY) as { value: unknown };
    const openedRows = openRow('settings', rowsPart, TEST_DATA_KEY) as { value: unknown };
    const stamp = (await raw.settings.get(PUPIL_LIST_STAMP_KEY)) as unknown;
    const { value: stampValue } = openRow('settings', stamp, TEST_DATA_KEY) as { value: string };
    expect(isWholePupilListSnapshot([opened.value, openedRows.value], stampValue)).toBe(true);
    expect(decodePupilListSnapshotPart(openedRows.value as PupilListSnapshot)).toHaveLength(dataset.pupils.length);
    expect(decodePupilListFirstScreen(opened.value, stampValue)?.total).toBe(dataset.pupils.length);
    expect(() => openRow('settings', stored, new Uint8Array(32).fill(7))).toThrow(SealedRecordError);
    expect(() => openRow('settings', { ...stored, key: 'service' }, TEST_DATA_KEY)).toThrow(SealedRecordError);

    // A changed byte: the next start does not trust it, and reads every record instead.
    const damaged = (stored?.[SEALED_PROPERTY] as Uint8Array).slice();
    damaged[40] = (damaged[40] ?? 0) ^ 1;
    await raw.settings.put({ ...stored, [SEALED_PROPERTY]: damaged } as never);
    const next = await startWindow();
    expect(await listed(next)).toEqual(await truth(next));
    expect(pupilListSource(next)).toBe('records');
  });

  it("offers the list's first screen while the rest is read at a start, and none once the list is read", async () => {
    setPupilListSnapshotPartRows(7);
    onTestFinished(() => setPupilListSnapshotPartRows(PUPIL_LIST_SNAPSHOT_PART_ROWS));
    await withSnapshot();
    const db = await startWindow();
    const happened: string[] = [];
    const screens: (PupilListFirstScreen | null)[] = [];
    const stop = watchPupilListFirstScreen(db, (screen) => {
      happened.push('first screen');
      screens.push(screen);
    });
    const whole = await listed(db);
    happened.push('whole list');
    expect(happened).toEqual(['first screen', 'whole list']);
    expect(pupilListSource(db)).toBe('snapshot');
    const [first] = screens;
    expect(first?.total).toBe(dataset.pupils.length);
    const shown = (first?.rows ?? []).map((p) => `${p.id} ${displayName(p)} ${p.riskBand ?? ''}`);
    expect(shown).toEqual(whole.slice(0, PUPIL_LIST_FIRST_SCREEN_ROWS));
    stop();
    // Read: a watcher from here on hears nothing, the list answers.
    const late: unknown[] = [];
    watchPupilListFirstScreen(db, (screen) => late.push(screen))();
    await listed(db);
    expect(late).toEqual([]);
  });

  it('offers no first screen when there is no snapshot to take it from, and the list is read from every record', async () => {
    const db = await startWindow();
    const screens: unknown[] = [];
    watchPupilListFirstScreen(db, (screen) => screens.push(screen));
    const whole = await findInPupilList(db, emptyPupilFilters(), 'name', TODAY);
    expect(screens).toEqual([]);
    expect(pupilListSource(db)).toBe('records');
    expect(whole).toHaveLength(dataset.pupils.length);
  });

  it('keeps the stamp and every part of the snapshot out of backups', async () => {
    expect(MACHINE_SETTING_KEYS).toContain(PUPIL_LIST_STAMP_KEY);
    expect(MACHINE_SETTING_KEYS).toContain(PUPIL_LIST_SNAPSHOT_KEY);
    expect(isMachineSettingKey(pupilListSnapshotKey(3))).toBe(true);
    setPupilListSnapshotPartRows(7);
    try {
      await withSnapshot();
    } finally {
      setPupilListSnapshotPartRows(PUPIL_LIST_SNAPSHOT_PART_ROWS);
    }
    const db = await startWindow();
    const payload = await exportPayload(db);
    expect(payload.tables.settings.map((row) => String(row.key)).filter((key) => key.startsWith('pupilList'))).toEqual([]);
  });

  describe('in parts', () => {
    beforeEach(() => setPupilListSnapshotPartRows(7));
    afterEach(() => setPupilListSnapshotPartRows(PUPIL_LIST_SNAPSHOT_PART_ROWS));

    /** The keys of the parts stored, read past the middleware. */
    async function storedParts(): Promise<string[]> {
      const raw = new Dexie(name);
      await raw.open();
      const keys = await raw
        .table('settings')
        .where(':id')
        .between(PUPIL_LIST_SNAPSHOT_KEYS.lower, PUPIL_LIST_SNAPSHOT_KEYS.upper, true, true)
        .primaryKeys();
      raw.close();
      return keys.map(String);
    }

    it('is read whole from every part, all dropped by a change, and made again with no part left over', async () => {
      const db = await withSnapshot();
      expect(await listed(db)).toEqual(await truth(db));
      // The first screen, then the rows seven to a part.
      expect(await storedParts()).toHaveLength(1 + Math.ceil(dataset.pupils.length / 7));

      // Erasing young people drops every part in the same transaction...
      for (const pupil of dataset.pupils.slice(0, 20)) await erasePupil(db, pupil.id, null);
      expect(await storedParts()).toEqual([]);
      // ...and the next snapshot, of a shorter list, has only its own parts: none of the longer one stays.
      const next = await startWindow();
      await listed(next);
      await flushPupilListSnapshot(next);
      expect(await storedParts()).toHaveLength(1 + Math.ceil((dataset.pupils.length - 20) / 7));
      const after = await startWindow();
      expect(await listed(after)).toEqual(await truth(after));
      expect(pupilListSource(after)).toBe('snapshot');
    });

    it('with a later part damaged, reads every record instead (parts are opened two at a time, none left unhandled)', async () => {
      await withSnapshot();
      const raw = new CareersDeskDb(name, { unencryptedForBenchComparison: true });
      await raw.open();
      const stored = (await raw.settings.get(pupilListSnapshotKey(1))) as Record<string, unknown> | undefined;
      const damaged = (stored?.[SEALED_PROPERTY] as Uint8Array).slice();
      damaged[40] = (damaged[40] ?? 0) ^ 1;
      await raw.settings.put({ ...stored, [SEALED_PROPERTY]: damaged } as never);
      raw.close();
      const next = await startWindow();
      expect(await listed(next)).toEqual(await truth(next));
      expect(pupilListSource(next)).toBe('records');
    });

    it('with a part missing, reads every record instead', async () => {
      await withSnapshot();
      const raw = new Dexie(name);
      await raw.open();
      await raw.table('settings').delete(pupilListSnapshotKey(2));
      raw.close();
      const next = await startWindow();
      expect(await listed(next)).toEqual(await truth(next));
      expect(pupilListSource(next)).toBe('records');
    });
  });
});

describe('the snapshot format (shared/pupils/list-snapshot)', () => {
  it('gives back the rows it was made from, in parts, only whole and at the same stamp', () => {
    const rows = dataset.pupils.slice(0, 5);
    const parts = JSON.parse(JSON.stringify(encodePupilListSnapshot(rows, 'stamp-1', 2))) as PupilListSnapshot[];
    // The first screen (all five, as there are fewer than a screen's worth), then the rows two to a part.
    expect(parts.map((part) => [part.part, part.parts, part.rows.length, part.total])).toEqual([
      [0, 4, 5, 5],
      [1, 4, 2, undefined],
      [2, 4, 2, undefined],
      [3, 4, 1, undefined],
    ]);
    // In any order (they are stored by key: .1, .10, .2 …), each part once.
    const shuffled = [parts[2], parts[0], parts[3], parts[1]] as PupilListSnapshot[];
    expect(isWholePupilListSnapshot(shuffled, 'stamp-1')).toBe(true);
    const decoded = parts.slice(1).flatMap((part) => decodePupilListSnapshotPart(part) ?? []);
    expect(decoded.map((r) => [r.id, displayName(r), r.homeEducated, r.searchWords])).toEqual(
      rows.map((r) => [r.id, displayName(r), r.homeEducated, r.searchWords]),
    );
    expect(isWholePupilListSnapshot(parts, 'stamp-2')).toBe(false);
    expect(isWholePupilListSnapshot(parts, undefined)).toBe(false);
    expect(isWholePupilListSnapshot(parts.slice(0, 3), 'stamp-1')).toBe(false);
    expect(isWholePupilListSnapshot([parts[0], parts[0], parts[1], parts[2]], 'stamp-1')).toBe(false);
    expect(isWholePupilListSnapshot([], 'stamp-1')).toBe(false);
    expect(isWholePupilListSnapshot([{ ...parts[0], format: 2 }, parts[1], parts[2], parts[3]], 'stamp-1')).toBe(false);
    // A first screen that counts other than the parts hold is not this snapshot's.
    expect(isWholePupilListSnapshot([{ ...parts[0], total: 6 }, parts[1], parts[2], parts[3]], 'stamp-1')).toBe(false);
    expect(decodePupilListSnapshotPart({ ...(parts[1] as PupilListSnapshot), rows: [['only an id']] })).toBeNull();
    // No young people: an empty first screen and one empty part, still a snapshot.
    const none = encodePupilListSnapshot([], 'stamp-1');
    expect(isWholePupilListSnapshot(none, 'stamp-1')).toBe(true);
    expect(decodePupilListFirstScreen(none[0], 'stamp-1')).toEqual({ rows: [], total: 0 });
    expect(decodePupilListSnapshotPart(none[1] as PupilListSnapshot)).toEqual([]);
  });

  it("holds the list's first screen: its first rows by name, however the rows were ordered, and how many in all", () => {
    const many = generateDemoDataset({ seed: 4, today: TODAY, pupils: PUPIL_LIST_FIRST_SCREEN_ROWS + 37, sessionsPerPupil: 0 }).pupils;
    const reversed = [...many].reverse();
    const [first] = JSON.parse(JSON.stringify(encodePupilListSnapshot(reversed, 'stamp-9'))) as PupilListSnapshot[];
    const screen = decodePupilListFirstScreen(first, 'stamp-9');
    expect(screen?.total).toBe(many.length);
    expect(screen?.rows.map((r) => r.id)).toEqual(
      sortPupils([...many], 'name')
        .slice(0, PUPIL_LIST_FIRST_SCREEN_ROWS)
        .map((r) => r.id),
    );
    // Another stamp's, another layout's, or not part 0: no first screen.
    expect(decodePupilListFirstScreen(first, 'stamp-8')).toBeNull();
    expect(decodePupilListFirstScreen({ ...first, format: 2 }, 'stamp-9')).toBeNull();
    expect(decodePupilListFirstScreen({ ...first, part: 1 }, 'stamp-9')).toBeNull();
    expect(decodePupilListFirstScreen({ ...first, total: 3 }, 'stamp-9')).toBeNull();
    expect(decodePupilListFirstScreen(undefined, 'stamp-9')).toBeNull();
  });
});

describe("the pupil list's snapshot read by the page's early script (renderer/public/open-store-early.js) while the app loads", () => {
  /** Deletes the snapshot's first part, past the middleware, leaving the stamp: a fresh read then finds no whole one. */
  async function dropStoredSnapshot(): Promise<void> {
    const raw = new Dexie(name);
    await raw.open();
    await raw.table('settings').delete(PUPIL_LIST_SNAPSHOT_KEY);
    raw.close();
  }

  afterEach(() => {
    delete (globalThis as { careersDeskEarlyRead?: unknown }).careersDeskEarlyRead;
  });

  /** A window lists the young people and keeps its snapshot, then the early script reads it as at the next start. */
  async function snapshotReadEarly(): Promise<CareersDeskDb> {
    const first = await startWindow();
    await listed(first);
    await flushPupilListSnapshot(first);
    expect(await runEarlyScript(name, EARLY_READ_KEYS, EARLY_RANGE)).toBe('success');
    return first;
  }

  it('is used by the first start after it, and by that start alone (a snapshot in several parts)', async () => {
    setPupilListSnapshotPartRows(7);
    onTestFinished(() => setPupilListSnapshotPartRows(PUPIL_LIST_SNAPSHOT_PART_ROWS));
    const first = await startWindow();
    await listed(first);
    await flushPupilListSnapshot(first);
    first.close();
    expect(await runEarlyScript(name, EARLY_READ_KEYS, EARLY_RANGE)).toBe('success');
    // Gone from the store after the early read: only the early read can still give the list its snapshot.
    await dropStoredSnapshot();

    const next = await startWindow();
    expect(await listed(next)).toEqual(await truth(next));
    expect(pupilListSource(next)).toBe('snapshot');
    const another = await startWindow();
    await listed(another);
    expect(pupilListSource(another)).toBe('records');
  });

  it('is not used once a young person has been saved since it was read, and the list shows the save', async () => {
    const first = await snapshotReadEarly();
    const pupil = dataset.pupils[0] as Pupil;
    await savePupil(first, inputFrom(pupil, { preferredSurname: 'Zebedee' }), null);

    const next = await startWindow();
    const shown = await listed(next);
    expect(pupilListSource(next)).toBe('records');
    expect(shown).toEqual(await truth(next));
    expect(shown.some((line) => line.startsWith(pupil.id) && line.includes('Zebedee'))).toBe(true);
  });

  it('shows its first screen once the key is in, before the connection opens, and the whole list once it has', async () => {
    await snapshotReadEarly();
    // A window whose key is read after it asks for the list, and whose connection is held until let go (as
    // db/database.ts holds the app's until the key is in).
    const keys = new DataKeyRing();
    let letGo = (): void => undefined;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    class HeldDatabase extends CareersDeskDb {
      override open() {
        return Dexie.Promise.resolve(held).then(() => super.open());
      }
    }
    const next = new HeldDatabase(name, { keys });
    open.push(next);
    const screens: (PupilListFirstScreen | null)[] = [];
    watchPupilListFirstScreen(next, (screen) => screens.push(screen));
    const list = listed(next);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screens).toEqual([]);
    keys.set(TEST_DATA_KEY);
    await expect.poll(() => screens.length).toBe(1);
    expect(next.isOpen()).toBe(false);
    expect(screens[0]?.total).toBe(dataset.pupils.length);
    letGo();
    expect(await list).toEqual(await truth(next));
    expect(pupilListSource(next)).toBe('snapshot');
    expect(screens).toHaveLength(1);
  });

  it('takes back a first screen shown from the early read when a young person was saved after it, and lists the save', async () => {
    const first = await snapshotReadEarly();
    const pupil = dataset.pupils[0] as Pupil;
    await savePupil(first, inputFrom(pupil, { preferredSurname: 'Aardvark' }), null);

    const next = new CareersDeskDb(name, testDatabaseOptions());
    open.push(next);
    const screens: (PupilListFirstScreen | null)[] = [];
    watchPupilListFirstScreen(next, (screen) => screens.push(screen));
    const shown = await listed(next);
    // Offered from the early read (the name as it was), then taken back once the stamp read again differed.
    expect(screens).toHaveLength(2);
    expect(screens[0]?.rows.some((row) => row.id === pupil.id && row.preferredSurname === 'Aardvark')).toBe(false);
    expect(screens[1]).toBeNull();
    expect(pupilListSource(next)).toBe('records');
    expect(shown).toEqual(await truth(next));
    expect(shown.some((line) => line.startsWith(pupil.id) && line.includes('Aardvark'))).toBe(true);
  });

  it('shows nothing early when the database has been upgraded since the early read', async () => {
    await snapshotReadEarly();
    const early = (globalThis as { careersDeskEarlyRead?: Promise<{ version: number } | null> }).careersDeskEarlyRead;
    // As if read before an upgrade: an older version than this code declares.
    (globalThis as { careersDeskEarlyRead?: unknown }).careersDeskEarlyRead = early?.then(
      (read) => read && { ...read, version: read.version - 10 },
    );
    const next = new CareersDeskDb(name, testDatabaseOptions());
    open.push(next);
    const screens: (PupilListFirstScreen | null)[] = [];
    watchPupilListFirstScreen(next, (screen) => screens.push(screen));
    expect(await listed(next)).toEqual(await truth(next));
    // Nothing from the early read; the snapshot read again through the connection instead.
    expect(screens).toHaveLength(1);
    expect(screens[0]).not.toBeNull();
    expect(pupilListSource(next)).toBe('snapshot');
  });

  it('reads nothing on a first run, and the list reads its records as usual', async () => {
    const fresh = `${name}-fresh`;
    expect(await runEarlyScript(fresh, EARLY_READ_KEYS, EARLY_RANGE)).toBe('error');
    const db = new CareersDeskDb(fresh, testDatabaseOptions());
    open.push(db);
    await db.open();
    expect(await findPupils(db, emptyPupilFilters(), 'name', TODAY)).toEqual([]);
    db.close();
    await Dexie.delete(fresh);
  });
});
