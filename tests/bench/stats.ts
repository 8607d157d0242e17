/**
 * Figures: timings summarised as median, 95th percentile and runs, and the record each part of the
 * benchmark writes. Browser-safe.
 */

export interface Figure {
  /** Which size it was measured at, or 'any' for inputs that do not grow with the caseload. */
  size: string;
  /** A stable id, e.g. 'search-keystroke'; the README's target table uses the same ids. */
  id: string;
  /** What was measured, in words. */
  label: string;
  where: 'chromium' | 'node';
  unit: 'ms' | 'MB' | 'ratio';
  median: number;
  p95: number;
  min: number;
  max: number;
  runs: number;
  /** Anything else worth printing beside the figure: heap after load, longest task, counts. */
  notes?: Record<string, string | number>;
}

export interface ResultPart {
  part: 'node' | 'chromium' | 'travel';
  figures: Figure[];
  /** Record counts of the data set at each size. */
  datasets: Record<string, Record<string, number>>;
  /** Steps that could not be measured, with why. */
  notMeasured: { size: string; id: string; why: string }[];
  /** Versions and the like, e.g. the Chromium user agent. */
  environment?: Record<string, string>;
}

/** Nearest-rank percentile of already sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarise(samples: readonly number[]): Pick<Figure, 'median' | 'p95' | 'min' | 'max' | 'runs'> {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median =
    sorted.length === 0 ? Number.NaN : sorted.length % 2 === 1 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {
    median,
    p95: percentile(sorted, 95),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    runs: sorted.length,
  };
}

export function figure(base: Omit<Figure, 'median' | 'p95' | 'min' | 'max' | 'runs'>, samples: readonly number[]): Figure {
  return { ...base, ...summarise(samples) };
}

export function megabytes(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}
