import { testDatabaseOptions } from './test-database';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { yearGroupOf } from '@shared/academic-year';
import {
  BYTES_AS_BLOB_FROM,
  JobCancelled,
  BYTES_IN_SLICES_FROM,
  ITEMS_SLICE,
  IncomingSlices,
  JobWorker,
  packBytes,
  runWorkerJob,
  takeLargeValues,
  unpackBytes,
  type SliceMessage,
  type WorkerJobEnvelope,
  type WorkerJobReply,
} from '@renderer/platform/worker-job';
import { BYTES_PER_SLICE } from '@shared/byte-slices';
import { CareersDeskDb } from '@renderer/db/schema';
import { loadDataset } from '@renderer/db/demo';
import { loadReturnSource } from '@renderer/db/returns';
import { allDestinationEntries } from '@renderer/db/destinations';
import { buildReturn } from '@renderer/features/returns/build-return';
import { runDashboardJob } from '@renderer/features/dashboard/dashboard-job';
import { MatchDirectoryCache, runMatchJob } from '@renderer/features/matching/match-job';
import { importTimetable, TimetableDb } from '@renderer/db/timetable';
import { timetableDatabaseName } from '@renderer/db/name';
import { feedFiles, outcodeCoastalLine, outcodeCoastalLineNoReturn, zipFeed } from '../support/gtfs-feeds';
import { proposePlacement } from '@renderer/db/placements';
import { loadMatchData } from '@renderer/db/matching';
import { matchPupil } from '@shared/matching';
import { onTablesChange } from '@renderer/db/changes';
import { buildDashboard, personBehind } from '@shared/dashboard';
import { scopeCaseload } from '@shared/returns';
import * as make from '../support/factories';
import { generateDemoDataset } from '@shared/demo';
import { buildAggregateReturnWithSummary, buildPseudonymisedExtract } from '@shared/returns';

/** The database a test opened, closed and deleted after it. */
let db: CareersDeskDb | null = null;
afterEach(async () => {
  db?.close();
  await db?.delete();
  db = null;
});

/** A stand-in Worker that answers each message with the replies it was given, under the message's number. */
function scriptedWorker(
  replies: WorkerJobReply<unknown>[],
  crashAfter = false,
): { worker: Worker; terminated: () => boolean; sent: unknown[]; slices: { message: SliceMessage; transfer: unknown[] }[] } {
  let terminated = false;
  const sent: unknown[] = [];
  const slices: { message: SliceMessage; transfer: unknown[] }[] = [];
  const worker = {
    onmessage: null as ((event: MessageEvent) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    postMessage(message: WorkerJobEnvelope<unknown> | SliceMessage, transfer: unknown[] = []) {
      // Slices of a request's large values come first and are not answered; the request itself is.
      if ('type' in message) {
        slices.push({ message, transfer });
        return;
      }
      sent.push(message.request);
      queueMicrotask(() => {
        for (const reply of replies) this.onmessage?.({ data: { ...reply, id: message.id } } as MessageEvent);
        if (crashAfter) this.onerror?.({ message: '', preventDefault: () => {} } as unknown as ErrorEvent);
      });
    },
    terminate() {
      terminated = true;
    },
  };
  return { worker: worker as unknown as Worker, terminated: () => terminated, sent, slices };
}

describe('running long work in a worker (renderer/src/app/worker-job)', () => {
  it('passes progress on, resolves with the result and stops the worker', async () => {
    const scripted = scriptedWorker([
      { type: 'progress', fraction: 0.5 },
      { type: 'done', result: 42 },
    ]);
    const progress: number[] = [];
    const result = await runWorkerJob({ start: () => scripted.worker, request: 'go', onPageThread: () => -1, what: 'Test' }, (f) =>
      progress.push(f),
    );
    expect(result).toBe(42);
    expect(progress).toEqual([0.5]);
    expect(scripted.sent).toEqual(['go']);
    expect(scripted.terminated()).toBe(true);
  });

  it('sends large bytes in slices, each transferred in a task of its own, and takes large answers back as Blobs', async () => {
    const large = new Uint8Array(BYTES_PER_SLICE * 2 + 5).map((_, i) => i % 251);
    const answer = new Uint8Array(BYTES_AS_BLOB_FROM + 5).fill(7);
    const scripted = scriptedWorker([
      { type: 'done', result: { outcome: 'rewritten', data: { careersDeskBytesAsBlob: new Blob([answer]) } } },
    ]);
    const request = { kind: 'open', bytes: large, small: new Uint8Array([1, 2]) };
    const result = await runWorkerJob({ start: () => scripted.worker, request, onPageThread: () => null, what: 'Test' });
    expect(result).toEqual({ outcome: 'rewritten', data: answer });
    // The request went with a mark in place of its bytes, and small bytes as they are.
    const sent = scripted.sent[0] as { kind: string; bytes: unknown; small: Uint8Array };
    expect(sent.kind).toBe('open');
    expect(sent.bytes).not.toBeInstanceOf(Uint8Array);
    expect([...sent.small]).toEqual([1, 2]);
    // Three slices, in order, each its own buffer, transferred; the page's bytes are left whole.
    expect(scripted.slices.map(({ message }) => [message.kind, message.offset, message.slice.length])).toEqual([
      ['bytes', 0, BYTES_PER_SLICE],
      ['bytes', BYTES_PER_SLICE, BYTES_PER_SLICE],
      ['bytes', BYTES_PER_SLICE * 2, 5],
    ]);
    for (const { message, transfer } of scripted.slices) expect(transfer).toEqual([(message.slice as Uint8Array).buffer]);
    expect(large.byteLength).toBe(BYTES_PER_SLICE * 2 + 5);
    expect(large[BYTES_PER_SLICE + 3]).toBe((BYTES_PER_SLICE + 3) % 251);
    // Put together on the worker's side, the request is the one the page was given.
    const incoming = new IncomingSlices();
    for (const { message } of scripted.slices) incoming.receive(message);
    expect(incoming.restore(scripted.slices[0]!.message.id, sent)).toEqual(request);
  });

  it("finds large bytes inside a data job's request (its job's field), and leaves arrays and other values as they are", async () => {
    const large = new Uint8Array(BYTES_IN_SLICES_FROM + 1).fill(3);
    const now = new Date('2026-12-07T10:00:00Z');
    const rows = [{ id: 'p1' }];
    const answer = { ok: true, value: { data: { careersDeskBytesAsBlob: new Blob([large]) } } };
    const scripted = scriptedWorker([{ type: 'done', result: answer }]);
    const request = { job: { kind: 'restore', bytes: large, now, rows }, address: { name: 'careers-desk' } };
    const result = await runWorkerJob({ start: () => scripted.worker, request, onPageThread: () => null, what: 'Test' });
    const sent = scripted.sent[0] as { job: { bytes: unknown; now: Date; rows: unknown[] }; address: unknown };
    expect(sent.job.bytes).not.toBeInstanceOf(Uint8Array);
    expect(sent.job.now).toBe(now);
    expect(sent.job.rows).toBe(rows);
    expect(scripted.slices).toHaveLength(Math.ceil(large.byteLength / BYTES_PER_SLICE));
    const incoming = new IncomingSlices();
    for (const { message } of scripted.slices) incoming.receive(message);
    expect(incoming.restore(scripted.slices[0]!.message.id, sent)).toEqual(request);
    // The answer's nested Blob comes back as bytes.
    expect(result).toEqual({ ok: true, value: { data: large } });
  });

  it('stops sending slices when the job is cancelled, and never sends the request', async () => {
    const scripted = scriptedWorker([{ type: 'done', result: 1 }]);
    const controller = new AbortController();
    const job = runWorkerJob(
      {
        start: () => scripted.worker,
        request: { bytes: new Uint8Array(BYTES_PER_SLICE * 4) },
        onPageThread: () => -1,
        what: 'The restore',
      },
      () => {},
      controller.signal,
    );
    // The first slice goes at once; each of the rest waits for a task of its own.
    expect(scripted.slices).toHaveLength(1);
    controller.abort();
    await expect(job).rejects.toBeInstanceOf(JobCancelled);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(scripted.slices).toHaveLength(1);
    expect(scripted.sent).toEqual([]);
    expect(scripted.terminated()).toBe(true);
  });

  it("sends a long list (an import's operations) in slices of items, cloned a slice per task, put together in order", async () => {
    const operations = Array.from({ length: ITEMS_SLICE * 2 + 7 }, (_, i) => ({ kind: 'add', record: { id: `p${i}`, names: ['A', 'B'] } }));
    const short = [1, 2, 3];
    const scripted = scriptedWorker([{ type: 'done', result: 'ok' }]);
    const request = { job: { kind: 'import-pupils', operations, short }, address: { name: 'careers-desk' } };
    await runWorkerJob({ start: () => scripted.worker, request, onPageThread: () => null, what: 'Test' });
    expect(scripted.slices.map(({ message }) => [message.kind, message.offset, message.slice.length])).toEqual([
      ['items', 0, ITEMS_SLICE],
      ['items', ITEMS_SLICE, ITEMS_SLICE],
      ['items', ITEMS_SLICE * 2, 7],
    ]);
    // Cloned, not transferred; the short list goes inside the request as it is.
    for (const { transfer } of scripted.slices) expect(transfer).toEqual([]);
    const sent = scripted.sent[0] as { job: { operations: unknown; short: number[] } };
    expect(sent.job.short).toBe(short);
    const incoming = new IncomingSlices();
    // Received out of order, still put together in order.
    for (const { message } of [...scripted.slices].reverse()) incoming.receive(message);
    expect(incoming.restore(scripted.slices[0]!.message.id, sent)).toEqual(request);
  });

  it("refuses, on the worker's side, a request whose bytes did not all arrive, naming them", () => {
    const { request } = takeLargeValues({ bytes: new Uint8Array(BYTES_IN_SLICES_FROM) });
    expect(() => new IncomingSlices().restore(1, request)).toThrow("The job's data (part 1) did not arrive");
  });

  it('reads a large answer back from its Blob a slice at a time, into the same bytes', async () => {
    const large = new Uint8Array(BYTES_PER_SLICE * 2 + BYTES_PER_SLICE / 2).map((_, i) => (i * 7) % 256);
    const packed = packBytes({ backup: large, rows: 3 });
    const slice = vi.spyOn(Blob.prototype, 'slice');
    try {
      const unpacked = await unpackBytes(packed);
      expect(unpacked.rows).toBe(3);
      expect(unpacked.backup).toEqual(large);
      expect(slice.mock.calls.map(([from, to]) => [from, to])).toEqual([
        [0, BYTES_PER_SLICE],
        [BYTES_PER_SLICE, BYTES_PER_SLICE * 2],
        [BYTES_PER_SLICE * 2, BYTES_PER_SLICE * 3],
      ]);
    } finally {
      slice.mockRestore();
    }
  });

  it('looks no deeper than a data job needs: bytes nested further are cloned as they are', () => {
    const large = new Uint8Array(BYTES_AS_BLOB_FROM);
    const deep = { a: { b: { c: { bytes: large } } } };
    expect(packBytes(deep).a.b.c.bytes).toBe(large);
  });

  it('hands each part of a large answer on as it comes, before the result', async () => {
    const scripted = scriptedWorker([
      { type: 'part', part: [1, 2] },
      { type: 'part', part: [3] },
      { type: 'done', result: 3 },
    ]);
    const parts: unknown[] = [];
    const job = { start: () => scripted.worker, request: 'go', onPageThread: () => -1, what: 'Test' };
    expect(
      await runWorkerJob(
        job,
        () => {},
        undefined,
        (part) => parts.push(part),
      ),
    ).toBe(3);
    expect(parts).toEqual([[1, 2], [3]]);
  });

  it("rejects with the worker's own message when the work fails", async () => {
    const scripted = scriptedWorker([{ type: 'failed', message: 'No school with that id' }]);
    await expect(runWorkerJob({ start: () => scripted.worker, request: 1, onPageThread: () => -1, what: 'Test' })).rejects.toThrow(
      'No school with that id',
    );
  });

  it("keeps the failure's name and its inner error's, so the words for a full disk are chosen as on the page", async () => {
    const scripted = scriptedWorker([{ type: 'failed', message: 'bulkAdd failed', name: 'BulkError', innerName: 'QuotaExceededError' }]);
    const failure = await runWorkerJob({ start: () => scripted.worker, request: 1, onPageThread: () => -1, what: 'Test' }).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ name: 'BulkError', message: 'bulkAdd failed', inner: { name: 'QuotaExceededError' } });
  });

  it('names the job when the worker dies after it started talking', async () => {
    const scripted = scriptedWorker([{ type: 'progress', fraction: 0.1 }], true);
    await expect(
      runWorkerJob({ start: () => scripted.worker, request: 1, onPageThread: () => -1, what: 'The allocation' }),
    ).rejects.toThrow('The allocation stopped unexpectedly');
  });

  it('stops the worker when the job is cancelled, and refuses the job as cancelled', async () => {
    const worker = doublingWorker({ delayMs: () => 50 });
    const stop = new AbortController();
    const running = runWorkerJob({ start: () => worker, request: 4, onPageThread: () => -1, what: 'The restore' }, () => {}, stop.signal);
    stop.abort();
    await expect(running).rejects.toBeInstanceOf(JobCancelled);
    expect((worker as unknown as { terminated: boolean }).terminated).toBe(true);
  });

  it('hands the signal to the work on the page, and refuses an already cancelled job without starting it', async () => {
    const seen: (AbortSignal | undefined)[] = [];
    const stop = new AbortController();
    const onPage = {
      start: (): Worker => {
        throw new Error('refused');
      },
      request: 1,
      what: 'Test',
    };
    await runWorkerJob({ ...onPage, onPageThread: (n: number, _progress, signal) => (seen.push(signal), n) }, () => {}, stop.signal);
    expect(seen).toEqual([stop.signal]);
    stop.abort();
    let started = false;
    await expect(runWorkerJob({ ...onPage, onPageThread: () => (started = true) }, () => {}, stop.signal)).rejects.toThrow(
      'Test was cancelled',
    );
    expect(started).toBe(false);
  });

  it('does the work on the page when no worker can start', async () => {
    const result = await runWorkerJob({
      start: () => {
        throw new Error('refused');
      },
      request: 20,
      onPageThread: (n: number) => n + 1,
      what: 'Test',
    });
    expect(result).toBe(21);
  });
});

/**
 * A stand-in kept worker: doubles each number after `delayMs(n)`, answering under the request's number;
 * `crashOn(n)` makes it fail (an error event) instead, as a worker whose script failed would.
 */
function doublingWorker(options: { delayMs?: (n: number) => number; crashOn?: (n: number) => boolean } = {}): Worker {
  const worker = {
    onmessage: null as ((event: MessageEvent) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    terminated: false,
    postMessage({ id, request }: WorkerJobEnvelope<number>) {
      setTimeout(
        () => {
          if (this.terminated) return;
          if (options.crashOn?.(request)) this.onerror?.({ message: 'Script error', preventDefault: () => {} } as unknown as ErrorEvent);
          else this.onmessage?.({ data: { id, type: 'done', result: request * 2 } } as MessageEvent);
        },
        options.delayMs?.(request) ?? 0,
      );
    },
    terminate() {
      this.terminated = true;
    },
  };
  return worker as unknown as Worker;
}

describe('a kept worker (renderer/src/app/worker-job JobWorker)', () => {
  it('serves many jobs with one worker, each getting its own answer whatever order they finish in', async () => {
    let starts = 0;
    const kept = new JobWorker<number, number>({
      start: () => {
        starts += 1;
        return doublingWorker({ delayMs: (n) => (n === 30 ? 30 : 0) });
      },
      onPageThread: () => -1,
      what: 'Test',
    });
    const [slow, quick] = await Promise.all([kept.run(30), kept.run(1)]);
    expect([slow, quick]).toEqual([60, 2]);
    expect(await kept.run(7)).toBe(14);
    expect(starts).toBe(1);
    kept.stop();
  });

  it('runs every job on the page, and keeps doing so, when its worker fails before it ever answered', async () => {
    let starts = 0;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const kept = new JobWorker<number, number>({
      start: () => {
        starts += 1;
        return doublingWorker({ crashOn: () => true });
      },
      onPageThread: (n) => n + 100,
      what: 'Test',
    });
    expect(await Promise.all([kept.run(1), kept.run(2)])).toEqual([101, 102]);
    expect(await kept.run(3)).toBe(103);
    expect(starts).toBe(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('Test ran on the page: its worker could not start (Script error)');
    warn.mockRestore();
  });

  it('refuses the job in hand when a worker that has answered dies, and starts a fresh one for the next', async () => {
    let starts = 0;
    const kept = new JobWorker<number, number>({
      start: () => {
        starts += 1;
        return doublingWorker({ crashOn: (n) => n === 13 });
      },
      onPageThread: () => -1,
      what: 'Matching',
    });
    expect(await kept.run(4)).toBe(8);
    await expect(kept.run(13)).rejects.toThrow('Script error');
    expect(await kept.run(5)).toBe(10);
    expect(starts).toBe(2);
    kept.stop();
  });

  it('stops its worker once no job has come for the idle time, and starts a fresh one for the next', async () => {
    let starts = 0;
    const kept = new JobWorker<number, number>({
      start: () => {
        starts += 1;
        return doublingWorker();
      },
      onPageThread: () => -1,
      what: 'Test',
      stopWhenIdleMs: 300,
    });
    expect(await kept.run(1)).toBe(2);
    expect(await kept.run(2)).toBe(4);
    expect(starts).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await kept.run(3)).toBe(6);
    expect(starts).toBe(2);
    kept.stop();
  });

  it('refuses the jobs still in hand when stopped', async () => {
    const kept = new JobWorker<number, number>({
      start: () => doublingWorker({ delayMs: () => 20 }),
      onPageThread: () => -1,
      what: 'Matching',
    });
    const answer = kept.run(2);
    kept.stop();
    await expect(answer).rejects.toThrow('Matching was stopped');
  });
});

describe('building a return (renderer/src/features/returns/build-return)', () => {
  it('gives the same return as the builders over the whole database (on the page, where Node has no Worker)', async () => {
    db = new CareersDeskDb('careers-desk-build-return', testDatabaseOptions());
    await loadDataset(db, generateDemoDataset({ seed: 4, today: '2026-11-24', pupils: 150 }), null);
    const source = await loadReturnSource(db);
    const options = {
      period: { start: '2025-09-01', end: '2026-11-24' },
      scope: { kind: 'all' } as const,
      threshold: 5,
      roundToNearest5: false,
      now: '2026-11-24T10:00:00.000Z',
    };
    const aggregate = await buildReturn({ kind: 'aggregate', options }, db);
    // The aggregate return comes with its summary beside the same period last year.
    expect(aggregate).toEqual(buildAggregateReturnWithSummary(source, options));
    expect(aggregate.kind === 'aggregate' && aggregate.summary?.lastYearPeriod).toEqual({ start: '2024-09-01', end: '2025-11-24' });
    expect(aggregate.kind === 'aggregate' && aggregate.tables.length).toBeGreaterThan(3);
    const extract = await buildReturn({ kind: 'extract', options, recipientKey: 'a secret for the council' }, db);
    expect(extract).toEqual(await buildPseudonymisedExtract(source, options, 'a secret for the council'));
  });
});

describe('the dashboard worked out through its job (renderer/src/features/dashboard/dashboard-job)', () => {
  it('gives the charts the builders give, with each young person in scope described for the lists', async () => {
    db = new CareersDeskDb('careers-desk-dashboard-job', testDatabaseOptions());
    await loadDataset(db, generateDemoDataset({ seed: 9, today: '2026-11-24', pupils: 120 }), null);
    const source = await loadReturnSource(db);
    const period = { start: '2026-09-01', end: '2027-08-31' };
    const figures = await runDashboardJob({ period, scope: { kind: 'home-educated' }, today: '2026-11-24' }, db);
    const scoped = scopeCaseload(source, { period, scope: { kind: 'home-educated' } });
    const destinations = { pupils: source.pupils, entries: await allDestinationEntries(db), scope: { kind: 'home-educated' as const } };
    expect(figures.dashboard).toEqual(buildDashboard(scoped, { period, now: '2026-11-24', destinations }));
    expect(figures.dashboard.series.map((s) => s.id)).toContain('september-guarantee');
    expect(figures.people).toEqual(scoped.pupils.map(personBehind));
    expect(figures.people.length).toBeGreaterThan(0);
    expect(figures.people.every((p) => p.detail.endsWith('home educated'))).toBe(true);
    expect(figures.schools.map((s) => s.name)).toEqual([...source.schools.map((s) => s.name)].sort((a, b) => a.localeCompare(b, 'en-GB')));
  });

  it('hears committed changes to the tables it counts, and only those, until stopped', async () => {
    db = new CareersDeskDb('careers-desk-dashboard-changes', testDatabaseOptions());
    await db.open();
    let heard = 0;
    const stop = onTablesChange(db, ['schools', 'sessions'], () => {
      heard += 1;
    });
    const school = make.school({ name: 'Coastal Academy', district: 'thanet', phase: 'secondary' });
    await db.schools.add(school);
    expect(heard).toBe(1);
    await db.settings.put({ key: 'firstRunAnswered', value: true });
    expect(heard).toBe(1);
    stop();
    await db.schools.delete(school.id);
    expect(heard).toBe(1);
  });
});

describe("one young person's matches through their job (renderer/src/features/matching/match-job)", () => {
  it('ranks exactly as matchPupil over the database, and answers null for someone no longer recorded', async () => {
    db = new CareersDeskDb('careers-desk-match-job', testDatabaseOptions());
    await loadDataset(db, generateDemoDataset({ seed: 12, today: '2026-11-24', pupils: 80 }), null);
    const pupil = (await db.pupils.toArray()).find((p) => yearGroupOf(p, '2026-11-24') === 10)!;
    const ranked = await runMatchJob({ pupilId: pupil.id, today: '2026-11-24', period: null }, db);
    const data = (await loadMatchData(db, pupil.id))!;
    expect(ranked).toEqual(matchPupil(data.pupil, { ...data, today: '2026-11-24' }));
    expect(ranked!.offers.length + ranked!.routes.length + ranked!.excluded.length).toBeGreaterThan(0);
    expect(await runMatchJob({ pupilId: crypto.randomUUID(), today: '2026-11-24', period: null }, db)).toBeNull();
  });

  it('reuses the prepared directory while its count of changes stands, and prepares it again when it moves', async () => {
    db = new CareersDeskDb('careers-desk-match-directory', testDatabaseOptions());
    await loadDataset(db, generateDemoDataset({ seed: 12, today: '2026-11-24', pupils: 80 }), null);
    const today = '2026-11-24';
    const cache = new MatchDirectoryCache();
    const request = (pupilId: string, directoryVersion: number) => ({
      databaseName: db!.name,
      dataKey: null,
      timetableDatabaseName: `${db!.name}-timetables`,
      pupilId,
      today,
      period: null,
      directoryVersion,
    });
    // Every young person ranks exactly as matchPupil over freshly read records, with one preparation.
    const pupils = (await db.pupils.toArray()).slice(0, 12);
    for (const pupil of pupils) {
      const data = (await loadMatchData(db, pupil.id))!;
      expect(await cache.workOut(db, request(pupil.id, 0))).toEqual(matchPupil(data.pupil, { ...data, today }));
    }
    const withOffer = (
      await Promise.all(pupils.map(async (p) => ({ pupil: p, ranked: (await cache.workOut(db!, request(p.id, 0)))! })))
    ).find(({ ranked }) => ranked.offers.length > 0)!;
    const best = withOffer.ranked.offers[0]!;
    if (best.kind !== 'offer') throw new Error('expected an offer');
    const proposed = await proposePlacement(
      db,
      { pupilId: withOffer.pupil.id, employerId: best.employerId, offerId: best.offerId, start: best.periodStart, end: best.periodEnd },
      null,
    );
    expect(proposed.ok).toBe(true);
    // Same count: the directory prepared before the placement is used (which is why the page counts changes).
    expect((await cache.workOut(db, request(withOffer.pupil.id, 0)))!.offers[0]).toEqual(best);
    // A new count: prepared again, and the offer is ruled out for the double booking.
    const again = (await cache.workOut(db, request(withOffer.pupil.id, 1)))!;
    const data = (await loadMatchData(db, withOffer.pupil.id))!;
    expect(again).toEqual(matchPupil(data.pupil, { ...data, today }));
    expect(again.excluded.some((m) => m.kind === 'offer' && m.offerId === best.offerId && m.periodStart === best.periodStart)).toBe(true);
  });

  it('plans journeys from the imported timetable, and reads the timetable again when another is imported', async () => {
    db = new CareersDeskDb('careers-desk-match-journeys', testDatabaseOptions());
    await db.open();
    const timetables = timetableDatabaseName(db.name);
    const today = '2027-03-01';
    const pupil = make.pupil({ dateOfBirth: '2011-10-05', outcode: 'CT9', travel: { maxDistanceKm: 15, reliesOnPublicTransport: true } });
    const employer = make.employer({
      outcode: 'CT11',
      checks: { riskAssessmentOn: '2026-09-01', insuranceExpiresOn: '2028-01-31', safeguardingConfirmed: true },
      offers: [make.offer({ yearGroups: [10], minimumAge: 14 })],
    });
    await db.pupils.add(pupil);
    await db.employers.add(employer);
    const cache = new MatchDirectoryCache();
    const request = {
      databaseName: db.name,
      dataKey: null,
      timetableDatabaseName: timetables,
      pupilId: pupil.id,
      today,
      period: null,
      directoryVersion: 0,
    };
    try {
      // No timetable yet: estimated from distance.
      const estimated = (await cache.workOut(db, request))!;
      expect(estimated.travelFrom).toBe('estimate');
      expect(estimated.offers[0]).toMatchObject({ kind: 'offer', journey: null });

      const stored = (name: string, bytes: Uint8Array) => ({
        databaseName: timetables,
        fileName: name,
        bytes,
        importedAt: `${today}T09:00:00.000Z`,
      });
      await importTimetable(stored('thanet.zip', await zipFeed(feedFiles(outcodeCoastalLine()))), () => {});
      const planned = (await cache.workOut(db, request))!;
      expect(planned.travelFrom).toBe('timetable');
      expect(planned.offers[0]).toMatchObject({
        journey: { verdict: 'yes', sentence: 'Leaves 07:57, arrives 08:38, no changes; home 16:32 to 17:18' },
      });

      // Another timetable, imported at the same moment: read again, and the placement with no bus home is ruled out.
      await importTimetable(stored('thanet-no-return.zip', await zipFeed(feedFiles(outcodeCoastalLineNoReturn()))), () => {});
      const again = (await cache.workOut(db, request))!;
      expect(again.offers).toEqual([]);
      expect(again.excluded[0]).toMatchObject({ journey: { verdict: 'no' } });
    } finally {
      await new TimetableDb(timetables).delete();
    }
  });
});
