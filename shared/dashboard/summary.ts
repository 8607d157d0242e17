/**
 * Words for the dashboard's charts: the name of each category, totals and shares, and the one-line
 * summary a screen reader hears for the chart as a whole.
 */
import type { DashboardSeries } from './series';
import { formatNumber } from '../numbers';

/** The figure a bar or a part of a bar shows, in words: "Year 11: Not yet", "March 2027". */
export function categoryLabel(series: DashboardSeries, group: number, segment: number): string {
  const groupLabel = series.groups[group]?.label ?? '';
  if (series.segments.length === 1) return groupLabel;
  return `${groupLabel}: ${series.segments[segment]?.label ?? ''}`;
}

export function groupTotal(series: DashboardSeries, group: number): number {
  return (series.cells[group] ?? []).reduce((sum, cell) => sum + cell.count, 0);
}

export function seriesTotal(series: DashboardSeries): number {
  return series.groups.reduce((sum, _g, i) => sum + groupTotal(series, i), 0);
}

/**
 * Whether the groups' figures may be added up: false when the groups are measured against different
 * expectations (Benchmark 8 asks one meeting by 16 of Year 11 but two by 18 of Year 13), where a total
 * row would add "had the meetings expected" across different measures.
 */
export function groupsShareOneMeasure(series: DashboardSeries): boolean {
  return new Set(series.groups.map((group) => group.note ?? '')).size <= 1;
}

/** A whole-number percentage of the group (null for an empty group). */
export function sharePercent(series: DashboardSeries, group: number, segment: number): number | null {
  const total = groupTotal(series, group);
  if (total === 0) return null;
  return Math.round((100 * (series.cells[group]?.[segment]?.count ?? 0)) / total);
}

function plural(count: number, one: string, many: string): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

const UNIT_WORDS = {
  session: ['session', 'sessions'],
  pupil: ['young person', 'young people'],
  placement: ['placement', 'placements'],
} as const;

export function countWords(series: Pick<DashboardSeries, 'unit'>, count: number): string {
  const [one, many] = UNIT_WORDS[series.unit];
  return plural(count, one, many);
}

/** "Show the 12 young people": the words of the button that lists the people behind a figure. */
export function showPupilsWords(count: number): string {
  return count === 1 ? 'Show the young person' : `Show the ${formatNumber(count)} young people`;
}

/** What the chart shows, as a sentence: the accessible name of its canvas. */
export function summariseSeries(series: DashboardSeries): string {
  const total = seriesTotal(series);
  if (series.groups.length === 0 || total === 0) return `Bar chart: ${series.title}. Nothing to show for this period and scope.`;
  if (series.shareOf !== null) {
    const segment = series.shareOf;
    const what = series.segments[segment]?.label ?? '';
    const parts = series.groups.map((g, i) => {
      const groupCount = groupTotal(series, i);
      if (groupCount === 0) return `${g.label}: no young people`;
      return `${g.label}: ${series.cells[i]?.[segment]?.count ?? 0} of ${groupCount} (${sharePercent(series, i, segment)}%)`;
    });
    return `Stacked bar chart: ${series.title}. ${what}, by ${series.groupLabel.toLowerCase()}: ${parts.join('; ')}.`;
  }
  const parts = series.groups.map((g, i) => `${g.label} ${series.cells[i]?.[0]?.count ?? 0}`);
  return `Bar chart: ${series.title}. ${parts.join(', ')}. Total ${countWords(series, total)}.`;
}
