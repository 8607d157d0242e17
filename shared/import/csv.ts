/**
 * Reading CSV files exported from a school MIS (writing is ../csv.ts): the bytes are
 * decoded (UTF-8 with or without a byte-order mark, UTF-16, or Windows-1252 as older exports
 * use), then papaparse splits them into records, which copes with quoted values holding commas,
 * quotes and new lines, and with Windows line ends. Problems are values with a row number.
 */
import Papa from 'papaparse';
import type { Problem } from '../model/problems';
import { formatNumber } from '../numbers';

/** Bigger than any one school's export; a file over this is almost certainly not a pupil list. */
export const MAX_CSV_BYTES = 50 * 1024 * 1024;
/** Rows beyond this are refused rather than imported slowly: split the file. */
export const MAX_CSV_ROWS = 50_000;

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; problems: Problem[] };

function fileProblem(message: string): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ field: 'file', message }] };
}

/** The file's bytes as text, with any byte-order mark removed. */
export function decodeCsvBytes(bytes: Uint8Array): Decoded {
  if (bytes.byteLength === 0) return fileProblem('The file is empty.');
  if (bytes.byteLength > MAX_CSV_BYTES)
    return fileProblem(`The file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB: export one school or year group at a time.`);
  let text: string;
  let encoding: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    encoding = 'UTF-16';
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    encoding = 'UTF-16';
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
      encoding = 'UTF-8';
    } catch {
      // Not valid UTF-8: older MIS exports are Windows-1252 (Excel's "CSV" on Windows).
      text = new TextDecoder('windows-1252').decode(bytes);
      encoding = 'Windows-1252';
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000'))
    return fileProblem('This does not look like a CSV file: it holds binary data. Export the list from the MIS as CSV.');
  if (text.trim() === '') return fileProblem('The file is empty.');
  return { ok: true, text, encoding };
}

export interface ParsedCsv {
  /** Column headings as written (trimmed); a blank heading reads "Column 4". */
  headers: string[];
  /** Data records with their row number as a spreadsheet shows it (the heading is row 1). */
  records: { row: number; cells: string[] }[];
  /** Problems with one record (an unclosed quote, too many or too few values). */
  problems: Problem[];
  /** The separator papaparse found: a comma, or a tab or semicolon in some exports. */
  delimiter: string;
}

export type ParsedCsvResult = { ok: true; value: ParsedCsv } | { ok: false; problems: Problem[] };

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/**
 * Splits CSV text into a heading row and records. Row numbers count records as a spreadsheet
 * does (a value with a new line inside quotes stays one row); blank rows are passed over but
 * keep their number, so "row 12" is row 12 when the file is opened in Excel.
 */
export function parseCsv(text: string): ParsedCsvResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const result = Papa.parse<string[]>(source, { header: false, skipEmptyLines: false, delimitersToGuess: [',', '\t', ';', '|'] });
  const rows = result.data;
  const headerIndex = rows.findIndex((cells) => Array.isArray(cells) && !isBlank(cells));
  const headerCells = rows[headerIndex];
  if (!headerCells) return fileProblem('The file has no rows.');
  const headers = headerCells.map((cell, index) => cell.trim() || `Column ${index + 1}`);
  if (headers.length < 2) {
    return fileProblem(
      'The file has only one column: it may use a separator Careers Desk does not recognise. ' +
        'Export it from the MIS as CSV (comma separated).',
    );
  }

  const problems: Problem[] = [];
  const quoteErrors = new Map<number, string>();
  for (const error of result.errors) {
    if (error.type === 'Quotes' && typeof error.row === 'number')
      quoteErrors.set(error.row, 'A quoted value is not closed: a " is missing, so the rest of the file may have been read as one value.');
  }

  const records: ParsedCsv['records'] = [];
  for (let index = headerIndex + 1; index < rows.length; index++) {
    const cells = rows[index];
    if (!cells || isBlank(cells)) continue;
    const row = index + 1;
    const quoteError = quoteErrors.get(index);
    if (quoteError) problems.push({ row, field: 'row', message: quoteError });
    else if (cells.length !== headers.length) {
      // Trailing empty values are what some exports leave off or add; anything else is a broken row.
      const trimmed = cells.length > headers.length && cells.slice(headers.length).every((c) => c.trim() === '');
      if (!trimmed) {
        problems.push({
          row,
          field: 'row',
          message:
            `This row has ${cells.length} values but there are ${headers.length} columns: ` +
            'check for a stray comma or an unclosed quote.',
        });
      }
    }
    records.push({ row, cells: headers.map((_, column) => cells[column] ?? '') });
    if (records.length > MAX_CSV_ROWS)
      return fileProblem(`The file has more than ${formatNumber(MAX_CSV_ROWS)} rows: split it into smaller files.`);
  }
  if (records.length === 0) return fileProblem('The file has a heading row but no rows under it.');
  return { ok: true, value: { headers, records, problems, delimiter: result.meta.delimiter } };
}
