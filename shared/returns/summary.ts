/**
 * The return's summary: its headline figures beside the same period one year earlier. Last year's
 * return is built from the same stored facts by the same builder with the period moved back a year
 * (year groups as at the end of that period), so each figure has passed its own return's disclosure
 * control. A change is shown only where both figures are: a change worked out from a hidden figure
 * would give it away.
 */
import { buildAggregateReturn, type AggregateReturn, type MeasureId } from './aggregate';
import { NOT_APPLICABLE, type PercentCell, type ShownCell } from './disclosure';
import { type ReturnOptions, type ReturnPeriod, type ReturnSource } from './scope';
import { formatNumber } from '../numbers';

export interface HeadlineFigure {
  id: string;
  label: string;
  unit: 'count' | 'percent';
  current: ShownCell | PercentCell;
  lastYear: ShownCell | PercentCell;
  /** This period less last year's (percentage points for a percentage); null where either figure is not a number. */
  change: number | null;
}

export interface ReturnSummary {
  lastYearPeriod: ReturnPeriod;
  lastYearPeriodLabel: string;
  figures: HeadlineFigure[];
}

export const CHANGE_NOTE =
  'Last year is the same period one year earlier, counted the same way. ' +
  'No change is shown where either figure is hidden or not applicable.';

/** The same dates `years` earlier (or later); 29 February becomes the 28th in a year without one. */
export function shiftPeriodByYears(period: ReturnPeriod, years: number): ReturnPeriod {
  const shift = (iso: string): string => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    const year = y + years;
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const day = m === 2 && d === 29 && !leap ? 28 : d;
    return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  };
  return { start: shift(period.start), end: shift(period.end) };
}

/** Measures whose total is a headline, in the words of the summary. */
const TOTAL_HEADLINES: Partial<Record<MeasureId, string>> = {
  caseload: 'Young people on the caseload',
  sessions: 'Guidance sessions',
  placements: 'Work-experience placements',
};

/** The headline figures of one return: the totals above and every measure's overall percentages. */
export function headlineFigures(
  report: AggregateReturn,
): { id: string; label: string; unit: 'count' | 'percent'; value: ShownCell | PercentCell }[] {
  const figures: { id: string; label: string; unit: 'count' | 'percent'; value: ShownCell | PercentCell }[] = [];
  const seen = new Set<MeasureId>();
  for (const table of report.tables) {
    // Every table of a measure carries the same totals (the figures share one key), so the first will do.
    if (seen.has(table.measureId)) continue;
    seen.add(table.measureId);
    const total = TOTAL_HEADLINES[table.measureId];
    if (total) figures.push({ id: `${table.measureId}-total`, label: total, unit: 'count', value: table.shown.grandTotal });
    for (const p of table.percentages) figures.push({ id: `${table.measureId}-${p.id}`, label: p.label, unit: 'percent', value: p.total });
  }
  return figures;
}

/** Each headline figure of `current` with last year's and the change. */
export function compareWithLastYear(current: AggregateReturn, lastYear: AggregateReturn): ReturnSummary {
  const before = new Map(headlineFigures(lastYear).map((f) => [f.id, f.value]));
  return {
    lastYearPeriod: lastYear.period,
    lastYearPeriodLabel: lastYear.periodLabel,
    figures: headlineFigures(current).map((f) => {
      const last = before.get(f.id) ?? NOT_APPLICABLE;
      const change = typeof f.value === 'number' && typeof last === 'number' ? Math.round((f.value - last) * 10) / 10 : null;
      return { id: f.id, label: f.label, unit: f.unit, current: f.value, lastYear: last, change };
    }),
  };
}

/** The return with its summary: the same options for the same period one year earlier. */
export function buildAggregateReturnWithSummary(source: ReturnSource, options: ReturnOptions): AggregateReturn {
  const current = buildAggregateReturn(source, options);
  const lastYear = buildAggregateReturn(source, { ...options, period: shiftPeriodByYears(options.period, -1) });
  return { ...current, summary: compareWithLastYear(current, lastYear) };
}

/** A change as printed: a sign, and "pp" (percentage points) for a percentage; a dash where none is shown. */
export function changeText(figure: Pick<HeadlineFigure, 'change' | 'unit'>): string {
  if (figure.change === null) return '–';
  const sign = figure.change > 0 ? '+' : figure.change < 0 ? '−' : '';
  const size = formatNumber(Math.abs(figure.change));
  return `${sign}${size}${figure.unit === 'percent' ? ' pp' : ''}`;
}
