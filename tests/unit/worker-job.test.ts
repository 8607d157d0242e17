import { afterEach, describe, expect, it } from 'vitest';
import { runWorkerJob, type WorkerJobReply } from '@renderer/app/worker-job';
import { CareersDeskDb } from '@renderer/db/schema';
import { loadDataset } from '@renderer/db/demo';
import { loadReturnSource } from '@renderer/db/returns';
import { buildReturn } from '@renderer/features/returns/build-return';
import { generateDemoDataset } from '@shared/demo';
import { buildAggregateReturn, buildPseudonymisedExtract } from '@shared/returns';

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
  let db: CareersDeskDb | null = null;
  afterEach(async () => {
    db?.close();
    await db?.delete();
  });

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
