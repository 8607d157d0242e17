import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { GuidanceSession, Pupil } from '@shared/model';
import { generateDemoDataset } from '@shared/demo';
import { formatUkDate } from '@shared/academic-year';
import { buildUpn } from '@shared/identifiers';
import { localAuthorityOf } from '@shared/reference';
import {
  MEASURES,
  TIDY_COLUMNS,
  TIDY_FILTERS,
  TIDY_GEOGRAPHY_COLUMNS,
  TIDY_INDICATORS,
  buildAggregateReturn,
  buildAggregateReturnWithSummary,
  buildTidyData,
  returnToCsv,
  shiftPeriodByYears,
  tidyDataToCsv,
  tidyMetadataToCsv,
  tidyTimePeriod,
  type ReturnOptions,
  type ReturnTable,
} from '@shared/returns';
import { createFactories } from '../support/factories';

/** Rows of a CSV file as the council's loader would read them: the byte-order mark dropped, every field text. */
function parse(csv: string): string[][] {
  const result = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true, delimiter: ',' });
  expect(result.errors).toEqual([]);
  return result.data;
}

const today = '2026-11-24';
const options: ReturnOptions = {
  period: { start: '2025-09-01', end: '2026-08-31' },
  scope: { kind: 'all' },
  threshold: 5,
  roundToNearest5: false,
  now: `${today}T10:00:00`,
};

describe('the local authority a young person is counted in', () => {
  it('reads the LA number from a valid UPN first: 886 Kent, 887 Medway, another number elsewhere', () => {
    expect(localAuthorityOf({ upn: buildUpn('886', '4001', '24', '001'), district: 'medway', schoolDistrict: 'medway' })).toBe('kent');
    expect(localAuthorityOf({ upn: buildUpn('887', '4001', '24', '002'), district: 'thanet', schoolDistrict: null })).toBe('medway');
    expect(localAuthorityOf({ upn: buildUpn('208', '4001', '24', '003'), district: 'thanet', schoolDistrict: null })).toBe('elsewhere');
    // A temporary UPN names its LA too.
    expect(localAuthorityOf({ upn: buildUpn('887', '4001', '24', '00A'), district: null, schoolDistrict: null })).toBe('medway');
  });

  it('falls back to the district, then the school, when the UPN is missing or fails its check letter', () => {
    const valid = buildUpn('887', '4001', '24', '004');
    const wrongCheck = `${valid.charAt(0) === 'A' ? 'B' : 'A'}${valid.slice(1)}`;
    expect(localAuthorityOf({ upn: wrongCheck, district: 'dover', schoolDistrict: null })).toBe('kent');
    expect(localAuthorityOf({ upn: null, district: 'medway', schoolDistrict: 'thanet' })).toBe('medway');
    expect(localAuthorityOf({ upn: null, district: null, schoolDistrict: 'medway' })).toBe('medway');
    expect(localAuthorityOf({ upn: null, district: null, schoolDistrict: null })).toBeNull();
  });
});

describe('the time period of tidy data', () => {
  it('writes an academic year as six digits, and names a term when the period is one', () => {
    expect(tidyTimePeriod({ start: '2026-09-01', end: '2027-08-31' })).toEqual({ time_period: '202627', time_identifier: 'Academic year' });
    expect(tidyTimePeriod({ start: '2026-09-01', end: '2026-12-31' })).toEqual({ time_period: '202627', time_identifier: 'Autumn term' });
    expect(tidyTimePeriod({ start: '2027-04-01', end: '2027-08-31' })).toEqual({ time_period: '202627', time_identifier: 'Summer term' });
  });

  it('moves a period back a year, 29 February to the 28th', () => {
    expect(shiftPeriodByYears({ start: '2027-09-01', end: '2028-02-29' }, -1)).toEqual({ start: '2026-09-01', end: '2027-02-28' });
  });
});

describe('the return as tidy data (demo caseload, seed 11)', () => {
  const dataset = generateDemoDataset({ seed: 11, today, pupils: 150 });
  const report = buildAggregateReturn(dataset, options);
  const tidy = buildTidyData(report);
  const rows = parse(tidyDataToCsv(tidy));
  const [header, ...body] = rows;
  const column = (name: string) => header!.indexOf(name);
  const find = (predicate: (row: string[]) => boolean) => body.filter(predicate);

  it('parses: one header of known columns, every row as wide as it', () => {
    expect(header).toEqual([...TIDY_COLUMNS]);
    expect(new Set(header).size).toBe(header!.length);
    expect(body.length).toBeGreaterThan(30);
    for (const row of body) expect(row).toHaveLength(header!.length);
    for (const row of body) expect(row.slice(0, 2)).toEqual(['202526', 'Academic year']);
  });

  it('has rows for everyone, each filter value, the two councils and the 13 districts', () => {
    const level = (name: string) => find((r) => r[column('geographic_level')] === name);
    expect(level('Local authority').map((r) => [r[column('new_la_code')], r[column('old_la_code')], r[column('la_name')]])).toEqual([
      ['E10000016', '886', 'Kent'],
      ['E06000035', '887', 'Medway'],
    ]);
    const districts = level('Local authority district');
    expect(districts).toHaveLength(13);
    expect(districts.find((r) => r[column('lad_name')] === 'Folkestone and Hythe')?.[column('lad_code')]).toBe('E07000112');
    expect(districts.find((r) => r[column('lad_name')] === 'Medway')?.[column('la_name')]).toBe('Medway');
    expect(districts.find((r) => r[column('lad_name')] === 'Thanet')?.[column('old_la_code')]).toBe('886');
    const everyone = level('Local skills improvement plan area');
    expect(everyone.map((r) => TIDY_FILTERS.map((f) => r[column(f.col_name)]).join('/'))).toEqual(
      expect.arrayContaining(['Total/Total/Total', 'Year 9/Total/Total', 'Total/SEN support/Total', 'Total/Total/High']),
    );
    for (const row of body) expect(row[column('country_code')]).toBe('E92000001');
  });

  it('carries every figure of the return exactly as shown, c where it is hidden, and no figure the return does not show', () => {
    const name = (t: ReturnTable, part: string) => `${t.measureId}_${part}`.replaceAll('-', '_');
    const columnIds = (t: ReturnTable) => MEASURES.find((m) => m.id === t.measureId)!.columns.map((c) => c.id);
    const everyone = find(
      (r) =>
        r[column('geographic_level')] === 'Local skills improvement plan area' &&
        TIDY_FILTERS.every((f) => r[column(f.col_name)] === 'Total'),
    );
    expect(everyone).toHaveLength(1);
    const rowFor = (t: ReturnTable, label: string): string[] | undefined => {
      const by = (filter: string, value: string) => (r: string[]) =>
        r[column(filter)] === value && TIDY_FILTERS.every((f) => f.col_name === filter || r[column(f.col_name)] === 'Total');
      switch (t.dimensionId) {
        case 'local-authority':
          return find((r) => r[column('geographic_level')] === 'Local authority' && r[column('la_name')] === label)[0];
        case 'district':
          return find((r) => r[column('geographic_level')] === 'Local authority district' && r[column('lad_name')] === label)[0];
        case 'school': {
          const school = report.schools.find((s) => s.label === label);
          return find((r) => r[column('geographic_level')] === 'School' && r[column('school_name')] === school?.name)[0];
        }
        case 'year-group':
          return find(by('year_group', label))[0];
        case 'characteristic':
          return find(by('characteristic', label))[0];
        case 'risk-band':
          return find(by('risk_band', label))[0];
      }
    };
    // Every tidy figure found in the return, by row and column: at the end, nothing else may be left.
    const matched = new Set<string>();
    const expectFigure = (row: string[], indicator: string, figure: unknown, where: string) => {
      expect(row[column(indicator)], where).toBe(String(figure));
      matched.add(`${body.indexOf(row)}:${indicator}`);
    };
    let hidden = 0;
    for (const t of report.tables) {
      const ids = columnIds(t);
      // The totals row of every table is the row about everyone.
      t.shown.columnTotals.forEach((cell, c) => expectFigure(everyone[0]!, name(t, ids[c]!), cell, `${t.title}, total`));
      expectFigure(everyone[0]!, name(t, 'total'), t.shown.grandTotal, `${t.title}, grand total`);
      for (const p of t.percentages) expectFigure(everyone[0]!, name(t, `${p.id}_percent`), p.total, `${t.title}, ${p.label}`);
      t.shown.cells.forEach((cells, r) => {
        const label = t.rowLabels[r]!;
        const row = rowFor(t, label);
        // Only the rows with no code of their own (a council or district not known) are left out.
        if (!row) {
          expect(['Elsewhere or not known', 'Not known', 'No school (home educated, or none recorded)']).toContain(label);
          return;
        }
        cells.forEach((cell, c) => {
          expectFigure(row, name(t, ids[c]!), cell, `${t.title}, ${label}, ${t.columnLabels[c]}`);
          if (cell === 'c') hidden += 1;
        });
        expectFigure(row, name(t, 'total'), t.shown.rowTotals[r], `${t.title}, ${label}, total`);
        for (const p of t.percentages) expectFigure(row, name(t, `${p.id}_percent`), p.rows[r], `${t.title}, ${label}, ${p.label}`);
      });
    }
    expect(matched.size).toBeGreaterThan(1000);
    expect(hidden).toBeGreaterThan(0);
    // Whatever the return did not supply is z (not applicable), never a figure of the tidy data's own.
    body.forEach((row, r) => {
      for (const indicator of TIDY_INDICATORS)
        if (!matched.has(`${r}:${indicator.col_name}`)) expect(row[column(indicator.col_name)], `${r}, ${indicator.col_name}`).toBe('z');
    });
  });

  it('writes z where a measure does not concern the row, and only numbers or GSS symbols in indicators', () => {
    const year9 = find((r) => r[column('year_group')] === 'Year 9')[0]!;
    expect(year9[column('personal_guidance_y11_met')]).toBe('z');
    expect(year9[column('personal_guidance_y11_met_percent')]).toBe('z');
    const indicators = TIDY_INDICATORS.map((i) => column(i.col_name));
    for (const row of body) for (const i of indicators) expect(row[i]).toMatch(/^(\d+(\.\d)?|c|low|z)$/);
  });

  it('writes low for a figure above 0 that rounds to 0 when rounding is chosen', () => {
    const rounded = parse(tidyDataToCsv(buildTidyData(buildAggregateReturn(dataset, { ...options, threshold: 2, roundToNearest5: true }))));
    const counts = TIDY_INDICATORS.filter((i) => i.unit === '').map((i) => TIDY_COLUMNS.indexOf(i.col_name));
    const cells = rounded.slice(1).flatMap((row) => counts.map((i) => row[i]!));
    expect(cells).toContain('low');
    // Every count shown is a multiple of 5.
    for (const cell of cells) if (/^\d+$/.test(cell)) expect(Number(cell) % 5).toBe(0);
  });

  it('keeps totals consistent: seen and not seen add up to everyone wherever all three are shown', () => {
    let checked = 0;
    for (const row of body) {
      const [seen, notSeen, total] = ['caseload_seen', 'caseload_not_seen', 'caseload_total'].map((c) => row[column(c)]!);
      if (![seen, notSeen, total].every((v) => /^\d+$/.test(v!))) continue;
      expect(Number(seen) + Number(notSeen)).toBe(Number(total));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(5);
    const everyone = find(
      (r) => r[column('geographic_level')] === 'Local skills improvement plan area' && r[column('year_group')] === 'Total',
    )[0]!;
    expect(everyone[column('caseload_total')]).toBe(String(report.tables[0]!.shown.grandTotal));
  });

  it('has a metadata file naming every filter and indicator once, with its type', () => {
    const [metaHeader, ...meta] = parse(tidyMetadataToCsv(tidy));
    expect(metaHeader).toEqual([
      'col_name',
      'col_type',
      'label',
      'indicator_grouping',
      'indicator_unit',
      'indicator_dp',
      'filter_hint',
      'filter_grouping_column',
    ]);
    const names = meta.map((m) => m[0]);
    expect(names).toEqual([...TIDY_FILTERS.map((f) => f.col_name), ...TIDY_INDICATORS.map((i) => i.col_name)]);
    expect(new Set(names).size).toBe(names.length);
    // Geography and time columns are the standard's own; the metadata names only what this file adds.
    expect([...names, ...TIDY_GEOGRAPHY_COLUMNS].sort()).toEqual([...header!].sort());
    for (const m of meta) {
      expect(m).toHaveLength(8);
      expect(m[0]).toMatch(/^[a-z][a-z0-9_]{0,49}$/);
      const isFilter = TIDY_FILTERS.some((f) => f.col_name === m[0]);
      expect(m[1]).toBe(isFilter ? 'Filter' : 'Indicator');
      if (!isFilter) expect([m[4], m[5]]).toEqual(m[0]!.endsWith('_percent') ? ['%', '1'] : ['', '0']);
    }
    expect(new Set(meta.map((m) => m[2])).size).toBe(meta.length);
  });
});

describe('a school return as tidy data', () => {
  it('puts the rows about everyone at school level, with the URN and the council of the school', () => {
    const dataset = generateDemoDataset({ seed: 11, today, pupils: 150 });
    const school = dataset.schools.find((s) => s.district === 'medway') ?? dataset.schools[0]!;
    const rows = parse(
      tidyDataToCsv(buildTidyData(buildAggregateReturn(dataset, { ...options, scope: { kind: 'school', schoolId: school.id } }))),
    ).slice(1);
    const first = rows[0]!;
    const at = (name: string) => first[TIDY_COLUMNS.indexOf(name)];
    expect(at('geographic_level')).toBe('School');
    expect(at('school_urn')).toBe(school.urn || 'x');
    expect(at('school_name')).toBe(school.name);
    expect(at('la_name')).toBe(school.district === 'medway' ? 'Medway' : 'Kent');
  });
});

describe('nothing personal in the tidy data, its metadata or the readable CSV', () => {
  let serial = 0;
  const make = createFactories({
    ids: { uuid: () => `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}` },
    stamp: `${today}T09:00:00.000Z`,
  });
  const dataset = generateDemoDataset({ seed: 5, today, pupils: 120 });
  const school = dataset.schools[0]!;
  // Distinctive values that could not turn up in a file by chance.
  const planted: Pupil[] = Array.from({ length: 12 }, (_, i) =>
    make.pupil({
      legalForename: `Zephyrine${i}`,
      legalSurname: 'Quillfeather',
      dateOfBirth: `2011-0${(i % 9) + 1}-1${i % 10}`,
      schoolId: school.id,
      district: i % 2 ? 'medway' : 'swale',
      upn: buildUpn(i % 2 ? '887' : '886', '4321', '22', String(100 + i)),
      uln: '0000000042',
      postcode: `ME${(i % 9) + 1} 7QZ`,
      outcode: `ME${(i % 9) + 1}`,
    }),
  );
  const sessions: GuidanceSession[] = planted.map((p) =>
    make.session({
      pupilId: p.id,
      adviserId: dataset.advisers[0]!.id,
      date: '2026-01-15',
      kind: 'personal-guidance',
      mode: 'in-person',
      durationMinutes: 30,
    }),
  );
  const source = { ...dataset, pupils: [...dataset.pupils, ...planted], sessions: [...dataset.sessions, ...sessions] };
  const report = buildAggregateReturnWithSummary(source, options);
  const tidy = buildTidyData(report);
  const files = [tidyDataToCsv(tidy), tidyMetadataToCsv(tidy), returnToCsv(report)];

  it('holds no name, UPN, ULN, postcode or date of birth of anyone', () => {
    const forbidden = source.pupils
      .flatMap((p) => [
        `${p.legalForename} ${p.legalSurname}`,
        p.legalSurname === 'Quillfeather' ? p.legalSurname : null,
        p.upn,
        p.uln,
        p.postcode,
        p.dateOfBirth,
        formatUkDate(p.dateOfBirth),
      ])
      .filter((v): v is string => typeof v === 'string' && v.length > 0 && v !== '0000000042');
    expect(forbidden.length).toBeGreaterThan(500);
    for (const file of files) expect(forbidden.filter((v) => file.includes(v))).toEqual([]);
    // The planted ULN is 10 digits: look for it as a whole field only, since a count could never be that long.
    for (const file of files) expect(parse(file).flat()).not.toContain('0000000042');
  });
});

describe('the summary beside the same period last year', () => {
  let serial = 0;
  const make = createFactories({
    ids: { uuid: () => `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}` },
    stamp: `${today}T09:00:00.000Z`,
  });
  const school = make.school({ name: 'Sheerness Bay School', district: 'swale', phase: 'secondary' });
  const adviser = make.adviser({ name: 'Rae Adviser', role: 'careers-adviser', qualificationLevel: 'level-6-or-above' });
  // Ten young people in Year 9 in 2025/26 (Year 8 the year before).
  const pupils = Array.from({ length: 10 }, (_, i) =>
    make.pupil({ legalForename: `P${i}`, legalSurname: 'Test', dateOfBirth: '2011-12-01', schoolId: school.id, district: 'swale' }),
  );
  const session = (p: Pupil, date: string) =>
    make.session({ pupilId: p.id, adviserId: adviser.id, date, kind: 'personal-guidance', mode: 'in-person', durationMinutes: 30 });
  // Eight sessions this year; two the year before, few enough to be hidden.
  const sessions = [...pupils.slice(0, 8).map((p) => session(p, '2026-02-01')), ...pupils.slice(0, 2).map((p) => session(p, '2025-02-01'))];
  const report = buildAggregateReturnWithSummary({ pupils, sessions, experiences: [], schools: [school], advisers: [adviser] }, options);
  const figure = (id: string) => report.summary?.figures.find((f) => f.id === id);

  it('compares with the same dates a year earlier, counted the same way', () => {
    expect(report.summary?.lastYearPeriod).toEqual({ start: '2024-09-01', end: '2025-08-31' });
    expect(figure('caseload-total')).toMatchObject({ current: 10, lastYear: 10, change: 0 });
  });

  it("shows no change where last year's figure is hidden", () => {
    expect(figure('sessions-total')).toMatchObject({ current: 8, lastYear: 'c', change: null });
    expect(figure('caseload-seen')?.change).toBeNull();
  });
});
