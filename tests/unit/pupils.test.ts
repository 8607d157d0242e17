import { testDatabaseOptions } from './test-database';
import { describe, expect, it } from 'vitest';
import { checkPupilForm, emptyPupilForm, formFromPupil, type PupilForm } from '@shared/pupils/form';
import { academicYearStartYear, yearGroupOf } from '@shared/academic-year';
import { sortPupils, emptyPupilFilters, looksLikeUpn, matchesFilters } from '@shared/pupils/list';
import { pupilSchema, searchWordsFor } from '@shared/model';
import { CareersDeskDb } from '@renderer/db/schema';
import { savePupil } from '@renderer/db/pupils';
import { findLikelyDuplicates } from '@renderer/db/import';
import { pupilInput } from '../support/factories';

const today = '2026-11-24';
const schoolId = '11111111-1111-4111-8111-111111111111';

function form(overrides: Partial<PupilForm> = {}): PupilForm {
  return {
    ...emptyPupilForm(),
    legalForename: 'Amelia',
    legalSurname: 'Turner',
    dateOfBirth: '2011-03-04',
    schoolId,
    upn: 'B801200005001',
    ...overrides,
  };
}

function fields(result: ReturnType<typeof checkPupilForm>): Record<string, string> {
  return result.ok ? {} : Object.fromEntries(result.problems.map((p) => [p.field, p.message]));
}

describe('the add-a-young-person form', () => {
  it('builds a record with the year group from the date of birth, the postcode normalised and the district from its outcode', () => {
    const result = checkPupilForm(form({ postcode: 'ct9 1aa', upn: ' b801 200005001 ' }), { today });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(yearGroupOf(result.value, today)).toBe(11);
    expect(result.value).toMatchObject({
      yearGroupOverride: null,
      postcode: 'CT9 1AA',
      outcode: 'CT9',
      district: 'thanet',
      upn: 'B801200005001',
      riskBand: 'low',
    });
  });

  it('keeps a district the adviser chose over the postcode default', () => {
    const result = checkPupilForm(form({ postcode: 'CT9 1AA', district: 'dover' }), { today });
    expect(result.ok && result.value.district).toBe('dover');
  });

  it('names each problem: future date of birth, invalid UPN, malformed postcode, bad ULN', () => {
    const result = checkPupilForm(form({ dateOfBirth: '2099-01-01', upn: 'B801200005002', postcode: 'CT9 XYZ', uln: '0000000043' }), {
      today,
    });
    expect(fields(result)).toEqual({
      dateOfBirth: 'The date of birth must be in the past',
      upn: 'This UPN is not valid: check each character (the first letter is a check letter)',
      postcode: 'Enter a real postcode, like CT9 1AA',
      uln: 'This ULN is not valid: check the digits',
    });
  });

  it('requires a UPN for a school pupil unless marked not known, and says how long it should be', () => {
    expect(fields(checkPupilForm(form({ upn: '' }), { today })).upn).toBe('Enter the UPN, or tick "UPN not known"');
    expect(checkPupilForm(form({ upn: '', upnNotKnown: true }), { today }).ok).toBe(true);
    expect(fields(checkPupilForm(form({ upn: 'B8012' }), { today })).upn).toBe('A UPN has 13 characters; this has 5');
  });

  it('never holds a UPN or school for a home-educated young person', () => {
    const result = checkPupilForm(form({ homeEducated: true, upn: 'B801200005001' }), { today });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toMatchObject({ upn: null, schoolId: null, homeEducated: true });
  });

  it('asks for a school or home education', () => {
    expect(fields(checkPupilForm(form({ schoolId: null }), { today })).schoolId).toMatch(/Choose the school/);
  });

  it('lets the adviser set the year group by hand for a pupil out of their year group', () => {
    const result = checkPupilForm(form({ yearGroupOverridden: true, yearGroup: 9 }), { today });
    // Kept with the academic year it was set in, so that it moves on every 1 September.
    expect(result.ok && result.value.yearGroupOverride).toEqual({ yearGroup: 9, academicYearStart: academicYearStartYear(today) });
    expect(result.ok && yearGroupOf(result.value, today)).toBe(9);
    expect(fields(checkPupilForm(form({ yearGroupOverridden: true, yearGroup: null }), { today })).yearGroup).toBe(
      'Choose a year group from 7 to 13',
    );
    expect(fields(checkPupilForm(form({ yearGroupOverridden: true, yearGroup: 14 }), { today })).yearGroup).toBe(
      'Choose a year group from 7 to 13',
    );
    // Without the tick, nothing is stored but the date of birth.
    const derived = checkPupilForm(form({ yearGroupOverridden: false, yearGroup: 9 }), { today });
    expect(derived.ok && derived.value.yearGroupOverride).toBeNull();
  });

  it('shows an override as it stands today when the record is opened again a year later', () => {
    const saved = checkPupilForm(form({ yearGroupOverridden: true, yearGroup: 9 }), { today });
    if (!saved.ok) throw new Error('expected the form to pass');
    const record = {
      ...saved.value,
      id: '33333333-3333-4333-8333-333333333333',
      createdAt: `${today}T09:00:00Z`,
      updatedAt: `${today}T09:00:00Z`,
      searchWords: [],
    };
    const nextYear = `${academicYearStartYear(today) + 1}-10-01`;
    expect(formFromPupil(record, nextYear)).toMatchObject({ yearGroupOverridden: true, yearGroup: 10 });
    expect(formFromPupil({ ...record, yearGroupOverride: null }, nextYear)).toMatchObject({ yearGroupOverridden: false, yearGroup: null });
  });

  it('says when a date of birth is too young for secondary school, unless the year group is set by hand', () => {
    const young = `${academicYearStartYear(today) - 10}-10-01`;
    expect(fields(checkPupilForm(form({ dateOfBirth: young }), { today })).dateOfBirth).toMatch(
      /puts them in Year 5; the service starts at Year 7/,
    );
    expect(checkPupilForm(form({ dateOfBirth: young, yearGroupOverridden: true, yearGroup: 7 }), { today }).ok).toBe(true);
  });

  it('refuses control characters and text-direction controls in names, saying which and where', () => {
    expect(fields(checkPupilForm(form({ legalSurname: 'Smi\u0007th' }), { today })).legalSurname).toBe(
      'Remove a hidden control character (U+0007) at character 4',
    );
    expect(fields(checkPupilForm(form({ legalForename: 'Ali\u202Efdp.exe' }), { today })).legalForename).toBe(
      'Remove an invisible text-direction control (U+202E) at character 4',
    );
    expect(fields(checkPupilForm(form({ aspirations: 'Line one\nLine two\tand a tab' }), { today })).aspirations).toBeUndefined();
    expect(fields(checkPupilForm(form({ aspirations: 'Bell\u0007' }), { today })).aspirations).toBe(
      'Remove a hidden control character (U+0007) at character 5',
    );
  });

  it('stores names in one Unicode spelling, whichever way they were typed', () => {
    const typedApart = checkPupilForm(form({ preferredForename: 'Zoe\u0308' }), { today });
    expect(typedApart.ok && typedApart.value.preferredForename).toBe('Zo\u00eb');
  });

  it('rejects an oversized field with its limit, and an attendance over 100%', () => {
    const result = checkPupilForm(
      form({ legalSurname: 'x'.repeat(81), characteristics: { ...emptyPupilForm().characteristics, attendancePercent: 120 } }),
      { today },
    );
    expect(fields(result)).toMatchObject({
      legalSurname: 'Keep this to 80 characters or fewer',
      'characteristics.attendancePercent': 'Attendance cannot be above 100%',
    });
  });

  it('scores the risk band with the weights from Settings', () => {
    const withCarer = form({ characteristics: { ...emptyPupilForm().characteristics, youngCarer: true } });
    expect(
      checkPupilForm(withCarer, { today }).ok && (checkPupilForm(withCarer, { today }) as { value: { riskBand: string } }).value.riskBand,
    ).toBe('low');
    const weighted = checkPupilForm(withCarer, { today, riskWeights: { 'young-carer': 8 } });
    expect(weighted.ok && weighted.value.riskBand).toBe('high');
  });
});

describe('the pupil list', () => {
  const base = {
    id: '22222222-2222-4222-8222-222222222222',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    dateOfBirth: '2011-03-04',
  };
  const onDay = '2026-11-24';
  const amy = pupilSchema.parse({
    ...base,
    legalForename: 'Amelia',
    legalSurname: 'Turner',
    preferredForename: 'Amy',
    upn: 'B801200005001',
    searchWords: ['amelia', 'turner', 'amy'],
    riskBand: 'high',
  });
  const bob = pupilSchema.parse({
    ...base,
    legalForename: 'Bob',
    legalSurname: 'Adams',
    searchWords: ['bob', 'adams'],
    homeEducated: true,
    riskBand: 'low',
    lastGuidanceOn: '2026-10-01',
  });

  it('tells a UPN prefix from a name', () => {
    expect(looksLikeUpn('b801')).toBe(true);
    expect(looksLikeUpn('amy')).toBe(false);
  });

  it('matches every typed word by prefix, and every filter', () => {
    const f = emptyPupilFilters();
    expect(matchesFilters(amy, { ...f, text: 'am tur' }, onDay)).toBe(true);
    expect(matchesFilters(amy, { ...f, text: 'am smi' }, onDay)).toBe(false);
    expect(matchesFilters(amy, { ...f, text: 'B8012' }, onDay)).toBe(true);
    expect(matchesFilters(bob, { ...f, homeEducatedOnly: true }, onDay)).toBe(true);
    expect(matchesFilters(amy, { ...f, homeEducatedOnly: true }, onDay)).toBe(false);
    expect(matchesFilters(bob, { ...f, noGuidanceYet: true }, onDay)).toBe(false);
    expect(matchesFilters(amy, { ...f, riskBand: 'high', yearGroup: 11 }, onDay)).toBe(true);
    expect(matchesFilters(amy, { ...f, yearGroup: 10 }, onDay)).toBe(false);
    expect(matchesFilters(amy, { ...f, yearGroup: 10 }, '2026-08-31')).toBe(true);
    expect(matchesFilters(amy, { ...f, yearGroup: 'left' }, '2029-09-01')).toBe(true);
  });

  it('finds names without their accents or apostrophes: zoe, sian, muller, obrien', () => {
    const named = (legalForename: string, legalSurname: string) => {
      const names = { legalForename, legalSurname, preferredForename: '', preferredSurname: '' };
      return pupilSchema.parse({ ...base, ...names, searchWords: searchWordsFor(names) });
    };
    const f = emptyPupilFilters();
    expect(matchesFilters(named('Zoë', 'Hart'), { ...f, text: 'zoe' }, onDay)).toBe(true);
    expect(matchesFilters(named('Siân', 'Evans'), { ...f, text: 'sian ev' }, onDay)).toBe(true);
    expect(matchesFilters(named('Lena', 'Müller'), { ...f, text: 'Muller' }, onDay)).toBe(true);
    expect(matchesFilters(named('Aoife', "O'Brien"), { ...f, text: 'obrien' }, onDay)).toBe(true);
    expect(matchesFilters(named('Aoife', 'O’Brien'), { ...f, text: "o'bri" }, onDay)).toBe(true);
    expect(matchesFilters(named('Ann', 'Smith-Jones'), { ...f, text: 'smithj' }, onDay)).toBe(true);
    expect(matchesFilters(named('Zoë', 'Hart'), { ...f, text: 'zoa' }, onDay)).toBe(false);
  });

  it('sorts by preferred surname, or by risk with the highest first', () => {
    expect(sortPupils([amy, bob], 'name').map((p) => p.legalForename)).toEqual(['Bob', 'Amelia']);
    expect(sortPupils([bob, amy], 'risk').map((p) => p.legalForename)).toEqual(['Amelia', 'Bob']);
  });
});

describe('a young person typed by hand who looks like one already recorded', () => {
  it('is found by UPN, or by legal name and date of birth without case or accents, never as themselves', async () => {
    const db = new CareersDeskDb(`careers-desk-duplicates-${crypto.randomUUID()}`, testDatabaseOptions());
    await db.open();
    try {
      const zoe = await savePupil(
        db,
        pupilInput({ legalForename: 'Zoë', legalSurname: "O'Brien", dateOfBirth: '2011-05-02', upn: null }),
        null,
      );
      const typed = { upn: '', legalForename: 'ZOE', legalSurname: "o'brien", dateOfBirth: '2011-05-02' };
      expect((await findLikelyDuplicates(db, typed, null)).map((d) => [d.pupil.id, d.reason])).toEqual([[zoe.id, 'nameAndBirth']]);
      expect(await findLikelyDuplicates(db, { ...typed, dateOfBirth: '2011-05-03' }, null)).toEqual([]);
      // Editing Zoë herself is not a duplicate of Zoë.
      expect(await findLikelyDuplicates(db, typed, zoe.id)).toEqual([]);
      const withUpn = await savePupil(db, pupilInput({ legalForename: 'Sam', legalSurname: 'Hill', upn: 'B801200005001' }), null);
      const byUpn = await findLikelyDuplicates(
        db,
        { upn: 'b801200005001', legalForename: 'Samuel', legalSurname: 'Hill', dateOfBirth: '2010-01-01' },
        null,
      );
      expect(byUpn.map((d) => [d.pupil.id, d.reason])).toEqual([[withUpn.id, 'upn']]);
    } finally {
      db.close();
      await db.delete();
    }
  });
});
