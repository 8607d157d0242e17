// The destinations history's core: entries checked against the young person (dates, codes for their age,
// consent to tracking), written with the young person's current codes in one transaction, erased with them.
import { testDatabaseOptions, auditEntriesOf } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CareersDeskDb } from '@renderer/db/schema';
import { destinationsOf, removeDestinationEntry, restoreDestinationEntry, saveDestinationEntry } from '@renderer/db/destinations';
import { erasePupil, everythingHeldAbout } from '@renderer/db/pupils';
import { idSchema, type Pupil } from '@shared/model';
import { derivedId } from '@shared/model/upgrades';
import {
  currentDestinationCodes,
  destinationEntryProblems,
  trackingConsentProblem,
  type DestinationEntryInput,
} from '@shared/destinations';
import { createRandom } from '@shared/random';
import { createFactories } from '../support/factories';

const today = '2027-11-20';
const now = new Date('2027-11-20T10:00:00.000Z');
const make = createFactories({ ids: createRandom(61), stamp: '2027-01-10T09:00:00.000Z' });

// Born 5 October 2011: 16 on 5 October 2027, in Year 12 from September 2027.
const leaver = make.pupil({ dateOfBirth: '2011-10-05' });

function intended(fields: Partial<DestinationEntryInput> = {}): DestinationEntryInput {
  return {
    kind: 'intended',
    pupilId: leaver.id,
    recordedOn: '2027-03-01',
    source: 'young-person',
    code: '230',
    providerId: null,
    employerId: null,
    routeId: null,
    placeName: '',
    sessionId: null,
    notes: '',
    ...fields,
  } as DestinationEntryInput;
}

function activity(fields: Partial<DestinationEntryInput> = {}): DestinationEntryInput {
  return {
    ...intended(),
    kind: 'activity',
    recordedOn: '2027-10-01',
    code: '230',
    startOn: '2027-09-06',
    reviewOn: null,
    ...fields,
  } as DestinationEntryInput;
}

describe('the rules for an entry', () => {
  it('refuses a date before the date of birth or in the future, beside the field', () => {
    expect(destinationEntryProblems(intended({ recordedOn: '2011-01-01' }), leaver, today)).toEqual([
      { field: 'recordedOn', message: 'The date cannot be before their date of birth (05/10/2011)' },
    ]);
    expect(destinationEntryProblems(intended({ recordedOn: '2027-11-21' }), leaver, today)[0]?.message).toBe(
      'The date cannot be in the future',
    );
  });

  it('refuses a pre-16 code for someone of 16 or more on the day, but not for a 15-year-old', () => {
    expect(destinationEntryProblems(activity({ code: '110', recordedOn: '2027-10-06' }), leaver, today)[0]).toEqual({
      field: 'code',
      message: '110 On a school roll is a pre-16 code, and they were 16 on 06/10/2027: choose a post-16 code',
    });
    expect(destinationEntryProblems(activity({ code: '110', recordedOn: '2027-10-04', startOn: null }), leaver, today)).toEqual([]);
  });

  it('asks who made an offer, unless there is none yet', () => {
    const offer = {
      ...intended(),
      kind: 'guarantee-offer',
      guaranteeYear: 2027,
      status: 'offered',
      offeredBy: '',
      offeredOn: null,
      code: null,
    };
    expect(destinationEntryProblems(offer as DestinationEntryInput, leaver, today)).toEqual([
      { field: 'offeredBy', message: 'Enter who made the offer' },
    ]);
    expect(destinationEntryProblems({ ...offer, status: 'none-yet' } as DestinationEntryInput, leaver, today)).toEqual([]);
  });

  it('does not follow up a young person whose consent to tracking was withheld', () => {
    const withheld: Pupil = {
      ...leaver,
      consent: { ...leaver.consent, tracking: { status: 'withheld', by: 'young-person', recordedOn: '2027-10-10' } },
    };
    expect(destinationEntryProblems(activity(), withheld, today)).toEqual([
      { field: 'kind', message: 'Consent to post-16 tracking was withheld on 10/10/2027, so their activity is not followed up' },
    ]);
    // What they intend is still guidance, not tracking.
    expect(destinationEntryProblems(intended(), withheld, today)).toEqual([]);
  });

  it('lets a parent withhold consent only while the young person is under 16', () => {
    expect(trackingConsentProblem({ status: 'withheld', by: 'parent', recordedOn: '2027-10-04' }, leaver.dateOfBirth, today)).toBeNull();
    expect(trackingConsentProblem({ status: 'withheld', by: 'parent', recordedOn: '2027-10-05' }, leaver.dateOfBirth, today)).toBe(
      'They were 16 on 05/10/2027: from 16 the young person decides, so a parent or carer cannot withhold it for them',
    );
    expect(trackingConsentProblem({ status: 'agreed', by: 'young-person', recordedOn: null }, leaver.dateOfBirth, today)).toBe(
      'Enter the date consent was given or withheld',
    );
  });
});

describe('the current codes', () => {
  it('are the latest intended destination and the latest activity, by date and then by when written', () => {
    const stamp = (n: number) => `2027-11-0${n}T09:00:00.000Z`;
    const entry = (input: DestinationEntryInput, n: number) => ({
      ...input,
      id: crypto.randomUUID(),
      createdAt: stamp(n),
      updatedAt: stamp(n),
      isDemo: false,
    });
    const codes = currentDestinationCodes([
      entry(intended({ code: '310', recordedOn: '2027-05-01' }), 1),
      entry(intended({ code: '230', recordedOn: '2027-03-01' }), 2),
      entry(activity({ code: '619', recordedOn: '2027-10-01' }), 3),
      entry(activity({ code: '230', recordedOn: '2027-10-01' }), 4),
    ] as never);
    expect(codes).toEqual({ intendedDestination: '310', actualDestination: '230' });
  });

  it('moved ids are version 4 UUIDs, the same every time, apart for each entry and from the young person', () => {
    const id = crypto.randomUUID();
    expect(derivedId(id, 1)).toBe(derivedId(id, 1));
    expect(new Set([id, derivedId(id, 1), derivedId(id, 2)]).size).toBe(3);
    expect(idSchema.safeParse(derivedId(id, 1)).success).toBe(true);
  });
});

describe('the history, stored', () => {
  let db: CareersDeskDb;
  let counter = 0;
  beforeEach(async () => {
    db = new CareersDeskDb(`careers-desk-destinations-${++counter}`, testDatabaseOptions());
    await db.pupils.add(leaver);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it("keeps the young person's current codes with each write, removal and undo", async () => {
    const saved = await saveDestinationEntry(db, intended({ code: '310' }), null, { now, today });
    expect(saved.ok).toBe(true);
    expect((await db.pupils.get(leaver.id))?.intendedDestination).toBe('310');
    await saveDestinationEntry(db, activity(), null, { now, today });
    expect((await db.pupils.get(leaver.id))?.actualDestination).toBe('230');
    expect((await destinationsOf(db, leaver.id)).map((e) => e.kind)).toEqual(['intended', 'activity']);
    const removed = await removeDestinationEntry(db, saved.ok ? saved.value.id : '', null, now);
    expect((await db.pupils.get(leaver.id))?.intendedDestination).toBeNull();
    await restoreDestinationEntry(db, removed!, null, now);
    expect((await db.pupils.get(leaver.id))?.intendedDestination).toBe('310');
    expect((await auditEntriesOf(db, 'destination', 'create')).length).toBe(3);
  });

  it('writes nothing when the rules refuse the entry', async () => {
    const refused = await saveDestinationEntry(db, intended({ recordedOn: '2030-01-01' }), null, { now, today });
    expect(refused).toEqual({ ok: false, problems: [{ field: 'recordedOn', message: 'The date cannot be in the future' }] });
    expect(await db.destinations.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('is in a subject access export, and erasure removes it', async () => {
    await saveDestinationEntry(db, intended(), null, { now, today });
    expect(((await everythingHeldAbout(db, leaver.id, now)).destinationsHistory as unknown[]).length).toBe(1);
    await erasePupil(db, leaver.id, null, now);
    expect(await db.destinations.count()).toBe(0);
  });
});
