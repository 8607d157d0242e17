/**
 * Matching one young person: every employer offer period and post-16 route, scored 0 to 100 with the
 * reasons in plain words. Hard constraints (safety checks, places, year group, age, access) exclude an
 * item and say why, so the adviser sees what was ruled out as well as what was suggested.
 */
import type { Employer, Placement, PlacementOffer } from '../model/employer';
import type { Pupil } from '../model/pupil';
import type { Provider, Route } from '../model/routes';
import { academicYearStartYear, ageOn, formatUkDate } from '../academic-year';
import { distanceBetweenOutcodesKm, findOutcode } from '../reference/outcodes';
import { sectorLabel, type SectorId } from '../reference/sectors';
import type { RouteKindId } from '../reference/lists';
import {
  capacityLeft, checkDateFor, employerCheckProblems, holdsAPlace, rangesOverlap,
  type DateRange, type OfferPeriod,
} from './checks';

/** What the matching reads from a pupil record. */
export type MatchablePupil = Pick<Pupil,
  'id' | 'dateOfBirth' | 'yearGroup' | 'outcode' | 'interests' | 'predictedGrades' | 'travel' | 'characteristics'>;

export interface MatchContext {
  employers: readonly Employer[];
  routes: readonly Route[];
  providers: readonly Provider[];
  placements: readonly Placement[];
  today: string;
  /** Only offer periods overlapping these dates, e.g. the school's work-experience week. */
  period?: DateRange;
}

export interface OfferTarget {
  kind: 'offer';
  employerId: string;
  employerName: string;
  sector: SectorId;
  offerId: string;
  offerTitle: string;
  periodStart: string;
  periodEnd: string;
  capacity: number;
  capacityLeft: number;
  distanceKm: number | null;
}

export interface RouteTarget {
  kind: 'route';
  routeId: string;
  routeTitle: string;
  routeKind: RouteKindId;
  level: number;
  sector: SectorId | null;
  providerId: string;
  providerName: string;
  campusName: string | null;
  /** The start date the age rules were checked against; null for routes that start any time. */
  startDate: string | null;
  distanceKm: number | null;
}

export type MatchTarget = OfferTarget | RouteTarget;
export type Match = MatchTarget & { score: number; reasons: string[]; excluded: false };
export type ExcludedMatch = MatchTarget & { score: number; reasons: string[]; excluded: true; exclusions: string[] };

export interface PupilMatches {
  /** Offer periods open to the pupil, best first. */
  offers: Match[];
  /** Routes open to the pupil, best first. */
  routes: Match[];
  /** Offers and routes ruled out, each with why. */
  excluded: ExcludedMatch[];
}

export type ExclusionCode = 'checks' | 'capacity' | 'year-group' | 'age' | 'access' | 'eligibility' | 'already-placed';
export interface Exclusion {
  code: ExclusionCode;
  message: string;
}

export interface Evaluation {
  score: number;
  /** Empty unless asked to explain: building sentences for every pair of a cohort is wasted work. */
  reasons: string[];
  exclusions: Exclusion[];
  distanceKm: number | null;
}

/** One period of one employer's offer, with what does not depend on the pupil worked out once. */
export interface OfferSlot {
  employer: Employer;
  offer: PlacementOffer;
  period: OfferPeriod;
  capacityLeft: number;
  checkProblems: string[];
}

// Points. Offers: 50 + sector 30 + distance 20 = 100 at best.
const OFFER_BASE = 50;
const OFFER_SECTOR = 30;
const OFFER_DISTANCE = 20;
// Routes: 40 + sector 25 + distance 15 + grades 2 × 5 + level 10 = 100 at best.
const ROUTE_BASE = 40;
const ROUTE_SECTOR = 25;
const ROUTE_ANY_SECTOR = 10;
const ROUTE_DISTANCE = 15;
const GRADE_MET = 5;
const GRADE_ONE_BELOW = -5;
const GRADE_BELOW = -20;
const LEVEL_SUITS = 10;
const LEVEL_ABOVE = -10;
const LEVEL_WELL_BELOW = -5;
const PROGRAMME_FITS = 15;
const PROGRAMME_DOES_NOT_FIT = -25;
const BEYOND_TRAVEL = -30;
const DISTANCE_UNKNOWN = -5;
const HARD_TO_REACH = -15;
const SKILLS_BOOTCAMP_MIN_AGE = 19;

/** "Interested in X: +30"; the minus sign is a real one, as it is read, not typed. */
function withPoints(text: string, points: number): string {
  if (points === 0) return text;
  return `${text}: ${points > 0 ? '+' : '−'}${Math.abs(points)}`;
}

function clampScore(points: number): number {
  return Math.max(0, Math.min(100, Math.round(points)));
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function yearsText(yearGroups: readonly number[]): string {
  const sorted = [...yearGroups].sort((a, b) => a - b);
  return `${plural(sorted.length, 'Year', 'Years')} ${listWords(sorted.map(String))}`;
}

/** The pupil's year group on a date, moving the recorded one on by academic years (so overrides hold). */
export function yearGroupAt(pupil: Pick<Pupil, 'yearGroup'>, onDate: string, today: string): number {
  return pupil.yearGroup + academicYearStartYear(onDate) - academicYearStartYear(today);
}

function kmText(km: number): string {
  return km < 1 ? 'Less than 1 km away' : `${Math.round(km)} km away`;
}

function whyDistanceUnknown(pupilOutcode: string | null, placeOutcode: string | null, place: string): string {
  if (!pupilOutcode) return 'Distance not known: no postcode recorded for the pupil';
  if (!findOutcode(pupilOutcode)) return `Distance not known: the pupil's postcode (${pupilOutcode}) is not in Kent or Medway`;
  if (!placeOutcode) return `Distance not known: no postcode recorded for the ${place}`;
  return `Distance not known: the ${place}'s postcode (${placeOutcode}) is not in Kent or Medway`;
}

/** Straight-line distance against how far the pupil can travel: points, and the sentence saying so. */
function distancePart(
  pupil: MatchablePupil,
  placeOutcode: string | null,
  place: string,
  bestPoints: number,
  explain: boolean,
): { km: number | null; points: number; reason: string } {
  const km = distanceBetweenOutcodesKm(pupil.outcode, placeOutcode);
  const max = pupil.travel.maxDistanceKm;
  if (km === null) {
    return { km, points: DISTANCE_UNKNOWN, reason: explain ? withPoints(whyDistanceUnknown(pupil.outcode, placeOutcode, place), DISTANCE_UNKNOWN) : '' };
  }
  if (km <= max) {
    const points = max > 0 ? Math.round(bestPoints * (1 - km / max)) : bestPoints;
    return { km, points, reason: explain ? withPoints(`${kmText(km)}, within the ${max} km they can travel`, points) : '' };
  }
  return { km, points: BEYOND_TRAVEL, reason: explain ? withPoints(`${kmText(km)}, beyond the ${max} km they can travel`, BEYOND_TRAVEL) : '' };
}

/** Every offer period still to come (and overlapping `within`, when given), with its checks and places worked out. */
export function offerSlots(employers: readonly Employer[], placements: readonly Placement[], today: string, within?: DateRange): OfferSlot[] {
  const byEmployer = new Map<string, Placement[]>();
  for (const placement of placements) {
    if (!holdsAPlace(placement)) continue;
    const list = byEmployer.get(placement.employerId);
    if (list) list.push(placement);
    else byEmployer.set(placement.employerId, [placement]);
  }
  const slots: OfferSlot[] = [];
  for (const employer of employers) {
    const held = byEmployer.get(employer.id) ?? [];
    for (const offer of employer.offers) {
      for (const period of offer.periods) {
        if (period.end < today) continue;
        if (within && !rangesOverlap(period, within)) continue;
        slots.push({
          employer,
          offer,
          period,
          capacityLeft: capacityLeft(employer, offer.id, period, held),
          checkProblems: employerCheckProblems(employer, checkDateFor(period, today), period.end),
        });
      }
    }
  }
  return slots;
}

/**
 * One pupil against one offer period. `pupilPlacements` are the pupil's own placements that hold a
 * place, so a pupil is never put in two places at once.
 */
export function evaluateOffer(
  pupil: MatchablePupil,
  slot: OfferSlot,
  today: string,
  pupilPlacements: readonly Placement[],
  explain: boolean,
): Evaluation {
  const { employer, offer, period } = slot;
  const exclusions: Exclusion[] = [];
  for (const message of slot.checkProblems) exclusions.push({ code: 'checks', message });
  if (slot.capacityLeft <= 0) {
    exclusions.push({ code: 'capacity', message: `No places left from ${formatUkDate(period.start)} to ${formatUkDate(period.end)} (all ${period.capacity} taken)` });
  }
  const yearGroup = yearGroupAt(pupil, period.start, today);
  if (!offer.yearGroups.includes(yearGroup)) {
    exclusions.push({
      code: 'year-group',
      message: offer.yearGroups.length > 0 ? `Takes ${yearsText(offer.yearGroups)}, not Year ${yearGroup}` : 'Takes no year groups yet',
    });
  }
  const age = ageOn(pupil.dateOfBirth, period.start);
  if (age < offer.minimumAge) {
    exclusions.push({ code: 'age', message: `Aged ${age} on ${formatUkDate(period.start)}; the minimum age is ${offer.minimumAge}` });
  }
  if (pupil.travel.needsStepFreeAccess && !employer.requirements.stepFreeAccess) {
    exclusions.push({ code: 'access', message: 'Needs step-free access, which this employer does not have' });
  }
  for (const placement of pupilPlacements) {
    if (!rangesOverlap(placement, period)) continue;
    const here = placement.employerId === employer.id && (placement.offerId === offer.id || placement.offerId === null);
    exclusions.push({
      code: 'already-placed',
      message: here
        ? 'Already has a placement here for these dates'
        : `Already has a placement elsewhere from ${formatUkDate(placement.start)} to ${formatUkDate(placement.end)}`,
    });
  }

  const reasons: string[] = [];
  let points = OFFER_BASE;
  const sector = sectorLabel(employer.sector);
  if (pupil.interests.includes(employer.sector)) {
    points += OFFER_SECTOR;
    if (explain) reasons.push(withPoints(`Interested in ${sector}`, OFFER_SECTOR));
  } else if (explain) {
    reasons.push(pupil.interests.length > 0 ? `${sector} is not among their interests` : `No interests recorded to compare with ${sector}`);
  }
  const distance = distancePart(pupil, employer.outcode, 'employer', OFFER_DISTANCE, explain);
  points += distance.points;
  if (explain) reasons.push(distance.reason);
  if (pupil.travel.reliesOnPublicTransport && !employer.requirements.reachableByPublicTransport) {
    points += HARD_TO_REACH;
    if (explain) reasons.push(withPoints('Relies on public transport and this employer is hard to reach by bus or train', HARD_TO_REACH));
  }
  if (explain) {
    if (pupil.travel.reliesOnPublicTransport && employer.requirements.reachableByPublicTransport) reasons.push('Reachable by public transport, which they rely on');
    if (pupil.travel.needsStepFreeAccess && employer.requirements.stepFreeAccess) reasons.push('Has the step-free access they need');
    if (employer.requirements.dbsNeeded) reasons.push('Asks for a DBS check: allow time to arrange it');
    if (employer.requirements.protectiveEquipment) reasons.push('Protective equipment is worn here');
    if (slot.capacityLeft > 0) {
      reasons.push(`${slot.capacityLeft} of ${period.capacity} ${plural(period.capacity, 'place', 'places')} left from ${formatUkDate(period.start)} to ${formatUkDate(period.end)}`);
    }
  }
  return { score: clampScore(points), reasons, exclusions, distanceKm: distance.km };
}

/** The level a young person's predicted GCSE English and maths point to: 4+ level 3, 3 level 2, lower level 1. */
function levelForGrades(grades: Pupil['predictedGrades']): number | null {
  const known = [grades.english, grades.maths].filter((g): g is number => g !== null);
  if (known.length === 0) return null;
  const lowest = Math.min(...known);
  if (lowest >= 4) return 3;
  if (lowest === 3) return 2;
  return 1;
}

function gradePart(subject: string, predicted: number | null, asked: number | null): { points: number; reason: string } | null {
  if (asked === null) return null;
  if (predicted === null) return { points: 0, reason: `No predicted ${subject} grade to set against the grade ${asked} asked for` };
  if (predicted >= asked) return { points: GRADE_MET, reason: `Predicted ${subject} grade ${predicted} meets the grade ${asked} asked for` };
  if (predicted === asked - 1) return { points: GRADE_ONE_BELOW, reason: `Predicted ${subject} grade ${predicted} is one below the grade ${asked} asked for` };
  return { points: GRADE_BELOW, reason: `Predicted ${subject} grade ${predicted} is below the grade ${asked} asked for` };
}

/** Kinds whose level says little about whether they suit: programmes and supported routes. */
const LEVEL_NOT_RELEVANT: ReadonlySet<RouteKindId> = new Set<RouteKindId>(['supported-internship', 'connect-to-work', 'youth-hub']);

export interface RouteEvaluation extends Evaluation {
  startDate: string | null;
  campusName: string | null;
}

export function evaluateRoute(pupil: MatchablePupil, route: Route, provider: Provider | undefined, today: string, explain: boolean): RouteEvaluation {
  const minimumAge = route.kind === 'skills-bootcamp' ? Math.max(SKILLS_BOOTCAMP_MIN_AGE, route.minimumAge) : route.minimumAge;
  const ageFits = (onDate: string) => {
    const age = ageOn(pupil.dateOfBirth, onDate);
    return age >= minimumAge && (route.maximumAge === null || age <= route.maximumAge);
  };
  // The first start to come at which the pupil is old enough (a Year 10 may fit next year's intake, not this one's).
  const upcoming = route.startDates.filter((d) => d >= today).sort();
  const startDate = upcoming.find(ageFits) ?? upcoming[0] ?? null;
  const ageDate = startDate ?? today;
  const onWhen = startDate ? `on ${formatUkDate(startDate)}` : 'now';

  const exclusions: Exclusion[] = [];
  const age = ageOn(pupil.dateOfBirth, ageDate);
  if (age < minimumAge) {
    exclusions.push({
      code: 'age',
      message: route.kind === 'skills-bootcamp'
        ? `Skills Bootcamps are for people aged ${SKILLS_BOOTCAMP_MIN_AGE} and over; aged ${age} ${onWhen}`
        : `Aged ${age} ${onWhen}; the minimum age is ${minimumAge}`,
    });
  }
  if (route.maximumAge !== null && age > route.maximumAge) {
    exclusions.push({ code: 'age', message: `Aged ${age} ${onWhen}; the maximum age is ${route.maximumAge}` });
  }
  if (route.kind === 'supported-internship' && !pupil.characteristics.ehcp) {
    exclusions.push({ code: 'eligibility', message: 'Supported internships are for young people with an education, health and care plan' });
  }

  const reasons: string[] = [];
  let points = ROUTE_BASE;
  const add = (delta: number, text: string) => {
    points += delta;
    if (explain) reasons.push(withPoints(text, delta));
  };

  if (route.sector === null) add(ROUTE_ANY_SECTOR, 'Not tied to one sector');
  else if (pupil.interests.includes(route.sector)) add(ROUTE_SECTOR, `Interested in ${sectorLabel(route.sector)}`);
  else add(0, pupil.interests.length > 0 ? `${sectorLabel(route.sector)} is not among their interests` : `No interests recorded to compare with ${sectorLabel(route.sector)}`);

  const campus = provider?.campuses.find((c) => c.id === route.campusId)
    ?? (route.campusId === null && provider?.campuses.length === 1 ? provider.campuses[0] : undefined);
  let distanceKm: number | null = null;
  if (campus) {
    const distance = distancePart(pupil, campus.outcode, 'campus', ROUTE_DISTANCE, explain);
    distanceKm = distance.km;
    points += distance.points;
    if (explain) reasons.push(distance.reason);
  } else if (explain) {
    reasons.push('No campus given, so distance is not counted');
  }

  const { english, maths } = pupil.predictedGrades;
  const grades = [
    gradePart('English', english, route.entryRequirements.englishGrade),
    gradePart('maths', maths, route.entryRequirements.mathsGrade),
  ].filter((g) => g !== null);
  if (grades.length === 0) add(0, 'No GCSE grades asked for');
  for (const grade of grades) add(grade.points, grade.reason);

  if (!LEVEL_NOT_RELEVANT.has(route.kind)) {
    const suits = levelForGrades(pupil.predictedGrades);
    const level = route.level === 0 ? 'Entry level' : `Level ${route.level}`;
    if (suits === null) add(0, 'No predicted grades, so the level cannot be judged');
    else if (route.level === suits) add(LEVEL_SUITS, `${level} suits their predicted grades`);
    else if (route.level > suits) add(LEVEL_ABOVE, `${level} is above what their predicted grades suggest`);
    else if (route.level === suits - 1) add(0, `${level} is a step below what their predicted grades suggest`);
    else add(LEVEL_WELL_BELOW, `${level} is well below what their predicted grades suggest`);
  }

  const { ehcp, healthCondition, senSupport } = pupil.characteristics;
  if (route.kind === 'connect-to-work') {
    if (healthCondition || ehcp || senSupport) add(PROGRAMME_FITS, 'Has a health condition, disability or special educational need, which Connect to Work supports');
    else add(PROGRAMME_DOES_NOT_FIT, 'Connect to Work is for people with a health condition or disability');
  }
  if (route.kind === 'supported-internship' && ehcp) add(PROGRAMME_FITS, 'Has an education, health and care plan, which supported internships are for');
  if (explain && route.startDates.length > 0 && upcoming.length === 0) reasons.push('No start date after today is listed: check with the provider');

  return { score: clampScore(points), reasons, exclusions, distanceKm, startDate, campusName: campus?.name ?? null };
}

function byScoreThenDistance(a: { score: number; distanceKm: number | null; name: string }, b: { score: number; distanceKm: number | null; name: string }): number {
  if (a.score !== b.score) return b.score - a.score;
  const da = a.distanceKm ?? Infinity;
  const db = b.distanceKm ?? Infinity;
  if (da !== db) return da - db;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function nameOf(target: MatchTarget): string {
  return target.kind === 'offer' ? `${target.employerName} ${target.periodStart}` : `${target.routeTitle} ${target.providerName}`;
}

/** Ranked employer offers and post-16 routes for one young person, and what was ruled out and why. */
export function matchPupil(pupil: MatchablePupil, context: MatchContext): PupilMatches {
  const { today } = context;
  const pupilPlacements = context.placements.filter((p) => p.pupilId === pupil.id && holdsAPlace(p));
  const offers: Match[] = [];
  const routes: Match[] = [];
  const excluded: ExcludedMatch[] = [];
  const file = (target: MatchTarget, evaluation: Evaluation, into: Match[]) => {
    if (evaluation.exclusions.length > 0) {
      excluded.push({ ...target, score: evaluation.score, reasons: evaluation.reasons, excluded: true, exclusions: evaluation.exclusions.map((e) => e.message) });
    } else {
      into.push({ ...target, score: evaluation.score, reasons: evaluation.reasons, excluded: false });
    }
  };

  for (const slot of offerSlots(context.employers, context.placements, today, context.period)) {
    const evaluation = evaluateOffer(pupil, slot, today, pupilPlacements, true);
    file({
      kind: 'offer',
      employerId: slot.employer.id,
      employerName: slot.employer.name,
      sector: slot.employer.sector,
      offerId: slot.offer.id,
      offerTitle: slot.offer.title,
      periodStart: slot.period.start,
      periodEnd: slot.period.end,
      capacity: slot.period.capacity,
      capacityLeft: slot.capacityLeft,
      distanceKm: evaluation.distanceKm,
    }, evaluation, offers);
  }

  const providers = new Map(context.providers.map((p) => [p.id, p]));
  for (const route of context.routes) {
    const provider = providers.get(route.providerId);
    const evaluation = evaluateRoute(pupil, route, provider, today, true);
    file({
      kind: 'route',
      routeId: route.id,
      routeTitle: route.title,
      routeKind: route.kind,
      level: route.level,
      sector: route.sector,
      providerId: route.providerId,
      providerName: provider?.name ?? 'Provider not found',
      campusName: evaluation.campusName,
      startDate: evaluation.startDate,
      distanceKm: evaluation.distanceKm,
    }, evaluation, routes);
  }

  const sort = <T extends MatchTarget & { score: number }>(items: T[]) =>
    items
      .map((item) => ({ item, key: { score: item.score, distanceKm: item.distanceKm, name: nameOf(item) } }))
      .sort((a, b) => byScoreThenDistance(a.key, b.key))
      .map(({ item }) => item);
  return { offers: sort(offers), routes: sort(routes), excluded: sort(excluded) };
}
