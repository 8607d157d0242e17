import { testDatabaseOptions, auditEntriesOf } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CareersDeskDb } from '@renderer/db/schema';
import { savePupil } from '@renderer/db/pupils';
import {
  listAdvisers,
  listSchools,
  removeAdviser,
  removeSchool,
  saveAdviser,
  saveRiskWeights,
  saveSchool,
  type AdviserInput,
  type SchoolInput,
} from '@renderer/db/organisation';
import { getSetting } from '@renderer/db/settings';
import { checkRiskWeightsForm } from '@renderer/features/risk/risk-weights-form';
import type { GuidanceSession } from '@shared/model';
import { defaultRiskWeights } from '@shared/risk';
import { pupilInput } from '../support/factories';

let db: CareersDeskDb;
let counter = 0;
const ACTOR = '6f1c2a8e-3b7d-4e2a-9c1f-0a1b2c3d4e5f';

beforeEach(async () => {
  counter += 1;
  db = new CareersDeskDb(`careers-desk-organisation-test-${counter}`, testDatabaseOptions());
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

function schoolInput(overrides: Partial<SchoolInput> = {}): SchoolInput {
  return { name: 'Hartsdown Academy', urn: '118945', district: 'thanet', phase: 'secondary', establishmentNumber: '4001', ...overrides };
}

function adviserInput(overrides: Partial<AdviserInput> = {}): AdviserInput {
  return {
    name: 'Priya Shah',
    role: 'careers-adviser',
    qualificationLevel: 'level-6-or-above',
    email: 'priya.shah@example.org',
    phone: '01843 000 111',
    active: true,
    ...overrides,
  };
}

describe('schools served', () => {
  it('saves a school with an audit entry naming the adviser who added it', async () => {
    const saved = await saveSchool(db, schoolInput(), ACTOR);
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(await listSchools(db)).toMatchObject([{ name: 'Hartsdown Academy', urn: '118945', district: 'thanet' }]);
    const audit = await db.audit.where('recordId').equals(saved.value.id).toArray();
    expect(audit).toMatchObject([{ action: 'create', entity: 'school', adviserId: ACTOR, pupilId: null }]);

    await saveSchool(db, { ...schoolInput({ name: 'Hartsdown Academy (Margate)' }), id: saved.value.id }, ACTOR);
    const entries = await db.audit.where('recordId').equals(saved.value.id).sortBy('seq');
    expect(entries.map((e) => e.action)).toEqual(['create', 'update']);
    expect((entries[1]!.before as { name: string }).name).toBe('Hartsdown Academy');
    expect(await db.schools.count()).toBe(1);
  });

  it('refuses a URN that is not six digits, saying so beside the field, and writes nothing', async () => {
    const saved = await saveSchool(db, schoolInput({ urn: '12345', district: null }), ACTOR);
    expect(saved).toEqual({
      ok: false,
      problems: [
        { field: 'urn', message: 'A URN is six digits' },
        { field: 'district', message: 'Choose the district' },
      ],
    });
    expect(await db.schools.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('refuses a URN another school already has', async () => {
    await saveSchool(db, schoolInput(), ACTOR);
    const second = await saveSchool(db, schoolInput({ name: 'Another school' }), ACTOR);
    expect(second).toEqual({ ok: false, problems: [{ field: 'urn', message: 'Hartsdown Academy already has this URN' }] });
    expect(await db.schools.count()).toBe(1);
  });

  it('refuses to remove a school with young people recorded at it, and removes an empty one', async () => {
    const school = await saveSchool(db, schoolInput(), ACTOR);
    if (!school.ok) throw new Error('school not saved');
    const pupil = await savePupil(db, pupilInput({ schoolId: school.value.id }), ACTOR);

    const refused = await removeSchool(db, school.value.id, ACTOR);
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.problems[0]!.message).toBe(
        'Hartsdown Academy cannot be removed: 1 young person is recorded at this school. Move them to another school first.',
      );
    expect(await db.schools.count()).toBe(1);
    expect((await auditEntriesOf(db, 'school', 'delete')).length).toBe(0);

    await savePupil(db, { ...pupilInput({ schoolId: null, homeEducated: true }), id: pupil.id }, ACTOR);
    expect((await removeSchool(db, school.value.id, ACTOR)).ok).toBe(true);
    expect(await db.schools.count()).toBe(0);
    expect((await auditEntriesOf(db, 'school', 'delete')).length).toBe(1);
  });
});

describe('advisers', () => {
  it('saves an adviser with an audit entry and lists them by name', async () => {
    await saveAdviser(db, adviserInput({ name: 'Zara Khan' }), ACTOR);
    const saved = await saveAdviser(db, adviserInput(), ACTOR);
    expect(saved.ok).toBe(true);
    expect((await listAdvisers(db)).map((a) => a.name)).toEqual(['Priya Shah', 'Zara Khan']);
    expect((await auditEntriesOf(db, 'adviser', 'create')).length).toBe(2);
  });

  it('reports each problem with its field and saves nothing', async () => {
    const saved = await saveAdviser(db, adviserInput({ name: '', role: null, email: 'not-an-email' }), ACTOR);
    expect(saved.ok).toBe(false);
    if (!saved.ok) expect(saved.problems.map((p) => p.field)).toEqual(['name', 'role', 'email']);
    expect(await db.advisers.count()).toBe(0);
  });

  it('deletes an adviser nothing refers to, and only deactivates one who has recorded sessions', async () => {
    const newcomer = await saveAdviser(db, adviserInput({ name: 'New Starter' }), ACTOR);
    const busy = await saveAdviser(db, adviserInput(), ACTOR);
    if (!newcomer.ok || !busy.ok) throw new Error('advisers not saved');
    await db.sessions.add({
      id: crypto.randomUUID(),
      adviserId: busy.value.id,
      pupilId: crypto.randomUUID(),
      date: '2026-11-20',
    } as unknown as GuidanceSession);

    expect((await removeAdviser(db, newcomer.value.id, ACTOR)).outcome).toBe('deleted');
    expect((await removeAdviser(db, busy.value.id, ACTOR)).outcome).toBe('deactivated');
    expect(await listAdvisers(db)).toMatchObject([{ name: 'Priya Shah', active: false }]);
  });
});

describe('risk-of-NEET weights', () => {
  it("recomputes every young person's stored band with the new weights, in one go with one audit entry", async () => {
    const lowAttendance = await savePupil(
      db,
      pupilInput({ characteristics: { ...pupilInput().characteristics, attendancePercent: 80 } }),
      ACTOR,
    );
    const carer = await savePupil(
      db,
      pupilInput({ legalForename: 'Ben', characteristics: { ...pupilInput().characteristics, youngCarer: true } }),
      ACTOR,
    );
    // Saved by hand with the default weights: attendance 3 points (medium), young carer 2 points (low).
    await db.pupils.update(lowAttendance.id, { riskBand: 'medium' });
    await db.pupils.update(carer.id, { riskBand: 'low' });
    const progress: [number, number][] = [];

    const result = await saveRiskWeights(db, { ...defaultRiskWeights(), 'low-attendance': 6, 'young-carer': 0 }, ACTOR, {
      batchSize: 1,
      onProgress: (done, total) => progress.push([done, total]),
    });

    expect(result).toEqual({ ok: true, value: { pupils: 2, changed: 1 } });
    expect((await db.pupils.get(lowAttendance.id))!.riskBand).toBe('high');
    expect((await db.pupils.get(carer.id))!.riskBand).toBe('low');
    expect((await db.pupils.toArray()).filter((pupil) => pupil.riskBand === 'high')).toHaveLength(1);
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect((await getSetting(db, 'riskWeights'))?.['low-attendance']).toBe(6);
    expect(await auditEntriesOf(db, 'settings', 'update')).toMatchObject([{ recordId: 'riskWeights', adviserId: ACTOR }]);
  });

  it('refuses a weight outside 0 to 20 and leaves the bands alone', async () => {
    const pupil = await savePupil(db, pupilInput(), ACTOR);
    await db.pupils.update(pupil.id, { riskBand: 'low' });
    const result = await saveRiskWeights(db, { 'low-attendance': 25 }, ACTOR);
    expect(result.ok).toBe(false);
    expect(await getSetting(db, 'riskWeights')).toBeUndefined();
    expect((await auditEntriesOf(db, 'settings', 'update')).length).toBe(0);
  });

  it('gives the Settings form a message beside each weight that is missing or out of range', () => {
    const form = { ...defaultRiskWeights(), 'low-attendance': 21, eal: null };
    const checked = checkRiskWeightsForm(form);
    expect(checked).toEqual({
      ok: false,
      problems: [
        { field: 'low-attendance', message: 'Enter a number of points from 0 to 20' },
        { field: 'eal', message: 'Enter a number of points from 0 to 20' },
      ],
    });
    expect(checkRiskWeightsForm(defaultRiskWeights())).toEqual({ ok: true, value: defaultRiskWeights() });
  });
});
