// Every unit test gets an in-memory IndexedDB, so the database layer runs in Node.
import 'fake-indexeddb/auto';
// The synchronous cipher loads when a connection with a key opens (db/schema.ts); tests that seal or open rows
// directly, without a connection, find it loaded as the app would by then.
import { loadSyncCipher } from '@shared/crypto/sealed-rows';

await loadSyncCipher();
