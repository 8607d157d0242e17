// The council's pupil-level files: the destinations file holds only young people who agreed, in one
// local authority, in NCCIS's columns; the risk-of-NEET list holds medium and high risk with reasons; both go
// only to the council's recipient with a current data-sharing agreement; the council's view is kept as a note.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { testDatabaseOptions } from './test-database';
import { CareersDeskDb } from '@renderer/db/schema';
import { addRiskListNote } from '@renderer/db/council-files';
import { byWrittenOrder } from '@renderer/db/audit';
import { getSetting, removeReturnRecipient, setSetting } from '@renderer/db/settings';
import { buildUpn } from '@shared/identifiers';
import { destinationEntrySchema, MOST_RETURN_RECIPIENTS, type DestinationEntry } from '@shared/model';
import {
  buildDestinationsFile,
  buildRiskList,
  checkAgreement,
  checkRecipientName,
  councilFileRefusal,
  recipientAgreementRefusal,
  removeRecipient,
  recipientRemovalInWords,
  councilFileToCsv,
  DESTINATIONS_FILE_COLUMNS,
  nextRiskListDue,
  parseDayMonth,
  riskListNoteProblems,
  type ReturnRecipient,
} from '@shared/returns';
import { createRandom } from '@shared/random';
import { createFactories } from '../support/factories';

const today = '2027-11-20';
const make = createFactories({ ids: createRandom(71), stamp: '2027-01-10T09:00:00.000Z' });
const kentSchool = make.school({ name: 'Margate Harbour School', district: 'thanet', urn: '118000', establishmentNumber: '4001' });
const medwaySchool = make.school({ name: 'Chatham Riverside Academy', district: 'medway', urn: '136000' });
const agreed = { dataSharing: true, tracking: { status: 'agreed', by: 'young-person', recordedOn: '2027-09-10' } } as const;

// Year 12 in 2027/28, Kent by UPN, consented, with a history.
const kentLeaver = make.pupil({
  legalForename: 'Amelia',
  legalSurname: 'Turner',
  dateOfBirth: '2011-03-05',
  upn: buildUpn('886', '4001', '11', '001'),
  schoolId: kentSchool.id,
  consent: agreed,
  characteristics: { ehcp: true },
});
// Year 11, Kent by school, consent not recorded: must never appear.
const kentNotConsented = make.pupil({
  legalForename: 'Zebedee',
  legalSurname: 'Quillfeather',
  dateOfBirth: '2012-03-05',
  upn: buildUpn('886', '4001', '12', '002'),
  schoolId: kentSchool.id,
});
// Year 11, Kent, withheld by the young person.
const kentWithheld = make.pupil({
  legalForename: 'Orla',
  legalSurname: 'Pendleby',
  dateOfBirth: '2012-01-15',
  schoolId: kentSchool.id,
  consent: { tracking: { status: 'withheld', by: 'young-person', recordedOn: '2027-09-10' } },
  characteristics: { attendancePercent: 70, exclusions: 2 },
});
// Year 11, Medway by school, consented.
const medwayPupil = make.pupil({
  legalForename: 'Kai',
  legalSurname: 'Okafor',
  dateOfBirth: '2012-05-01',
  schoolId: medwaySchool.id,
  consent: agreed,
  characteristics: { attendancePercent: 80, exclusions: 1 },
});
// Year 9, Kent: too young for the destinations file; medium risk (EHCP 2 + EAL 1).
const kentYear9 = make.pupil({
  legalForename: 'Isla',
  legalSurname: 'Brook',
  dateOfBirth: '2014-02-01',
  schoolId: kentSchool.id,
  consent: agreed,
  characteristics: { ehcp: true, eal: true },
});

function entry(fields: Record<string, unknown>): DestinationEntry {
  return destinationEntrySchema.parse({
    id: crypto.randomUUID(),
    createdAt: '2027-01-10T09:00:00.000Z',
    updatedAt: '2027-01-10T09:00:00.000Z',
    pupilId: kentLeaver.id,
    source: 'young-person',
    ...fields,
  });
}

const entries = [
  entry({ kind: 'intended', recordedOn: '2027-03-01', code: '220' }),
  entry({ kind: 'intended', recordedOn: '2027-05-01', code: '230' }),
  entry({
    kind: 'guarantee-offer',
    recordedOn: '2027-06-10',
    guaranteeYear: 2027,
    status: 'accepted',
    offeredBy: 'East Kent College',
    offeredOn: '2027-06-01',
    code: '230',
  }),
  entry({ kind: 'activity', recordedOn: '2027-09-20', code: '230', startOn: '2027-09-06', reviewOn: '2028-01-31', source: 'provider' }),
  entry({ kind: 'november-activity', recordedOn: '2027-11-02', surveyYear: 2027, code: '230' }),
  entry({ kind: 'intended', recordedOn: '2027-03-01', code: '310', pupilId: kentNotConsented.id }),
];
const source = {
  pupils: [kentLeaver, kentNotConsented, kentWithheld, medwayPupil, kentYear9],
  schools: [kentSchool, medwaySchool],
  entries,
  weights: {},
};

function parsed(csv: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
}

describe('the destinations file', () => {
  it('holds only young people who agreed, never anything of one who did not', () => {
    const csv = councilFileToCsv(buildDestinationsFile(source, 'kent', today));
    const rows = parsed(csv);
    expect(rows.map((r) => r.UPN)).toEqual([kentLeaver.upn]);
    for (const leak of [
      kentNotConsented.upn,
      'Zebedee',
      'Quillfeather',
      'Pendleby',
      kentNotConsented.dateOfBirth,
      kentWithheld.dateOfBirth,
    ])
      expect(csv).not.toContain(leak);
  });

  it('splits by local authority: Kent 886, Medway 887', () => {
    const kent = buildDestinationsFile(source, 'kent', today);
    const medway = parsed(councilFileToCsv(buildDestinationsFile(source, 'medway', today)));
    expect(kent.rows.map((r) => r[0])).toEqual(['886']);
    expect(medway.map((r) => [r['LA code'], r['Given name'], r['School URN']])).toEqual([['887', 'Kai', '136000']]);
    expect(kent.notes.join(' ')).toContain('2 more in Kent are left out');
  });

  it("fills NCCIS's columns from the history: latest intended, current activity, September Guarantee, 1 November", () => {
    const [row] = parsed(councilFileToCsv(buildDestinationsFile(source, 'kent', today)));
    expect(Object.keys(row ?? {})).toEqual([...DESTINATIONS_FILE_COLUMNS]);
    expect(row).toMatchObject({
      'LA code': '886',
      'Given name': 'Amelia',
      'Family name': 'Turner',
      'Date of birth': '2011-03-05',
      'School URN': '118000',
      'School LAESTAB': '8864001',
      'Year group': '12',
      'Intended destination code': '230',
      'Intended destination date': '2027-05-01',
      'Current activity code': '230',
      'Activity start date': '2027-09-06',
      'Activity review date': '2028-01-31',
      'Activity source': 'The provider or employer',
      'September Guarantee year': '2027',
      'September Guarantee status': 'Accepted',
      'Offer made by': 'East Kent College',
      '1 November activity code': '230',
      SEND: 'Y',
      'EHC plan': 'Y',
      'Looked after': 'N',
    });
  });

  it('guards text a spreadsheet would run as a formula', () => {
    const risky = { ...kentLeaver, legalSurname: '=HYPERLINK("x")' };
    const csv = councilFileToCsv(buildDestinationsFile({ ...source, pupils: [risky] }, 'kent', today));
    expect(csv).toContain(`'=HYPERLINK`);
  });
});

describe('the risk-of-NEET list', () => {
  it('holds young people in Years 8 to 11 at medium or high risk, with reasons, but not those who withheld consent', () => {
    const list = buildRiskList(source, 'kent', today);
    const rows = parsed(councilFileToCsv(list));
    expect(rows.map((r) => [r['Given name'], r['Risk band'], r.Reasons])).toEqual([
      ['Isla', 'Medium', 'Education, health and care plan (2); English as an additional language (1)'],
    ]);
    expect(list.notes.join(' ')).toContain('1 more are left out');
    const medway = buildRiskList(source, 'medway', today);
    expect(medway.entries.map((e) => [e.pupilId, e.band])).toEqual([[medwayPupil.id, 'high']]);
  });
});

describe('data-sharing agreements', () => {
  const recipient: ReturnRecipient = { id: crypto.randomUUID(), name: 'Kent NEET team', key: 'a'.repeat(64), agreement: null };

  it('refuses a file for a recipient with no agreement, an expired one, or none named, saying why', () => {
    expect(councilFileRefusal([recipient], null, today, 'the destinations file')).toContain('no recipient is named');
    expect(councilFileRefusal([recipient], recipient.id, today, 'the destinations file')).toBe(
      'Not exported: no data-sharing agreement is recorded for Kent NEET team. ' +
        'Record it in Settings, under "Council files and data-sharing agreements", before the destinations file can go to them.',
    );
    const expired = { ...recipient, agreement: { reference: 'DSA-1', signedOn: '2025-01-01', reviewOn: '2027-11-19' } };
    expect(councilFileRefusal([expired], recipient.id, today, 'the list')).toContain('expired on 19/11/2027');
    const current = { ...recipient, agreement: { reference: 'DSA-1', signedOn: '2025-01-01', reviewOn: '2027-11-20' } };
    expect(councilFileRefusal([current], recipient.id, today, 'the list')).toBeNull();
  });

  it('refuses a pseudonymised extract for a recipient without an agreement in force, whoever it is for', () => {
    expect(recipientAgreementRefusal(recipient, today, 'the pseudonymised extract')).toBe(
      'Not exported: no data-sharing agreement is recorded for Kent NEET team. ' +
        'Record it in Settings, under "Council files and data-sharing agreements", before the pseudonymised extract can go to them.',
    );
    const future = { ...recipient, agreement: { reference: 'DSA-2', signedOn: '2030-01-01', reviewOn: null } };
    expect(recipientAgreementRefusal(future, today, 'the pseudonymised extract')).toContain('is dated 01/01/2030, after today');
    const current = { ...recipient, agreement: { reference: 'DSA-2', signedOn: '2025-01-01', reviewOn: null } };
    expect(recipientAgreementRefusal(current, today, 'the pseudonymised extract')).toBeNull();
  });

  it('checks an agreement as typed', () => {
    expect(checkAgreement({ reference: '', signedOn: '2028-01-01', reviewOn: '' }, today)).toMatchObject({
      ok: false,
      problems: [{ field: 'reference' }, { field: 'signedOn', message: 'The date signed cannot be in the future' }],
    });
    expect(checkAgreement({ reference: 'R', signedOn: '2027-01-01', reviewOn: '2026-01-01' }, today)).toMatchObject({
      ok: false,
      problems: [{ field: 'reviewOn' }],
    });
    expect(checkAgreement({ reference: 'R', signedOn: '2027-01-01', reviewOn: '' }, today)).toEqual({
      ok: true,
      value: { reference: 'R', signedOn: '2027-01-01', reviewOn: null },
    });
  });

  it('says when the next risk-of-NEET list is due, from the configured days', () => {
    expect(nextRiskListDue(['03-01', '10-01'], '2027-11-20')).toBe('2028-03-01');
    expect(nextRiskListDue(['03-01', '10-01'], '2027-10-01')).toBe('2027-10-01');
    expect(parseDayMonth('1/3')).toBe('03-01');
    expect(parseDayMonth('29/02')).toBeNull();
  });
});

describe('removing a recipient of extracts', () => {
  const neet: ReturnRecipient = { id: crypto.randomUUID(), name: 'Kent NEET team', key: 'b'.repeat(64), agreement: null };
  const partner: ReturnRecipient = {
    id: crypto.randomUUID(),
    name: 'Medway partnership',
    key: 'c'.repeat(64),
    agreement: { reference: 'DSA-9', signedOn: '2026-01-01', reviewOn: null },
  };

  it("takes them, their key and agreement out, and stops them being the council's recipient", () => {
    expect(removeRecipient([neet, partner], neet.id, neet.id)).toEqual({
      removed: neet,
      recipients: [partner],
      councilRecipientId: null,
      wasCouncils: true,
    });
    expect(removeRecipient([neet, partner], neet.id, partner.id)).toEqual({
      removed: partner,
      recipients: [neet],
      councilRecipientId: neet.id,
      wasCouncils: false,
    });
    expect(removeRecipient([neet], null, 'not-a-recipient')).toBeNull();
  });

  it("says so, and that the council's files need another recipient named when it was theirs", () => {
    expect(recipientRemovalInWords(removeRecipient([neet, partner], null, neet.id)!)).toBe('Removed Kent NEET team.');
    expect(recipientRemovalInWords(removeRecipient([neet, partner], partner.id, partner.id)!)).toBe(
      "Removed Medway partnership. They were the council's destinations recipient: name another before the council's files can leave.",
    );
  });

  it('checks a new name: one line, 120 characters at most, no hidden characters, not already listed, room for one more', () => {
    expect(checkRecipientName('  Kent  careers hub ', [neet])).toEqual({ ok: true, value: 'Kent  careers hub' });
    expect(checkRecipientName('   ', [])).toEqual({ ok: false, message: expect.stringContaining('Enter who the extract is for') });
    expect(checkRecipientName('x'.repeat(121), [])).toEqual({ ok: false, message: 'Keep this to 120 characters or fewer' });
    expect(checkRecipientName('x'.repeat(120), [])).toEqual({ ok: true, value: 'x'.repeat(120) });
    expect(checkRecipientName('Kent\u0007 NEET', [])).toEqual({
      ok: false,
      message: 'Remove a hidden control character (U+0007) at character 5',
    });
    expect(checkRecipientName('kent neet TEAM', [neet])).toEqual({
      ok: false,
      message: 'There is already a recipient called Kent NEET team',
    });
    const full = Array.from({ length: MOST_RETURN_RECIPIENTS }, (_, i) => ({ ...neet, id: crypto.randomUUID(), name: `Partner ${i}` }));
    expect(checkRecipientName('One more', full)).toEqual({ ok: false, message: 'There can be at most 50 recipients: remove one first' });
    expect(checkRecipientName('One more', full.slice(1))).toEqual({ ok: true, value: 'One more' });
  });

  describe('in the database', () => {
    let db: CareersDeskDb;
    beforeEach(async () => {
      db = new CareersDeskDb(`recipients-${crypto.randomUUID()}`, testDatabaseOptions());
      await setSetting(db, 'returnRecipients', [neet, partner], null);
      await setSetting(db, 'councilRecipientId', partner.id, null);
      await db.audit.clear();
    });
    afterEach(async () => db.delete());

    it('removes them in one change with audit entries saying who and that the council has none named', async () => {
      const adviserId = crypto.randomUUID();
      const removal = await removeReturnRecipient(db, partner.id, adviserId);
      expect(removal?.wasCouncils).toBe(true);
      expect(await getSetting(db, 'returnRecipients')).toEqual([neet]);
      expect(await getSetting(db, 'councilRecipientId')).toBeNull();
      const audit = byWrittenOrder(await db.audit.toArray()).map((a) => [a.adviserId, a.recordId, a.summary]);
      expect(audit).toEqual([
        [adviserId, 'returnRecipients', 'Removed Medway partnership as a recipient of extracts, with their key'],
        [adviserId, 'councilRecipientId', "Medway partnership is no longer the council's destinations recipient (removed)"],
      ]);
    });

    it('removes one whose name was stored with a control character before names were checked, the audit entry without it', async () => {
      const old: ReturnRecipient = { ...neet, id: crypto.randomUUID(), name: 'Old\u0007 partner' };
      await setSetting(db, 'returnRecipients', [neet, partner, old], null);
      await db.audit.clear();
      expect((await removeReturnRecipient(db, old.id, null))?.removed.name).toBe('Old\u0007 partner');
      expect(await getSetting(db, 'returnRecipients')).toEqual([neet, partner]);
      expect((await db.audit.toArray()).map((a) => a.summary)).toEqual(['Removed Old partner as a recipient of extracts, with their key']);
    });

    it("leaves the council's recipient alone when another is removed, and changes nothing for an id not there", async () => {
      await removeReturnRecipient(db, neet.id, null);
      expect(await getSetting(db, 'returnRecipients')).toEqual([partner]);
      expect(await getSetting(db, 'councilRecipientId')).toBe(partner.id);
      expect(await db.audit.count()).toBe(1);
      expect(await removeReturnRecipient(db, neet.id, null)).toBeNull();
      expect(await getSetting(db, 'returnRecipients')).toEqual([partner]);
      expect(await db.audit.count()).toBe(1);
    });
  });
});

describe("the council's view on the risk-of-NEET list", () => {
  let db: CareersDeskDb;
  beforeEach(async () => {
    db = new CareersDeskDb(`council-${crypto.randomUUID()}`, testDatabaseOptions());
    await db.pupils.put(kentYear9);
  });
  afterEach(async () => db.delete());

  it('is validated: not in the future, not empty, not too long', () => {
    const note = { recordedOn: '2027-11-21', from: '', councilBand: null, text: '' };
    expect(riskListNoteProblems(note, today).map((p) => p.field)).toEqual(['recordedOn', 'text']);
    expect(riskListNoteProblems({ ...note, recordedOn: today, text: 'x'.repeat(1001) }, today)[0]?.message).toContain('1000');
  });

  it('is kept as a dated note on the young person with an audit entry', async () => {
    const input = {
      recordedOn: '2027-11-18',
      from: 'Kent NEET team',
      councilBand: 'low' as const,
      text: 'Known to early help; doing well.',
    };
    const result = await addRiskListNote(db, kentYear9.id, input, null, { now: new Date('2027-11-20T10:00:00Z'), today });
    expect(result.ok).toBe(true);
    expect((await db.pupils.get(kentYear9.id))?.riskListNotes).toEqual([input]);
    const audit = await db.audit.toArray();
    expect(audit.map((a) => [a.entity, a.pupilId, a.summary])).toEqual([
      ['pupil', kentYear9.id, "Recorded the council's view on the risk-of-NEET list"],
    ]);
    const refused = await addRiskListNote(db, kentYear9.id, { ...input, recordedOn: '2027-12-01' }, null, {
      now: new Date('2027-11-20T10:00:00Z'),
      today,
    });
    expect(refused.ok).toBe(false);
    expect((await db.pupils.get(kentYear9.id))?.riskListNotes).toHaveLength(1);
  });
});
