import Dexie from 'dexie';
import { CareersDeskDb, DATABASE_NAME } from './schema';
import { DataKeyRing } from './encryption';

/** The app's data key while unlocked (set at start-up from the key store, db/data-key.ts). */
export const appDataKeys = new DataKeyRing();

/** Hears the version 5 upgrade sealing existing records, for the start-up screen. */
export const sealingProgressListeners = new Set<(done: number, total: number) => void>();

/** While set, the app's database waits for it before opening (holdAppDatabase). */
let held: Promise<void> | null = null;

/**
 * The app's database, whose opening can be held back: the interface mounts while the records' key is still being
 * read (main.ts), and a query made meanwhile asks Dexie to open the database. Held, that open waits until the key
 * is in the ring, and the query with it (Dexie queues queries while a database opens), so nothing is read or
 * upgraded without the key.
 */
class AppDatabase extends CareersDeskDb {
  override open() {
    const waiting = held;
    if (!waiting) return super.open();
    return Dexie.Promise.resolve(waiting).then(() => super.open());
  }
}

/**
 * Holds the app's database closed until the answer is called (main.ts, before the interface mounts); nothing opens
 * it meanwhile. Called again, it holds it until the new answer is called.
 */
export function holdAppDatabase(): () => void {
  let release = (): void => undefined;
  const hold = new Promise<void>((resolve) => {
    release = () => {
      if (held === hold) held = null;
      resolve();
    };
  });
  held = hold;
  return release;
}

/** The app's database. Tests construct their own CareersDeskDb with a fresh name instead. */
export const db = new AppDatabase(DATABASE_NAME, {
  keys: appDataKeys,
  onSealingProgress: (done, total) => {
    for (const listener of sealingProgressListeners) listener(done, total);
  },
});
