// features/session/lock-store.ts: the lock holds the records' key. A lock set before encryption (a passphrase
// hash in the settings) still hides the records, and its first unlock wraps the key and drops the hash.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { hashPassphrase } from '@shared/backup';
import { CareersDeskDb } from '@renderer/db/schema';
import { appDataKeys } from '@renderer/db/database';
import { secureRandom } from '@renderer/platform/secure-random';
import { recordsKeyIsWrapped } from '@renderer/db/data-key';
import { createRepositories, installRepositories, type Repositories } from '@renderer/db/repositories';
import { fixedClock } from '@renderer/platform/clock';
import { getBridge } from '@renderer/bridge';
import { useLockStore } from '@renderer/features/session/lock-store';
import { memoryKeyStore, testDatabaseOptions, TEST_DATA_KEY } from './test-database';

let db: CareersDeskDb;
let before: Repositories | null;

beforeEach(async () => {
  db = new CareersDeskDb(`careers-desk-lock-${crypto.randomUUID()}`, testDatabaseOptions());
  await db.open();
  setActivePinia(createPinia());
  before = installRepositories(
    createRepositories(db, { actor: () => null, clock: fixedClock(new Date('2026-11-24T10:00:00Z')), keyStore: memoryKeyStore() }),
  );
  // The app's key ring (the one the lock wraps from), holding this database's key.
  appDataKeys.set(TEST_DATA_KEY);
});

afterEach(async () => {
  installRepositories(before);
  appDataKeys.forget();
  await getBridge().removeKey({ name: 'data-key' });
  await db.delete();
});

describe('the lock', () => {
  it('moves a lock set before encryption onto the key at its first unlock with the old passphrase', async () => {
    await db.settings.put({ key: 'lockPassphraseHash', value: await hashPassphrase('old desk phrase', secureRandom) });
    await db.settings.put({ key: 'lockIdleMinutes', value: 10 });
    const lock = useLockStore();
    await lock.load(true);
    expect(lock.enabled).toBe(true);
    expect(lock.locked).toBe(true);
    expect(await lock.unlock('not the phrase')).toBe(false);
    expect(lock.locked).toBe(true);
    expect(await recordsKeyIsWrapped(getBridge())).toBe(false);

    expect(await lock.unlock('old desk phrase')).toBe(true);
    expect(lock.locked).toBe(false);
    expect(await recordsKeyIsWrapped(getBridge())).toBe(true);
    expect(await db.settings.get('lockPassphraseHash')).toBeUndefined();
    expect(lock.enabled).toBe(true);
    expect(lock.idleMinutes).toBe(10);

    // Off again only with the passphrase, which now unwraps the key.
    expect(await lock.turnOff('not the phrase')).toEqual([{ field: 'current', message: "That is not the lock's passphrase" }]);
    expect(await lock.turnOff('old desk phrase')).toEqual([]);
    expect(await recordsKeyIsWrapped(getBridge())).toBe(false);
    expect(lock.enabled).toBe(false);
  });
});
