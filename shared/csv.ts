/**
 * The one CSV writer: every CSV the app saves (returns, the pseudonymised extract, the audit log)
 * is written here. papaparse does the quoting (commas, quotes, new lines, leading or trailing
 * spaces) and the CRLF line ends; a byte-order mark in front makes Excel read the file as UTF-8.
 *
 * Text a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) gets a
 * leading apostrophe. The guard is ours rather than papaparse's `escapeFormulae: true`, for two
 * reasons: its pattern, /^[=+\-@\t\r].*$/, misses a value with a new line in it (`.` stops at the
 * line end, so "=1+1\nx" would reach the file live), and it always quotes what it escapes, where
 * this writer quotes only what must be quoted ('+44 7700 900000 is written without quotes).
 * Numbers are never guarded: -3 is a number, and stays one.
 */
import Papa from 'papaparse';

/** What a cell may hold: numbers stay numbers, booleans read Yes or No, nothing is an empty cell. */
export type CsvValue = string | number | boolean | null | undefined;

const BOM = '\uFEFF';
const CRLF = '\r\n';
/** The characters that make Excel, LibreOffice or Google Sheets read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as papaparse should write it: text guarded against formulas, other values made plain. */
function cellOf(value: CsvValue): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function unparse(rows: readonly (readonly CsvValue[])[]): string {
  return Papa.unparse(
    rows.map((row) => row.map(cellOf)),
    { newline: CRLF, quotes: false },
  );
}

/** One cell as it is written into a CSV file: guarded, and quoted only when it must be. */
export function csvField(value: CsvValue): string {
  return unparse([[value]]);
}

/** A CSV document Excel opens as UTF-8: a byte-order mark, then rows with CRLF line ends (the last one too). */
export function csvDocument(rows: readonly (readonly CsvValue[])[]): string {
  return BOM + unparse(rows) + CRLF;
}
