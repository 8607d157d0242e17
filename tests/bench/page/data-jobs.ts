/**
 * Backup, restore, merge and the demo load on the bench page (issue 21, item 1): each timed as the app
 * runs it now, in the data worker (renderer/src/db/data-job-runner.ts), and, for the figures before,
 * on the page's thread as the app ran it until round six. The figure that matters is the longest
 * main-thread task while each runs. Restores, merges and demo loads write into a scratch database
 * sealed with the app's key, so the app's own database keeps the data set for the cold start.
 */
import { newBackupKey, planMerge, resolveMerge, checkMergeWrites } from '../../../shared/backup';
import { generateDemoDataset } from '../../../shared/demo';
import { CareersDeskDb } from '../../../renderer/src/db/schema';
import { makeBackupFile, readBackupFile, restorePayload } from '../../../renderer/src/db/backup';
import { secureRandom } from '../../../renderer/src/platform/secure-random';
import { applyMerge, localMergeTables } from '../../../renderer/src/db/merge';
import { loadDataset } from '../../../renderer/src/db/demo';
import { runDataJob } from '../../../renderer/src/db/data-job-runner';
import { createWebBridge } from '../../../renderer/src/bridge/web';
import { sendInParts } from '../../../renderer/src/platform/send-in-parts';
import { backupFileName } from '../../../shared/bridge';
import { SIZES, BENCH_TODAY, type SizeName } from '../sizes';
import type { DataJobTimings, StepTiming } from './api';
import { measureScreenJobs } from './screen-jobs';

const SCRATCH = 'careers-desk-bench-jobs';
const NOW = new Date(`${BENCH_TODAY}T12:00:00`);

type Timed = (step: () => Promise<unknown>) => Promise<StepTiming>;

/** Set by the Playwright side when BENCH_PROFILE_STEP names a step: a CPU profile of the page is taken around it. */
type ProfileHook = (what: 'start' | 'stop', step: string) => Promise<void>;
const profileHook = (): ProfileHook | undefined => (window as unknown as { __benchProfile?: ProfileHook }).__benchProfile;

/** `timed`, with the page's CPU profile taken around the step when asked for. */
function profiled(timed: Timed, name: string): Timed {
  return async (step) => {
    await profileHook()?.('start', name);
    try {
      return await timed(step);
    } finally {
      await profileHook()?.('stop', name);
    }
  };
}

/** Every step, in the worker and (with `onPageToo`) on the page; `db` holds the data set. */
export async function measureDataJobs(
  db: CareersDeskDb,
  size: SizeName,
  onPageToo: boolean,
  timed: Timed,
  /** 'backup-open', 'restore' or 'merge': stop after that step (to look at the steps up to it alone at a large size). */
  stopAfter?: string,
  /** 'demo-load': begin there, leaving out backup, restore and merge (the demo load and the screens' jobs alone). */
  startAt?: string,
): Promise<DataJobTimings> {
  if (!db.keys) throw new Error('The bench measures the data jobs on the sealed database');
  const scratch = new CareersDeskDb(SCRATCH, { keys: db.keys });
  const fresh = async () => {
    await scratch.delete();
    await scratch.open();
  };
  const say = (what: string) => console.info(`bench page: data jobs: ${what}`);
  /** Times a step and keeps what it gave. */
  const keep = async <T>(step: () => Promise<T>, name: string): Promise<[StepTiming, T]> => {
    let value: T | undefined;
    const timing = await profiled(
      timed,
      name,
    )(async () => {
      value = await step();
    });
    return [timing, value as T];
  };
  const timings: DataJobTimings = { worker: {}, page: {} };
  try {
    const key = await newBackupKey('bench passphrase, not secret', secureRandom);
    const options = { reason: 'manual' as const, now: NOW };

    /** The backup the restore and merge steps read, and the page's figures after; none when starting at the demo load. */
    let backupForPage: Uint8Array | null = null;
    if (startAt !== 'demo-load') {
      say('backup in the worker, to the file written');
      // Timed to the file written as an automatic backup is (the web bridge's store), so the bridge's part counts.
      const bridge = createWebBridge();
      const name = backupFileName('manual', new Date());
      const [backupTiming] = await keep(async () => {
        const file = await runDataJob(db, { kind: 'backup', key, options });
        return bridge.writeBackup({ name, data: await sendInParts(bridge, file), reason: 'manual' });
      }, 'backup');
      timings.worker.backup = backupTiming;
      const bytes = await bridge.readBackup({ name });
      await bridge.deleteBackup({ name });
      backupForPage = bytes;
      timings.worker['backup-open'] = await profiled(timed, 'backup-open')(() => runDataJob(db, { kind: 'open', bytes, unlock: { key } }));
      if (stopAfter === 'backup-open') return timings;
      say(`restore in the worker (${bytes.length} bytes)`);
      await fresh();
      timings.worker.restore = await profiled(
        timed,
        'restore',
      )(() => runDataJob(scratch, { kind: 'restore', bytes, key, actorId: null, source: 'the bench', now: NOW }));
      if (stopAfter === 'restore') return timings;
      say('merge in the worker, into an empty database');
      await fresh();
      const [previewTiming, preview] = await keep(
        () => runDataJob(scratch, { kind: 'merge-preview', bytes, unlock: { key } }),
        'merge-preview',
      );
      timings.worker['merge-preview'] = previewTiming;
      if (!preview.ok) throw new Error('The bench backup did not open for merging');
      timings.worker.merge = await timed(async () => {
        const merged = await runDataJob(scratch, {
          kind: 'merge',
          bytes,
          key,
          choices: {},
          previewed: preview.value.previewed,
          actorId: null,
          source: 'the bench',
          now: NOW,
        });
        if (!merged.ok) throw new Error(merged.problem);
      });
      if (stopAfter === 'merge') return timings;
    }
    say('demo load in the worker');
    await fresh();
    timings.worker['demo-load'] = await timed(() =>
      runDataJob(scratch, { kind: 'demo-load', demo: SIZES[size].demo, withService: true, actorId: null, now: NOW }),
    );
    // The screens' jobs on the database the demo load just filled: the data set at this size.
    timings.screens = await measureScreenJobs(scratch, size === 'smoke', onPageToo, timed, (name) => profiled(timed, name));

    if (onPageToo && backupForPage) {
      const bytes = backupForPage;
      say('backup on the page');
      timings.page.backup = await timed(() => makeBackupFile(db, key, options));
      say('restore on the page');
      await fresh();
      timings.page.restore = await timed(async () => {
        const read = await readBackupFile(scratch, bytes, { key });
        if (!read.ok) throw new Error(read.error.message);
        await restorePayload(scratch, read.value.payload, { actorId: null, source: 'the bench', now: NOW });
      });
      say('merge on the page, into an empty database');
      await fresh();
      timings.page.merge = await timed(async () => {
        const read = await readBackupFile(scratch, bytes, { key });
        if (!read.ok) throw new Error(read.error.message);
        const resolved = resolveMerge(planMerge(await localMergeTables(scratch), read.value.payload.tables), {});
        if (!resolved.ok) throw new Error('Unexpected conflicts merging into an empty database');
        const checked = checkMergeWrites(resolved.value);
        if (!checked.ok) throw new Error(checked.problems.join('; '));
        await applyMerge(scratch, checked.value, { actorId: null, source: 'the bench', now: NOW });
      });
      say('demo load on the page');
      await fresh();
      timings.page['demo-load'] = await timed(() => loadDataset(scratch, generateDemoDataset(SIZES[size].demo), null, NOW));
    }
    return timings;
  } finally {
    scratch.close();
    await scratch.delete();
  }
}
