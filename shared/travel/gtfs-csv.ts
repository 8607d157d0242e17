/**
 * Reading one GTFS text file (CSV) with the line each record starts on, so that every problem can
 * say "stop_times.txt line 48". Hand-written rather than papaparse because a feed's stop_times.txt
 * runs to millions of records: this reader hands each record to a callback as it goes (no array of
 * every row kept), and counts physical lines, which papaparse does not report. Quoted values with
 * commas, doubled quotes and new lines are read as RFC 4180 says; a byte-order mark is dropped.
 */

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

export interface GtfsCsvHeader {
  /** Column names as written, trimmed. */
  names: string[];
  /** The index of a column, or -1 when the file has no such column. */
  indexOf(name: string): number;
}

export type GtfsRecordHandler = (values: string[], line: number) => void;

function headerOf(names: string[]): GtfsCsvHeader {
  return { names, indexOf: (name) => names.indexOf(name) };
}

/**
 * Reads the header line and passes it to `begin`, which returns the handler for the records (or null
 * to stop, when a column it needs is missing). The handler gets each record's trimmed values and its
 * 1-based line number (the header is line 1). Blank lines are passed over. `onProgress` gets the
 * fraction of the text read, now and then. Returns the header (no names when the file is empty).
 */
export function readGtfsCsv(
  text: string,
  begin: (header: GtfsCsvHeader) => GtfsRecordHandler | null,
  onProgress?: (fraction: number) => void,
): GtfsCsvHeader {
  const length = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let header: GtfsCsvHeader | null = null;
  let onRecord: GtfsRecordHandler | null = null;
  let nextProgress = 1 << 20;

  while (pos < length) {
    const recordLine = line;
    const values: string[] = [];
    // One record: values up to the end of a line that is not inside quotes.
    for (;;) {
      let value: string;
      if (text.charCodeAt(pos) === QUOTE) {
        let out = '';
        let from = pos + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0) {
            // An unclosed quote: the rest of the file is the value, as spreadsheets read it.
            out += text.slice(from);
            pos = length;
            break;
          }
          out += text.slice(from, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            out += '"';
            from = close + 2;
            continue;
          }
          pos = close + 1;
          break;
        }
        for (let i = 0; i < out.length; i++) if (out.charCodeAt(i) === LF) line += 1;
        // Anything between the closing quote and the next separator is kept, as papaparse does.
        let end = pos;
        while (end < length) {
          const c = text.charCodeAt(end);
          if (c === COMMA || c === LF || c === CR) break;
          end += 1;
        }
        value = out + text.slice(pos, end);
        pos = end;
      } else {
        let end = pos;
        while (end < length) {
          const c = text.charCodeAt(end);
          if (c === COMMA || c === LF || c === CR) break;
          end += 1;
        }
        value = text.slice(pos, end);
        pos = end;
      }
      values.push(value.trim());
      const c = text.charCodeAt(pos);
      if (c === COMMA) {
        pos += 1;
        continue;
      }
      if (c === CR) pos += 1;
      if (text.charCodeAt(pos) === LF) pos += 1;
      line += 1;
      break;
    }
    if (values.length === 1 && values[0] === '') continue;
    if (header === null) {
      header = headerOf(values);
      onRecord = begin(header);
      if (!onRecord) break;
    } else onRecord?.(values, recordLine);
    if (onProgress && pos > nextProgress) {
      onProgress(pos / length);
      nextProgress = pos + (1 << 20);
    }
  }
  return header ?? headerOf([]);
}
