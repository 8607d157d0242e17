// Scans the built app (out/: main, preload, renderer with its index.html) with Doyensec's
// Electronegativity, assuming the Electron version that is installed, and fails on any finding of
// MEDIUM severity or above that is not in ALLOWED below. Reports go to tests/artifacts/ (git-ignored).
//
//   node tests/support/electronegativity.mjs [--input <folder>]
//
// The scan runs offline: Electronegativity's two network look-ups (updated translations, and Electron's
// release list for its informational "security fixes available" note) are answered with an offline
// error, which it already handles. Electron's currency is checked by `npm outdated` instead.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

/**
 * Findings accepted after review. Each names the check, the built file, and a pattern that the
 * flagged source line must match, so a new call of the same kind is not waved through.
 * `why` is the one-line justification (copied into the README).
 */
const ALLOWED = [
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/main.js',
    line: /shell\.openExternal\(url\)/,
    why:
      'Both calls only ever receive URLs that passed externalUrlSchema (https only, no credentials): ' +
      'the IPC handler parses its payload with it and the navigation and window-open handlers vet with it first; ' +
      'unit tests show http, file, javascript and custom schemes never reach shell.openExternal.',
  },
];

const FAIL_AT = 2; // Electronegativity severities: INFORMATIONAL 0, LOW 1, MEDIUM 2, HIGH 3.

function argument(name, fallback) {
  const index = process.argv.indexOf(name);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const input = resolve(argument('--input', join(root, 'out')));
const artifacts = join(root, 'tests/artifacts');
const sarifPath = join(artifacts, 'electronegativity.sarif');
const jsonPath = join(artifacts, 'electronegativity-report.json');
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

// Scanning a half-built folder would pass for the wrong reason: demand all three parts.
if (input === resolve(root, 'out')) {
  const missing = ['main/main.js', 'preload/preload.js', 'renderer/index.html'].filter((f) => !existsSync(join(input, f)));
  if (missing.length > 0) {
    console.error(`electronegativity: ${missing.map((f) => `out/${f}`).join(', ')} missing; build first (npx electron-vite build).`);
    process.exit(2);
  }
} else if (!existsSync(input)) {
  console.error(`electronegativity: ${input} does not exist.`);
  process.exit(2);
}

// Electronegativity fetches with got 11. Under Node 24, got 11 mishandles a failed lookup (the socket
// reports ERR_SOCKET_CLOSED_BEFORE_CONNECTION after ENOTFOUND; got rejects on one and schedules a retry
// for the other, and the retry throws "The `onCancel` handler was attached after the promise settled"
// from a timer, killing the process; sindresorhus/got#1489). On a machine without internet that is every
// run. So the scanner gets a `got` that refuses at once, before it loads the real one.
const gotPath = createRequire(require.resolve('@doyensec/electronegativity')).resolve('got');
const offlineGot = (url) => Promise.reject(new Error(`offline scan: no request to ${url}`));
offlineGot.head = offlineGot;
const gotModule = new Module(gotPath);
gotModule.filename = gotPath;
gotModule.loaded = true;
gotModule.exports = offlineGot;
require.cache[gotPath] = gotModule;

mkdirSync(artifacts, { recursive: true });
const run = require('@doyensec/electronegativity');
const result = await run({
  input,
  output: sarifPath,
  isSarif: true,
  isRelative: true,
  customScan: [],
  excludeFromScan: [],
  parserPlugins: [],
  electronVersionOverride: electronVersion,
});

const sourceLine = (file, line) => {
  try {
    return readFileSync(join(input, file), 'utf8').split('\n')[line - 1] ?? '';
  } catch {
    return '';
  }
};

const findings = result.issues.map((issue) => ({
  id: issue.id,
  severity: issue.severity.name,
  severityValue: issue.severity.value,
  confidence: issue.confidence.name,
  file: relative(input, resolve(input, issue.file)).split('\\').join('/'),
  line: issue.location.line,
  column: issue.location.column,
  description: issue.description,
  source: sourceLine(issue.file, issue.location.line).trim().slice(0, 200),
}));

const allowedBy = (finding) => ALLOWED.find((a) => a.id === finding.id && a.file === finding.file && a.line.test(finding.source));
const serious = findings.filter((f) => f.severityValue >= FAIL_AT);
const blocking = serious.filter((f) => !allowedBy(f));
const unused = ALLOWED.filter((a) => !serious.some((f) => allowedBy(f) === a));
const parseFailures = result.errors.filter((e) => !e.tolerable);

writeFileSync(
  jsonPath,
  JSON.stringify(
    { input: relative(root, input), electronVersion, checks: result.atomicChecks + result.globalChecks, findings, parseFailures },
    null,
    2,
  ),
);

const show = (f) => `  ${f.severity.padEnd(13)} ${f.id} ${f.file}:${f.line}:${f.column} ${f.description}\n      ${f.source}`;
const checks = result.atomicChecks + result.globalChecks;
console.log(
  `electronegativity ${relative(root, input) || '.'} (Electron ${electronVersion}, ${checks} checks): ` +
    `${findings.length} findings, ${serious.length} medium or above.`,
);
for (const f of findings.filter((f) => f.severityValue < FAIL_AT)) console.log(`${show(f)}  [below the bar]`);
for (const f of serious.filter((f) => allowedBy(f))) console.log(`${show(f)}\n      allowed: ${allowedBy(f).why}`);
for (const a of unused) console.log(`  note: allow-list entry ${a.id} ${a.file} ${a.line} matched nothing; remove it if the code is gone.`);
console.log(`Reports: ${relative(root, sarifPath)}, ${relative(root, jsonPath)}`);

if (parseFailures.length > 0) {
  for (const e of parseFailures) console.error(`  could not parse ${e.file}: ${e.message}`);
  console.error('electronegativity: files could not be parsed, so they were not checked.');
  process.exit(1);
}
if (blocking.length > 0) {
  console.error(`electronegativity: ${blocking.length} finding(s) of medium severity or above are not in the allow-list:`);
  for (const f of blocking) console.error(show(f));
  process.exit(1);
}
console.log('electronegativity: no unreviewed findings of medium severity or above.');
