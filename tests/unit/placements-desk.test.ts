import { testDatabaseOptions } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CareersDeskDb } from '@renderer/db/schema';
import { saveEmployer } from '@renderer/db/employers';
import { savePupil } from '@renderer/db/pupils';
import { changePlacementStatus, movePlacements, proposePlacement, savePlacementPaperwork, undoBulkMove } from '@renderer/db/placements';
import {
  bulkMovePlan,
  checksStanding,
  commonNextStatus,
  confirmGateProblems,
  consentProblem,
  consentStillNeededQuestion,
  needsAction,
  needsParentalConsent,
  nextStepWords,
  type DeskFacts,
} from '@shared/placements';
import type { Employer, ParentalConsent } from '@shared/model';
import * as make from '../support/factories';

const TODAY = '2026-11-24';
const WEEK = { start: '2027-06-14', end: '2027-06-18' };
const WINTER = { start: '2027-01-11', end: '2027-01-15' };
const CONSENT: ParentalConsent = { givenBy: 'Sam Okafor', relationship: 'Mother', on: '2026-11-20', how: 'form' };
const CHECKS_IN_ORDER: Pick<Employer, 'checks'> = {
  checks: {
    riskAssessmentOn: '2026-10-01',
    insuranceExpiresOn: '2027-12-31',
    safeguardingConfirmed: true,
    riskControls: '',
    dbsPosition: null,
  },
};
// 17 on the placement's first day, 14/06/2027; turns 18 the day after.
const SEVENTEEN = '2009-06-15';
const EIGHTEEN = '2009-06-14';

function facts(overrides: Partial<DeskFacts> = {}): DeskFacts {
  return { id: 'p1', status: 'contacted', ...WEEK, dateOfBirth: SEVENTEEN, consent: null, ...overrides };
}

describe('the parental consent gate', () => {
  it('asks for consent for a young person under 18 on the start date, and not for one who is 18 that day', () => {
    expect(needsParentalConsent(SEVENTEEN, WEEK.start)).toBe(true);
    expect(needsParentalConsent(EIGHTEEN, WEEK.start)).toBe(false);
  });

  it('blocks confirming with the reason in words while consent is missing for an under-18', () => {
    expect(consentProblem(SEVENTEEN, WEEK.start, null)).toBe(
      'No parental consent recorded: the young person is under 18 on 14/06/2027, when the placement starts',
    );
    expect(confirmGateProblems(facts(), CHECKS_IN_ORDER, TODAY)).toEqual([consentProblem(SEVENTEEN, WEEK.start, null)]);
    expect(confirmGateProblems(facts({ consent: CONSENT }), CHECKS_IN_ORDER, TODAY)).toEqual([]);
    expect(confirmGateProblems(facts({ dateOfBirth: EIGHTEEN }), CHECKS_IN_ORDER, TODAY)).toEqual([]);
  });

  it('asks whether consent is still needed for a young person who is 18 or over on the start', () => {
    expect(consentStillNeededQuestion(SEVENTEEN, WEEK.start)).toBeNull();
    expect(consentStillNeededQuestion(EIGHTEEN, WEEK.start)).toBe(
      'This young person is 18 on 14/06/2027, when the placement starts, so parental consent is not needed. Record it anyway?',
    );
  });
});

describe("the employer's checks gate", () => {
  it('reuses checks done within the window (6 months by default) and says so', () => {
    expect(checksStanding(CHECKS_IN_ORDER, WEEK, TODAY)).toEqual({ reused: 'Checks of 01/10/2026 reused (within 6 months)', problems: [] });
    const fiveAndAHalf = { checks: { ...CHECKS_IN_ORDER.checks, riskAssessmentOn: '2026-06-10' } };
    expect(checksStanding(fiveAndAHalf, WINTER, TODAY).reused).toBe('Checks of 10/06/2026 reused (within 6 months)');
  });

  it('does not reuse checks older than the window, and blocks confirming until they are done again', () => {
    const old = { checks: { ...CHECKS_IN_ORDER.checks, riskAssessmentOn: '2026-05-23' } };
    const standing = checksStanding(old, WINTER, TODAY);
    expect(standing.reused).toBeNull();
    expect(standing.problems).toEqual([
      "The employer's checks of 23/05/2026 are older than 6 months, so they cannot be reused: do them again",
    ]);
    expect(confirmGateProblems(facts({ consent: CONSENT, ...WINTER }), old, TODAY)).toEqual(standing.problems);
    // A longer window, set in the desk's settings, reuses them.
    expect(checksStanding(old, WINTER, TODAY, 9).reused).toBe('Checks of 23/05/2026 reused (within 9 months)');
  });

  it('still blocks on insurance that runs out before the placement ends', () => {
    const runsOut = { checks: { ...CHECKS_IN_ORDER.checks, insuranceExpiresOn: '2027-06-15' } };
    expect(confirmGateProblems(facts({ consent: CONSENT }), runsOut, TODAY)).toEqual([
      "Employer's liability insurance expires on 15/06/2027, before the placement ends on 18/06/2027",
    ]);
  });
});

describe("the desk's next steps", () => {
  it('says each placement’s next step in words', () => {
    const context = { today: TODAY };
    expect(nextStepWords(facts({ status: 'proposed' }), CHECKS_IN_ORDER, context)).toBe('Contact the employer');
    expect(nextStepWords(facts(), CHECKS_IN_ORDER, context)).toBe('Record parental consent');
    expect(nextStepWords(facts({ consent: CONSENT }), CHECKS_IN_ORDER, context)).toBe('Confirm with the employer');
    expect(
      nextStepWords(facts({ consent: CONSENT }), { checks: { ...CHECKS_IN_ORDER.checks, safeguardingConfirmed: false } }, context),
    ).toBe("Bring the employer's checks up to date");
    expect(nextStepWords(facts({ status: 'confirmed' }), CHECKS_IN_ORDER, context)).toBe('Start on 14/06/2027');
    expect(nextStepWords(facts({ status: 'in-progress' }), CHECKS_IN_ORDER, { today: '2027-06-21' })).toBe('Record feedback');
    expect(nextStepWords(facts({ status: 'completed' }), CHECKS_IN_ORDER, context)).toBe('None: completed');
  });

  it('marks as needing action what waits on the adviser', () => {
    expect(needsAction(facts({ status: 'proposed' }), TODAY)).toBe(true);
    expect(needsAction(facts({ status: 'confirmed' }), TODAY)).toBe(false);
    expect(needsAction(facts({ status: 'confirmed' }), WEEK.start)).toBe(true);
    expect(needsAction(facts({ status: 'in-progress' }), '2027-06-19')).toBe(true);
    expect(needsAction(facts({ status: 'cancelled' }), '2027-06-19')).toBe(false);
  });

  it('finds the common next status of a selection and says which cannot move and why', () => {
    const selection = [
      facts({ id: 'a', status: 'proposed' }),
      facts({ id: 'b', status: 'proposed' }),
      facts({ id: 'c', status: 'confirmed' }),
    ];
    expect(commonNextStatus(selection)).toBe('contacted');
    expect(commonNextStatus([facts({ status: 'in-progress' }), facts({ status: 'completed' })])).toBeNull();
    const plan = bulkMovePlan(selection, 'contacted', () => CHECKS_IN_ORDER, { today: TODAY });
    expect(plan.moving).toEqual(['a', 'b']);
    expect(plan.cannot).toEqual([
      { id: 'c', reasons: ['A placement that is confirmed cannot become employer contacted; next it can be in progress or cancelled'] },
    ]);
    const confirming = bulkMovePlan([facts({ id: 'x' }), facts({ id: 'y', consent: CONSENT })], 'confirmed', () => CHECKS_IN_ORDER, {
      today: TODAY,
    });
    expect(confirming.moving).toEqual(['y']);
    expect(confirming.cannot[0]!.reasons[0]).toMatch(/^No parental consent recorded/);
  });
});

describe('moving placements on together in the database', () => {
  let db: CareersDeskDb;
  const actor = crypto.randomUUID();
  beforeEach(async () => {
    db = new CareersDeskDb(`placements-desk-${crypto.randomUUID()}`, testDatabaseOptions());
    await db.open();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('moves several in one go with an audit entry each, refuses those blocked, and undoes the move', async () => {
    const offer = make.offer({ title: 'Kitchen week', periods: [{ ...WEEK, capacity: 5 }] });
    const employer = await saveEmployer(db, make.employerInput({ name: 'Harbour Kitchens', offers: [offer], ...CHECKS_IN_ORDER }), actor);
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      const pupil = await savePupil(db, make.pupilInput({ legalForename: `Young${n}`, dateOfBirth: SEVENTEEN }), actor);
      const placement = await proposePlacement(db, { pupilId: pupil.id, employerId: employer.id, offerId: offer.id, ...WEEK }, actor);
      if (!placement.ok) throw new Error('expected a placement');
      await changePlacementStatus(db, placement.value.id, 'contacted', actor, { today: TODAY });
      ids.push(placement.value.id);
    }
    const consented = await savePlacementPaperwork(db, ids[0]!, { consent: CONSENT }, actor);
    expect(consented.ok).toBe(true);
    await savePlacementPaperwork(db, ids[1]!, { consent: CONSENT }, actor);
    const auditBefore = await db.audit.count();

    const result = await movePlacements(db, ids, 'confirmed', actor, { today: TODAY });
    expect(result.moved).toEqual([
      { id: ids[0], from: 'contacted' },
      { id: ids[1], from: 'contacted' },
    ]);
    expect(result.refused).toEqual([{ id: ids[2], reasons: [consentProblem(SEVENTEEN, WEEK.start, null)] }]);
    expect((await db.experiences.bulkGet(ids)).map((e) => e!.status)).toEqual(['confirmed', 'confirmed', 'contacted']);
    expect(await db.audit.count()).toBe(auditBefore + 2);

    expect(await undoBulkMove(db, result.moved, 'confirmed', actor)).toBe(2);
    expect((await db.experiences.bulkGet(ids)).map((e) => e!.status)).toEqual(['contacted', 'contacted', 'contacted']);
    expect(await db.audit.count()).toBe(auditBefore + 4);
  });

  it('refuses paperwork with bad input, beside its field, and saves nothing', async () => {
    const result = await savePlacementPaperwork(db, crypto.randomUUID(), { consent: { ...CONSENT, givenBy: '' } }, actor);
    expect(!result.ok && result.problems[0]!.field).toBe('consent.givenBy');
  });
});
