import { describe, expect, it } from 'vitest';
import { journeyAnswer, planJourney, planJourneys, prepareTravelDay, readGtfsFeed, type TravelFeed } from '../../shared/travel';
import {
  ASHFORD,
  CANTERBURY_EAST,
  MARGATE,
  RAMSGATE,
  SHEERNESS,
  SMARDEN,
  coastalLine,
  expiredCoastalLine,
  feedFiles,
  northOf,
  railWithChange,
  ruralRoute,
  zipFeed,
  type FeedSpec,
} from '../support/gtfs-feeds';

async function feedOf(spec: FeedSpec): Promise<TravelFeed> {
  const result = readGtfsFeed(await zipFeed(feedFiles(spec)));
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.feed;
}

const TUESDAY = '2026-11-24';
const TODAY = '2026-11-24';

describe('a coastal line with two buses a day each way', () => {
  // Home 250 m from the Margate stop (200 s on foot), the placement 100 m from the Ramsgate stop (80 s).
  const home = northOf(MARGATE, 250);
  const placement = northOf(RAMSGATE, 100);

  it('takes the later morning bus that still arrives by 08:50, and the first bus home after 16:00', async () => {
    const feed = await feedOf(coastalLine());
    const plan = planJourney(prepareTravelDay(feed, TUESDAY), home, { point: placement });
    expect(plan.there).toMatchObject({
      departs: '07:56',
      arrives: '08:37',
      changes: 0,
      doorToDoorMinutes: 40,
      walkingMinutes: 5,
      modes: ['bus'],
    });
    expect(plan.there?.legs.map((l) => [l.kind, l.mode, l.routeName, l.fromStop, l.toStop, l.departs, l.arrives])).toEqual([
      ['walk', 'walk', '', null, 'Margate, Clock Tower', '07:56', '08:00'],
      ['ride', 'bus', 'Loop', 'Margate, Clock Tower', 'Ramsgate, Harbour', '08:00', '08:35'],
      ['walk', 'walk', '', 'Ramsgate, Harbour', null, '08:35', '08:37'],
    ]);
    expect(plan.homeJourneys.map((j) => [j.departs, j.arrives])).toEqual([
      ['16:33', '17:19'],
      ['18:08', '18:54'],
    ]);
    const answer = journeyAnswer(plan, { feed, today: TODAY });
    expect(answer.verdict).toBe('yes');
    expect(answer.sentence).toBe('leaves 07:56, arrives 08:37, no changes; home 16:33 to 17:19');
    expect(answer.reasons).toEqual([]);
    expect(answer.outOfDate).toBe(false);
  });

  it('falls back to the earlier bus when the start is before the later one arrives', async () => {
    const feed = await feedOf(coastalLine());
    const plan = planJourney(prepareTravelDay(feed, TUESDAY), home, { point: placement, arriveBy: '08:30' });
    expect(plan.there).toMatchObject({ departs: '07:11', arrives: '07:57' });
  });

  it('says only just when one bus home is all there is after the end', async () => {
    const feed = await feedOf(coastalLine());
    const plan = planJourney(prepareTravelDay(feed, TUESDAY), home, { point: placement, leaveAfter: '17:00' });
    expect(plan.homeJourneys).toHaveLength(1);
    const answer = journeyAnswer(plan, { feed, today: TODAY });
    expect(answer.verdict).toBe('only-just');
    expect(answer.reasons).toEqual(['Only one journey home after 17:00: miss the 18:08 and there is no other']);
  });

  it('has no buses on the spring bank holiday, which calendar_dates.txt takes out, and buses again the day after', async () => {
    const feed = await feedOf(coastalLine());
    const holiday = planJourney(prepareTravelDay(feed, '2027-05-31'), home, { point: placement });
    expect(holiday.there).toBeNull();
    expect(holiday.homeJourneys).toEqual([]);
    const answer = journeyAnswer(holiday, { feed, today: TODAY });
    expect(answer.verdict).toBe('no');
    expect(answer.reasons).toEqual(['No journey arrives by the 08:50 start', 'No journey home leaving after 16:00']);
    const nextDay = planJourney(prepareTravelDay(feed, '2027-06-01'), home, { point: placement });
    expect(nextDay.there?.departs).toBe('07:56');
  });

  it('walks when the place is within the walking limit and that is as good', async () => {
    const feed = await feedOf(coastalLine());
    const plan = planJourney(prepareTravelDay(feed, TUESDAY), home, { point: northOf(MARGATE, 700) });
    // 450 m at 4.5 km/h: 6 minutes.
    expect(plan.there).toMatchObject({ departs: '08:44', arrives: '08:50', changes: 0, walkingMinutes: 6 });
    expect(journeyAnswer(plan, { feed, today: TODAY }).sentence).toBe('leaves 08:44, arrives 08:50, on foot; home 16:00 to 16:06');
  });

  it('answers many places in one call as it answers each alone', async () => {
    const feed = await feedOf(coastalLine());
    const day = prepareTravelDay(feed, TUESDAY);
    // The second place is 400 m from the Ramsgate stop: the 07:55 bus and a 5 minute walk.
    const places = [
      { point: placement },
      { point: northOf(RAMSGATE, 400), arriveBy: '08:05' },
      { point: { latitude: 51.2, longitude: 1.0 } },
    ];
    const together = planJourneys(day, home, places);
    expect(together).toEqual(places.map((p) => planJourney(day, home, p)));
    expect(together.map((p) => p.there?.arrives ?? null)).toEqual(['08:37', '08:01', null]);
    expect(together[2]?.placeAccess).toBe('none-within-walk');
  });
});

describe('a rural route with no bus home after 16:00', () => {
  const home = northOf(SMARDEN, 300);
  const college = northOf(ASHFORD, 200);

  it('gets there on the morning bus but says no: nothing goes home after the end', async () => {
    const feed = await feedOf(ruralRoute());
    const plan = planJourney(prepareTravelDay(feed, TUESDAY), home, { point: college });
    expect(plan.there).toMatchObject({ departs: '07:11', arrives: '07:53' });
    expect(plan.homeJourneys).toEqual([]);
    const answer = journeyAnswer(plan, { feed, today: TODAY });
    expect(answer.verdict).toBe('no');
    expect(answer.reasons).toEqual(['No journey home leaving after 16:00']);
    expect(answer.sentence).toBe('leaves 07:11, arrives 07:53, no changes; no way home after 16:00');
  });

  it('finds the lunchtime bus home for a morning that ends at 13:00, as the only one', async () => {
    const feed = await feedOf(ruralRoute());
    const plan = planJourney(prepareTravelDay(feed, TUESDAY), home, { point: college, leaveAfter: '13:00' });
    expect(plan.homeJourneys.map((j) => [j.departs, j.arrives])).toEqual([['13:27', '14:09']]);
    expect(journeyAnswer(plan, { feed, today: TODAY }).verdict).toBe('only-just');
  });

  it('says no published service, not no, when no stop is within the walking limit', async () => {
    const feed = await feedOf(ruralRoute());
    const plan = planJourney(prepareTravelDay(feed, TUESDAY), home, { point: college }, { maxWalkMetres: 150 });
    expect(plan.homeAccess).toBe('none-within-walk');
    const answer = journeyAnswer(plan, { feed, today: TODAY, maxWalkMetres: 150 });
    expect(answer.verdict).toBe('no-published-service');
    expect(answer.label).toBe('No published service');
    expect(answer.reasons[0]).toBe('No bus stop or station within 150 m of home');
    expect(answer.reasons[2]).toContain('School buses and community transport may not be in the timetable');
  });

  it('says no published service when the stops near the place have no trips at all', async () => {
    const spec = ruralRoute();
    const unserved = { id: 'FARM', name: 'Farm Lane', latitude: 51.2, longitude: 0.7 };
    const feed = await feedOf({ ...spec, stops: [...spec.stops, unserved] });
    const plan = planJourney(prepareTravelDay(feed, TUESDAY), home, { point: northOf(unserved, 100) });
    expect(plan.placeAccess).toBe('not-served');
    expect(journeyAnswer(plan, { feed, today: TODAY }).reasons[0]).toBe(
      'No bus or train in the timetable calls at the stops near the place',
    );
  });
});

describe('a rail line with a change', () => {
  // Home 400 m from Sheerness-on-Sea (320 s on foot), the college 200 m from Canterbury East (160 s).
  const home = northOf(SHEERNESS, 400);
  const college = northOf(CANTERBURY_EAST, 200);

  it('changes at Sittingbourne, allowing two minutes to change trains', async () => {
    const feed = await feedOf(railWithChange());
    const plan = planJourney(prepareTravelDay(feed, TUESDAY), home, { point: college });
    // The 07:42 reaches Sittingbourne at 08:05: the 08:06 is too tight, so the 08:20.
    expect(plan.there).toMatchObject({ departs: '07:36', arrives: '08:47', changes: 1, walkingMinutes: 8, modes: ['rail'] });
    expect(
      plan.there?.legs
        .filter((l) => l.kind === 'ride')
        .map((l) => `${l.routeName}: ${l.fromStop} ${l.departs} to ${l.toStop} ${l.arrives}`),
    ).toEqual(['Sheppey line: Sheerness-on-Sea 07:42 to Sittingbourne 08:05', 'Main line: Sittingbourne 08:20 to Canterbury East 08:44']);
    const answer = journeyAnswer(plan, { feed, today: TODAY });
    expect(answer.verdict).toBe('only-just');
    expect(answer.reasons).toEqual([
      'Arrives 08:47, only 3 minutes before the 08:50 start',
      'Only one journey home after 16:00: miss the 16:27 and there is no other',
    ]);
    expect(answer.sentence).toBe('leaves 07:36, arrives 08:47, 1 change; home 16:27 to 17:34');
  });

  it('makes the one-minute change when the adviser allows one minute', async () => {
    const feed = await feedOf(railWithChange());
    const plan = planJourney(prepareTravelDay(feed, TUESDAY), home, { point: college }, { changeMinutes: 1 });
    expect(plan.there).toMatchObject({ departs: '07:36', arrives: '08:34', changes: 1 });
  });

  it('brings them home with the change the other way', async () => {
    const feed = await feedOf(railWithChange());
    const plan = planJourney(prepareTravelDay(feed, TUESDAY), home, { point: college });
    expect(plan.homeJourneys[0]?.legs.map((l) => [l.kind, l.fromStop, l.toStop, l.departs, l.arrives])).toEqual([
      ['walk', null, 'Canterbury East', '16:27', '16:30'],
      ['ride', 'Canterbury East', 'Sittingbourne', '16:30', '16:55'],
      ['ride', 'Sittingbourne', 'Sheerness-on-Sea', '17:05', '17:28'],
      ['walk', 'Sheerness-on-Sea', null, '17:28', '17:34'],
    ]);
    expect(plan.homeJourneys[0]).toMatchObject({ changes: 1, doorToDoorMinutes: 66 });
  });
});

describe('times past midnight', () => {
  it('uses a Friday night bus timed 24:40 to 25:10 early on Saturday, and not early on Friday', async () => {
    const spec: FeedSpec = {
      stops: [MARGATE, RAMSGATE],
      routes: [['N1', 'Night 1', 3]],
      calendar: [['FRI', '0000100', '20260901', '20270831']],
      trips: [
        {
          id: 'night',
          route: 'N1',
          service: 'FRI',
          calls: [
            ['MGT', '24:40:00'],
            ['RAM', '25:10:00'],
          ],
        },
      ],
    };
    const feed = await feedOf(spec);
    const home = northOf(MARGATE, 250);
    const place = { point: northOf(RAMSGATE, 100), arriveBy: '01:30', leaveAfter: '23:00' };
    const saturday = planJourney(prepareTravelDay(feed, '2027-06-05'), home, place);
    expect(saturday.there).toMatchObject({ departs: '00:36', arrives: '01:12' });
    const friday = planJourney(prepareTravelDay(feed, '2027-06-04'), home, place);
    expect(friday.there).toBeNull();
  });
});

describe('an expired feed', () => {
  const home = northOf(MARGATE, 250);
  const placement = northOf(RAMSGATE, 100);

  it('marks an answer for a date it covers as out of date', async () => {
    const feed = await feedOf(expiredCoastalLine());
    const plan = planJourney(prepareTravelDay(feed, '2026-07-01'), home, { point: placement });
    const answer = journeyAnswer(plan, { feed, today: TODAY });
    expect(answer.verdict).toBe('yes');
    expect(answer.outOfDate).toBe(true);
    expect(answer.sentence).toBe('leaves 07:56, arrives 08:37, no changes; home 16:33 to 17:19 (timetable out of date)');
    expect(answer.reasons).toEqual(['The timetable ended on 31/07/2026: import the current one']);
  });

  it('says no published service, not no, for a date after its end', async () => {
    const feed = await feedOf(expiredCoastalLine());
    const plan = planJourney(prepareTravelDay(feed, TUESDAY), home, { point: placement });
    expect(plan.dateCovered).toBe(false);
    const answer = journeyAnswer(plan, { feed, today: TODAY });
    expect(answer.verdict).toBe('no-published-service');
    expect(answer.reasons[0]).toBe('The timetable covers 01/04/2026 to 31/07/2026, not 24/11/2026');
  });
});
