import { testDatabaseOptions, auditEntriesOf } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_RETENTION_YEARS,
  finalYearStartOf,
  isPastRetention,
  keepUntil,
  retentionReason,
  type RetentionFacts,
} from '@shared/retention';
import { generateDemoDataset } from '@shared/demo';
import { CareersDeskDb } from '@renderer/db/schema';
import { loadDataset } from '@renderer/db/demo';
import { deletePastRetention, findPastRetention } from '@renderer/db/retention';
import { digestTables } from '../fixtures/db-digest';

function facts(overrides: Partial<RetentionFacts>): RetentionFacts {
  return { dateOfBirth: '2011-03-04', yearGroupOverride: null, leftOn: null, lastGuidanceOn: null, ...overrides };
}

describe('the retention date', () => {
  it('keeps a record 3 years (by default) after the academic year in which the young person is in Year 13', () => {
    expect(DEFAULT_RETENTION_YEARS).toBe(3);
    // Born March 2011: Year 11 in 2026/27, Year 13 in 2028/29, which ends 31 August 2029.
    const pupil = facts({});
    expect(finalYearStartOf(pupil)).toBe(2028);
    expect(keepUntil(pupil, 3)).toBe('2032-08-31');
    expect(isPastRetention(pupil, 3, '2032-08-31')).toBe(false);
    expect(isPastRetention(pupil, 3, '2032-09-01')).toBe(true);
    expect(retentionReason(pupil)).toBe('Year 13 in 2028/29');
  });

  it('counts from the year they left when that is recorded, and from a later guidance meeting', () => {
    expect(keepUntil(facts({ leftOn: '2027-07-20' }), 3)).toBe('2030-08-31');
    expect(retentionReason(facts({ leftOn: '2027-07-20' }))).toBe('Left the caseload in 2026/27');
    expect(keepUntil(facts({ leftOn: '2027-07-20', lastGuidanceOn: '2029-10-01' }), 3)).toBe('2033-08-31');
    expect(retentionReason(facts({ leftOn: '2027-07-20', lastGuidanceOn: '2029-10-01' }))).toBe('Last guidance meeting in 2029/30');
  });

  it("follows the school's year group when it differs from the date of birth's", () => {
    // Held back a year: Year 10 in 2026/27 though the date of birth says Year 11.
    expect(finalYearStartOf(facts({ yearGroupOverride: { yearGroup: 10, academicYearStart: 2026 } }))).toBe(2029);
    // The same override read a year later says the same: it was dated when it was set.
    expect(finalYearStartOf(facts({ yearGroupOverride: { yearGroup: 11, academicYearStart: 2027 } }))).toBe(2029);
  });
});

describe('deleting records past the date', () => {
  let db: CareersDeskDb;
  let counter = 0;
  const today = '2026-11-24';

  beforeEach(async () => {
    counter += 1;
    db = new CareersDeskDb(`careers-desk-retention-${counter}`, testDatabaseOptions());
    await db.open();
    const dataset = generateDemoDataset({ seed: 17, today, pupils: 30 });
    // Two young people who left long ago, one of them with sessions, plans and placements.
    const withHistory =
      dataset.pupils.find(
        (p) => dataset.sessions.some((s) => s.pupilId === p.id) && dataset.experiences.some((e) => e.pupilIds.includes(p.id)),
      ) ?? dataset.pupils[0]!;
    const leftLater = dataset.pupils[dataset.pupils.indexOf(withHistory) === 1 ? 2 : 1]!;
    // Neither has been met since leaving (the demo's meetings are recent, so they are moved back).
    for (const [pupil, leftOn, metOn] of [
      [withHistory, '2021-07-15', '2021-03-01'],
      [leftLater, '2022-06-30', '2022-03-01'],
    ] as const) {
      pupil.leftOn = leftOn;
      pupil.lastGuidanceOn = null;
      for (const session of dataset.sessions.filter((s) => s.pupilId === pupil.id)) session.date = metOn;
    }
    await loadDataset(db, dataset, null);
  });

  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('lists the records past the date, then deletes them and everything about them in one audited step', async () => {
    const past = await findPastRetention(db, 3, today);
    expect(past.map((p) => p.keepUntil)).toEqual(['2024-08-31', '2025-08-31']);
    expect(past[0]!.reason).toBe('Left the caseload in 2020/21');
    const ids = past.map((p) => p.pupil.id);
    const pupilsBefore = await db.pupils.count();

    const deleted = await deletePastRetention(db, ids, { years: 3, today, actorId: null });
    expect(deleted).toBe(2);
    expect(await db.pupils.count()).toBe(pupilsBefore - 2);
    for (const id of ids) {
      expect(await db.sessions.where('pupilId').equals(id).count()).toBe(0);
      expect(await db.actionPlans.where('pupilId').equals(id).count()).toBe(0);
      expect(await db.experiences.where('pupilIds').equals(id).count()).toBe(0);
      expect(await db.audit.where('pupilId').equals(id).count()).toBe(0);
    }
    const entries = await auditEntriesOf(db, 'database', 'retention-delete');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.summary).toBe(
      "Deleted 2 young people's records past the retention period " +
        '(3 years after their final academic year), with everything held about them',
    );
    expect(JSON.stringify(entries)).not.toContain(past[0]!.pupil.legalSurname);
    expect(await findPastRetention(db, 3, today)).toEqual([]);
  });

  it('keeps more records when the setting is longer', async () => {
    expect(await findPastRetention(db, 6, today)).toEqual([]);
    expect(await findPastRetention(db, 5, today)).toHaveLength(1);
  });

  it('deletes nothing when one of the records is no longer past its date', async () => {
    const past = await findPastRetention(db, 3, today);
    await db.pupils.update(past[1]!.pupil.id, { lastGuidanceOn: '2026-10-01' });
    const before = await digestTables(db);
    await expect(
      deletePastRetention(
        db,
        past.map((p) => p.pupil.id),
        { years: 3, today, actorId: null },
      ),
    ).rejects.toThrow('no longer past its retention date');
    expect(await digestTables(db)).toEqual(before);
  });
});
