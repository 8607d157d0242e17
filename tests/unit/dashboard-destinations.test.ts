// The dashboard's destination measures (shared/dashboard/destinations.ts): planned destination before
// leaving, where the last Year 11 leavers went, and September Guarantee offers, from the history as it
// stood at the end of the period or today, under the dashboard's scope.
import { describe, expect, it } from 'vitest';
import { destinationEntrySchema, type DestinationEntry, type Pupil } from '@shared/model';
import { scopeCaseload, type ReturnPeriod, type ReturnScope } from '@shared/returns';
import { buildDashboard, type DashboardChartId, type DashboardSeries } from '@shared/dashboard';
import { createFactories } from '../support/factories';

let serial = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`;
const stamp = '2027-01-15T09:00:00.000Z';
const make = createFactories({ ids: { uuid }, stamp });

const school = make.school({ name: 'Margate Harbour School', district: 'thanet', phase: 'secondary-with-sixth-form' });
const other = make.school({ name: 'Chatham Hill Academy', district: 'medway', phase: 'secondary-with-sixth-form' });
/** Born so as to be in this year group in 2026/27. */
const bornFor = (yearGroup: number) => `${2026 - yearGroup - 5}-11-15`;
const pupil = (name: string, yearGroup: number, fields: Partial<Pupil> = {}): Pupil =>
  make.pupil({ legalForename: name, legalSurname: 'Testperson', dateOfBirth: bornFor(yearGroup), schoolId: school.id, ...fields });

const amy = pupil('Amy', 11);
const bea = pupil('Bea', 11);
const cat = pupil('Cat', 13);
const dan = pupil('Dan', 12, { leftOn: '2026-07-20' }); // left Year 11 in summer 2026
const eve = pupil('Eve', 12);
const fox = pupil('Fox', 12, { leftOn: '2026-07-20' });
const gus = pupil('Gus', 12);
const hil = pupil('Hil', 12, { schoolId: other.id });

function entry(fields: Record<string, unknown>): DestinationEntry {
  return destinationEntrySchema.parse({ id: uuid(), createdAt: stamp, updatedAt: stamp, source: 'school', ...fields });
}
const entries = [
  entry({ pupilId: amy.id, kind: 'intended', code: '230', recordedOn: '2026-10-01' }),
  entry({ pupilId: cat.id, kind: 'intended', code: '310', recordedOn: '2027-02-01' }), // after today
  entry({ pupilId: dan.id, kind: 'activity', code: '230', recordedOn: '2026-09-15' }),
  entry({ pupilId: eve.id, kind: 'activity', code: '310', recordedOn: '2026-09-20' }),
  entry({ pupilId: fox.id, kind: 'activity', code: '230', recordedOn: '2026-09-10' }),
  entry({ pupilId: fox.id, kind: 'november-activity', code: '619', surveyYear: 2026, recordedOn: '2026-11-01' }), // the latest
  entry({ pupilId: hil.id, kind: 'activity', code: '230', recordedOn: '2026-09-15' }),
  entry({
    pupilId: amy.id,
    kind: 'guarantee-offer',
    guaranteeYear: 2027,
    status: 'offered',
    offeredBy: 'EKC Group',
    recordedOn: '2027-01-10',
  }),
  entry({ pupilId: bea.id, kind: 'guarantee-offer', guaranteeYear: 2027, status: 'none-yet', recordedOn: '2027-01-10' }),
  entry({
    pupilId: eve.id,
    kind: 'guarantee-offer',
    guaranteeYear: 2026,
    status: 'accepted',
    offeredBy: 'Sixth form',
    recordedOn: '2026-06-01',
  }),
];
const pupils = [amy, bea, cat, dan, eve, fox, gus, hil];
const source = { schools: [school, other], advisers: [], pupils, sessions: [], experiences: [] };
const thisYear = { start: '2026-09-01', end: '2027-08-31' };
const lastYear = { start: '2025-09-01', end: '2026-08-31' };
const now = '2027-01-15';

function chart(id: DashboardChartId, scope: ReturnScope = { kind: 'school', schoolId: school.id }, period: ReturnPeriod = thisYear) {
  const scoped = scopeCaseload(source, { period, scope });
  const found = buildDashboard(scoped, { period, now, destinations: { pupils, entries, scope } }).series.find((s) => s.id === id);
  if (!found) throw new Error(`No chart ${id}`);
  return found;
}
/** Each group's counts, by segment, as { group label: [counts] }. */
const counts = (series: DashboardSeries) =>
  Object.fromEntries(series.groups.map((g, i) => [g.label, (series.cells[i] ?? []).map((c) => c.count)]));

describe('the dashboard destination measures', () => {
  it('planned destination before leaving: Year 11 with a post-16 intended destination recorded by today', () => {
    const planned = chart('planned-destinations');
    expect(counts(planned)).toEqual({ 'Year 11': [1, 1], 'Year 13': [0, 1] });
    expect(planned.cells[0]?.[0]?.pupilIds).toEqual([amy.id]);
    expect(planned.shareOf).toBe(0);
  });

  it("where last summer's Year 11 leavers went, by their latest activity, on the roll or not", () => {
    const leavers = chart('leavers-destinations');
    expect(leavers.title).toContain('summer 2026');
    expect(counts(leavers)).toEqual({
      Education: [1],
      Employment: [1],
      Training: [0],
      'Not in education, employment or training (NEET)': [1],
      'Not known': [0],
      'Not recorded': [1],
    });
    // Everyone: Hil, at another school, is a leaver too.
    expect(counts(chart('leavers-destinations', { kind: 'all' })).Education).toEqual([2]);
  });

  it('September Guarantee offers for the September after the period, Years 11 and 12; "no offer yet" is none', () => {
    const guarantee = chart('september-guarantee');
    expect(guarantee.title).toBe('September Guarantee offers for September 2027');
    // Year 12 now: Eve (her offer was for September 2026) and Gus; Dan and Fox left before the period.
    expect(counts(guarantee)).toEqual({ 'Year 11': [1, 1], 'Year 12': [0, 2] });
    // Last year's period: the guarantee of September 2026, and Eve (in Year 11 then) accepted hers.
    const last = chart('september-guarantee', { kind: 'school', schoolId: school.id }, lastYear);
    expect(last.title).toBe('September Guarantee offers for September 2026');
    expect(last.cells[0]?.[0]?.pupilIds).toEqual([eve.id]);
  });

  it("last year's period looks at the history as it stood at its end, and at the leavers of the summer before", () => {
    const leavers = chart('leavers-destinations', { kind: 'school', schoolId: school.id }, lastYear);
    expect(leavers.title).toContain('summer 2025');
    // In Year 11 in 2024/25: Cat alone, with no activity recorded.
    expect(leavers.cells.flat().flatMap((c) => c.pupilIds)).toEqual([cat.id]);
    expect(counts(leavers)['Not recorded']).toEqual([1]);
    const planned = chart('planned-destinations', { kind: 'school', schoolId: school.id }, lastYear);
    // In Year 11 at the end of 2025/26: Dan, Eve, Fox and Gus; nobody had an intended destination then.
    expect(counts(planned)['Year 11']).toEqual([0, 4]);
  });

  it('are not drawn without the history', () => {
    const scoped = scopeCaseload(source, { period: thisYear, scope: { kind: 'all' } });
    expect(buildDashboard(scoped, { period: thisYear, now }).series.map((s) => s.id)).not.toContain('planned-destinations');
  });
});
