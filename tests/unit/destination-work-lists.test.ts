// The destinations work lists around their dates: 30 June / 1 July, 30 September / 1 October,
// 31 October / 1 November, the years after Year 11, an override, withheld consent and the caseload.
import { testDatabaseOptions } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CareersDeskDb } from '@renderer/db/schema';
import { saveDestinationEntry } from '@renderer/db/destinations';
import { loadDestinationWorkLists } from '@renderer/db/destination-work-lists';
import { destinationEntrySchema, type DestinationEntry, type Pupil } from '@shared/model';
import { NO_PLACE_OR_NOTES, destinationWorkLists, guaranteeYearOn, isPlannedDestination, surveyYearOn } from '@shared/destinations';
import { createRandom } from '@shared/random';
import { createFactories } from '../support/factories';

const make = createFactories({ ids: createRandom(73), stamp: '2026-09-01T09:00:00.000Z' });

// Born 4 March 2011: Year 11 in 2026/27, leaves Year 11 in the summer of 2027.
const leaver = make.pupil({ legalForename: 'Ava', legalSurname: 'Leaver', dateOfBirth: '2011-03-04' });
// Born 4 March 2010: Year 11 in 2025/26, Year 12 in 2026/27 (a Year 12 leaver of 2027).
const older = make.pupil({ legalForename: 'Ben', legalSurname: 'Older', dateOfBirth: '2010-03-04' });

function entry(pupil: Pupil, fields: Record<string, unknown>): DestinationEntry {
  return destinationEntrySchema.parse({
    id: crypto.randomUUID(),
    createdAt: '2026-09-01T09:00:00.000Z',
    updatedAt: '2026-09-01T09:00:00.000Z',
    pupilId: pupil.id,
    recordedOn: '2026-09-01',
    source: 'school',
    ...fields,
  });
}
const offer = (pupil: Pupil, guaranteeYear: number, status = 'offered') =>
  entry(pupil, { kind: 'guarantee-offer', guaranteeYear, status, offeredBy: 'EKC Group', offeredOn: '2027-07-10', code: '230' });
const november = (pupil: Pupil, surveyYear: number) => entry(pupil, { kind: 'november-activity', surveyYear, code: '230' });
const checked = (pupil: Pupil, yearsAfter: number) => entry(pupil, { kind: 'sustained-check', yearsAfter, code: '230', sustained: true });

const ids = (rows: readonly { pupilId: string }[]) => rows.map((r) => r.pupilId);

describe('the years the lists are about', () => {
  it('the September Guarantee is due from 1 July to 30 September, then overdue until the next 1 July', () => {
    expect(guaranteeYearOn('2027-06-30')).toEqual({ guaranteeYear: 2026, overdue: true });
    expect(guaranteeYearOn('2027-07-01')).toEqual({ guaranteeYear: 2027, overdue: false });
    expect(guaranteeYearOn('2027-09-30')).toEqual({ guaranteeYear: 2027, overdue: false });
    expect(guaranteeYearOn('2027-10-01')).toEqual({ guaranteeYear: 2027, overdue: true });
    expect(guaranteeYearOn('2028-01-15')).toEqual({ guaranteeYear: 2027, overdue: true });
  });

  it('the survey year is that of the latest 1 November', () => {
    expect(surveyYearOn('2027-10-31')).toBe(2026);
    expect(surveyYearOn('2027-11-01')).toBe(2027);
    expect(surveyYearOn('2028-08-31')).toBe(2027);
  });

  it('a plan is a place in education, employment or training', () => {
    expect(isPlannedDestination('230')).toBe(true);
    expect(isPlannedDestination('310')).toBe(true);
    expect(isPlannedDestination('619')).toBe(false);
    expect(isPlannedDestination('810')).toBe(false);
    expect(isPlannedDestination(null)).toBe(false);
  });
});

describe('Year 11s with no planned destination', () => {
  it('lists Year 11s without an intended place, and not once they name one', () => {
    expect(ids(destinationWorkLists([leaver, older], [], '2027-03-01').noPlan.rows)).toEqual([leaver.id]);
    expect(destinationWorkLists([leaver], [entry(leaver, { kind: 'intended', code: '230' })], '2027-03-01').noPlan.rows).toEqual([]);
  });

  it('still lists them when the latest intended code is "seeking" or "not known"', () => {
    const history = [
      entry(leaver, { kind: 'intended', code: '230', recordedOn: '2026-10-01' }),
      entry(leaver, { kind: 'intended', code: '619', recordedOn: '2027-02-01' }),
    ];
    expect(ids(destinationWorkLists([leaver], history, '2027-03-01').noPlan.rows)).toEqual([leaver.id]);
  });

  it('an accepted offer for the coming September is a plan; one for another September is not', () => {
    expect(destinationWorkLists([leaver], [offer(leaver, 2027, 'accepted')], '2027-07-20').noPlan.rows).toEqual([]);
    expect(ids(destinationWorkLists([leaver], [offer(leaver, 2026, 'accepted')], '2027-07-20').noPlan.rows)).toEqual([leaver.id]);
    expect(ids(destinationWorkLists([leaver], [offer(leaver, 2027, 'offered')], '2027-07-20').noPlan.rows)).toEqual([leaver.id]);
  });

  it('stays on the list with consent to tracking withheld: planning at school is not tracking', () => {
    const withheld = {
      ...leaver,
      consent: { ...leaver.consent, tracking: { status: 'withheld' as const, by: 'parent' as const, recordedOn: '2026-10-01' } },
    };
    const lists = destinationWorkLists([withheld], [], '2027-03-01');
    expect(ids(lists.noPlan.rows)).toEqual([leaver.id]);
    expect(lists.noPlan.withheld).toBe(0);
  });

  it('leaves them off once they are in Year 12', () => {
    expect(destinationWorkLists([leaver], [], '2027-09-01').noPlan.rows).toEqual([]);
  });
});

describe('No September Guarantee offer yet', () => {
  it('lists no one for the coming September before 1 July, then Years 11 and 12 from 1 July', () => {
    expect(destinationWorkLists([leaver, older], [], '2027-06-30').guarantee.rows.map((r) => [r.pupilId, r.guaranteeYear])).toEqual([
      // Ben left Year 11 in 2026: his 2026 guarantee is still overdue on 30 June 2027.
      [older.id, 2026],
    ]);
    const july = destinationWorkLists([leaver, older], [], '2027-07-01').guarantee;
    expect(july.guaranteeYear).toBe(2027);
    expect(july.overdue).toBe(false);
    expect(ids(july.rows)).toEqual([leaver.id, older.id]);
  });

  it('is due until 30 September and overdue from 1 October', () => {
    const september = destinationWorkLists([leaver], [], '2027-09-30').guarantee;
    expect(september.rows.map((r) => r.overdue)).toEqual([false]);
    expect(september.rows[0]?.yearGroupLabel).toBe('Year 12');
    const october = destinationWorkLists([leaver], [], '2027-10-01').guarantee;
    expect(october.overdue).toBe(true);
    expect(october.rows.map((r) => r.overdue)).toEqual([true]);
  });

  it('an offered or accepted entry for that September takes them off; declined, none yet or another year does not', () => {
    expect(destinationWorkLists([leaver], [offer(leaver, 2027)], '2027-10-01').guarantee.rows).toEqual([]);
    expect(destinationWorkLists([leaver], [offer(leaver, 2027, 'accepted')], '2027-08-01').guarantee.rows).toEqual([]);
    expect(ids(destinationWorkLists([leaver], [offer(leaver, 2026)], '2027-10-01').guarantee.rows)).toEqual([leaver.id]);
    const declined = destinationWorkLists([leaver], [offer(leaver, 2027, 'declined')], '2027-10-01').guarantee.rows;
    expect(declined.map((r) => r.lastStatus)).toEqual(['declined']);
    expect(destinationWorkLists([leaver], [offer(leaver, 2027, 'none-yet')], '2027-08-01').guarantee.rows[0]?.lastStatus).toBe('none-yet');
  });

  it('moves on at 1 July: the Year 12 leaver is listed again for the next September, the Year 13 leaver is not', () => {
    const lists = destinationWorkLists([leaver, older], [offer(leaver, 2027), offer(older, 2027)], '2028-07-01').guarantee;
    expect(lists.rows.map((r) => [r.pupilId, r.guaranteeYear])).toEqual([[leaver.id, 2028]]);
  });
});

describe('1 November activity not confirmed', () => {
  it('lists the Year 11 leavers of the summer from 1 November, not on 31 October', () => {
    const before = destinationWorkLists([leaver, older], [], '2027-10-31').november;
    expect(before.surveyYear).toBe(2026);
    expect(ids(before.rows)).toEqual([older.id]);
    const on = destinationWorkLists([leaver, older], [], '2027-11-01').november;
    expect(on.surveyYear).toBe(2027);
    expect(ids(on.rows)).toEqual([leaver.id]);
  });

  it('an activity for that survey takes them off; one for the wrong year does not', () => {
    expect(destinationWorkLists([leaver], [november(leaver, 2027)], '2027-11-01').november.rows).toEqual([]);
    expect(ids(destinationWorkLists([leaver], [november(leaver, 2026)], '2027-11-01').november.rows)).toEqual([leaver.id]);
  });
});

describe('Destination check due', () => {
  it('is due from 1 November one, two and three years after the summer they left Year 11, and not before', () => {
    expect(destinationWorkLists([leaver], [], '2028-10-31').check.rows).toEqual([]);
    const first = destinationWorkLists([leaver], [], '2028-11-01').check.rows;
    expect(first.map((r) => [r.yearsAfter, r.leftYear11In, r.dueFrom])).toEqual([[1, 2027, '2028-11-01']]);
    expect(destinationWorkLists([leaver], [], '2029-10-31').check.rows.map((r) => r.yearsAfter)).toEqual([1]);
    expect(destinationWorkLists([leaver], [], '2029-11-01').check.rows.map((r) => r.yearsAfter)).toEqual([2]);
    expect(destinationWorkLists([leaver], [], '2030-11-01').check.rows.map((r) => r.yearsAfter)).toEqual([3]);
    expect(destinationWorkLists([leaver], [], '2031-11-01').check.rows).toEqual([]);
  });

  it('a check with that number of years takes them off; another number does not', () => {
    expect(destinationWorkLists([leaver], [checked(leaver, 1)], '2028-11-01').check.rows).toEqual([]);
    expect(destinationWorkLists([leaver], [checked(leaver, 2)], '2028-11-01').check.rows.map((r) => r.yearsAfter)).toEqual([1]);
  });
});

describe('a year-group override', () => {
  // Repeating Year 10 in 2026/27: Year 11 in 2027/28, so leaves Year 11 in the summer of 2028.
  const repeating = make.pupil({
    legalForename: 'Cal',
    legalSurname: 'Repeat',
    dateOfBirth: '2011-03-04',
    yearGroupOverride: { yearGroup: 10, academicYearStart: 2026 },
  });

  it('moves every list a year on with them', () => {
    expect(destinationWorkLists([repeating], [], '2027-03-01').noPlan.rows).toEqual([]);
    expect(destinationWorkLists([repeating], [], '2027-07-01').guarantee.rows).toEqual([]);
    expect(destinationWorkLists([repeating], [], '2027-11-01').november.rows).toEqual([]);
    expect(ids(destinationWorkLists([repeating], [], '2028-03-01').noPlan.rows)).toEqual([repeating.id]);
    expect(ids(destinationWorkLists([repeating], [], '2028-07-01').guarantee.rows)).toEqual([repeating.id]);
    expect(ids(destinationWorkLists([repeating], [], '2028-11-01').november.rows)).toEqual([repeating.id]);
    expect(destinationWorkLists([repeating], [], '2029-11-01').check.rows.map((r) => r.yearsAfter)).toEqual([1]);
  });
});

describe('consent and the caseload', () => {
  const withheld: Pupil = {
    ...leaver,
    consent: { ...leaver.consent, tracking: { status: 'withheld', by: 'young-person', recordedOn: '2027-05-01' } },
  };
  const gone: Pupil = { ...older, leftOn: '2027-08-20' };

  it('leaves young people whose consent is withheld off the follow-up lists, and counts them', () => {
    const guarantee = destinationWorkLists([withheld], [], '2027-10-01').guarantee;
    expect(guarantee.rows).toEqual([]);
    expect(guarantee.withheld).toBe(1);
    const nov = destinationWorkLists([withheld], [], '2027-11-01').november;
    expect([nov.rows.length, nov.withheld]).toEqual([0, 1]);
    const check = destinationWorkLists([withheld], [], '2028-11-01').check;
    expect([check.rows.length, check.withheld]).toEqual([0, 1]);
  });

  it('leaves young people who have left the caseload off every list, from the day they left, and counts them', () => {
    expect(ids(destinationWorkLists([gone], [], '2027-08-19').guarantee.rows)).toEqual([older.id]);
    const lists = destinationWorkLists([gone], [], '2027-08-20');
    expect([lists.guarantee.rows.length, lists.guarantee.leftCaseload, lists.guarantee.withheld]).toEqual([0, 1, 0]);
  });
});

describe('the work lists read from the database', () => {
  let db: CareersDeskDb;
  let counter = 0;
  beforeEach(async () => {
    db = new CareersDeskDb(`careers-desk-work-lists-${++counter}`, testDatabaseOptions());
    await db.schools.add(make.school({ name: 'Oakfield School' }));
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('reads young people and history once, names the school, and a recorded offer takes the row off', async () => {
    const [school] = await db.schools.toArray();
    const pupil = { ...leaver, schoolId: school!.id };
    await db.pupils.add(pupil);
    const before = await loadDestinationWorkLists(db, '2027-10-01');
    expect(before.guarantee.rows.map((r) => [r.pupilName, before.schoolNames[r.schoolId ?? '']])).toEqual([
      ['Ava Leaver', 'Oakfield School'],
    ]);
    const saved = await saveDestinationEntry(
      db,
      {
        kind: 'guarantee-offer',
        pupilId: pupil.id,
        recordedOn: '2027-09-20',
        source: 'provider',
        guaranteeYear: 2027,
        status: 'offered',
        offeredBy: 'EKC Group',
        offeredOn: '2027-09-20',
        code: '230',
        ...NO_PLACE_OR_NOTES,
      },
      null,
      { now: new Date('2027-10-01T10:00:00.000Z'), today: '2027-10-01' },
    );
    expect(saved.ok).toBe(true);
    expect((await loadDestinationWorkLists(db, '2027-10-01')).guarantee.rows).toEqual([]);
  });
});
