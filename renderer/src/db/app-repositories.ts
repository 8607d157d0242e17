import type { Clock } from '../platform/clock';
import { db } from './database';
import { createRepositories, installRepositories } from './repositories';

/** At start-up (main.ts): the app's repositories over the app's database, so no file above db/ holds the database. */
export function installAppRepositories(actor: () => string | null, clock: Clock): void {
  installRepositories(createRepositories(db, { actor, clock }));
}
