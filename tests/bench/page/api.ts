/** What the bench page (tests/bench/page/main.ts) exposes on window for Playwright to call. */
import type { DatasetCounts } from '../datasets';
import type { SizeName } from '../sizes';

export interface StepTiming {
  ms: number;
  /** The longest main-thread task while the step ran (0 when none reached 50 ms). */
  longestTaskMs: number;
  /** For a task over 200 ms: the scripts its animation frame ran, longest first, and the time no script accounts for. */
  longestTaskWhere?: string;
}

export interface SampledTiming {
  samples: number[];
  longestTaskMs: number;
}

/** The raw load's schema: the app's own, without the indexes no screen queries, or that with sessions one row per young person. */
export type RawSchemaVariant = 'same' | 'queried-indexes' | 'compact-sessions';
/** Backup, restore, merge and the demo load, by step, in the data worker and (before round six) on the page. */
export interface DataJobTimings {
  worker: Partial<Record<'backup' | 'backup-open' | 'restore' | 'merge-preview' | 'merge' | 'demo-load', StepTiming>>;
  page: Partial<Record<'backup' | 'restore' | 'merge' | 'demo-load', StepTiming>>;
  /** Run on the database the demo load filled, at this size. */
  screens?: ScreenJobTimings;
}

/** The screens' long jobs (page/screen-jobs.ts), in the worker as the app runs them and (some) on the page as before. */
export interface ScreenJobTimings {
  worker: Partial<Record<'import-10k' | 'confirm-allocation' | 'return-aggregate' | 'destinations-file' | 'compass-figures', StepTiming>>;
  page: Partial<Record<'import-10k', StepTiming>>;
  notes: Record<string, string | number>;
}

export interface BenchPageApi {
  /** Builds the seeded data set in the page; nothing is stored yet. */
  generate(size: SizeName): Promise<{ counts: DatasetCounts; generateMs: number; pupilId: string; pupilName: string }>;
  /**
   * The same rows written with plain IndexedDB put, one transaction, into a database with the same stores
   * and indexes: every put issued at once (`slice` null), or `slice` at a time, each slice issued when
   * the last put of the one before has succeeded.
   */
  rawLoad(slice: number | null, variant?: RawSchemaVariant): Promise<StepTiming>;
  /** The app's own bulk load (renderer/src/db/demo.ts loadDataset) into the app's database. */
  dexieLoad(): Promise<StepTiming>;
  /**
   * Lets the generated data set go, keeping what the screens' steps need (search queries, the young person with
   * 50 sessions): held, its garbage collections land in whichever step runs (round nine; county search round
   * eleven). A later step that needs the rows (the load without encryption) makes the data set again, untimed.
   */
  letGoOfDataset(): Promise<void>;
  /** findPupils for each prefix, as the pupil list runs it per keystroke. */
  search(
    count: number,
    warmUp: number,
  ): Promise<
    SampledTiming & { averageResults: number; firstQueries: string[]; /** The longest frame's scripts. */ longestTaskWhere?: string }
  >;
  /** usePupilRecord for the pupil with 50 sessions, until it has loaded. */
  pupilPage(runs: number, warmUp: number): Promise<SampledTiming & { sessions: number }>;
  /** The steps above then run on the app's sealed database (true, the default) or on one without encryption. */
  useEncryption(on: boolean): Promise<void>;
  /** A new connection opened and the whole pupil list read into its index: the records' part of a cold start. */
  openAndList(fromSnapshot?: boolean): Promise<StepTiming>;
  /** Deletes the pupil list's snapshot, so the next start reads every record (the start before round six). */
  dropListSnapshot(): Promise<void>;
  /** Reads the list and writes its snapshot now; true when one is stored. */
  makeListSnapshot(): Promise<boolean>;
  /** Backup, restore, merge and the demo load at this size, timed with their longest main-thread task (page/data-jobs.ts). */
  dataJobs(size: SizeName, onPageToo: boolean, stopAfter?: string, startAt?: string): Promise<DataJobTimings>;
  /** Removes the raw and unencrypted databases and closes the app's, leaving the app's data in the profile. */
  finish(): Promise<void>;
}

declare global {
  interface Window {
    careersDeskBench?: BenchPageApi;
  }
}
