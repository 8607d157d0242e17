/**
 * The PDF summary of an anonymised return: the notes on what was applied, then each measure with a
 * small bar chart of its totals and its tables. It prints only the protected figures (`shown`),
 * never the raw counts, so it carries exactly what the CSV does.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { AggregateReturn, ReturnTable } from '../returns/aggregate';
import type { ShownCell, PercentCell } from '../returns/disclosure';
import { formatUkDate } from '../academic-year';
import { PDF_FONT_FAMILY } from './fonts';

const INK = '#1b1b1b';
const BRAND = '#0b4f6c';
const BAR = '#2b6f8f';

/** A figure as printed; a row without one (never: the return builds each row whole) prints blank. */
function cellText(cell: ShownCell | PercentCell | undefined): string {
  if (cell === undefined) return '';
  return typeof cell === 'number' ? cell.toLocaleString('en-GB') : cell;
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
    stack: [
      { text: table.title, style: 'tableTitle' },
      {
        table: { headerRows: 1, dontBreakRows: true, widths: ['*', ...header.slice(1).map(() => 'auto' as const)], body },
        layout: 'lightHorizontalLines',
      },
      { ul: table.notes.map((note) => ({ text: note, fontSize: 7, color: '#4a4a4a' })), margin: [0, 3, 0, 10] },
    ],
  };
}

export function buildReturnSummaryDocument(report: AggregateReturn, options: { serviceName: string; now: string }): TDocumentDefinitions {
  const title = `Anonymised return – ${report.scopeLabel} – ${report.periodLabel}`;
  const content: Content[] = [
    { text: options.serviceName, color: BRAND, bold: true },
    { text: 'Anonymised return', style: 'title' },
    { text: `${report.scopeLabel} · ${report.periodLabel} · produced ${formatUkDate(report.producedOn)}`, margin: [0, 0, 0, 8] },
    { text: 'What was applied', style: 'heading' },
    { ul: report.notes, margin: [0, 0, 0, 8] },
  ];
  const measures = [...new Set(report.tables.map((t) => t.measureId))];
  for (const measureId of measures) {
    const tables = report.tables.filter((t) => t.measureId === measureId);
    const [first] = tables;
    if (!first) continue;
    content.push({
      text: first.title.replace(/ by .*$/, ''),
      style: 'heading',
      pageBreak: measureId === measures[0] ? undefined : 'before',
    });
    content.push({ text: 'Totals', style: 'tableTitle' }, totalsChart(first));
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
