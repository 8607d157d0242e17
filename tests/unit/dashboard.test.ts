import { describe, expect, it } from 'vitest';
import type { GuidanceSession, Placement, Pupil } from '@shared/model';
import { scopeCaseload, type ReturnScope } from '@shared/returns';
import {
  buildDashboard,
  categoryLabel,
  monthsOf,
  peopleBehind,
  personBehind,
  sharePercent,
  showPupilsWords,
  summariseSeries,
  type Dashboard,
  type DashboardChartId,
  type DashboardSeries,
  groupsShareOneMeasure,
} from '@shared/dashboard';
import { createFactories } from '../support/factories';
import { MEANINGFUL_CRITERIA } from '@shared/reference';

// ---------------------------------------------------------------------------------------------
// A small caseload built by hand; every figure expected below is counted by hand from it.
// Today is 15/01/2027, in the academic year 2026/27, so year groups are as they are now.
// ---------------------------------------------------------------------------------------------

let serial = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`;
const stamp = '2027-01-15T09:00:00.000Z';
const make = createFactories({ ids: { uuid }, stamp });

const schoolA = make.school({ name: 'Margate Harbour School', district: 'thanet', phase: 'secondary-with-sixth-form' });
const schoolB = make.school({ name: 'Chatham Hill Academy', district: 'medway', phase: 'secondary-with-sixth-form' });
const qualified = make.adviser({ name: 'Quinn Adviser', role: 'careers-adviser', qualificationLevel: 'level-6-or-above' });
const unqualified = make.adviser({ name: 'Uma Assistant', role: 'careers-leader', qualificationLevel: 'level-4' });

const bornFor = (yearGroup: number) => `${2026 - yearGroup - 5}-11-15`;

function pupil(name: string, yearGroup: number, fields: Partial<Pupil> = {}): Pupil {
  return make.pupil({ legalForename: name, legalSurname: 'Testperson', dateOfBirth: bornFor(yearGroup), ...fields });
}

const ada = pupil('Ada', 11, { schoolId: schoolA.id, riskBand: 'medium', intendedDestination: '230' });
const ben = pupil('Ben', 11, { schoolId: schoolA.id, riskBand: 'low', intendedDestination: '310' });
const cai = pupil('Cai', 13, { schoolId: schoolB.id, riskBand: 'high', intendedDestination: '619' });
const dee = pupil('Dee', 13, { schoolId: schoolA.id }); // no risk band, no intended destination
const eli = pupil('Eli', 9, { homeEducated: true, riskBand: 'high' });
const fay = pupil('Fay', 8, { schoolId: schoolB.id, riskBand: 'low', leftOn: '2026-07-01' }); // left before the period
const gus = pupil('Gus', 10, { schoolId: schoolA.id, riskBand: 'low' });

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
    encounters: encounters.map((k) => ({ kind: k, name: k === 'employer' ? 'Local employer' : 'EKC Group' })),
  });
}

const sessions = [
  session(ada, '2026-10-01', 'personal-guidance', qualified.id, ['provider']), // Oct; Ada's Benchmark 8 meeting;
  //                                                                              provider 1 of 2 in Years 10–11
  session(ada, '2026-10-20', 'group', qualified.id), //                           Oct again: Ada listed once
  session(ben, '2026-10-05', 'personal-guidance', unqualified.id), //              Oct; not a qualified adviser
  session(cai, '2025-11-01', 'personal-guidance', qualified.id), //                before the period: counts for Benchmark 8, not per month
  session(cai, '2026-12-01', 'personal-guidance', qualified.id), //                Dec; Cai's second meeting
  session(dee, '2026-09-15', 'personal-guidance', qualified.id), //                Sep; Dee's only meeting
  session(eli, '2026-11-10', 'home-visit', qualified.id, ['provider', 'provider']), // Nov; both provider encounters in Years 8–9
  session(gus, '2025-06-01', 'group', unqualified.id, ['provider']), //           Gus was in Year 9 then: not Years 10–11
  session(gus, '2026-11-15', 'drop-in', unqualified.id, ['provider']), //         Nov; Gus's one encounter in Years 10–11
  session(fay, '2026-10-10', 'personal-guidance', qualified.id), //                Fay has left: not counted
  session(ada, '2026-11-02', 'drop-in', unqualified.id, ['provider']), //          Nov; Ada's second provider encounter
];

const placement = (who: Pupil, start: string, end: string, status: Placement['status']) =>
  make.workPlacement({ pupilId: who.id, employerId: uuid(), start, end, status });

const fixture = {
  schools: [schoolA, schoolB],
  advisers: [qualified, unqualified],
  pupils: [ada, ben, cai, dee, eli, fay, gus],
  sessions,
  experiences: [
    placement(ada, '2026-10-01', '2026-10-05', 'confirmed'),
    placement(ada, '2026-06-01', '2026-06-05', 'completed'), // before the period
    placement(ben, '2026-09-20', '2026-09-24', 'completed'),
    placement(ben, '2026-11-01', '2026-11-05', 'completed'), // Ben's second: two placements, one young person
    placement(fay, '2026-10-01', '2026-10-05', 'proposed'), // Fay has left
    placement(gus, '2027-03-01', '2027-03-05', 'cancelled'),
  ],
};

const thisYear = { start: '2026-09-01', end: '2027-08-31' };
const now = '2027-01-15';

function dashboardFor(scope: ReturnScope = { kind: 'all' }, period = thisYear): Dashboard {
  return buildDashboard(scopeCaseload(fixture, { period, scope }), { period, now });
}

function chart(dashboard: Dashboard, id: DashboardChartId): DashboardSeries {
  const found = dashboard.series.find((s) => s.id === id);
  if (!found) throw new Error(`No chart ${id}`);
  return found;
}

/** Each category as "group label: segment label" → [count, names behind it, sorted]. */
function figures(series: DashboardSeries): Record<string, [number, string[]]> {
  const byId = new Map(fixture.pupils.map((p) => [p.id, p.legalForename]));
  const out: Record<string, [number, string[]]> = {};
  series.groups.forEach((_g, gi) =>
    series.segments.forEach((_s, si) => {
      const cell = series.cells[gi]![si]!;
      out[categoryLabel(series, gi, si)] = [cell.count, cell.pupilIds.map((id) => byId.get(id)!).sort()];
    }),
  );
  return out;
}

describe('the coordinator dashboard', () => {
  const dashboard = dashboardFor();

  it('counts the young people in scope, leaving out those who left before the period', () => {
    expect(dashboard.pupilCount).toBe(6);
    expect(dashboard.series.map((s) => s.id)).toEqual([
      'sessions-per-month',
      'benchmark-8',
      'weeks-worth',
      'provider-access',
      'risk-bands',
      'placements',
      'intended-destinations',
    ]);
  });

  it('counts sessions per month up to this month, listing each young person seen once', () => {
    expect(figures(chart(dashboard, 'sessions-per-month'))).toEqual({
      'September 2026': [1, ['Dee']],
      'October 2026': [3, ['Ada', 'Ben']],
      'November 2026': [3, ['Ada', 'Eli', 'Gus']],
      'December 2026': [1, ['Cai']],
      'January 2027': [0, []],
    });
  });

  it('shows Benchmark 8 coverage for Years 11 and 13, with the other years present for context', () => {
    const series = chart(dashboard, 'benchmark-8');
    expect(figures(series)).toEqual({
      'Year 9: Had the meetings expected': [1, ['Eli']], // a home visit with a qualified adviser counts
      'Year 9: Not yet': [0, []],
      'Year 10: Had the meetings expected': [0, []],
      'Year 10: Not yet': [1, ['Gus']],
      'Year 11: Had the meetings expected': [1, ['Ada']],
      'Year 11: Not yet': [1, ['Ben']], // his meeting was with an adviser below level 6
      'Year 13: Had the meetings expected': [1, ['Cai']], // two meetings, one before the period
      'Year 13: Not yet': [1, ['Dee']], // one meeting; Year 13 needs two
    });
    expect(series.groups.find((g) => g.id === '11')!.note).toBe('Benchmark 8: at least one meeting by 16');
    expect(series.groups.find((g) => g.id === '13')!.note).toBe('Benchmark 8: two or more meetings by 18');
    expect(sharePercent(series, 2, 0)).toBe(50);
  });

  it("shows who has had a week's worth in the key stage they are in, by year group", () => {
    const meaningful = MEANINGFUL_CRITERIA.map((c) => c.id);
    const week = { hours: { basis: 'per-day' as const, value: 6 }, meaningful };
    const withWeeks = {
      ...fixture,
      experiences: [
        ...fixture.experiences,
        make.experience({ pupilIds: [ada.id], kind: 'work-placement', start: '2026-06-15', end: '2026-06-19', ...week }), // Year 10
        make.experience({ pupilIds: [eli.id, gus.id], kind: 'workplace-visit', start: '2026-10-05', end: '2026-10-09', ...week }),
      ],
    };
    const series = chart(
      buildDashboard(scopeCaseload(withWeeks, { period: thisYear, scope: { kind: 'all' } }), { period: thisYear, now }),
      'weeks-worth',
    );
    expect(figures(series)).toEqual({
      "Year 7: A week's worth": [0, []],
      'Year 7: Not yet': [0, []],
      "Year 8: A week's worth": [0, []],
      'Year 8: Not yet': [0, []],
      "Year 9: A week's worth": [1, ['Eli']],
      'Year 9: Not yet': [0, []],
      "Year 10: A week's worth": [0, []],
      'Year 10: Not yet': [1, ['Gus']], // a visit is not a work placement, so it does not count in Key Stage 4
      "Year 11: A week's worth": [1, ['Ada']],
      'Year 11: Not yet': [1, ['Ben']],
    });
    expect(series.groups.find((g) => g.id === '11')!.note).toBe("Key Stage 4: a week's worth of work placement by the end of Year 11");
    expect(groupsShareOneMeasure(series)).toBe(false);
    expect(sharePercent(series, 4, 0)).toBe(50);
  });

  it('gives no total across year groups measured against different expectations', () => {
    // Benchmark 8 expects one meeting by 16 but two by 18; provider encounters are required in some years and offered in others.
    expect(groupsShareOneMeasure(chart(dashboard, 'benchmark-8'))).toBe(false);
    expect(groupsShareOneMeasure(chart(dashboard, 'provider-access'))).toBe(false);
    // Counts of one kind across months or bands add up honestly.
    expect(groupsShareOneMeasure(chart(dashboard, 'sessions-per-month'))).toBe(true);
    expect(groupsShareOneMeasure(chart(dashboard, 'risk-bands'))).toBe(true);
  });

  it('counts provider encounters against the target for each pair of year groups', () => {
    expect(figures(chart(dashboard, 'provider-access'))).toEqual({
      'Years 8 to 9: Two or more encounters': [1, ['Eli']],
      'Years 8 to 9: Fewer than two': [0, []],
      'Years 10 to 11: Two or more encounters': [1, ['Ada']],
      'Years 10 to 11: Fewer than two': [2, ['Ben', 'Gus']], // Gus's Year 9 encounter counts for Years 8–9, not 10–11
      'Years 12 to 13: Two or more encounters': [0, []],
      'Years 12 to 13: Fewer than two': [2, ['Cai', 'Dee']],
    });
  });

  it('counts young people by risk-of-NEET band', () => {
    expect(figures(chart(dashboard, 'risk-bands'))).toEqual({
      Low: [2, ['Ben', 'Gus']],
      Medium: [1, ['Ada']],
      High: [2, ['Cai', 'Eli']],
      'Not recorded': [1, ['Dee']],
    });
  });

  it('counts placements that overlap the period by status, listing each young person once', () => {
    expect(figures(chart(dashboard, 'placements'))).toEqual({
      Proposed: [0, []],
      'Employer contacted': [0, []],
      Confirmed: [1, ['Ada']],
      'In progress': [0, []],
      Completed: [2, ['Ben']],
      Cancelled: [1, ['Gus']],
    });
  });

  it('groups the intended destinations of Years 10 and above by NCCIS group', () => {
    expect(figures(chart(dashboard, 'intended-destinations'))).toEqual({
      'Pre-16': [0, []],
      Education: [1, ['Ada']],
      Employment: [1, ['Ben']],
      Training: [0, []],
      'Not in education, employment or training (NEET)': [1, ['Cai']],
      'Not known': [0, []],
      'Not recorded': [2, ['Dee', 'Gus']], // Eli is in Year 9
    });
  });

  it('follows the scope: home educated only', () => {
    const home = dashboardFor({ kind: 'home-educated' });
    expect(home.pupilCount).toBe(1);
    expect(figures(chart(home, 'risk-bands')).High).toEqual([1, ['Eli']]);
    expect(figures(chart(home, 'sessions-per-month'))['November 2026']).toEqual([1, ['Eli']]);
    expect(figures(chart(home, 'placements')).Completed).toEqual([0, []]);
  });

  it('follows the scope: one school', () => {
    const school = dashboardFor({ kind: 'school', schoolId: schoolB.id });
    expect(school.pupilCount).toBe(1);
    expect(figures(chart(school, 'benchmark-8'))['Year 13: Had the meetings expected']).toEqual([1, ['Cai']]);
    // Years 11 and 13 are always shown, even with nobody in them.
    expect(chart(school, 'benchmark-8').groups.map((g) => g.label)).toEqual(['Year 11', 'Year 13']);
  });

  it('shows every month of last academic year, with year groups as they were then', () => {
    const lastYear = dashboardFor({ kind: 'all' }, { start: '2025-09-01', end: '2026-08-31' });
    const months = chart(lastYear, 'sessions-per-month');
    expect(months.groups).toHaveLength(12);
    expect(months.groups[0]!.axisLabel).toBe('Sep 2025');
    expect(months.groups[11]!.label).toBe('August 2026');
    expect(figures(months)['November 2025']).toEqual([1, ['Cai']]);
    // Cai and Dee were in Year 12 then: Cai with one meeting by the end of the year, Dee with none.
    expect(figures(chart(lastYear, 'benchmark-8'))['Year 12: Not yet']).toEqual([2, ['Cai', 'Dee']]);
    expect(figures(chart(lastYear, 'benchmark-8'))['Year 11: Had the meetings expected']).toEqual([0, []]);
  });
});

describe('dashboard words', () => {
  const dashboard = dashboardFor();

  it('summarises a plain bar chart with each figure and the total', () => {
    expect(summariseSeries(chart(dashboard, 'risk-bands'))).toBe(
      'Bar chart: Risk of NEET. Low 2, Medium 1, High 2, Not recorded 1. Total 6 young people.',
    );
  });

  it('summarises a split bar chart as shares of each group', () => {
    expect(summariseSeries(chart(dashboard, 'provider-access'))).toBe(
      'Stacked bar chart: Encounters with providers against the Provider Access targets. Two or more encounters, by year groups: ' +
        'Years 8 to 9: 1 of 1 (100%); Years 10 to 11: 1 of 3 (33%); Years 12 to 13: 0 of 2 (0%).',
    );
  });

  it('says when a chart has nothing to show', () => {
    const none = dashboardFor({ kind: 'school', schoolId: 'no-such-school' });
    expect(none.pupilCount).toBe(0);
    expect(summariseSeries(chart(none, 'placements'))).toContain('Nothing to show');
  });

  it('words the button that lists the young people', () => {
    expect(showPupilsWords(1)).toBe('Show the young person');
    expect(showPupilsWords(1234)).toBe('Show the 1,234 young people');
  });

  it('stops the months at this month while the period is still running', () => {
    expect(monthsOf({ start: '2026-09-01', end: '2027-08-31' }, '2026-09-03').map((m) => m.id)).toEqual(['2026-09']);
    expect(monthsOf({ start: '2026-09-01', end: '2027-08-31' }, '2026-08-03')).toHaveLength(12);
  });
});

describe('the young people behind a figure', () => {
  const scoped = scopeCaseload(fixture, { period: thisYear, scope: { kind: 'all' } });
  const people = new Map(scoped.pupils.map((facts) => [facts.pupil.id, personBehind(facts)]));

  it('describes each by name, year group and school or home education, and nothing more', () => {
    expect(people.get(ada.id)).toEqual({
      id: ada.id,
      name: 'Ada Testperson',
      sortKey: 'testperson ada',
      detail: 'Year 11, Margate Harbour School',
    });
    expect(people.get(eli.id)?.detail).toBe('Year 9, home educated');
    expect(Object.keys(people.get(cai.id) ?? {})).toEqual(['id', 'name', 'sortKey', 'detail']);
  });

  it('lists them by surname then forename, leaving out anyone no longer in scope', () => {
    expect(peopleBehind([gus.id, cai.id, fay.id, ada.id], people).map((p) => p.name)).toEqual([
      'Ada Testperson',
      'Cai Testperson',
      'Gus Testperson',
    ]);
  });
});
