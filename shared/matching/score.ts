/**
 * Matching one young person: every employer offer period and post-16 route, scored 0 to 100 with the
 * reasons in plain words. Hard constraints (safety checks, places, year group, age, access, eligibility,
 * the travel limit) exclude an item and say why, so the adviser sees what was ruled out as well as what
 * was suggested. Travel is estimated from the straight line (shared/travel estimateTravel) and judged
 * against the young person's limit (judgeTravelLimit): beyond it ruled out, near it or on a long
 * journey fewer points.
 */
import type { Employer, Placement, PlacementOffer, PublicTransportOverride } from '../model/employer';
import type { Pupil } from '../model/pupil';
import type { Provider, Route } from '../model/routes';
import {
  academicYearStartYear,
  ageBetween,
  formatUkDate,
  hasLeftSchool,
  isoDateParts,
  receptionYearOf,
  type DateParts,
} from '../academic-year';
import { distanceBetweenOutcodesKm, findOutcode, townOf } from '../reference/outcodes';
import { estimateTravel, judgeTravelLimit, type EstimateMode } from '../travel/estimate';
import { circumstancesFit, circumstancesRuleOut, levelSuggestedFor, post16StartFor, routeAges } from '../routes/eligibility';
import { sectorLabel, type SectorId } from '../reference/sectors';
import { publicTransportNote } from '../employers/list';
import type { RouteKindId } from '../reference/lists';
import { campusJourneys, judgeJourney, offerJourneys, routeJourneyDate, type JourneySource, type OfferJourney } from './journeys';
import { capacityLeft, checkDateFor, employerCheckProblems, holdsAPlace, rangesOverlap, type DateRange, type OfferPeriod } from './checks';

/** What the matching reads from a pupil record. */
export type MatchablePupil = Pick<
  Pupil,
  'id' | 'dateOfBirth' | 'yearGroupOverride' | 'outcode' | 'interests' | 'predictedGrades' | 'travel' | 'characteristics'
>;

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
  /** Straight-line km between outcode centroids, which the travel limit is set in. */
  distanceKm: number | null;
  /** "Margate, Thanet": the employer's town, from its outcode. */
  town: string | null;
  /** "about 14 km by road, about 55 minutes by bus (estimated: no timetable)", when the distance is known. */
  travelText: string | null;
  /** The journey on the period's first day from the imported timetable; null without one (or without both outcodes). */
  journey: OfferJourney | null;
  /** The adviser's judgement on public transport in words, where no timetable answers (publicTransportOverrideFor); else null. */
  adviserTransport: string | null;
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
  /** "Starts 07/09/2027", or for a young person still at school "Starts September 2028, after Year 11". */
  startText: string;
  distanceKm: number | null;
  /** "Broadstairs, Thanet": the campus's town, from its outcode. */
  town: string | null;
  travelText: string | null;
  /** The journey to the campus on the route's next start (routeJourneyDate); null without a timetable or campus. */
  journey: OfferJourney | null;
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
  /** Whether offers' journeys come from an imported timetable, or are estimated from distance. */
  travelFrom: 'timetable' | 'estimate';
}

export type ExclusionCode =
  | 'checks'
  | 'capacity'
  | 'year-group'
  | 'age'
  | 'access'
  | 'eligibility'
  | 'already-placed'
  | 'travel'
  /** No way there by the start or home after the end in the imported timetable. */
  | 'journey';
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
  /** The estimate in words, when the distance is known. */
  travelText: string | null;
  /** An offer's adviser's judgement on public transport in words, when explaining and no timetable answers. */
  adviserTransport: string | null;
}

/** One period of one employer's offer, with what does not depend on the pupil worked out once. */
export interface OfferSlot {
  employer: Employer;
  offer: PlacementOffer;
  period: OfferPeriod;
  capacityLeft: number;
  checkProblems: string[];
  /** Worked out once so that matching a pupil does not re-parse and re-format the same dates. */
  facts: SlotFacts;
}

/** Pupil-independent values of an offer period that every evaluation would otherwise work out again. */
export interface SlotFacts {
  /** The calendar year the academic year of the period's first day began. */
  startAcademicYear: number;
  start: DateParts;
  startText: string;
  endText: string;
  sectorText: string;
  /** "Takes Years 10 and 12", or null when the offer takes no year groups. */
  takesText: string | null;
  /** The 'capacity' exclusion when full, else the "places left" reason. */
  capacityText: string;
  /** The tie-break name when sorting: employer name and first day. */
  sortName: string;
  /** "Margate, Thanet", from the employer's outcode. */
  town: string | null;
}

/** What is read from the pupil record once per match rather than once per offer. */
interface PupilFacts {
  birth: DateParts;
  /** See receptionYearOf: take it from a period's academic start year to get their year group then. */
  receptionYear: number;
  /**
   * Travel parts already worked out for this young person, by kind of question and then by the place's
   * outcode: thousands of offers share a hundred or so outcodes, and the answer depends on nothing else.
   */
  travelParts: Map<string, TravelPart>[];
}

function pupilFacts(pupil: MatchablePupil): PupilFacts {
  return { birth: isoDateParts(pupil.dateOfBirth), receptionYear: receptionYearOf(pupil), travelParts: [] };
}

function slotFacts(employer: Employer, offer: PlacementOffer, period: OfferPeriod, left: number): SlotFacts {
  const startText = formatUkDate(period.start);
  const endText = formatUkDate(period.end);
  return {
    startAcademicYear: academicYearStartYear(period.start),
    start: isoDateParts(period.start),
    startText,
    endText,
    sectorText: sectorLabel(employer.sector),
    takesText: offer.yearGroups.length > 0 ? `Takes ${yearsText(offer.yearGroups)}` : null,
    capacityText:
      left <= 0
        ? `No places left from ${startText} to ${endText} (all ${period.capacity} taken)`
        : `${left} of ${period.capacity} ${plural(period.capacity, 'place', 'places')} left from ${startText} to ${endText}`,
    sortName: `${employer.name} ${period.start}`,
    town: townOf(employer.outcode),
  };
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
const DISTANCE_UNKNOWN = -5;

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

function kmText(km: number): string {
  return km < 1 ? 'less than 1 km' : `${Math.round(km)} km`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function whyDistanceUnknown(pupilOutcode: string | null, placeOutcode: string | null, place: string): string {
  if (!pupilOutcode) return 'Distance not known: no postcode recorded for the young person';
  if (!findOutcode(pupilOutcode)) return `Distance not known: the young person's postcode (${pupilOutcode}) is not in Kent or Medway`;
  if (!placeOutcode) return `Distance not known: no postcode recorded for the ${place}`;
  return `Distance not known: the ${place}'s postcode (${placeOutcode}) is not in Kent or Medway`;
}

/** How the young person travels, for the estimate: by bus when they rely on public transport, otherwise by car. */
function travelModeOf(pupil: MatchablePupil): EstimateMode {
  return pupil.travel.reliesOnPublicTransport ? 'bus' : 'car';
}

interface TravelPart {
  km: number | null;
  points: number;
  reasons: string[];
  /** Set when the place is beyond what they can travel. */
  exclusion: Exclusion | null;
  text: string | null;
}

/**
 * travelPart for this young person, from those already worked out when another offer or route had the same
 * outcode. The part is shared between the evaluations that ask for it: they copy its reasons and only read it.
 */
function travelPartFor(
  pupil: MatchablePupil,
  known: PupilFacts,
  placeOutcode: string | null,
  place: 'employer' | 'campus',
  explain: boolean,
  timetabled = false,
  judgedReachable = false,
): TravelPart {
  const variant = (place === 'employer' ? 1 : 0) | (explain ? 2 : 0) | (timetabled ? 4 : 0) | (judgedReachable ? 8 : 0);
  let byOutcode = known.travelParts[variant];
  if (!byOutcode) known.travelParts[variant] = byOutcode = new Map();
  // No outcode and an empty one read the same (both "no postcode recorded").
  const key = placeOutcode ?? '';
  let part = byOutcode.get(key);
  if (!part) {
    const bestPoints = place === 'employer' ? OFFER_DISTANCE : ROUTE_DISTANCE;
    part = travelPart(pupil, placeOutcode, place, bestPoints, explain, timetabled, judgedReachable);
    byOutcode.set(key, part);
  }
  return part;
}

/**
 * The journey against how far the pupil can travel (shared/travel judgeTravelLimit): within it, points for
 * being close less any penalty for being near the limit or a long journey; beyond it, ruled out with why.
 */
function travelPart(
  pupil: MatchablePupil,
  placeOutcode: string | null,
  place: string,
  bestPoints: number,
  explain: boolean,
  timetabled = false,
  judgedReachable = false,
): TravelPart {
  const km = distanceBetweenOutcodesKm(pupil.outcode, placeOutcode);
  const max = pupil.travel.maxDistanceKm;
  if (km === null) {
    return {
      km,
      points: DISTANCE_UNKNOWN,
      reasons: explain ? [withPoints(whyDistanceUnknown(pupil.outcode, placeOutcode, place), DISTANCE_UNKNOWN)] : [],
      exclusion: null,
      text: null,
    };
  }
  const estimate = estimateTravel(km, travelModeOf(pupil));
  // An adviser's 'reachable' takes away the estimate's doubt about the bus time, not the distance limit.
  const judged = judgeTravelLimit({ straightKm: km, minutes: judgedReachable ? null : estimate.minutes }, { maxDistanceKm: max });
  if (judged.ruledOut) {
    return {
      km,
      points: 0,
      reasons: explain ? [capitalised(estimate.text)] : [],
      exclusion: { code: 'travel', message: `${capitalised(judged.reasons.join('; '))}: ${estimate.text}` },
      text: estimate.text,
    };
  }
  const closeness = max > 0 ? Math.round(bestPoints * (1 - km / max)) : bestPoints;
  const reasons: string[] = [];
  if (explain) {
    // With a timetable the journey answer says how long it takes, so the reason keeps to the distance.
    const how = timetabled
      ? `${estimate.roadKm < 1 ? 'less than 1 km' : `about ${Math.round(estimate.roadKm)} km`} by road`
      : estimate.text;
    reasons.push(withPoints(`${capitalised(how)}; ${kmText(km)} in a straight line, within the ${max} km they can travel`, closeness));
    if (judged.penalty > 0) reasons.push(withPoints(capitalised(judged.reasons.join('; ')), -judged.penalty));
  }
  return { km, points: closeness - judged.penalty, reasons, exclusion: null, text: estimate.text };
}

/** Every offer period still to come (and overlapping `within`, when given), with its checks and places worked out. */
export function offerSlots(
  employers: readonly Employer[],
  placements: readonly Placement[],
  today: string,
  within?: DateRange,
): OfferSlot[] {
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
        const left = capacityLeft(employer, offer.id, period, held);
        slots.push({
          employer,
          offer,
          period,
          capacityLeft: left,
          checkProblems: employerCheckProblems(employer, checkDateFor(period, today), period.end),
          facts: slotFacts(employer, offer, period, left),
        });
      }
    }
  }
  return slots;
}

/**
 * The adviser's public-transport override, where it counts: only where no timetable answers (a journey
 * answer decides) and only for a young person who relies on public transport. The one place this rule lives.
 */
export function publicTransportOverrideFor(
  pupil: MatchablePupil,
  employer: Pick<Employer, 'requirements'>,
  journey: OfferJourney | null,
): PublicTransportOverride | null {
  if (journey !== null || !pupil.travel.reliesOnPublicTransport) return null;
  return employer.requirements.publicTransportOverride;
}

/**
 * One pupil against one offer period. `pupilPlacements` are the pupil's own placements that hold a
 * place, so a pupil is never put in two places at once.
 */
export function evaluateOffer(
  pupil: MatchablePupil,
  slot: OfferSlot,
  pupilPlacements: readonly Placement[],
  explain: boolean,
  journey: OfferJourney | null = null,
): Evaluation {
  return evaluateOfferFor(pupil, pupilFacts(pupil), slot, pupilPlacements, explain, journey);
}

/**
 * What rules an offer out whatever the journey: its checks, places left, year groups, age, access and the
 * young person's other placements. Journeys are planned only for offers these leave open.
 */
function offerRulesBesidesTravel(
  pupil: MatchablePupil,
  known: PupilFacts,
  slot: OfferSlot,
  pupilPlacements: readonly Placement[],
): Exclusion[] {
  const { employer, offer, period, facts } = slot;
  const exclusions: Exclusion[] = [];
  for (const message of slot.checkProblems) exclusions.push({ code: 'checks', message });
  if (slot.capacityLeft <= 0) exclusions.push({ code: 'capacity', message: facts.capacityText });
  const yearGroup = facts.startAcademicYear - known.receptionYear;
  if (!offer.yearGroups.includes(yearGroup)) {
    exclusions.push({
      code: 'year-group',
      message:
        facts.takesText === null
          ? 'Takes no year groups yet'
          : hasLeftSchool(yearGroup)
            ? `${facts.takesText}; they will have left school by then`
            : `${facts.takesText}, not Year ${yearGroup}`,
    });
  }
  const age = ageBetween(known.birth, facts.start);
  if (age < offer.minimumAge) {
    exclusions.push({ code: 'age', message: `Aged ${age} on ${facts.startText}; the minimum age is ${offer.minimumAge}` });
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

  return exclusions;
}

/**
 * Whether a journey answer could matter for this offer: it is open by every rule a journey cannot change,
 * including the distance limit (the adviser's "not reachable" can be, since a timetable answer overrides it).
 * Planning is the costly part of matching with a timetable, so offers ruled out anyway are not planned.
 */
export function offerWorthPlanning(pupil: MatchablePupil, slot: OfferSlot, pupilPlacements: readonly Placement[] = []): boolean {
  const known = pupilFacts(pupil);
  return worthPlanningFor(pupil, known, slot, offerRulesBesidesTravel(pupil, known, slot, pupilPlacements));
}

/** offerWorthPlanning, given what offerRulesBesidesTravel found for the slot. */
function worthPlanningFor(pupil: MatchablePupil, known: PupilFacts, slot: OfferSlot, besidesTravel: readonly Exclusion[]): boolean {
  if (besidesTravel.length > 0) return false;
  const reachable = publicTransportOverrideFor(pupil, slot.employer, null)?.verdict === 'reachable';
  return travelPartFor(pupil, known, slot.employer.outcode, 'employer', false, true, reachable).exclusion === null;
}

function evaluateOfferFor(
  pupil: MatchablePupil,
  known: PupilFacts,
  slot: OfferSlot,
  pupilPlacements: readonly Placement[],
  explain: boolean,
  journey: OfferJourney | null,
  /** What offerRulesBesidesTravel found, when already worked out; the evaluation adds to it. */
  besidesTravel?: Exclusion[],
): Evaluation {
  const { employer, facts } = slot;
  const exclusions = besidesTravel ?? offerRulesBesidesTravel(pupil, known, slot, pupilPlacements);
  const override = publicTransportOverrideFor(pupil, employer, journey);
  const travel = travelPartFor(pupil, known, employer.outcode, 'employer', explain, journey !== null, override?.verdict === 'reachable');
  if (travel.exclusion) exclusions.push(travel.exclusion);
  if (override?.verdict === 'not-reachable') {
    exclusions.push({ code: 'travel', message: `The adviser judged it not reachable by public transport: ${override.note}` });
  }
  const judged = judgeJourney(pupil, journey);
  if (judged.exclusion) exclusions.push(judged.exclusion);
  const reasons: string[] = [];
  let points = OFFER_BASE;
  const sector = facts.sectorText;
  if (pupil.interests.includes(employer.sector)) {
    points += OFFER_SECTOR;
    if (explain) reasons.push(withPoints(`Interested in ${sector}`, OFFER_SECTOR));
  } else if (explain) {
    reasons.push(pupil.interests.length > 0 ? `${sector} is not among their interests` : `No interests recorded to compare with ${sector}`);
  }
  points += travel.points + (judged.penalty?.points ?? 0);
  if (explain) {
    reasons.push(...travel.reasons);
    if (judged.penalty) reasons.push(withPoints(judged.penalty.reason, judged.penalty.points));
    reasons.push(...judged.notes);
    if (pupil.travel.needsStepFreeAccess && employer.requirements.stepFreeAccess) reasons.push('Has the step-free access they need');
    if (employer.requirements.dbsNeeded) reasons.push('Asks for a DBS check: allow time to arrange it');
    if (employer.requirements.protectiveEquipment) reasons.push('Protective equipment is worn here');
    if (slot.capacityLeft > 0) reasons.push(facts.capacityText);
  }
  const adviserTransport = explain && journey === null ? publicTransportNote(employer) : null;
  return { score: clampScore(points), reasons, exclusions, distanceKm: travel.km, travelText: travel.text, adviserTransport };
}

function gradePart(subject: string, predicted: number | null, asked: number | null): { points: number; reason: string } | null {
  if (asked === null) return null;
  if (predicted === null) return { points: 0, reason: `No predicted ${subject} grade to set against the grade ${asked} asked for` };
  if (predicted >= asked)
    return { points: GRADE_MET, reason: `Predicted ${subject} grade ${predicted} meets the grade ${asked} asked for` };
  if (predicted === asked - 1)
    return { points: GRADE_ONE_BELOW, reason: `Predicted ${subject} grade ${predicted} is one below the grade ${asked} asked for` };
  return { points: GRADE_BELOW, reason: `Predicted ${subject} grade ${predicted} is below the grade ${asked} asked for` };
}

/** Kinds whose level says little about whether they suit: programmes and supported routes. */
const LEVEL_NOT_RELEVANT: ReadonlySet<RouteKindId> = new Set<RouteKindId>(['supported-internship', 'connect-to-work', 'youth-hub']);

export interface RouteEvaluation extends Evaluation {
  startDate: string | null;
  startText: string;
  campusName: string | null;
  town: string | null;
}

/** A route with what does not depend on the pupil worked out once: its provider, campus and starts to come. */
export interface PreparedRoute {
  route: Route;
  provider: Provider | undefined;
  campus: Provider['campuses'][number] | undefined;
  /** Its ages, narrowed by its programme's rule (Skills Bootcamps 19+, Youth Hubs 18 to 24). */
  ages: ReturnType<typeof routeAges>;
  /** Start dates on or after today, in order, each read and in UK form. */
  upcoming: Start[];
  todayParts: DateParts;
  /** The start year of today's academic year. */
  academicYear: number;
  sectorText: string | null;
  levelText: string;
  /** The tie-break name when sorting: route title and provider name. */
  sortName: string;
  providerName: string;
  town: string | null;
}

interface Start {
  date: string;
  parts: DateParts;
  /** "on 07/09/2027", or "in September 2028" for a start derived from the year group. */
  when: string;
  /** What the card says: "Starts 07/09/2027", "Starts September 2028, after Year 11". */
  words: string;
  /** A start date of the route's own, not one taken from the year group. */
  listed: boolean;
}

function listedStart(date: string): Start {
  const text = formatUkDate(date);
  return { date, parts: isoDateParts(date), when: `on ${text}`, words: `Starts ${text}`, listed: true };
}

function routeEntry(route: Route, provider: Provider | undefined, today: string): PreparedRoute {
  const campus =
    provider?.campuses.find((c) => c.id === route.campusId) ??
    (route.campusId === null && provider?.campuses.length === 1 ? provider.campuses[0] : undefined);
  const providerName = provider?.name ?? 'Provider not found';
  return {
    route,
    provider,
    campus,
    ages: routeAges(route),
    upcoming: route.startDates
      .filter((d) => d >= today)
      .sort()
      .map(listedStart),
    todayParts: isoDateParts(today),
    academicYear: academicYearStartYear(today),
    sectorText: route.sector === null ? null : sectorLabel(route.sector),
    levelText: route.level === 0 ? 'Entry level' : `Level ${route.level}`,
    sortName: `${route.title} ${providerName}`,
    providerName,
    town: townOf(campus?.outcode),
  };
}

export function evaluateRoute(
  pupil: MatchablePupil,
  route: Route,
  provider: Provider | undefined,
  today: string,
  explain: boolean,
  journey: OfferJourney | null = null,
): RouteEvaluation {
  const known = pupilFacts(pupil);
  const entry = routeEntry(route, provider, today);
  return evaluateRouteFor(pupil, known, entry, explain, routeStart(pupil, known, entry), journey);
}

/**
 * The start the route is judged at. A young person still in Year 11 or below starts post-16 routes the
 * September after Year 11 (shared/routes post16StartFor): a listed start in or after that September if
 * there is one, otherwise that September itself, taking the route to run again each year. Those in
 * Year 12 and beyond take the first start to come that they are old enough for.
 */
function startFor(pupil: MatchablePupil, entry: PreparedRoute, ageFits: (on: DateParts) => boolean): Start | undefined {
  const post16 = post16StartFor(pupil, entry.academicYear);
  if (!post16) return entry.upcoming.find((u) => ageFits(u.parts)) ?? entry.upcoming[0];
  const listed = entry.upcoming.filter((u) => u.date >= post16.firstDay);
  const fits = listed.find((u) => ageFits(u.parts)) ?? listed[0];
  if (fits) return fits;
  const month = `September ${post16.startYear}`;
  return {
    date: post16.firstDay,
    parts: isoDateParts(post16.firstDay),
    when: `in ${month}`,
    words: entry.route.startDates.length === 0 ? `From ${month}, after Year 11` : `Starts ${month}, after Year 11`,
    listed: false,
  };
}

/** The start a young person is judged at for a route (startFor), with the route's age rule. */
function routeStart(pupil: MatchablePupil, known: PupilFacts, entry: PreparedRoute): Start | undefined {
  const { ages } = entry;
  return startFor(pupil, entry, (on: DateParts) => {
    const age = ageBetween(known.birth, on);
    return age >= ages.minimum && (ages.maximum === null || age <= ages.maximum);
  });
}

function evaluateRouteFor(
  pupil: MatchablePupil,
  known: PupilFacts,
  entry: PreparedRoute,
  explain: boolean,
  start: Start | undefined,
  journey: OfferJourney | null,
): RouteEvaluation {
  const { route, ages, upcoming } = entry;
  const startDate = start?.date ?? null;
  const onWhen = start ? start.when : 'now';

  const exclusions: Exclusion[] = [];
  const age = ageBetween(known.birth, start?.parts ?? entry.todayParts);
  const tooYoung = age < ages.minimum;
  const tooOld = ages.maximum !== null && age > ages.maximum;
  if (ages.who !== null && (tooYoung || tooOld)) {
    exclusions.push({ code: 'age', message: `${ages.who}; aged ${age} ${onWhen}` });
  } else {
    if (tooYoung) exclusions.push({ code: 'age', message: `Aged ${age} ${onWhen}; the minimum age is ${ages.minimum}` });
    if (tooOld) exclusions.push({ code: 'age', message: `Aged ${age} ${onWhen}; the maximum age is ${ages.maximum}` });
  }
  const notEligible = circumstancesRuleOut(route.kind, pupil.characteristics);
  if (notEligible !== null) exclusions.push({ code: 'eligibility', message: notEligible });

  const reasons: string[] = [];
  let points = ROUTE_BASE;
  const add = (delta: number, text: string) => {
    points += delta;
    if (explain) reasons.push(withPoints(text, delta));
  };

  if (route.sector === null) add(ROUTE_ANY_SECTOR, 'Not tied to one sector');
  else if (pupil.interests.includes(route.sector)) add(ROUTE_SECTOR, `Interested in ${entry.sectorText}`);
  else
    add(
      0,
      pupil.interests.length > 0
        ? `${entry.sectorText} is not among their interests`
        : `No interests recorded to compare with ${entry.sectorText}`,
    );

  const { campus } = entry;
  let distanceKm: number | null = null;
  let travelText: string | null = null;
  if (campus) {
    const travel = travelPartFor(pupil, known, campus.outcode, 'campus', explain, journey !== null);
    distanceKm = travel.km;
    travelText = travel.text;
    if (travel.exclusion) exclusions.push(travel.exclusion);
    // The same rules as an employer's: "no" rules out for those who rely on public transport, "only just" costs points.
    const judged = judgeJourney(pupil, journey);
    if (judged.exclusion) exclusions.push(judged.exclusion);
    points += travel.points + (judged.penalty?.points ?? 0);
    if (explain) {
      reasons.push(...travel.reasons);
      if (judged.penalty) reasons.push(withPoints(judged.penalty.reason, judged.penalty.points));
      reasons.push(...judged.notes);
    }
  } else if (explain) {
    reasons.push('No campus given, so distance is not counted');
  }

  // Entry requirements subject by subject; the level on the stronger grade of those asked for (see levelSuggestedFor).
  const { english, maths } = pupil.predictedGrades;
  const requirements = route.entryRequirements;
  const grades = [gradePart('English', english, requirements.englishGrade), gradePart('maths', maths, requirements.mathsGrade)].filter(
    (g) => g !== null,
  );
  if (grades.length === 0 && requirements.notes.trim() === '') add(0, 'No GCSE grades asked for');
  for (const grade of grades) add(grade.points, grade.reason);
  if (explain && requirements.notes.trim() !== '') reasons.push(`Entry requirements also say: "${requirements.notes.trim()}"`);

  if (!LEVEL_NOT_RELEVANT.has(route.kind)) {
    const suits = levelSuggestedFor(requirements, pupil.predictedGrades);
    const level = entry.levelText;
    if (suits === null) add(0, 'No predicted grades, so the level cannot be judged');
    else if (route.level === suits) add(LEVEL_SUITS, `${level} suits their predicted grades`);
    else if (route.level > suits) add(LEVEL_ABOVE, `${level} is above what their predicted grades suggest`);
    else if (route.level === suits - 1) add(0, `${level} is a step below what their predicted grades suggest`);
    else add(LEVEL_WELL_BELOW, `${level} is well below what their predicted grades suggest`);
  }

  const fits = circumstancesFit(route.kind, pupil.characteristics);
  if (fits !== null) add(PROGRAMME_FITS, fits);
  if (explain && route.startDates.length > 0) {
    if (upcoming.length === 0) reasons.push('No start date after today is listed: check with the provider');
    else if (start && !route.startDates.includes(start.date))
      reasons.push(`The starts listed are before they finish Year 11; taken to run again ${start.when}: check with the provider`);
  }

  return {
    score: clampScore(points),
    reasons,
    exclusions,
    distanceKm,
    travelText,
    adviserTransport: null,
    startDate,
    startText: start?.words ?? 'Starts at any time',
    campusName: campus?.name ?? null,
    town: entry.town,
  };
}

/**
 * What matching reads that does not depend on the pupil, worked out once: offer periods with places left
 * and safety-check problems, and routes with their provider and campus. Prepare it once for a directory
 * and pass it to matchPupil for each pupil; prepare again when any of its inputs change.
 */
export interface PreparedMatchDirectory {
  readonly today: string;
  readonly period: DateRange | undefined;
  /** Offer periods still to come (overlapping `period`, when given), as offerSlots gives them. */
  readonly slots: readonly OfferSlot[];
  /** Every route, in the order given, with its provider and campus looked up. */
  readonly routes: readonly Readonly<PreparedRoute>[];
  readonly providers: ReadonlyMap<string, Provider>;
  /** Placements that hold a place, by pupil, in the order given. */
  readonly placementsByPupil: ReadonlyMap<string, readonly Placement[]>;
  /** Each slot's and route's place in name order, the tie-break when ranking (equal names, equal places). */
  readonly nameRanks: ReadonlyMap<OfferSlot | Readonly<PreparedRoute>, number>;
}

export function prepareMatchDirectory(context: MatchContext): PreparedMatchDirectory {
  const { today, period } = context;
  const providers = new Map(context.providers.map((p) => [p.id, p]));
  const placementsByPupil = new Map<string, Placement[]>();
  for (const placement of context.placements) {
    if (!holdsAPlace(placement)) continue;
    const list = placementsByPupil.get(placement.pupilId);
    if (list) list.push(placement);
    else placementsByPupil.set(placement.pupilId, [placement]);
  }
  const slots = offerSlots(context.employers, context.placements, today, period);
  const routes = context.routes.map((route) => routeEntry(route, providers.get(route.providerId), today));
  return { today, period, slots, routes, providers, placementsByPupil, nameRanks: nameRanksOf(slots, routes) };
}

/** The directory matchPupil reads: raw (prepared on each call), or prepared once with prepareMatchDirectory. */
export type MatchDirectory = MatchContext | { prepared: PreparedMatchDirectory };

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Each slot's and route's place in name order (slot sortName, route sortName), equal names sharing one:
 * ranking then compares two numbers where it compared two strings, thousands of times for each young person.
 */
function nameRanksOf(slots: readonly OfferSlot[], routes: readonly PreparedRoute[]): Map<OfferSlot | PreparedRoute, number> {
  const named: { key: OfferSlot | PreparedRoute; name: string }[] = [
    ...slots.map((slot) => ({ key: slot, name: slot.facts.sortName })),
    ...routes.map((route) => ({ key: route, name: route.sortName })),
  ];
  named.sort((a, b) => byName(a.name, b.name));
  const ranks = new Map<OfferSlot | PreparedRoute, number>();
  let rank = 0;
  let previous: string | null = null;
  named.forEach(({ key, name }, i) => {
    if (name !== previous) rank = i;
    previous = name;
    ranks.set(key, rank);
  });
  return ranks;
}

function byScoreThenDistance(
  a: { score: number; distanceKm: number | null; name: number },
  b: { score: number; distanceKm: number | null; name: number },
): number {
  if (a.score !== b.score) return b.score - a.score;
  const da = a.distanceKm ?? Infinity;
  const db = b.distanceKm ?? Infinity;
  if (da !== db) return da - db;
  return a.name - b.name;
}

interface Ranked<T> {
  item: T;
  score: number;
  distanceKm: number | null;
  /** The tie-break: its place in name order (PreparedMatchDirectory nameRanks). */
  name: number;
}

function ranked<T>(items: Ranked<T>[]): T[] {
  return items.sort(byScoreThenDistance).map((ranked) => ranked.item);
}

/**
 * Ranked employer offers and post-16 routes for one young person, and what was ruled out and why.
 * Pass `{ prepared }` (from prepareMatchDirectory) to match many pupils against the same directory.
 */
export function matchPupil(pupil: MatchablePupil, directory: MatchDirectory, journeys?: JourneySource): PupilMatches {
  const prepared = 'prepared' in directory ? directory.prepared : prepareMatchDirectory(directory);
  const { slots, routes: entries } = prepared;
  const pupilPlacements = prepared.placementsByPupil.get(pupil.id) ?? [];
  const offers: Ranked<Match>[] = [];
  const routes: Ranked<Match>[] = [];
  const excluded: Ranked<ExcludedMatch>[] = [];
  const travelFrom = journeys ? 'timetable' : 'estimate';
  if (slots.length === 0 && entries.length === 0) return { offers: [], routes: [], excluded: [], travelFrom };
  const known = pupilFacts(pupil);
  // Worked out once per slot: with a timetable, both the choice of what to plan and the evaluation read it.
  const besidesTravel = journeys ? slots.map((slot) => offerRulesBesidesTravel(pupil, known, slot, pupilPlacements)) : null;
  const answers =
    journeys && besidesTravel
      ? offerJourneys(
          pupil,
          slots.filter((slot, i) => worthPlanningFor(pupil, known, slot, besidesTravel[i] ?? [])),
          journeys,
          prepared.today,
        )
      : null;

  for (const [i, slot] of slots.entries()) {
    const journey = answers?.get(slot) ?? null;
    const { score, reasons, exclusions, distanceKm, travelText, adviserTransport } = evaluateOfferFor(
      pupil,
      known,
      slot,
      pupilPlacements,
      true,
      journey,
      besidesTravel?.[i],
    );
    const { employer, offer, period } = slot;
    const name = prepared.nameRanks.get(slot) ?? 0;
    if (exclusions.length > 0) {
      excluded.push({
        item: {
          kind: 'offer',
          employerId: employer.id,
          employerName: employer.name,
          sector: employer.sector,
          offerId: offer.id,
          offerTitle: offer.title,
          periodStart: period.start,
          periodEnd: period.end,
          capacity: period.capacity,
          capacityLeft: slot.capacityLeft,
          distanceKm,
          town: slot.facts.town,
          travelText,
          journey,
          adviserTransport,
          score,
          reasons,
          excluded: true,
          exclusions: exclusions.map((e) => e.message),
        },
        score,
        distanceKm,
        name,
      });
    } else {
      offers.push({
        item: {
          kind: 'offer',
          employerId: employer.id,
          employerName: employer.name,
          sector: employer.sector,
          offerId: offer.id,
          offerTitle: offer.title,
          periodStart: period.start,
          periodEnd: period.end,
          capacity: period.capacity,
          capacityLeft: slot.capacityLeft,
          distanceKm,
          town: slot.facts.town,
          travelText,
          journey,
          adviserTransport,
          score,
          reasons,
          excluded: false,
        },
        score,
        distanceKm,
        name,
      });
    }
  }

  const starts = new Map(entries.map((entry) => [entry, routeStart(pupil, known, entry)]));
  const campusAnswers = journeys
    ? campusJourneys(
        pupil,
        entries.flatMap((entry) => {
          const start = starts.get(entry);
          const date = routeJourneyDate(start ? { date: start.date, listed: start.listed } : null, prepared.today);
          return entry.campus ? [{ key: entry, date, campus: entry.campus }] : [];
        }),
        journeys,
        prepared.today,
      )
    : null;

  for (const entry of entries) {
    const journey = campusAnswers?.get(entry) ?? null;
    const { score, reasons, exclusions, distanceKm, travelText, startDate, startText, campusName, town } = evaluateRouteFor(
      pupil,
      known,
      entry,
      true,
      starts.get(entry),
      journey,
    );
    const { route } = entry;
    const name = prepared.nameRanks.get(entry) ?? 0;
    // One card for the route, in the list it belongs to: ruled out (with why) or matched.
    const item = {
      kind: 'route' as const,
      routeId: route.id,
      routeTitle: route.title,
      routeKind: route.kind,
      level: route.level,
      sector: route.sector,
      providerId: route.providerId,
      providerName: entry.providerName,
      campusName,
      startDate,
      startText,
      distanceKm,
      town,
      travelText,
      journey,
      score,
      reasons,
    };
    if (exclusions.length > 0) {
      excluded.push({ item: { ...item, excluded: true, exclusions: exclusions.map((e) => e.message) }, score, distanceKm, name });
    } else {
      routes.push({ item: { ...item, excluded: false }, score, distanceKm, name });
    }
  }

  return { offers: ranked(offers), routes: ranked(routes), excluded: ranked(excluded), travelFrom };
}
