import { testDatabaseOptions } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CareersDeskDb } from '@renderer/db/schema';
import { savePupil, type PupilInput } from '@renderer/db/pupils';
import { deleteSession, listRecentSessions, listSessionsForPupil, saveSession } from '@renderer/db/sessions';
import { listOpenActions, listOverdueActions, listPlansForPupil, markActionDone, reopenAction, savePlan } from '@renderer/db/action-plans';
import { deleteDraft, findDraft, saveDraft } from '@renderer/db/drafts';
import type { ActionPlan, Pupil } from '@shared/model';
import {
  checkPlanForm,
  checkSessionForm,
  countsAsPersonalGuidance,
  defaultBenchmarksFor,
  emptyPlanForm,
  emptySessionForm,
  formFromDraft,
  isOverdue,
  latestGuidanceDate,
  latestIntendedDestination,
  markActionDone as withActionDone,
  normaliseActions,
  openActionDueDates,
  openActionsOf,
  parseTopics,
  planProblemLabels,
  rebaseBenchmarks,
  suggestedBenchmarks,
  type PlanForm,
  type PlanInput,
  type SessionForm,
  type SessionInput,
} from '@shared/sessions';
import { pupilInput } from '../support/factories';

const ADVISER = '00000000-0000-4000-8000-00000000000a';
const OTHER_ADVISER = '00000000-0000-4000-8000-00000000000b';
const TODAY = '2026-11-24';

let db: CareersDeskDb;
let counter = 0;

beforeEach(async () => {
  counter += 1;
  db = new CareersDeskDb(`careers-desk-sessions-test-${counter}`, testDatabaseOptions());
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

async function addPupil(overrides: Partial<PupilInput> = {}): Promise<Pupil> {
  return savePupil(db, pupilInput(overrides), null);
}

function sessionInput(pupilId: string, overrides: Partial<SessionInput> = {}): SessionInput {
  return {
    pupilId,
    adviserId: ADVISER,
    date: '2026-11-20',
    startTime: '10:15',
    kind: 'personal-guidance',
    mode: 'in-person',
    durationMinutes: 45,
    location: 'Careers room',
    topics: ['apprenticeships'],
    notes: 'Keen on engineering.',
    benchmarks: [8],
    encounters: [],
    intendedDestination: null,
    agreed: 'Look at EKC Group courses.',
    ...overrides,
  };
}

function planInput(pupilId: string, overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    pupilId,
    sessionId: null,
    adviserId: ADVISER,
    situation: 'Year 10 at a Thanet school.',
    strengths: 'Practical',
    barriers: 'Bus times',
    goals: [{ id: crypto.randomUUID(), term: 'long', text: 'An engineering apprenticeship' }],
    actions: [
      {
        id: crypto.randomUUID(),
        what: 'Visit the Broadstairs campus open evening',
        who: 'pupil',
        byWhen: '2026-11-10',
        status: 'open',
        doneOn: null,
      },
      {
        id: crypto.randomUUID(),
        what: 'Send the apprenticeship vacancy list',
        who: 'adviser',
        byWhen: '2026-12-15',
        status: 'open',
        doneOn: null,
      },
      { id: crypto.randomUUID(), what: 'Book a taster day', who: 'school', byWhen: '2026-11-01', status: 'done', doneOn: '2026-10-30' },
    ],
    backupPlan: 'Level 2 engineering course at college.',
    resources: 'Kent Choices',
    discussed: [],
    reviewOn: '2027-01-12',
    agreedWithYoungPerson: true,
    agreedOn: '2026-11-20',
    ...overrides,
  };
}

describe('what a session evidences', () => {
  it('counts personal guidance meetings and home visits as personal guidance (Benchmark 8)', () => {
    expect(countsAsPersonalGuidance('personal-guidance')).toBe(true);
    expect(countsAsPersonalGuidance('home-visit')).toBe(true);
    expect(countsAsPersonalGuidance('group')).toBe(false);
    expect(defaultBenchmarksFor('home-visit')).toEqual([8]);
    expect(defaultBenchmarksFor('drop-in')).toEqual([]);
  });

  it('suggests Benchmark 5 for an employer encounter and 7 for a provider encounter', () => {
    expect(suggestedBenchmarks({ kind: 'group', encounters: [{ kind: 'employer' }] })).toEqual([5]);
    expect(suggestedBenchmarks({ kind: 'personal-guidance', encounters: [{ kind: 'provider' }, { kind: 'employer' }] })).toEqual([5, 7, 8]);
  });

  it('moves the suggested benchmarks with the kind and keeps what the adviser ticked by hand', () => {
    const before = { kind: 'personal-guidance' as const, encounters: [] };
    // The adviser added Benchmark 3 by hand; changing to a group session drops 8 but keeps 3.
    expect(rebaseBenchmarks([3, 8], before, { kind: 'group', encounters: [] })).toEqual([3]);
    // The adviser unticked 8; adding an employer encounter ticks 5 without bringing 8 back.
    expect(rebaseBenchmarks([], before, { kind: 'personal-guidance', encounters: [{ kind: 'employer' }] })).toEqual([5]);
  });

  it('finds the latest personal guidance date and the latest intended destination', () => {
    const sessions = [
      { date: '2026-10-01', startTime: '09:00', kind: 'personal-guidance' as const, intendedDestination: '230' as const },
      { date: '2026-11-01', startTime: '09:00', kind: 'group' as const, intendedDestination: null },
      { date: '2026-10-15', startTime: '09:00', kind: 'home-visit' as const, intendedDestination: '310' as const },
    ];
    expect(latestGuidanceDate(sessions)).toBe('2026-10-15');
    expect(latestIntendedDestination(sessions)).toBe('310');
    expect(latestGuidanceDate([{ date: '2026-11-01', kind: 'drop-in' }])).toBeNull();
  });
});

describe('the session form', () => {
  const form = (overrides: Partial<SessionForm> = {}): SessionForm => ({
    ...emptySessionForm({ today: TODAY, time: '14:32', adviserId: ADVISER, kind: 'personal-guidance' }),
    durationMinutes: 40,
    ...overrides,
  });

  it('starts on today with the benchmarks of its kind and turns typed topics into a list', () => {
    expect(form()).toMatchObject({ date: TODAY, startTime: '14:32', benchmarks: [8], mode: 'in-person' });
    expect(parseTopics('careers fair, apprenticeships,, CV ; careers fair')).toEqual(['careers fair', 'apprenticeships', 'CV']);
    const checked = checkSessionForm(form({ topics: 'travel, T Levels' }), { pupilId: crypto.randomUUID(), today: TODAY });
    expect(checked.ok && checked.value.topics).toEqual(['travel', 'T Levels']);
  });

  it('says what is wrong beside each field, in form order', () => {
    const checked = checkSessionForm(
      form({
        date: '2026-12-01',
        kind: null,
        durationMinutes: null,
        encounters: [{ kind: 'employer', name: '', employerId: null, providerId: null }],
      }),
      { pupilId: crypto.randomUUID(), today: TODAY },
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toEqual([
      { field: 'date', message: 'The date of the session cannot be in the future' },
      { field: 'kind', message: 'Choose the kind of session' },
      { field: 'durationMinutes', message: 'Enter how long the session lasted, in minutes' },
      { field: 'encounters.0.name', message: 'Name the employer or provider' },
    ]);
  });

  it('refills a form from a draft, keeping defaults for fields the draft lacks or holds in the wrong shape', () => {
    const base = form();
    const restored = formFromDraft(base, { notes: 'Half a sente', benchmarks: 'not a list', unknown: 1, intendedDestination: '310' });
    expect(restored).toMatchObject({ notes: 'Half a sente', benchmarks: [8], intendedDestination: '310', date: TODAY });
    expect(restored).not.toHaveProperty('unknown');
  });
});

describe('saving a guidance session', () => {
  it("writes the session, its audit entry and the pupil's latest guidance date and destination together", async () => {
    const pupil = await addPupil();
    const session = await saveSession(db, sessionInput(pupil.id, { intendedDestination: '310' }), ADVISER);
    expect(await listSessionsForPupil(db, pupil.id)).toEqual([session]);
    expect(await db.pupils.get(pupil.id)).toMatchObject({ lastGuidanceOn: '2026-11-20', intendedDestination: '310' });
    const audit = await db.audit.where('pupilId').equals(pupil.id).toArray();
    expect(audit.map((e) => `${e.entity} ${e.action} ${e.adviserId}`).sort()).toEqual([
      `destination create ${ADVISER}`,
      `guidance-session create ${ADVISER}`,
      'pupil create null',
      `pupil update ${ADVISER}`,
    ]);
    // Written in the same transaction, at the same moment.
    const sessionEntry = audit.find((e) => e.entity === 'guidance-session')!;
    const pupilEntry = audit.find((e) => e.entity === 'pupil' && e.action === 'update')!;
    expect(pupilEntry.at).toBe(sessionEntry.at);
    expect((pupilEntry.before as Pupil).lastGuidanceOn).toBeNull();
  });

  it('writes nothing when the pupil update fails part-way: one transaction', async () => {
    const pupil = await addPupil();
    const auditBefore = await db.audit.count();
    db.pupils.hook('updating', () => {
      throw new Error('disk full');
    });
    await expect(saveSession(db, sessionInput(pupil.id), ADVISER)).rejects.toThrow('disk full');
    expect(await db.sessions.count()).toBe(0);
    expect(await db.audit.count()).toBe(auditBefore);
  });

  it('does not move the latest guidance date for a group session, nor back for an older meeting', async () => {
    const pupil = await addPupil();
    await saveSession(db, sessionInput(pupil.id, { date: '2026-11-20' }), ADVISER);
    await saveSession(db, sessionInput(pupil.id, { date: '2026-11-22', kind: 'group', benchmarks: [] }), ADVISER);
    await saveSession(db, sessionInput(pupil.id, { date: '2026-09-01' }), ADVISER);
    expect((await db.pupils.get(pupil.id))!.lastGuidanceOn).toBe('2026-11-20');
    expect((await listSessionsForPupil(db, pupil.id)).map((s) => s.date)).toEqual(['2026-11-22', '2026-11-20', '2026-09-01']);
  });

  it('keeps the previous version in the audit log when a session is edited', async () => {
    const pupil = await addPupil();
    const first = await saveSession(db, sessionInput(pupil.id), ADVISER);
    const edited = await saveSession(
      db,
      { ...sessionInput(pupil.id, { notes: 'Keen on engineering and electrics.' }), id: first.id },
      OTHER_ADVISER,
    );
    expect(edited.createdAt).toBe(first.createdAt);
    expect(await db.sessions.count()).toBe(1);
    const entries = await db.audit.where('recordId').equals(first.id).sortBy('seq');
    expect(entries.map((e) => [e.action, e.adviserId])).toEqual([
      ['create', ADVISER],
      ['update', OTHER_ADVISER],
    ]);
    expect((entries[1]!.before as { notes: string }).notes).toBe('Keen on engineering.');
  });

  it("records a session's destination on the pupil unless a later session recorded another", async () => {
    const pupil = await addPupil();
    await saveSession(db, sessionInput(pupil.id, { date: '2026-11-20', intendedDestination: '230' }), ADVISER);
    await saveSession(db, sessionInput(pupil.id, { date: '2026-10-01', intendedDestination: '310' }), ADVISER);
    expect((await db.pupils.get(pupil.id))!.intendedDestination).toBe('230');
    // A destination changed on the pupil's own form is not undone by a session that recorded none.
    await db.pupils.update(pupil.id, { intendedDestination: '210' });
    await saveSession(db, sessionInput(pupil.id, { date: '2026-11-23', kind: 'group', benchmarks: [] }), ADVISER);
    expect((await db.pupils.get(pupil.id))!.intendedDestination).toBe('210');
  });

  it('clears the latest guidance date when the only meeting is changed to a group session', async () => {
    const pupil = await addPupil();
    const first = await saveSession(db, sessionInput(pupil.id), ADVISER);
    await saveSession(db, { ...sessionInput(pupil.id, { kind: 'group' }), id: first.id }, ADVISER);
    expect((await db.pupils.get(pupil.id))!.lastGuidanceOn).toBeNull();
  });

  it(
    'deletes a session recorded in error: ' + 'plans kept and unlinked, its edit draft gone, latest meeting worked out again, audited',
    async () => {
      const pupil = await addPupil();
      const earlier = await saveSession(db, sessionInput(pupil.id, { date: '2026-10-01' }), ADVISER);
      const mistaken = await saveSession(db, sessionInput(pupil.id, { date: '2026-11-20', intendedDestination: '310' }), ADVISER);
      const plan = await savePlan(db, planInput(pupil.id, { sessionId: mistaken.id }), ADVISER);
      const editDraft = {
        id: crypto.randomUUID(),
        kind: 'guidance-session' as const,
        pupilId: pupil.id,
        recordId: mistaken.id,
        data: { notes: 'typo' },
        updatedAt: '2026-11-24T14:32:00.000Z',
      };
      const newDraft = { ...editDraft, id: crypto.randomUUID(), recordId: null };
      await saveDraft(db, editDraft);
      await saveDraft(db, newDraft);
      expect((await db.pupils.get(pupil.id))!.lastGuidanceOn).toBe('2026-11-20');

      await deleteSession(db, mistaken.id, OTHER_ADVISER, new Date('2026-11-24T15:00:00Z'));

      expect((await listSessionsForPupil(db, pupil.id)).map((s) => s.id)).toEqual([earlier.id]);
      expect((await db.actionPlans.get(plan.id))!.sessionId).toBeNull();
      expect(await db.drafts.get(editDraft.id)).toBeUndefined();
      expect(await db.drafts.get(newDraft.id)).toBeDefined();
      const after = (await db.pupils.get(pupil.id))!;
      expect(after.lastGuidanceOn).toBe('2026-10-01');
      // The intended destination it recorded goes with it, from the history and so from the record.
      expect(after.intendedDestination).toBeNull();
      expect(await db.destinations.count()).toBe(0);
      const entry = (await db.audit.where('recordId').equals(mistaken.id).toArray()).find((e) => e.action === 'delete');
      expect(entry).toMatchObject({
        entity: 'guidance-session',
        pupilId: pupil.id,
        adviserId: OTHER_ADVISER,
        summary: 'Deleted the guidance session of 20/11/2026; the action plan agreed at it is kept',
      });
      expect(entry!.before).toMatchObject({ id: mistaken.id, notes: mistaken.notes });
      await expect(deleteSession(db, mistaken.id, ADVISER)).rejects.toThrow('no longer exists');
    },
  );

  it("lists the latest sessions across the caseload with the young people's names", async () => {
    const amelia = await addPupil();
    const jack = await addPupil({ legalForename: 'Jack', legalSurname: 'Reed', preferredForename: 'Jay' });
    await saveSession(db, sessionInput(amelia.id, { date: '2026-11-01' }), ADVISER);
    await saveSession(db, sessionInput(jack.id, { date: '2026-11-21' }), ADVISER);
    expect((await listRecentSessions(db, 20)).map((r) => [r.session.date, r.pupilName])).toEqual([
      ['2026-11-21', 'Jay Reed'],
      ['2026-11-01', 'Amelia Turner'],
    ]);
    expect(await listRecentSessions(db, 1)).toHaveLength(1);
  });
});

describe('drafts', () => {
  it('keeps a draft per form, young person and record, and deletes it when the session is saved', async () => {
    const pupil = await addPupil();
    const draft = {
      id: crypto.randomUUID(),
      kind: 'guidance-session' as const,
      pupilId: pupil.id,
      recordId: null,
      data: { notes: 'Talked about apprentice' },
      updatedAt: '2026-11-24T14:32:00.000Z',
    };
    await saveDraft(db, draft);
    await saveDraft(db, { ...draft, id: crypto.randomUUID(), kind: 'action-plan', data: { situation: 'x' } });
    expect(await findDraft(db, { kind: 'guidance-session', pupilId: pupil.id, recordId: null })).toEqual(draft);
    expect(await findDraft(db, { kind: 'guidance-session', pupilId: pupil.id, recordId: crypto.randomUUID() })).toBeUndefined();

    await saveDraft(db, { ...draft, data: { notes: 'Talked about apprenticeships' }, updatedAt: '2026-11-24T14:33:00.000Z' });
    expect((await findDraft(db, { kind: 'guidance-session', pupilId: pupil.id, recordId: null }))!.data).toEqual({
      notes: 'Talked about apprenticeships',
    });

    await saveSession(db, sessionInput(pupil.id), ADVISER, { draftId: draft.id });
    expect(await findDraft(db, { kind: 'guidance-session', pupilId: pupil.id, recordId: null })).toBeUndefined();
    expect(await db.drafts.count()).toBe(1);
  });

  it('keeps the draft when saving fails', async () => {
    const pupil = await addPupil();
    const draft = {
      id: crypto.randomUUID(),
      kind: 'guidance-session' as const,
      pupilId: pupil.id,
      recordId: null,
      data: {},
      updatedAt: '2026-11-24T14:32:00.000Z',
    };
    await saveDraft(db, draft);
    await expect(saveSession(db, sessionInput(pupil.id, { durationMinutes: 0 }), ADVISER, { draftId: draft.id })).rejects.toThrow();
    expect(await db.drafts.get(draft.id)).toBeDefined();
    await deleteDraft(db, draft.id);
    expect(await db.drafts.count()).toBe(0);
  });
});

describe('open and overdue actions', () => {
  const actions = planInput(crypto.randomUUID()).actions;

  it('indexes the due dates of open actions only', () => {
    expect(openActionDueDates(actions)).toEqual(['2026-11-10', '2026-12-15']);
    expect(openActionDueDates([...actions, { ...actions[0]!, id: crypto.randomUUID() }])).toEqual(['2026-11-10', '2026-12-15']);
  });

  it('counts an open action as overdue from the day after it was due', () => {
    expect(isOverdue({ status: 'open', byWhen: TODAY }, TODAY)).toBe(false);
    expect(isOverdue({ status: 'open', byWhen: '2026-11-23' }, TODAY)).toBe(true);
    expect(isOverdue({ status: 'done', byWhen: '2026-11-23' }, TODAY)).toBe(false);
  });

  it("lists a plan's open actions overdue first", () => {
    const plan = { id: crypto.randomUUID(), pupilId: crypto.randomUUID(), adviserId: ADVISER, actions };
    expect(openActionsOf(plan, TODAY).map((r) => [r.action.byWhen, r.overdue])).toEqual([
      ['2026-11-10', true],
      ['2026-12-15', false],
    ]);
  });

  it('dates an action done today and clears the date of one reopened', () => {
    expect(
      normaliseActions(
        [
          { status: 'done', doneOn: null },
          { status: 'open', doneOn: '2026-11-01' },
          { status: 'done', doneOn: '2026-11-02' },
        ],
        TODAY,
      ),
    ).toEqual([
      { status: 'done', doneOn: TODAY },
      { status: 'open', doneOn: null },
      { status: 'done', doneOn: '2026-11-02' },
    ]);
  });

  it('recomputes the open due dates when an action is ticked off', () => {
    const plan = {
      ...planInput(crypto.randomUUID(), { actions }),
      id: crypto.randomUUID(),
      createdAt: '',
      updatedAt: '',
      isDemo: false,
      openActionDueDates: openActionDueDates(actions),
    } as ActionPlan;
    const done = withActionDone(plan, actions[0]!.id, TODAY)!;
    expect(done.actions[0]).toMatchObject({ status: 'done', doneOn: TODAY });
    expect(done.openActionDueDates).toEqual(['2026-12-15']);
    expect(withActionDone(done, actions[0]!.id, TODAY)).toBeNull();
  });
});

describe('action plans', () => {
  it('checks the plan form: rows named for the summary, a date for agreement, at least one goal or action', () => {
    const empty = checkPlanForm(emptyPlanForm(), { pupilId: crypto.randomUUID(), sessionId: null, adviserId: null, today: TODAY });
    expect(!empty.ok && empty.problems).toEqual([{ field: 'actions', message: 'Add at least one goal or action' }]);

    const form: PlanForm = {
      ...emptyPlanForm(),
      goals: [
        { id: crypto.randomUUID(), term: 'short', text: 'Apply to college' },
        { id: crypto.randomUUID(), term: 'long', text: '' },
      ],
      actions: [{ id: crypto.randomUUID(), what: '', who: null, byWhen: '', status: 'open', doneOn: null }],
      agreedWithYoungPerson: true,
    };
    const checked = checkPlanForm(form, { pupilId: crypto.randomUUID(), sessionId: null, adviserId: null, today: TODAY });
    expect(!checked.ok && checked.problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'goals.1.text: Write the goal',
      'actions.0.byWhen: Enter the date it will be done by',
      'actions.0.what: Say what will be done',
      'actions.0.who: Choose who will do it',
      'agreedOn: Enter the date the plan was agreed',
    ]);
    expect(planProblemLabels(form)['goals.1.text']).toBe('Long-term goal 1');
    expect(planProblemLabels(form)['actions.0.byWhen']).toBe('Action 1, by when');
  });

  it('saves a plan with its open due dates and audit entry, and keeps the previous version on edit', async () => {
    const pupil = await addPupil();
    const plan = await savePlan(db, planInput(pupil.id), ADVISER);
    expect(plan.openActionDueDates).toEqual(['2026-11-10', '2026-12-15']);
    const input = planInput(pupil.id);
    const edited = await savePlan(
      db,
      { ...input, id: plan.id, actions: input.actions.map((a) => ({ ...a, status: 'done' as const, doneOn: '2026-11-24' })) },
      ADVISER,
    );
    expect(edited.openActionDueDates).toEqual([]);
    expect(await listPlansForPupil(db, pupil.id)).toHaveLength(1);
    const entries = await db.audit.where('recordId').equals(plan.id).sortBy('seq');
    expect(entries.map((e) => [e.entity, e.action])).toEqual([
      ['action-plan', 'create'],
      ['action-plan', 'update'],
    ]);
    expect((entries[1]!.before as ActionPlan).openActionDueDates).toEqual(['2026-11-10', '2026-12-15']);
  });

  it('lists open actions for the current adviser, overdue first, from plans with something open', async () => {
    const amelia = await addPupil();
    const jack = await addPupil({ legalForename: 'Jack', legalSurname: 'Reed' });
    await savePlan(db, planInput(amelia.id), ADVISER);
    await savePlan(db, planInput(jack.id, { adviserId: OTHER_ADVISER }), OTHER_ADVISER);
    await savePlan(
      db,
      planInput(jack.id, { actions: [], goals: [{ id: crypto.randomUUID(), term: 'short', text: 'Nothing open' }] }),
      ADVISER,
    );

    const mine = await listOpenActions(db, { adviserId: ADVISER, today: TODAY });
    expect(mine.map((r) => [r.pupilName, r.action.byWhen, r.overdue])).toEqual([
      ['Amelia Turner', '2026-11-10', true],
      ['Amelia Turner', '2026-12-15', false],
    ]);
    expect(await listOpenActions(db, { adviserId: null, today: TODAY })).toHaveLength(4);
    const overdue = await listOverdueActions(db, { adviserId: null, today: TODAY });
    expect(overdue.map((r) => r.pupilName).sort()).toEqual(['Amelia Turner', 'Jack Reed']);
    expect(await listOverdueActions(db, { adviserId: null, today: TODAY, pupilId: jack.id })).toHaveLength(1);
  });

  it('marks an action done at once, with an audit entry, and it leaves the open list', async () => {
    const pupil = await addPupil();
    const plan = await savePlan(db, planInput(pupil.id), ADVISER);
    const action = plan.actions[0]!;
    const updated = await markActionDone(db, plan.id, action.id, TODAY, ADVISER);
    expect(updated!.actions[0]).toMatchObject({ status: 'done', doneOn: TODAY });
    expect((await db.actionPlans.get(plan.id))!.openActionDueDates).toEqual(['2026-12-15']);
    expect((await listOpenActions(db, { adviserId: ADVISER, today: TODAY })).map((r) => r.action.id)).not.toContain(action.id);
    const audit = await db.audit.where('recordId').equals(plan.id).sortBy('seq');
    expect(audit.at(-1)).toMatchObject({ action: 'update', entity: 'action-plan', adviserId: ADVISER, pupilId: pupil.id });
    expect(audit.at(-1)!.summary).toContain('Visit the Broadstairs campus open evening');
    // Ticking it again (say, from another window) changes nothing.
    expect(await markActionDone(db, plan.id, action.id, TODAY, ADVISER)).toBeNull();
    expect(await db.audit.where('recordId').equals(plan.id).count()).toBe(audit.length);
  });

  it('undoes "Mark done": the action is open again, back on the open list, with its own audit entry', async () => {
    const pupil = await addPupil();
    const plan = await savePlan(db, planInput(pupil.id), ADVISER);
    const action = plan.actions[0]!;
    await markActionDone(db, plan.id, action.id, TODAY, ADVISER);
    const auditBefore = await db.audit.where('recordId').equals(plan.id).count();

    const reopened = await reopenAction(db, plan.id, action.id, ADVISER);
    expect(reopened!.actions[0]).toMatchObject({ status: 'open', doneOn: null });
    expect((await db.actionPlans.get(plan.id))!.openActionDueDates).toEqual(plan.openActionDueDates);
    expect((await listOpenActions(db, { adviserId: ADVISER, today: TODAY })).map((r) => r.action.id)).toContain(action.id);
    const audit = await db.audit.where('recordId').equals(plan.id).sortBy('seq');
    expect(audit).toHaveLength(auditBefore + 1);
    expect(audit.at(-1)).toMatchObject({ action: 'update', entity: 'action-plan', adviserId: ADVISER, pupilId: pupil.id });
    expect(audit.at(-1)!.summary).toContain('Opened an action again');

    // Undoing an action that is open already writes nothing.
    expect(await reopenAction(db, plan.id, action.id, ADVISER)).toBeNull();
    expect(await db.audit.where('recordId').equals(plan.id).count()).toBe(audit.length);
  });
});
