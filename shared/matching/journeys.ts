/**
 * Journey answers on matches: "can they get to this placement by 08:50 and home again after 16:00,
 * on its first day, by bus or train?", from an imported timetable (shared/travel). Journeys start
 * and end at the outcode centroids of the young person's home and of the employer. One planner
 * scan per date serves every employer on that date (planJourneys).
 *
 * - no (a service runs near both ends, but nothing arrives by the start or nothing goes home after
 *   the end): rules the placement out for a young person who relies on public transport, with why.
 * - no published service: never rules out. School buses and community transport may not be in the
 *   timetable, so the card asks for the adviser's travel plan instead.
 */
import { formatUkDate } from '../academic-year';
import { findOutcode } from '../reference/outcodes';
import { journeyAnswer, type JourneyVerdict } from '../travel/answer';
import type { TravelFeed } from '../travel/feed';
import { planJourneys, DEFAULT_ARRIVE_BY, DEFAULT_LEAVE_AFTER, type JourneyOptions, type TravelDay } from '../travel/planner';
import type { Exclusion, MatchablePupil, OfferSlot } from './score';

/** The imported timetable, as matching reads it. The caller keeps prepared days (one per date) between pupils. */
export interface JourneySource {
  feed: Pick<TravelFeed, 'firstDate' | 'lastDate'>;
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

/** What a card says about travel when there is no timetable to plan with. */
export const NO_TIMETABLE_NOTE = 'No timetable imported: estimated from distance';

/** Asks for the adviser's own plan when the timetable cannot answer. */
export const TRAVEL_PLAN_ASK = 'Record their travel plan if they have one (school bus, lift, community transport)';

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Journey answers for a young person to each offer period's first day, keyed by slot; slots whose
 * young person or employer has no Kent or Medway outcode get none.
 */
export function offerJourneys(
  pupil: Pick<MatchablePupil, 'outcode'>,
  slots: readonly OfferSlot[],
  source: JourneySource,
  today: string,
): Map<OfferSlot, OfferJourney> {
  const answers = new Map<OfferSlot, OfferJourney>();
  const home = findOutcode(pupil.outcode);
  if (!home) return answers;
  const byDate = new Map<string, OfferSlot[]>();
  for (const slot of slots) {
    if (!findOutcode(slot.employer.outcode)) continue;
    const list = byDate.get(slot.period.start);
    if (list) list.push(slot);
    else byDate.set(slot.period.start, [slot]);
  }
  for (const [date, onDate] of byDate) {
    // One query per employer place, however many offers it has that day.
    const outcodes = [...new Set(onDate.map((slot) => slot.employer.outcode?.toUpperCase() ?? ''))];
    const plans = planJourneys(
      source.dayFor(date),
      home,
      outcodes.map((outcode) => ({
        point: findOutcode(outcode) ?? home,
        arriveBy: DEFAULT_ARRIVE_BY,
        leaveAfter: DEFAULT_LEAVE_AFTER,
      })),
      source.options,
    );
    const byOutcode = new Map<string, OfferJourney>();
    outcodes.forEach((outcode, i) => {
      const plan = plans[i];
      if (!plan) return;
      // Out of date when the timetable had ended before the day planned (or before today, for a period under way).
      const asOf = date > today ? date : today;
      const answer = journeyAnswer(plan, { feed: source.feed, today: asOf, maxWalkMetres: source.options?.maxWalkMetres ?? 1000 });
      const asksForPlan = answer.verdict === 'no-published-service' && !answer.reasons.some((r) => r.includes('travel plan'));
      const reasons = asksForPlan ? [...answer.reasons, TRAVEL_PLAN_ASK] : answer.reasons;
      byOutcode.set(outcode, {
        date,
        verdict: answer.verdict,
        label: OFFER_JOURNEY_LABELS[answer.verdict],
        sentence: capitalised(answer.sentence),
        reasons,
        outOfDate: answer.outOfDate,
      });
    });
    for (const slot of onDate) {
      const journey = byOutcode.get(slot.employer.outcode?.toUpperCase() ?? '');
      if (journey) answers.set(slot, journey);
    }
  }
  return answers;
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
