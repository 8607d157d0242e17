// The imported timetable: stored only when the whole feed reads cleanly, in its own database, and
// replaced (never half-replaced) by the next import.
import { memoryKeyStore, testDatabaseOptions } from './test-database';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { CareersDeskDb } from '@renderer/db/schema';
import { createRepositories } from '@renderer/db/repositories';
import { importTimetable } from '@renderer/db/timetable';
import { timetableDatabaseName } from '@renderer/db/name';
import { coastalLine, feedFiles, railWithChange, zipFeed } from '../support/gtfs-feeds';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function setUp() {
  const db = new CareersDeskDb(`careers-desk-timetable-${crypto.randomUUID()}`, testDatabaseOptions());
  names.push(db.name, timetableDatabaseName(db.name));
  const now = new Date('2026-12-06T10:00:00Z');
  const repos = createRepositories(db, {
    actor: () => null,
    clock: { now: () => now, today: () => '2026-12-06' },
    keyStore: memoryKeyStore(),
  });
  return { db, repos };
}

describe('the imported timetable', () => {
  it('stores a feed that reads cleanly, with what the Data page shows, apart from the records', async () => {
    const { db, repos } = setUp();
    expect(await repos.timetable.info()).toBeNull();
    const progress: number[] = [];
    const bytes = await zipFeed(feedFiles(railWithChange()));
    const result = await importTimetable(
      { databaseName: repos.timetable.databaseName, fileName: 'southeastern.zip', bytes, importedAt: '2026-12-06T10:00:00.000Z' },
      (f) => progress.push(f),
    );
    if (!result.ok) throw new Error(result.problems[0]?.message);
    expect(progress.at(-1)).toBe(1);
    const info = await repos.timetable.info();
    expect(info).toMatchObject({ fileName: 'southeastern.zip', summary: { operators: ['Southeastern'], stopCount: 3, tripCount: 7 } });
    expect((await repos.timetable.feed())?.stops.ids).toHaveLength(3);
    // Nothing about it is in the records' database, which backups copy.
    expect(db.tables.map((t) => t.name)).not.toContain('feeds');
    await repos.timetable.auditImport(result.info);
    expect((await db.audit.toArray()).map((e) => e.summary)).toEqual(['Imported a public-transport timetable (Southeastern; 3 stops)']);
  });

  it('keeps the timetable before when the next file is refused, and replaces it whole when one reads', async () => {
    const { repos } = setUp();
    const request = (fileName: string, bytes: Uint8Array) => ({
      databaseName: repos.timetable.databaseName,
      fileName,
      bytes,
      importedAt: '2026-12-06T10:00:00.000Z',
    });
    await importTimetable(request('rail.zip', await zipFeed(feedFiles(railWithChange()))), () => {});
    const broken = feedFiles(coastalLine());
    delete broken['stops.txt'];
    const refused = await importTimetable(request('broken.zip', await zipFeed(broken)), () => {});
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems[0]?.message).toMatch(/stops\.txt/);
    const notAZip = await importTimetable(request('notes.zip', new TextEncoder().encode('not a zip at all')), () => {});
    expect(notAZip.ok).toBe(false);
    expect((await repos.timetable.info())?.fileName).toBe('rail.zip');

    const coastal = await importTimetable(request('coastal.zip', await zipFeed(feedFiles(coastalLine()))), () => {});
    expect(coastal.ok).toBe(true);
    expect((await repos.timetable.info())?.fileName).toBe('coastal.zip');
    expect((await repos.timetable.feed())?.stops.ids).toEqual(expect.arrayContaining(['MGT']));

    await repos.timetable.remove();
    expect(await repos.timetable.info()).toBeNull();
    expect(await repos.timetable.feed()).toBeNull();
  });
});
