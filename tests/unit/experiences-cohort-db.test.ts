// The cohort view's read: one school's young people (or the home-educated), their experiences of every
// kind, and the week's worth setting, through the repository.
import { memoryKeyStore, testDatabaseOptions } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CareersDeskDb } from '@renderer/db/schema';
import { createRepositories } from '@renderer/db/repositories';
import { fixedClock } from '@renderer/platform/clock';
import { DEFAULT_WEEKS_WORTH } from '@shared/experiences';
import { experience, pupil, school } from '../support/factories';

let db: CareersDeskDb;

beforeEach(async () => {
  db = new CareersDeskDb(`careers-desk-cohort-${crypto.randomUUID()}`, testDatabaseOptions());
  await db.open();
});

afterEach(async () => {
  await db.delete();
});

describe("the cohort view's records (repos.experiences.cohort)", () => {
  it("reads a school's young people still there, their group and own experiences, and the week's worth", async () => {
    const repos = createRepositories(db, {
      actor: () => null,
      clock: fixedClock(new Date('2027-03-01T09:00:00Z')),
      keyStore: memoryKeyStore(),
    });
    const hilltop = school({ name: 'Hilltop Academy' });
    const other = school({ name: 'Other School' });
    const ana = pupil({ legalSurname: 'Ana', schoolId: hilltop.id });
    const bo = pupil({ legalSurname: 'Bo', schoolId: hilltop.id });
    const left = pupil({ legalSurname: 'Left', schoolId: hilltop.id, leftOn: '2027-01-01' });
    const home = pupil({ legalSurname: 'Home', schoolId: hilltop.id, homeEducated: true });
    const elsewhere = pupil({ legalSurname: 'Elsewhere', schoolId: other.id });
    const visit = experience({ pupilIds: [ana.id, bo.id, elsewhere.id], kind: 'workplace-visit' });
    const shadowing = experience({ pupilIds: [home.id], kind: 'job-shadowing' });
    await db.schools.bulkAdd([hilltop, other]);
    await db.pupils.bulkAdd([ana, bo, left, home, elsewhere]);
    await db.experiences.bulkAdd([visit, shadowing]);

    const atSchool = await repos.experiences.cohort({ kind: 'school', schoolId: hilltop.id }, '2027-03-01');
    expect(atSchool.pupils.map((p) => p.legalSurname).sort()).toEqual(['Ana', 'Bo']);
    expect(atSchool.experiences.map((e) => e.id)).toEqual([visit.id]);
    expect(atSchool.weeksWorth).toEqual(DEFAULT_WEEKS_WORTH);

    await repos.settings.set('weeksWorth', { days: 3, hoursPerDay: 5 });
    const homeEducated = await repos.experiences.cohort({ kind: 'home-educated' }, '2027-03-01');
    expect(homeEducated.pupils.map((p) => p.legalSurname)).toEqual(['Home']);
    expect(homeEducated.experiences.map((e) => e.id)).toEqual([shadowing.id]);
    expect(homeEducated.weeksWorth).toEqual({ days: 3, hoursPerDay: 5 });
  });
});
