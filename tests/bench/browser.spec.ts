/**
 * The Chromium half of `npm run bench` (Playwright with playwright.bench.config.ts): real IndexedDB,
 * the renderer's own database code on the bench page, and the built renderer for the cold start.
 * Figures, not pass or fail: a test here fails only when a step throws.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test, chromium, type BrowserContext, type Page } from '@playwright/test';
import type {} from './page/api';
import { figure, megabytes, summarise, type Figure, type ResultPart } from './stats';
import { runCounts, type SizeName } from './sizes';
import { CACHE_FOLDER, benchEnv, writePart } from './env';
import { measureDataJobs } from './data-jobs-steps';

const env = benchEnv();
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

interface ColdStartMarks {
  usableAt: number | null;
  /** The app's own user-timing marks (renderer/src/db/pupil-list.ts), ms from navigation start. */
  appMarks: Record<string, number>;
  longTasks: { start: number; duration: number }[];
}

/**
 * Installed before the app's own scripts: records when the pupil list is first usable (the count
 * of matching young people shown, at least one row drawn, the search box there) at the next frame,
 * and every long task.
 */
function watchColdStart(): void {
  const marks: ColdStartMarks = { usableAt: null, appMarks: {}, longTasks: [] };
  (window as unknown as { __benchColdStart: ColdStartMarks }).__benchColdStart = marks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) marks.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const usable = () => {
    const count = document.querySelector('[data-testid="pupil-count"]')?.textContent ?? '';
    return (
      /\d young (people|person) match/.test(count) &&
      document.querySelector('.pupil-row') !== null &&
      document.querySelector('[data-testid="pupil-search"]') !== null
    );
  };
  const watcher = new MutationObserver(() => {
    if (!usable()) return;
    watcher.disconnect();
    requestAnimationFrame(() => {
      marks.usableAt = performance.now();
      for (const mark of performance.getEntriesByType('mark')) marks.appMarks[mark.name] ??= mark.startTime;
    });
  });
  watcher.observe(document, { subtree: true, childList: true, characterData: true });
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
    const add = (f: FigureInput, samples: number[]) => part.figures.push(figure({ size, where: 'chromium', unit: 'ms', ...f }, samples));
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

      // At the county size 1.3 million puts issued at once stalled Chromium (twice, 20 minutes and more),
      // so there the raw puts go 2,000 at a time, as the app's own load does: still one transaction.
      const rawSlice = size === 'county' ? 2000 : null;
      const raw: number[] = [];
      const ours: number[] = [];
      let longestLoadTask = 0;
      for (let i = 0; i < runs.bulkLoad; i++) {
        // Alternate which goes first; the app's load goes last in the final run so its data stays.
        const rawFirst = i % 2 === 0 || i === runs.bulkLoad - 1;
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

      const search = await page.evaluate(([count, warmUp]) => window.careersDeskBench!.search(count, warmUp), [
        runs.searchQueries,
        runs.warmUp * 3,
      ] as const);
      add(
        {
          id: 'search-keystroke',
          label: `search as you type: findPupils per keystroke, ${runs.searchQueries} prefixes of real names`,
          notes: {
            'average matches': search.averageResults,
            'longest task (ms)': search.longestTaskMs,
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

      // Encryption's cost, side by side: the records' part of a start, then the same steps without encryption.
      const openRuns = Math.max(1, Math.min(runs.coldStart, 5));
      const openSealed: number[] = [];
      for (let i = 0; i < openRuns; i++) openSealed.push((await page.evaluate(() => window.careersDeskBench!.openAndList())).ms);
      add({ id: 'open-list', label: 'open the database and read the whole pupil list into its index (sealed)' }, openSealed);
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

      await measureDataJobs(page, size, add);

      await page.evaluate(() => window.careersDeskBench!.finish());
      throwOnPageErrors(errors, 'the bench page steps');
      await context.close();

      // 2. Cold start: a fresh launch on the filled profile, straight to the pupil list.
      const starts: number[] = [];
      const heaps: number[] = [];
      let longestStartTask = 0;
      const appMarks = new Map<string, number[]>();
      const inApp: number[] = [];
      for (let i = 0; i < runs.coldStart; i++) {
        const launched = await launch(profile);
        await launched.page.addInitScript(watchColdStart);
        const cdp = await launched.context.newCDPSession(launched.page);
        await launched.page.goto(`${BASE}index.html#/pupils`);
        await launched.page.waitForFunction(
          () => (window as unknown as { __benchColdStart: ColdStartMarks }).__benchColdStart.usableAt !== null,
          undefined,
          { polling: 50, timeout: 0 },
        );
        const marks = await launched.page.evaluate(() => (window as unknown as { __benchColdStart: ColdStartMarks }).__benchColdStart);
        starts.push(marks.usableAt!);
        for (const [name, at] of Object.entries(marks.appMarks)) appMarks.set(name, [...(appMarks.get(name) ?? []), at]);
        longestStartTask = Math.max(
          longestStartTask,
          ...marks.longTasks.filter((t) => t.start < marks.usableAt!).map((t) => t.duration),
          0,
        );
        await cdp.send('HeapProfiler.collectGarbage');
        heaps.push(megabytes((await cdp.send('Runtime.getHeapUsage')).usedSize));

        if (i === runs.coldStart - 1) {
          // The pupil page in the app: the route change to the young person's name drawn, 50 sessions in the timeline.
          for (let n = 0; n < runs.pupilPage + runs.warmUp; n++) {
            await openMissingPupilInApp(launched.page);
            const ms = await openPupilInApp(launched.page, generated.pupilId, generated.pupilName);
            if (n >= runs.warmUp) inApp.push(ms);
          }
        }
        throwOnPageErrors(launched.errors, 'the cold start');
        await launched.context.close();
      }
      // Where the time goes: the median of each app mark, from navigation start.
      const markNotes = Object.fromEntries([...appMarks].map(([name, at]) => [`${name} (ms)`, Math.round(summarise(at).median)]));
      add(
        {
          id: 'cold-start',
          label: 'cold start of the built renderer to the pupil list usable, data set present',
          notes: { 'longest task (ms)': Math.round(longestStartTask), ...markNotes },
        },
        starts,
      );
      part.figures.push(
        figure({ size, where: 'chromium', unit: 'MB', id: 'app-heap', label: 'JS heap of the app after the cold start (after GC)' }, heaps),
      );
      add({ id: 'pupil-page-app', label: 'pupil page in the app with 50 sessions (route change to drawn)' }, inApp);
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  });
}
