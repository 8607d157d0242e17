/**
 * Allocating a year group to work-experience placements for one period: the score of every pupil for
 * every offer period that overlaps it (hard constraints, the travel limit among them, as "not allowed"), extra weight for priority
 * pupils, then the optimal assignment — as many placed as possible, then the best total fit.
 * Pure and synchronous on plain data, so the UI can run it in a Web Worker.
 */
import type { Employer, Placement } from '../model/employer';
import type { Pupil } from '../model/pupil';
import { ageOn, formatUkDate, yearGroupOf } from '../academic-year';
import { priorityReasons } from '../risk';
import { bestAssignment } from './assignment';
import { holdsAPlace, rangesOverlap, type DateRange } from './checks';
import { evaluateOffer, offerSlots, type ExclusionCode, type MatchablePupil, type OfferSlot } from './score';
import { offerJourneys, type JourneySource, type OfferJourney } from './journeys';

/** Points added to every allowed score of a priority pupil: enough to win a contested last place over a slightly better fit. */
export const DEFAULT_PRIORITY_WEIGHT = 25;

export type AllocatablePupil = MatchablePupil & Pick<Pupil, 'homeEducated' | 'riskBand'>;

export interface AllocateInput {
  pupils: readonly AllocatablePupil[];
  employers: readonly Employer[];
  placements: readonly Placement[];
  period: DateRange;
  today: string;
  priorityWeight?: number;
  /** The imported timetable: each line's journey, and "no" (no way there or home) ruled out like the travel limit. */
  journeys?: JourneySource;
  /** Called with 0 to 1 as the work goes; in a Worker, post it on to the page. */
  onProgress?: (fraction: number) => void;
}

export interface AllocationLine {
  pupilId: string;
  employerId: string;
  offerId: string;
  periodStart: string;
  periodEnd: string;
  /** Fit, 0 to 100, without the priority weight. */
  score: number;
  /** Straight-line distance from home, null when a postcode is missing or outside Kent and Medway. */
  distanceKm: number | null;
  reasons: string[];
}

export interface AllocationResult {
  lines: AllocationLine[];
  unplaced: { pupilId: string; why: string }[];
  placed: number;
  /** Sum of the lines' fit scores. */
  total: number;
}

const PROGRESS_EVERY = 16;

export function allocateCohort(input: AllocateInput): AllocationResult {
  const { pupils, employers, placements, period, today } = input;
  const weight = input.priorityWeight ?? DEFAULT_PRIORITY_WEIGHT;
  const progress = input.onProgress ?? (() => {});
  progress(0);

  const slots = offerSlots(employers, placements, today, period);
  // Only slots that could take anyone go to the optimiser; the rest still explain who is left out.
  const open = slots.filter((s) => s.capacityLeft > 0 && s.checkProblems.length === 0);

  const alreadyPlaced = new Map<string, Placement>();
  for (const placement of placements) {
    if (holdsAPlace(placement) && rangesOverlap(placement, period) && !alreadyPlaced.has(placement.pupilId))
      alreadyPlaced.set(placement.pupilId, placement);
  }
  const employerNames = new Map(employers.map((e) => [e.id, e.name]));

  const unplaced: AllocationResult['unplaced'] = [];
  const candidates: AllocatablePupil[] = [];
  for (const pupil of pupils) {
    const held = alreadyPlaced.get(pupil.id);
    if (held) {
      const employer = employerNames.get(held.employerId) ?? 'another employer';
      unplaced.push({
        pupilId: pupil.id,
        why: `Already has a placement at ${employer} from ${formatUkDate(held.start)} to ${formatUkDate(held.end)}`,
      });
    } else {
      candidates.push(pupil);
    }
  }

  const priority = candidates.map((p) => priorityReasons(p));
  const scores: (number | null)[][] = [];
  // Each young person's journeys to every offer period, one planner scan per date (shared/matching journeys).
  const journeysOf: Map<OfferSlot, OfferJourney>[] = [];
  const none = new Map<OfferSlot, OfferJourney>();
  for (const [i, pupil] of candidates.entries()) {
    const bonus = (priority[i]?.length ?? 0) > 0 ? weight : 0;
    const journeys = input.journeys ? offerJourneys(pupil, slots, input.journeys, today) : none;
    journeysOf.push(journeys);
    scores.push(
      open.map((slot) => {
        const evaluation = evaluateOffer(pupil, slot, [], false, journeys.get(slot) ?? null);
        return evaluation.exclusions.length > 0 ? null : evaluation.score + bonus;
      }),
    );
    if ((i + 1) % PROGRESS_EVERY === 0) progress(0.6 * ((i + 1) / candidates.length));
  }
  progress(0.6);

  const assignment = bestAssignment(
    scores,
    open.map((s) => s.capacityLeft),
  );
  progress(0.9);

  const lines: AllocationLine[] = [];
  let total = 0;
  for (const [i, pupil] of candidates.entries()) {
    const index = assignment.offerOfPupil[i];
    const slot = index === null || index === undefined ? undefined : open[index];
    if (!slot) {
      const allowed = (scores[i] ?? []).filter((s) => s !== null).length;
      unplaced.push({ pupilId: pupil.id, why: whyUnplaced(pupil, slots, allowed, period, journeysOf[i] ?? none) });
      continue;
    }
    const journey = journeysOf[i]?.get(slot) ?? null;
    const evaluation = evaluateOffer(pupil, slot, [], true, journey);
    // The journey first (or, without one, the adviser's judgement on public transport): a line shows its first few reasons.
    const travel = journey ? journeyReason(journey) : evaluation.adviserTransport;
    const reasons = travel ? [travel, ...evaluation.reasons] : [...evaluation.reasons];
    const why = priority[i] ?? [];
    if (why.length > 0 && weight !== 0) reasons.push(`Priority in the allocation (${why.join(', ')}): +${weight}`);
    lines.push({
      pupilId: pupil.id,
      employerId: slot.employer.id,
      offerId: slot.offer.id,
      periodStart: slot.period.start,
      periodEnd: slot.period.end,
      score: evaluation.score,
      distanceKm: evaluation.distanceKm,
      reasons,
    });
    total += evaluation.score;
  }
  progress(1);
  return { lines, unplaced, placed: lines.length, total };
}

/** "Bus or train on 14/06/2027: Only just: Leaves 07:57, arrives 08:38, no changes; home 16:32 to 17:18". */
export function journeyReason(journey: OfferJourney): string {
  const outOfDate = journey.outOfDate ? ' (out of date)' : '';
  return `Bus or train on ${formatUkDate(journey.date)}: ${journey.label}${outOfDate}: ${journey.sentence}`;
}

/** Which exclusion names a slot in a summary: the pupil's own reasons first, since they are what the adviser can act on. */
const SUMMARY_ORDER: readonly ExclusionCode[] = [
  'year-group',
  'age',
  'access',
  'checks',
  'capacity',
  'already-placed',
  'eligibility',
  'travel',
  'journey',
];
const PUPIL_SPECIFIC: ReadonlySet<ExclusionCode> = new Set<ExclusionCode>(['year-group', 'age', 'access', 'travel', 'journey']);

function countPhrase(code: ExclusionCode, n: number, yearGroup: number): string {
  const one = n === 1;
  switch (code) {
    case 'year-group':
      return `${n} ${one ? 'does' : 'do'} not take Year ${yearGroup}`;
    case 'age':
      return `${n} ${one ? 'has' : 'have'} a higher minimum age`;
    case 'access':
      return `${n} ${one ? 'has' : 'have'} no step-free access`;
    case 'checks':
      return `${n} ${one ? 'has' : 'have'} safety checks out of date`;
    case 'capacity':
      return `${n} ${one ? 'is' : 'are'} full`;
    case 'already-placed':
      return `${n} clash with another placement`;
    case 'eligibility':
      return `${n} ${one ? 'is' : 'are'} not open to them`;
    case 'travel':
      return `${n} ${one ? 'is' : 'are'} further than they can travel`;
    case 'journey':
      return `${n} ${one ? 'has' : 'have'} no bus or train there and back`;
  }
}

function summarise(codesPerSlot: readonly Set<ExclusionCode>[], yearGroup: number): string {
  const counts = new Map<ExclusionCode, number>();
  for (const codes of codesPerSlot) {
    const primary = SUMMARY_ORDER.find((c) => codes.has(c));
    if (primary) counts.set(primary, (counts.get(primary) ?? 0) + 1);
  }
  return SUMMARY_ORDER.filter((c) => counts.has(c))
    .map((c) => countPhrase(c, counts.get(c) ?? 0, yearGroup))
    .join(', ');
}

/** Why the optimum left this pupil out, in one sentence the adviser can act on. */
function whyUnplaced(
  pupil: AllocatablePupil,
  slots: readonly OfferSlot[],
  allowedOpen: number,
  period: DateRange,
  journeys: ReadonlyMap<OfferSlot, OfferJourney>,
): string {
  if (slots.length === 0) return 'No work-experience offers cover these dates';
  if (allowedOpen > 0) {
    const offers = allowedOpen === 1 ? 'offer' : 'offers';
    return `The ${allowedOpen} ${offers} open to them went to other young people, so that as many young people as possible could be placed`;
  }
  const yearGroup = yearGroupOf(pupil, period.start);
  const evaluated = slots.map((slot) => {
    const evaluation = evaluateOffer(pupil, slot, [], false, journeys.get(slot) ?? null);
    return { codes: new Set(evaluation.exclusions.map((e) => e.code)) };
  });
  const all = (code: ExclusionCode) => evaluated.every((e) => e.codes.has(code));
  if (all('year-group')) return `No offer in this period accepts Year ${yearGroup}`;
  if (all('age'))
    return `Too young for every offer in this period (aged ${ageOn(pupil.dateOfBirth, period.start)} on ${formatUkDate(period.start)})`;
  if (all('access')) return 'No offer in this period has the step-free access they need';

  const suitable = evaluated.filter((e) => ![...e.codes].some((c) => PUPIL_SPECIFIC.has(c)));
  if (suitable.length > 0 && suitable.every((e) => e.codes.has('capacity'))) return 'Every suitable offer is full';
  if (suitable.length > 0 && suitable.every((e) => e.codes.has('checks'))) return 'Every suitable offer has safety checks out of date';

  // Offers beyond the travel limit are ruled out (shared/travel judgeTravelLimit); say so apart from the rest.
  const max = pupil.travel.maxDistanceKm;
  const reachable = evaluated.filter((e) => !e.codes.has('travel'));
  const far = evaluated.length - reachable.length;
  const farText = `${far} ${far === 1 ? 'is' : 'are'} beyond the ${max} km they can travel`;
  if (reachable.length === 0) return `No offer in this period is within the ${max} km they can travel`;
  const reachableText = summarise(
    reachable.map((e) => e.codes),
    yearGroup,
  );
  if (far === 0) return `No suitable offer: ${reachableText}`;
  const offers = reachable.length === 1 ? 'offer' : 'offers';
  return `All ${reachable.length} ${offers} within ${max} km excluded: ${reachableText}; the other ${farText}`;
}
