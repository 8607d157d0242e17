/** What checking one row of an import gives, whatever the records are. */
import type { Problem } from '../model/problems';
import type { ParsedCsv } from './csv';
import type { RowKeys } from './duplicates';

export interface CheckedRow<R> {
  row: number;
  /** The record to store, when the row has no problems. */
  record: R | null;
  problems: Problem[];
  /** The keys likely duplicates are found by. */
  keys: RowKeys;
  /** For the preview: who or what the row is, and one detail (a date of birth, a postcode). */
  name: string;
  detail: string;
  /** What the adviser should know about a row that will import as it is (not problems): in words. */
  notes?: string[];
}

/** The file's own problems with a row (an unclosed quote, a wrong number of values) go with the row, which cannot then be imported. */
export function withFileProblems<R>(parsed: ParsedCsv, checked: CheckedRow<R>): CheckedRow<R> {
  const own = parsed.problems.filter((p) => p.row === checked.row);
  return own.length > 0 ? { ...checked, record: null, problems: [...own, ...checked.problems] } : checked;
}
