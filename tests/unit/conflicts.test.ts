// Two windows, one record: a form remembers the version it opened, and a save over a change made
// elsewhere since is refused with the stored version, compared field by field, never lost silently.
import { testDatabaseOptions } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reactive } from 'vue';
import { CareersDeskDb } from '@renderer/db/schema';
import { savePupil, savePupilUnlessChanged } from '@renderer/db/pupils';
import { SESSION_DELETED_MESSAGE, deleteSession, saveSession, saveSessionUnlessChanged } from '@renderer/db/sessions';
import { savePlan, savePlanUnlessChanged } from '@renderer/db/action-plans';
import { findDraft, saveDraft } from '@renderer/db/drafts';
import { useCheckedSave } from '@renderer/ui/use-checked-save';
import { useChangedElsewhere } from '@renderer/ui/use-changed-elsewhere';
import { isConflicted, type CheckedSave, type Pupil } from '@shared/model';
import { compareVersions, defaultChoices, differingFields, fieldLabel, valueInWords, withChoices } from '@shared/conflicts';
import { differingFields as mergeDifferingFields } from '@shared/backup';
import { PUPIL_FIELD_LABELS, formFromPupil, type PupilForm } from '@shared/pupils/form';
import type { PlanInput, SessionInput } from '@shared/sessions';
import { pupilInput } from '../support/factories';

const TODAY = '2026-11-24';
const OPENED = new Date('2026-11-24T09:00:00.000Z');
const ELSEWHERE = new Date('2026-11-24T09:05:00.000Z');
const LATER = new Date('2026-11-24T09:10:00.000Z');

describe('comparing two versions of a record (shared/conflicts)', () => {
  const opened = { name: 'Ali', notes: 'Keen', consent: { email: false, phone: false }, subjects: ['Maths'] };

  it('lists the fields that differ, inside groups one by one, lists as a whole', () => {
    const other = { ...opened, consent: { email: true, phone: false }, subjects: ['Maths', 'Art'] };
    expect(differingFields(opened, other, { nested: true })).toEqual(['consent.email', 'subjects']);
    expect(differingFields(opened, other)).toEqual(['consent', 'subjects']);
    expect(differingFields({ id: 'a', name: 'x' }, { id: 'b', name: 'y' }, { ignore: ['id'] })).toEqual(['name']);
  });

  it('keeps backup merging on the same comparison, leaving out bookkeeping', () => {
    expect(
      mergeDifferingFields({ id: 'a', updatedAt: '1', name: 'x', notes: 'n' }, { id: 'a', updatedAt: '2', name: 'y', notes: 'n' }),
    ).toEqual(['name']);
  });

  it("tells which side changed each field, and starts with the adviser's value unless only the other side changed it", () => {
    const elsewhere = { ...opened, notes: 'Keen on engineering' };
    const yours = { ...opened, name: 'Alistair', consent: { email: true, phone: false } };
    const differences = compareVersions({ opened, elsewhere, yours, labels: { name: 'First name', consent: 'Consent' } });
    expect(differences.map((d) => [d.field, d.label, d.changedElsewhere, d.changedHere])).toEqual([
      ['name', 'First name', false, true],
      ['notes', 'Notes', true, false],
      ['consent.email', 'Consent: email', false, true],
    ]);
    expect(defaultChoices(differences)).toEqual({ name: 'yours', notes: 'elsewhere', 'consent.email': 'yours' });
  });

  it("starts with the adviser's value everywhere when the version opened is not known", () => {
    const differences = compareVersions({ opened: null, elsewhere: { ...opened, notes: 'Other' }, yours: opened, labels: {} });
    expect(defaultChoices(differences)).toEqual({ notes: 'yours' });
  });

  it('builds the record from a choice per field, nested fields included, without changing either version', () => {
    const elsewhere = { ...opened, notes: 'Keen on engineering', consent: { email: true, phone: true } };
    const yours = { ...opened, name: 'Alistair' };
    const merged = withChoices(yours, elsewhere, {
      name: 'yours',
      notes: 'elsewhere',
      'consent.phone': 'elsewhere',
      'consent.email': 'yours',
    });
    expect(merged).toEqual({ name: 'Alistair', notes: 'Keen on engineering', consent: { email: false, phone: true }, subjects: ['Maths'] });
    expect(yours.notes).toBe('Keen');
    expect(yours.consent).toEqual({ email: false, phone: false });
  });

  it("takes the adviser's version as the live form holds it", () => {
    const live = reactive({ ...opened, name: 'Alistair' });
    expect(withChoices(live, { ...opened, notes: 'Other' }, { notes: 'elsewhere' })).toEqual({
      ...opened,
      name: 'Alistair',
      notes: 'Other',
    });
  });

  it('names fields and values in words', () => {
    expect(fieldLabel('consent.contactByEmail', PUPIL_FIELD_LABELS)).toBe('Consent: contact by email');
    expect(fieldLabel('characteristics.youngCarer', PUPIL_FIELD_LABELS)).toBe('Characteristics: young carer');
    expect(fieldLabel('agreedWithYoungPerson', {})).toBe('Agreed with young person');
    expect([valueInWords(''), valueInWords(null), valueInWords(true), valueInWords([]), valueInWords(['a', 'b'])]).toEqual([
      'Not recorded',
      'Not recorded',
      'Yes',
      'None',
      'a; b',
    ]);
    expect(valueInWords([{ id: 'x', what: 'Visit the college', byWhen: '2026-12-01' }])).toBe('Visit the college, 2026-12-01');
  });
});

describe('saves checked against the version the form opened (renderer/src/db)', () => {
  let db: CareersDeskDb;
  beforeEach(async () => {
    db = new CareersDeskDb(`careers-desk-conflicts-${crypto.randomUUID()}`, testDatabaseOptions());
    await db.open();
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  function storedOf<T>(result: CheckedSave<T>): T {
    if (!isConflicted(result)) throw new Error('expected a conflict');
    return result.conflict.stored;
  }

  it('refuses a stale save of a young person with the stored record, writes nothing, and saves against the newer version', async () => {
    const opened = await savePupil(db, pupilInput({ phone: '01843 000001' }), null, OPENED);
    const { id: _i, createdAt: _c, updatedAt: _u, searchWords: _s, ...fields } = opened;
    const elsewhere = await savePupil(db, { ...fields, id: opened.id, email: 'new@example.org' }, null, ELSEWHERE);
    const auditBefore = await db.audit.count();

    const stale = await savePupilUnlessChanged(db, { ...fields, id: opened.id, phone: '01843 999999' }, opened.updatedAt, null, LATER);
    expect(storedOf(stale)).toEqual(elsewhere);
    expect(await db.pupils.get(opened.id)).toEqual(elsewhere);
    expect(await db.audit.count()).toBe(auditBefore);

    const resolved = await savePupilUnlessChanged(
      db,
      { ...fields, id: opened.id, phone: '01843 999999', email: 'new@example.org' },
      elsewhere.updatedAt,
      null,
      LATER,
    );
    expect(resolved.ok).toBe(true);
    expect(await db.pupils.get(opened.id)).toMatchObject({ phone: '01843 999999', email: 'new@example.org' });
  });

  it('saves a new young person with no version to check', async () => {
    const result = await savePupilUnlessChanged(db, pupilInput(), null, null, OPENED);
    expect(result.ok).toBe(true);
  });

  function sessionInput(pupilId: string, overrides: Partial<SessionInput> = {}): SessionInput {
    return {
      pupilId,
      adviserId: null,
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
      agreed: '',
      ...overrides,
    };
  }

  it('refuses a stale save of a guidance session, keeping its draft, and accepts it against the newer version', async () => {
    const pupil = await savePupil(db, pupilInput(), null, OPENED);
    const opened = await saveSession(db, sessionInput(pupil.id), null, { now: OPENED });
    const elsewhere = await saveSession(db, sessionInput(pupil.id, { id: opened.id, location: 'Library' }), null, { now: ELSEWHERE });
    const draft = { id: crypto.randomUUID(), kind: 'guidance-session' as const, pupilId: pupil.id, recordId: opened.id };
    await saveDraft(db, { ...draft, data: { notes: 'Typed' }, openedVersion: opened.updatedAt, updatedAt: LATER.toISOString() });

    const mine = sessionInput(pupil.id, { id: opened.id, notes: 'Wants a Level 3 course.' });
    const stale = await saveSessionUnlessChanged(db, mine, opened.updatedAt, null, { draftId: draft.id, now: LATER });
    expect(storedOf(stale)).toEqual(elsewhere);
    expect(await db.sessions.get(opened.id)).toEqual(elsewhere);
    expect((await findDraft(db, draft))?.openedVersion).toBe(opened.updatedAt);

    const resolved = await saveSessionUnlessChanged(db, { ...mine, location: 'Library' }, elsewhere.updatedAt, null, {
      draftId: draft.id,
      now: LATER,
    });
    expect(resolved.ok).toBe(true);
    expect(await db.sessions.get(opened.id)).toMatchObject({ location: 'Library', notes: 'Wants a Level 3 course.' });
    expect(await findDraft(db, draft)).toBeUndefined();
  });

  it('does not bring back a session deleted in another window since the form opened it', async () => {
    const pupil = await savePupil(db, pupilInput(), null, OPENED);
    const opened = await saveSession(db, sessionInput(pupil.id), null, { now: OPENED });
    await deleteSession(db, opened.id, null, ELSEWHERE);
    await expect(
      saveSessionUnlessChanged(db, sessionInput(pupil.id, { id: opened.id }), opened.updatedAt, null, { now: LATER }),
    ).rejects.toThrow(SESSION_DELETED_MESSAGE);
    expect(await db.sessions.get(opened.id)).toBeUndefined();
  });

  it('refuses a stale save of an action plan and accepts it against the newer version', async () => {
    const pupil = await savePupil(db, pupilInput(), null, OPENED);
    const input: PlanInput = {
      pupilId: pupil.id,
      sessionId: null,
      adviserId: null,
      situation: 'Year 11',
      strengths: 'Practical',
      barriers: 'Bus times',
      goals: [],
      actions: [],
      backupPlan: '',
      resources: '',
      discussed: [],
      reviewOn: null,
      agreedWithYoungPerson: false,
      agreedOn: null,
    };
    const opened = await savePlan(db, input, null, { now: OPENED });
    const elsewhere = await savePlan(db, { ...input, id: opened.id, barriers: 'Confidence' }, null, { now: ELSEWHERE });

    const stale = await savePlanUnlessChanged(db, { ...input, id: opened.id, strengths: 'Kind' }, opened.updatedAt, null, { now: LATER });
    expect(storedOf(stale)).toEqual(elsewhere);
    expect(await db.actionPlans.get(opened.id)).toEqual(elsewhere);

    const resolved = await savePlanUnlessChanged(
      db,
      { ...input, id: opened.id, strengths: 'Kind', barriers: 'Confidence' },
      elsewhere.updatedAt,
      null,
      {
        now: LATER,
      },
    );
    expect(resolved.ok).toBe(true);
    expect(await db.actionPlans.get(opened.id)).toMatchObject({ strengths: 'Kind', barriers: 'Confidence' });
  });
});

describe('a form that finds its record changed elsewhere (renderer/src/ui)', () => {
  const pupil = (overrides: Partial<Pupil>): Pupil => ({
    ...(pupilInput() as Pupil),
    id: 'p',
    createdAt: '',
    updatedAt: '',
    searchWords: [],
    ...overrides,
  });

  it('hands the stored version to the form instead of showing a problem, after the write has finished', async () => {
    const form = useCheckedSave('The record');
    let savingSeen: boolean | null = null;
    let stored: string | null = null;
    await form.save(
      async () => ({ ok: false, conflict: { stored: 'newer' } }),
      () => {
        throw new Error('nothing was saved');
      },
      (newer) => {
        savingSeen = form.saving.value;
        stored = newer;
      },
    );
    expect(stored).toBe('newer');
    expect(savingSeen).toBe(false);
    expect(form.problems.value).toEqual([]);
  });

  it('compares with the version opened, then counts the newer one as opened once the adviser has chosen', () => {
    const changed = useChangedElsewhere<PupilForm, Pupil>({ formOf: (p) => formFromPupil(p, TODAY), labels: () => PUPIL_FIELD_LABELS });
    const opened = pupil({ updatedAt: '2026-11-24T09:00:00.000Z', phone: '01843 000001' });
    changed.open(opened);
    const yours = { ...formFromPupil(opened, TODAY), phone: '01843 999999' };
    const stored = pupil({ updatedAt: '2026-11-24T09:05:00.000Z', phone: '01843 000001', email: 'new@example.org' });

    expect(changed.found(stored, yours)).toBe(true);
    expect(changed.pending.value?.differences.map((d) => d.label)).toEqual(['Email', 'Phone']);
    expect(changed.pending.value?.choices).toEqual({ email: 'elsewhere', phone: 'yours' });
    const merged = changed.resolve(yours, { email: 'elsewhere', phone: 'yours' });
    expect([merged.email, merged.phone]).toEqual(['new@example.org', '01843 999999']);
    expect(changed.version.value).toBe(stored.updatedAt);
    expect(changed.pending.value).toBeNull();
  });

  it('saves again at once when the newer version differs in nothing the form shows', () => {
    const changed = useChangedElsewhere<PupilForm, Pupil>({ formOf: (p) => formFromPupil(p, TODAY), labels: () => PUPIL_FIELD_LABELS });
    const opened = pupil({ updatedAt: '2026-11-24T09:00:00.000Z' });
    changed.open(opened);
    const stored = { ...opened, updatedAt: '2026-11-24T09:05:00.000Z', lastGuidanceOn: '2026-11-24' };
    expect(changed.found(stored, formFromPupil(opened, TODAY))).toBe(false);
    expect(changed.version.value).toBe(stored.updatedAt);
  });

  it('checks a draft restored from an older version against that version', () => {
    const changed = useChangedElsewhere<PupilForm, Pupil>({ formOf: (p) => formFromPupil(p, TODAY), labels: () => PUPIL_FIELD_LABELS });
    changed.open(pupil({ updatedAt: '2026-11-24T09:05:00.000Z' }));
    changed.restoredFrom('2026-11-24T09:00:00.000Z');
    expect(changed.version.value).toBe('2026-11-24T09:00:00.000Z');
    changed.restoredFrom(undefined);
    expect(changed.version.value).toBe('2026-11-24T09:00:00.000Z');
  });
});
