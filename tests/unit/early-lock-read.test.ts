// db/early-read.ts: whether the start's early read found a lock set before encryption, so that the window need not
// stay hidden until the lock's settings are read through the database's connection (features/session/LockScreen.vue).
import { afterEach, describe, expect, it } from 'vitest';
import { runEarlyScript } from './early-script';
import { testDatabaseOptions } from './test-database';
import { CareersDeskDb } from '@renderer/db/schema';
import { EARLY_READ_KEYS, lockFromBeforeEncryptionReadEarly, takeEarlyRead } from '@renderer/db/early-read';
import { hashPassphrase } from '@shared/backup/passphrase-hash';
import { secureRandom } from '@renderer/platform/secure-random';

const earlyHolder = globalThis as { careersDeskEarlyRead?: unknown };
const opened: CareersDeskDb[] = [];
let number = 0;

afterEach(async () => {
  delete earlyHolder.careersDeskEarlyRead;
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** A database as a start finds it, with or without a lock from before encryption, then the early script's read of it. */
async function startOf(withOldLock: boolean): Promise<{ name: string; db: CareersDeskDb }> {
  number += 1;
  const name = `careers-desk-early-lock-${number}`;
  const db = new CareersDeskDb(name, testDatabaseOptions());
  opened.push(db);
  await db.settings.put({ key: 'lockIdleMinutes', value: 5 });
  if (withOldLock) await db.settings.put({ key: 'lockPassphraseHash', value: await hashPassphrase('old desk phrase', secureRandom) });
  db.close();
  expect(await runEarlyScript(name, EARLY_READ_KEYS)).toBe('success');
  return { name, db };
}

describe('a lock from before encryption, as the early read found it', () => {
  it('is known absent where none is stored, and present where one is', async () => {
    const without = await startOf(false);
    expect(await lockFromBeforeEncryptionReadEarly(without.name)).toBe(false);
    delete earlyHolder.careersDeskEarlyRead;
    const withLock = await startOf(true);
    expect(await lockFromBeforeEncryptionReadEarly(withLock.name)).toBe(true);
  });

  it('is still answered once the list has taken the early read, and for that database alone', async () => {
    const { name, db } = await startOf(false);
    await db.open();
    expect(await takeEarlyRead(db)).not.toBeNull();
    expect(await lockFromBeforeEncryptionReadEarly(name)).toBe(false);
    expect(await lockFromBeforeEncryptionReadEarly(`${name}-another`)).toBeNull();
  });

  it('is unknown on a first run and where nothing was read early, so the window waits for the settings', async () => {
    expect(await lockFromBeforeEncryptionReadEarly('careers-desk-early-lock-none')).toBeNull();
    expect(await runEarlyScript('careers-desk-early-lock-first-run', EARLY_READ_KEYS)).toBe('error');
    expect(await lockFromBeforeEncryptionReadEarly('careers-desk-early-lock-first-run')).toBeNull();
  });
});
