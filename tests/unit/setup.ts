// Every unit test gets an in-memory IndexedDB, so the database layer runs in Node.
import 'fake-indexeddb/auto';
