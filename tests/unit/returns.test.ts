import { describe, expect, it } from 'vitest';
import type { GuidanceSession, Pupil, School } from '@shared/model';
import { generateDemoDataset } from '@shared/demo';
import { formatUkDate } from '@shared/academic-year';
import {
  buildAggregateReturn,
  buildExtract,
  buildPseudonymisedExtract,
  extractToCsv,
  findDerivableCells,
  findDerivableInLinkedTables,
  generaliseRareRows,
  hmacPseudonym,
  periodProblems,
  protectReturnTables,
  pseudonymSubject,
  pseudonymsFor,
  returnToCsv,
  scopeCaseload,
  type AggregateReturn,
  type ReturnOptions,
  type ReturnTable,
} from '@shared/returns';
import { csvField } from '@shared/csv';
import { MEANINGFUL_CRITERIA } from '@shared/reference';
import { createFactories } from '../support/factories';

// ---------------------------------------------------------------------------------------------
// A small caseload built by hand, with every expected number counted by hand below.
// Today is 24/11/2026; the period is the academic year 2026/27, so year groups are as they are now.
// ---------------------------------------------------------------------------------------------

let serial = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`;
const stamp = '2026-11-24T09:00:00.000Z';
const make = createFactories({ ids: { uuid }, stamp });

const schoolA = make.school({ name: 'Margate Harbour School', district: 'thanet', phase: 'secondary-with-sixth-form' });
const schoolB = make.school({ name: 'Chatham Hill Academy', district: 'medway', phase: 'secondary-with-sixth-form' });
const qualified = make.adviser({ name: 'Quinn Adviser', role: 'careers-adviser', qualificationLevel: 'level-6-or-above' });
const unqualified = make.adviser({ name: 'Uma Assistant', role: 'careers-leader', qualificationLevel: 'level-4' });
const liaison = make.adviser({ name: 'Hari Liaison', role: 'home-education-officer', qualificationLevel: 'level-6-or-above' });

/** A date of birth in the middle of the cohort that is in `yearGroup` in 2026/27. */
const bornFor = (yearGroup: number) => `${2026 - yearGroup - 5}-11-15`;

function pupil(
  name: string,
  yearGroup: number,
  fields: Omit<Partial<Pupil>, 'characteristics'> & { characteristics?: Partial<Pupil['characteristics']> } = {},
): Pupil {
  return make.pupil({
    legalForename: name,
    legalSurname: 'Testperson',
    dateOfBirth: bornFor(yearGroup),
    postcode: 'CT9 1AA',
    outcode: 'CT9',
    ...fields,
  });
}

const p1 = pupil('Ada', 11, {
  schoolId: schoolA.id,
  district: 'thanet',
  upn: 'A886123426001',
  riskBand: 'medium',
  intendedDestination: '230',
  characteristics: { freeSchoolMeals: true },
});
const p2 = pupil('Ben', 11, {
  schoolId: schoolA.id,
  district: 'thanet',
  upn: 'A886123426002',
  riskBand: 'low',
  intendedDestination: '310',
});
const p3 = pupil('Cai', 11, {
  schoolId: schoolB.id,
  district: 'medway',
  upn: 'A887123426003',
  riskBand: 'high',
  characteristics: { senSupport: true },
});
const p4 = pupil('Dee', 13, {
  schoolId: schoolA.id,
  district: 'thanet',
  upn: 'A886123424004',
  riskBand: 'low',
  intendedDestination: '240',
  characteristics: { ehcp: true },
});
const p5 = pupil('Eli', 13, {
  schoolId: schoolB.id,
  district: 'medway',
  upn: 'A887123424005',
  riskBand: 'medium',
  intendedDestination: '619',
  characteristics: { youngCarer: true, healthCondition: true },
});
const p6 = pupil('Fay', 9, {
  homeEducated: true,
  district: 'dover',
  liaisonOfficerId: liaison.id,
  riskBand: 'high',
  characteristics: { lookedAfter: true },
});
const p7 = pupil('Gus', 10, { schoolId: schoolA.id, district: 'thanet', upn: 'A886123427007', leftOn: '2026-07-01' });
const p8 = pupil('Hal', 8, { schoolId: schoolB.id, district: 'medway', upn: 'A887123428008' });

function session(
  who: Pupil,
  date: string,
  kind: GuidanceSession['kind'],
  adviserId: string,
  encounters: ('employer' | 'provider')[] = [],
): GuidanceSession {
  return make.session({
    pupilId: who.id,
    adviserId,
    date,
    kind,
    mode: 'in-person',
    durationMinutes: 30,
    encounters: encounters.map((kindOf) => ({ kind: kindOf, name: kindOf === 'employer' ? 'Local employer' : 'EKC Group' })),
  });
}

const sessions = [
  session(p1, '2026-10-01', 'personal-guidance', qualified.id, ['employer']), // s1: B8 meeting; 1 employer encounter
  session(p1, '2026-06-01', 'group', qualified.id, ['provider']), //             s2: before the period, in Year 10: counts for Years 10–11
  session(p1, '2026-11-01', 'drop-in', unqualified.id, ['provider']), //         s3: second provider encounter in Years 10–11
  session(p2, '2026-10-05', 'personal-guidance', unqualified.id, ['employer', 'employer']), // s4: not a qualified adviser;
  //                                                                                               2 employer encounters
  session(p3, '2027-09-10', 'personal-guidance', qualified.id), //               s5: after the period: not counted
  session(p4, '2025-03-01', 'personal-guidance', qualified.id, ['provider']), // s6: Year 11 then: counts for Benchmark 8 (by 18),
  //                                                                                 not for Years 12–13
  session(p4, '2026-12-01', 'personal-guidance', qualified.id), //               s7: second qualified meeting
  session(p5, '2026-10-10', 'personal-guidance', qualified.id), //               s8: one meeting only
  session(p6, '2026-10-20', 'home-visit', liaison.id, ['provider', 'provider']), // s9: home visit, 2 provider encounters in Year 9
];

const placement = (who: Pupil, start: string, end: string, status: 'completed' | 'cancelled' | 'confirmed') =>
  make.workPlacement({ pupilId: who.id, employerId: uuid(), start, end, status });

const fixture = {
  schools: [schoolA, schoolB],
  advisers: [qualified, unqualified, liaison],
  pupils: [p1, p2, p3, p4, p5, p6, p7, p8],
  sessions,
  experiences: [
    placement(p1, '2027-06-14', '2027-06-18', 'completed'),
    placement(p4, '2027-06-14', '2027-06-18', 'cancelled'),
    placement(p5, '2026-06-15', '2026-06-19', 'completed'), // before the period
    placement(p2, '2027-07-05', '2027-07-09', 'confirmed'),
  ],
};

const thisYear: ReturnOptions = {
  period: { start: '2026-09-01', end: '2027-08-31' },
  scope: { kind: 'all' },
  threshold: 1, // nothing hidden, so the raw counts can be read from what is shown too
  roundToNearest5: false,
  now: '2026-11-24',
};

function table(report: AggregateReturn, id: string): ReturnTable {
  const found = report.tables.find((t) => t.id === id);
  if (!found) throw new Error(`No table ${id}: ${report.tables.map((t) => t.id).join(', ')}`);
  return found;
}

/** Rows of a table by label, with only the rows that count anything. */
function rows(t: ReturnTable): Record<string, number[]> {
  return Object.fromEntries(
    t.rowLabels.map((label, r) => [label, t.counts[r]!] as const).filter(([, counts]) => counts.some((n) => n > 0)),
  );
}

describe('the aggregate return, counted by hand', () => {
  const report = buildAggregateReturn(fixture, thisYear);

  it('counts young people on the caseload, seen and not seen, by district, year group, group and risk band', () => {
    // On the caseload: everyone but Gus, who left before the period. Seen: Ada, Ben, Dee, Eli, Fay.
    expect(rows(table(report, 'caseload-by-district'))).toEqual({ Dover: [1, 0], Thanet: [3, 0], Medway: [1, 2] });
    expect(rows(table(report, 'caseload-by-year-group'))).toEqual({
      'Year 8': [0, 1],
      'Year 9': [1, 0],
      'Year 11': [2, 1],
      'Year 13': [2, 0],
    });
    expect(rows(table(report, 'caseload-by-characteristic'))).toEqual({
      'SEN support': [0, 1],
      'Education, health and care plan': [1, 0],
      'Free school meals': [1, 0],
      'Looked after': [1, 0],
      'Young carer': [1, 0],
      'Long-term health condition': [1, 0],
      'Home educated': [1, 0],
    });
    expect(rows(table(report, 'caseload-by-risk-band'))).toEqual({ Low: [2, 0], Medium: [2, 0], High: [1, 1], 'Not recorded': [0, 1] });
    expect(table(report, 'caseload-by-district').shown.columnTotals).toEqual([5, 2]);
    expect(table(report, 'caseload-by-district').percentages[0]!.total).toBe(71.4);
  });

  it('counts sessions in the period by kind, and none before or after it', () => {
    const t = table(report, 'sessions-by-year-group');
    expect(t.columnLabels).toEqual([
      'Personal guidance meeting',
      'Group session',
      'Drop-in',
      'Parent or carer meeting',
      'Home visit',
      'Follow-up',
    ]);
    expect(t.shown.columnTotals).toEqual([4, 0, 1, 0, 1, 0]);
    expect(rows(t)).toEqual({ 'Year 9': [0, 0, 0, 0, 1, 0], 'Year 11': [2, 0, 1, 0, 0, 0], 'Year 13': [2, 0, 0, 0, 0, 0] });
  });

  it('counts Benchmark 8: Year 11 with a qualified meeting by the end of the period, Year 13 with two', () => {
    // Year 11: Ada met a level 6 adviser; Ben only a level 4 one; Cai's meeting is after the period.
    // Year 13: Dee had two (one of them before the period); Eli one.
    const byDistrict = table(report, 'personal-guidance-by-district');
    expect(byDistrict.columnLabels).toEqual([
      'Year 11: at least one meeting',
      'Year 11: none yet',
      'Year 13: two or more meetings',
      'Year 13: fewer than two',
    ]);
    expect(byDistrict.shown.columnTotals).toEqual([1, 2, 1, 1]);
    expect(rows(byDistrict)).toEqual({ Thanet: [1, 1, 1, 0], Medway: [0, 1, 0, 1] });
    expect(byDistrict.percentages.map((p) => p.total)).toEqual([33.3, 50]);
    expect(byDistrict.shown.grandTotal).toBe(5); // only Years 11 and 13 are counted in the totals
    expect(rows(table(report, 'personal-guidance-by-characteristic'))).toEqual({
      'SEN support': [0, 1, 0, 0],
      'Education, health and care plan': [0, 0, 1, 0],
      'Free school meals': [1, 0, 0, 0],
      'Young carer': [0, 0, 0, 1],
      'Long-term health condition': [0, 0, 0, 1],
    });
    expect(table(report, 'personal-guidance-by-year-group').rowLabels).toEqual(['Year 11', 'Year 13']);
  });

  it('counts employer encounters and completed placements per young person (Benchmarks 5 and 6)', () => {
    expect(table(report, 'employer-encounters-by-district').shown.columnTotals).toEqual([5, 1, 1]);
    expect(rows(table(report, 'employer-encounters-by-risk-band'))).toEqual({
      Low: [1, 0, 1],
      Medium: [1, 1, 0],
      High: [2, 0, 0],
      'Not recorded': [1, 0, 0],
    });
    // Ada's placement was completed in the period; Eli's was completed before it.
    expect(table(report, 'workplace-experiences-by-district').shown.columnTotals).toEqual([1, 6]);
    expect(rows(table(report, 'workplace-experiences-by-district')).Thanet).toEqual([1, 2]);
  });

  it("counts a week's worth in the key stage each young person is in at the end of the period", () => {
    const meaningful = MEANINGFUL_CRITERIA.map((c) => c.id);
    const week = { hours: { basis: 'per-day' as const, value: 6 }, meaningful };
    const withWeeks = {
      ...fixture,
      experiences: [
        ...fixture.experiences,
        // Ben's week in Year 10 (before the period) counts for Key Stage 4; Fay's visits in Year 9 count for Key Stage 3.
        make.experience({ pupilIds: [p2.id], kind: 'work-placement', start: '2026-06-15', end: '2026-06-19', ...week }),
        make.experience({ pupilIds: [p6.id, p8.id], kind: 'workplace-visit', start: '2026-10-05', end: '2026-10-09', ...week }),
        // Ada's week of job shadowing is not a work placement, so it does not count in Key Stage 4.
        make.experience({ pupilIds: [p1.id], kind: 'job-shadowing', start: '2026-10-05', end: '2026-10-09', ...week }),
        // Cai's placement ends after the period.
        make.experience({ pupilIds: [p3.id], kind: 'work-placement', start: '2027-08-30', end: '2027-09-03', ...week }),
      ],
    };
    const t = table(buildAggregateReturn(withWeeks, thisYear), 'weeks-worth-by-year-group');
    expect(t.rowLabels).toEqual(['Year 7', 'Year 8', 'Year 9', 'Year 10', 'Year 11']);
    expect(rows(t)).toEqual({ 'Year 8': [1, 0, 0, 0], 'Year 9': [1, 0, 0, 0], 'Year 11': [0, 0, 1, 2] });
    expect(t.percentages.map((p) => p.total)).toEqual([100, 33.3]);
    // A shorter week's worth set in Settings is what the return counts against.
    const short = buildAggregateReturn({ ...fixture, weeksWorth: { days: 1, hoursPerDay: 1 } }, thisYear);
    expect(table(short, 'weeks-worth-by-district').shown.columnTotals).toEqual([0, 2, 0, 3]); // placements have no hours recorded
  });

  it("hides week's worth counts below the threshold, and the percentages worked out from them", () => {
    const t = table(buildAggregateReturn(fixture, { ...thisYear, threshold: 5 }), 'weeks-worth-by-district');
    expect(t.counts.flat().some((n) => n > 0 && n < 5)).toBe(true);
    t.counts.forEach((row, r) => row.forEach((n, c) => n > 0 && n < 5 && expect(t.shown.cells[r]![c]).toBe('c')));
    expect(t.percentages.map((p) => p.total)).toEqual(['c', 'c']);
  });

  it("counts Provider Access encounters against each young person's pair of year groups", () => {
    // Years 8–9: Fay (Year 9) had two in Year 9; Hal (Year 8) none.
    // Years 10–11: Ada had one in Year 10 (before the period) and one in Year 11; Ben and Cai none.
    // Years 12–13: Dee's only encounter was in Year 11, so it does not count; Eli none.
    const t = table(report, 'provider-access-by-year-group');
    expect(t.rowLabels).toEqual(['Year 8', 'Year 9', 'Year 10', 'Year 11', 'Year 12', 'Year 13']);
    expect(t.shown.columnTotals).toEqual([1, 1, 1, 2, 0, 2]);
    expect(rows(t)).toEqual({
      'Year 8': [0, 1, 0, 0, 0, 0],
      'Year 9': [1, 0, 0, 0, 0, 0],
      'Year 11': [0, 0, 1, 2, 0, 0],
      'Year 13': [0, 0, 0, 0, 0, 2],
    });
    expect(t.percentages.map((p) => p.total)).toEqual([50, 33.3, 0]);
  });

  it('counts placements overlapping the period by status', () => {
    const t = table(report, 'placements-by-district');
    expect(t.columnLabels).toEqual(['Proposed', 'Employer contacted', 'Confirmed', 'In progress', 'Completed', 'Cancelled']);
    expect(t.shown.columnTotals).toEqual([0, 0, 1, 0, 1, 1]);
  });

  it('counts intended destinations of Years 10 and above by NCCIS group', () => {
    const t = table(report, 'intended-destinations-by-year-group');
    expect(t.columnLabels.at(-1)).toBe('Not recorded');
    // Education: Ada 230, Dee 240; employment: Ben 310; NEET: Eli 619; not recorded: Cai.
    expect(t.shown.columnTotals).toEqual([0, 2, 1, 0, 1, 0, 1]);
    expect(rows(t)).toEqual({ 'Year 11': [0, 1, 1, 0, 0, 0, 1], 'Year 13': [0, 1, 0, 0, 1, 0, 0] });
  });

  it('has the six breakdowns for every measure, in a fixed order, by school where it covers more than one', () => {
    expect(report.tables.filter((t) => t.measureId === 'caseload').map((t) => t.dimensionId)).toEqual([
      'local-authority',
      'district',
      'school',
      'year-group',
      'characteristic',
      'risk-band',
    ]);
    expect(report.tables.find((t) => t.dimensionId === 'characteristic')!.rowsOverlap).toBe(true);
    const bySchool = table(report, 'caseload-by-school');
    expect(bySchool.rowLabels).toEqual([...report.schools.map((s) => s.label), 'No school (home educated, or none recorded)']);
    expect(report.schools.map((s) => s.id).sort()).toEqual([schoolA.id, schoolB.id].sort());
    // A school's own return has no "by school" split: everyone is at that school.
    const own = buildAggregateReturn(fixture, { ...thisYear, scope: { kind: 'school', schoolId: schoolA.id } });
    expect(own.tables.some((t) => t.dimensionId === 'school')).toBe(false);
  });
});

describe('scope and period', () => {
  it("counts only one school's young people for a school return", () => {
    const report = buildAggregateReturn(fixture, { ...thisYear, scope: { kind: 'school', schoolId: schoolA.id } });
    expect(report.scopeLabel).toBe('Young people at Margate Harbour School');
    expect(table(report, 'caseload-by-district').shown.grandTotal).toBe(3); // Ada, Ben, Dee (Gus has left)
    expect(table(report, 'sessions-by-district').shown.grandTotal).toBe(4); // s1, s3, s4, s7
  });

  it('counts only home-educated young people for a home-education return', () => {
    const report = buildAggregateReturn(fixture, { ...thisYear, scope: { kind: 'home-educated' } });
    expect(rows(table(report, 'caseload-by-district'))).toEqual({ Dover: [1, 0] });
  });

  it("counts an adviser's own sessions and the young people they saw or look after", () => {
    const q = buildAggregateReturn(fixture, { ...thisYear, scope: { kind: 'adviser', adviserId: qualified.id } });
    expect(table(q, 'caseload-by-district').shown.grandTotal).toBe(3); // Ada, Dee, Eli
    expect(table(q, 'sessions-by-district').shown.columnTotals).toEqual([3, 0, 0, 0, 0, 0]); // s1, s7, s8
    expect(table(q, 'personal-guidance-by-district').shown.columnTotals).toEqual([1, 0, 1, 1]); // Ada met; Dee two; Eli one
    const u = buildAggregateReturn(fixture, { ...thisYear, scope: { kind: 'adviser', adviserId: unqualified.id } });
    expect(table(u, 'caseload-by-district').shown.grandTotal).toBe(2); // Ada (drop-in), Ben
    const h = buildAggregateReturn(fixture, { ...thisYear, scope: { kind: 'adviser', adviserId: liaison.id } });
    expect(rows(table(h, 'caseload-by-district'))).toEqual({ Dover: [1, 0] });
    expect(h.scopeLabel).toBe('Young people seen by Hari Liaison');
  });

  it('counts a past academic year with year groups as they were then, and those who left during it', () => {
    const lastYear = buildAggregateReturn(fixture, { ...thisYear, period: { start: '2025-09-01', end: '2026-08-31' } });
    // Gus left on 1 July 2026, inside this period; everyone is a year younger.
    expect(rows(table(lastYear, 'caseload-by-year-group'))).toEqual({
      'Year 7': [0, 1],
      'Year 8': [0, 1],
      'Year 9': [0, 1],
      'Year 10': [1, 2],
      'Year 12': [0, 2],
    });
    expect(table(lastYear, 'sessions-by-district').shown.columnTotals).toEqual([0, 1, 0, 0, 0, 0]); // s2 only
    expect(table(lastYear, 'personal-guidance-by-district').shown.grandTotal).toBe(0); // nobody was in Year 11 or 13 then
  });

  it('counts only the sessions inside a shorter period', () => {
    const autumn = buildAggregateReturn(fixture, { ...thisYear, period: { start: '2026-10-01', end: '2026-10-31' } });
    expect(table(autumn, 'sessions-by-district').shown.columnTotals).toEqual([3, 0, 0, 0, 1, 0]); // s1, s4, s8 and the home visit s9
    // Dee's second meeting is after this period: only one by its end.
    expect(table(autumn, 'personal-guidance-by-district').shown.columnTotals).toEqual([1, 2, 0, 2]);
  });

  it("works out year groups at the end of the period, moving an adviser's override on with the years", () => {
    const yearsOf = (fields: Partial<Pupil>, end: string) =>
      scopeCaseload({ ...fixture, pupils: [pupil('Zed', 11, fields)] }, { ...thisYear, period: { start: '2025-09-01', end } }).pupils.map(
        (f) => f.yearGroup,
      );
    expect(yearsOf({}, '2027-08-31')).toEqual([11]);
    expect(yearsOf({}, '2026-08-31')).toEqual([10]);
    expect(yearsOf({ yearGroupOverride: { yearGroup: 10, academicYearStart: 2026 } }, '2026-08-31')).toEqual([9]);
    // Past Year 13 at the end of the period they have left school: not counted, never "Year 14".
    expect(yearsOf({}, '2029-08-31')).toEqual([13]);
    expect(yearsOf({}, '2029-09-01')).toEqual([]);
  });

  it('reports a period that ends before it starts as a problem to fix', () => {
    expect(periodProblems({ start: '2026-09-01', end: '2026-08-31' })).toEqual([
      { field: 'period.end', message: 'The period must end on or after the day it starts' },
    ]);
    expect(periodProblems({ start: '', end: '2026-08-31' })[0]!.field).toBe('period.start');
    expect(() => scopeCaseload(fixture, { ...thisYear, period: { start: '2026-09-01', end: '2026-01-01' } })).toThrow();
  });
});

describe('disclosure control in the return', () => {
  const options: ReturnOptions = {
    period: { start: '2025-09-01', end: '2026-11-24' },
    scope: { kind: 'all' },
    threshold: 5,
    roundToNearest5: false,
    now: '2026-11-24',
  };
  const demo = generateDemoDataset({ seed: 7, today: '2026-11-24' });
  const report = buildAggregateReturn(demo, options);

  it('shows every count from 1 to 4 as c, in every table and total', () => {
    for (const t of report.tables) {
      t.counts.forEach((row, r) =>
        row.forEach((n, c) => {
          if (n >= 1 && n < 5) expect(t.shown.cells[r]![c], `${t.id} ${t.rowLabels[r]}`).toBe('c');
        }),
      );
      const rowTotals = t.counts.map((row) => row.reduce((a, b) => a + b, 0));
      rowTotals.forEach((n, r) => {
        if (n >= 1 && n < 5) expect(t.shown.rowTotals[r]).toBe('c');
      });
    }
  });

  it('leaves nothing derivable from a row or column of any table, or from all the tables together', () => {
    for (const t of report.tables.filter((x) => !x.rowsOverlap)) expect(findDerivableCells(t.protected, t.counts), t.id).toEqual([]);
    const linked = protectReturnTables(scopeCaseload(demo, options), 5);
    const exposed = findDerivableInLinkedTables(
      linked.map((l) => l.table),
      linked.map((l) => l.protected),
    );
    expect(exposed.filter((e) => e.value > 0 || e.reason === 'inconsistent')).toEqual([]);
  });

  it('stays safe for a school, an adviser and home education, at other thresholds too', () => {
    const scopes: ReturnOptions['scope'][] = [
      { kind: 'school', schoolId: demo.schools[0]!.id },
      { kind: 'home-educated' },
      { kind: 'adviser', adviserId: demo.advisers[0]!.id },
    ];
    for (const scope of scopes) {
      for (const threshold of [3, 6, 10]) {
        const linked = protectReturnTables(scopeCaseload(demo, { ...options, scope }), threshold);
        const exposed = findDerivableInLinkedTables(
          linked.map((l) => l.table),
          linked.map((l) => l.protected),
        );
        expect(
          exposed.filter((e) => e.value > 0 || e.reason === 'inconsistent'),
          `${scope.kind} ${threshold}`,
        ).toEqual([]);
      }
    }
  });

  it('shows the same figure the same way in every table it appears in', () => {
    const totals = new Map<string, string>();
    for (const t of report.tables.filter((x) => x.measureId === 'caseload' || x.measureId === 'employer-encounters')) {
      const key = JSON.stringify(t.protected.grandTotal);
      totals.set(t.id, key);
    }
    expect(new Set(totals.values()).size).toBe(1);
  });

  it('hides a percentage worked out from a hidden count', () => {
    const seen = table(report, 'caseload-by-district');
    seen.percentages[0]!.rows.forEach((value, r) => {
      if (seen.shown.cells[r]![0] === 'c' || seen.shown.rowTotals[r] === 'c') expect(value).toBe('c');
      else expect(value).toBeTypeOf(seen.shown.rowTotals[r] === 0 ? 'string' : 'number');
    });
    const guidance = table(report, 'personal-guidance-by-district');
    guidance.percentages[0]!.rows.forEach((value, r) => {
      const [met, notMet] = guidance.shown.cells[r]!;
      if (met === 'c' || notMet === 'c') expect(value).toBe('c');
    });
    expect(seen.percentages[0]!.rows).toContain('c');
  });

  it('rounds every shown figure to a multiple of 5 when asked, and says so', () => {
    const rounded = buildAggregateReturn(demo, { ...options, roundToNearest5: true });
    for (const t of rounded.tables) {
      for (const cell of [...t.shown.cells.flat(), ...t.shown.rowTotals, ...t.shown.columnTotals, t.shown.grandTotal]) {
        if (typeof cell === 'number') expect(cell % 5).toBe(0);
      }
      expect(t.notes.some((n) => n.includes('rounded to the nearest 5'))).toBe(true);
    }
  });

  it('notes under every table what was applied', () => {
    for (const t of report.tables) {
      expect(t.notes).toContain('Counts of 1 to 4 are shown as c.');
      expect(t.notes.some((n) => n.startsWith('Further figures are shown as c'))).toBe(true);
    }
  });
});

describe('the pseudonymised extract', () => {
  const key = 'recipient key for Kent County Council';

  it('makes an HMAC-SHA-256 pseudonym, the same for the same key and different for another', async () => {
    // RFC 4231 test case 2.
    expect(await hmacPseudonym('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    expect(await hmacPseudonym(key, 'A886123426001')).toBe(await hmacPseudonym(key, 'A886123426001'));
    expect(await hmacPseudonym('another key', 'A886123426001')).not.toBe(await hmacPseudonym(key, 'A886123426001'));
    await expect(hmacPseudonym('', 'x')).rejects.toThrow();
  });

  it('hashes the UPN, or the record id for a young person without one', async () => {
    expect(pseudonymSubject(p1)).toBe('A886123426001');
    expect(pseudonymSubject({ id: p1.id, upn: ' a886123426001 ' })).toBe('A886123426001');
    expect(pseudonymSubject(p6)).toBe(p6.id);
    const map = await pseudonymsFor([p1, p6], key);
    expect(map.get(p1.id)).toBe(await hmacPseudonym(key, 'A886123426001'));
    expect(map.get(p6.id)).toBe(await hmacPseudonym(key, p6.id));
  });

  it('gives one row a young person, with year and month of birth, district and flags, and no identifiers', async () => {
    const extract = await buildPseudonymisedExtract(fixture, thisYear, key);
    expect(extract.rows).toHaveLength(7); // Gus left before the period
    const adaPseudonym = await hmacPseudonym(key, p1.upn!);
    expect(extract.rows.find((r) => r.pseudonym === adaPseudonym)).toEqual({
      pseudonym: adaPseudonym,
      yearGroup: 11,
      birthMonth: '2010-11',
      school: 'Margate Harbour School',
      district: 'Thanet',
      characteristics: {
        'sen-support': 'N',
        ehcp: 'N',
        'free-school-meals': 'Y',
        'looked-after': 'N',
        'young-carer': 'N',
        'health-condition': 'N',
        'home-educated': 'N',
      },
      riskBand: 'Medium',
      sessions: 2,
      encounters: 2, // an employer encounter in s1 and a provider encounter in s3
      intendedDestination: '230',
    });
    const fay = extract.rows.find((r) => r.pseudonym === '' + (extract.rows.find((x) => x.school === 'Home educated')?.pseudonym ?? ''))!;
    expect(fay).toMatchObject({ school: 'Home educated', district: 'Dover', yearGroup: 9, sessions: 1, encounters: 2 });
    expect(fay.pseudonym).toBe(await hmacPseudonym(key, p6.id));
    // Sorted by pseudonym, so the order says nothing about names or when records were added.
    expect(extract.rows.map((r) => r.pseudonym)).toEqual(extract.rows.map((r) => r.pseudonym).sort());
  });

  it('refuses to build without a pseudonym for everyone', () => {
    expect(() => buildExtract(fixture, thisYear, new Map())).toThrow();
  });

  it('generalises rare combinations: school, then district to council, then characteristics; and leaves out what is still rare', () => {
    const school = (name: string, district: School['district']) => make.school({ name, district, phase: 'secondary' });
    const a = school('School A', 'thanet');
    const others = ['School C', 'School D', 'School E'].map((name) => school(name, 'thanet'));
    const medway = school('School M', 'medway');
    const gravesham = school('School G', 'gravesham');
    const young = (schoolId: string, district: Pupil['district'], characteristics: Partial<Pupil['characteristics']> = {}) =>
      pupil('Zed', 10, { schoolId, district, upn: null, characteristics });
    const pupils = [
      young(a.id, 'thanet'),
      young(a.id, 'thanet'),
      young(a.id, 'thanet'), //                 3 alike: shown in full
      ...others.map((s) => young(s.id, 'thanet')), //                                        one per school: school not shown
      young(medway.id, 'medway', { freeSchoolMeals: true }), //                              alone even in Medway: left out
      young(gravesham.id, 'gravesham', { ehcp: true }),
      young(gravesham.id, 'gravesham', { lookedAfter: true }),
      young(gravesham.id, 'gravesham', { senSupport: true }),
    ];
    const data = { schools: [a, ...others, medway, gravesham], advisers: [], pupils, sessions: [], experiences: [] };
    const extract = buildExtract(data, { ...thisYear, threshold: 3 }, new Map(pupils.map((p, i) => [p.id, `p${i}`])));
    const byPseudonym = Object.fromEntries(extract.rows.map((r) => [r.pseudonym, r]));
    expect(Object.keys(byPseudonym).sort()).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p7', 'p8', 'p9']);
    expect(byPseudonym.p0).toMatchObject({ school: 'School A', district: 'Thanet' });
    expect(byPseudonym.p3).toMatchObject({ school: 'Not shown', district: 'Thanet' });
    expect(byPseudonym.p3!.characteristics['free-school-meals']).toBe('N');
    expect(byPseudonym.p7).toMatchObject({ school: 'Not shown', district: 'Kent', riskBand: 'c' });
    expect(Object.values(byPseudonym.p7!.characteristics)).toEqual(['c', 'c', 'c', 'c', 'c', 'c', 'c']);
    expect(extract.notes.some((n) => n.includes('Where fewer than 3 young people share'))).toBe(true);
  });

  it('keeps every row unchanged when the threshold hides nothing', () => {
    const facts = scopeCaseload(fixture, thisYear).pupils;
    const items = facts.map((f) => ({
      facts: f,
      row: {
        pseudonym: f.pupil.id,
        yearGroup: f.yearGroup,
        birthMonth: '',
        school: 'S',
        district: 'D',
        characteristics: {
          'sen-support': 'N',
          ehcp: 'N',
          'free-school-meals': 'N',
          'looked-after': 'N',
          'young-carer': 'N',
          'health-condition': 'N',
          'home-educated': 'N',
        } as const,
        riskBand: 'Low',
        sessions: 0,
        encounters: 0,
        intendedDestination: '',
      },
    }));
    expect(
      generaliseRareRows(
        items.map((i) => ({ ...i, row: { ...i.row, characteristics: { ...i.row.characteristics } } })),
        1,
      ),
    ).toHaveLength(facts.length);
  });
});

describe('CSV', () => {
  it('starts with a byte-order mark, ends lines with CRLF and quotes as RFC 4180 asks', () => {
    const csv = returnToCsv(buildAggregateReturn(fixture, { ...thisYear, threshold: 5 }), { serviceName: 'Kent Careers, "North"' });
    expect(csv.startsWith('\uFEFF"Kent Careers, ""North"": Anonymised return"\r\n')).toBe(true);
    expect(csv).not.toMatch(/[^\r]\n/);
    expect(csv).toContain('Scope,All young people on the caseload\r\n');
    expect(csv).toContain(`Period,${formatUkDate('2026-09-01')} to ${formatUkDate('2027-08-31')}`);
    expect(csv).toContain('Threshold,Counts of 1 to 4 are shown as c.');
    expect(csv).toContain('Rounding,Not rounded');
    expect(csv).toContain('Produced,24/11/2026');
    expect(csv).toContain('District,Seen in the period,Not seen in the period,Total,% seen in the period\r\n');
  });

  it('writes only protected figures: a small count appears as c', () => {
    const report = buildAggregateReturn(fixture, { ...thisYear, threshold: 5 });
    expect(returnToCsv(report)).toContain('Thanet,c,0,c,c\r\n');
  });

  it('puts an apostrophe before text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+44 7700')).toBe("'+44 7700");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-1)).toBe('-1');
    expect(csvField('Plain, with comma')).toBe('"Plain, with comma"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
  });

  it('guards a school name that looks like a formula in the extract', () => {
    const evil = make.school({ name: '=cmd|calc', district: 'thanet', phase: 'secondary' });
    const who = pupil('Ivy', 10, { schoolId: evil.id, district: 'thanet', upn: null });
    const data = { schools: [evil], advisers: [], pupils: [who], sessions: [], experiences: [] };
    const csv = extractToCsv(buildExtract(data, thisYear, new Map([[who.id, 'abc']])));
    expect(csv).toContain("abc,10,2011-11,'=cmd|calc,Thanet,");
    expect(csv).toContain('Threshold,Combinations shared by fewer than 1 young people are generalised or left out\r\n');
  });
});

describe('nothing personal leaves the machine (demo data, seed 7)', () => {
  const today = '2026-11-24';
  const demo = generateDemoDataset({ seed: 7, today });
  const options: ReturnOptions = {
    period: { start: '2025-09-01', end: '2026-08-31' },
    scope: { kind: 'all' },
    threshold: 5,
    roundToNearest5: false,
    now: today,
  };

  function forbidden(): string[] {
    const found = new Set<string>();
    const add = (value: string | null | undefined) => {
      if (value && value.trim()) found.add(value.trim());
    };
    for (const p of demo.pupils) {
      add(`${p.legalForename} ${p.legalSurname}`);
      if (p.preferredForename) add(`${p.preferredForename} ${p.preferredSurname || p.legalSurname}`);
      add(p.upn);
      add(p.uln);
      add(p.postcode);
      add(p.dateOfBirth);
      add(formatUkDate(p.dateOfBirth));
      add(p.email);
      add(p.phone);
      add(p.parentCarer.name);
      add(p.parentCarer.email);
      add(p.parentCarer.phone);
    }
    return [...found];
  }

  it('has personal details to look for', () => {
    const values = forbidden();
    expect(values.length).toBeGreaterThan(1000);
    expect(values.some((v) => /^[A-Z]\d{12}$/.test(v))).toBe(true); // UPNs
    expect(values.some((v) => /^\d{10}$/.test(v))).toBe(true); // ULNs
    expect(values.some((v) => v.includes('@'))).toBe(true);
  });

  it('puts no name, UPN, ULN, postcode, date of birth, email or phone number in either CSV', async () => {
    const aggregate = returnToCsv(buildAggregateReturn(demo, options));
    const rounded = returnToCsv(
      buildAggregateReturn(demo, { ...options, roundToNearest5: true, period: { start: '2024-09-01', end: today } }),
    );
    const extract = extractToCsv(await buildPseudonymisedExtract(demo, options, 'a recipient key'));
    const text = [aggregate, rounded, extract].join('\n');
    const leaks = forbidden().filter((value) => text.includes(value));
    expect(leaks).toEqual([]);
    // And the extract has its rows: the test looked at real output.
    expect(extract.split('\r\n').length).toBeGreaterThan(200);
  });
});
