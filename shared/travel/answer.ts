/**
 * The journey answer an adviser reads beside an offer: yes, only just, no, or no published
 * service, with the reasons and one sentence ("leaves 07:12, arrives 08:41, 1 change; home 16:35 to
 * 17:20").
 *
 * - yes: a journey there by the start and a journey home after the end, neither of them "only just".
 * - only just: there are journeys both ways, but the one there arrives with less than
 *   `minSpareMinutes` to spare (one late bus and they are late), or a journey is longer door to door
 *   than `longJourneyMinutes` (75 minutes is the best-practice longest journey each way for
 *   secondary-age pupils in the DfE's home-to-school travel guidance), or there is only one journey
 *   home after the end (miss it and they are stranded).
 * - no: stops near both ends have services, but nothing arrives by the start on that date, or
 *   nothing goes home after the end (rural Kent often has a morning bus and no usable return).
 * - no published service: no stop within walking distance of one end, no trip ever calls at the
 *   stops there, or the feed does not cover the date. This is not "no": school buses,
 *   demand-responsive and community transport may not be in the feed.
 *
 * An answer from a feed past its last day is marked out of date, whatever it says.
 */
import { formatUkDate } from '../dates';
import { feedExpired, type TravelFeed } from './feed';
import type { Journey, JourneyPlan, StopAccess } from './planner';

export type JourneyVerdict = 'yes' | 'only-just' | 'no' | 'no-published-service';

export const JOURNEY_VERDICT_LABELS: Record<JourneyVerdict, string> = {
  yes: 'Yes',
  'only-just': 'Only just',
  no: 'No',
  'no-published-service': 'No published service',
};

export interface JourneyAnswerRules {
  /** Less spare time than this between arriving and the start is "only just". */
  minSpareMinutes: number;
  /** A journey longer than this door to door, either way, is "only just". */
  longJourneyMinutes: number;
}

export const DEFAULT_JOURNEY_ANSWER_RULES: JourneyAnswerRules = {
  minSpareMinutes: 10,
  longJourneyMinutes: 75,
};

export interface JourneyAnswer {
  verdict: JourneyVerdict;
  label: string;
  /** One line: "leaves 07:12, arrives 08:41, 1 change; home 16:35 to 17:20". */
  sentence: string;
  /** Why the verdict is not a plain yes, in words; empty for yes. */
  reasons: string[];
  /** The feed has passed its last day: the answer may no longer hold. */
  outOfDate: boolean;
  there: Journey | null;
  home: Journey | null;
}

function changesText(changes: number): string {
  return changes === 0 ? 'no changes' : changes === 1 ? '1 change' : `${changes} changes`;
}

function isWalkOnly(journey: Journey): boolean {
  return journey.legs.every((leg) => leg.kind === 'walk');
}

function journeyText(there: Journey, home: Journey): string {
  const way = isWalkOnly(there) ? 'on foot' : changesText(there.changes);
  return `leaves ${there.departs}, arrives ${there.arrives}, ${way}; home ${home.departs} to ${home.arrives}`;
}

function accessReason(access: StopAccess, end: 'home' | 'the place', walkNote: string): string | null {
  if (access === 'none-within-walk') return `No bus stop or station within ${walkNote} of ${end}`;
  if (access === 'not-served') return `No bus or train in the timetable calls at the stops near ${end}`;
  return null;
}

export interface JourneyAnswerContext {
  /** The feed the plan came from: its dates say whether the answer is out of date. */
  feed: Pick<TravelFeed, 'firstDate' | 'lastDate'>;
  today: string;
  /** For the words of a "no published service": "1 km", "600 m". */
  maxWalkMetres?: number;
}

export function journeyAnswer(plan: JourneyPlan, context: JourneyAnswerContext, rules: Partial<JourneyAnswerRules> = {}): JourneyAnswer {
  const r = { ...DEFAULT_JOURNEY_ANSWER_RULES, ...rules };
  // Asked for every place a young person might go: the expiry alone, not the "ends soon" date arithmetic.
  const outOfDate = feedExpired(context.feed, context.today);
  const there = plan.there;
  const home = plan.homeJourneys[0] ?? null;
  const answer = (verdict: JourneyVerdict, sentence: string, reasons: string[]): JourneyAnswer => ({
    verdict,
    label: JOURNEY_VERDICT_LABELS[verdict],
    sentence: outOfDate ? `${sentence} (timetable out of date)` : sentence,
    reasons: outOfDate ? [...reasons, `The timetable ended on ${formatUkDate(context.feed.lastDate)}: import the current one`] : reasons,
    outOfDate,
    there,
    home,
  });

  if (there && home) {
    const reasons: string[] = [];
    const [startHours, startMinutes] = plan.arriveBy.split(':').map(Number);
    const spare = Math.floor(((startHours ?? 0) * 3600 + (startMinutes ?? 0) * 60 - there.arrivesAt) / 60);
    if (spare < r.minSpareMinutes && !isWalkOnly(there))
      reasons.push(`Arrives ${there.arrives}, only ${spare} minute${spare === 1 ? '' : 's'} before the ${plan.arriveBy} start`);
    if (there.doorToDoorMinutes > r.longJourneyMinutes)
      reasons.push(`The journey there takes ${there.doorToDoorMinutes} minutes door to door`);
    if (home.doorToDoorMinutes > r.longJourneyMinutes)
      reasons.push(`The journey home takes ${home.doorToDoorMinutes} minutes door to door`);
    if (plan.homeJourneys.length === 1 && !isWalkOnly(home))
      reasons.push(`Only one journey home after ${plan.leaveAfter}: miss the ${home.departs} and there is no other`);
    return answer(reasons.length > 0 ? 'only-just' : 'yes', journeyText(there, home), reasons);
  }

  const walkNote =
    context.maxWalkMetres === undefined
      ? 'walking distance'
      : context.maxWalkMetres >= 1000
        ? `${Math.round(context.maxWalkMetres / 100) / 10} km`
        : `${Math.round(context.maxWalkMetres)} m`;
  if (!plan.dateCovered) {
    return answer('no-published-service', `no published service on ${formatUkDate(plan.date)}`, [
      `The timetable covers ${formatUkDate(context.feed.firstDate)} to ${formatUkDate(context.feed.lastDate)}, not ` +
        `${formatUkDate(plan.date)}`,
    ]);
  }
  const access = [accessReason(plan.homeAccess, 'home', walkNote), accessReason(plan.placeAccess, 'the place', walkNote)].filter(
    (x): x is string => x !== null,
  );
  if (access.length > 0) {
    return answer('no-published-service', 'no published service', [
      ...access,
      'School buses and community transport may not be in the timetable: record their own travel plan if they have one',
    ]);
  }
  const reasons: string[] = [];
  if (!there) reasons.push(`No journey arrives by the ${plan.arriveBy} start`);
  if (!home) reasons.push(`No journey home leaving after ${plan.leaveAfter}`);
  const parts: string[] = [];
  parts.push(
    there ? `leaves ${there.departs}, arrives ${there.arrives}, ${changesText(there.changes)}` : `nothing arrives by ${plan.arriveBy}`,
  );
  parts.push(home ? `home ${home.departs} to ${home.arrives}` : `no way home after ${plan.leaveAfter}`);
  return answer('no', parts.join('; '), reasons);
}
