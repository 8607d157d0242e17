/**
 * The travel half of `npm run bench`: reading a GTFS feed the size of Kent's buses and trains and one
 * young person's journeys to 500 places (shared/travel). The feed does not grow with the caseload, so
 * it is measured once, at the 'any' size. Figures, not pass or fail.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { planJourneys, prepareTravelDay, readGtfsFeed, searchStops, type TravelDay, type TravelFeed } from '../../shared/travel';
import { allocateCohort } from '../../shared/matching';
import { createFactories } from '../support/factories';
import { benchEnv, writePart } from './env';
import { figure, megabytes, type ResultPart } from './stats';
import { generateTravelFeed, TRAVEL_BENCH_SIZES } from './travel-feed';

const env = benchEnv();
const part: ResultPart = { part: 'travel', figures: [], datasets: {}, notMeasured: [], environment: {} };
const HOUR = 3_600_000;
/** A Tuesday in term. */
const DATE = '2026-11-24';

afterAll(() => {
  const file = writePart(env, part);
  console.log(`bench: travel figures written to ${file}`);
});

describe('travel: a Kent-sized timetable', () => {
  const size = env.smoke ? TRAVEL_BENCH_SIZES.smoke : TRAVEL_BENCH_SIZES.kent;
  const label = env.smoke ? 'smoke' : 'any';
  const generated = generateTravelFeed(size);
  let feed: TravelFeed | null = null;

  it(
    'reads the feed from its zip',
    () => {
      const runs = env.smoke ? 1 : 3;
      const samples: number[] = [];
      let progressCalls = 0;
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const result = readGtfsFeed(generated.zip, {
          onProgress: () => {
            progressCalls += 1;
          },
        });
        samples.push(performance.now() - start);
        if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
        feed = result.feed;
      }
      const read = feed!;
      part.datasets[`travel-${label}`] = {
        stops: generated.stopCount,
        'weekday trips': generated.weekdayTrips,
        connections: read.connections.departures.length,
        'zip bytes': generated.zip.length,
      };
      part.figures.push(
        figure(
          {
            size: label,
            id: 'travel-import',
            where: 'node',
            unit: 'ms',
            label: 'read a GTFS feed (zip in, checked TravelFeed out): Kent size, about 8,000 stops and 3,000 weekday trips',
            notes: {
              stops: generated.stopCount,
              'weekday trips': generated.weekdayTrips,
              'zip MB': megabytes(generated.zip.length),
              'progress calls': Math.round(progressCalls / runs),
            },
          },
          samples,
        ),
      );
      const cloneStart = performance.now();
      structuredClone(read);
      part.figures.push(
        figure(
          {
            size: label,
            id: 'travel-clone',
            where: 'node',
            unit: 'ms',
            label: 'structured clone of the stored feed (what loading it from IndexedDB costs at least)',
          },
          [performance.now() - cloneStart],
        ),
      );
      expect(read.stops.ids.length).toBe(generated.stopCount);
    },
    HOUR,
  );

  it(
    "plans one young person's journeys there and home to every place",
    () => {
      const read = feed!;
      const prepares: number[] = [];
      let day = prepareTravelDay(read, DATE);
      for (let i = 0; i < (env.smoke ? 1 : 5); i++) {
        const start = performance.now();
        day = prepareTravelDay(read, DATE);
        prepares.push(performance.now() - start);
      }
      const runs = env.smoke ? 1 : 10;
      const warmUp = env.smoke ? 0 : 2;
      const samples: number[] = [];
      let answered = 0;
      for (let i = 0; i < runs + warmUp; i++) {
        const home = generated.homes[i % generated.homes.length]!;
        const start = performance.now();
        const plans = planJourneys(
          day,
          home,
          generated.places.map((point) => ({ point })),
        );
        const took = performance.now() - start;
        if (i >= warmUp) {
          samples.push(took);
          answered += plans.filter((p) => p.there && p.homeJourneys.length > 0).length;
        }
      }
      part.figures.push(
        figure(
          {
            size: label,
            id: 'travel-day',
            where: 'node',
            unit: 'ms',
            label: "preparing one date's connections (once per date, kept by the worker)",
          },
          prepares,
        ),
      );
      part.figures.push(
        figure(
          {
            size: label,
            id: 'travel-journeys',
            where: 'node',
            unit: 'ms',
            label: `one young person's journeys there by 08:50 and home after 16:00 to ${generated.places.length} places`,
            notes: {
              places: generated.places.length,
              'with a journey both ways (average)': Math.round(answered / runs),
              homes: 'a different town each run',
            },
          },
          samples,
        ),
      );
      expect(samples.length).toBe(runs);
    },
    HOUR,
  );

  it(
    'finds stops by name for the stop picker',
    () => {
      const read = feed!;
      const home = generated.homes[0]!;
      const words = ['a', 'st', 'road', 'station', 'zzz'];
      const samples: number[] = [];
      for (let i = 0; i < (env.smoke ? words.length : words.length * 10); i++) {
        const start = performance.now();
        searchStops(read.stops, words[i % words.length]!, home);
        samples.push(performance.now() - start);
      }
      part.figures.push(
        figure(
          {
            size: label,
            id: 'travel-stop-search',
            where: 'node',
            unit: 'ms',
            label: `one keystroke's stop search, nearest a home first, over ${read.stops.ids.length} stops`,
          },
          samples,
        ),
      );
      expect(samples.length).toBeGreaterThan(0);
    },
    HOUR,
  );

  it(
    "allocates a year group to every place with each line's journey (home and workplace at picked stops)",
    () => {
      const read = feed!;
      const make = createFactories({ stamp: '2026-09-01T09:00:00.000Z' });
      const served = read.stops.ids.filter((_, s) => read.stops.served[s] === 1);
      const stopAt = (i: number) => {
        const stopId = served[i % served.length]!;
        return { stopId, name: stopId };
      };
      const pupilCount = env.smoke ? 30 : 300;
      const placeCount = env.smoke ? 50 : 500;
      const period = { start: DATE, end: '2026-11-27' };
      const pupils = Array.from({ length: pupilCount }, (_, i) =>
        make.pupil({
          dateOfBirth: '2011-12-01',
          outcode: 'ME14',
          interests: ['engineering'],
          travel: { maxDistanceKm: 200, reliesOnPublicTransport: true, homeStop: stopAt(i * 37) },
        }),
      );
      const checks = { riskAssessmentOn: '2026-09-01', insuranceExpiresOn: '2028-01-31', safeguardingConfirmed: true };
      const employers = Array.from({ length: placeCount }, (_, j) =>
        make.employer({
          name: `Employer ${j}`,
          sector: j % 2 === 0 ? 'engineering' : 'retail',
          outcode: 'ME14',
          checks,
          nearestStop: stopAt(j * 53 + 11),
          offers: [make.offer({ periods: [{ ...period, capacity: 1 }], yearGroups: [10], minimumAge: 14 })],
        }),
      );
      const days = new Map<string, TravelDay>();
      const journeys = {
        feed: read,
        dayFor: (date: string) => {
          let day = days.get(date);
          if (!day) days.set(date, (day = prepareTravelDay(read, date)));
          return day;
        },
      };
      const start = performance.now();
      const result = allocateCohort({ pupils, employers, placements: [], period, today: '2026-10-01', journeys });
      const took = performance.now() - start;
      part.figures.push(
        figure(
          {
            size: label,
            id: 'travel-allocation',
            where: 'node',
            unit: 'ms',
            label: `allocating ${pupilCount} young people to ${placeCount} places, every line's journey from the timetable`,
            notes: { placed: result.placed, unplaced: result.unplaced.length },
          },
          [took],
        ),
      );
      expect(result.placed + result.unplaced.length).toBe(pupilCount);
    },
    HOUR,
  );
});
