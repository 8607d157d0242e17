/**
 * The Chromium bench's backup, restore, merge and demo-load figures (issue 21, item 1): run on the bench
 * page (page/data-jobs.ts) once the app's database holds the data set. One run each: at a service a
 * step is tens of seconds, and what the figure is for is the longest main-thread task while it runs.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Figure } from './stats';
import type { SizeName } from './sizes';
import type { StepTiming } from './page/api';
import { CACHE_FOLDER } from './env';

/** BENCH_PROFILE_STEP=backup-open (or other steps' names, with commas): a CPU profile of the page's thread while each runs. */
const PROFILE_STEPS = new Set((process.env.BENCH_PROFILE_STEP ?? '').split(',').filter(Boolean));
/** BENCH_STOP_AFTER=backup-open (or restore, merge): the data jobs stop after that step (the steps up to it alone, at a large size). */
const STOP_AFTER = process.env.BENCH_STOP_AFTER ?? '';
/**
 * BENCH_DATA_JOBS_FROM=demo-load: the data jobs begin at the demo load (then the screens' jobs on what it wrote),
 * leaving out backup, restore and merge; with BENCH_ONLY_DATA_JOBS the app's database is then not loaded at all,
 * as nothing measured reads it (at a county: an hour less).
 */
const START_AT = process.env.BENCH_DATA_JOBS_FROM ?? '';
if (START_AT !== '' && START_AT !== 'demo-load') throw new Error(`BENCH_DATA_JOBS_FROM=${START_AT}: only demo-load is offered`);
export const DATA_JOBS_FROM_DEMO_LOAD = START_AT === 'demo-load';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number };
  hitCount?: number;
  children?: number[];
}
export interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

/** Self time by function, longest first: where the page's thread went during the step. */
function topSelfTimes(profile: Profile, count: number): string[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byNode.get(samples[i]!);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${url ? `${url.split('/').pop()}:${lineNumber + 1}` : ''}`.trim();
    // A sample's time is the gap to the next one.
    self.set(name, (self.get(name) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  return [...self]
    .filter(([name]) => name !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => `${ms.toFixed(1)} ms  ${name}`);
}

/** Whether BENCH_PROFILE_STEP names this step. */
export function profilesStep(step: string): boolean {
  return PROFILE_STEPS.has(step);
}

/**
 * The profile's longest stretch of samples with no idle between (about one task), how long it was, and self time
 * by function within it, longest first: what a step's longest task was made of.
 */
export function longestBusyStretch(profile: Profile, count: number): string[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let best = { from: 0, to: 0, ms: 0 };
  let from = 0;
  let ms = 0;
  for (let i = 0; i < samples.length; i++) {
    const idle = byNode.get(samples[i]!)?.callFrame.functionName === '(idle)';
    if (idle) {
      if (ms > best.ms) best = { from, to: i, ms };
      from = i + 1;
      ms = 0;
    } else ms += (deltas[i + 1] ?? 0) / 1000;
  }
  if (ms > best.ms) best = { from, to: samples.length, ms };
  const stretch: Profile = {
    ...profile,
    samples: samples.slice(best.from, best.to),
    timeDeltas: [0, ...deltas.slice(best.from + 1, best.to + 1)],
  };
  return [`longest stretch without idle: ${best.ms.toFixed(1)} ms`, ...topSelfTimes(stretch, count), ...callersOf(stretch, 5)];
}

/** A frame as a line of a caller chain: its function, file and column (a minified bundle is one long line). */
function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  const column = (columnNumber ?? 0) + 1;
  const where = lineNumber > 0 ? `${lineNumber + 1}:${column}` : `${column}`;
  return `${functionName || '(anonymous)'}${url ? ` ${url.split('/').pop()}:${where}` : ''}`;
}

/**
 * For the `count` stacks with the most self time in the profile, the chain of callers (innermost first): which
 * code a native function's time (an IndexedDB put, TextEncoder's encode) was spent for.
 */
function callersOf(profile: Profile, count: number): string[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfByNode = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) selfByNode.set(samples[i]!, (selfByNode.get(samples[i]!) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  return [...selfByNode]
    .filter(([id]) => byNode.get(id)?.callFrame.functionName !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([id, ms]) => {
      const chain: string[] = [];
      for (let at: number | undefined = id; at !== undefined && chain.length < 8; at = parent.get(at)) {
        const node = byNode.get(at);
        if (!node || node.callFrame.functionName === '(root)') break;
        chain.push(frameName(node));
      }
      return `${ms.toFixed(1)} ms in: ${chain.join(' < ')}`;
    });
}

/** Lets the bench page ask for a CPU profile around the step named in BENCH_PROFILE_STEP. */
async function offerProfiling(page: Page, size: SizeName): Promise<void> {
  if (PROFILE_STEPS.size === 0) return;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await page.exposeFunction('__benchProfile', async (what: 'start' | 'stop', step: string) => {
    if (!PROFILE_STEPS.has(step)) return;
    if (what === 'start') {
      await cdp.send('Profiler.start');
      return;
    }
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const file = join(CACHE_FOLDER, `profile-${size}-${step}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`bench: CPU profile of the page during ${step} at the ${size} size written to ${file}; self time, longest first:`);
    for (const line of topSelfTimes(profile, 15)) console.log(`  ${line}`);
    console.log('  its longest stretch without idle:');
    for (const line of longestBusyStretch(profile, 8)) console.log(`    ${line}`);
  });
}

type Add = (f: Omit<Figure, 'size' | 'where' | 'unit' | 'median' | 'p95' | 'min' | 'max' | 'runs'>, samples: number[]) => void;

const LABELS = {
  backup: 'backup: every table read, opened, encoded, compressed and encrypted',
  'backup-open': 'opening a backup for the restore preview (decrypted, checked, counted; the records stay in the worker)',
  restore: 'restore of that backup into a database, one transaction',
  'merge-preview': "merge preview: the backup opened and compared with this computer's records (an empty database)",
  merge: 'merge of that backup: every record added, one transaction',
  'demo-load': 'demo load at this size: generated and written, one transaction',
} as const;

/** The screens' jobs (page/screen-jobs.ts), on the database the demo load filled. */
const SCREEN_LABELS = {
  'import-10k': 'import of a 10,000-row CSV of young people through the import screen: read, checked, previewed and written',
  'confirm-allocation': "confirming a cohort allocation (a school's Year 10s and 12s: placements proposed, one transaction)",
  'return-aggregate': 'building the aggregate return over the whole caseload, with its tidy data',
  'destinations-file': "building the council's destinations file (Kent)",
  'compass-figures': "working out one school's Compass figures",
} as const;

/**
 * The figures before round six (on the page) are taken at the school and smoke sizes only, where they
 * take seconds; `BENCH_DATA_JOBS_ON_PAGE=1` asks for them at every size.
 */
/** The longest frame's scripts, noted when a step's longest task is over 200 ms (page/main.ts). */
function whereNote(timing: StepTiming): Record<string, string> {
  return timing.longestTaskWhere ? { 'longest task, where': timing.longestTaskWhere } : {};
}

export async function measureDataJobs(page: Page, size: SizeName, add: Add): Promise<void> {
  const onPageToo = size === 'school' || size === 'smoke' || process.env.BENCH_DATA_JOBS_ON_PAGE === '1';
  await offerProfiling(page, size);
  const timings = await page
    .evaluate(([s, both, until, from]) => window.careersDeskBench!.dataJobs(s, both, until, from), [
      size,
      onPageToo,
      STOP_AFTER,
      START_AT,
    ] as const)
    .catch((error: unknown) => {
      // Said here as well: a failure inside a step otherwise surfaces only as the profile's clean-up failing after it.
      console.log(`bench: the data jobs failed at the ${size} size: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    });
  for (const [step, timing] of Object.entries(timings.worker)) {
    add(
      {
        id: `${step}-worker`,
        label: `${LABELS[step as keyof typeof LABELS]}, in the data worker`,
        notes: { 'longest task (ms)': timing.longestTaskMs, ...whereNote(timing) },
      },
      [timing.ms],
    );
  }
  const screens = timings.screens;
  for (const [where, steps] of Object.entries({ worker: screens?.worker ?? {}, page: screens?.page ?? {} })) {
    for (const [step, timing] of Object.entries(steps)) {
      add(
        {
          id: `${step}-${where}`,
          label: `${SCREEN_LABELS[step as keyof typeof SCREEN_LABELS]}${where === 'page' ? ', read and checked on the page (before)' : ''}`,
          notes: {
            'longest task (ms)': timing.longestTaskMs,
            ...whereNote(timing),
            ...Object.fromEntries(Object.entries(screens?.notes ?? {}).filter(([note]) => note.startsWith(`${step.split('-')[0]!}:`))),
          },
        },
        [timing.ms],
      );
    }
  }
  for (const [step, timing] of Object.entries(timings.page)) {
    add(
      {
        id: `${step}-page`,
        label: `${LABELS[step as keyof typeof LABELS]}, on the page (before round six)`,
        notes: { 'longest task (ms)': timing.longestTaskMs },
      },
      [timing.ms],
    );
  }
}
