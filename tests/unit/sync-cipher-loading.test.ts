// shared/crypto/sealed-rows.ts loads its synchronous cipher when first needed, not with the records' code: each test
// here starts from a fresh module graph, where nothing has loaded it yet (the setup file loads it for other tests).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TEST_DATA_KEY } from './test-database';

type SealedRows = typeof import('@shared/crypto/sealed-rows');

async function freshModules(): Promise<{
  sealedRows: SealedRows;
  schema: typeof import('@renderer/db/schema');
  encryption: typeof import('@renderer/db/encryption');
  dataKey: typeof import('@shared/crypto/data-key');
}> {
  vi.resetModules();
  return {
    sealedRows: await import('@shared/crypto/sealed-rows'),
    schema: await import('@renderer/db/schema'),
    encryption: await import('@renderer/db/encryption'),
    dataKey: await import('@shared/crypto/data-key'),
  };
}

let databaseNumber = 0;

describe('the synchronous cipher, loaded when first needed', () => {
  beforeEach(() => {
    databaseNumber += 1;
  });

  it('is not loaded with the module, and says so when used too soon', async () => {
    const { sealedRows } = await freshModules();
    expect(sealedRows.syncCipherLoaded()).toBe(false);
    expect(() => sealedRows.sealBytes(TEST_DATA_KEY, new Uint8Array([1, 2, 3]))).toThrow(/before it was loaded/);
    await sealedRows.loadSyncCipher();
    const sealed = sealedRows.sealBytes(TEST_DATA_KEY, new Uint8Array([1, 2, 3]));
    expect([...sealedRows.openBytes(TEST_DATA_KEY, sealed)]).toEqual([1, 2, 3]);
  });

  it('is loaded by a connection with a key before it opens, so its first write is sealed', async () => {
    const { sealedRows, schema, encryption } = await freshModules();
    const db = new schema.CareersDeskDb(`sync-cipher-${databaseNumber}`, { keys: new encryption.DataKeyRing(TEST_DATA_KEY) });
    try {
      expect(sealedRows.syncCipherLoaded()).toBe(false);
      // Dexie opens the database on this first query, through the connection's own open().
      await db.settings.put({ key: 'retention-years', value: 6 });
      expect(sealedRows.syncCipherLoaded()).toBe(true);
      const request = db.backendDB().transaction('settings').objectStore('settings').get('retention-years');
      const stored = await new Promise<unknown>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('The stored row could not be read'));
      });
      expect(sealedRows.isSealedRow(stored)).toBe(true);
      expect(await db.settings.get('retention-years')).toEqual({ key: 'retention-years', value: 6 });
    } finally {
      db.close();
      await schema.CareersDeskDb.delete(`sync-cipher-${databaseNumber}`);
    }
  });

  it('is loaded by the passphrase wrapping and unwrapping the key', async () => {
    const { sealedRows, dataKey } = await freshModules();
    const random = (length: number) => new Uint8Array(length).fill(7);
    const wrapped = await dataKey.wrapDataKey(TEST_DATA_KEY, 'correct horse battery', random, 1);
    expect(sealedRows.syncCipherLoaded()).toBe(true);
    const { sealedRows: again, dataKey: dataKeyAgain } = await freshModules();
    expect(again.syncCipherLoaded()).toBe(false);
    expect([...((await dataKeyAgain.unwrapDataKey(wrapped, 'correct horse battery')) ?? [])]).toEqual([...TEST_DATA_KEY]);
  });
});
