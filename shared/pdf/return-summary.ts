/**
 * The PDF summary of an anonymised return: a summary page first (the headline figures beside the same
 * period last year, and the notes on what was applied), then each measure with a small bar chart of
 * its totals and its tables. It prints only the protected figures (`shown`), never the raw counts, so
 * it carries exactly what the CSV does.
 *
 * Made to be read: each note is printed once (a note several measures share on the summary page, one
 * of a single measure under its heading), and a table is never split across pages unless it is longer
 * than a page, and then its header repeats and at least three rows go with it.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { MEASURES, type AggregateReturn, type MeasureId, type ReturnTable } from '../returns/aggregate';
import { CHANGE_NOTE, changeText, type ReturnSummary } from '../returns/summary';
import type { ShownCell, PercentCell } from '../returns/disclosure';
import { formatUkDate } from '../academic-year';
import { PDF_FONT_FAMILY } from './fonts';
import { formatNumber } from '../numbers';

const INK = '#1b1b1b';
const BRAND = '#0b4f6c';
const BAR = '#2b6f8f';

/** A figure as printed; a row without one (never: the return builds each row whole) prints blank. */
function cellText(cell: ShownCell | PercentCell | undefined): string {
  if (cell === undefined) return '';
  return typeof cell === 'number' ? formatNumber(cell) : cell;
}

/** Horizontal bars for a table's column totals; hidden figures get no bar, only their symbol. */
function totalsChart(table: ReturnTable): Content {
  const totals = table.shown.columnTotals;
  const numbers = totals.map((t) => (typeof t === 'number' ? t : 0));
  const max = Math.max(1, ...numbers);
  const width = 260;
  return {
    table: {
      widths: [170, width + 10, 40],
      body: table.columnLabels.map((label, i) => [
        { text: label, fontSize: 8 },
        { canvas: [{ type: 'rect', x: 0, y: 2, w: Math.max(0, ((numbers[i] ?? 0) / max) * width), h: 8, color: BAR }] },
        { text: cellText(totals[i]), fontSize: 8, alignment: 'right' },
      ]),
    },
    layout: 'noBorders',
    margin: [0, 2, 0, 6],
  };
}

/** Tables up to this many rows fit on a landscape page with their title, so they are kept whole. */
const WHOLE_TABLE_ROWS = 24;
/** A split table keeps at least this many body rows with its header on a page. */
const MIN_ROWS_ON_A_PAGE = 3;

function tableBlock(table: ReturnTable): Content {
  const header: TableCell[] = [table.rowHeading, ...table.columnLabels, 'Total', ...table.percentages.map((p) => p.label)].map((text) => ({
    text,
    bold: true,
    fillColor: '#e8eef2',
    fontSize: 8,
  }));
  const body: TableCell[][] = [header];
  table.shown.cells.forEach((cells, r) => {
    body.push(
      [
        table.rowLabels[r] ?? '',
        ...cells.map(cellText),
        cellText(table.shown.rowTotals[r]),
        ...table.percentages.map((p) => cellText(p.rows[r])),
      ].map((text) => ({ text, fontSize: 8 })),
    );
  });
  body.push(
    [
      table.totalLabel,
      ...table.shown.columnTotals.map(cellText),
      cellText(table.shown.grandTotal),
      ...table.percentages.map((p) => cellText(p.total)),
    ].map((text) => ({ text, fontSize: 8, bold: true })),
  );
  return {
    // A table that fits on a page moves whole to the next one rather than leave a row or two behind.
    unbreakable: body.length <= WHOLE_TABLE_ROWS,
    stack: [
      { text: table.title, style: 'tableTitle' },
      {
        table: {
          headerRows: 1,
          keepWithHeaderRows: MIN_ROWS_ON_A_PAGE,
          dontBreakRows: true,
          widths: ['*', ...header.slice(1).map(() => 'auto' as const)],
          body,
        },
        layout: 'lightHorizontalLines',
      },
    ],
    margin: [0, 0, 0, 10],
  };
}

/** The figure as printed in the summary: a percentage with its sign. */
function figureText(cell: ShownCell | PercentCell, unit: 'count' | 'percent'): string {
  return typeof cell === 'number' && unit === 'percent' ? `${cellText(cell)}%` : cellText(cell);
}

function summaryTable(report: AggregateReturn, summary: ReturnSummary): Content[] {
  const head = ['Figure', `This period (${report.periodLabel})`, `Same period last year (${summary.lastYearPeriodLabel})`, 'Change'];
  return [
    { text: 'Summary', style: 'heading' },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: ['*', 'auto', 'auto', 'auto'],
        body: [
          head.map((text) => ({ text, bold: true, fillColor: '#e8eef2', fontSize: 9 })),
          ...summary.figures.map((f) => [
            { text: f.label, fontSize: 9 },
            { text: figureText(f.current, f.unit), fontSize: 9, alignment: 'right' as const },
            { text: figureText(f.lastYear, f.unit), fontSize: 9, alignment: 'right' as const },
            { text: changeText(f), fontSize: 9, alignment: 'right' as const },
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
    },
    { text: CHANGE_NOTE, fontSize: 8, color: '#4a4a4a', margin: [0, 3, 0, 8] },
  ];
}

/**
 * Where each note is printed, once: the return's own notes and any note more than one measure
 * shares on the summary page; a note of one measure only under that measure's heading.
 */
export function notesByPlace(report: AggregateReturn): { general: string[]; byMeasure: Map<MeasureId, string[]> } {
  const measuresOf = new Map<string, Set<MeasureId>>();
  for (const table of report.tables)
    for (const note of table.notes) measuresOf.set(note, (measuresOf.get(note) ?? new Set()).add(table.measureId));
  const general = [...report.notes];
  const byMeasure = new Map<MeasureId, string[]>();
  for (const [note, measures] of measuresOf) {
    if (general.includes(note)) continue;
    const [only] = measures;
    if (measures.size > 1 || only === undefined) general.push(note);
    else byMeasure.set(only, [...(byMeasure.get(only) ?? []), note]);
  }
  return { general, byMeasure };
}

export function buildReturnSummaryDocument(report: AggregateReturn, options: { serviceName: string; now: string }): TDocumentDefinitions {
  const title = `Anonymised return – ${report.scopeLabel} – ${report.periodLabel}`;
  const notes = notesByPlace(report);
  const content: Content[] = [
    { text: options.serviceName, color: BRAND, bold: true },
    { text: 'Anonymised return', style: 'title' },
    { text: `${report.scopeLabel} · ${report.periodLabel} · produced ${formatUkDate(report.producedOn)}`, margin: [0, 0, 0, 8] },
    ...(report.summary ? summaryTable(report, report.summary) : []),
    { text: 'What was applied', style: 'heading' },
    { ul: notes.general, fontSize: 9, margin: [0, 0, 0, 8] },
  ];
  const measures = [...new Set(report.tables.map((t) => t.measureId))];
  for (const measureId of measures) {
    const tables = report.tables.filter((t) => t.measureId === measureId);
    const [first] = tables;
    if (!first) continue;
    // Every measure starts a page; the first follows the summary page.
    content.push({ text: MEASURES.find((m) => m.id === measureId)?.title ?? first.title, style: 'heading', pageBreak: 'before' });
    const own = notes.byMeasure.get(measureId) ?? [];
    if (own.length > 0) content.push({ ul: own.map((note) => ({ text: note, fontSize: 8, color: '#4a4a4a' })), margin: [0, 0, 0, 6] });
    content.push({ unbreakable: true, stack: [{ text: 'Totals', style: 'tableTitle' }, totalsChart(first)] });
    for (const table of tables) content.push(tableBlock(table));
  }
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 36, 36, 44],
    info: { title, author: options.serviceName, subject: 'Aggregate statistics with small numbers suppressed', creator: 'Careers Desk' },
    language: 'en-GB',
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: 10, color: INK, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 18, bold: true, color: BRAND, margin: [0, 2, 0, 4] },
      heading: { fontSize: 13, bold: true, color: BRAND, margin: [0, 8, 0, 4] },
      tableTitle: { fontSize: 9, bold: true, margin: [0, 4, 0, 2] },
    },
    footer: (page: number, pages: number): Content => ({
      columns: [
        { text: 'Anonymised: small numbers suppressed', fontSize: 8 },
        { text: `Produced ${formatUkDate(options.now.slice(0, 10))}`, fontSize: 8, alignment: 'center' },
        { text: `Page ${page} of ${pages}`, fontSize: 8, alignment: 'right' },
      ],
      margin: [36, 12, 36, 0],
    }),
    content,
  };
}
