/**
 * The Chromium half of `npm run bench` (Playwright with playwright.bench.config.ts): real IndexedDB,
 * the renderer's own database code on the bench page, and the built renderer for the cold start.
 * Figures, not pass or fail: a test here fails only when a step throws.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, chromium, type BrowserContext, type Page } from '@playwright/test';
import type {} from './page/api';
import { figure, megabytes, summarise, type Figure, type ResultPart } from './stats';
import { runCounts, type SizeName } from './sizes';
import { CACHE_FOLDER, benchEnv, writePart } from './env';
import { DATA_JOBS_FROM_DEMO_LOAD, longestBusyStretch, measureDataJobs, profilesStep, type Profile } from './data-jobs-steps';

const env = benchEnv();
/** Fewer bulk loads (each is minutes at a service) when only other figures are wanted: BENCH_BULK_LOAD_RUNS=1. */
const BULK_LOAD_RUNS = Number(process.env.BENCH_BULK_LOAD_RUNS ?? '') || null;
/** BENCH_SKIP_CLEAR=1 leaves out the steps repeated without encryption (round five's comparison). */
const SKIP_CLEAR = process.env.BENCH_SKIP_CLEAR === '1';
/** BENCH_ONLY_COLD_START=1: load the data set once (untimed), time search and the pupil page, then the cold starts beside bare opens. */
const ONLY_COLD_START = process.env.BENCH_ONLY_COLD_START === '1';
/** BENCH_SKIP_SCHEMA_VARIANTS=1: leave out the raw loads with other schemas (three more raw loads: 40 minutes at a county). */
const SKIP_SCHEMA_VARIANTS = process.env.BENCH_SKIP_SCHEMA_VARIANTS === '1';
/**
 * BENCH_ONLY_DATA_JOBS=1: load the data set once (untimed), time search and the pupil page, then the data jobs and the
 * screens' jobs (data-jobs-steps.ts).
 */
const ONLY_DATA_JOBS = process.env.BENCH_ONLY_DATA_JOBS === '1';
const BASE = `http://127.0.0.1:${env.port}/`;
const part: ResultPart = { part: 'chromium', figures: [], datasets: {}, notMeasured: [] };
type FigureInput = Omit<Figure, 'size' | 'where' | 'unit' | 'median' | 'p95' | 'min' | 'max' | 'runs'> & { unit?: Figure['unit'] };

const CHROMIUM = {
  executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
};

test.afterAll(() => {
  const file = writePart(env, part);
  console.log(`bench: Chromium figures written to ${file}`);
});

/** A persistent profile, so the data loaded in one launch is there for the next (the cold start). */
async function launch(profile: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await chromium.launchPersistentContext(profile, { headless: true, ...CHROMIUM, viewport: { width: 1280, height: 800 } });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The bench page says where it is (long steps at the county size), with the time.
  page.on('console', (message) => {
    if (message.text().startsWith('bench page:')) console.log(`${new Date().toISOString().slice(11, 19)} ${message.text()}`);
  });
  return { context, page, errors };
}

function throwOnPageErrors(errors: readonly string[], where: string): void {
  if (errors.length > 0) throw new Error(`The page reported errors during ${where}: ${errors.join(' | ')}`);
}

/** A cold start not usable after this long has failed (a county's takes about 9 s). */
const COLD_START_GIVE_UP_MS = 180_000;

interface ColdStartMarks {
  /** The list drawn and usable: its count, a row and the search box (from round eleven, the first screen's rows). */
  usableAt: number | null;
  /** The whole list read (its count no longer says the rest is loading): search answers from here. */
  wholeAt: number | null;
  /** The app's own user-timing marks (renderer/src/db/pupil-list.ts), ms from navigation start. */
  appMarks: Record<string, number>;
  longTasks: { start: number; duration: number }[];
  /** Long animation frames (Chromium 123 and later) with the scripts each ran: where a long task went. */
  longFrames: { start: number; duration: number; scripts: string[] }[];
}

/**
 * Installed before the app's own scripts: records when the pupil list is first usable (the count
 * of matching young people shown, at least one row drawn, the search box there) at the next frame,
 * when the whole list is read (the count no longer says the rest is loading), and every long task.
 */
function watchColdStart(): void {
  const marks: ColdStartMarks = { usableAt: null, wholeAt: null, appMarks: {}, longTasks: [], longFrames: [] };
  (window as unknown as { __benchColdStart: ColdStartMarks }).__benchColdStart = marks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) marks.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    type Script = { duration: number; invoker: string; sourceFunctionName: string; sourceURL: string; sourceCharPosition: number };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        // A copy: the entry's own list is frozen.
        const scripts = [...((entry as PerformanceEntry & { scripts?: Script[] }).scripts ?? [])]
          .sort((a, b) => b.duration - a.duration)
          .slice(0, 3)
          .map((x) => {
            const at = `${x.sourceURL.split('/').pop() ?? ''}:${x.sourceCharPosition}`;
            return `${Math.round(x.duration)} ms ${x.invoker} ${x.sourceFunctionName || '?'} (${at})`;
          });
        marks.longFrames.push({ start: entry.startTime, duration: entry.duration, scripts });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  }
  // Drawn means seen: a row hidden (the window kept hidden until the lock's settings are read) is not usable yet.
  const usable = () => {
    const count = document.querySelector('[data-testid="pupil-count"]')?.textContent ?? '';
    const row = document.querySelector('.pupil-row');
    return (
      /\d young (people|person) match/.test(count) &&
      row !== null &&
      row.checkVisibility({ visibilityProperty: true }) &&
      document.querySelector('[data-testid="pupil-search"]') !== null
    );
  };
  const whole = () => !(document.querySelector('[data-testid="pupil-count"]')?.textContent ?? '').includes('loading');
  let usableSeen = false;
  const watcher = new MutationObserver(() => {
    if (!usable()) return;
    if (!usableSeen) {
      usableSeen = true;
      requestAnimationFrame(() => {
        marks.usableAt = performance.now();
      });
    }
    if (!whole()) return;
    watcher.disconnect();
    requestAnimationFrame(() => {
      marks.wholeAt = performance.now();
      for (const mark of performance.getEntriesByType('mark')) marks.appMarks[mark.name] ??= mark.startTime;
      // When each script had arrived (its name without the build's hash): what the start waited for on the network.
      for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
        const script = /\/([A-Za-z-]+?)(?:-[\w-]{8})?\.js$/.exec(entry.name)?.[1];
        if (script) marks.appMarks[`fetched ${script}.js`] ??= entry.responseEnd;
      }
    });
  });
  // Classes too: the window is shown by taking a class off the body.
  watcher.observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class'] });
}

/** Opens the pupil page through the app's router and waits until the young person's name is drawn. */
async function openPupilInApp(page: Page, pupilId: string, name: string): Promise<number> {
  return page.evaluate(
    async ({ id, expected }) => {
      const heading = () => document.querySelector('[data-testid="pupil-page"] h1')?.textContent?.trim() ?? '';
      const start = performance.now();
      location.hash = `#/pupils/${id}`;
      await new Promise<void>((resolve) => {
        if (heading() === expected) return resolve();
        const watcher = new MutationObserver(() => {
          if (heading() !== expected) return;
          watcher.disconnect();
          resolve();
        });
        watcher.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return performance.now() - start;
    },
    { id: pupilId, expected: name },
  );
}

async function openMissingPupilInApp(page: Page): Promise<void> {
  await page.evaluate(() => {
    location.hash = '#/pupils/00000000-0000-4000-8000-000000000000';
  });
  await page.getByRole('heading', { name: 'Record not found' }).waitFor();
}

for (const size of env.sizes) {
  test(`Chromium at the ${size} size`, async () => {
    if (env.smoke) test.setTimeout(120_000);
    const runs = runCounts(size, env.smoke);
    const add = (f: FigureInput, samples: number[]) => {
      const made = figure({ size, where: 'chromium', unit: 'ms', ...f }, samples);
      part.figures.push(made);
      // Each figure in the log as it is made: a long county run stopped part way still leaves what it measured.
      console.log(`bench figure: ${size} ${made.id} ${JSON.stringify({ median: made.median, p95: made.p95, notes: made.notes })}`);
    };
    await mkdir(CACHE_FOLDER, { recursive: true });
    const profile = await mkdtemp(join(CACHE_FOLDER, `profile-${size}-`));
    try {
      // 1. The bench page: bulk load, search, pupil page, with the renderer's own database code.
      const { context, page, errors } = await launch(profile);
      await page.goto(`${BASE}bench/index.html`);
      await page.waitForFunction(() => window.careersDeskBench !== undefined);
      const generated = await page.evaluate((s: SizeName) => window.careersDeskBench!.generate(s), size);
      part.datasets[size] = { ...generated.counts };
      part.environment = { chromium: await page.evaluate(() => navigator.userAgent) };

      // Search as you type and the pupil page's data, on the bench page over the data just loaded, with the generated
      // data set let go first and collected: held, its garbage collections fell inside search (a 267 ms task at a
      // county, round ten); in the app no such data set is held. A later load without encryption makes it again.
      const measureSearchAndPupilPage = async () => {
        await page.evaluate(() => window.careersDeskBench!.letGoOfDataset());
        const cdp = await context.newCDPSession(page);
        await cdp.send('HeapProfiler.collectGarbage');
        // BENCH_PROFILE_STEP=search: a CPU profile of the page while search runs, with its longest busy stretch.
        const profiling = profilesStep('search');
        if (profiling) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
          await cdp.send('Profiler.start');
        }
        const search = await page.evaluate(([count, warmUp]) => window.careersDeskBench!.search(count, warmUp), [
          runs.searchQueries,
          runs.warmUp * 3,
        ] as const);
        if (profiling) {
          const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
          const file = join(CACHE_FOLDER, `profile-${size}-search.cpuprofile`);
          await writeFile(file, JSON.stringify(profile));
          console.log(`bench: CPU profile of the page during search at the ${size} size (${file}):`);
          for (const line of longestBusyStretch(profile, 20)) console.log(`  ${line}`);
        }
        await cdp.detach();
        add(
          {
            id: 'search-keystroke',
            label: `search as you type: findPupils per keystroke, ${runs.searchQueries} prefixes of real names`,
            notes: {
              'average matches': search.averageResults,
              'longest task (ms)': search.longestTaskMs,
              ...(search.longestTaskWhere === undefined ? {} : { 'longest frame, where': search.longestTaskWhere }),
              'first queries': search.firstQueries.join(' | '),
            },
          },
          search.samples,
        );

        const record = await page.evaluate(([n, warmUp]) => window.careersDeskBench!.pupilPage(n, warmUp), [
          runs.pupilPage,
          runs.warmUp,
        ] as const);
        add(
          {
            id: 'pupil-page',
            label: 'pupil page data with 50 sessions (usePupilRecord until loaded)',
            notes: { sessions: record.sessions, 'longest task (ms)': record.longestTaskMs },
          },
          record.samples,
        );
      };

      if (ONLY_DATA_JOBS && DATA_JOBS_FROM_DEMO_LOAD) {
        // Nothing measured reads the app's database: the demo load and the screens' jobs use one of their own.
        console.log(`bench: ${size}: the data jobs from the demo load on; the data set not loaded, search not timed`);
      } else if (ONLY_COLD_START || ONLY_DATA_JOBS) {
        await page.evaluate(() => window.careersDeskBench!.dexieLoad());
        // Both measure the screens too (search, the pupil page): seconds, beside minutes of loading.
        await measureSearchAndPupilPage();
      } else {
        // At the county size 1.3 million puts issued at once stalled Chromium (twice, 20 minutes and more),
        // so there the raw puts go 2,000 at a time, as the app's own load does: still one transaction.
        const rawSlice = size === 'county' ? 2000 : null;
        const raw: number[] = [];
        const ours: number[] = [];
        let longestLoadTask = 0;
        const bulkLoads = BULK_LOAD_RUNS ?? runs.bulkLoad;
        for (let i = 0; i < bulkLoads; i++) {
          // Alternate which goes first; the app's load goes last in the final run so its data stays.
          const rawFirst = i % 2 === 0 || i === bulkLoads - 1;
          if (rawFirst) raw.push((await page.evaluate((slice) => window.careersDeskBench!.rawLoad(slice), rawSlice)).ms);
          const load = await page.evaluate(() => window.careersDeskBench!.dexieLoad());
          ours.push(load.ms);
          longestLoadTask = Math.max(longestLoadTask, load.longestTaskMs);
          if (!rawFirst) raw.push((await page.evaluate((slice) => window.careersDeskBench!.rawLoad(slice), rawSlice)).ms);
        }
        add(
          {
            id: 'bulk-load',
            label: 'bulk load of the data set (loadDataset, one Dexie transaction)',
            notes: { 'longest task (ms)': longestLoadTask },
          },
          ours,
        );
        add(
          {
            id: 'bulk-load-raw',
            label:
              'the same rows, raw IndexedDB put, one transaction, same indexes' + (rawSlice === null ? '' : `, ${rawSlice} puts at a time`),
          },
          raw,
        );
        add(
          { id: 'bulk-load-ratio', label: 'bulk load ÷ raw IndexedDB (per run)', unit: 'ratio' },
          ours.map((t, i) => t / raw[i]!),
        );

        // What the schema itself costs (issue 21, item 3): the same rows, raw, without the indexes no screen
        // queries, and that with sessions stored one row per young person; each once, beside a raw load with the
        // app's schema timed again in the same minutes, each variant as a ratio to it.
        const sameAgain = SKIP_SCHEMA_VARIANTS
          ? 0
          : (await page.evaluate((slice) => window.careersDeskBench!.rawLoad(slice, 'same'), rawSlice)).ms;
        for (const variant of SKIP_SCHEMA_VARIANTS ? [] : (['queried-indexes', 'compact-sessions'] as const)) {
          const ms = (await page.evaluate(([slice, v]) => window.careersDeskBench!.rawLoad(slice, v), [rawSlice, variant] as const)).ms;
          add(
            {
              id: `bulk-load-raw-${variant}`,
              label:
                variant === 'queried-indexes'
                  ? 'the same rows, raw put, only the indexes screens query'
                  : 'that, with sessions stored one row per young person',
              notes: {
                'raw put with the same schema, this run (ms)': Math.round(sameAgain),
                'ratio to it': Number((ms / sameAgain).toFixed(2)),
              },
            },
            [ms],
          );
        }

        await measureSearchAndPupilPage();

        // Encryption's cost, side by side: the records' part of a start, then the same steps without encryption.
        const openRuns = Math.max(1, Math.min(runs.coldStart, 5));
        const openSealed: number[] = [];
        for (let i = 0; i < openRuns; i++) openSealed.push((await page.evaluate(() => window.careersDeskBench!.openAndList())).ms);
        add(
          { id: 'open-list', label: 'open the database and read the whole pupil list into its index (sealed, every record)' },
          openSealed,
        );
        const openSnapshot: number[] = [];
        for (let i = 0; i < openRuns; i++) openSnapshot.push((await page.evaluate(() => window.careersDeskBench!.openAndList(true))).ms);
        add(
          { id: 'open-list-snapshot', label: 'open the database and read the pupil list from its snapshot (one sealed value)' },
          openSnapshot,
        );
        if (!SKIP_CLEAR) {
          await page.evaluate(() => window.careersDeskBench!.useEncryption(false));
          const clearLoad = await page.evaluate(() => window.careersDeskBench!.dexieLoad());
          add({ id: 'bulk-load-clear', label: 'bulk load without encryption', notes: { 'longest task (ms)': clearLoad.longestTaskMs } }, [
            clearLoad.ms,
          ]);
          const clearSearch = await page.evaluate(([count, warmUp]) => window.careersDeskBench!.search(count, warmUp), [
            runs.searchQueries,
            runs.warmUp * 3,
          ] as const);
          add({ id: 'search-keystroke-clear', label: 'search as you type without encryption' }, clearSearch.samples);
          const clearRecord = await page.evaluate(([n, warmUp]) => window.careersDeskBench!.pupilPage(n, warmUp), [
            runs.pupilPage,
            runs.warmUp,
          ] as const);
          add({ id: 'pupil-page-clear', label: 'pupil page data with 50 sessions without encryption' }, clearRecord.samples);
          const openClear: number[] = [];
          for (let i = 0; i < openRuns; i++) openClear.push((await page.evaluate(() => window.careersDeskBench!.openAndList())).ms);
          add({ id: 'open-list-clear', label: 'open the database and read the whole pupil list without encryption' }, openClear);
          await page.evaluate(() => window.careersDeskBench!.useEncryption(true));
        }
      }
      // The cold-start run leaves the data jobs out, as its name says (they take minutes at a county).
      if (!ONLY_COLD_START) await measureDataJobs(page, size, add);

      await page.evaluate(() => window.careersDeskBench!.finish());
      throwOnPageErrors(errors, 'the bench page steps');
      await context.close();
      if (ONLY_DATA_JOBS) return;

      // 2. Cold start: a fresh launch on the filled profile, straight to the pupil list, each run beside a bare
      // open of the same store in a fresh launch (the floor: bench/bare-open.html), first without the list's
      // snapshot (every record read, as before round six), then with it.
      const onBenchPage = async <T>(step: () => Promise<T>): Promise<T> => {
        const opened = await launch(profile);
        await opened.page.goto(`${BASE}bench/index.html`);
        await opened.page.waitForFunction(() => window.careersDeskBench !== undefined);
        const value = await opened.page.evaluate(step);
        throwOnPageErrors(opened.errors, 'a bench page step');
        await opened.context.close();
        return value;
      };
      const bareOpen = async (): Promise<{ asked: number; opened: number; read: number }> => {
        const opened = await launch(profile);
        await opened.page.goto(`${BASE}bench/bare-open.html`);
        type Bare = { asked: number; opened: number | null; read: number | null; error: string | null };
        await opened.page.waitForFunction(
          () => {
            const marks = (window as unknown as { __bareOpen?: Bare }).__bareOpen;
            return marks !== undefined && (marks.read !== null || marks.error !== null);
          },
          undefined,
          { polling: 20, timeout: 0 },
        );
        const marks = await opened.page.evaluate(() => (window as unknown as { __bareOpen: Bare }).__bareOpen);
        await opened.context.close();
        if (marks.error !== null || marks.read === null || marks.opened === null) throw new Error(`Bare open failed: ${marks.error}`);
        return { asked: marks.asked, opened: marks.opened, read: marks.read };
      };
      const coldStart = async (keepOpen: boolean) => {
        const launched = await launch(profile);
        await launched.page.addInitScript(watchColdStart);
        const cdp = await launched.context.newCDPSession(launched.page);
        // BENCH_PROFILE_STEP=cold-start: a CPU profile of the start from navigation; the run with the longest task is kept.
        const profiling = profilesStep('cold-start');
        if (profiling) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
          await cdp.send('Profiler.start');
        }
        await launched.page.goto(`${BASE}index.html#/pupils`);
        await launched.page
          .waitForFunction(
            () => {
              const marks = (window as unknown as { __benchColdStart: ColdStartMarks }).__benchColdStart;
              return marks.usableAt !== null && marks.wholeAt !== null;
            },
            undefined,
            {
              polling: 50,
              timeout: COLD_START_GIVE_UP_MS,
            },
          )
          .catch(async (error: unknown) => {
            // Said, not waited on for ever: what the window showed, and how far the start got.
            const shown = await launched.page.evaluate(() => ({
              text: document.querySelector('#app')?.textContent?.replace(/\s+/g, ' ').slice(0, 600) ?? '',
              marks: performance.getEntriesByType('mark').map((m) => `${m.name} ${Math.round(m.startTime)}`),
            }));
            const said = [shown.text, `marks: ${shown.marks.join(', ')}`, ...launched.errors].join(' | ');
            throw new Error(`The cold start never reached a usable list: ${said}`, { cause: error });
          });
        const marks = await launched.page.evaluate(() => (window as unknown as { __benchColdStart: ColdStartMarks }).__benchColdStart);
        const cpuProfile = profiling ? ((await cdp.send('Profiler.stop')) as unknown as { profile: Profile }).profile : null;
        // Up to the whole list read: the first screen is drawn before the rest is read and opened.
        const longest = Math.max(0, ...marks.longTasks.filter((t) => t.start < marks.wholeAt!).map((t) => t.duration));
        const longestFrame = marks.longFrames.filter((f) => f.start < marks.wholeAt!).sort((a, b) => b.duration - a.duration)[0];
        const frameAt = (f: { start: number; duration: number }) => `frame at ${Math.round(f.start)} ms, ${Math.round(f.duration)} ms`;
        const longestWhere = longestFrame ? `${frameAt(longestFrame)}: ${longestFrame.scripts.join('; ') || 'no script'}` : '';
        await cdp.send('HeapProfiler.collectGarbage');
        const heap = megabytes((await cdp.send('Runtime.getHeapUsage')).usedSize);
        throwOnPageErrors(launched.errors, 'the cold start');
        if (!keepOpen) await launched.context.close();
        return { marks, longest, longestWhere, heap, launched, cpuProfile };
      };
      let longestStartProfile: { longest: number; profile: Profile } | null = null;

      type Phase = {
        starts: number[];
        /** The whole list read, each run (the same as `starts` where no first screen was drawn before it). */
        wholes: number[];
        ratios: number[];
        heaps: number[];
        longest: number;
        marks: Map<string, number[]>;
        fromSnapshot: number;
        /** Runs whose list showed its snapshot's first screen before the rest was read. */
        firstScreens: number;
        /** Where the longest frame of the start with the longest task went. */
        longestWhere: string;
      };
      const phase = (): Phase => ({
        starts: [],
        wholes: [],
        ratios: [],
        heaps: [],
        longest: 0,
        longestWhere: '',
        marks: new Map(),
        fromSnapshot: 0,
        firstScreens: 0,
      });
      const before = phase();
      const after = phase();
      const bareReads: number[] = [];
      const bareOpens: number[] = [];
      const bareAsks: number[] = [];
      const inApp: number[] = [];
      for (const [which, into] of [
        ['records', before],
        ['snapshot', after],
      ] as const) {
        if (which === 'snapshot') {
          const made = await onBenchPage(() => window.careersDeskBench!.makeListSnapshot());
          if (!made) throw new Error('The pupil list snapshot was not written');
        }
        for (let i = 0; i < runs.coldStart; i++) {
          if (which === 'records') await onBenchPage(() => window.careersDeskBench!.dropListSnapshot());
          const bare = await bareOpen();
          bareReads.push(bare.read);
          bareOpens.push(bare.opened);
          bareAsks.push(bare.asked);
          const last = which === 'snapshot' && i === runs.coldStart - 1;
          const { marks, longest, longestWhere, heap, launched, cpuProfile } = await coldStart(last);
          if (longest >= into.longest) into.longestWhere = longestWhere;
          if (cpuProfile && which === 'snapshot' && longest >= (longestStartProfile?.longest ?? 0)) {
            longestStartProfile = { longest, profile: cpuProfile };
          }
          into.starts.push(marks.usableAt!);
          into.wholes.push(marks.wholeAt!);
          into.ratios.push(marks.usableAt! / bare.read);
          into.heaps.push(heap);
          into.longest = Math.max(into.longest, longest);
          if (marks.appMarks['pupil-list:from-snapshot'] !== undefined) into.fromSnapshot += 1;
          if (marks.appMarks['pupil-list:first-screen'] !== undefined) into.firstScreens += 1;
          for (const [name, at] of Object.entries(marks.appMarks)) into.marks.set(name, [...(into.marks.get(name) ?? []), at]);
          if (last) {
            // The pupil page in the app: the route change to the young person's name drawn, 50 sessions in the timeline.
            for (let n = 0; n < runs.pupilPage + runs.warmUp; n++) {
              await openMissingPupilInApp(launched.page);
              const ms = await openPupilInApp(launched.page, generated.pupilId, generated.pupilName);
              if (n >= runs.warmUp) inApp.push(ms);
            }
            throwOnPageErrors(launched.errors, 'the pupil page in the app');
            await launched.context.close();
          }
        }
      }
      if (longestStartProfile) {
        const file = join(CACHE_FOLDER, `profile-${size}-cold-start.cpuprofile`);
        await writeFile(file, JSON.stringify(longestStartProfile.profile));
        const longestMs = Math.round(longestStartProfile.longest);
        console.log(`bench: CPU profile of the cold start with the longest task (${longestMs} ms) at the ${size} size (${file}):`);
        for (const line of longestBusyStretch(longestStartProfile.profile, 25)) console.log(`  ${line}`);
      }
      // Where the time goes: the median of each app mark, from navigation start.
      const markNotes = (marks: Map<string, number[]>) =>
        Object.fromEntries([...marks].map(([name, at]) => [`${name} (ms)`, Math.round(summarise(at).median)]));
      add(
        {
          id: 'bare-open',
          label: 'bare open: a fresh launch opens the same store and reads one row (the floor)',
          notes: {
            'store asked for (median ms)': Math.round(summarise(bareAsks).median),
            'store opened (median ms)': Math.round(summarise(bareOpens).median),
          },
        },
        bareReads,
      );
      add(
        {
          id: 'cold-start',
          label: 'cold start of the built renderer to the pupil list usable, data set present (list from its snapshot: first screen)',
          notes: {
            'longest task to the whole list (ms)': Math.round(after.longest),
            'longest task, where': after.longestWhere,
            'runs from the snapshot': after.fromSnapshot,
            'runs drawing the first screen first': after.firstScreens,
            ...markNotes(after.marks),
          },
        },
        after.starts,
      );
      add({ id: 'cold-start-whole', label: 'cold start to the whole pupil list read (search ready), from its snapshot' }, after.wholes);
      add({ id: 'cold-start-ratio', label: 'cold start ÷ bare open (paired, per run)', unit: 'ratio' }, after.ratios);
      add(
        {
          id: 'cold-start-records',
          label: 'cold start with no snapshot: every record read and opened (as before round six)',
          notes: {
            'longest task (ms)': Math.round(before.longest),
            'longest task, where': before.longestWhere,
            'runs from the snapshot': before.fromSnapshot,
            ...markNotes(before.marks),
          },
        },
        before.starts,
      );
      add(
        { id: 'cold-start-records-ratio', label: 'cold start with no snapshot ÷ bare open (paired, per run)', unit: 'ratio' },
        before.ratios,
      );
      part.figures.push(
        figure(
          {
            size,
            where: 'chromium',
            unit: 'MB',
            id: 'app-heap',
            label: 'JS heap of the app after the cold start (after GC), from the snapshot',
          },
          after.heaps,
        ),
        figure(
          {
            size,
            where: 'chromium',
            unit: 'MB',
            id: 'app-heap-records',
            label: 'JS heap of the app after a cold start that read every record',
          },
          before.heaps,
        ),
      );
      add({ id: 'pupil-page-app', label: 'pupil page in the app with 50 sessions (route change to drawn)' }, inApp);
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  });
}
