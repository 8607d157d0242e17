import { CareersDeskDb } from './schema';

/**
 * Opens its own connection to the named database for one piece of work and closes it after:
 * for Web Workers, which cannot share the page's connection.
 */
export async function withDatabase<T>(name: string, work: (db: CareersDeskDb) => Promise<T>): Promise<T> {
  const db = new CareersDeskDb(name);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}
