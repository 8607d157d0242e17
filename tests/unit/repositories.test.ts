// The data boundary: repositories created once with the acting adviser and a clock. Views never pass
// an actor, so the one given here must be read at each write, not when the repositories are made.
import { memoryKeyStore, testDatabaseOptions } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CareersDeskDb } from '@renderer/db/schema';
import { createRepositories, installRepositories, useRepositories } from '@renderer/db/repositories';
import type { SchoolInput } from '@renderer/db/organisation';
import { fixedClock, type Clock } from '@renderer/platform/clock';

let db: CareersDeskDb;

function school(name: string, urn: string): SchoolInput {
  return { name, urn, district: 'thanet', phase: 'secondary', establishmentNumber: '4001' };
}

beforeEach(async () => {
  db = new CareersDeskDb(`careers-desk-repositories-${crypto.randomUUID()}`, testDatabaseOptions());
  await db.open();
});

afterEach(async () => {
  await db.delete();
});

describe('the repositories (renderer/src/db/repositories)', () => {
  it('record each write as the adviser using the computer at that moment', async () => {
    let atDesk: string | null = 'adviser-helen';
    const repos = createRepositories(db, {
      actor: () => atDesk,
      clock: fixedClock(new Date('2026-11-24T09:00:00Z')),
      keyStore: memoryKeyStore(),
    });

    const first = await repos.organisation.saveSchool(school('Hartsdown Academy', '118945'));
    atDesk = 'adviser-sam';
    const second = await repos.organisation.saveSchool(school('Dane Court Grammar School', '118940'));
    atDesk = null;
    await repos.settings.set('retentionYears', 7);

    if (!first.ok || !second.ok) throw new Error('the schools were not saved');
    const entries = await db.audit.orderBy('seq').toArray();
    expect(entries.map((e) => [e.recordId, e.adviserId])).toEqual([
      [first.value.id, 'adviser-helen'],
      [second.value.id, 'adviser-sam'],
      ['retentionYears', null],
    ]);
  });

  it('stamp records and audit entries with the clock they were given', async () => {
    let now = new Date('2026-11-24T09:00:00Z');
    const clock: Clock = { now: () => now, today: () => now.toISOString().slice(0, 10) };
    const repos = createRepositories(db, { actor: () => null, clock, keyStore: memoryKeyStore() });

    const added = await repos.organisation.saveSchool(school('Hartsdown Academy', '118945'));
    if (!added.ok) throw new Error('the school was not saved');
    now = new Date('2026-12-01T15:30:00Z');
    const edited = await repos.organisation.saveSchool({ ...school('Hartsdown Academy (Margate)', '118945'), id: added.value.id });
    if (!edited.ok) throw new Error('the edit was not saved');

    expect(edited.value.createdAt).toBe('2026-11-24T09:00:00.000Z');
    expect(edited.value.updatedAt).toBe('2026-12-01T15:30:00.000Z');
    expect((await db.audit.orderBy('seq').toArray()).map((e) => e.at)).toEqual(['2026-11-24T09:00:00.000Z', '2026-12-01T15:30:00.000Z']);
  });

  it('are the ones installed at start-up, and say so when none are', () => {
    const before = installRepositories(null);
    try {
      expect(() => useRepositories()).toThrow('The repositories have not been created');
      const repos = createRepositories(db, {
        actor: () => null,
        clock: fixedClock(new Date('2026-11-24T09:00:00Z')),
        keyStore: memoryKeyStore(),
      });
      installRepositories(repos);
      expect(useRepositories()).toBe(repos);
    } finally {
      installRepositories(before);
    }
  });
});
