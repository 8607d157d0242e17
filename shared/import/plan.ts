/**
 * From checked rows and the adviser's choices to the list of writes an import makes. The import
 * is all or nothing: while any row that would be written has a problem, there is no plan, only
 * the problems, unless the adviser has chosen to leave those rows out.
 */
import type { Pupil } from '../model/pupil';
import type { Problem } from '../model/problems';
import type { PupilRecordInput } from '../pupils/form';
import type { ParsedCsv } from './csv';
import type { RowChoice } from './duplicates';
import { checkPupilRow, type CheckedPupilRow, type PupilImportContext, type PupilMapping } from './pupils';
import { withFileProblems, type CheckedRow } from './rows';

export type ImportOperation<R> = { kind: 'add'; row: number; record: R } | { kind: 'update'; row: number; targetId: string; record: R };
export type PupilImportOperation = ImportOperation<PupilRecordInput>;

export interface ImportPlan<R> {
  operations: ImportOperation<R>[];
  added: number;
  updated: number;
  skipped: number;
  /** Rows with problems the adviser chose to leave out. */
  leftOut: number[];
}

export type PlanResult<R> = { ok: true; value: ImportPlan<R> } | { ok: false; problems: Problem[] };

export interface PlannedRow<R> {
  checked: CheckedRow<R>;
  choice: RowChoice;
  /** The stored record an update changes. */
  updateTarget: string | null;
}

/** Checks rows `from` to `to` (indexes into the records), adding the file's own problems with each row. */
export function checkPupilRows(
  parsed: ParsedCsv,
  mapping: PupilMapping,
  context: PupilImportContext,
  from = 0,
  to = parsed.records.length,
): CheckedPupilRow[] {
  return parsed.records.slice(from, to).map((record) => withFileProblems(parsed, checkPupilRow(record, mapping, context)));
}

/** Re-checks a row as an update of `base`: values the file leaves blank come from the stored record. */
export function checkRowAsUpdate(
  parsed: ParsedCsv,
  row: number,
  mapping: PupilMapping,
  context: PupilImportContext,
  base: Pupil,
): CheckedPupilRow | null {
  const record = parsed.records.find((r) => r.row === row);
  return record ? withFileProblems(parsed, checkPupilRow(record, mapping, context, base)) : null;
}

/** The writes to make, or every problem in a row that would be written. */
export function planImport<R>(rows: readonly PlannedRow<R>[], options: { leaveOutRowsWithProblems: boolean }): PlanResult<R> {
  const operations: ImportOperation<R>[] = [];
  const problems: Problem[] = [];
  const leftOut: number[] = [];
  let skipped = 0;
  const updatedBy = new Map<string, number>();
  for (const { checked, choice, updateTarget } of rows) {
    if (choice === 'skip') {
      skipped += 1;
      continue;
    }
    if (!checked.record || checked.problems.length > 0) {
      if (options.leaveOutRowsWithProblems) leftOut.push(checked.row);
      else problems.push(...checked.problems);
      continue;
    }
    if (choice === 'update') {
      if (!updateTarget) {
        problems.push({ row: checked.row, field: 'row', message: 'There is no stored record to update: choose add or skip' });
        continue;
      }
      const earlier = updatedBy.get(updateTarget);
      if (earlier !== undefined) {
        problems.push({
          row: checked.row,
          field: 'row',
          message: `Row ${earlier} already updates the same stored record: skip one of them`,
        });
        continue;
      }
      updatedBy.set(updateTarget, checked.row);
      operations.push({ kind: 'update', row: checked.row, targetId: updateTarget, record: checked.record });
    } else operations.push({ kind: 'add', row: checked.row, record: checked.record });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (operations.length === 0)
    return { ok: false, problems: [{ field: 'file', message: 'No rows would be imported: every row is skipped or left out.' }] };
  const updated = operations.filter((o) => o.kind === 'update').length;
  return { ok: true, value: { operations, added: operations.length - updated, updated, skipped, leftOut } };
}

/** The pupil import's plan (planImport for young people). */
export const planPupilImport = planImport<PupilRecordInput>;
