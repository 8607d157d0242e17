/**
 * CSV for returns and extracts: UTF-8 with a byte-order mark so Excel reads it as UTF-8, RFC 4180
 * quoting with CRLF line ends, and a notes block first. Only shown figures are written: raw counts
 * never reach this module's output. Text that a spreadsheet would run as a formula (starting with
 * = + - @, tab or carriage return) gets a leading apostrophe.
 */
import { formatUkDate } from '../academic-year';
import type { AggregateReturn } from './aggregate';
import { thresholdNote } from './disclosure';
import { EXTRACT_COLUMNS, extractRowValues, type PupilExtract } from './extract';

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** One field: numbers as they are; text guarded against formulas and quoted when it must be. */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvRow(values: readonly (string | number)[]): string {
  return values.map(csvField).join(',');
}

function csvDocument(rows: readonly (readonly (string | number)[])[]): string {
  return BOM + rows.map(csvRow).join(CRLF) + CRLF;
}

function header(title: string, meta: { scopeLabel: string; periodLabel: string; producedOn: string }, extra: (string | number)[][]): (string | number)[][] {
  return [
    [title],
    ['Scope', meta.scopeLabel],
    ['Period', meta.periodLabel],
    ...extra,
    ['Produced', formatUkDate(meta.producedOn)],
  ];
}

/** The aggregate return as CSV text: the notes block, then each table with its totals, percentages and notes. */
export function returnToCsv(report: AggregateReturn, options: { serviceName?: string } = {}): string {
  const rows: (string | number)[][] = header(`${options.serviceName ? `${options.serviceName}: ` : ''}Anonymised return`, report, [
    ['Threshold', thresholdNote(report.threshold)],
    ['Rounding', report.roundToNearest5 ? 'Rounded to the nearest 5' : 'Not rounded'],
  ]);
  for (const note of report.notes) rows.push(['Note', note]);
  for (const table of report.tables) {
    rows.push([]);
    rows.push([table.title]);
    rows.push([table.rowHeading, ...table.columnLabels, 'Total', ...table.percentages.map((p) => p.label)]);
    table.shown.cells.forEach((cells, r) => {
      rows.push([table.rowLabels[r]!, ...cells, table.shown.rowTotals[r]!, ...table.percentages.map((p) => p.rows[r]!)]);
    });
    rows.push([table.totalLabel, ...table.shown.columnTotals, table.shown.grandTotal, ...table.percentages.map((p) => p.total)]);
    for (const note of table.notes) rows.push(['Note', note]);
  }
  return csvDocument(rows);
}

/** The pseudonymised extract as CSV text: the notes block, then one row a young person. */
export function extractToCsv(extract: PupilExtract, options: { serviceName?: string } = {}): string {
  const rows: (string | number)[][] = header(`${options.serviceName ? `${options.serviceName}: ` : ''}Pseudonymised pupil-level extract`, extract, [
    ['Threshold', `Combinations shared by fewer than ${extract.threshold} young people are generalised or left out`],
  ]);
  for (const note of extract.notes) rows.push(['Note', note]);
  rows.push([]);
  rows.push(EXTRACT_COLUMNS.map((c) => c.label));
  for (const row of extract.rows) rows.push(extractRowValues(row));
  return csvDocument(rows);
}
