import { testDatabaseOptions } from './test-database';
import { readFileSync } from 'node:fs';
import { yearGroupOf } from '@shared/academic-year';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  PUPIL_DUPLICATE_OPTIONS,
  PUPIL_IMPORT_FIELDS,
  checkPupilRows,
  checkRowAsUpdate,
  decodeCsvBytes,
  findDuplicates,
  mappingProblems,
  parseCsv,
  yearGroupDifferenceNote,
  planPupilImport,
  readFlag,
  readGender,
  readPercent,
  readSenStatus,
  readUkDate,
  readYearGroup,
  suggestMapping,
  unmappedHeadings,
  type CheckedPupilRow,
  type ParsedCsv,
  type PupilImportContext,
  type PupilMapping,
  type RowChoice,
} from '@shared/import';
import { csvDocument } from '@shared/csv';
import { pupilInput } from '../support/factories';
import type { School } from '@shared/model';
import { CareersDeskDb } from '@renderer/db/schema';
import { findStoredMatches, importPupils } from '@renderer/db/import';
import { savePupil, type PupilInput } from '@renderer/db/pupils';
import { digestTables } from '../fixtures/db-digest';

const TODAY = '2026-11-24';
const school: School = pupilSchoolFixture();
const context: PupilImportContext = { today: TODAY, schools: [school], defaultSchoolId: school.id };

function pupilSchoolFixture(): School {
  return {
    id: '0a7f6c2e-5b1d-4c3e-9f00-000000000001',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    isDemo: false,
    name: 'Margate Coastal Academy',
    urn: '118000',
    district: 'thanet',
    phase: 'secondary-with-sixth-form',
    establishmentNumber: '4000',
  };
}

function messyFile(): ParsedCsv {
  const bytes = new Uint8Array(readFileSync(resolve(import.meta.dirname, '../fixtures/mis-pupils-messy.csv')));
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) throw new Error('fixture did not decode');
  const parsed = parseCsv(decoded.text);
  if (!parsed.ok) throw new Error('fixture did not parse');
  return parsed.value;
}

function byRow(rows: CheckedPupilRow[], row: number): CheckedPupilRow {
  const found = rows.find((r) => r.row === row);
  if (!found) throw new Error(`no row ${row}`);
  return found;
}

describe('reading values the way MIS exports write them', () => {
  it('reads UK dates, and refuses impossible dates and two-digit years with a message', () => {
    expect(readUkDate('04/03/2011')).toEqual({ ok: true, value: '2011-03-04' });
    expect(readUkDate(' 4/3/2011 ')).toEqual({ ok: true, value: '2011-03-04' });
    expect(readUkDate('04-03-2011 00:00:00')).toEqual({ ok: true, value: '2011-03-04' });
    expect(readUkDate('2011-03-04')).toEqual({ ok: true, value: '2011-03-04' });
    expect(readUkDate('31/02/2011')).toMatchObject({ ok: false, message: expect.stringContaining('not a real date') });
    expect(readUkDate('05/06/12')).toMatchObject({ ok: false, message: expect.stringContaining('two-digit year') });
    expect(readUkDate('March 2011')).toMatchObject({ ok: false });
  });

  it('reads yes/no flags written as Y, Yes, True, 1 or blank', () => {
    for (const yes of ['Y', 'yes', 'TRUE', '1', 'T']) expect(readFlag(yes)).toEqual({ ok: true, value: true });
    for (const no of ['N', 'No', 'false', '0', '', '  ']) expect(readFlag(no)).toEqual({ ok: true, value: false });
    expect(readFlag('maybe')).toMatchObject({ ok: false, message: '"maybe" is not yes or no: use Y or N' });
  });

  it('reads SEN status codes: K is SEN support, E an EHC plan, old codes as their successors', () => {
    expect(readSenStatus('K')).toEqual({ ok: true, value: { senSupport: true, ehcp: false } });
    expect(readSenStatus('E')).toEqual({ ok: true, value: { senSupport: false, ehcp: true } });
    expect(readSenStatus('S')).toEqual({ ok: true, value: { senSupport: false, ehcp: true } });
    expect(readSenStatus('N')).toEqual({ ok: true, value: { senSupport: false, ehcp: false } });
    expect(readSenStatus('Q')).toMatchObject({ ok: false });
  });

  it('reads genders, year groups and attendance', () => {
    expect(readGender('F')).toEqual({ ok: true, value: 'female' });
    expect(readGender('')).toEqual({ ok: true, value: 'not-recorded' });
    expect(readYearGroup('Year 10')).toEqual({ ok: true, value: 10 });
    expect(readYearGroup('Y9')).toEqual({ ok: true, value: 9 });
    expect(readYearGroup('R')).toMatchObject({ ok: false });
    expect(readYearGroup('5')).toMatchObject({ ok: false, message: expect.stringContaining('7 to 13') });
    expect(readYearGroup('14')).toMatchObject({ ok: false, message: expect.stringContaining('7 to 13') });
    expect(readPercent('93.5%')).toEqual({ ok: true, value: 93.5 });
    expect(readPercent('104')).toMatchObject({ ok: false });
  });
});

describe('parsing a deliberately messy MIS export', () => {
  it('copes with a byte-order mark, Windows line ends, quoted commas, quotes and new lines', () => {
    const file = messyFile();
    expect(file.headers[0]).toBe('UPN');
    expect(file.headers).toHaveLength(13);
    // The header is row 1; the address with a new line stays in row 2; the blank row 4 is passed over.
    expect(file.records.map((r) => r.row)).toEqual([2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(file.records[0]!.cells[11]).toBe('1 High Street, Margate\r\nKent');
    expect(file.records[1]!.cells[11]).toBe('Flat 2, "The Old Mill"');
    expect(file.problems).toEqual([{ row: 13, field: 'row', message: expect.stringContaining('14 values but there are 13 columns') }]);
  });

  it('decodes Windows-1252 and UTF-16 exports, and refuses binary files and empty ones', () => {
    const latin = decodeCsvBytes(new Uint8Array([0x53, 0x75, 0x72, 0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x5a, 0x6f, 0xeb]));
    expect(latin).toMatchObject({ ok: true, text: 'Surname\nZoë', encoding: 'Windows-1252' });
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('a,b', (c) => [c.charCodeAt(0), 0]).flat()]);
    expect(decodeCsvBytes(utf16)).toMatchObject({ ok: true, text: 'a,b' });
    expect(decodeCsvBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toMatchObject({
      ok: false,
      problems: [{ field: 'file', message: expect.stringContaining('binary') }],
    });
    expect(decodeCsvBytes(new Uint8Array())).toMatchObject({ ok: false });
    expect(parseCsv('\r\n\r\n')).toMatchObject({ ok: false });
    expect(parseCsv('UPN,Surname\r\n')).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining('no rows') }] });
    expect(parseCsv('just one column\n1\n2')).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringContaining('only one column') }],
    });
  });

  it('maps the common MIS headings and leaves the others for the adviser', () => {
    const file = messyFile();
    const mapping = suggestMapping(file.headers, PUPIL_IMPORT_FIELDS);
    expect(mapping).toMatchObject({
      upn: 0,
      legalSurname: 1,
      legalForename: 2,
      preferredForename: 3,
      dateOfBirth: 4,
      gender: 5,
      yearGroup: 6,
      postcode: 7,
      senStatus: 8,
      freeSchoolMeals: 9,
      lookedAfter: 10,
      school: null,
    });
    expect(unmappedHeadings(mapping, file.headers)).toEqual(['Address', 'Reg Group']);
    expect(mappingProblems(mapping, PUPIL_IMPORT_FIELDS, file.headers)).toEqual([]);
    // Other packages' headings, in other cases and spellings.
    expect(suggestMapping(['Forename', 'Surname', 'Date_of_Birth', 'Year Group', 'FSM'], PUPIL_IMPORT_FIELDS)).toMatchObject({
      legalForename: 0,
      legalSurname: 1,
      dateOfBirth: 2,
      yearGroup: 3,
      freeSchoolMeals: 4,
    });
    const missing = mappingProblems({ ...mapping, dateOfBirth: null, postcode: 1 }, PUPIL_IMPORT_FIELDS, file.headers);
    expect(missing).toEqual([
      { field: 'dateOfBirth', message: 'Choose the column that holds date of birth' },
      { field: 'postcode', message: 'The column "Legal Surname" is already used for legal surname' },
    ]);
  });

  it("shows each row's problems by row number and field, in the pupil form's words", () => {
    const file = messyFile();
    const rows = checkPupilRows(file, suggestMapping(file.headers, PUPIL_IMPORT_FIELDS), context);
    const problems = rows.flatMap((r) => r.problems).map((p) => `${p.row} ${p.field}: ${p.message}`);
    expect(problems).toEqual([
      '5 dateOfBirth: "31/02/2011" is not a real date (dates are read as dd/mm/yyyy)',
      '6 upn: This UPN is not valid: check each character (the first letter is a check letter)',
      '9 freeSchoolMeals: "maybe" is not yes or no: use Y or N',
      '11 dateOfBirth: "05/06/12" has a two-digit year: write dates as dd/mm/yyyy',
      '12 postcode: Enter a real postcode, like CT9 1AA',
      '13 row: This row has 14 values but there are 13 columns: check for a stray comma or an unclosed quote.',
    ]);
    const aoife = byRow(rows, 2).record!;
    expect(aoife).toMatchObject({
      legalSurname: "O'Brien",
      dateOfBirth: '2011-03-04',
      yearGroupOverride: null,
      gender: 'female',
      postcode: 'CT9 1AA',
      district: 'thanet',
      schoolId: school.id,
      upn: 'G886400015101',
    });
    expect(yearGroupOf(aoife, TODAY)).toBe(11);
    expect(aoife.characteristics).toMatchObject({ senSupport: true, ehcp: false, freeSchoolMeals: true, lookedAfter: false });
    expect(yearGroupOf(byRow(rows, 3).record!, TODAY)).toBe(10);
    expect(byRow(rows, 3).record).toMatchObject({
      preferredForename: 'Tommy',
      postcode: 'CT10 2BB',
      characteristics: { ehcp: true, freeSchoolMeals: true },
    });
    expect(byRow(rows, 7).record).toMatchObject({ gender: 'other', characteristics: { lookedAfter: true } });
    // The MIS says Year 9 where the date of birth gives Year 8: kept as the school's own record.
    expect(byRow(rows, 10).record).toMatchObject({ yearGroupOverride: { yearGroup: 9, academicYearStart: 2026 } });
  });

  it('notes each row whose year group differs from its date of birth, saying which is kept, and only those', () => {
    const file = messyFile();
    const rows = checkPupilRows(file, suggestMapping(file.headers, PUPIL_IMPORT_FIELDS), context);
    const noted = rows.filter((r) => (r.notes?.length ?? 0) > 0);
    // Row 9 (born 07/07/2011, so Year 11) says Year 10; row 10 (born 01/09/2013, Year 8) says Year 9.
    expect(noted.map((r) => r.row)).toEqual([9, 10]);
    expect(byRow(rows, 10).notes).toEqual([
      "Year 9 in the file, but the date of birth gives Year 8. Year 9 is kept, as the school's record, and moves on each September.",
    ]);
    // Row 3 says Year 10 and its date of birth gives Year 10: nothing to note.
    expect(byRow(rows, 3).notes).toEqual([]);
    // A year group that agrees on one day can differ on another: the note follows the import's today.
    expect(yearGroupDifferenceNote({ dateOfBirth: '2011-09-15', yearGroup: 9 }, '2026-08-31')).toBeNull();
    expect(yearGroupDifferenceNote({ dateOfBirth: '2011-09-15', yearGroup: 9 }, '2026-09-01')).toBe(
      "Year 9 in the file, but the date of birth gives Year 10. Year 9 is kept, as the school's record, and moves on each September.",
    );
    expect(yearGroupDifferenceNote({ dateOfBirth: '2011-09-15', yearGroup: null }, '2026-09-01')).toBeNull();
  });

  it('asks for a date of birth on every row while no column is mapped to it', () => {
    const file = messyFile();
    const mapping: PupilMapping = { ...suggestMapping(file.headers, PUPIL_IMPORT_FIELDS), dateOfBirth: null };
    const rows = checkPupilRows(file, mapping, context);
    expect(rows.every((r) => r.problems.some((p) => p.field === 'dateOfBirth' && p.message === 'Enter the date of birth'))).toBe(true);
  });

  it('asks for a school when none is chosen or mapped, and matches a School column by URN, establishment number or name', () => {
    const csv =
      'Surname,Forename,DOB,School\n' +
      'A,B,04/03/2011,118000\n' +
      'C,D,04/03/2011,8864000\n' +
      'E,F,04/03/2011,margate coastal academy\n' +
      'G,H,04/03/2011,Nowhere High\n' +
      'I,J,04/03/2011,\n';
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error('parse');
    const mapping = suggestMapping(parsed.value.headers, PUPIL_IMPORT_FIELDS);
    const rows = checkPupilRows(parsed.value, mapping, { ...context, defaultSchoolId: null });
    expect(rows.slice(0, 3).map((r) => r.record?.schoolId)).toEqual([school.id, school.id, school.id]);
    expect(rows[3]!.problems[0]).toMatchObject({ field: 'school', message: expect.stringContaining('No school "Nowhere High" is set up') });
    expect(rows[4]!.problems[0]).toMatchObject({
      field: 'school',
      message: 'No school: choose the school for this file, or map a School column',
    });
  });
});

describe('likely duplicates', () => {
  it('finds repeats within the file by UPN and defaults the later one to skip', () => {
    const file = messyFile();
    const rows = checkPupilRows(file, suggestMapping(file.headers, PUPIL_IMPORT_FIELDS), context);
    const findings = findDuplicates(rows, []);
    expect([...findings.keys()]).toEqual([2, 8]);
    expect(findings.get(2)).toMatchObject({ inFile: [{ row: 8, reason: 'upn' }], defaultChoice: 'add' });
    expect(findings.get(8)).toMatchObject({ inFile: [{ row: 2, reason: 'upn' }], defaultChoice: 'skip' });
  });

  it('finds stored records with the same UPN (update by default) or the same name and date of birth (skip by default)', () => {
    const rows = [
      { row: 2, keys: { upn: 'A1', nameAndBirth: 'x|y|2011-01-01' } },
      { row: 3, keys: { upn: 'B2', nameAndBirth: 'jan|nowak|2011-12-01' } },
      { row: 4, keys: { upn: null, nameAndBirth: 'p|q|2011-01-01' } },
    ];
    const stored = [
      { id: 'one', keys: { upn: 'A1', nameAndBirth: 'other|name|2010-01-01' } },
      { id: 'two', keys: { upn: 'ZZ', nameAndBirth: 'jan|nowak|2011-12-01' } },
    ];
    const findings = findDuplicates(rows, stored, PUPIL_DUPLICATE_OPTIONS);
    expect(findings.get(2)).toMatchObject({ stored: [{ recordId: 'one', reason: 'upn' }], defaultChoice: 'update', updateTarget: 'one' });
    expect(findings.get(3)).toMatchObject({
      stored: [{ recordId: 'two', reason: 'nameAndBirth' }],
      defaultChoice: 'skip',
      updateTarget: 'two',
    });
    expect(findings.has(4)).toBe(false);
  });
});

describe('importing into the database', () => {
  let db: CareersDeskDb;
  let counter = 0;

  beforeEach(async () => {
    counter += 1;
    db = new CareersDeskDb(`careers-desk-import-${counter}`, testDatabaseOptions());
    await db.open();
    await db.schools.add(school);
  });

  afterEach(async () => {
    db.close();
    await db.delete();
  });

  function storedPupil(overrides: Partial<PupilInput>): PupilInput {
    return pupilInput({
      legalForename: 'Jan',
      legalSurname: 'Nowak',
      dateOfBirth: '2011-12-01',
      schoolId: school.id,
      upnNotKnown: true,
      ...overrides,
    });
  }

  async function prepare(file: ParsedCsv, choices: Record<number, RowChoice> = {}) {
    const mapping = suggestMapping(file.headers, PUPIL_IMPORT_FIELDS);
    const rows = checkPupilRows(file, mapping, context);
    const stored = await findStoredMatches(
      db,
      rows.map((r) => r.keys),
    );
    const findings = findDuplicates(rows, stored, PUPIL_DUPLICATE_OPTIONS);
    return rows.map((checked) => {
      const finding = findings.get(checked.row);
      const choice = choices[checked.row] ?? finding?.defaultChoice ?? 'add';
      const base = choice === 'update' ? stored.find((s) => s.id === finding?.updateTarget)?.record : undefined;
      const rechecked = base ? checkRowAsUpdate(file, checked.row, mapping, context, base)! : checked;
      return { checked: rechecked, choice, updateTarget: finding?.updateTarget ?? null, expectedUpdatedAt: base?.updatedAt };
    });
  }

  it('refuses to plan while a row to be written has problems, then imports the rest when told to leave them out', async () => {
    const sam = await savePupil(
      db,
      storedPupil({
        legalForename: 'Sam',
        legalSurname: 'Green',
        dateOfBirth: '2013-09-01',
        upn: 'R886400015107',
        upnNotKnown: false,
        aspirations: 'Wants to be a vet',
      }),
      null,
    );
    const nowak = await savePupil(db, storedPupil({}), null);
    const before = await digestTables(db);
    const planned = await prepare(messyFile());
    const refused = planPupilImport(planned, { leaveOutRowsWithProblems: false });
    expect(refused.ok).toBe(false);
    expect(await digestTables(db)).toEqual(before);

    const plan = planPupilImport(planned, { leaveOutRowsWithProblems: true });
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
    // Rows 2 and 3 added; row 7 (Nowak, same name and birth) skipped; row 8 repeats row 2; row 10 updates Sam Green.
    expect(plan.value).toMatchObject({ added: 2, updated: 1, skipped: 2, leftOut: [5, 6, 9, 11, 12, 13] });
    const progress: number[] = [];
    const result = await importPupils(
      db,
      plan.value.operations.map((o) => ({ ...o, expectedUpdatedAt: planned.find((p) => p.checked.row === o.row)?.expectedUpdatedAt })),
      { actorId: null, fileName: 'messy.csv', onProgress: (done) => progress.push(done) },
    );
    expect(result).toEqual({ added: 2, updated: 1 });
    expect(progress).toEqual([3]);
    expect(await db.pupils.count()).toBe(4);
    const updatedSam = (await db.pupils.get(sam.id))!;
    // The file's values replace the stored ones; what the file does not hold (aspirations) is kept.
    expect(yearGroupOf(updatedSam, TODAY)).toBe(9);
    expect(updatedSam).toMatchObject({
      postcode: 'TN24 8AB',
      aspirations: 'Wants to be a vet',
      createdAt: sam.createdAt,
      characteristics: { senSupport: true },
    });
    expect((await db.pupils.get(nowak.id))!.updatedAt).toBe(nowak.updatedAt);
    const audit = await db.audit.toArray();
    expect(audit.filter((e) => e.action === 'import')).toHaveLength(1);
    expect(audit.find((e) => e.recordId === sam.id && e.action === 'update')).toMatchObject({
      summary: "Updated a young person's record from messy.csv, row 10",
      before: { postcode: null },
    });
  });

  it('writes nothing at all when the import fails part-way', async () => {
    await savePupil(db, storedPupil({}), null);
    const rows = Array.from({ length: 1200 }, (_, i) => ['Pupil', `Number${i}`, '04/03/2011', 'Y']);
    const parsed = parseCsv(csvDocument([['Surname', 'Forename', 'DOB', 'FSM'], ...rows]));
    if (!parsed.ok) throw new Error('parse');
    const plan = planPupilImport(await prepare(parsed.value), { leaveOutRowsWithProblems: false });
    if (!plan.ok) throw new Error('plan');
    const before = await digestTables(db);
    await expect(
      importPupils(db, plan.value.operations, {
        actorId: null,
        fileName: 'big.csv',
        onProgress: (done) => {
          if (done > 500) throw new Error('The disk is full');
        },
      }),
    ).rejects.toThrow('The disk is full');
    expect(await digestTables(db)).toEqual(before);
  });

  it('stops, changing nothing, when a record to update was edited after the preview', async () => {
    await savePupil(
      db,
      storedPupil({ legalForename: 'Sam', legalSurname: 'Green', dateOfBirth: '2013-09-01', upn: 'R886400015107', upnNotKnown: false }),
      null,
    );
    const planned = await prepare(messyFile());
    const plan = planPupilImport(planned, { leaveOutRowsWithProblems: true });
    if (!plan.ok) throw new Error('plan');
    const update = planned.find((p) => p.choice === 'update')!;
    await db.pupils.update(update.updateTarget!, { updatedAt: '2026-11-24T10:00:00.000Z' });
    const before = await digestTables(db);
    const operations = plan.value.operations.map((o) => ({
      ...o,
      expectedUpdatedAt: o.kind === 'update' ? update.expectedUpdatedAt : undefined,
    }));
    await expect(importPupils(db, operations, { actorId: null, fileName: 'messy.csv' })).rejects.toThrow(
      'Row 10: the record it updates was changed since the preview',
    );
    expect(await digestTables(db)).toEqual(before);
  });

  it('refuses two rows updating the same stored record', async () => {
    await savePupil(
      db,
      storedPupil({ legalForename: 'Aoife', legalSurname: "O'Brien", dateOfBirth: '2011-03-04', upn: 'G886400015101', upnNotKnown: false }),
      null,
    );
    const planned = await prepare(messyFile(), { 8: 'update' });
    const plan = planPupilImport(planned, { leaveOutRowsWithProblems: true });
    expect(plan).toMatchObject({
      ok: false,
      problems: [{ row: 8, message: 'Row 2 already updates the same stored record: skip one of them' }],
    });
  });

  it('checks and imports 10,000 rows in one transaction', async () => {
    const header = [
      'UPN',
      'Legal Surname',
      'Legal Forename',
      'DOB',
      'Gender',
      'NC Year Actual',
      'Postcode',
      'SEN Status',
      'FSM Eligible',
      'In Care',
    ];
    const body = Array.from({ length: 10_000 }, (_, i) => [
      '',
      `Surname${i}`,
      `Forename${i}`,
      `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/2011`,
      i % 2 ? 'F' : 'M',
      '',
      'CT9 1AA',
      ['N', 'K', 'E'][i % 3]!,
      i % 4 ? 'N' : 'Y',
      'N',
    ]);
    const parsed = parseCsv(csvDocument([header, ...body]));
    if (!parsed.ok) throw new Error('parse');
    const started = Date.now();
    const planned = await prepare(parsed.value);
    const plan = planPupilImport(planned, { leaveOutRowsWithProblems: false });
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems.slice(0, 3)));
    const progress: number[] = [];
    await importPupils(db, plan.value.operations, { actorId: null, fileName: 'county.csv', onProgress: (done) => progress.push(done) });
    expect(await db.pupils.count()).toBe(10_000);
    expect(progress).toHaveLength(20);
    expect(progress.at(-1)).toBe(10_000);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);
});
