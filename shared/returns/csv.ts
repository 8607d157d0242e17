/**
 * CSV for returns and extracts, through the app's one CSV writer (../csv.ts: a byte-order mark, CRLF
 * line ends, formulas guarded), with a notes block first. Only shown figures are written: raw counts
 * never reach this module's output.
 */
import { formatUkDate } from '../academic-year';
import { csvDocument } from '../csv';
import type { AggregateReturn } from './aggregate';
import { thresholdNote } from './disclosure';
import { EXTRACT_COLUMNS, extractRowValues, type PupilExtract } from './extract';

function header(
  title: string,
  meta: { scopeLabel: string; periodLabel: string; producedOn: string },
  extra: (string | number)[][],
): (string | number)[][] {
  return [[title], ['Scope', meta.scopeLabel], ['Period', meta.periodLabel], ...extra, ['Produced', formatUkDate(meta.producedOn)]];
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
      // Each row has its label, total and percentages (the return builds them together); a missing one is left blank.
      rows.push([table.rowLabels[r] ?? '', ...cells, table.shown.rowTotals[r] ?? '', ...table.percentages.map((p) => p.rows[r] ?? '')]);
    });
    rows.push([table.totalLabel, ...table.shown.columnTotals, table.shown.grandTotal, ...table.percentages.map((p) => p.total)]);
    for (const note of table.notes) rows.push(['Note', note]);
  }
  return csvDocument(rows);
}

/** The pseudonymised extract as CSV text: the notes block, then one row a young person. */
export function extractToCsv(extract: PupilExtract, options: { serviceName?: string } = {}): string {
  const rows: (string | number)[][] = header(
    `${options.serviceName ? `${options.serviceName}: ` : ''}Pseudonymised extract, one row a young person`,
    extract,
    [['Threshold', `Combinations shared by fewer than ${extract.threshold} young people are generalised or left out`]],
  );
  for (const note of extract.notes) rows.push(['Note', note]);
  rows.push([]);
  rows.push(EXTRACT_COLUMNS.map((c) => c.label));
  for (const row of extract.rows) rows.push(extractRowValues(row));
  return csvDocument(rows);
}
