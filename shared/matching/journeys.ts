/**
 * Journey answers on matches: "can they get to this placement by 08:50 and home again after 16:00,
 * on its first day, by bus or train?", from an imported timetable (shared/travel); and the same for a
 * route's campus on the route's next start (routeJourneyDate). Journeys start at the stop the adviser
 * picked for the young person's home and end at the one picked for the employer or campus (no walk);
 * where none was picked, or the timetable no longer has it, at the outcode centroid. One planner scan
 * per date serves every place on that date (planJourneys).
 *
 * - no (a service runs near both ends, but nothing arrives by the start or nothing goes home after
 *   the end): rules the placement out for a young person who relies on public transport, with why.
 * - no published service: never rules out. School buses and community transport may not be in the
 *   timetable, so the card asks for the adviser's travel plan instead.
 */
import { addDays, formatUkDate, isWeekday } from '../academic-year';
import { findOutcode } from '../reference/outcodes';
import { journeyAnswer, type JourneyVerdict } from '../travel/answer';
import type { TravelFeed } from '../travel/feed';
import type { TravelPoint } from '../travel/geo';
import { missingStopNote, stopPoint } from '../travel/stops';
import type { PickedStop } from '../model/common';
import type { Campus } from '../model/routes';
import { planJourneys, DEFAULT_ARRIVE_BY, DEFAULT_LEAVE_AFTER, type JourneyOptions, type TravelDay } from '../travel/planner';
import type { Exclusion, MatchablePupil, OfferSlot } from './score';

/** The imported timetable, as matching reads it. The caller keeps prepared days (one per date) between pupils. */
export interface JourneySource {
  feed: Pick<TravelFeed, 'firstDate' | 'lastDate' | 'stops'>;
  /** The timetable of one date, ready for planning (shared/travel prepareTravelDay). */
  dayFor(date: string): TravelDay;
  options?: Partial<JourneyOptions>;
}

/** The journey answer on one offer card. */
export interface OfferJourney {
  /** The day planned: the offer period's first day. */
  date: string;
  verdict: JourneyVerdict;
  /** "Can get there", "Only just", "No", "No published service". */
  label: string;
  /** "Leaves 07:56, arrives 08:37, no changes; home 16:35 to 17:15". */
  sentence: string;
  reasons: string[];
  /** Where the journey starts and ends when that is not the outcode centre, or why a picked stop was not used. */
  notes: string[];
  /** The timetable had ended before that day: the answer may no longer hold. */
  outOfDate: boolean;
}

/** How a card names each verdict. */
export const OFFER_JOURNEY_LABELS: Record<JourneyVerdict, string> = {
  yes: 'Can get there',
  'only-just': 'Only just',
  no: 'No',
  'no-published-service': 'No published service',
};

/**
 * Points off an offer whose journey is "only just" (little time to spare, a long journey, or one bus
 * home), for a young person who relies on public transport: a place they can reach more easily
 * should come first, but "only just" is still a place they can reach, so it is less than the 30 an
 * interest in the sector is worth.
 */
export const ONLY_JUST_PENALTY = 8;

/** What an "only just" journey costs, with the reason in words; null when it costs nothing. */
export function journeyPenalty(
  pupil: Pick<MatchablePupil, 'travel'>,
  journey: OfferJourney | null,
): { points: number; reason: string } | null {
  if (journey?.verdict !== 'only-just' || !pupil.travel.reliesOnPublicTransport) return null;
  const why = journey.reasons[0];
  return { points: -ONLY_JUST_PENALTY, reason: `Only just by bus or train${why ? ` (${why})` : ''}` };
}

/** What a card says about travel when there is no timetable to plan with. */
export const NO_TIMETABLE_NOTE = 'No timetable imported: estimated from distance';

/** Asks for the adviser's own plan when the timetable cannot answer. */
export const TRAVEL_PLAN_ASK = 'Record their travel plan if they have one (school bus, lift, community transport)';

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One end of the journey: the picked stop when this timetable has it, else the outcode centre, with what to say. */
interface JourneyEnd {
  point: TravelPoint;
  /** Places sharing a key share one planner query. */
  key: string;
  note: string | null;
}

function journeyEnd(
  feed: JourneySource['feed'],
  stop: PickedStop | null | undefined,
  outcode: string | null,
  pickedNote: (name: string) => string,
): JourneyEnd | null {
  if (stop) {
    const point = stopPoint(feed, stop.stopId);
    if (point) return { point, key: `stop:${stop.stopId}`, note: pickedNote(stop.name) };
  }
  const centre = findOutcode(outcode);
  if (!centre) return null;
  return { point: centre, key: `outcode:${outcode?.toUpperCase() ?? ''}`, note: stop ? missingStopNote(stop.name, outcode) : null };
}

/** One journey to plan: to one place on one date, with the day's start and finish there. */
interface JourneyRequest<K> {
  key: K;
  date: string;
  stop: PickedStop | null | undefined;
  outcode: string | null;
  arriveBy: string;
  leaveAfter: string;
  /** "To the employer's stop, Ramsgate, King Street". */
  pickedNote: (name: string) => string;
}

/**
 * Journey answers for a young person to each place asked for, keyed as asked; places whose young
 * person or place has neither a picked stop in this timetable nor a Kent or Medway outcode get none.
 * One planner scan per date; one query per place and times, however many keys share them.
 */
function plannedJourneys<K>(
  pupil: Pick<MatchablePupil, 'outcode' | 'travel'>,
  requests: readonly JourneyRequest<K>[],
  source: JourneySource,
  today: string,
  kind: { asksForPlan: boolean; outOfDateOnTheDay: boolean },
): Map<K, OfferJourney> {
  const answers = new Map<K, OfferJourney>();
  const home = journeyEnd(source.feed, pupil.travel.homeStop, pupil.outcode, (name) => `From their home stop, ${name}`);
  if (!home) return answers;
  const byDate = new Map<string, { key: K; place: JourneyEnd & { arriveBy: string; leaveAfter: string } }[]>();
  for (const request of requests) {
    const end = journeyEnd(source.feed, request.stop, request.outcode, request.pickedNote);
    if (!end) continue;
    const { arriveBy, leaveAfter } = request;
    const place = { ...end, key: `${end.key} ${arriveBy}-${leaveAfter}`, arriveBy, leaveAfter };
    const list = byDate.get(request.date);
    if (list) list.push({ key: request.key, place });
    else byDate.set(request.date, [{ key: request.key, place }]);
  }
  for (const [date, onDate] of byDate) {
    const places = [...new Map(onDate.map(({ place }) => [place.key, place])).values()];
    const plans = planJourneys(
      source.dayFor(date),
      home.point,
      places.map((place) => ({ point: place.point, arriveBy: place.arriveBy, leaveAfter: place.leaveAfter })),
      source.options,
    );
    const byPlace = new Map<string, OfferJourney>();
    places.forEach((place, i) => {
      const plan = plans[i];
      if (!plan) return;
      // Out of date when the timetable had ended before the day planned (or before today, for a period
      // under way); for a route start, only when it has ended by today: a start two years on is beyond
      // any timetable yet published, and the answer says which dates the timetable covers.
      const asOf = kind.outOfDateOnTheDay && date > today ? date : today;
      const answer = journeyAnswer(plan, { feed: source.feed, today: asOf, maxWalkMetres: source.options?.maxWalkMetres ?? 1000 });
      const ask = kind.asksForPlan && answer.verdict === 'no-published-service' && !answer.reasons.some((r) => r.includes('travel plan'));
      const reasons = ask ? [...answer.reasons, TRAVEL_PLAN_ASK] : answer.reasons;
      byPlace.set(place.key, {
        date,
        verdict: answer.verdict,
        label: OFFER_JOURNEY_LABELS[answer.verdict],
        sentence: capitalised(answer.sentence),
        reasons,
        notes: [home.note, place.note].filter((note): note is string => note !== null),
        outOfDate: answer.outOfDate,
      });
    });
    for (const { key, place } of onDate) {
      const journey = byPlace.get(place.key);
      if (journey) answers.set(key, journey);
    }
  }
  return answers;
}

/**
 * Journey answers for a young person to each offer period's first day, keyed by slot, arriving by the
 * period's start time and leaving after its finish (08:50 and 16:00 unless the period says).
 */
export function offerJourneys(
  pupil: Pick<MatchablePupil, 'outcode' | 'travel'>,
  slots: readonly OfferSlot[],
  source: JourneySource,
  today: string,
): Map<OfferSlot, OfferJourney> {
  const requests = slots.map((slot) => ({
    key: slot,
    date: slot.period.start,
    stop: slot.employer.nearestStop,
    outcode: slot.employer.outcode,
    arriveBy: slot.period.startTime ?? DEFAULT_ARRIVE_BY,
    leaveAfter: slot.period.finishTime ?? DEFAULT_LEAVE_AFTER,
    pickedNote: (name: string) => `To the employer's stop, ${name}`,
  }));
  return plannedJourneys(pupil, requests, source, today, { asksForPlan: true, outOfDateOnTheDay: true });
}

/** A route campus and the day its journey is planned for (routeJourneyDate). */
export interface CampusJourneyRequest<K> {
  key: K;
  date: string;
  campus: Pick<Campus, 'outcode' | 'nearestStop'>;
}

/**
 * Journey answers for a young person to route campuses, keyed as asked: arriving by 08:50 and leaving
 * after 16:00 (routes hold no times of their own) on the day routeJourneyDate gives. No travel-plan
 * line: a route's plan is made with the provider, not on a placement's paperwork. Marked out of date
 * only when the timetable has ended by today (see plannedJourneys).
 */
export function campusJourneys<K>(
  pupil: Pick<MatchablePupil, 'outcode' | 'travel'>,
  campuses: readonly CampusJourneyRequest<K>[],
  source: JourneySource,
  today: string,
): Map<K, OfferJourney> {
  const requests = campuses.map(({ key, date, campus }) => ({
    key,
    date,
    stop: campus.nearestStop,
    outcode: campus.outcode,
    arriveBy: DEFAULT_ARRIVE_BY,
    leaveAfter: DEFAULT_LEAVE_AFTER,
    pickedNote: (name: string) => `To the campus's stop, ${name}`,
  }));
  return plannedJourneys(pupil, requests, source, today, { asksForPlan: false, outOfDateOnTheDay: false });
}

/**
 * The day a route's journey is planned for: a weekday in term. A listed start on a weekend moves to
 * the Monday after. A start taken as "September, after Year 11" (the 1st, not a listed date) moves to
 * the first weekday on or after 7 September, when Kent's colleges and sixth forms have begun. A route
 * that starts at any time is planned for the first weekday from today.
 */
export function routeJourneyDate(start: { date: string; listed: boolean } | null, today: string): string {
  let day = start === null ? today : start.date;
  if (start && !start.listed) {
    const seventh = `${day.slice(0, 4)}-09-07`;
    if (day < seventh) day = seventh;
  }
  while (!isWeekday(day)) day = addDays(day, 1);
  return day;
}

/**
 * A "no" rules the placement out for a young person who relies on public transport, as the travel
 * limit does; "only just" and "no published service" never do.
 */
export function journeyExclusion(pupil: Pick<MatchablePupil, 'travel'>, journey: OfferJourney | null): Exclusion | null {
  if (!journey || journey.verdict !== 'no' || !pupil.travel.reliesOnPublicTransport) return null;
  return {
    code: 'journey',
    message: `No way there and back by public transport on ${formatUkDate(journey.date)}: ${journey.reasons.join('; ')}`,
  };
}

/** What a journey answer does to a match: the exclusion, the points and the reasons, for offers and routes alike. */
export interface JourneyJudgement {
  exclusion: Exclusion | null;
  /** "Only just" costs points, with why; null when it costs nothing. */
  penalty: { points: number; reason: string } | null;
  /** Said on the card whatever the score. */
  notes: string[];
}

export function judgeJourney(pupil: Pick<MatchablePupil, 'travel'>, journey: OfferJourney | null): JourneyJudgement {
  const notes: string[] = [];
  if (journey?.verdict === 'no' && !pupil.travel.reliesOnPublicTransport)
    notes.push('No bus or train there and back that day, but they do not rely on public transport');
  return { exclusion: journeyExclusion(pupil, journey), penalty: journeyPenalty(pupil, journey), notes };
}
