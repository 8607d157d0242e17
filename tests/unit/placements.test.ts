import { testDatabaseOptions } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CareersDeskDb } from '@renderer/db/schema';
import { saveEmployer, type EmployerInput } from '@renderer/db/employers';
import { savePupil, type PupilInput } from '@renderer/db/pupils';
import {
  changePlacementStatus,
  completePlacement,
  listPlacementsForEmployer,
  listPlacementsForPupil,
  proposePlacement,
  savePlacementPaperwork,
} from '@renderer/db/placements';
import {
  PLACEMENT_TRANSITIONS,
  canMoveTo,
  confirmBlockers,
  countsTowardsBenchmark6,
  isUnderWay,
  nextStatuses,
  offersInUse,
  pupilsWithWorkplaceExperience,
  statusChangeProblems,
  transitionProblem,
  wouldHostAgainAnswer,
  wouldHostAgainValue,
} from '@shared/placements';
import type { Employer, Placement } from '@shared/model';
import { PLACEMENT_STATUS_IDS } from '@shared/reference';
import * as make from '../support/factories';

const TODAY = '2026-11-24';
const WEEK = { start: '2027-06-14', end: '2027-06-18' };
const OFFER_ID = '22222222-2222-4222-8222-222222222222';

function employerInput(overrides: Partial<EmployerInput> = {}): EmployerInput {
  return make.employerInput({
    name: 'Harbour Kitchens',
    sector: 'hospitality',
    offers: [make.offer({ id: OFFER_ID, title: 'Kitchen week', periods: [{ ...WEEK, capacity: 2 }] })],
    checks: {
      riskAssessmentOn: '2026-10-01',
      insuranceExpiresOn: '2027-12-31',
      safeguardingConfirmed: true,
      riskControls: '',
      dbsPosition: null,
    },
    ...overrides,
  });
}

function pupilInput(forename: string): PupilInput {
  return make.pupilInput({ legalForename: forename });
}

function placement(overrides: Partial<Placement> = {}): Placement {
  return make.placement({
    pupilId: crypto.randomUUID(),
    employerId: crypto.randomUUID(),
    offerId: OFFER_ID,
    ...WEEK,
    status: 'proposed',
    ...overrides,
  });
}

describe('placement status rules', () => {
  it('moves one step at a time from proposed to completed', () => {
    expect(nextStatuses('proposed')).toEqual(['contacted', 'cancelled']);
    expect(nextStatuses('contacted')).toEqual(['confirmed', 'cancelled']);
    expect(nextStatuses('confirmed')).toEqual(['in-progress', 'cancelled']);
    expect(nextStatuses('in-progress')).toEqual(['completed', 'cancelled']);
    expect(canMoveTo('proposed', 'confirmed')).toBe(false);
    expect(canMoveTo('contacted', 'proposed')).toBe(false);
  });

  it('lets any placement not yet finished be cancelled, and nothing follow completed or cancelled', () => {
    for (const status of PLACEMENT_STATUS_IDS) {
      const finished = status === 'completed' || status === 'cancelled';
      expect(canMoveTo(status, 'cancelled')).toBe(!finished);
      expect(isUnderWay({ status })).toBe(!finished);
    }
    expect(PLACEMENT_TRANSITIONS.completed).toEqual([]);
    expect(transitionProblem('completed', 'cancelled')).toBe('This placement is completed, so its status can no longer change');
    expect(transitionProblem('proposed', 'completed')).toBe(
      'A placement that is proposed cannot become completed; next it can be employer contacted or cancelled',
    );
  });

  it('blocks confirming when insurance has expired, or runs out before the placement ends, and says why', () => {
    const expired = {
      checks: {
        riskAssessmentOn: '2026-10-01',
        insuranceExpiresOn: '2026-11-01',
        safeguardingConfirmed: true,
        riskControls: '',
        dbsPosition: null,
      },
    };
    expect(confirmBlockers(expired, WEEK, TODAY)).toEqual(["Employer's liability insurance expired on 01/11/2026"]);
    const runsOut = {
      checks: {
        riskAssessmentOn: '2026-10-01',
        insuranceExpiresOn: '2027-06-16',
        safeguardingConfirmed: true,
        riskControls: '',
        dbsPosition: null,
      },
    };
    expect(confirmBlockers(runsOut, WEEK, TODAY)).toEqual([
      "Employer's liability insurance expires on 16/06/2027, before the placement ends on 18/06/2027",
    ]);
    expect(statusChangeProblems({ status: 'contacted', ...WEEK }, 'confirmed', runsOut, TODAY)).toHaveLength(1);
    // Other steps are not held up by the checks.
    expect(statusChangeProblems({ status: 'proposed', ...WEEK }, 'contacted', expired, TODAY)).toEqual([]);
  });

  it('counts only completed placements towards Benchmark 6', () => {
    const pupilId = crypto.randomUUID();
    const rows = [
      placement({ pupilId, status: 'completed' }),
      placement({ status: 'in-progress' }),
      placement({ status: 'cancelled' }),
      placement({ status: 'completed', start: '2025-06-16', end: '2025-06-20' }),
    ];
    expect(rows.map(countsTowardsBenchmark6)).toEqual([true, false, false, true]);
    expect(pupilsWithWorkplaceExperience(rows, { start: '2026-09-01', end: '2027-08-31' })).toEqual(new Set([pupilId]));
    expect(pupilsWithWorkplaceExperience(rows).size).toBe(2);
  });

  it('knows which offers have placements under way', () => {
    const employer = { offers: [{ id: OFFER_ID, title: 'Kitchen week', periods: [], yearGroups: [10], minimumAge: 14 }] };
    expect(offersInUse(employer, [placement({ status: 'completed' })])).toEqual(new Map());
    expect(offersInUse(employer, [placement({ status: 'confirmed' })])).toEqual(new Map([[OFFER_ID, 'Kitchen week']]));
  });

  it('reads "would host again" as yes, no or not asked', () => {
    expect([true, false, null].map((v) => wouldHostAgainAnswer(v))).toEqual(['yes', 'no', 'not-asked']);
    expect(wouldHostAgainValue('not-asked')).toBeNull();
  });
});

describe('placements in the database', () => {
  let db: CareersDeskDb;
  let counter = 0;
  const actor = crypto.randomUUID();
  const CONSENT = { givenBy: 'Sam Okafor', relationship: 'Mother', on: '2026-11-20', how: 'form' } as const;
  async function recordConsent(placementId: string): Promise<void> {
    const saved = await savePlacementPaperwork(db, placementId, { consent: CONSENT }, actor);
    if (!saved.ok) throw new Error('expected consent to save');
  }

  beforeEach(async () => {
    counter += 1;
    db = new CareersDeskDb(`careers-desk-placements-${counter}`, testDatabaseOptions());
    await db.open();
  });

  afterEach(async () => {
    db.close();
    await db.delete();
  });

  async function setUp(employerOverrides: Partial<EmployerInput> = {}): Promise<{ employer: Employer; pupilIds: string[] }> {
    const employer = await saveEmployer(db, employerInput(employerOverrides), null);
    const pupilIds = [];
    for (const name of ['Amelia', 'Ben', 'Cara']) pupilIds.push((await savePupil(db, pupilInput(name), null)).id);
    return { employer, pupilIds };
  }

  it('proposes a placement in an offer period, audited against the pupil', async () => {
    const { employer, pupilIds } = await setUp();
    const result = await proposePlacement(db, { pupilId: pupilIds[0]!, employerId: employer.id, offerId: OFFER_ID, ...WEEK }, actor);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ status: 'proposed', pupilId: pupilIds[0], employerId: employer.id, offerId: OFFER_ID, ...WEEK });
    const audit = await db.audit.where('recordId').equals(result.value.id).toArray();
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'create',
        entity: 'placement',
        pupilId: pupilIds[0],
        adviserId: actor,
        summary: 'Proposed a placement at Harbour Kitchens, 14/06/2027 to 18/06/2027',
      }),
    ]);
    expect((await listPlacementsForPupil(db, pupilIds[0]!)).map((p) => p.id)).toEqual([result.value.id]);
  });

  it('refuses a proposal when no places are left in the period, and stores nothing', async () => {
    const { employer, pupilIds } = await setUp();
    for (const pupilId of pupilIds.slice(0, 2)) {
      expect((await proposePlacement(db, { pupilId, employerId: employer.id, offerId: OFFER_ID, ...WEEK }, actor)).ok).toBe(true);
    }
    const auditBefore = await db.audit.count();
    const full = await proposePlacement(db, { pupilId: pupilIds[2]!, employerId: employer.id, offerId: OFFER_ID, ...WEEK }, actor);
    expect(full).toEqual({
      ok: false,
      problems: [{ field: 'period', message: 'No places left in "Kitchen week" from 14/06/2027 to 18/06/2027: all 2 places are taken' }],
    });
    expect(await db.experiences.count()).toBe(2);
    expect(await db.audit.count()).toBe(auditBefore);

    // A cancelled placement gives its place back.
    const [first] = await listPlacementsForEmployer(db, employer.id);
    expect((await changePlacementStatus(db, first!.id, 'cancelled', actor, { today: TODAY })).ok).toBe(true);
    expect((await proposePlacement(db, { pupilId: pupilIds[2]!, employerId: employer.id, offerId: OFFER_ID, ...WEEK }, actor)).ok).toBe(
      true,
    );
  });

  it('refuses a second placement for the same pupil on overlapping dates, and dates outside every period', async () => {
    const { employer, pupilIds } = await setUp();
    const input = { pupilId: pupilIds[0]!, employerId: employer.id, offerId: OFFER_ID, ...WEEK };
    await proposePlacement(db, input, actor);
    const again = await proposePlacement(db, input, actor);
    expect(!again.ok && again.problems).toEqual([
      { field: 'pupilId', message: 'This young person already has a placement here from 14/06/2027 to 18/06/2027' },
    ]);
    const outside = await proposePlacement(db, { ...input, pupilId: pupilIds[1]!, start: '2027-07-01', end: '2027-07-02' }, actor);
    expect(!outside.ok && outside.problems[0]!.field).toBe('period');
  });

  it('walks a placement from proposed to completed with feedback, one audited step at a time', async () => {
    const { employer, pupilIds } = await setUp();
    // Distinct times, so the audit trail sorts in the order the steps were taken.
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 10, minute));
    const proposed = await proposePlacement(
      db,
      { pupilId: pupilIds[0]!, employerId: employer.id, offerId: OFFER_ID, ...WEEK },
      actor,
      at(0),
    );
    if (!proposed.ok) throw new Error('expected a proposal');
    const id = proposed.value.id;
    await recordConsent(id);
    for (const [i, to] of (['contacted', 'confirmed', 'in-progress'] as const).entries()) {
      const moved = await changePlacementStatus(db, id, to, actor, { today: TODAY, now: at(i + 1) });
      expect(moved.ok && moved.value.status).toBe(to);
    }
    const done = await completePlacement(
      db,
      id,
      { employer: 'Keen and punctual.', pupil: 'Loved the kitchen.', wouldHostAgain: true },
      actor,
      { today: TODAY, now: at(9) },
    );
    expect(done.ok && done.value).toMatchObject({
      status: 'completed',
      feedback: { employer: 'Keen and punctual.', pupil: 'Loved the kitchen.', wouldHostAgain: true },
    });
    const audit = await db.audit.where('recordId').equals(id).sortBy('seq');
    expect(audit.map((a) => a.summary.split(': ')[1])).toEqual([
      undefined,
      undefined, // the parental consent recorded
      'Proposed to Employer contacted',
      'Employer contacted to Confirmed',
      'Confirmed to In progress',
      'In progress to Completed',
    ]);
    expect(audit.every((a) => a.pupilId === pupilIds[0] && a.entity === 'placement')).toBe(true);
    expect((await listPlacementsForEmployer(db, employer.id, 'completed')).map((p) => p.id)).toEqual([id]);
    expect(await listPlacementsForEmployer(db, employer.id, 'proposed')).toEqual([]);
  });

  it('refuses a step the workflow does not allow, changing nothing', async () => {
    const { employer, pupilIds } = await setUp();
    const proposed = await proposePlacement(db, { pupilId: pupilIds[0]!, employerId: employer.id, offerId: OFFER_ID, ...WEEK }, actor);
    if (!proposed.ok) throw new Error('expected a proposal');
    const skip = await changePlacementStatus(db, proposed.value.id, 'completed', actor, { today: TODAY });
    expect(skip.ok).toBe(false);
    expect((await db.experiences.get(proposed.value.id))!.status).toBe('proposed');
  });

  it('blocks confirming at an employer whose insurance has expired, with the reason, and changes nothing', async () => {
    const { employer, pupilIds } = await setUp({
      checks: {
        riskAssessmentOn: '2026-10-01',
        insuranceExpiresOn: '2026-10-31',
        safeguardingConfirmed: true,
        riskControls: '',
        dbsPosition: null,
      },
    });
    const proposed = await proposePlacement(db, { pupilId: pupilIds[0]!, employerId: employer.id, offerId: OFFER_ID, ...WEEK }, actor);
    if (!proposed.ok) throw new Error('expected a proposal');
    expect((await changePlacementStatus(db, proposed.value.id, 'contacted', actor, { today: TODAY })).ok).toBe(true);
    await recordConsent(proposed.value.id);
    const auditBefore = await db.audit.count();
    const blocked = await changePlacementStatus(db, proposed.value.id, 'confirmed', actor, { today: TODAY });
    expect(blocked).toEqual({
      ok: false,
      problems: [{ field: 'status', message: "Employer's liability insurance expired on 31/10/2026" }],
    });
    expect((await db.experiences.get(proposed.value.id))!.status).toBe('contacted');
    expect(await db.audit.count()).toBe(auditBefore);

    // Once the insurance is renewed, the same step goes through.
    await saveEmployer(db, { ...employer, checks: { ...employer.checks, insuranceExpiresOn: '2027-10-31' } }, actor);
    expect((await changePlacementStatus(db, proposed.value.id, 'confirmed', actor, { today: TODAY })).ok).toBe(true);
  });

  it('refuses feedback that is too long, changing nothing', async () => {
    const { employer, pupilIds } = await setUp();
    const proposed = await proposePlacement(db, { pupilId: pupilIds[0]!, employerId: employer.id, offerId: OFFER_ID, ...WEEK }, actor);
    if (!proposed.ok) throw new Error('expected a proposal');
    await recordConsent(proposed.value.id);
    for (const to of ['contacted', 'confirmed', 'in-progress'] as const)
      await changePlacementStatus(db, proposed.value.id, to, actor, { today: TODAY });
    const result = await completePlacement(db, proposed.value.id, { employer: 'x'.repeat(3001), pupil: '', wouldHostAgain: null }, actor, {
      today: TODAY,
    });
    expect(!result.ok && result.problems[0]!.field).toBe('feedback.employer');
    expect((await db.experiences.get(proposed.value.id))!.status).toBe('in-progress');
  });

  it("joins a caller's transaction, so a batch of proposals is written together or not at all", async () => {
    const { employer, pupilIds } = await setUp();
    await expect(
      db.transaction('rw', [db.pupils, db.employers, db.experiences, db.audit], async () => {
        for (const pupilId of pupilIds.slice(0, 2))
          await proposePlacement(db, { pupilId, employerId: employer.id, offerId: OFFER_ID, ...WEEK }, actor);
        throw new Error('the adviser changed their mind');
      }),
    ).rejects.toThrow('the adviser changed their mind');
    expect(await db.experiences.count()).toBe(0);
  });
});
