import { describe, expect, it } from 'vitest';
import type { Campus, Employer, Pupil } from '@shared/model';
import {
  allocateCohort,
  matchPupil,
  NO_TIMETABLE_NOTE,
  ONLY_JUST_PENALTY,
  routeJourneyDate,
  type JourneySource,
  type MatchContext,
} from '@shared/matching';
import { prepareTravelDay, readGtfsFeed, type TravelFeed } from '@shared/travel';
import { createFactories } from '../support/factories';
import {
  feedFiles,
  outcodeCoastalLine,
  outcodeCoastalLineEndingInMarch,
  outcodeCoastalLineNoReturn,
  westgateFeeder,
  westgateFeederNoReturn,
  WESTGATE,
  RAMSGATE_CT11,
  zipFeed,
  type FeedSpec,
} from '../support/gtfs-feeds';

// Spring term 2027; the June work-experience week starts on a Monday the feeds run on.
const today = '2027-03-01';
const week = { start: '2027-06-14', end: '2027-06-18' };
const make = createFactories({ stamp: '2027-01-10T09:00:00.000Z' });

const goodChecks = {
  riskAssessmentOn: '2026-09-01',
  insuranceExpiresOn: '2028-01-31',
  safeguardingConfirmed: true,
  riskControls: '',
  dbsPosition: null,
};

function employer(fields: Partial<Omit<Employer, 'offers'>> = {}): Employer {
  return make.employer({
    name: 'Ramsgate Harbour Engineering',
    sector: 'engineering',
    outcode: 'CT11',
    checks: goodChecks,
    requirements: { stepFreeAccess: true },
    ...fields,
    offers: [make.offer({ periods: [{ ...week, capacity: 2 }], yearGroups: [10, 11, 12], minimumAge: 14 })],
  });
}

/** A Year 10 young person at home in Margate (CT9) who relies on the bus. */
function pupil(fields: Partial<Pupil> = {}): Pupil {
  return make.pupil({
    legalForename: 'Amira',
    legalSurname: 'Khan',
    dateOfBirth: '2011-10-05',
    outcode: 'CT9',
    interests: ['engineering'],
    travel: { maxDistanceKm: 15, reliesOnPublicTransport: true },
    ...fields,
  });
}

function context(employers: Employer[]): MatchContext {
  return { employers, routes: [], providers: [], placements: [], today };
}

/** The coastal line's answer from the CT9 centre to the CT11 centre on a weekday it runs: a plain yes. */
function plainYesFromCt9(date: string) {
  return {
    date,
    verdict: 'yes',
    label: 'Can get there',
    sentence: 'Leaves 07:57, arrives 08:38, no changes; home 16:32 to 17:18',
    reasons: [],
    notes: [],
    outOfDate: false,
  };
}

async function sourceOf(spec: FeedSpec): Promise<JourneySource & { prepared: string[] }> {
  const read = readGtfsFeed(await zipFeed(feedFiles(spec)));
  if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('\n'));
  const feed: TravelFeed = read.feed;
  const prepared: string[] = [];
  return {
    feed,
    prepared,
    dayFor: (date) => {
      prepared.push(date);
      return prepareTravelDay(feed, date);
    },
  };
}

describe('journey answers on one young person’s matches', () => {
  it('gives each offer card the journey on its first day from the timetable, with the verdict', async () => {
    const source = await sourceOf(outcodeCoastalLine());
    const result = matchPupil(pupil(), context([employer()]), source);
    expect(result.travelFrom).toBe('timetable');
    const [card] = result.offers;
    if (card?.kind !== 'offer') throw new Error('expected an offer card');
    // From the CT9 centroid, 150 m to the stop; the 08:35 bus leaves 12 minutes spare and there are two buses home: a plain yes.
    expect(card.journey).toEqual(plainYesFromCt9('2027-06-14'));
    // The distance reason no longer claims to be an estimate without a timetable.
    expect(card.reasons.some((r) => r.includes('(estimated: no timetable)'))).toBe(false);
    expect(card.reasons).toContain('About 7 km by road; 6 km in a straight line, within the 15 km they can travel: +13');
    expect(source.prepared).toEqual(['2027-06-14']);
  });

  it('plans one scan per date for every employer that day', async () => {
    const source = await sourceOf(outcodeCoastalLine());
    const result = matchPupil(pupil(), context([employer(), employer({ name: 'Ramsgate Tunnels' }), employer({ outcode: 'CT9' })]), source);
    expect(result.offers).toHaveLength(3);
    expect(source.prepared).toEqual(['2027-06-14']);
    const inTown = result.offers.find((o) => o.kind === 'offer' && o.journey?.sentence.includes('on foot'));
    expect(inTown).toBeDefined();
  });

  it('rules out a placement with no way home, saying why', async () => {
    const source = await sourceOf(outcodeCoastalLineNoReturn());
    const result = matchPupil(pupil(), context([employer()]), source);
    expect(result.offers).toEqual([]);
    const [ruledOut] = result.excluded;
    if (ruledOut?.kind !== 'offer') throw new Error('expected an offer ruled out');
    expect(ruledOut.journey?.verdict).toBe('no');
    expect(ruledOut.exclusions).toEqual(['No way there and back by public transport on 14/06/2027: No journey home leaving after 16:00']);
  });

  it('does not rule out a "no" for a young person who does not rely on public transport, and says so', async () => {
    const source = await sourceOf(outcodeCoastalLineNoReturn());
    const driven = pupil({ travel: { ...pupil().travel, reliesOnPublicTransport: false } });
    const [card] = matchPupil(driven, context([employer()]), source).offers;
    if (card?.kind !== 'offer') throw new Error('expected an offer card');
    expect(card.journey?.verdict).toBe('no');
    expect(card.reasons).toContain('No bus or train there and back that day, but they do not rely on public transport');
  });

  it('does not rule out where there is no published service, and asks for their travel plan', async () => {
    const source = await sourceOf(outcodeCoastalLine());
    // Maidstone (ME14) has no stop in this timetable.
    const far = pupil({ travel: { ...pupil().travel, maxDistanceKm: 100 } });
    const result = matchPupil(far, context([employer({ outcode: 'ME14' })]), source);
    const [card] = result.offers;
    if (card?.kind !== 'offer') throw new Error('expected an offer card');
    expect(card.journey?.verdict).toBe('no-published-service');
    expect(card.journey?.label).toBe('No published service');
    expect(card.journey?.reasons.join(' ')).toMatch(/travel plan/);
    expect(result.excluded).toEqual([]);
  });

  it('marks the answer out of date when the timetable has ended before the day, without ruling out', async () => {
    const source = await sourceOf(outcodeCoastalLineEndingInMarch());
    const result = matchPupil(pupil(), context([employer()]), source);
    const [card] = result.offers;
    if (card?.kind !== 'offer') throw new Error('expected an offer card');
    expect(card.journey).toMatchObject({ verdict: 'no-published-service', outOfDate: true });
    expect(card.journey?.sentence).toContain('(timetable out of date)');
    expect(card.journey?.reasons).toContain('The timetable ended on 31/03/2027: import the current one');
  });

  it('keeps the distance estimate without a timetable, and says so', () => {
    const result = matchPupil(pupil(), context([employer()]));
    expect(result.travelFrom).toBe('estimate');
    expect(NO_TIMETABLE_NOTE).toBe('No timetable imported: estimated from distance');
    const [card] = result.offers;
    if (card?.kind !== 'offer') throw new Error('expected an offer card');
    expect(card.journey).toBeNull();
    expect(card.travelText).toContain('(estimated: no timetable)');
  });
});

describe('journey answers in the cohort allocation', () => {
  it('shows the journey first on each line', async () => {
    const source = await sourceOf(outcodeCoastalLine());
    const result = allocateCohort({ pupils: [pupil()], employers: [employer()], placements: [], period: week, today, journeys: source });
    expect(result.placed).toBe(1);
    expect(result.lines[0]?.reasons[0]).toBe(
      'Bus or train on 14/06/2027: Can get there: Leaves 07:57, arrives 08:38, no changes; home 16:32 to 17:18',
    );
  });

  it('leaves out a place with no return journey, and says why', async () => {
    const source = await sourceOf(outcodeCoastalLineNoReturn());
    const result = allocateCohort({ pupils: [pupil()], employers: [employer()], placements: [], period: week, today, journeys: source });
    expect(result.placed).toBe(0);
    expect(result.unplaced[0]?.why).toBe('No suitable offer: 1 has no bus or train there and back');
    // Without the timetable the same place is allocated on the estimate.
    expect(allocateCohort({ pupils: [pupil()], employers: [employer()], placements: [], period: week, today }).placed).toBe(1);
  });
});

describe('journeys from the stops an adviser picked', () => {
  const westgateHome = (): Pupil => pupil({ travel: { ...pupil().travel, homeStop: { stopId: WESTGATE.id, name: WESTGATE.name } } });

  it('starts at the home stop picked (no walk) instead of the outcode centre, and says so', async () => {
    const source = await sourceOf(westgateFeeder());
    const [fromCentre] = matchPupil(pupil(), context([employer()]), source).offers;
    if (fromCentre?.kind !== 'offer') throw new Error('expected an offer card');
    expect(fromCentre.journey?.sentence).toBe('Leaves 07:57, arrives 08:38, no changes; home 16:32 to 17:18');
    const [card] = matchPupil(westgateHome(), context([employer()]), source).offers;
    if (card?.kind !== 'offer') throw new Error('expected an offer card');
    expect(card.journey).toMatchObject({
      verdict: 'yes',
      sentence: 'Leaves 07:40, arrives 08:38, 1 change; home 16:32 to 17:43',
      notes: ['From their home stop, Westgate-on-Sea, Station Road'],
    });
  });

  it("ends at the employer's stop picked, with no walk from it", async () => {
    const source = await sourceOf(westgateFeeder());
    const atStop = employer({ nearestStop: { stopId: RAMSGATE_CT11.id, name: RAMSGATE_CT11.name } });
    const [card] = matchPupil(pupil(), context([atStop]), source).offers;
    if (card?.kind !== 'offer') throw new Error('expected an offer card');
    // The bus reaches the stop at 08:35: no walk on to the CT11 centre, and home from the stop itself at 16:35.
    expect(card.journey?.sentence).toBe('Leaves 07:57, arrives 08:35, no changes; home 16:35 to 17:18');
    expect(card.journey?.notes).toEqual(["To the employer's stop, Ramsgate, King Street"]);
  });

  it('falls back to the outcode centre when the timetable no longer has the stop picked, saying which stop', async () => {
    const source = await sourceOf(outcodeCoastalLine());
    const [card] = matchPupil(westgateHome(), context([employer()]), source).offers;
    if (card?.kind !== 'offer') throw new Error('expected an offer card');
    expect(card.journey?.sentence).toBe('Leaves 07:57, arrives 08:38, no changes; home 16:32 to 17:18');
    expect(card.journey?.notes).toEqual([
      'The stop you picked, Westgate-on-Sea, Station Road, is not in the current timetable: ' +
        'the journey is worked out from the CT9 outcode centre',
    ]);
  });

  it('rules out in the allocation a place with no way home to the stop picked, though there is one to the outcode centre', async () => {
    const source = await sourceOf(westgateFeederNoReturn());
    const input = { employers: [employer()], placements: [], period: week, today, journeys: source };
    expect(allocateCohort({ ...input, pupils: [pupil()] }).placed).toBe(1);
    const result = allocateCohort({ ...input, pupils: [westgateHome()] });
    expect(result.placed).toBe(0);
    expect(result.unplaced[0]?.why).toBe('No suitable offer: 1 has no bus or train there and back');
  });
});

describe('"only just" costs points', () => {
  // The Westgate feeder without the direct bus back: one way home after 16:00, so "only just".
  const oneBusHome = (): FeedSpec => {
    const line = westgateFeeder();
    return { ...line, trips: line.trips.filter((trip) => trip.id !== 'x-back') };
  };
  const westgateHome = (fields: Partial<Pupil['travel']> = {}): Pupil =>
    pupil({ travel: { ...pupil().travel, homeStop: { stopId: WESTGATE.id, name: WESTGATE.name }, ...fields } });

  it("takes points off one young person's card, saying why", async () => {
    const easy = matchPupil(westgateHome(), context([employer()]), await sourceOf(westgateFeeder())).offers[0];
    const hard = matchPupil(westgateHome(), context([employer()]), await sourceOf(oneBusHome())).offers[0];
    if (easy?.kind !== 'offer' || hard?.kind !== 'offer') throw new Error('expected offer cards');
    expect(easy.journey?.verdict).toBe('yes');
    expect(hard.journey?.verdict).toBe('only-just');
    expect(hard.score).toBe(easy.score - ONLY_JUST_PENALTY);
    expect(hard.reasons).toContain(
      `Only just by bus or train (Only one journey home after 16:00: miss the 16:32 and there is no other): −${ONLY_JUST_PENALTY}`,
    );
    expect(easy.reasons.some((r) => r.startsWith('Only just'))).toBe(false);
  });

  it('costs nothing for a young person who does not rely on public transport', async () => {
    const source = await sourceOf(oneBusHome());
    const driven = matchPupil(westgateHome({ reliesOnPublicTransport: false }), context([employer()]), source).offers[0];
    const easy = matchPupil(westgateHome({ reliesOnPublicTransport: false }), context([employer()]), await sourceOf(westgateFeeder()))
      .offers[0];
    if (driven?.kind !== 'offer' || easy?.kind !== 'offer') throw new Error('expected offer cards');
    expect(driven.score).toBe(easy.score);
  });

  it("costs the same in the cohort allocation's scores, and the line says why", async () => {
    const input = { employers: [employer()], placements: [], period: week, today, pupils: [westgateHome()] };
    const easy = allocateCohort({ ...input, journeys: await sourceOf(westgateFeeder()) });
    const hard = allocateCohort({ ...input, journeys: await sourceOf(oneBusHome()) });
    expect(hard.placed).toBe(1);
    expect((easy.lines[0]?.score ?? 0) - (hard.lines[0]?.score ?? 0)).toBe(ONLY_JUST_PENALTY);
    expect(hard.lines[0]?.reasons.some((r) => r.startsWith('Only just by bus or train'))).toBe(true);
  });
});

describe("a period's own day", () => {
  it('plans arriving by its start and leaving after its finish', async () => {
    const source = await sourceOf(outcodeCoastalLine());
    const late = make.employer({
      ...employer(),
      offers: [
        make.offer({ periods: [{ ...week, capacity: 2, startTime: '09:30', finishTime: '17:30' }], yearGroups: [10], minimumAge: 14 }),
      ],
    });
    const [card] = matchPupil(pupil(), context([late]), source).offers;
    if (card?.kind !== 'offer') throw new Error('expected an offer card');
    // Still the 08:00 bus (the last one there), but home only after 17:30: the 18:10, and no later one.
    expect(card.journey?.sentence).toBe('Leaves 07:57, arrives 08:38, no changes; home 18:07 to 18:53');
    expect(card.journey?.reasons).toContain('Only one journey home after 17:30: miss the 18:07 and there is no other');
  });
});

describe('journeys to a route campus on its next start', () => {
  const campusId = '00000000-0000-4000-8000-00000000ca11';
  const campus = (fields: Partial<Campus> = {}): Campus => ({
    id: campusId,
    name: 'Ramsgate campus',
    outcode: 'CT11',
    district: null,
    ...fields,
  });
  /** A college with one campus in Ramsgate (CT11) and a T Level there starting on the date given. */
  function routeContext(start: string, campusFields: Partial<Campus> = {}): MatchContext {
    const college = make.provider({ name: 'East Kent College', campuses: [campus(campusFields)] });
    const tLevel = make.route({ providerId: college.id, campusId, sector: 'engineering', startDates: [start] });
    return { employers: [], routes: [tLevel], providers: [college], placements: [], today };
  }
  /** Year 12 in 2026/27 (post-16 now), at home in Margate and relying on the bus. */
  const sixthFormer = (travel: Partial<Pupil['travel']> = {}): Pupil =>
    pupil({ dateOfBirth: '2009-10-05', travel: { ...pupil().travel, ...travel } });

  it("gives the route card the journey on the route's next start, arriving by 08:50 and leaving after 16:00", async () => {
    const source = await sourceOf(outcodeCoastalLine());
    const result = matchPupil(sixthFormer(), routeContext('2027-04-19'), source);
    const [card] = result.routes;
    if (card?.kind !== 'route') throw new Error('expected a route card');
    expect(card.journey).toEqual(plainYesFromCt9('2027-04-19'));
    expect(card.reasons.some((r) => r.includes('(estimated: no timetable)'))).toBe(false);
  });

  it('plans a start listed on a Saturday for the Monday after', async () => {
    const source = await sourceOf(outcodeCoastalLine());
    const [card] = matchPupil(sixthFormer(), routeContext('2027-04-17'), source).routes;
    if (card?.kind !== 'route') throw new Error('expected a route card');
    expect(card.journey?.date).toBe('2027-04-19');
    expect(card.journey?.verdict).toBe('yes');
  });

  it('rules the route out for a young person who relies on public transport when there is no way home', async () => {
    const source = await sourceOf(outcodeCoastalLineNoReturn());
    const result = matchPupil(sixthFormer(), routeContext('2027-04-19'), source);
    expect(result.routes).toEqual([]);
    const [ruledOut] = result.excluded;
    if (ruledOut?.kind !== 'route') throw new Error('expected a route ruled out');
    expect(ruledOut.journey?.verdict).toBe('no');
    expect(ruledOut.exclusions).toEqual(['No way there and back by public transport on 19/04/2027: No journey home leaving after 16:00']);
    // Someone driven there keeps the route, and the card says why.
    const driven = matchPupil(sixthFormer({ reliesOnPublicTransport: false }), routeContext('2027-04-19'), source).routes[0];
    expect(driven?.reasons).toContain('No bus or train there and back that day, but they do not rely on public transport');
  });

  it('takes the "only just" points off, saying why', async () => {
    const line = westgateFeeder();
    const oneBusHome = { ...line, trips: line.trips.filter((trip) => trip.id !== 'x-back') };
    const fromWestgate = sixthFormer({ homeStop: { stopId: WESTGATE.id, name: WESTGATE.name } });
    const easy = matchPupil(fromWestgate, routeContext('2027-04-19'), await sourceOf(westgateFeeder())).routes[0];
    const hard = matchPupil(fromWestgate, routeContext('2027-04-19'), await sourceOf(oneBusHome)).routes[0];
    expect(easy?.kind === 'route' && easy.journey?.verdict).toBe('yes');
    expect(hard?.kind === 'route' && hard.journey?.verdict).toBe('only-just');
    expect(hard?.score).toBe((easy?.score ?? 0) - ONLY_JUST_PENALTY);
    expect(hard?.reasons.some((r) => r.startsWith('Only just by bus or train') && r.endsWith(`−${ONLY_JUST_PENALTY}`))).toBe(true);
  });

  it('never rules out where there is no published service, and asks for no placement travel plan', async () => {
    const source = await sourceOf(outcodeCoastalLine());
    // Maidstone (ME14) has no stop in this timetable.
    const result = matchPupil(sixthFormer({ maxDistanceKm: 100 }), routeContext('2027-04-19', { outcode: 'ME14' }), source);
    const [card] = result.routes;
    if (card?.kind !== 'route') throw new Error('expected a route card');
    expect(card.journey?.verdict).toBe('no-published-service');
    expect(card.journey?.reasons.some((r) => r.startsWith('Record their travel plan'))).toBe(false);
    expect(result.excluded).toEqual([]);
  });

  it("ends at the campus's stop picked, saying so, and at the outcode centre when the timetable lacks it", async () => {
    const atStop = routeContext('2027-04-19', { nearestStop: { stopId: RAMSGATE_CT11.id, name: RAMSGATE_CT11.name } });
    const [card] = matchPupil(sixthFormer(), atStop, await sourceOf(westgateFeeder())).routes;
    if (card?.kind !== 'route') throw new Error('expected a route card');
    expect(card.journey?.sentence).toBe('Leaves 07:57, arrives 08:35, no changes; home 16:35 to 17:18');
    expect(card.journey?.notes).toEqual(["To the campus's stop, Ramsgate, King Street"]);
    const gone = routeContext('2027-04-19', { nearestStop: { stopId: 'GONE', name: 'Ramsgate, Old Depot' } });
    const [fallback] = matchPupil(sixthFormer(), gone, await sourceOf(outcodeCoastalLine())).routes;
    if (fallback?.kind !== 'route') throw new Error('expected a route card');
    expect(fallback.journey?.sentence).toBe('Leaves 07:57, arrives 08:38, no changes; home 16:32 to 17:18');
    expect(fallback.journey?.notes).toEqual([
      'The stop you picked, Ramsgate, Old Depot, is not in the current timetable: the journey is worked out from the CT11 outcode centre',
    ]);
  });

  it('plans a Year 10 for the September after Year 11, which a timetable for this year does not cover: not ruled out', async () => {
    const source = await sourceOf(outcodeCoastalLine());
    const result = matchPupil(pupil(), routeContext('2026-09-07'), source);
    const [card] = result.routes;
    if (card?.kind !== 'route') throw new Error('expected a route card');
    expect(card.startText).toBe('Starts September 2028, after Year 11');
    expect(card.journey).toMatchObject({ date: '2028-09-07', verdict: 'no-published-service' });
    // The timetable is current today: not "out of date", just not as far ahead as the start.
    expect(card.journey?.outOfDate).toBe(false);
    expect(card.journey?.reasons).toEqual(['The timetable covers 01/09/2026 to 31/08/2027, not 07/09/2028']);
    expect(result.excluded).toEqual([]);
  });

  it('marks the answer out of date once the timetable has ended by today', async () => {
    const source = await sourceOf(outcodeCoastalLine());
    const [card] = matchPupil(pupil(), { ...routeContext('2026-09-07'), today: '2027-09-20' }, source).routes;
    if (card?.kind !== 'route') throw new Error('expected a route card');
    expect(card.journey?.outOfDate).toBe(true);
    expect(card.journey?.reasons).toContain('The timetable ended on 31/08/2027: import the current one');
  });

  it('has no journey without a timetable, keeping the estimate', () => {
    const [card] = matchPupil(sixthFormer(), routeContext('2027-04-19')).routes;
    if (card?.kind !== 'route') throw new Error('expected a route card');
    expect(card.journey).toBeNull();
    expect(card.travelText).toContain('(estimated: no timetable)');
  });
});

describe('the day a route journey is planned for', () => {
  it('is a listed start on a weekday as it is, and on a weekend the Monday after', () => {
    expect(routeJourneyDate({ date: '2027-04-19', listed: true }, today)).toBe('2027-04-19');
    expect(routeJourneyDate({ date: '2027-04-18', listed: true }, today)).toBe('2027-04-19');
  });

  it('is the first weekday from 7 September for a start taken from the year group', () => {
    // 01/09/2029 is a Saturday; 07/09/2029 a Friday.
    expect(routeJourneyDate({ date: '2029-09-01', listed: false }, today)).toBe('2029-09-07');
    // 07/09/2030 is a Saturday: the Monday after.
    expect(routeJourneyDate({ date: '2030-09-01', listed: false }, today)).toBe('2030-09-09');
  });

  it('is the first weekday from today for a route that starts at any time', () => {
    expect(routeJourneyDate(null, '2027-03-06')).toBe('2027-03-08');
    expect(routeJourneyDate(null, today)).toBe(today);
  });
});
