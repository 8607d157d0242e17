/**
 * Chart.js set up for the dashboard: only the pieces a bar chart needs are registered (so the rest
 * of the library is left out of the build), and one look for every chart.
 *
 * Colours are from the Okabe–Ito palette, which reads for the common forms of colour blindness,
 * and each has at least 3:1 contrast with the white page. Colour never carries meaning alone: a
 * split bar's second part is also hatched, the legend and axes name every part, and the table
 * beneath gives every figure in words.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ActiveElement,
  type ChartData,
  type ChartEvent,
  type ChartOptions,
} from 'chart.js';
import { groupTotal, sharePercent, type DashboardSeries } from '@shared/dashboard';
import { formatNumber } from '@shared/numbers';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** Blue (5.2:1 on white) and vermilion (4.0:1). */
const COLOURS = ['#0072B2', '#D55E00'] as const;
const INK = '#1b1b1b';
const GRID = '#c9cdd3';
const FONT = { family: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif", size: 13 };

let hatched: CanvasPattern | null = null;

/** Vermilion with pale diagonal stripes, so the second part of a bar differs in texture as well as colour. */
function hatchedFill(): CanvasPattern | string {
  if (hatched) return hatched;
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const context = tile.getContext('2d');
  if (!context) return COLOURS[1];
  context.fillStyle = COLOURS[1];
  context.fillRect(0, 0, 8, 8);
  context.strokeStyle = 'rgba(255, 255, 255, 0.75)';
  context.lineWidth = 2;
  context.beginPath();
  context.moveTo(0, 8);
  context.lineTo(8, 0);
  context.moveTo(-2, 2);
  context.lineTo(2, -2);
  context.moveTo(6, 10);
  context.lineTo(10, 6);
  context.stroke();
  hatched = context.createPattern(tile, 'repeat');
  return hatched ?? COLOURS[1];
}

/** What a bar's length is: the count, or for a split bar of young people the share of its group. */
function valueOf(series: DashboardSeries, group: number, segment: number): number {
  const count = series.cells[group]?.[segment]?.count ?? 0;
  if (series.shareOf === null) return count;
  const total = groupTotal(series, group);
  return total === 0 ? 0 : (100 * count) / total;
}

export function chartData(series: DashboardSeries): ChartData<'bar'> {
  return {
    labels: series.groups.map((g) => g.axisLabel),
    datasets: series.segments.map((segment, s) => ({
      label: segment.label,
      data: series.groups.map((_g, g) => valueOf(series, g, s)),
      backgroundColor: s === 0 ? COLOURS[0] : hatchedFill(),
      borderColor: '#ffffff',
      borderWidth: series.segments.length > 1 ? 1 : 0,
      stack: 'bars',
    })),
  };
}

export function chartHeight(series: DashboardSeries): string {
  if (series.orientation === 'horizontal') return `${Math.max(12, series.groups.length * 2.4 + 4)}rem`;
  return '18rem';
}

/** Options for a series; `select` hears which bar (group) and part of it (segment) was clicked. */
export function chartOptions(series: DashboardSeries, select: (group: number, segment: number) => void): ChartOptions<'bar'> {
  const shares = series.shareOf !== null;
  const stacked = series.segments.length > 1;
  const valueAxis = {
    stacked,
    beginAtZero: true,
    max: shares ? 100 : undefined,
    ticks: { color: INK, font: FONT, precision: 0, callback: shares ? (value: string | number) => `${value}%` : undefined },
    grid: { color: GRID },
    title: { display: true, color: INK, font: FONT, text: shares ? `% of ${series.countLabel.toLowerCase()}` : series.countLabel },
  };
  const groupAxis = {
    stacked,
    ticks: { color: INK, font: FONT, autoSkip: false },
    grid: { display: false },
    title: { display: true, color: INK, font: FONT, text: series.groupLabel },
  };
  const horizontal = series.orientation === 'horizontal';
  return {
    indexAxis: horizontal ? 'y' : 'x',
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'nearest', intersect: true },
    scales: horizontal ? { x: valueAxis, y: groupAxis } : { x: groupAxis, y: valueAxis },
    plugins: {
      legend: { display: stacked, position: 'bottom', labels: { color: INK, font: FONT } },
      tooltip: {
        callbacks: {
          label: (item) => {
            const cell = series.cells[item.dataIndex]?.[item.datasetIndex];
            if (!cell) return '';
            const label = series.segments[item.datasetIndex]?.label ?? '';
            if (!shares) return `${label}: ${formatNumber(cell.count)}`;
            const total = formatNumber(groupTotal(series, item.dataIndex));
            const percent = sharePercent(series, item.dataIndex, item.datasetIndex) ?? 0;
            return `${label}: ${formatNumber(cell.count)} of ${total} (${percent}%)`;
          },
        },
      },
    },
    onClick: (_event: ChartEvent, elements: ActiveElement[]) => {
      const hit = elements[0];
      if (hit) select(hit.index, hit.datasetIndex);
    },
    onHover: (event: ChartEvent, elements: ActiveElement[]) => {
      const target = event.native?.target;
      if (target instanceof HTMLElement) target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
    },
  };
}
