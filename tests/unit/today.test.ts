import { testDatabaseOptions } from './test-database';
import { afterEach, describe, expect, it } from 'vitest';
import { CareersDeskDb } from '@renderer/db/schema';
import { loadTodayFacts } from '@renderer/db/today';
import { actionPlanSchema, type ActionPlan, type Draft } from '@shared/model';
import { defaultLiaisonOfficer } from '@shared/pupils/form';
import { howLongAgo, onCaseloadOf, todayLists, weekOf, type TodayFacts, type TodayPlacement } from '@shared/today';
import { pupil, session, workPlacement, employer } from '../support/factories';

// A Wednesday: the week runs from Monday 30/11/2026 to Sunday 06/12/2026; the academic year began 01/09/2026.
const TODAY = '2026-12-02';
const NOW = new Date('2026-12-02T09:00:00Z');
const YEAR_11 = '2011-01-15';
const YEAR_12 = '2010-01-15';
const YEAR_13 = '2009-01-15';
const SAM = crypto.randomUUID();
const OFFICER = crypto.randomUUID();

function plan(fields: Partial<ActionPlan> & Pick<ActionPlan, 'pupilId'>): ActionPlan {
  return actionPlanSchema.parse({ id: crypto.randomUUID(), createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), ...fields });
}

function action(byWhen: string, what = 'Apply to college', status: 'open' | 'done' = 'open') {
  return { id: crypto.randomUUID(), what, who: 'pupil' as const, byWhen, status, doneOn: null };
}

function facts(fields: Partial<TodayFacts>): TodayFacts {
  return { today: TODAY, now: NOW, adviserId: null, pupils: [], metByAdviser: new Set(), plans: [], placements: [], drafts: [], ...fields };
}

describe('the week and how long ago', () => {
  it('runs the week from Monday to Sunday, whichever day today is', () => {
    expect(weekOf('2026-11-30')).toEqual({ start: '2026-11-30', end: '2026-12-06' });
    expect(weekOf(TODAY)).toEqual({ start: '2026-11-30', end: '2026-12-06' });
    expect(weekOf('2026-12-06')).toEqual({ start: '2026-11-30', end: '2026-12-06' });
    expect(weekOf('2026-12-07')).toEqual({ start: '2026-12-07', end: '2026-12-13' });
    // Across a month and a year end.
    expect(weekOf('2027-01-01')).toEqual({ start: '2026-12-28', end: '2027-01-03' });
  });

  it('says how long ago a draft was typed in words', () => {
    expect(howLongAgo('2026-12-02T08:59:40Z', NOW)).toBe('just now');
    expect(howLongAgo('2026-12-02T08:55:00Z', NOW)).toBe('5 minutes ago');
    expect(howLongAgo('2026-12-02T06:00:00Z', NOW)).toBe('3 hours ago');
    expect(howLongAgo('2026-12-01T08:00:00Z', NOW)).toBe('yesterday');
    expect(howLongAgo('2026-11-28T09:00:00Z', NOW)).toBe('4 days ago');
    expect(howLongAgo('2026-10-01T09:00:00Z', NOW)).toBe('on 01/10/2026');
  });
});

describe('reviews due this week', () => {
  it('lists reviews up to Sunday, earlier ones overdue, and not next week', () => {
    const amy = pupil({ legalForename: 'Amy', dateOfBirth: YEAR_12 });
    const ben = pupil({ legalForename: 'Ben', dateOfBirth: YEAR_12 });
    const cal = pupil({ legalForename: 'Cal', dateOfBirth: YEAR_12 });
    const plans = [
      plan({ pupilId: amy.id, reviewOn: '2026-12-06' }),
      plan({ pupilId: ben.id, reviewOn: '2026-11-30' }),
      plan({ pupilId: cal.id, reviewOn: '2026-12-07' }),
    ];
    const { reviews } = todayLists(facts({ pupils: [amy, ben, cal], plans }));
    expect(reviews.map((r) => [r.pupilName, r.reviewOn, r.overdue])).toEqual([
      ['Ben Turner', '2026-11-30', true],
      ['Amy Turner', '2026-12-06', false],
    ]);
  });

  it('leaves out a review already held (a guidance meeting on or after the day) and one a later plan took over', () => {
    const held = pupil({ legalForename: 'Held', dateOfBirth: YEAR_12, lastGuidanceOn: '2026-11-30' });
    const replaced = pupil({ legalForename: 'Replaced', dateOfBirth: YEAR_12 });
    const plans = [
      plan({ pupilId: held.id, reviewOn: '2026-11-30' }),
      plan({ pupilId: replaced.id, reviewOn: '2026-11-20', agreedOn: '2026-10-01' }),
      plan({ pupilId: replaced.id, reviewOn: '2027-01-20', agreedOn: '2026-11-25' }),
    ];
    expect(todayLists(facts({ pupils: [held, replaced], plans })).reviews).toEqual([]);
  });
});

describe('overdue actions', () => {
  it('lists open actions due before today, earliest first, and not those due today or done', () => {
    const amy = pupil({ legalForename: 'Amy', dateOfBirth: YEAR_12 });
    const plans = [
      plan({
        pupilId: amy.id,
        actions: [action('2026-12-01', 'Visit the college'), action(TODAY, 'Due today'), action('2026-11-01', 'Done already', 'done')],
      }),
      plan({ pupilId: amy.id, actions: [action('2026-11-15', 'Write a CV')] }),
    ];
    const { overdueActions } = todayLists(facts({ pupils: [amy], plans }));
    expect(overdueActions.map((a) => [a.action.what, a.pupilName])).toEqual([
      ['Write a CV', 'Amy Turner'],
      ['Visit the college', 'Amy Turner'],
    ]);
  });
});

describe('Years 11 and 13 not yet seen this year', () => {
  it('counts a meeting from 1 September as seen, and one on 31 August as last year', () => {
    const seen = pupil({ legalForename: 'Seen', dateOfBirth: YEAR_11, lastGuidanceOn: '2026-09-01' });
    const lastYear = pupil({ legalForename: 'Last', dateOfBirth: YEAR_11, lastGuidanceOn: '2026-08-31' });
    const never = pupil({ legalForename: 'Never', dateOfBirth: YEAR_13 });
    const year12 = pupil({ legalForename: 'Twelve', dateOfBirth: YEAR_12 });
    const { notSeen, yearStart } = todayLists(facts({ pupils: [seen, lastYear, never, year12] }));
    expect(yearStart).toBe('2026-09-01');
    expect(notSeen.map((p) => [p.pupilName, p.yearGroup, p.lastGuidanceOn])).toEqual([
      ['Never Turner', 13, null],
      ['Last Turner', 11, '2026-08-31'],
    ]);
  });

  it('leaves out a Year 13 who has left the caseload, but keeps one leaving later', () => {
    const left = pupil({ legalForename: 'Left', dateOfBirth: YEAR_13, leftOn: '2026-10-31' });
    const leaving = pupil({ legalForename: 'Leaving', dateOfBirth: YEAR_13, leftOn: '2027-07-31' });
    expect(todayLists(facts({ pupils: [left, leaving] })).notSeen.map((p) => p.pupilName)).toEqual(['Leaving Turner']);
  });

  it('moves on with the academic year: in September the year before is not "this year"', () => {
    const metInJuly = pupil({ legalForename: 'July', dateOfBirth: YEAR_11, lastGuidanceOn: '2026-07-10' });
    expect(todayLists(facts({ today: '2026-08-31', pupils: [metInJuly] })).notSeen).toEqual([]);
    expect(todayLists(facts({ today: '2026-09-01', pupils: [metInJuly] })).notSeen.map((p) => p.pupilName)).toEqual(['July Turner']);
  });
});

describe('placements needing a step and drafts', () => {
  it("lists placements waiting on the adviser with the desk's next step, and marks consent", () => {
    const amy = pupil({ legalForename: 'Amy', dateOfBirth: YEAR_12 });
    const placement = (
      id: string,
      status: TodayPlacement['facts']['status'],
      start = '2027-06-14',
      end = '2027-06-18',
    ): TodayPlacement => ({
      facts: { id, status, start, end, dateOfBirth: amy.dateOfBirth, consent: null },
      pupilId: amy.id,
      employer: { checks: { riskAssessmentOn: '2026-10-01', insuranceExpiresOn: '2027-12-31', safeguardingConfirmed: true } },
      employerName: 'Harbour Kitchens',
    });
    const placements = [
      placement('proposed', 'proposed'),
      placement('contacted', 'contacted'),
      placement('confirmed-later', 'confirmed'),
      placement('finished', 'in-progress', '2026-11-23', '2026-11-27'),
      placement('done', 'completed'),
    ];
    const steps = todayLists(facts({ pupils: [amy], placements })).placements;
    expect(steps.map((s) => [s.placementId, s.nextStep, s.consentDue])).toEqual([
      ['proposed', 'Contact the employer', false],
      ['contacted', 'Record parental consent', true],
      ['finished', 'Record feedback', false],
    ]);
  });

  it('lists drafts newest first with their young person, and none for a young person no longer held', () => {
    const amy = pupil({ legalForename: 'Amy', dateOfBirth: YEAR_12 });
    const drafts: Draft[] = [
      { id: 'd1', kind: 'guidance-session', pupilId: amy.id, recordId: null, data: {}, updatedAt: '2026-12-01T09:00:00Z' },
      { id: 'd2', kind: 'action-plan', pupilId: amy.id, recordId: 'plan-1', data: {}, updatedAt: '2026-12-02T08:30:00Z' },
      { id: 'd3', kind: 'guidance-session', pupilId: 'erased', recordId: null, data: {}, updatedAt: '2026-12-02T08:45:00Z' },
    ];
    const left = todayLists(facts({ pupils: [amy], drafts })).drafts;
    expect(left.map((d) => [d.draftId, d.kind, d.pupilName, d.ago])).toEqual([
      ['d2', 'action-plan', 'Amy Turner', '30 minutes ago'],
      ['d1', 'guidance-session', 'Amy Turner', 'yesterday'],
    ]);
  });
});

describe("the adviser's own caseload", () => {
  const mine = pupil({ legalForename: 'Mine', dateOfBirth: YEAR_11, homeEducated: true, liaisonOfficerId: OFFICER });
  const met = pupil({ legalForename: 'Met', dateOfBirth: YEAR_11, lastGuidanceOn: '2026-06-01' });
  const others = pupil({ legalForename: 'Other', dateOfBirth: YEAR_11 });
  const all = [mine, met, others];

  it('is the young people they are liaison officer for or have met; with nobody chosen, everyone', () => {
    expect(onCaseloadOf(mine, OFFICER, new Set())).toBe(true);
    expect(onCaseloadOf(met, SAM, new Set([met.id]))).toBe(true);
    expect(onCaseloadOf(others, SAM, new Set([met.id]))).toBe(false);
    expect(onCaseloadOf(others, null, new Set())).toBe(true);
  });

  it('filters every list by it', () => {
    const plans = [plan({ pupilId: others.id, reviewOn: TODAY, actions: [action('2026-11-01')] })];
    const forOfficer = todayLists(facts({ adviserId: OFFICER, pupils: all, plans }));
    expect(forOfficer.notSeen.map((p) => p.pupilName)).toEqual(['Mine Turner']);
    expect(forOfficer.reviews).toEqual([]);
    expect(forOfficer.overdueActions).toEqual([]);

    const forSam = todayLists(facts({ adviserId: SAM, metByAdviser: new Set([met.id]), pupils: all, plans }));
    expect(forSam.notSeen.map((p) => p.pupilName)).toEqual(['Met Turner']);

    const forEveryone = todayLists(facts({ pupils: all, plans }));
    expect(forEveryone.notSeen).toHaveLength(3);
    expect(forEveryone.reviews.map((r) => r.pupilName)).toEqual(['Other Turner']);
    expect(forEveryone.overdueActions.map((a) => a.pupilName)).toEqual(['Other Turner']);
  });

  it('makes the adviser using the computer the liaison officer of a young person marked home educated', () => {
    const choosable = [SAM, OFFICER];
    expect(defaultLiaisonOfficer({ homeEducated: true, liaisonOfficerId: null }, OFFICER, choosable)).toBe(OFFICER);
    expect(defaultLiaisonOfficer({ homeEducated: true, liaisonOfficerId: SAM }, OFFICER, choosable)).toBe(SAM);
    expect(defaultLiaisonOfficer({ homeEducated: false, liaisonOfficerId: null }, OFFICER, choosable)).toBeNull();
    expect(defaultLiaisonOfficer({ homeEducated: true, liaisonOfficerId: null }, null, choosable)).toBeNull();
    expect(defaultLiaisonOfficer({ homeEducated: true, liaisonOfficerId: null }, 'inactive-adviser', choosable)).toBeNull();
  });
});

describe("the Today page's read of the database", () => {
  let db: CareersDeskDb | null = null;
  afterEach(async () => {
    db?.close();
    if (db) await db.delete();
    db = null;
  });

  it("gathers each list's records through the indexes, for one adviser or everyone", async () => {
    db = new CareersDeskDb(`careers-desk-today-${crypto.randomUUID()}`, testDatabaseOptions());
    await db.open();
    const seenBySam = pupil({ legalForename: 'Sam', legalSurname: 'Seen', dateOfBirth: YEAR_11, lastGuidanceOn: '2026-06-10' });
    const officers = pupil({ legalForename: 'Olu', dateOfBirth: YEAR_13, homeEducated: true, liaisonOfficerId: OFFICER });
    const reviewed = pupil({ legalForename: 'Rae', dateOfBirth: YEAR_12 });
    const placed = pupil({ legalForename: 'Pia', dateOfBirth: YEAR_12 });
    const firm = employer({ name: 'Harbour Kitchens' });
    await db.pupils.bulkAdd([seenBySam, officers, reviewed, placed]);
    await db.employers.add(firm);
    await db.sessions.add(session({ pupilId: seenBySam.id, date: '2026-06-10', adviserId: SAM }));
    await db.actionPlans.bulkAdd([
      plan({
        pupilId: reviewed.id,
        adviserId: SAM,
        reviewOn: '2026-12-04',
        openActionDueDates: ['2026-11-20'],
        actions: [action('2026-11-20')],
      }),
      plan({ pupilId: reviewed.id, adviserId: SAM, reviewOn: '2027-03-01', agreedOn: '2026-06-01' }),
    ]);
    await db.experiences.add(workPlacement({ pupilId: placed.id, employerId: firm.id, status: 'proposed' }));
    await db.drafts.add({
      id: crypto.randomUUID(),
      kind: 'guidance-session',
      pupilId: officers.id,
      recordId: null,
      data: {},
      updatedAt: '2026-12-02T07:00:00Z',
    });

    const everyone = todayLists(await loadTodayFacts(db, { adviserId: null, today: TODAY, now: NOW }));
    expect(everyone.reviews.map((r) => r.pupilName)).toEqual(['Rae Turner']);
    expect(everyone.overdueActions.map((a) => a.pupilName)).toEqual(['Rae Turner']);
    expect(everyone.notSeen.map((p) => p.pupilName)).toEqual(['Olu Turner', 'Sam Seen']);
    expect(everyone.placements.map((p) => [p.pupilName, p.employerName, p.nextStep])).toEqual([
      ['Pia Turner', 'Harbour Kitchens', 'Contact the employer'],
    ]);
    expect(everyone.drafts.map((d) => [d.pupilName, d.ago])).toEqual([['Olu Turner', '2 hours ago']]);

    const sams = todayLists(await loadTodayFacts(db, { adviserId: SAM, today: TODAY, now: NOW }));
    expect(sams.notSeen.map((p) => p.pupilName)).toEqual(['Sam Seen']);
    expect(sams.reviews.map((r) => r.pupilName)).toEqual(['Rae Turner']);
    expect(sams.placements).toEqual([]);

    const officer = todayLists(await loadTodayFacts(db, { adviserId: OFFICER, today: TODAY, now: NOW }));
    expect(officer.notSeen.map((p) => p.pupilName)).toEqual(['Olu Turner']);
    expect(officer.reviews).toEqual([]);
    expect(officer.overdueActions).toEqual([]);
  });
});
