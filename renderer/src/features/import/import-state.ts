// One import, whatever it brings in (young people, employers): choose the file, match its columns,
// check every row in steps (with a progress bar), find likely duplicates, let the adviser choose,
// then write it all in one transaction after an automatic backup.
import { computed, effectScope, ref, shallowRef, type Ref } from 'vue';
import type { Problem } from '@shared/model';
import {
  mappingProblems,
  planImport,
  type CheckedRow,
  type ColumnMapping,
  type DuplicateFinding,
  type ImportField,
  type ParsedCsv,
  type RowChoice,
} from '@shared/import';
import { getBridge } from '../../bridge';
import type { StoredImportOperation } from '../../db/import';
import type { CheckedImport } from '../../db/import-check';
import { useRepositories, type ImportRunOptions } from '../../db/repositories';
import { takeAutomaticBackup } from '../backup';
import { formatNumber } from '@shared/numbers';

export type ImportStep = 'idle' | 'mapping' | 'checking' | 'preview' | 'importing';

export interface Progress {
  label: string;
  done: number;
  total: number;
}

export interface StoredRecord {
  id: string;
  updatedAt: string;
}

/** What differs between imports of one kind of record and another. */
export interface ImportSpec<R, T extends StoredRecord> {
  kind: 'pupils' | 'employers';
  noun: { one: string; many: string };
  fields: readonly ImportField[];
  /** Field id → label, for problems. */
  labels: Record<string, string>;
  /** Duplicate key → how the preview says it ("same UPN"). */
  reasons: Record<string, string>;
  /**
   * Every row checked against the form's rules and compared with the stored records (in the data worker,
   * db/import-check.ts), with progress as a fraction.
   */
  check(parsed: ParsedCsv, mapping: ColumnMapping, onProgress: (fraction: number) => void): Promise<CheckedImport<R, T>>;
  checkAsUpdate(parsed: ParsedCsv, row: number, mapping: ColumnMapping, base: T): CheckedRow<R> | null;
  /** A stored record as the preview names it: "Amelia Turner, born 04/03/2011". */
  describe(record: T): string;
  write(operations: StoredImportOperation<R>[], options: ImportRunOptions): Promise<{ added: number; updated: number }>;
  /** Called when a file has been read, to set up choices of this kind (the school). */
  onLoaded?(): void;
}

function createImportState<R, T extends StoredRecord>(spec: ImportSpec<R, T>) {
  const step = ref<ImportStep>('idle');
  const fileName = ref('');
  const encoding = ref('');
  const parsed = shallowRef<ParsedCsv | null>(null);
  const fileProblems = ref<Problem[]>([]);
  const mapping = ref<ColumnMapping>({});
  const checked = shallowRef<CheckedRow<R>[]>([]);
  const findings = shallowRef<Map<number, DuplicateFinding>>(new Map());
  const stored = shallowRef<Map<string, T>>(new Map());
  const choices = ref<Record<number, RowChoice>>({});
  const asUpdate = shallowRef<Map<number, CheckedRow<R>>>(new Map());
  const leaveOutRowsWithProblems = ref(false);
  const progress = ref<Progress | null>(null);
  const outcome = ref('');
  const failure = ref('');

  const headers = computed(() => parsed.value?.headers ?? []);
  const mappingIssues = computed(() => mappingProblems(mapping.value, spec.fields, headers.value));

  function reset(): void {
    step.value = 'idle';
    fileName.value = '';
    parsed.value = null;
    fileProblems.value = [];
    mapping.value = {};
    checked.value = [];
    findings.value = new Map();
    stored.value = new Map();
    choices.value = {};
    asUpdate.value = new Map();
    leaveOutRowsWithProblems.value = false;
    progress.value = null;
    failure.value = '';
  }

  /**
   * Reads a file's bytes (decoded and parsed in the data worker: 10,000 rows would hold the window); on
   * success the column mapping is suggested from its headings.
   */
  async function loadFile(name: string, bytes: Uint8Array): Promise<void> {
    reset();
    outcome.value = '';
    fileName.value = name;
    progress.value = { label: `Reading ${name}`, done: 0, total: 1 };
    try {
      const read = await useRepositories().imports.readFile(spec.kind, bytes);
      if (!read.ok) {
        fileProblems.value = read.problems;
        return;
      }
      encoding.value = read.encoding;
      parsed.value = read.parsed;
      mapping.value = read.mapping;
      spec.onLoaded?.();
      step.value = 'mapping';
    } catch (error) {
      fileProblems.value = [{ field: 'file', message: `The file could not be read: ${(error as Error).message}` }];
    } finally {
      progress.value = null;
    }
  }

  async function chooseFile(): Promise<void> {
    const file = await getBridge().openFile({ filters: [{ name: 'CSV files', extensions: ['csv', 'txt'] }] });
    if (file) await loadFile(file.name, file.data);
  }

  function recheckAsUpdate(row: number): void {
    const file = parsed.value;
    const target = findings.value.get(row)?.updateTarget;
    const base = target ? stored.value.get(target) : undefined;
    if (!file || !base || asUpdate.value.has(row)) return;
    const result = spec.checkAsUpdate(file, row, mapping.value, base);
    if (result) asUpdate.value.set(row, result);
  }

  /** Checks every row against the form's rules, then looks for likely duplicates (in the data worker). */
  async function checkRows(): Promise<void> {
    const file = parsed.value;
    if (!file) return;
    step.value = 'checking';
    failure.value = '';
    const total = file.records.length;
    progress.value = { label: 'Checking rows', done: 0, total };
    try {
      const result = await spec.check(file, mapping.value, (fraction) => {
        progress.value =
          fraction < 0.9
            ? { label: 'Checking rows', done: Math.round((fraction / 0.9) * total), total }
            : { label: `Looking for ${spec.noun.many} already recorded`, done: total, total };
      });
      stored.value = new Map(result.matches.map((m) => [m.id, m.record]));
      checked.value = result.rows;
      findings.value = result.findings;
      choices.value = Object.fromEntries([...result.findings.values()].map((f) => [f.row, f.defaultChoice]));
      asUpdate.value = result.asUpdate;
      step.value = 'preview';
    } catch (error) {
      failure.value = `The rows could not be checked: ${(error as Error).message}`;
      step.value = 'mapping';
    } finally {
      progress.value = null;
    }
  }

  function setChoice(row: number, choice: RowChoice): void {
    if (choice === 'update') {
      recheckAsUpdate(row);
      asUpdate.value = new Map(asUpdate.value);
    }
    choices.value[row] = choice;
  }

  /** The same choice for every likely duplicate (update only where there is a record to update). */
  function setAllChoices(choice: RowChoice): void {
    for (const finding of findings.value.values()) {
      if (choice === 'update' && !finding.updateTarget) continue;
      if (choice === 'update') recheckAsUpdate(finding.row);
      choices.value[finding.row] = choice;
    }
    asUpdate.value = new Map(asUpdate.value);
  }

  function choiceOf(row: number): RowChoice {
    return choices.value[row] ?? 'add';
  }

  /** The row as it will be written: checked as an update of the stored record when that is the choice. */
  function resultOf(row: CheckedRow<R>): CheckedRow<R> {
    return choiceOf(row.row) === 'update' ? (asUpdate.value.get(row.row) ?? row) : row;
  }

  const plan = computed(() =>
    planImport(
      checked.value.map((row) => ({
        checked: resultOf(row),
        choice: choiceOf(row.row),
        updateTarget: findings.value.get(row.row)?.updateTarget ?? null,
      })),
      { leaveOutRowsWithProblems: leaveOutRowsWithProblems.value },
    ),
  );

  const summary = computed(() => {
    const rows = checked.value.map(resultOf);
    const withProblems = rows.filter((r) => r.problems.length > 0 && choiceOf(r.row) !== 'skip');
    const byField = new Map<string, { field: string; label: string; count: number; example: string }>();
    for (const row of withProblems) {
      for (const problem of row.problems) {
        const entry = byField.get(problem.field) ?? {
          field: problem.field,
          label: spec.labels[problem.field] ?? problem.field,
          count: 0,
          example: problem.message,
        };
        entry.count += 1;
        byField.set(problem.field, entry);
      }
    }
    return {
      total: rows.length,
      withProblems: withProblems.length,
      duplicates: findings.value.size,
      skipped: rows.filter((r) => choiceOf(r.row) === 'skip').length,
      /** Rows that import as they are, with something to know (a year group kept that differs from the date of birth). */
      withNotes: rows.filter((r) => (r.notes?.length ?? 0) > 0 && choiceOf(r.row) !== 'skip').length,
      problemsByField: [...byField.values()],
    };
  });

  /** Rows the adviser should look at: those with problems or notes and the likely duplicates, in file order. */
  const attentionRows = computed(() =>
    checked.value.map(resultOf).filter((r) => r.problems.length > 0 || (r.notes?.length ?? 0) > 0 || findings.value.has(r.row)),
  );

  /** "Already recorded: Amelia Turner, born 04/03/2011 (same UPN)", "Row 8 of this file (same UPN)". */
  function matchesOf(row: number): string[] {
    const finding = findings.value.get(row);
    if (!finding) return [];
    return [
      ...finding.stored.map((m) => {
        const record = stored.value.get(m.recordId);
        return `Already recorded: ${record ? spec.describe(record) : `a record`} (${spec.reasons[m.reason] ?? m.reason})`;
      }),
      ...finding.inFile.map((m) => `Row ${m.row} of this file (${spec.reasons[m.reason] ?? m.reason})`),
    ];
  }

  async function runImport(): Promise<void> {
    const planned = plan.value;
    if (!planned.ok) return;
    step.value = 'importing';
    failure.value = '';
    const total = planned.value.operations.length;
    try {
      progress.value = { label: 'Taking an automatic backup first', done: 0, total };
      const backup = await takeAutomaticBackup('before-import');
      const operations = planned.value.operations.map((o) => ({
        ...o,
        expectedUpdatedAt: o.kind === 'update' ? stored.value.get(o.targetId)?.updatedAt : undefined,
      }));
      const label = `Importing ${spec.noun.many}`;
      progress.value = { label, done: 0, total };
      const result = await spec.write(operations, {
        fileName: fileName.value,
        onProgress: (done) => {
          progress.value = { label, done, total };
        },
      });
      const leftOut = planned.value.leftOut.length;
      const n = (count: number) => formatNumber(count);
      const addedNoun = result.added === 1 ? spec.noun.one : spec.noun.many;
      const leftOutNote = leftOut ? `, ${n(leftOut)} rows with problems left out` : '';
      outcome.value =
        `Imported from ${fileName.value}: ${n(result.added)} ${addedNoun} added, ${n(result.updated)} updated, ` +
        `${n(planned.value.skipped)} rows skipped${leftOutNote}.` +
        (backup ? ' An automatic backup was taken first.' : '');
      reset();
    } catch (error) {
      failure.value = `The import stopped and nothing was changed: ${(error as Error).message}`;
      step.value = 'preview';
    } finally {
      progress.value = null;
    }
  }

  return {
    spec: spec as unknown as ImportSpec<unknown, StoredRecord>,
    step,
    fileName,
    encoding,
    parsed,
    headers,
    fileProblems,
    mapping,
    mappingIssues,
    checked: checked as Ref<CheckedRow<unknown>[]>,
    findings,
    choices,
    leaveOutRowsWithProblems,
    progress,
    outcome,
    failure,
    plan,
    summary,
    attentionRows: attentionRows as Readonly<Ref<CheckedRow<unknown>[]>>,
    reset,
    loadFile,
    chooseFile,
    checkRows,
    setChoice,
    setAllChoices,
    choiceOf,
    matchesOf,
    runImport,
    backToMapping: () => {
      step.value = 'mapping';
    },
  };
}

export type Importer = ReturnType<typeof createImportState>;

/**
 * One import state per kind, kept for the life of the app (so leaving the Data page and coming
 * back finds the import where it was), in a scope of its own so its computed values live on.
 */
export function singletonImporter<R, T extends StoredRecord>(makeSpec: () => ImportSpec<R, T>): () => Importer {
  let importer: Importer | null = null;
  return () => {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- run() answers undefined only in a stopped scope; this one is new
    importer ??= effectScope(true).run(() => createImportState(makeSpec()) as unknown as Importer)!;
    return importer;
  };
}
