/**
 * The Node half of `npm run bench` (vitest with vitest.bench.config.mts): the pure code in shared/
 * that the app runs on whole caseloads. Matching and returns at each size; cohort allocation and
 * PDFs once, since their inputs do not grow with the caseload. Figures, not pass or fail: a test
 * here fails only when a step throws.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { matchPupil, allocateCohort, prepareMatchDirectory } from '../../shared/matching';
import { buildAggregateReturn, buildPseudonymisedExtract, type ReturnOptions } from '../../shared/returns';
import { placementsOf } from '../../shared/experiences';
import {
  buildActionPlanDocument,
  DEFAULT_ACTION_PLAN_PDF_OPTIONS,
  resolveDiscussedOptions,
  type ActionPlanPdfInput,
} from '../../shared/pdf';
import type { CaseloadDataset } from '../../shared/model/dataset';
import { createRandom } from '../../shared/random';
import { PupilListIndex, PupilListIndexBuilder } from '../../shared/pupils/list-index';
import { emptyPupilFilters } from '../../shared/pupils/list';
import { renderPdf } from '../support/pdf-node';
import { sampleService } from '../support/render-sample-plan';
import { benchDataset, countsOf, allocationInput, searchQueries, type BenchDataset } from './datasets';
import { BENCH_SEED, BENCH_TODAY, runCounts, type SizeName } from './sizes';
import { figure, megabytes, type Figure, type ResultPart } from './stats';
import { benchEnv, writePart } from './env';
import { prepareTravelDay, readGtfsFeed, type TravelDay, type TravelFeed } from '../../shared/travel';
import { generateTravelFeed, TRAVEL_BENCH_SIZES } from './travel-feed';

const env = benchEnv();
const part: ResultPart = { part: 'node', figures: [], datasets: {}, notMeasured: [], environment: { node: process.version } };
const HOUR = 3_600_000;
type FigureInput = Omit<Figure, 'size' | 'where' | 'unit' | 'median' | 'p95' | 'min' | 'max' | 'runs'> & { unit?: Figure['unit'] };

afterAll(() => {
  const file = writePart(env, part);
  console.log(`bench: Node figures written to ${file}`);
});

/** Times `step` `runs` times after `warmUp` untimed runs; `step` gets the run number. */
async function timeRuns(runs: number, warmUp: number, step: (run: number) => unknown): Promise<number[]> {
  for (let i = 0; i < warmUp; i++) await step(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await step(warmUp + i);
    samples.push(performance.now() - start);
  }
  return samples;
}

function heapAfterGcMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return megabytes(process.memoryUsage().heapUsed);
}

const datasets = new Map<SizeName, BenchDataset>();
function dataFor(size: SizeName): BenchDataset {
  let bench = datasets.get(size);
  if (!bench) {
    bench = benchDataset(size);
    datasets.set(size, bench);
  }
  return bench;
}

/** Return over the academic year so far and the one before it: nearly every session counts. */
function returnOptions(): ReturnOptions {
  return {
    period: { start: '2025-09-01', end: BENCH_TODAY },
    scope: { kind: 'all' },
    threshold: 5,
    roundToNearest5: true,
    now: BENCH_TODAY,
  };
}

describe.each(env.sizes)('at the %s size', (size) => {
  const runs = runCounts(size, env.smoke);
  const add = (f: FigureInput, samples: number[]) => {
    part.figures.push(figure({ size, where: 'node', unit: 'ms', ...f }, samples));
  };

  it(
    'generates the seeded data set',
    () => {
      const start = performance.now();
      const { data } = dataFor(size);
      const generated = performance.now() - start;
      part.datasets[size] = { ...countsOf(data) };
      add({ id: 'generate', label: 'generate the seeded data set (not a target)' }, [generated]);
      part.figures.push({
        size,
        where: 'node',
        id: 'node-heap',
        label: 'Node JS heap with the data set in memory',
        unit: 'MB',
        ...onceOf(heapAfterGcMb()),
      });
      expect(data.pupils.length).toBeGreaterThan(0);
    },
    HOUR,
  );

  it(
    'searches the pupil list index as the adviser types',
    async () => {
      const { data } = dataFor(size);
      // Records as IndexedDB hands them to the page: structured clones, not the generator's own objects.
      const pupils = structuredClone(data.pupils);
      const index = new PupilListIndex();
      // Built as the app builds it (renderer/src/db/pupil-list.ts): a batch of 2,000 records at a time
      // as they are read, then one sort. The longest of those steps is what could freeze the window.
      const longestSteps: number[] = [];
      const builds = await timeRuns(env.smoke ? 1 : 3, env.smoke ? 0 : 1, () => {
        const builder = new PupilListIndexBuilder();
        let longest = 0;
        for (let start = 0; start < pupils.length; start += 2000) {
          const before = performance.now();
          builder.add(pupils.slice(start, start + 2000));
          longest = Math.max(longest, performance.now() - before);
        }
        const before = performance.now();
        index.adopt(builder);
        longestSteps.push(Math.max(longest, performance.now() - before));
      });
      const warmUp = runs.warmUp * 3;
      const queries = searchQueries(data, runs.searchQueries + warmUp);
      let matches = 0;
      const samples = await timeRuns(runs.searchQueries, warmUp, (i) => {
        const found = index.find({ ...emptyPupilFilters(), text: queries[i]! }, 'name', BENCH_TODAY).length;
        if (i >= warmUp) matches += found;
      });
      const whole = await timeRuns(env.smoke ? 1 : 10, env.smoke ? 0 : 2, () => index.find(emptyPupilFilters(), 'name', BENCH_TODAY));
      add(
        {
          id: 'search-index',
          label: `search as you type: the pupil list index (shared/pupils/list-index) per keystroke, ${runs.searchQueries} prefixes`,
          notes: { 'average matches': Math.round(matches / runs.searchQueries) },
        },
        samples,
      );
      add({ id: 'search-index-build', label: 'building the pupil list index from every record (on each reload), all steps' }, builds);
      add(
        { id: 'search-index-build-step', label: 'building the pupil list index: its longest single step (a batch, or the final sort)' },
        longestSteps.slice(-builds.length),
      );
      add({ id: 'search-index-all', label: 'the whole list in name order, no filter (the pupil list opened)' }, whole);
    },
    HOUR,
  );

  it(
    'matches one pupil against every offer and route',
    async () => {
      const { data } = dataFor(size);
      const random = createRandom(BENCH_SEED + 2);
      const pupils = Array.from({ length: runs.matchOne + runs.warmUp }, () => random.pick(data.pupils));
      const context = {
        employers: data.employers,
        routes: data.routes,
        providers: data.providers,
        placements: placementsOf(data.experiences),
        today: BENCH_TODAY,
      };
      let considered = 0;
      // As the kept matching worker does it (renderer/src/features/matching/match-job.ts): the directory is
      // prepared once after a change to employers, routes or placements, then each young person is weighed against it.
      const preparations = await timeRuns(runs.matchOne, runs.warmUp, () => prepareMatchDirectory(context));
      const prepared = prepareMatchDirectory(context);
      const samples = await timeRuns(runs.matchOne, runs.warmUp, (i) => {
        const result = matchPupil(pupils[i]!, { prepared });
        considered = result.offers.length + result.routes.length + result.excluded.length;
      });
      // The first young person after a change: prepared and weighed in one go.
      const cold = await timeRuns(runs.matchOne, runs.warmUp, (i) => matchPupil(pupils[i]!, context));
      add(
        {
          id: 'match-one',
          label: 'match one pupil against all offers and routes (directory prepared, as the worker keeps it)',
          notes: { 'offer periods and routes scored': considered, pupils: 'a different one each run' },
        },
        samples,
      );
      add(
        { id: 'match-prepare', label: 'preparing the matching directory (once after each change to employers, routes or placements)' },
        preparations,
      );
      add({ id: 'match-one-cold', label: 'match one pupil, directory not yet prepared (the first after a change)' }, cold);

      // With a timetable (issue 21, item 4): the Kent-sized generated feed, every young person's home and every
      // employer at a stop of it, so each offer's journey there and back is planned from the timetable, as the
      // kept worker does with its JourneyDayCache (each date prepared once and kept).
      const read = readGtfsFeed(generateTravelFeed(env.smoke ? TRAVEL_BENCH_SIZES.smoke : TRAVEL_BENCH_SIZES.kent).zip);
      if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('\n'));
      const feed: TravelFeed = read.feed;
      const served = feed.stops.ids.filter((_, s) => feed.stops.served[s] === 1);
      const stopAt = (i: number) => ({ stopId: served[i % served.length]!, name: served[i % served.length]! });
      const employersAtStops = data.employers.map((employer, j) => ({ ...employer, nearestStop: stopAt(j * 53 + 11) }));
      const pupilsAtStops = pupils.map((pupil, i) => ({ ...pupil, travel: { ...pupil.travel, homeStop: stopAt(i * 37) } }));
      const days = new Map<string, TravelDay>();
      const journeys = {
        feed,
        dayFor: (date: string) => {
          let day = days.get(date);
          if (!day) days.set(date, (day = prepareTravelDay(feed, date)));
          return day;
        },
      };
      const preparedAtStops = prepareMatchDirectory({ ...context, employers: employersAtStops });
      let planned = 0;
      // The figure is for dates already prepared, as the kept worker holds them (JourneyDayCache): the warm-up
      // runs alone left one young person's route date to be prepared inside a timed run (a pass over the whole
      // timetable, 0.1 to 0.3 s), which is once per worker for that date, not matching. So every date the timed
      // young people's offers and routes fall on is prepared first, by matching each of them from their outcode
      // centre (untimed); their own home stops are still found and searched from in the timed run.
      for (const pupil of pupils) matchPupil(pupil, { prepared: preparedAtStops }, journeys);
      const withJourneys = await timeRuns(runs.matchOne, runs.warmUp, (i) => {
        const result = matchPupil(pupilsAtStops[i]!, { prepared: preparedAtStops }, journeys);
        planned += result.offers.filter((m) => 'journey' in m && m.journey !== null).length;
      });
      add(
        {
          id: 'match-one-journeys',
          label: 'match one pupil with a Kent-sized timetable (journeys planned, directory and dates prepared)',
          // Summed over the warm-up and timed runs: one young person may have no offer worth a journey.
          notes: { 'offers shown with a planned journey, all runs': planned, 'dates prepared': days.size, stops: feed.stops.ids.length },
        },
        withJourneys,
      );
    },
    HOUR,
  );

  it(
    'builds the aggregate return over the whole caseload',
    async () => {
      const { data } = dataFor(size);
      let tables = 0;
      const samples = await timeRuns(runs.returns, env.smoke ? 0 : 1, () => {
        tables = buildAggregateReturn(data, returnOptions()).tables.length;
      });
      add(
        {
          id: 'return-aggregate',
          label: 'aggregate return, whole caseload, with disclosure control',
          notes: { tables, period: '01/09/2025 to 24/11/2026' },
        },
        samples,
      );
    },
    HOUR,
  );

  it(
    'builds the pseudonymised extract over the whole caseload',
    async () => {
      const { data } = dataFor(size);
      const { period, scope, threshold, now } = returnOptions();
      let rows = 0;
      const samples = await timeRuns(runs.returns, env.smoke ? 0 : 1, async () => {
        rows = (await buildPseudonymisedExtract(data, { period, scope, threshold, now }, 'bench-recipient-key')).rows.length;
      });
      add({ id: 'return-extract', label: 'pseudonymised extract (HMAC-SHA-256 per pupil), whole caseload', notes: { rows } }, samples);
    },
    HOUR,
  );

  it('lets the data set go', () => {
    // Keep one data set in memory at a time (the county one is large); the fixed-input steps reuse the first.
    if (size !== env.sizes[0]) datasets.delete(size);
  });
});

describe('with inputs that do not grow with the caseload', () => {
  const size = env.sizes[0]!;
  const runs = runCounts(size, env.smoke);
  const add = (f: FigureInput, samples: number[]) => {
    part.figures.push(figure({ size: 'any', where: 'node', unit: 'ms', ...f }, samples));
  };

  it(
    'allocates 300 pupils to 500 work-experience places',
    async () => {
      const { data } = dataFor(size);
      const input = allocationInput(data);
      let placed = 0;
      const samples = await timeRuns(runs.allocate, env.smoke ? 0 : 1, () => {
        placed = allocateCohort({
          pupils: input.pupils,
          employers: input.employers,
          placements: [],
          period: input.period,
          today: BENCH_TODAY,
        }).placed;
      });
      add(
        {
          id: 'allocate',
          label: `allocate ${input.pupils.length} pupils to ${input.places} places (optimal assignment)`,
          notes: { pupils: input.pupils.length, places: input.places, employers: input.employers.length, placed, from: `${size} data set` },
        },
        samples,
      );
    },
    HOUR,
  );

  it(
    'builds one action-plan PDF, and a batch',
    async () => {
      const { data } = dataFor(size);
      const inputs = pdfInputs(data, Math.max(runs.pdfBatchSize, runs.onePdf + runs.warmUp + 1));
      // The first PDF reads the fonts: shown apart, as the app's first export also loads pdfmake.
      const firstStart = performance.now();
      await renderPdf(buildActionPlanDocument(inputs[0]!));
      const first = performance.now() - firstStart;
      let bytes = 0;
      const one = await timeRuns(runs.onePdf, runs.warmUp, async (i) => {
        bytes = (await renderPdf(buildActionPlanDocument(inputs[1 + i]!))).length;
      });
      add(
        {
          id: 'pdf-one',
          label: 'one action-plan PDF (definition + pdfmake render)',
          notes: { 'first PDF, fonts cold (ms)': Math.round(first), bytes: bytes },
        },
        one,
      );
      const batch = await timeRuns(runs.pdfBatch, 0, async () => {
        for (let i = 0; i < runs.pdfBatchSize; i++) await renderPdf(buildActionPlanDocument(inputs[i % inputs.length]!));
      });
      add(
        {
          id: 'pdf-batch',
          label: `a batch of ${runs.pdfBatchSize} action-plan PDFs, one after another`,
          notes: { 'per PDF (ms)': Math.round(batch[0]! / runs.pdfBatchSize) },
        },
        batch,
      );
    },
    HOUR,
  );
});

function onceOf(value: number): Pick<Figure, 'median' | 'p95' | 'min' | 'max' | 'runs'> {
  return { median: value, p95: value, min: value, max: value, runs: 1 };
}

/**
 * What the app passes to buildActionPlanDocument for each plan (as renderer/src/features/pdf/inputs.ts
 * reads it), with two routes and an employer talked about, the service's details and logo.
 */
function pdfInputs(data: CaseloadDataset, count: number): ActionPlanPdfInput[] {
  const pupils = new Map(data.pupils.map((p) => [p.id, p]));
  const sessions = new Map(data.sessions.map((s) => [s.id, s]));
  const schools = new Map(data.schools.map((s) => [s.id, s]));
  const advisers = new Map(data.advisers.map((a) => [a.id, a]));
  const service = sampleService();
  const plans = data.actionPlans.slice(0, count);
  if (plans.length === 0) throw new Error('The data set has no action plans');
  return Array.from({ length: count }, (_, i) => {
    const base = plans[i % plans.length]!;
    const routes = [data.routes[i % data.routes.length]!, data.routes[(i + 7) % data.routes.length]!];
    const employer = data.employers[i % data.employers.length]!;
    const plan = {
      ...base,
      discussed: [
        ...routes.map((r, n) => ({ kind: 'route' as const, refId: r.id, label: r.title, note: n === 0 ? 'First choice' : '' })),
        { kind: 'employer' as const, refId: employer.id, label: employer.name, note: 'Work experience in the summer term' },
      ],
    };
    const pupil = pupils.get(plan.pupilId)!;
    return {
      plan,
      pupil,
      session: plan.sessionId ? (sessions.get(plan.sessionId) ?? null) : null,
      school: pupil.schoolId ? (schools.get(pupil.schoolId) ?? null) : null,
      adviser: plan.adviserId ? (advisers.get(plan.adviserId) ?? null) : null,
      service,
      discussed: resolveDiscussedOptions(plan.discussed, data),
      now: `${BENCH_TODAY}T10:30:00`,
      options: { ...DEFAULT_ACTION_PLAN_PDF_OPTIONS },
    };
  });
}
