/**
 * What matching and journey planning keep between young people (issue 21, item 4): the stops around each
 * place per timetable and walk, a day's working arrays, each young person's travel part per outcode, and
 * the prepared directory's name order. Kept answers must be the answers worked out afresh.
 */
import { describe, expect, it } from 'vitest';
import type { Employer, Pupil } from '@shared/model';
import { matchPupil, prepareMatchDirectory, type JourneySource, type MatchContext } from '@shared/matching';
import { planJourneys, prepareTravelDay } from '@shared/travel';
import { createFactories } from '../support/factories';
import {
  BROADSTAIRS,
  MARGATE,
  RAMSGATE,
  RAMSGATE_CT11,
  WESTGATE,
  coastalLine,
  northOf,
  westgateFeeder,
  type FeedSpec,
} from '../support/gtfs-feeds';
import { readFeedSpec } from '../support/read-feed-spec';

const feedOf = readFeedSpec;
const TUESDAY = '2026-11-24';

describe('journey planning with what it keeps per timetable', () => {
  const fromMargate = northOf(MARGATE, 250);
  const fromBroadstairs = northOf(BROADSTAIRS, 250);
  const places = [{ point: northOf(RAMSGATE, 100) }, { point: northOf(BROADSTAIRS, 100) }];

  it('gives two homes planned one after the other on one prepared day their own journeys, as planned afresh', async () => {
    const shared = prepareTravelDay(await feedOf(coastalLine()), TUESDAY);
    const margate = planJourneys(shared, fromMargate, places);
    const broadstairs = planJourneys(shared, fromBroadstairs, places);
    // Each against a timetable read on its own, so nothing kept by the other is there to be reused.
    expect(broadstairs).toEqual(planJourneys(prepareTravelDay(await feedOf(coastalLine()), TUESDAY), fromBroadstairs, places));
    expect(margate).toEqual(planJourneys(prepareTravelDay(await feedOf(coastalLine()), TUESDAY), fromMargate, places));
    expect(margate[0]?.there?.departs).toBe('07:56');
    expect(broadstairs[0]?.there?.departs).not.toBe(margate[0]?.there?.departs);
  });

  it('does not answer a shorter walk from the stops kept for a longer one at the same place', async () => {
    const day = prepareTravelDay(await feedOf(coastalLine()), TUESDAY);
    // Home is 250 m from the Margate stop.
    expect(planJourneys(day, fromMargate, places, { maxWalkMetres: 1000 })[0]?.homeAccess).toBe('served');
    expect(planJourneys(day, fromMargate, places, { maxWalkMetres: 200 })[0]?.homeAccess).toBe('none-within-walk');
    expect(planJourneys(day, fromMargate, places, { maxWalkMetres: 1000 })[0]?.homeAccess).toBe('served');
    // A slower walk to the same stops takes longer: the walk times are kept per pace too.
    const slow = planJourneys(day, fromMargate, places, { walkingSpeedKmh: 2 })[0]?.there;
    expect(slow?.legs[0]?.minutes).toBeGreaterThan(planJourneys(day, fromMargate, places)[0]?.there?.legs[0]?.minutes ?? 0);
  });

  it('plans a newly imported timetable from its own stops, not those kept for the one before', async () => {
    const before = prepareTravelDay(await feedOf(coastalLine()), TUESDAY);
    expect(planJourneys(before, fromMargate, places)[0]?.homeAccess).toBe('served');
    // The new timetable has moved the Margate stop 3 km away from home.
    const moved = coastalLine();
    const spec = { ...moved, stops: moved.stops.map((s) => (s.id === MARGATE.id ? { ...s, ...northOf(MARGATE, -3000) } : s)) };
    const after = prepareTravelDay(await feedOf(spec), TUESDAY);
    const [plan] = planJourneys(after, fromMargate, places);
    expect(plan?.homeAccess).toBe('none-within-walk');
    expect(plan?.there).toBeNull();
  });

  it('prepares a date outside the timetable without its connections, and says it is not covered', async () => {
    const feed = await feedOf(coastalLine());
    const day = prepareTravelDay(feed, '2028-09-07');
    expect(day.dateCovered).toBe(false);
    expect(day.forward.departures).toHaveLength(0);
    const [plan] = planJourneys(day, fromMargate, places);
    expect(plan).toMatchObject({ dateCovered: false, there: null, homeJourneys: [], homeAccess: 'served' });
  });
});

describe('matching young people one after another against one prepared directory', () => {
  const make = createFactories({ stamp: '2027-01-10T09:00:00.000Z' });
  // Safety checks in date for the June week, so only travel and names tell these offers apart.
  const checks = {
    riskAssessmentOn: '2026-09-01',
    insuranceExpiresOn: '2028-01-31',
    safeguardingConfirmed: true,
    riskControls: '',
    dbsPosition: null,
  };
  const week = { start: '2027-06-14', end: '2027-06-18' };
  const today = '2027-03-01';
  const employer = (name: string, outcode: string, fields: Partial<Omit<Employer, 'offers'>> = {}): Employer =>
    make.employer({
      name,
      sector: 'engineering',
      outcode,
      checks,
      requirements: { stepFreeAccess: true },
      ...fields,
      offers: [make.offer({ periods: [{ ...week, capacity: 2 }], yearGroups: [10, 11, 12], minimumAge: 14 })],
    });
  const pupil = (outcode: string, travel: Partial<Pupil['travel']> = {}): Pupil =>
    make.pupil({
      dateOfBirth: '2011-10-05',
      outcode,
      interests: ['engineering'],
      travel: { maxDistanceKm: 15, reliesOnPublicTransport: true, ...travel },
    });
  const context = (employers: Employer[]): MatchContext => ({ employers, routes: [], providers: [], placements: [], today });

  async function sourceOf(spec: FeedSpec): Promise<JourneySource> {
    const feed = await feedOf(spec);
    const days = new Map<string, ReturnType<typeof prepareTravelDay>>();
    return {
      feed,
      dayFor: (date) => {
        let day = days.get(date);
        if (!day) days.set(date, (day = prepareTravelDay(feed, date)));
        return day;
      },
    };
  }

  it('gives each young person their own distances and journeys, as matched alone', async () => {
    const employers = [
      employer('Ramsgate Harbour Engineering', 'CT11', { nearestStop: { stopId: RAMSGATE_CT11.id, name: RAMSGATE_CT11.name } }),
      employer('Margate Marine', 'CT9'),
      employer('Canterbury Castings', 'CT1'),
    ];
    const inMargate = pupil('CT9');
    const atWestgate = pupil('CT8', { homeStop: { stopId: WESTGATE.id, name: WESTGATE.name }, maxDistanceKm: 10 });
    const prepared = prepareMatchDirectory(context(employers));
    const source = await sourceOf(westgateFeeder());
    const first = matchPupil(inMargate, { prepared }, source);
    const second = matchPupil(atWestgate, { prepared }, source);
    expect(first).toEqual(matchPupil(inMargate, context(employers), await sourceOf(westgateFeeder())));
    expect(second).toEqual(matchPupil(atWestgate, context(employers), await sourceOf(westgateFeeder())));
    const distances = (result: typeof first) =>
      [...result.offers, ...result.excluded].map((m) => [m.kind === 'offer' && m.employerName, m.distanceKm]);
    expect(distances(first)).not.toEqual(distances(second));
    const ramsgate = (result: typeof first) => result.offers.find((m) => m.kind === 'offer' && m.employerName.startsWith('Ramsgate'));
    expect(ramsgate(second)?.journey?.notes).toContain('From their home stop, Westgate-on-Sea, Station Road');
    expect(ramsgate(first)?.journey?.notes).not.toContain('From their home stop, Westgate-on-Sea, Station Road');
  });

  it('breaks ties by name, and ranks an employer added since in its place once the directory is prepared again', () => {
    // Same outcode, sector and places: equal scores and distances, so the names decide.
    const before = [employer('Thanet Welding', 'CT11'), employer('Harbour Engineering', 'CT11')];
    const names = (result: ReturnType<typeof matchPupil>) => result.offers.map((m) => (m.kind === 'offer' ? m.employerName : ''));
    const young = pupil('CT9');
    const prepared = prepareMatchDirectory(context(before));
    expect(names(matchPupil(young, { prepared }))).toEqual(['Harbour Engineering', 'Thanet Welding']);
    const after = [...before, employer('Broadstairs Fabrication', 'CT11')];
    const again = prepareMatchDirectory(context(after));
    expect(names(matchPupil(young, { prepared: again }))).toEqual(['Broadstairs Fabrication', 'Harbour Engineering', 'Thanet Welding']);
    // The directory prepared before the change still ranks only what it was prepared from.
    expect(names(matchPupil(young, { prepared }))).toEqual(['Harbour Engineering', 'Thanet Welding']);
  });
});
