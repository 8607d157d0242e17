// renderer/src/db/data-key.ts over the web bridge's key store (fake-indexeddb): the key made at the first
// start, the lock wrapping it, and that nothing in the database can remove the lock.
import { afterEach, describe, expect, it } from 'vitest';
import { createWebBridge } from '@renderer/bridge/web';
import { CareersDeskDb } from '@renderer/db/schema';
import { DataKeyRing, RecordsLockedError } from '@renderer/db/encryption';
import { openRecordsKey, unlockRecords, unwrapRecordsKey, wrapRecordsKey } from '@renderer/db/data-key';
import { decodeStoredDataKey } from '@shared/crypto/data-key';
import { newDataKey, openRowsAhead, sealRow } from '@shared/crypto/sealed-rows';
import { readStoredRecordsKey } from '@renderer/db/records-key';

const random = (length: number) => crypto.getRandomValues(new Uint8Array(length));
// Few PBKDF2 rounds: these tests are about what is kept where, not about the derivation's cost.
const FAST = 1_000;
const opened: CareersDeskDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
  await createWebBridge().removeKey({ name: 'data-key' });
});

describe("the records' key", () => {
  it('is made at the first start and read back the same at the next', async () => {
    const store = createWebBridge();
    const first = new DataKeyRing();
    expect(await openRecordsKey(store, first, 'careers-desk-key-first')).toEqual({ state: 'unlocked' });
    const again = new DataKeyRing();
    expect(await openRecordsKey(store, again, 'careers-desk-key-first')).toEqual({ state: 'unlocked' });
    expect(again.bytes()).toEqual(first.bytes());
  });

  it('asked for before its code loaded (main.ts): the early answer is the one used, and the store is not asked again', async () => {
    const store = createWebBridge();
    const first = new DataKeyRing();
    await openRecordsKey(store, first, 'careers-desk-key-early');
    const storedKey = readStoredRecordsKey(store);
    let asked = 0;
    const counting = { ...store, readKey: (request: { name: 'data-key' | 'auto-backup-key' }) => (asked++, store.readKey(request)) };
    const again = new DataKeyRing();
    expect(await openRecordsKey(counting, again, 'careers-desk-key-early', storedKey)).toEqual({ state: 'unlocked' });
    expect(asked).toBe(0);
    expect(again.bytes()).toEqual(first.bytes());
    // The early answer's failure is the start's failure, said as the key store said it.
    const failed = Promise.reject(new Error('The keychain is not available'));
    const opening = openRecordsKey(store, new DataKeyRing(), 'careers-desk-key-early', failed);
    await expect(opening).rejects.toThrow('The keychain is not available');
  });

  it('is never replaced for a sealed database whose key has gone: that is refused, saying so', async () => {
    const store = createWebBridge();
    const keys = new DataKeyRing();
    await openRecordsKey(store, keys, 'careers-desk-key-lost');
    const db = new CareersDeskDb('careers-desk-key-lost', { keys });
    opened.push(db);
    await db.settings.put({ key: 'retentionYears', value: 7 });
    db.close();
    await store.removeKey({ name: 'data-key' });
    await expect(openRecordsKey(store, new DataKeyRing(), 'careers-desk-key-lost')).rejects.toThrow(
      'The key to the records on this computer is missing',
    );
  });

  it('wrapped by the lock: locked at start, a wrong passphrase opens nothing, the right one opens the records', async () => {
    const store = createWebBridge();
    const keys = new DataKeyRing();
    await openRecordsKey(store, keys, 'careers-desk-key-lock');
    const db = new CareersDeskDb('careers-desk-key-lock', { keys });
    opened.push(db);
    await db.settings.put({ key: 'retentionYears', value: 7 });
    await wrapRecordsKey(store, keys, 'desk lock phrase', random, FAST);
    const stored = decodeStoredDataKey((await store.readKey({ name: 'data-key' }))!);
    expect(stored.kind).toBe('wrapped');
    expect(JSON.stringify(stored)).not.toContain(btoa(String.fromCharCode(...keys.bytes())));
    keys.forget();
    db.close();

    // The next start: locked, with no key in memory (the lock is in the key store, not in the database).
    const next = new DataKeyRing();
    expect((await openRecordsKey(store, next, 'careers-desk-key-lock')).state).toBe('locked');
    expect(next.unlocked).toBe(false);
    const reading = new CareersDeskDb('careers-desk-key-lock', { keys: next });
    opened.push(reading);
    await expect(reading.settings.toArray()).rejects.toThrow('The records are locked');
    expect((await openRecordsKey(store, new DataKeyRing(), 'careers-desk-key-lock')).state).toBe('locked');

    expect(await unlockRecords(store, next, 'not the phrase')).toBe(false);
    expect(next.unlocked).toBe(false);
    expect(await unlockRecords(store, next, 'desk lock phrase')).toBe(true);
    expect(await reading.settings.get('retentionYears')).toEqual({ key: 'retentionYears', value: 7 });

    // Turning the lock off needs the passphrase; then the key is kept plain again.
    expect(await unwrapRecordsKey(store, 'not the phrase')).toBe(false);
    expect(await unwrapRecordsKey(store, 'desk lock phrase')).toBe(true);
    expect((await openRecordsKey(store, new DataKeyRing(), 'careers-desk-key-lock')).state).toBe('unlocked');
  });

  it('says the web build is a demonstration', async () => {
    expect(await createWebBridge().keyProtection()).toEqual({
      kind: 'demo',
      detail: 'Demonstration mode: the key that protects these records is kept beside them in this browser.',
    });
  });
});

describe("the ring's key for Web Crypto", () => {
  it('is imported once while the key stays, again after a new key, and refused once the key is forgotten', async () => {
    const first = newDataKey();
    const ring = new DataKeyRing(first);
    const imported = await ring.webCryptoKey();
    expect(await ring.webCryptoKey()).toBe(imported);
    const sealed = sealRow('pupils', { id: 'p1', name: 'Ada' }, first);
    expect(await openRowsAhead('pupils', [sealed], imported)).toEqual([{ id: 'p1', name: 'Ada' }]);

    // A new key (a restore from another computer, say) is imported afresh; rows sealed with it open.
    const second = newDataKey();
    ring.set(second);
    const reimported = await ring.webCryptoKey();
    expect(reimported).not.toBe(imported);
    const sealedAgain = sealRow('pupils', { id: 'p2', name: 'Grace' }, second);
    expect(await openRowsAhead('pupils', [sealedAgain], reimported)).toEqual([{ id: 'p2', name: 'Grace' }]);

    ring.forget();
    expect(() => ring.webCryptoKey()).toThrow(RecordsLockedError);
  });
});
