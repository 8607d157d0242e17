/**
 * Who and what a return counts: the young people in scope for the period, with the facts each
 * table needs worked out in one pass over the sessions (a Map by pupil id, no nested scans).
 *
 * - On the caseload: a young person who had not left before the period began, in Years 7 to 13 at
 *   the end of the period (year groups are worked out for that day by yearGroupOf; those past
 *   Year 13 by then have left school and are not counted).
 * - Scope "school" and "home educated" select young people; scope "adviser" selects those the
 *   adviser saw in the period or is the liaison officer for, and counts only the adviser's sessions.
 * - Sessions after the end of the period are never counted. Benchmark 8 and Provider Access count
 *   everything up to the end of the period (they are "by 16" and "over two years"); the other
 *   measures count only the period.
 * - A week's worth counts every experience that ended by the end of the period, in the key stage the
 *   young person is in at the end of the period (shared/experiences weeksWorthProgress).
 */
import { FIRST_YEAR_GROUP, academicYearStartYear, formatUkDate, hasLeftSchool, yearGroupOf } from '../academic-year';
import type { CaseloadDataset } from '../model/dataset';
import type { GuidanceSession } from '../model/guidance';
import type { Placement } from '../model/employer';
import type { Pupil } from '../model/pupil';
import type { School } from '../model/organisation';
import type { Problem } from '../model/problems';
import { AREAS, type AreaId } from '../reference/areas';
import { localAuthorityOf, type LocalAuthorityId } from '../reference/geography';
import { PROVIDER_ACCESS_TARGETS } from '../reference/gatsby';
import { countsAsPersonalGuidance } from '../sessions/rules';
import { placementsOf } from '../experiences/placement';
import { experiencesByPupil, weeksWorthKeyStageOf } from '../experiences/cohort';
import { DEFAULT_WEEKS_WORTH, weeksWorthProgress, type WeeksWorthKeyStage } from '../experiences/weeks-worth';
import type { WeeksWorth } from '../model/experience';

export type ReturnScope =
  { kind: 'all' } | { kind: 'school'; schoolId: string } | { kind: 'home-educated' } | { kind: 'adviser'; adviserId: string };

export interface ReturnPeriod {
  /** First day counted (ISO date). */
  start: string;
  /** Last day counted (ISO date). */
  end: string;
}

export interface ReturnOptions {
  period: ReturnPeriod;
  scope: ReturnScope;
  /** Counts from 1 to threshold − 1 are hidden; 5 by default in Settings. */
  threshold: number;
  roundToNearest5: boolean;
  /** Today (ISO date or date-time): the day the return is produced. */
  now: string;
}

/** The records a return reads: a CaseloadDataset or any part of it with these tables. */
export type ReturnSource = Pick<CaseloadDataset, 'pupils' | 'sessions' | 'experiences' | 'schools' | 'advisers'> &
  Partial<Pick<CaseloadDataset, 'actionPlans' | 'employers'>> & {
    /** The week's worth setting; 5 days of 6 hours when not given. */
    weeksWorth?: WeeksWorth;
  };

export type ProviderAccessPairId = (typeof PROVIDER_ACCESS_TARGETS)[number]['id'];

/** One young person in scope and what the tables need to know about them. */
export interface PupilFacts {
  pupil: Pupil;
  /** National Curriculum year at the end of the period. */
  yearGroup: number;
  district: AreaId | null;
  /** The council they are counted in (shared/reference/geography localAuthorityOf): from the UPN, else the district. */
  localAuthority: LocalAuthorityId | 'elsewhere' | null;
  /** The school's name, or null for a home-educated young person or one with no school recorded. */
  schoolName: string | null;
  sessionsInPeriod: number;
  employerEncountersInPeriod: number;
  providerEncountersInPeriod: number;
  /** Personal guidance meetings or home visits with a level 6 adviser, up to the end of the period. */
  qualifiedGuidanceMeetings: number;
  /** The Provider Access pair the young person is in at the end of the period, if any. */
  providerAccessPair: ProviderAccessPairId | null;
  /** Provider encounters while in that pair of year groups, up to the end of the period. */
  providerEncountersInPair: number;
  completedPlacementsInPeriod: number;
  /**
   * In Years 7 to 11 at the end of the period: the key stage they are in then, and whether they have had a
   * week's worth in it (weeksWorthProgress), counting experiences that ended by the end of the period.
   */
  weeksWorth: { keyStage: WeeksWorthKeyStage; met: boolean } | null;
}

export interface ScopedCaseload {
  pupils: PupilFacts[];
  /** Sessions in the period (and by the adviser, for an adviser's return), with their young person. */
  sessions: { session: GuidanceSession; facts: PupilFacts }[];
  /** Placements that overlap the period, with their young person. */
  placements: { placement: Placement; facts: PupilFacts }[];
  scopeLabel: string;
  /**
   * The schools of the young people in scope, by name, for the "by school" tables and the tidy data's
   * school-level rows; none for one school's own return (everyone is at that school).
   */
  schools: ReturnSchool[];
}

/** A school as a return's rows name it: its label is its name, with its URN where two share a name. */
export interface ReturnSchool {
  id: string;
  label: string;
  urn: string;
  name: string;
  district: AreaId;
}

/** The schools the young people in scope attend, named apart (URN added where two share a name), by name. */
function schoolsOf(facts: readonly PupilFacts[], schoolById: ReadonlyMap<string, School>): ReturnSchool[] {
  const ids = new Set(facts.flatMap((f) => (f.pupil.schoolId && !f.pupil.homeEducated ? [f.pupil.schoolId] : [])));
  const schools = [...ids].flatMap((id) => {
    const school = schoolById.get(id);
    return school ? [school] : [];
  });
  const names = new Map<string, number>();
  for (const school of schools) names.set(school.name, (names.get(school.name) ?? 0) + 1);
  return schools
    .map((s) => ({
      id: s.id,
      label: (names.get(s.name) ?? 0) > 1 ? `${s.name} (${s.urn || s.id.slice(0, 8)})` : s.name,
      urn: s.urn,
      name: s.name,
      district: s.district,
    }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Problems with a chosen period, as values for the form. */
export function periodProblems(period: ReturnPeriod): Problem[] {
  const problems: Problem[] = [];
  if (!ISO_DATE.test(period.start)) problems.push({ field: 'period.start', message: 'Enter the first day of the period' });
  if (!ISO_DATE.test(period.end)) problems.push({ field: 'period.end', message: 'Enter the last day of the period' });
  if (problems.length === 0 && period.end < period.start)
    problems.push({ field: 'period.end', message: 'The period must end on or after the day it starts' });
  return problems;
}

const PAIR_OF_YEAR = new Map<number, ProviderAccessPairId>(
  PROVIDER_ACCESS_TARGETS.flatMap((t) => t.yearGroups.map((y) => [y, t.id] as const)),
);

export function scopeLabel(source: Pick<ReturnSource, 'schools' | 'advisers'>, scope: ReturnScope): string {
  switch (scope.kind) {
    case 'all':
      return 'All young people on the caseload';
    case 'home-educated':
      return 'Home-educated young people';
    case 'school':
      return `Young people at ${source.schools.find((s) => s.id === scope.schoolId)?.name ?? 'a school no longer on record'}`;
    case 'adviser':
      return `Young people seen by ${source.advisers.find((a) => a.id === scope.adviserId)?.name ?? 'an adviser no longer on record'}`;
  }
}

export function periodLabel(period: ReturnPeriod): string {
  return `${formatUkDate(period.start)} to ${formatUkDate(period.end)}`;
}

export function scopeCaseload(source: ReturnSource, options: Pick<ReturnOptions, 'period' | 'scope'>): ScopedCaseload {
  const { period, scope } = options;
  const problems = periodProblems(period);
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('; '));

  const schoolById = new Map(source.schools.map((s) => [s.id, s]));
  const qualified = new Set(source.advisers.filter((a) => a.qualificationLevel === 'level-6-or-above').map((a) => a.id));
  const knownDistricts = new Set<string>(AREAS.map((a) => a.id));
  const endYear = academicYearStartYear(period.end);

  const byId = new Map<string, PupilFacts>();
  for (const pupil of source.pupils) {
    if (pupil.leftOn !== null && pupil.leftOn < period.start) continue;
    if (scope.kind === 'school' && (pupil.schoolId !== scope.schoolId || pupil.homeEducated)) continue;
    if (scope.kind === 'home-educated' && !pupil.homeEducated) continue;
    const yearGroup = yearGroupOf(pupil, period.end);
    if (yearGroup < FIRST_YEAR_GROUP || hasLeftSchool(yearGroup)) continue;
    const school = pupil.schoolId && !pupil.homeEducated ? (schoolById.get(pupil.schoolId) ?? null) : null;
    const district = pupil.district ?? school?.district ?? null;
    byId.set(pupil.id, {
      pupil,
      yearGroup,
      district: district && knownDistricts.has(district) ? district : null,
      localAuthority: localAuthorityOf({ upn: pupil.upn, district: pupil.district, schoolDistrict: school?.district ?? null }),
      schoolName: school?.name ?? null,
      sessionsInPeriod: 0,
      employerEncountersInPeriod: 0,
      providerEncountersInPeriod: 0,
      qualifiedGuidanceMeetings: 0,
      providerAccessPair: PAIR_OF_YEAR.get(yearGroup) ?? null,
      providerEncountersInPair: 0,
      completedPlacementsInPeriod: 0,
      weeksWorth: null,
    });
  }

  const adviserId = scope.kind === 'adviser' ? scope.adviserId : null;
  const seenByAdviser = new Set<string>();
  const inPeriod: { session: GuidanceSession; facts: PupilFacts }[] = [];
  for (const session of source.sessions) {
    if (session.date > period.end) continue;
    if (adviserId !== null && session.adviserId !== adviserId) continue;
    const facts = byId.get(session.pupilId);
    if (!facts) continue;
    if (countsAsPersonalGuidance(session.kind) && session.adviserId !== null && qualified.has(session.adviserId))
      facts.qualifiedGuidanceMeetings += 1;
    let providerEncounters = 0;
    let employerEncounters = 0;
    for (const encounter of session.encounters) {
      if (encounter.kind === 'provider') providerEncounters += 1;
      else employerEncounters += 1;
    }
    if (providerEncounters > 0 && facts.providerAccessPair !== null) {
      const yearThen = facts.yearGroup - (endYear - academicYearStartYear(session.date));
      if (PAIR_OF_YEAR.get(yearThen) === facts.providerAccessPair) facts.providerEncountersInPair += providerEncounters;
    }
    if (session.date < period.start) continue;
    facts.sessionsInPeriod += 1;
    facts.employerEncountersInPeriod += employerEncounters;
    facts.providerEncountersInPeriod += providerEncounters;
    inPeriod.push({ session, facts });
    if (adviserId !== null) seenByAdviser.add(session.pupilId);
  }

  const inScope = (facts: PupilFacts) =>
    adviserId === null || seenByAdviser.has(facts.pupil.id) || facts.pupil.liaisonOfficerId === adviserId;

  const placements: { placement: Placement; facts: PupilFacts }[] = [];
  for (const placement of placementsOf(source.experiences)) {
    const facts = byId.get(placement.pupilId);
    if (!facts || !inScope(facts)) continue;
    if (placement.start > period.end || placement.end < period.start) continue;
    placements.push({ placement, facts });
    if (placement.status === 'completed' && placement.end <= period.end) facts.completedPlacementsInPeriod += 1;
  }

  const ofPupil = experiencesByPupil(source.experiences.filter((e) => e.end <= period.end));
  const weeksWorth = source.weeksWorth ?? DEFAULT_WEEKS_WORTH;
  for (const facts of byId.values()) {
    const keyStage = weeksWorthKeyStageOf(facts.yearGroup);
    if (keyStage === null) continue;
    const progress = weeksWorthProgress(facts.pupil, ofPupil.get(facts.pupil.id) ?? [], weeksWorth)[keyStage];
    facts.weeksWorth = { keyStage, met: progress.met };
  }

  const pupils = [...byId.values()].filter(inScope);
  return {
    pupils,
    sessions: inPeriod,
    placements,
    scopeLabel: scopeLabel(source, scope),
    schools: scope.kind === 'school' ? [] : schoolsOf(pupils, schoolById),
  };
}
