import { testDatabaseOptions } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CareersDeskDb } from '@renderer/db/schema';
import {
  acceptOffer,
  acceptRoute,
  confirmAllocation,
  loadCohort,
  loadMatchData,
  recordIntendedDestination,
  withdrawAcceptance,
  type AllocationToConfirm,
  type OfferChoice,
} from '@renderer/db/matching';
import type { Employer, Placement, Pupil } from '@shared/model';
import { intendedEntryInput } from '@shared/destinations';
import { destinationsOf, saveDestinationEntry } from '@renderer/db/destinations';
import { allocateCohort, matchPupil } from '@shared/matching';
import { placementsOf } from '@shared/experiences';
import { createRandom } from '@shared/random';
import { createFactories } from '../support/factories';

// Spring term 2027: the work-experience week is in June; pupils now in Year 10 were born 2011/12.
const today = '2027-03-01';
const ROUTE_ID = '5a1c7c55-8f0e-4a57-9d1b-2f3e4a5b6c7d';
const PROVIDER_ID = '6b2d8d66-9a1f-4b68-8e2c-3a4f5b6c7d8e';

const week = { start: '2027-06-14', end: '2027-06-18' };
const ids = createRandom(11);
const make = createFactories({ ids, stamp: '2027-01-10T09:00:00.000Z' });
const schoolId = ids.uuid();

let db: CareersDeskDb;
let counter = 0;

beforeEach(async () => {
  counter += 1;
  db = new CareersDeskDb(`careers-desk-matching-${counter}`, testDatabaseOptions());
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

function pupil(fields: Partial<Pupil> = {}): Pupil {
  return make.pupil({
    legalForename: 'Amira',
    legalSurname: 'Khan',
    dateOfBirth: '2011-10-05',
    schoolId,
    outcode: 'CT9',
    interests: ['engineering'],
    travel: { maxDistanceKm: 15, reliesOnPublicTransport: true },
    ...fields,
  });
}

function employer(fields: Partial<Employer> = {}, capacity = 2): Employer {
  return make.employer({
    name: 'Thanet Engineering Ltd',
    sector: 'engineering',
    outcode: 'CT10',
    checks: { riskAssessmentOn: '2026-09-01', insuranceExpiresOn: '2028-01-31', safeguardingConfirmed: true },
    requirements: { stepFreeAccess: true },
    offers: [make.offer({ periods: [{ ...week, capacity }], yearGroups: [10, 11, 12], minimumAge: 14 })],
    ...fields,
  });
}

function choiceFor(p: Pupil, e: Employer): OfferChoice {
  return { pupilId: p.id, employerId: e.id, offerId: e.offers[0]!.id, ...week };
}

/** Year 10's allocation for the week with these placements (each of fit 70, 3 km away) and nobody left unplaced. */
function allocationOf(choices: readonly OfferChoice[]): AllocationToConfirm {
  return {
    schoolId,
    yearGroup: 10,
    period: week,
    lines: choices.map((c) => ({
      pupilId: c.pupilId,
      choice: { employerId: c.employerId, offerId: c.offerId, periodStart: c.start, periodEnd: c.end, score: 70, distanceKm: 3 },
      why: '',
      byHand: false,
    })),
  };
}

describe('accepting a suggested offer', () => {
  it('creates a proposed placement with its audit entry naming the pupil', async () => {
    const amira = pupil();
    const firm = employer();
    await db.pupils.add(amira);
    await db.employers.add(firm);

    const data = (await loadMatchData(db, amira.id))!;
    const matches = matchPupil(data.pupil, { ...data, today });
    expect(matches.offers.map((m) => m.kind === 'offer' && m.employerId)).toEqual([firm.id]);

    const accepted = await acceptOffer(db, choiceFor(amira, firm), null, { today });
    expect(accepted.ok).toBe(true);
    const placements = placementsOf(await db.experiences.where('pupilIds').equals(amira.id).toArray());
    expect(placements).toHaveLength(1);
    expect(placements[0]).toMatchObject({ status: 'proposed', employerId: firm.id, start: week.start, end: week.end });
    const audit = await db.audit.where('recordId').equals(placements[0]!.id).toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', entity: 'placement', pupilId: amira.id });
  });

  it('refuses an offer the rules rule out (expired insurance) and writes nothing', async () => {
    const amira = pupil();
    const firm = employer({
      checks: {
        riskAssessmentOn: '2026-09-01',
        insuranceExpiresOn: '2027-01-31',
        safeguardingConfirmed: true,
        riskControls: '',
        dbsPosition: null,
      },
    });
    await db.pupils.add(amira);
    await db.employers.add(firm);
    const accepted = await acceptOffer(db, choiceFor(amira, firm), null, { today });
    expect(accepted.ok).toBe(false);
    if (!accepted.ok) expect(accepted.problems[0]!.message).toContain('insurance expired on 31/01/2027');
    expect(await db.experiences.count()).toBe(0);
    expect(await db.allocations.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('refuses a second placement for the same pupil on the same dates', async () => {
    const amira = pupil();
    const [first, second] = [employer(), employer({ name: 'Margate Motors' })];
    await db.pupils.add(amira);
    await db.employers.bulkAdd([first, second]);
    expect((await acceptOffer(db, choiceFor(amira, first), null, { today })).ok).toBe(true);
    const again = await acceptOffer(db, choiceFor(amira, second), null, { today });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.problems[0]!.message).toContain('Already has a placement elsewhere');
    expect(await db.experiences.count()).toBe(1);
  });
});

describe('recording an intended destination from a route', () => {
  it("adds an entry to the young person's history, with the route, and their record's code follows", async () => {
    const amira = pupil();
    await db.pupils.add(amira);
    const saved = await recordIntendedDestination(db, amira.id, '310', null, {
      because: 'accepted Advanced apprenticeship: Engineering at MidKent College',
      today,
      place: { routeId: ROUTE_ID, providerId: PROVIDER_ID },
    });
    expect(saved.ok).toBe(true);
    expect((await db.pupils.get(amira.id))!.intendedDestination).toBe('310');
    expect(await destinationsOf(db, amira.id)).toEqual([
      expect.objectContaining({
        kind: 'intended',
        code: '310',
        recordedOn: today,
        source: 'young-person',
        routeId: ROUTE_ID,
        providerId: PROVIDER_ID,
      }),
    ]);
    const audit = await db.audit.where('pupilId').equals(amira.id).toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', entity: 'destination' });
  });
});

describe('Undo after Accept', () => {
  /** A record as it stands, without the time it was last written (Undo is a change of its own). */
  const asStored = <T extends { updatedAt: string }>({ updatedAt: _u, ...rest }: T) => rest;

  /** Amira's placement at the firm, proposed by accepting the offer. */
  async function acceptedOffer(): Promise<{ amira: Pupil; firm: Employer; accepted: { value: Placement } }> {
    const amira = pupil();
    const firm = employer();
    await db.pupils.add(amira);
    await db.employers.add(firm);
    const accepted = await acceptOffer(db, choiceFor(amira, firm), null, { today });
    if (!accepted.ok) throw new Error('accept refused');
    return { amira, firm, accepted };
  }

  it('withdraws the proposed placement Accept created, leaving the records as before, with the audit entry', async () => {
    const { amira, firm, accepted } = await acceptedOffer();

    const undone = await withdrawAcceptance(db, { kind: 'placement', pupilId: amira.id, placementId: accepted.value.id }, null);
    expect(undone.ok).toBe(true);
    expect(await db.experiences.count()).toBe(0);
    expect(await db.pupils.get(amira.id)).toEqual(amira);
    expect(await db.employers.get(firm.id)).toEqual(firm);
    const audit = (await db.audit.where('recordId').equals(accepted.value.id).toArray()).sort((a, b) => a.seq - b.seq);
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
    expect(audit[1]).toMatchObject({ entity: 'placement', pupilId: amira.id });
    expect(audit[1]!.summary).toBe(
      'Undid accepting an offer: withdrew the proposed placement at Thanet Engineering Ltd, 14/06/2027 to 18/06/2027',
    );
    expect(audit[1]!.before).toMatchObject({ id: accepted.value.id, status: 'proposed' });
    // The place is free again: the same offer can be accepted once more.
    expect((await acceptOffer(db, choiceFor(amira, firm), null, { today })).ok).toBe(true);
  });

  it('keeps a placement that has moved on since, and says so', async () => {
    const { amira, accepted } = await acceptedOffer();
    await db.experiences.update(accepted.value.id, { status: 'confirmed' });
    const undone = await withdrawAcceptance(db, { kind: 'placement', pupilId: amira.id, placementId: accepted.value.id }, null);
    expect(undone.ok).toBe(false);
    if (!undone.ok) expect(undone.problems[0]!.message).toContain('moved on from proposed');
    expect(await db.experiences.count()).toBe(1);
    expect((await db.audit.toArray()).map((a) => a.action)).toEqual(['create']);
  });

  it('takes the entry Accept added to the history away again, so an empty intended destination is empty again', async () => {
    const amira = pupil({ intendedDestination: null });
    await db.pupils.add(amira);
    const accepted = await acceptRoute(db, amira.id, '230', null, { because: 'accepted Level 2 diploma at EKC Group', today });
    if (!accepted.ok) throw new Error('accept refused');
    expect(accepted.value).toEqual({ kind: 'destination', pupilId: amira.id, entryId: expect.any(String), recorded: '230', before: null });
    expect((await db.pupils.get(amira.id))!.intendedDestination).toBe('230');
    expect(await db.destinations.count()).toBe(1);

    expect((await withdrawAcceptance(db, accepted.value, null)).ok).toBe(true);
    expect(asStored((await db.pupils.get(amira.id))!)).toEqual(asStored(amira));
    expect(await db.destinations.count()).toBe(0);
    const audit = (await db.audit.where('pupilId').equals(amira.id).toArray()).sort((a, b) => a.seq - b.seq);
    expect(audit.map((a) => `${a.entity} ${a.action}`)).toEqual(['destination create', 'destination delete']);
  });

  it('leaves the intended destination in the history before, and keeps one changed again since', async () => {
    const amira = pupil({ intendedDestination: null });
    await db.pupils.add(amira);
    const earlier = intendedEntryInput(amira.id, '210', '2027-01-10');
    expect((await saveDestinationEntry(db, earlier, null, { now: new Date(), today })).ok).toBe(true);
    const accepted = await acceptRoute(db, amira.id, '310', null, { today });
    if (!accepted.ok) throw new Error('accept refused');
    expect(accepted.value.before).toBe('210');
    expect((await db.pupils.get(amira.id))!.intendedDestination).toBe('310');
    expect((await withdrawAcceptance(db, accepted.value, null)).ok).toBe(true);
    expect((await db.pupils.get(amira.id))!.intendedDestination).toBe('210');
    expect((await destinationsOf(db, amira.id)).map((e) => e.code)).toEqual(['210']);

    const again = await acceptRoute(db, amira.id, '310', null, { today });
    if (!again.ok) throw new Error('accept refused');
    await recordIntendedDestination(db, amira.id, '220', null, { today });
    const undone = await withdrawAcceptance(db, again.value, null);
    expect(undone.ok).toBe(false);
    expect((await db.pupils.get(amira.id))!.intendedDestination).toBe('220');
    expect((await destinationsOf(db, amira.id)).map((e) => e.code)).toEqual(['210', '310', '220']);
  });
});

describe('confirming a cohort allocation', () => {
  it("creates every proposed placement, each with its audit entry, from the optimiser's lines", async () => {
    const pupils = [
      pupil(),
      pupil({ legalForename: 'Ben', legalSurname: 'Ode' }),
      pupil({ legalForename: 'Cara', legalSurname: 'Lee', dateOfBirth: '2010-10-05' }),
    ];
    const firms = [employer({}, 1), employer({ name: 'Broadstairs Boatyard' }, 1)];
    await db.pupils.bulkAdd(pupils);
    await db.employers.bulkAdd(firms);

    const cohort = await loadCohort(db, schoolId, 10, week.start);
    expect(cohort.map((p) => p.legalForename)).toEqual(['Amira', 'Ben']);
    const allocation = allocateCohort({ pupils: cohort, employers: firms, placements: [], period: week, today });
    expect(allocation.placed).toBe(2);
    const confirmed = await confirmAllocation(
      db,
      {
        schoolId,
        yearGroup: 10,
        period: week,
        lines: allocation.lines.map(({ reasons: _reasons, pupilId, ...choice }) => ({ pupilId, choice, why: '', byHand: false })),
      },
      null,
      { today },
    );
    expect(confirmed.ok).toBe(true);
    const stored = await db.experiences.toArray();
    expect(stored).toHaveLength(2);
    expect(stored.every((p) => p.status === 'proposed')).toBe(true);
    const audit = await db.audit.toArray();
    expect(
      audit
        .filter((a) => a.entity === 'placement' && a.action === 'create')
        .map((a) => a.pupilId)
        .sort(),
    ).toEqual(cohort.map((p) => p.id).sort());
  });

  it('writes nothing at all when one line is invalid, and says which young person and why', async () => {
    const [amira, ben, cara] = [
      pupil(),
      pupil({ legalForename: 'Ben', legalSurname: 'Ode' }),
      pupil({ legalForename: 'Cara', legalSurname: 'Lee' }),
    ];
    const [roomy, single] = [employer({}, 3), employer({ name: 'Broadstairs Boatyard' }, 1)];
    await db.pupils.bulkAdd([amira, ben, cara]);
    await db.employers.bulkAdd([roomy, single]);

    // The first two lines are fine; the third puts a second pupil in the one place at the boatyard.
    const lines = [choiceFor(amira, roomy), choiceFor(ben, single), choiceFor(cara, single)];
    const confirmed = await confirmAllocation(db, allocationOf(lines), null, { today });
    expect(confirmed.ok).toBe(false);
    if (!confirmed.ok) {
      expect(confirmed.problems).toHaveLength(1);
      expect(confirmed.problems[0]!.field).toBe('lines.2');
      expect(confirmed.problems[0]!.message).toMatch(/^Cara Lee: No places left/);
    }
    expect(await db.experiences.count()).toBe(0);
    expect(await db.allocations.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('writes nothing when a line names a young person no longer recorded', async () => {
    const amira = pupil();
    const firm = employer();
    await db.pupils.add(amira);
    await db.employers.add(firm);
    const lines = [choiceFor(amira, firm), { ...choiceFor(pupil(), firm), pupilId: ids.uuid() }];
    const confirmed = await confirmAllocation(db, allocationOf(lines), null, { today });
    expect(confirmed.ok).toBe(false);
    expect(await db.experiences.count()).toBe(0);
    expect(await db.allocations.count()).toBe(0);
  });

  it('counts placements already held against capacity when reading the data to match', async () => {
    const [amira, ben] = [pupil(), pupil({ legalForename: 'Ben', legalSurname: 'Ode' })];
    const firm = employer({}, 1);
    await db.pupils.bulkAdd([amira, ben]);
    await db.employers.add(firm);
    await db.experiences.add(
      make.workPlacement({ pupilId: amira.id, employerId: firm.id, offerId: firm.offers[0]!.id, ...week, status: 'confirmed' }),
    );
    const data = (await loadMatchData(db, ben.id))!;
    const matches = matchPupil(data.pupil, { ...data, today });
    expect(matches.offers).toHaveLength(0);
    expect(matches.excluded[0]!.exclusions.join(' ')).toContain('No places left');
  });
});
