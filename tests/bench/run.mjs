#!/usr/bin/env node
// npm run bench: the benchmark's Node half (vitest, vitest.bench.config.mts) and Chromium half
// (Playwright, playwright.bench.config.ts), then one table on the console and one JSON file in
// tests/bench/results/. Figures, not pass or fail: the exit code is non-zero only when a step threw.
//
//   node tests/bench/run.mjs                    "a school" and "a service"
//   node tests/bench/run.mjs --size county      "a county" (long: about a million sessions)
//   node tests/bench/run.mjs --size school,service --size county
//   node tests/bench/run.mjs --smoke            200 young people, every step once (part of the tests)
//   node tests/bench/run.mjs --only node|chromium
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '../..');
const SIZES = ['school', 'service', 'county'];

/**
 * Targets, as the issue sets them (at the service size; the school size is held to the same).
 * A figure meets its target when its p95 is under it; where only the median is, the verdict says so.
 */
const TARGETS = {
  'search-keystroke': { limit: 16, unit: 'ms', text: 'p95 < 16 ms' },
  'search-index': { limit: 16, unit: 'ms', text: 'p95 < 16 ms' },
  'pupil-page': { limit: 100, unit: 'ms', text: '< 100 ms' },
  'pupil-page-app': { limit: 100, unit: 'ms', text: '< 100 ms' },
  'match-one': { limit: 50, unit: 'ms', text: '< 50 ms' },
  'match-one-journeys': { limit: 50, unit: 'ms', text: '< 50 ms' },
  allocate: { limit: 1000, unit: 'ms', text: '< 1 s' },
  'return-aggregate': { limit: 2000, unit: 'ms', text: '< 2 s' },
  'return-extract': { limit: 2000, unit: 'ms', text: '< 2 s' },
  'pdf-one': { limit: 300, unit: 'ms', text: '< 300 ms' },
  'bulk-load-ratio': { limit: 1.5, unit: 'ratio', text: '≤ 1.5× raw' },
  'cold-start': { limit: 1500, unit: 'ms', text: '< 1.5 s' },
  'cold-start-ratio': { limit: 1.25, unit: 'ratio', text: '≤ 1.25× bare open' },
  'travel-import': { limit: 30000, unit: 'ms', text: '< 30 s' },
  'travel-journeys': { limit: 300, unit: 'ms', text: '< 300 ms' },
};
/** At the county size the app must stay usable: search p95 under 50 ms, no long task over 200 ms. */
const COUNTY_TARGETS = {
  'search-keystroke': { limit: 50, unit: 'ms', text: 'p95 < 50 ms' },
  'search-index': { limit: 50, unit: 'ms', text: 'p95 < 50 ms' },
};
const FREEZE_LIMIT_MS = 200;
/**
 * Backup, restore, merge and the demo load, and the screens' jobs (a 10,000-row import, confirming an allocation,
 * building a return and the council's files; tests/bench/data-jobs-steps.ts): held to no task over 200 ms at every size.
 */
const DATA_JOB_STEP_NAMES = [
  ...['backup', 'backup-open', 'restore', 'merge-preview', 'merge', 'demo-load'],
  ...['import-10k', 'confirm-allocation', 'return-aggregate', 'destinations-file', 'compass-figures'],
];
const DATA_JOB_STEPS = new RegExp(`^(${DATA_JOB_STEP_NAMES.join('|')})-(worker|page)$`);
/**
 * Node steps the renderer runs on its main thread: over 200 ms they would freeze the window. Matching,
 * allocation, returns and the dashboard run in Web Workers, so they are not here.
 */
const MAIN_THREAD_NODE_STEPS = new Set(['search-index', 'search-index-build-step', 'search-index-all']);

function parseArgs(argv) {
  const options = { sizes: [], smoke: false, only: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--smoke') options.smoke = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--size' || arg.startsWith('--size=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (!value) throw new Error('--size needs a value: school, service or county');
      options.sizes.push(
        ...value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      );
    } else if (arg === '--only' || arg.startsWith('--only=')) {
      options.only = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (options.only !== 'node' && options.only !== 'chromium') throw new Error('--only takes node or chromium');
    } else throw new Error(`Unknown option ${arg} (try --help)`);
  }
  const unknown = options.sizes.filter((s) => !SIZES.includes(s));
  if (unknown.length > 0) throw new Error(`Unknown size ${unknown.join(', ')}: use school, service or county`);
  if (options.smoke && options.sizes.length > 0) throw new Error('--smoke runs its own small size; leave out --size');
  if (options.sizes.length === 0) options.sizes = options.smoke ? ['smoke'] : ['school', 'service'];
  options.sizes = [...new Set(options.sizes)];
  return options;
}

function git(args) {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function run(label, command, args, env) {
  console.log(`\nbench: ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    shell: process.platform === 'win32',
  });
  const ok = result.status === 0;
  const outcome = ok ? 'finished' : `FAILED (exit ${result.status ?? result.signal})`;
  console.log(`bench: ${label} ${outcome} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ok;
}

function readPart(folder, name) {
  const file = join(folder, `${name}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

function formatValue(value, unit) {
  if (!Number.isFinite(value)) return '—';
  if (unit === 'ratio') return `${value.toFixed(2)}×`;
  if (unit === 'MB') return `${value.toFixed(1)} MB`;
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 100) return `${Math.round(value)} ms`;
  return `${value.toFixed(1)} ms`;
}

function longestTaskOf(figure) {
  const value = figure.notes?.['longest task (ms)'];
  return typeof value === 'number' ? value : null;
}

/** The verdict on one figure, or null where no target applies. */
function verdictOf(figure, smoke) {
  if (smoke) return null;
  const county = figure.size === 'county';
  const target = county ? COUNTY_TARGETS[figure.id] : TARGETS[figure.id];
  const verdicts = [];
  if (target) {
    if (figure.p95 <= target.limit) verdicts.push({ met: true, text: 'met' });
    else if (figure.median <= target.limit) verdicts.push({ met: false, text: 'MISS at p95 (median met)' });
    else verdicts.push({ met: false, text: 'MISS' });
  }
  if (county || DATA_JOB_STEPS.test(figure.id)) {
    const longest = longestTaskOf(figure);
    if (longest !== null && longest > FREEZE_LIMIT_MS) verdicts.push({ met: false, text: `FREEZE: ${longest} ms task` });
    if (figure.where === 'node' && MAIN_THREAD_NODE_STEPS.has(figure.id) && figure.p95 > FREEZE_LIMIT_MS)
      verdicts.push({ met: false, text: 'FREEZE if run on the main thread' });
  }
  if (verdicts.length === 0) return null;
  return {
    target: target?.text ?? `tasks ≤ ${FREEZE_LIMIT_MS} ms`,
    met: verdicts.every((v) => v.met),
    text: verdicts.map((v) => v.text).join('; '),
  };
}

function pad(text, width, right = false) {
  const s = String(text);
  return right ? s.padStart(width) : s.padEnd(width);
}

function printTable(figures, smoke) {
  const rows = figures.map((f) => {
    const verdict = verdictOf(f, smoke);
    const notes = Object.entries(f.notes ?? {})
      .filter(([key]) => key !== 'first queries')
      .map(([key, value]) => `${key}: ${value}`)
      .join('; ');
    return [
      f.size,
      f.id,
      f.where,
      formatValue(f.median, f.unit),
      formatValue(f.p95, f.unit),
      String(f.runs),
      verdict?.target ?? '',
      verdict?.text ?? '',
      notes,
    ];
  });
  const header = ['size', 'step', 'where', 'median', 'p95', 'runs', 'target', 'verdict', 'notes'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  widths[8] = Math.min(widths[8], 90);
  const line = (cells) =>
    cells.map((c, i) => pad(i === 8 && c.length > 90 ? `${c.slice(0, 87)}...` : c, widths[i], i >= 3 && i <= 5)).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
}

function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`bench: ${error.message}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(
      readFileSync(fileURLToPath(import.meta.url), 'utf8')
        .split('\n')
        .slice(1, 11)
        .map((l) => l.replace(/^\/\/ ?/, ''))
        .join('\n'),
    );
    return;
  }

  const stamp = new Date();
  const parts = join(ROOT, 'node_modules/.cache/careers-desk-bench', `parts-${process.pid}`);
  rmSync(parts, { recursive: true, force: true });
  mkdirSync(parts, { recursive: true });
  const env = { BENCH_SIZES: options.sizes.join(','), BENCH_SMOKE: options.smoke ? '1' : '0', BENCH_PARTS: parts };
  const what = options.smoke ? 'smoke run (200 young people, each step once)' : `sizes ${options.sizes.join(', ')}`;
  console.log(`bench: ${what} on ${os.cpus().length} CPUs; figures are noisy when other work shares the machine.`);

  const outcomes = {};
  if (options.only !== 'chromium') {
    outcomes.node = run('Node part', 'npx', ['--no-install', 'vitest', 'run', '--config', 'vitest.bench.config.mts'], env);
  }
  if (options.only !== 'node') {
    outcomes.chromiumBrowser = run('browser check', process.execPath, [join(ROOT, 'tests/support/ensure-browser.mjs')], {});
    outcomes.chromium = run('Chromium part', 'npx', ['--no-install', 'playwright', 'test', '--config', 'playwright.bench.config.ts'], env);
  }

  const nodeMain = readPart(parts, 'node');
  // The travel benchmark (travel.bench.ts) runs in the same vitest run and writes its own part.
  const travel = readPart(parts, 'travel');
  const node =
    nodeMain || travel
      ? {
          ...(nodeMain ?? {}),
          figures: [...(nodeMain?.figures ?? []), ...(travel?.figures ?? [])],
          datasets: { ...(nodeMain?.datasets ?? {}), ...(travel?.datasets ?? {}) },
          notMeasured: [...(nodeMain?.notMeasured ?? []), ...(travel?.notMeasured ?? [])],
        }
      : null;
  const chromium = readPart(parts, 'chromium');
  rmSync(parts, { recursive: true, force: true });
  const order = ['smoke', 'school', 'service', 'county', 'any'];
  const figures = [...(chromium?.figures ?? []), ...(node?.figures ?? [])].sort((a, b) => order.indexOf(a.size) - order.indexOf(b.size));
  const commit = git(['rev-parse', 'HEAD']);
  const dirty = git(['status', '--porcelain']);
  const result = {
    date: stamp.toISOString(),
    commit,
    uncommittedChanges: dirty === null ? null : dirty.length > 0,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.platform()} ${os.release()}`,
      loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    },
    versions: { node: process.version, ...(node?.environment ?? {}), ...(chromium?.environment ?? {}) },
    smoke: options.smoke,
    sizes: options.sizes,
    datasets: { ...(chromium?.datasets ?? {}), ...(node?.datasets ?? {}) },
    targets: { all: TARGETS, county: COUNTY_TARGETS, freezeLimitMs: FREEZE_LIMIT_MS },
    figures: figures.map((f) => ({ ...f, verdict: verdictOf(f, options.smoke) })),
    notMeasured: [...(node?.notMeasured ?? []), ...(chromium?.notMeasured ?? [])],
    failedParts: Object.entries(outcomes)
      .filter(([, ok]) => !ok)
      .map(([name]) => name),
  };

  printTable(figures, options.smoke);
  for (const [size, counts] of Object.entries(result.datasets)) {
    console.log(
      `data set ${size}: ${Object.entries(counts)
        .map(([k, v]) => `${Number(v).toLocaleString('en-GB')} ${k}`)
        .join(', ')}`,
    );
  }
  for (const gap of result.notMeasured) console.log(`not measured (${gap.size}) ${gap.id}: ${gap.why}`);
  const misses = result.figures.filter((f) => f.verdict && !f.verdict.met);
  if (misses.length > 0)
    console.log(
      `\n${misses.length} figure(s) miss their target (reported, not failed): ${misses.map((f) => `${f.size}/${f.id}`).join(', ')}`,
    );

  const resultsFolder = join(BENCH, 'results');
  mkdirSync(resultsFolder, { recursive: true });
  const name = options.smoke ? 'smoke-latest.json' : `${stamp.toISOString().replace(/[:.]/g, '-')}-${(commit ?? 'nogit').slice(0, 8)}.json`;
  const file = join(resultsFolder, name);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  const changes = result.uncommittedChanges ? ' with uncommitted changes' : '';
  console.log(
    `\nbench: ${os.cpus().length} CPUs, load average ${result.machine.loadAverage.join(' ')}, ` +
      `commit ${(commit ?? 'unknown').slice(0, 8)}${changes}; JSON in ${relative(ROOT, file)}`,
  );

  const failed = result.failedParts;
  if (failed.length > 0 || (options.only !== 'chromium' && !node) || (options.only !== 'node' && !chromium)) {
    console.error(`bench: a step threw (${failed.join(', ') || 'a part wrote no figures'}); see the output above.`);
    process.exit(1);
  }
}

main();
