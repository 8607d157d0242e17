/**
 * The Chromium bench's backup, restore, merge and demo-load figures (issue 21, item 1): run on the bench
 * page (page/data-jobs.ts) once the app's database holds the data set. One run each: at a service a
 * step is tens of seconds, and what the figure is for is the longest main-thread task while it runs.
 */
import type { Page } from '@playwright/test';
import type { Figure } from './stats';
import type { SizeName } from './sizes';
import type {} from './page/api';

type Add = (f: Omit<Figure, 'size' | 'where' | 'unit' | 'median' | 'p95' | 'min' | 'max' | 'runs'>, samples: number[]) => void;

const LABELS = {
  backup: 'backup: every table read, opened, encoded, compressed and encrypted',
  'backup-open': 'opening a backup for the restore preview (decrypted, checked, counted; the records stay in the worker)',
  restore: 'restore of that backup into a database, one transaction',
  'merge-preview': "merge preview: the backup opened and compared with this computer's records (an empty database)",
  merge: 'merge of that backup: every record added, one transaction',
  'demo-load': 'demo load at this size: generated and written, one transaction',
} as const;

/**
 * The figures before round six (on the page) are taken at the school and smoke sizes only, where they
 * take seconds; `BENCH_DATA_JOBS_ON_PAGE=1` asks for them at every size.
 */
export async function measureDataJobs(page: Page, size: SizeName, add: Add): Promise<void> {
  const onPageToo = size === 'school' || size === 'smoke' || process.env.BENCH_DATA_JOBS_ON_PAGE === '1';
  const timings = await page
    .evaluate(([s, both]) => window.careersDeskBench!.dataJobs(s, both), [size, onPageToo] as const)
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
        notes: { 'longest task (ms)': timing.longestTaskMs },
      },
      [timing.ms],
    );
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
