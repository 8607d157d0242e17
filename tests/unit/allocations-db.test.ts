// Confirmed allocations kept to reopen from the placements desk: stored with their placements (all or
// nothing), listed, reopened with each placement's status today, and cut by erasure and retention.
import { testDatabaseOptions } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CareersDeskDb } from '@renderer/db/schema';
import { confirmAllocation, type AllocationToConfirm } from '@renderer/db/matching';
import { listAllocations, loadAllocation, removeAllocation } from '@renderer/db/allocations';
import { erasePupil, everythingHeldAbout } from '@renderer/db/pupils';
import { deletePastRetention } from '@renderer/db/retention';
import { changePlacementStatus } from '@renderer/db/placements';
import { displayName, type Employer, type Pupil } from '@shared/model';
import { allocationCsvRows } from '@shared/matching';
import { createRandom } from '@shared/random';
import { createFactories } from '../support/factories';

const today = '2027-03-01';
const now = new Date('2027-03-01T10:00:00.000Z');
const week = { start: '2027-06-14', end: '2027-06-18' };
const ids = createRandom(23);
const make = createFactories({ ids, stamp: '2027-01-10T09:00:00.000Z' });
const school = make.school({ name: 'Margate Coastal Academy' });

let db: CareersDeskDb;
let counter = 0;
let amira: Pupil;
let ben: Pupil;
let cara: Pupil;
let firm: Employer;

function pupil(fields: Partial<Pupil>): Pupil {
  return make.pupil({
    dateOfBirth: '2011-10-05',
    schoolId: school.id,
    outcode: 'CT9',
    travel: { maxDistanceKm: 15, reliesOnPublicTransport: true },
    ...fields,
  });
}

/** Amira and Ben placed at the engineering firm, Cara left unplaced. */
function yearTen(): AllocationToConfirm {
  const offerId = firm.offers[0]!.id;
  const placed = (p: Pupil, score: number) => ({
    pupilId: p.id,
    choice: { employerId: firm.id, offerId, periodStart: week.start, periodEnd: week.end, score, distanceKm: 4.5 },
    why: '',
    byHand: false,
  });
  return {
    schoolId: school.id,
    yearGroup: 10,
    period: week,
    lines: [
      placed(amira, 72),
      placed(ben, 64),
      { pupilId: cara.id, choice: null, why: 'No places left within their travel limit', byHand: true },
    ],
  };
}

beforeEach(async () => {
  counter += 1;
  db = new CareersDeskDb(`careers-desk-allocations-${counter}`, testDatabaseOptions());
  await db.open();
  amira = pupil({ legalForename: 'Amira', legalSurname: 'Khan' });
  ben = pupil({ legalForename: 'Ben', legalSurname: 'Ode' });
  cara = pupil({ legalForename: 'Cara', legalSurname: 'Lee' });
  firm = make.employer({
    name: 'Thanet Engineering Ltd',
    outcode: 'CT10',
    checks: { riskAssessmentOn: '2026-09-01', insuranceExpiresOn: '2028-01-31', safeguardingConfirmed: true },
    requirements: { stepFreeAccess: true },
    offers: [make.offer({ title: 'Workshop week', periods: [{ ...week, capacity: 2 }], yearGroups: [10, 11], minimumAge: 14 })],
  });
  await db.schools.add(school);
  await db.pupils.bulkAdd([amira, ben, cara]);
  await db.employers.add(firm);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

async function confirmYearTen() {
  const confirmed = await confirmAllocation(db, yearTen(), null, { today, now });
  if (!confirmed.ok) throw new Error(confirmed.problems.map((p) => p.message).join('; '));
  return confirmed.value;
}

describe('confirming an allocation stores it', () => {
  it('keeps every line, each placed one linked to the placement it proposed, with an audit entry naming nobody', async () => {
    const { allocation, placements } = await confirmYearTen();
    const stored = await db.allocations.get(allocation.id);
    expect(stored).toMatchObject({ confirmedOn: today, schoolId: school.id, yearGroup: 10, period: week });
    expect(stored!.pupilIds.sort()).toEqual([amira.id, ben.id, cara.id].sort());
    const byPupil = new Map(stored!.lines.map((l) => [l.pupilId, l]));
    const placementOf = (p: Pupil) => placements.find((x) => x.pupilId === p.id)!;
    expect(byPupil.get(amira.id)).toMatchObject({
      choice: { employerId: firm.id, score: 72, distanceKm: 4.5 },
      experienceId: placementOf(amira).id,
    });
    expect(byPupil.get(ben.id)!.experienceId).toBe(placementOf(ben).id);
    expect(byPupil.get(cara.id)).toMatchObject({
      choice: null,
      why: 'No places left within their travel limit',
      byHand: true,
      experienceId: null,
    });
    // Names are never copied into the stored allocation.
    expect(JSON.stringify(stored)).not.toContain('Amira');

    const entry = (await db.audit.where('recordId').equals(allocation.id).toArray())[0]!;
    expect(entry).toMatchObject({ entity: 'allocation', action: 'create', pupilId: null });
    expect(entry.summary).toBe('Confirmed an allocation for Year 10 at Margate Coastal Academy: 2 placed, 1 unplaced');
  });

  it('stores nothing, neither allocation nor placement, when a line is refused', async () => {
    const full = yearTen();
    // A third placement at an offer with two places: the whole allocation is refused.
    const dan = pupil({ legalForename: 'Dan', legalSurname: 'Ray' });
    await db.pupils.add(dan);
    const refused = await confirmAllocation(db, { ...full, lines: [...full.lines, { ...full.lines[0]!, pupilId: dan.id }] }, null, {
      today,
      now,
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems[0]!.message).toMatch(/^Dan Ray: No places left/);
    expect(await db.allocations.count()).toBe(0);
    expect(await db.experiences.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });
});

describe('reopening a confirmed allocation', () => {
  it('lists allocations newest first with their counts, and reopens one with names and placement statuses of today', async () => {
    const first = await confirmYearTen();
    const later = await confirmAllocation(
      db,
      { schoolId: school.id, yearGroup: 10, period: week, lines: [{ pupilId: cara.id, choice: null, why: 'Not placed', byHand: false }] },
      null,
      { today, now },
    );
    // Nobody placed: refused, so only the first is on the list.
    expect(later.ok).toBe(false);
    const list = await listAllocations(db);
    expect(list).toEqual([
      {
        id: first.allocation.id,
        confirmedOn: today,
        schoolName: 'Margate Coastal Academy',
        yearGroup: 10,
        period: week,
        placed: 2,
        unplaced: 1,
      },
    ]);

    const bens = first.placements.find((p) => p.pupilId === ben.id)!;
    expect((await changePlacementStatus(db, bens.id, 'cancelled', null, { today, now })).ok).toBe(true);
    await db.pupils.put({ ...amira, preferredForename: 'Mira' });

    const reopened = (await loadAllocation(db, first.allocation.id))!;
    expect(reopened.list.stage).toBe('confirmed');
    expect(reopened.list.schoolName).toBe('Margate Coastal Academy');
    expect(reopened.list.lines.map((l) => [l.name, l.placement?.employerName ?? null, l.why])).toEqual([
      ['Ben Ode', 'Thanet Engineering Ltd', ''],
      ['Mira Khan', 'Thanet Engineering Ltd', ''],
      ['Cara Lee', null, 'No places left within their travel limit'],
    ]);
    expect(reopened.list.lines[0]!.placement).toMatchObject({ offerTitle: 'Workshop week', score: 64, distanceKm: 4.5 });
    expect(reopened.statuses.get(ben.id)).toBe('cancelled');
    expect(reopened.statuses.get(amira.id)).toBe('proposed');
    // The same list feeds its CSV file.
    expect(
      allocationCsvRows(reopened.list)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['Ben Ode', 'Mira Khan', 'Cara Lee']);
  });

  it('says which adviser confirmed it', async () => {
    const sam = make.adviser({ name: 'Sam Patel' });
    await db.advisers.add(sam);
    const confirmed = await confirmAllocation(db, yearTen(), sam.id, { today, now });
    if (!confirmed.ok) throw new Error('refused');
    expect(confirmed.value.allocation.adviserId).toBe(sam.id);
    expect((await loadAllocation(db, confirmed.value.allocation.id))!.confirmedBy).toBe('Sam Patel');
  });

  it('takes an allocation off the list on request, keeping its placements', async () => {
    const { allocation } = await confirmYearTen();
    expect(await removeAllocation(db, allocation.id, null, now)).toBe(true);
    expect(await db.allocations.count()).toBe(0);
    expect(await db.experiences.count()).toBe(2);
    expect(await loadAllocation(db, allocation.id)).toBeNull();
    const entry = (await db.audit.where('recordId').equals(allocation.id).toArray()).find((e) => e.action === 'delete')!;
    expect(entry.summary).toContain('its placements were kept');
    expect(await removeAllocation(db, allocation.id, null, now)).toBe(false);
  });
});

describe('data rights and stored allocations', () => {
  it('erasing a young person takes them off every stored allocation, and an allocation left empty goes', async () => {
    const { allocation } = await confirmYearTen();
    await erasePupil(db, cara.id, null, now);
    const left = (await db.allocations.get(allocation.id))!;
    expect(left.pupilIds.sort()).toEqual([amira.id, ben.id].sort());
    expect(left.lines.map((l) => l.pupilId)).not.toContain(cara.id);
    expect(JSON.stringify(left)).not.toContain(cara.id);

    await erasePupil(db, amira.id, null, now);
    await erasePupil(db, ben.id, null, now);
    expect(await db.allocations.count()).toBe(0);
  });

  it("gives a young person's subject access export their own line of each allocation, nobody else's", async () => {
    const { allocation } = await confirmYearTen();
    const held = await everythingHeldAbout(db, cara.id, now);
    const lines = held.confirmedAllocations as Record<string, unknown>[];
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      id: allocation.id,
      yearGroup: 10,
      period: week,
      listSize: 3,
      line: { pupilId: cara.id, choice: null, why: 'No places left within their travel limit' },
    });
    const text = JSON.stringify(lines);
    expect(text).not.toContain(amira.id);
    expect(text).not.toContain(ben.id);
    expect(text).not.toContain(displayName(amira));
  });

  it('deleting records past the retention date takes them off stored allocations the same way', async () => {
    const { allocation } = await confirmYearTen();
    // Cara left long ago: past the retention date now.
    await db.pupils.put({ ...cara, leftOn: '2015-07-20' });
    expect(await deletePastRetention(db, [cara.id], { years: 3, today, actorId: null, now })).toBe(1);
    const left = (await db.allocations.get(allocation.id))!;
    expect(left.pupilIds).not.toContain(cara.id);
    expect(left.lines).toHaveLength(2);
  });
});
