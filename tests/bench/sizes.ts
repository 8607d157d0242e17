/**
 * The data set sizes the benchmark runs at, and the fixed day and seed, so every run (Node and
 * Chromium, this commit and the next) measures the same records. Browser-safe: no Node imports.
 */
import type { DemoOptions } from '../../shared/demo';

export type SizeName = 'smoke' | 'school' | 'service' | 'county';

export interface BenchSize {
  name: SizeName;
  /** What the size stands for, as the issue describes it. */
  label: string;
  /** Options for generateDemoDataset. Home-educated young people are added at 1 in 15 on top of `pupils`. */
  demo: DemoOptions;
}

/** Every figure is measured on this day's caseload: year groups, session dates and checks depend on it. */
export const BENCH_TODAY = '2026-11-24';
export const BENCH_SEED = 2026;

/**
 * `pupils` is chosen so that pupils + home-educated (1 in 15) comes to the round figure; the demo
 * generator gives each young person 0 to 2 × sessionsPerPupil sessions, 10 on average. About 80% of
 * employers have an offer, so 6,250 employers give about 5,000 employer offers. The generator adds a
 * sixth-form A level route per sixth-form school and two programme routes to `routes`.
 */
export const SIZES: Record<SizeName, BenchSize> = {
  smoke: {
    name: 'smoke',
    label: 'smoke: 200 young people, about 2,000 sessions',
    demo: { seed: BENCH_SEED, today: BENCH_TODAY, pupils: 188, sessionsPerPupil: 10, employers: 50, routes: 30, schools: 2 },
  },
  school: {
    name: 'school',
    label: 'a school: 2,000 pupils, 20,000 sessions, 500 employers, 300 routes',
    demo: { seed: BENCH_SEED, today: BENCH_TODAY, pupils: 1875, sessionsPerPupil: 10, employers: 500, routes: 297, schools: 1 },
  },
  service: {
    name: 'service',
    label: 'a service: 10,000 pupils, 100,000 sessions, 5,000 employer offers, 1,000 routes',
    demo: { seed: BENCH_SEED, today: BENCH_TODAY, pupils: 9375, sessionsPerPupil: 10, employers: 6250, routes: 991, schools: 10 },
  },
  county: {
    name: 'county',
    label: 'a county: 100,000 young people, 1,000,000 sessions',
    demo: { seed: BENCH_SEED, today: BENCH_TODAY, pupils: 93750, sessionsPerPupil: 10, employers: 12500, routes: 1991, schools: 10 },
  },
};

export function isSizeName(value: string): value is SizeName {
  return Object.hasOwn(SIZES, value);
}

/** How many times each step runs. The smoke run does everything once, on the smallest data. */
export interface RunCounts {
  bulkLoad: number;
  searchQueries: number;
  pupilPage: number;
  coldStart: number;
  matchOne: number;
  allocate: number;
  returns: number;
  onePdf: number;
  pdfBatch: number;
  /** How many PDFs a batch holds. */
  pdfBatchSize: number;
  /** Untimed runs before the timed ones (JIT, caches). */
  warmUp: number;
}

export function runCounts(size: SizeName, smoke: boolean): RunCounts {
  if (smoke) {
    return {
      bulkLoad: 1,
      searchQueries: 10,
      pupilPage: 1,
      coldStart: 1,
      matchOne: 1,
      allocate: 1,
      returns: 1,
      onePdf: 1,
      pdfBatch: 1,
      pdfBatchSize: 3,
      warmUp: 0,
    };
  }
  const county = size === 'county';
  return {
    bulkLoad: county ? 1 : 3,
    searchQueries: 200,
    pupilPage: 30,
    coldStart: county ? 3 : 5,
    matchOne: 50,
    allocate: 5,
    returns: county ? 3 : 5,
    onePdf: 20,
    pdfBatch: 1,
    pdfBatchSize: 200,
    warmUp: 3,
  };
}
