/**
 * What run.mjs passes to the Node (vitest) and Chromium (Playwright) parts, through the environment,
 * and where each part leaves its figures. Node only.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isSizeName, type SizeName } from './sizes';
import type { ResultPart } from './stats';

/**
 * The checkout's root, found from the working folder (npm, vitest and Playwright all run there).
 * Not import.meta: Playwright loads this file as CommonJS.
 */
function findRepoRoot(from: string): string {
  for (let folder = resolve(from); ; folder = dirname(folder)) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'careers-desk') return folder;
    if (dirname(folder) === folder) throw new Error(`Run the benchmark from inside the Careers Desk checkout (not found above ${from})`);
  }
}

export const REPO_ROOT = findRepoRoot(process.cwd());
export const BENCH_FOLDER = join(REPO_ROOT, 'tests/bench');
/** Build output and scratch files: under node_modules so git, ESLint and vitest all leave it alone. */
export const CACHE_FOLDER = resolve(REPO_ROOT, 'node_modules/.cache/careers-desk-bench');

export interface BenchEnv {
  sizes: SizeName[];
  smoke: boolean;
  /** Where this run's parts write their JSON, for run.mjs to merge. */
  partsFolder: string;
  port: number;
}

export function benchEnv(): BenchEnv {
  const smoke = process.env.BENCH_SMOKE === '1';
  const names = (process.env.BENCH_SIZES ?? (smoke ? 'smoke' : 'school,service'))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !isSizeName(n));
  if (unknown.length > 0) throw new Error(`Unknown benchmark size: ${unknown.join(', ')} (use smoke, school, service or county)`);
  return {
    sizes: names as SizeName[],
    smoke,
    partsFolder: process.env.BENCH_PARTS ?? join(CACHE_FOLDER, 'parts'),
    port: Number(process.env.BENCH_PORT ?? 4187),
  };
}

export function writePart(env: BenchEnv, part: ResultPart): string {
  mkdirSync(env.partsFolder, { recursive: true });
  const file = join(env.partsFolder, `${part.part}.json`);
  writeFileSync(file, `${JSON.stringify(part, null, 2)}\n`);
  return file;
}
