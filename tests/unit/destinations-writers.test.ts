// The old writers of a young person's intended destination now write their destinations history: a guidance
// session's code becomes an entry (once, not again for the same code), its edit moves it, its deletion takes
// it away; and the form and words of the history's page.
import { testDatabaseOptions } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CareersDeskDb } from '@renderer/db/schema';
import { savePupil } from '@renderer/db/pupils';
import { deleteSession, saveSession } from '@renderer/db/sessions';
import { destinationsOf } from '@renderer/db/destinations';
import type { DestinationEntry, Pupil } from '@shared/model';
import { checkSessionForm, emptySessionForm, type SessionInput } from '@shared/sessions';
import {
  destinationEntryInWords,
  destinationFormOf,
  destinationInputFromForm,
  emptyDestinationForm,
  likelyGuaranteeYear,
  likelySurveyYear,
  sessionDestinationChange,
} from '@shared/destinations';
import { pupilInput } from '../support/factories';

const ADVISER = '00000000-0000-4000-8000-00000000000a';
const now = new Date('2026-11-24T10:00:00.000Z');

let db: CareersDeskDb;
let counter = 0;

beforeEach(async () => {
  counter += 1;
  db = new CareersDeskDb(`careers-desk-destination-writers-${counter}`, testDatabaseOptions());
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

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
    topics: [],
    notes: '',
    benchmarks: [8],
    encounters: [],
    intendedDestination: null,
    agreed: '',
    ...overrides,
  };
}

async function addPupil(): Promise<Pupil> {
  return savePupil(db, pupilInput({}), null);
}

describe("a guidance session's intended destination in the history", () => {
  it('adds one entry for a new code, dated the session, from the young person, and none for the same code again', async () => {
    const pupil = await addPupil();
    const first = await saveSession(db, sessionInput(pupil.id, { date: '2026-10-01', intendedDestination: '230' }), ADVISER, { now });
    expect(await destinationsOf(db, pupil.id)).toEqual([
      expect.objectContaining({ kind: 'intended', code: '230', recordedOn: '2026-10-01', source: 'young-person', sessionId: first.id }),
    ]);
    expect((await db.pupils.get(pupil.id))!.intendedDestination).toBe('230');

    await saveSession(db, sessionInput(pupil.id, { date: '2026-11-20', intendedDestination: '230' }), ADVISER, { now });
    expect(await db.destinations.count()).toBe(1);

    const changed = await saveSession(db, sessionInput(pupil.id, { date: '2026-11-22', intendedDestination: '310' }), ADVISER, { now });
    expect((await destinationsOf(db, pupil.id)).map((e) => [e.code, e.sessionId])).toEqual([
      ['230', first.id],
      ['310', changed.id],
    ]);
    expect((await db.pupils.get(pupil.id))!.intendedDestination).toBe('310');
  });

  it('moves its own entry when the session is edited, and drops it when the code is cleared or the session deleted', async () => {
    const pupil = await addPupil();
    const session = await saveSession(db, sessionInput(pupil.id, { intendedDestination: '230' }), ADVISER, { now });
    const [entry] = await destinationsOf(db, pupil.id);

    await saveSession(db, { ...sessionInput(pupil.id, { date: '2026-11-18', intendedDestination: '310' }), id: session.id }, ADVISER, {
      now,
    });
    const edited = await destinationsOf(db, pupil.id);
    expect(edited.map((e) => [e.id, e.code, e.recordedOn])).toEqual([[entry!.id, '310', '2026-11-18']]);

    await saveSession(db, { ...sessionInput(pupil.id, { date: '2026-11-18' }), id: session.id }, ADVISER, { now });
    expect(await db.destinations.count()).toBe(0);
    expect((await db.pupils.get(pupil.id))!.intendedDestination).toBeNull();

    await saveSession(db, { ...sessionInput(pupil.id, { intendedDestination: '410' }), id: session.id }, ADVISER, { now });
    expect((await db.pupils.get(pupil.id))!.intendedDestination).toBe('410');
    await deleteSession(db, session.id, ADVISER, now);
    expect(await db.destinations.count()).toBe(0);
    expect((await db.pupils.get(pupil.id))!.intendedDestination).toBeNull();
    const audit = (await db.audit.where('pupilId').equals(pupil.id).toArray()).filter((a) => a.entity === 'destination');
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'create', 'delete', 'delete', 'update']);
  });

  it('leaves an entry of another session or the adviser alone, and does not bring back one removed', () => {
    const entry = (fields: Partial<DestinationEntry>): DestinationEntry =>
      ({
        id: crypto.randomUUID(),
        kind: 'intended',
        pupilId: 'p',
        recordedOn: '2026-10-01',
        source: 'school',
        code: '230',
        providerId: null,
        employerId: null,
        routeId: null,
        placeName: '',
        sessionId: null,
        notes: '',
        createdAt: '2026-10-01T09:00:00.000Z',
        updatedAt: '2026-10-01T09:00:00.000Z',
        ...fields,
      }) as DestinationEntry;
    const session = { id: 's', pupilId: 'p', date: '2026-11-20', intendedDestination: '230' as const };
    // The history already said 230 by the session's day: nothing to add.
    expect(sessionDestinationChange(session, [entry({})])).toEqual({ save: null, remove: [] });
    // Said later than the session: the session's word was new on its day.
    expect(sessionDestinationChange(session, [entry({ recordedOn: '2026-11-21' })]).save).toMatchObject({ code: '230', sessionId: 's' });
    const own = entry({ sessionId: 's', code: '310', recordedOn: '2026-11-20', notes: 'Added by hand since' });
    const change = sessionDestinationChange({ ...session, intendedDestination: '410' }, [own]);
    expect(change.save).toMatchObject({ id: own.id, code: '410', notes: 'Added by hand since' });
  });

  it('refuses a pre-16 code as the intended destination, beside the field of the session form', () => {
    const form = {
      ...emptySessionForm({ today: '2026-11-24', time: '10:00', adviserId: null, kind: 'personal-guidance' }),
      intendedDestination: '110' as const,
    };
    const checked = checkSessionForm(form, { pupilId: crypto.randomUUID(), today: '2026-11-24' });
    expect(checked.ok).toBe(false);
    if (!checked.ok)
      expect(checked.problems).toContainEqual({
        field: 'intendedDestination',
        message: '110 On a school roll is where a young person is before 16, not a destination: choose where they intend to go',
      });
  });
});

describe("the young person's own record", () => {
  it('keeps the codes of the history when the record is edited, whatever the form held', async () => {
    const pupil = await addPupil();
    await saveSession(db, sessionInput(pupil.id, { intendedDestination: '230' }), ADVISER, { now });
    const { id, createdAt: _c, updatedAt: _u, searchWords: _s, ...rest } = pupil;
    await savePupil(db, { ...rest, id, intendedDestination: '619', actualDestination: '320', aspirations: 'Plumbing' }, ADVISER, now);
    expect(await db.pupils.get(pupil.id)).toMatchObject({ aspirations: 'Plumbing', intendedDestination: '230', actualDestination: null });
  });
});

describe("the history's form and words", () => {
  it('guesses the September and the 1 November from the day', () => {
    expect(likelyGuaranteeYear('2027-06-10')).toBe(2027);
    expect(likelyGuaranteeYear('2027-09-30')).toBe(2027);
    expect(likelyGuaranteeYear('2027-10-01')).toBe(2028);
    expect(likelySurveyYear('2027-10-31')).toBe(2026);
    expect(likelySurveyYear('2027-11-01')).toBe(2027);
  });

  it("turns a form into the kind's entry, a year that is not one beside its field, and back again", () => {
    const form = { ...emptyDestinationForm('guarantee-offer', '2027-06-10'), guaranteeYear: '27', offeredBy: 'EKC Group' };
    expect(destinationInputFromForm(form, 'p')).toEqual({
      ok: false,
      problems: [{ field: 'guaranteeYear', message: 'Enter the year of the September as four figures, for example 2027' }],
    });
    const checked = destinationInputFromForm({ ...form, guaranteeYear: '2027', code: '230', offeredOn: '2027-06-01' }, 'p');
    expect(checked).toMatchObject({
      ok: true,
      value: { kind: 'guarantee-offer', guaranteeYear: 2027, status: 'offered', offeredBy: 'EKC Group', offeredOn: '2027-06-01' },
    });
    expect(checked.ok && 'startOn' in checked.value).toBe(false);
    const stored = { ...(checked.ok ? checked.value : {}), id: 'e', createdAt: '', updatedAt: '', isDemo: false } as DestinationEntry;
    expect(destinationFormOf(stored, '2027-06-10')).toMatchObject({ id: 'e', guaranteeYear: '2027', offeredOn: '2027-06-01' });
  });

  it('says each kind in words, with where, who said so and the outcome', () => {
    const offer = {
      id: 'e',
      kind: 'guarantee-offer',
      pupilId: 'p',
      recordedOn: '2027-06-10',
      source: 'provider',
      code: '230',
      guaranteeYear: 2027,
      status: 'accepted',
      offeredBy: 'EKC Group',
      offeredOn: '2027-06-01',
      providerId: 'pr',
      employerId: null,
      routeId: 'r',
      placeName: '',
      sessionId: null,
      notes: '',
      createdAt: '',
      updatedAt: '',
    } as DestinationEntry;
    const names = { providers: new Map([['pr', 'EKC Group']]), employers: new Map(), routes: new Map([['r', 'Level 3 Engineering']]) };
    expect(destinationEntryInWords(offer, names)).toEqual({
      kind: 'September Guarantee offer for September 2027',
      destination: '230 Further education',
      details: 'Accepted by EKC Group on 01/06/2027',
      where: 'Level 3 Engineering, EKC Group',
      source: 'The provider or employer',
    });
    const check = { ...offer, kind: 'sustained-check', yearsAfter: 2, sustained: false } as unknown as DestinationEntry;
    expect(destinationEntryInWords(check)).toMatchObject({
      kind: 'Destination check, 2 years after Year 11',
      details: 'Not sustained',
      where: 'A route no longer recorded, A provider no longer recorded',
    });
  });
});
