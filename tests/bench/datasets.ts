/**
 * The benchmark's data: the seeded demo caseload at a size, one young person brought up to 50
 * sessions (the pupil page figure), the typed search queries, and the cohort allocation input.
 * Browser-safe (the bench page in Chromium builds the same data from the same seed).
 */
import { generateDemoDataset } from '../../shared/demo';
import { createRandom } from '../../shared/random';
import { addDays, yearGroupOf } from '../../shared/academic-year';
import type { CaseloadDataset } from '../../shared/model/dataset';
import type { Employer } from '../../shared/model/employer';
import type { GuidanceSession } from '../../shared/model/guidance';
import type { Pupil } from '../../shared/model/pupil';
import { offerSlots, type AllocatablePupil, type DateRange } from '../../shared/matching';
import { SIZES, BENCH_SEED, BENCH_TODAY, type SizeName } from './sizes';

export const PUPIL_PAGE_SESSIONS = 50;

export interface BenchDataset {
  size: SizeName;
  data: CaseloadDataset;
  /** A Year 11 pupil at school with exactly PUPIL_PAGE_SESSIONS sessions. */
  pupilWithFiftySessions: Pupil;
}

export interface DatasetCounts {
  pupils: number;
  sessions: number;
  actionPlans: number;
  employers: number;
  employerOffers: number;
  offerPeriods: number;
  experiences: number;
  routes: number;
  providers: number;
  schools: number;
}

export function countsOf(data: CaseloadDataset): DatasetCounts {
  const offers = data.employers.flatMap((e) => e.offers);
  return {
    pupils: data.pupils.length,
    sessions: data.sessions.length,
    actionPlans: data.actionPlans.length,
    employers: data.employers.length,
    employerOffers: offers.length,
    offerPeriods: offers.reduce((n, o) => n + o.periods.length, 0),
    experiences: data.experiences.length,
    routes: data.routes.length,
    providers: data.providers.length,
    schools: data.schools.length,
  };
}

export function benchDataset(size: SizeName): BenchDataset {
  const data = generateDemoDataset(SIZES[size].demo);
  const pupilWithFiftySessions = giveFiftySessions(data);
  return { size, data, pupilWithFiftySessions };
}

/**
 * Picks the Year 11 pupil at school with the most sessions and tops them up to 50 with copies of
 * their own sessions on earlier days (new ids from a seeded source), added to `data.sessions`.
 */
function giveFiftySessions(data: CaseloadDataset): Pupil {
  const counts = new Map<string, GuidanceSession[]>();
  for (const session of data.sessions) {
    const list = counts.get(session.pupilId);
    if (list) list.push(session);
    else counts.set(session.pupilId, [session]);
  }
  const candidates = data.pupils.filter((p) => !p.homeEducated && yearGroupOf(p, BENCH_TODAY) === 11);
  const pupil = (candidates.length > 0 ? candidates : data.pupils).reduce((best, p) =>
    (counts.get(p.id)?.length ?? 0) > (counts.get(best.id)?.length ?? 0) ? p : best,
  );
  const own = counts.get(pupil.id) ?? [];
  if (own.length === 0) throw new Error('The benchmark pupil has no sessions to copy');
  const random = createRandom(BENCH_SEED + 50);
  for (let i = own.length; i < PUPIL_PAGE_SESSIONS; i++) {
    const template = own[i % own.length]!;
    data.sessions.push({ ...template, id: random.uuid(), date: addDays(template.date, -7 * (i + 1)) });
  }
  return pupil;
}

/**
 * Search as you type: real names typed a character at a time, forename then surname for most,
 * surname alone for every third, until `count` keystrokes. Each prefix is one query.
 */
export function searchQueries(data: CaseloadDataset, count: number): string[] {
  const random = createRandom(BENCH_SEED + 1);
  const queries: string[] = [];
  let n = 0;
  while (queries.length < count) {
    const pupil = random.pick(data.pupils);
    const forename = pupil.preferredForename || pupil.legalForename;
    const surname = pupil.preferredSurname || pupil.legalSurname;
    const typed = n % 3 === 2 ? surname : `${forename} ${surname}`;
    n += 1;
    for (let i = 1; i <= typed.length && queries.length < count; i++) queries.push(typed.slice(0, i));
  }
  return queries;
}

export const ALLOCATION_PUPILS = 300;
export const ALLOCATION_PLACES = 500;

export interface AllocationBench {
  pupils: AllocatablePupil[];
  employers: Employer[];
  period: DateRange;
  places: number;
}

/**
 * Allocating a year group: up to 300 Year 10 pupils at school (Year 12 if there are too few) to the
 * work-experience week in June, with employers (their checks brought up to date) taken until their
 * places in that week come to 500. Smaller data sets give what they have.
 */
export function allocationInput(data: CaseloadDataset, pupilCount = ALLOCATION_PUPILS, placeCount = ALLOCATION_PLACES): AllocationBench {
  const first = data.employers
    .flatMap((e) => e.offers.flatMap((o) => o.periods))
    .map((p) => p.start)
    .sort()[0];
  if (!first) throw new Error('The data set has no work-experience offers');
  const period: DateRange = { start: first, end: addDays(first, 4) };
  const atSchool = data.pupils.filter((p) => !p.homeEducated);
  const pupils = [
    ...atSchool.filter((p) => yearGroupOf(p, BENCH_TODAY) === 10),
    ...atSchool.filter((p) => yearGroupOf(p, BENCH_TODAY) === 12),
  ].slice(0, pupilCount);

  const employers: Employer[] = [];
  let places = 0;
  for (const listed of data.employers) {
    if (places >= placeCount) break;
    // Checks brought up to date, as a coordinator does before allocating (the demo's lapse by June).
    const employer: Employer = {
      ...listed,
      checks: {
        riskAssessmentOn: BENCH_TODAY,
        insuranceExpiresOn: addDays(period.end, 365),
        safeguardingConfirmed: true,
        riskControls: '',
        dbsPosition: null,
      },
    };
    const open = offerSlots([employer], [], BENCH_TODAY, period).filter((s) => s.checkProblems.length === 0 && s.capacityLeft > 0);
    const capacity = open.reduce((n, s) => n + s.capacityLeft, 0);
    if (capacity === 0) continue;
    if (places + capacity <= placeCount) {
      employers.push(employer);
      places += capacity;
      continue;
    }
    // The last employer offers just the places still needed, in its first open period.
    const needed = placeCount - places;
    const slot = open[0]!;
    employers.push({
      ...employer,
      offers: [{ ...slot.offer, periods: [{ ...slot.period, capacity: Math.min(slot.period.capacity, needed) }] }],
    });
    places += Math.min(slot.capacityLeft, needed);
  }
  return { pupils, employers, period, places };
}
