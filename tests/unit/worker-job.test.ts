import { afterEach, describe, expect, it } from 'vitest';
import { runWorkerJob, type WorkerJobReply } from '@renderer/app/worker-job';
import { CareersDeskDb } from '@renderer/db/schema';
import { loadDataset } from '@renderer/db/demo';
import { loadReturnSource } from '@renderer/db/returns';
import { buildReturn } from '@renderer/features/returns/build-return';
import { runDashboardJob } from '@renderer/features/dashboard/dashboard-job';
import { runMatchJob } from '@renderer/features/matching/match-job';
import { loadMatchData } from '@renderer/db/matching';
import { matchPupil } from '@shared/matching';
import { onTablesChange } from '@renderer/db/changes';
import { buildDashboard, personBehind } from '@shared/dashboard';
import { scopeCaseload } from '@shared/returns';
import { schoolSchema } from '@shared/model';
import { generateDemoDataset } from '@shared/demo';
import { buildAggregateReturn, buildPseudonymisedExtract } from '@shared/returns';

/** The database a test opened, closed and deleted after it. */
let db: CareersDeskDb | null = null;
afterEach(async () => {
  db?.close();
  await db?.delete();
  db = null;
});

/** A stand-in Worker that answers each message with the replies it was given. */
function scriptedWorker(replies: WorkerJobReply<number>[], crashAfter = false): { worker: Worker; terminated: () => boolean; sent: unknown[] } {
  let terminated = false;
  const sent: unknown[] = [];
  const worker = {
    onmessage: null as ((event: MessageEvent) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    postMessage(message: unknown) {
      sent.push(message);
      queueMicrotask(() => {
        for (const reply of replies) this.onmessage?.({ data: reply } as MessageEvent);
        if (crashAfter) this.onerror?.({ message: '', preventDefault: () => {} } as unknown as ErrorEvent);
      });
    },
    terminate() { terminated = true; },
  };
  return { worker: worker as unknown as Worker, terminated: () => terminated, sent };
}

describe('running long work in a worker (renderer/src/app/worker-job)', () => {
  it('passes progress on, resolves with the result and stops the worker', async () => {
    const scripted = scriptedWorker([{ type: 'progress', fraction: 0.5 }, { type: 'done', result: 42 }]);
    const progress: number[] = [];
    const result = await runWorkerJob({ start: () => scripted.worker, request: 'go', onPageThread: () => -1, what: 'Test' }, (f) => progress.push(f));
    expect(result).toBe(42);
    expect(progress).toEqual([0.5]);
    expect(scripted.sent).toEqual(['go']);
    expect(scripted.terminated()).toBe(true);
  });

  it('rejects with the worker\'s own message when the work fails', async () => {
    const scripted = scriptedWorker([{ type: 'failed', message: 'No school with that id' }]);
    await expect(runWorkerJob({ start: () => scripted.worker, request: 1, onPageThread: () => -1, what: 'Test' })).rejects.toThrow('No school with that id');
  });

  it('names the job when the worker dies after it started talking', async () => {
    const scripted = scriptedWorker([{ type: 'progress', fraction: 0.1 }], true);
    await expect(runWorkerJob({ start: () => scripted.worker, request: 1, onPageThread: () => -1, what: 'The allocation' })).rejects.toThrow('The allocation stopped unexpectedly');
  });

  it('does the work on the page when no worker can start', async () => {
    const result = await runWorkerJob({ start: () => { throw new Error('refused'); }, request: 20, onPageThread: (n: number) => n + 1, what: 'Test' });
    expect(result).toBe(21);
  });
});

describe('building a return (renderer/src/features/returns/build-return)', () => {
  it('gives the same return as the builders over the whole database (on the page, where Node has no Worker)', async () => {
    db = new CareersDeskDb('careers-desk-build-return');
    await loadDataset(db, generateDemoDataset({ seed: 4, today: '2026-11-24', pupils: 150 }), null);
    const source = await loadReturnSource(db);
    const options = { period: { start: '2025-09-01', end: '2026-11-24' }, scope: { kind: 'all' } as const, threshold: 5, roundToNearest5: false, now: '2026-11-24T10:00:00.000Z' };
    const aggregate = await buildReturn(db, { kind: 'aggregate', options });
    expect(aggregate).toEqual(buildAggregateReturn(source, options));
    expect(aggregate.kind === 'aggregate' && aggregate.tables.length).toBeGreaterThan(3);
    const extract = await buildReturn(db, { kind: 'extract', options, recipientKey: 'a secret for the council' });
    expect(extract).toEqual(await buildPseudonymisedExtract(source, options, 'a secret for the council'));
  });
});

describe('the dashboard worked out through its job (renderer/src/features/dashboard/dashboard-job)', () => {
  it('gives the charts the builders give, with each young person in scope described for the lists', async () => {
    db = new CareersDeskDb('careers-desk-dashboard-job');
    await loadDataset(db, generateDemoDataset({ seed: 9, today: '2026-11-24', pupils: 120 }), null);
    const source = await loadReturnSource(db);
    const period = { start: '2026-09-01', end: '2027-08-31' };
    const figures = await runDashboardJob(db, { period, scope: { kind: 'home-educated' }, today: '2026-11-24' });
    const scoped = scopeCaseload(source, { period, scope: { kind: 'home-educated' }, now: '2026-11-24' });
    expect(figures.dashboard).toEqual(buildDashboard(scoped, { period, now: '2026-11-24' }));
    expect(figures.people).toEqual(scoped.pupils.map(personBehind));
    expect(figures.people.length).toBeGreaterThan(0);
    expect(figures.people.every((p) => p.detail.endsWith('home educated'))).toBe(true);
    expect(figures.schools.map((s) => s.name)).toEqual([...source.schools.map((s) => s.name)].sort((a, b) => a.localeCompare(b, 'en-GB')));
  });

  it('hears committed changes to the tables it counts, and only those, until stopped', async () => {
    db = new CareersDeskDb('careers-desk-dashboard-changes');
    await db.open();
    let heard = 0;
    const stop = onTablesChange(db, ['schools', 'sessions'], () => { heard += 1; });
    const school = schoolSchema.parse({ id: crypto.randomUUID(), createdAt: '2026-11-24T09:00:00.000Z', updatedAt: '2026-11-24T09:00:00.000Z', name: 'Coastal Academy', district: 'thanet', phase: 'secondary' });
    await db.schools.add(school);
    expect(heard).toBe(1);
    await db.settings.put({ key: 'firstRunAnswered', value: true });
    expect(heard).toBe(1);
    stop();
    await db.schools.delete(school.id);
    expect(heard).toBe(1);
  });
});

describe('one young person\'s matches through their job (renderer/src/features/matching/match-job)', () => {
  it('ranks exactly as matchPupil over the database, and answers null for someone no longer recorded', async () => {
    db = new CareersDeskDb('careers-desk-match-job');
    await loadDataset(db, generateDemoDataset({ seed: 12, today: '2026-11-24', pupils: 80 }), null);
    const pupil = (await db.pupils.toArray()).find((p) => p.yearGroup === 10)!;
    const ranked = await runMatchJob(db, { pupilId: pupil.id, today: '2026-11-24', period: null });
    const data = (await loadMatchData(db, pupil.id))!;
    expect(ranked).toEqual(matchPupil(data.pupil, { ...data, today: '2026-11-24' }));
    expect(ranked!.offers.length + ranked!.routes.length + ranked!.excluded.length).toBeGreaterThan(0);
    expect(await runMatchJob(db, { pupilId: crypto.randomUUID(), today: '2026-11-24', period: null })).toBeNull();
  });
});
