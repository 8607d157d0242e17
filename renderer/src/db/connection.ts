import { CareersDeskDb } from './schema';
import { DataKeyRing } from './encryption';

/** Where a worker finds the records: the database's name, and the data key to open them (null: not encrypted). */
export interface DatabaseAddress {
  databaseName: string;
  dataKey: Uint8Array | null;
}

/** The address of an open database, for a job message: the key goes as a copy, and only while unlocked. */
export function addressOf(db: CareersDeskDb): DatabaseAddress {
  return { databaseName: db.name, dataKey: db.keys ? db.keys.bytes() : null };
}

/**
 * Opens its own connection to the addressed database for one piece of work and closes it after:
 * for Web Workers, which cannot share the page's connection. The key is forgotten when the work ends.
 */
export async function withDatabase<T>(address: DatabaseAddress, work: (db: CareersDeskDb) => Promise<T>): Promise<T> {
  const keys = address.dataKey ? new DataKeyRing(address.dataKey) : null;
  const db = new CareersDeskDb(address.databaseName, keys ? { keys } : { unencryptedForBenchComparison: true });
  try {
    return await work(db);
  } finally {
    db.close();
    keys?.forget();
  }
}
