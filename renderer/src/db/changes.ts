import Dexie, { type ObservabilitySet } from 'dexie';
import type { CareersDeskDb } from './schema';

/**
 * Calls `listener` after every committed change to any of these tables, made in this window or
 * another (Dexie's storagemutated event). Returns the way to stop listening. For views that work
 * their figures out elsewhere (a worker) and so cannot use a live query.
 */
export function onTablesChange(db: CareersDeskDb, tables: readonly string[], listener: () => void): () => void {
  const prefixes = tables.map((table) => `idb://${db.name}/${table}/`);
  const heard = (parts: ObservabilitySet) => {
    if (Object.keys(parts).some((part) => prefixes.some((prefix) => part.startsWith(prefix)))) listener();
  };
  Dexie.on('storagemutated', heard);
  return () => Dexie.on.storagemutated.unsubscribe(heard);
}
