import { DataKeyRing } from '@renderer/db/encryption';
import type { DatabaseOptions } from '@renderer/db/schema';

/** One fixed data key for every test database, so a test that opens the same database twice reads it back. */
export const TEST_DATA_KEY = new Uint8Array(32).map((_, index) => index + 1);

/** A fresh key ring holding the test key: every test database is sealed at rest, as the app's is. */
export function testDatabaseOptions(): DatabaseOptions {
  return { keys: new DataKeyRing(TEST_DATA_KEY) };
}
