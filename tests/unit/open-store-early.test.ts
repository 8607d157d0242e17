// renderer/public/open-store-early.js: opens the app's IndexedDB store before the app loads (cold start),
// without ever creating a database or standing in the way of a migration.
import { testDatabaseOptions } from './test-database';
import { runEarlyScript } from './early-script';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CareersDeskDb, DATABASE_NAME } from '@renderer/db/schema';
import { EARLY_READ_KEYS, EARLY_READ_RANGE } from '@renderer/db/early-read';
import { PUPIL_LIST_SNAPSHOT_PART_PREFIX } from '@shared/backup';

const root = resolve(import.meta.dirname, '../..');

const runEarlyOpener = (name: string) => runEarlyScript(name);

const opened: CareersDeskDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('opening the store early (renderer/public/open-store-early.js)', () => {
  it("is told the app's own database name by renderer/index.html", () => {
    const html = readFileSync(resolve(root, 'renderer/index.html'), 'utf8');
    const tag = /<script\s[^>]*open-store-early\.js[^>]*>/.exec(html)?.[0] ?? '';
    const attribute = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];
    expect(attribute('src')).toBe('./open-store-early.js');
    expect(attribute('data-database')).toBe(DATABASE_NAME);
    expect(attribute('data-list-rows')).toBe(EARLY_READ_KEYS.join(','));
    expect(attribute('data-list-range')).toBe(`${EARLY_READ_RANGE.lower},${PUPIL_LIST_SNAPSHOT_PART_PREFIX}`);
    // The range the script reads (lower, then the prefix it follows with anything) is the snapshot's parts' range.
    expect(`${PUPIL_LIST_SNAPSHOT_PART_PREFIX}\uffff`).toBe(EARLY_READ_RANGE.upper);
    // A classic script before the app's module, so that it runs while the modules load.
    expect(html.indexOf('open-store-early.js')).toBeLessThan(html.indexOf('type="module"'));
  });

  it('creates no database on a first run, and the app then creates its own as usual', async () => {
    const name = 'careers-desk-early-first-run';
    expect(await runEarlyOpener(name)).toBe('error');
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
    const db = new CareersDeskDb(name, testDatabaseOptions());
    opened.push(db);
    await db.open();
    expect(db.verno).toBeGreaterThan(0);
    expect(await db.pupils.count()).toBe(0);
  });

  it('opens an existing database without changing it, and steps aside for an upgrade or a deletion', async () => {
    const name = 'careers-desk-early-existing';
    const app = new CareersDeskDb(name, testDatabaseOptions());
    opened.push(app);
    await app.open();
    await app.settings.put({ key: 'firstRunAnswered', value: true });
    const version = app.verno;
    app.close();

    expect(await runEarlyOpener(name)).toBe('success');
    // A newer schema opens over the early connection (it closes on the version change)...
    const upgraded = new CareersDeskDb(name, testDatabaseOptions());
    upgraded.version(version + 1).stores({});
    opened.push(upgraded);
    await upgraded.open();
    expect(await upgraded.settings.get('firstRunAnswered')).toEqual({ key: 'firstRunAnswered', value: true });
    upgraded.close();
    // ...and a restore's deletion is not blocked either.
    expect(await runEarlyOpener(name)).toBe('success');
    await upgraded.delete();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });
});
