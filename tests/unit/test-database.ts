import { DataKeyRing } from '@renderer/db/encryption';
import type { CareersDeskDb, DatabaseOptions } from '@renderer/db/schema';
import type { AuditEntry } from '@shared/model';
import type { KeyStore } from '@renderer/db/data-key';

/** One fixed data key for every test database, so a test that opens the same database twice reads it back. */
export const TEST_DATA_KEY = new Uint8Array(32).map((_, index) => index + 1);

/** A fresh key ring holding the test key: every test database is sealed at rest, as the app's is. */
export function testDatabaseOptions(): DatabaseOptions {
  return { keys: new DataKeyRing(TEST_DATA_KEY) };
}

/** A key store held in memory, for repositories in tests (the app's is the bridge's). */
export function memoryKeyStore(): KeyStore {
  const kept = new Map<string, Uint8Array>();
  return {
    readKey: async ({ name }) => kept.get(name) ?? null,
    writeKey: async ({ name, data }) => void kept.set(name, data.slice()),
    removeKey: async ({ name }) => void kept.delete(name),
  };
}

/** The audit entries of one kind, in write order (since version 7 the log has no [entity+action] index: read in memory). */
export async function auditEntriesOf(db: CareersDeskDb, entity: string, action: string): Promise<AuditEntry[]> {
  return (await db.audit.orderBy('seq').toArray()).filter((entry) => entry.entity === entity && entry.action === action);
}
