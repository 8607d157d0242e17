// At start the interface mounts while the records' key is read (renderer/src/main.ts): the app's database is held
// closed meanwhile, and a query made then waits for the key instead of opening the database without it.
import { afterEach, describe, expect, it } from 'vitest';
import { appDataKeys, db } from '@renderer/db/database';
import { holdAppRecords, openAppRecords } from '@renderer/db/app-repositories';
import { memoryKeyStore } from './test-database';

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

afterEach(async () => {
  db.close();
  await db.delete();
  appDataKeys.forget();
});

describe("the app's database at start", () => {
  it('is held closed while the key is read: a query waits, and is answered once the records open with the key', async () => {
    holdAppRecords();
    let answered = false;
    const query = db.advisers.count().then((count) => {
      answered = true;
      return count;
    });
    await tick();
    expect(answered).toBe(false);
    expect(db.isOpen()).toBe(false);
    expect(appDataKeys.unlocked).toBe(false);

    const atStart = await openAppRecords(memoryKeyStore(), () => undefined);
    expect(atStart.state).toBe('unlocked');
    expect(await query).toBe(0);
    expect(db.isOpen()).toBe(true);
  });

  it('stays closed while the records are locked, however often it is asked', async () => {
    holdAppRecords();
    let answered = false;
    void db.settings.get('anything').then(() => (answered = true));
    void db.pupils.count().then(() => (answered = true));
    await tick();
    expect(answered).toBe(false);
    expect(db.isOpen()).toBe(false);
  });
});
