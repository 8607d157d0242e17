import { testDatabaseOptions } from './test-database';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { newBackupKey, type BackupKey } from '@shared/backup';
import { generateDemoDataset } from '@shared/demo';
import { CareersDeskDb } from '@renderer/db/schema';
import { secureRandom } from '@renderer/platform/secure-random';
import { loadDataset } from '@renderer/db/demo';
import { runDataJob } from '@renderer/db/data-job-runner';
import { runDataJobOn } from '@renderer/db/data-jobs';
import { JobCancelled } from '@renderer/platform/worker-job';
import { bytesOfBlob } from '@renderer/platform/blob-bytes';

// Node has no Worker: runDataJob runs each job on this thread with the same code the data worker runs
// (data-job-worker.ts serves runDataJobOn), so these tests cover the worker's handler and the way back.
vi.spyOn(console, 'warn').mockImplementation(() => {});

const NOW = new Date('2026-11-24T12:00:00Z');
const DEMO = { seed: 7, today: '2026-11-24', pupils: 120, sessionsPerPupil: 4, employers: 30, routes: 20, schools: 1 };

const opened: CareersDeskDb[] = [];
let counter = 0;
function database(): CareersDeskDb {
  const db = new CareersDeskDb(`data-jobs-${++counter}`, testDatabaseOptions());
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

let key: BackupKey;
beforeAll(async () => {
  key = await newBackupKey('a passphrase for the tests', secureRandom);
});

/** A database holding a small demo caseload, and its backup file. */
async function backedUp(): Promise<{ db: CareersDeskDb; bytes: Uint8Array }> {
  const db = database();
  await loadDataset(db, generateDemoDataset(DEMO), null, NOW);
  const bytes = await bytesOfBlob(await runDataJob(db, { kind: 'backup', key, options: { reason: 'manual', now: NOW } }));
  return { db, bytes };
}

const ids = async (db: CareersDeskDb) => ({
  pupils: (await db.pupils.toCollection().primaryKeys()).sort(),
  sessions: await db.sessions.count(),
});

describe('the data jobs (renderer/src/db/data-jobs.ts), as the data worker runs them', () => {
  it('backs up, opens the backup for its preview without its records, and restores it with progress to the end', async () => {
    const { db, bytes } = await backedUp();
    const open = await runDataJob(db, { kind: 'open', bytes, unlock: { key } });
    if (!open.ok) throw new Error(open.error.message);
    expect(open.value.refusal).toBe('');
    expect(open.value.summary.counts.find((c) => c.table === 'pupils')?.count).toBe(await db.pupils.count());
    expect(open.value).not.toHaveProperty('payload');

    const target = database();
    await target.pupils.add({ ...(await db.pupils.toCollection().first())!, id: 'someone-only-here' });
    const progress: number[] = [];
    await runDataJob(target, { kind: 'restore', bytes, key: open.value.key, actorId: null, source: 'a test', now: NOW }, (f) =>
      progress.push(f),
    );
    expect(await ids(target)).toEqual(await ids(db));
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
    expect((await target.audit.toArray()).some((entry) => entry.action === 'restore')).toBe(true);
  });

  it('leaves the database as it was when a restore is stopped part way', async () => {
    const { bytes } = await backedUp();
    const target = database();
    const before = generateDemoDataset({ ...DEMO, seed: 99, pupils: 10 });
    await loadDataset(target, before, null, NOW);
    const was = await ids(target);
    const stop = new AbortController();
    const progress: number[] = [];
    const restoring = runDataJob(
      target,
      { kind: 'restore', bytes, key, actorId: null, source: 'a test', now: NOW },
      (fraction) => {
        progress.push(fraction);
        stop.abort();
      },
      stop.signal,
    );
    await expect(restoring).rejects.toThrow();
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBeLessThan(1);
    expect(await ids(target)).toEqual(was);
  });

  it('previews a merge with counts, conflicts and the versions it saw, and merges with the choices', async () => {
    const { bytes, db } = await backedUp();
    const target = database();
    const preview = await runDataJob(target, { kind: 'merge-preview', bytes, unlock: { key } });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.tables.find((t) => t.table === 'pupils')).toMatchObject({ added: await db.pupils.count(), newer: 0 });
    expect(preview.value.conflicts).toEqual([]);
    const merged = await runDataJob(target, {
      kind: 'merge',
      bytes,
      key: preview.value.key,
      choices: {},
      previewed: preview.value.previewed,
      actorId: null,
      source: 'a test',
      now: NOW,
    });
    expect(merged).toMatchObject({ ok: true, counts: { added: expect.any(Number) as number } });
    expect(await ids(target)).toEqual(await ids(db));
  });

  it('refuses a merge when a record it previewed was changed since, and writes nothing', async () => {
    const { bytes, db } = await backedUp();
    const pupil = (await db.pupils.toCollection().first())!;
    // This computer holds an older version of one young person: the backup's is newer.
    const target = database();
    await target.pupils.add({ ...pupil, updatedAt: '2020-01-01T00:00:00.000Z' });
    const preview = await runDataJob(target, { kind: 'merge-preview', bytes, unlock: { key } });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.previewed).toContainEqual({ table: 'pupils', id: pupil.id, updatedAt: '2020-01-01T00:00:00.000Z' });
    // Changed here since, and now newer than the backup's: planned again, the merge would simply keep it, so only
    // the versions the preview saw can tell that the adviser chose without seeing this change.
    await target.pupils.put({ ...pupil, updatedAt: '2099-06-01T00:00:00.000Z' });
    const merging = runDataJob(target, {
      kind: 'merge',
      bytes,
      key,
      choices: {},
      previewed: preview.value.previewed,
      actorId: null,
      source: 'a test',
      now: NOW,
    });
    await expect(merging).rejects.toThrow('changed or removed since the merge was previewed');
    expect(await target.pupils.count()).toBe(1);
  });

  it('loads the demo caseload with progress, and a stopped demo load adds nothing', async () => {
    const db = database();
    const stop = new AbortController();
    const job = { kind: 'demo-load' as const, demo: DEMO, withService: true, actorId: null, now: NOW };
    await expect(runDataJob(db, job, () => stop.abort(), stop.signal)).rejects.toBeInstanceOf(Error);
    expect(await db.pupils.count()).toBe(0);
    expect(await db.settings.get('service')).toBeUndefined();

    const progress: number[] = [];
    const loaded = await runDataJob(db, job, (f) => progress.push(f));
    expect(loaded).toMatchObject({ pupils: await db.pupils.count(), schools: 1 });
    expect(progress.at(-1)).toBe(1);
    expect(await db.settings.get('service')).toBeDefined();
  });

  it('refuses a job already cancelled before it starts', async () => {
    const stop = new AbortController();
    stop.abort();
    await expect(
      runDataJob(database(), { kind: 'backup', key, options: { reason: 'manual', now: NOW } }, () => {}, stop.signal),
    ).rejects.toBeInstanceOf(JobCancelled);
  });

  it('is the same handler the worker serves: a backup made on it opens with the runner', async () => {
    const db = database();
    await loadDataset(db, generateDemoDataset({ ...DEMO, pupils: 5 }), null, NOW);
    const bytes = await bytesOfBlob((await runDataJobOn(db, { kind: 'backup', key, options: { reason: 'manual', now: NOW } })) as Blob);
    const open = await runDataJob(db, { kind: 'open', bytes, unlock: { key } });
    expect(open.ok).toBe(true);
  });
});
