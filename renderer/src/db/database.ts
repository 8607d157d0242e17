import { CareersDeskDb, DATABASE_NAME } from './schema';
import { DataKeyRing } from './encryption';

/** The app's data key while unlocked (set at start-up from the key store, db/data-key.ts). */
export const appDataKeys = new DataKeyRing();

/** Hears the version 5 upgrade sealing existing records, for the start-up screen. */
export const sealingProgressListeners = new Set<(done: number, total: number) => void>();

/** The app's database. Tests construct their own CareersDeskDb with a fresh name instead. */
export const db = new CareersDeskDb(DATABASE_NAME, {
  keys: appDataKeys,
  onSealingProgress: (done, total) => {
    for (const listener of sealingProgressListeners) listener(done, total);
  },
});
