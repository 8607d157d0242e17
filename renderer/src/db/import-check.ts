/**
 * The reading and checking half of a CSV import, as plain data a Web Worker can be sent (data-jobs.ts):
 * the file's bytes decoded and parsed, then every row checked against the form's rules and compared with
 * the records already stored. At 10,000 rows each is a long task, so the import screen runs them in the
 * data worker; the rows, their problems (each naming its row and column) and the likely duplicates come back.
 */
import type { Employer, Problem, Pupil } from '@shared/model';
import {
  checkEmployerRowAsUpdate,
  checkEmployerRows,
  checkPupilRows,
  checkRowAsUpdate,
  decodeCsvBytes,
  EMPLOYER_IMPORT_FIELDS,
  findDuplicates,
  parseCsv,
  PUPIL_DUPLICATE_OPTIONS,
  PUPIL_IMPORT_FIELDS,
  suggestMapping,
  type CheckedRow,
  type ColumnMapping,
  type DuplicateFinding,
  type EmployerMapping,
  type ParsedCsv,
  type PupilImportContext,
  type PupilMapping,
} from '@shared/import';
import type { PupilRecordInput } from '@shared/pupils/form';
import type { EmployerRecordInput } from '@shared/employers/form';
import type { CareersDeskDb } from './schema';
import { findStoredEmployerMatches, findStoredMatches, type StoredMatch } from './import';

export type ImportKind = 'pupils' | 'employers';

/** A file read: its rows and suggested mapping, or the problems that stop it being read at all. */
export type ReadImportFile = { ok: true; encoding: string; parsed: ParsedCsv; mapping: ColumnMapping } | { ok: false; problems: Problem[] };

/** Decodes and parses a CSV file's bytes and suggests which column holds which field. */
export function readImportFile(kind: ImportKind, bytes: Uint8Array): ReadImportFile {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return { ok: false, problems: decoded.problems };
  const result = parseCsv(decoded.text);
  if (!result.ok) return { ok: false, problems: result.problems };
  const fields = kind === 'pupils' ? PUPIL_IMPORT_FIELDS : EMPLOYER_IMPORT_FIELDS;
  return { ok: true, encoding: decoded.encoding, parsed: result.value, mapping: suggestMapping(result.value.headers, fields) };
}

/** What checking a file needs besides the file: the mapping, and for young people the day, schools and risk weights. */
export type ImportCheck =
  | { kind: 'pupils'; parsed: ParsedCsv; mapping: ColumnMapping; context: PupilImportContext }
  | { kind: 'employers'; parsed: ParsedCsv; mapping: ColumnMapping };

/** Every row checked, the stored records some rows look like, the likely duplicates, and rows checked as updates. */
export interface CheckedImport<R, T> {
  rows: CheckedRow<R>[];
  matches: StoredMatch<T>[];
  findings: Map<number, DuplicateFinding>;
  /** Rows with a stored record they would update, checked as that update. */
  asUpdate: Map<number, CheckedRow<R>>;
}

export type CheckedPupilImport = CheckedImport<PupilRecordInput, Pupil>;
export type CheckedEmployerImport = CheckedImport<EmployerRecordInput, Employer>;

/** Rows checked between progress reports. */
const CHUNK = 500;
/** Rows (or records) per part of a large answer: each part is read on the page in a task of its own. */
const PART = 1000;

/** Part of a checked import sent ahead of the rest (see `checkImport`'s `onPart`). */
export interface CheckedImportPart {
  rows?: CheckedRow<unknown>[];
  matches?: StoredMatch<Pupil | Employer>[];
  asUpdate?: [number, CheckedRow<unknown>][];
}

/**
 * Sends the rows, stored matches and rows checked as updates in parts and answers the rest: 10,000 checked rows
 * read on the page in one message held the window for a third of a second (tests/bench, round seven).
 */
function sendInParts(checked: CheckedImport<unknown, Pupil | Employer>, onPart: (part: CheckedImportPart) => void) {
  for (let from = 0; from < checked.rows.length; from += PART) onPart({ rows: checked.rows.slice(from, from + PART) });
  for (let from = 0; from < checked.matches.length; from += PART) onPart({ matches: checked.matches.slice(from, from + PART) });
  const updates = [...checked.asUpdate];
  for (let from = 0; from < updates.length; from += PART) onPart({ asUpdate: updates.slice(from, from + PART) });
  return { ...checked, rows: [], matches: [], asUpdate: new Map() };
}

/** Puts a checked import sent in parts together again, on the page. */
export function checkedImportCollector() {
  const rows: CheckedRow<unknown>[] = [];
  const matches: StoredMatch<Pupil | Employer>[] = [];
  const asUpdate = new Map<number, CheckedRow<unknown>>();
  return {
    onPart(part: unknown): void {
      const { rows: someRows, matches: someMatches, asUpdate: someUpdates } = part as CheckedImportPart;
      for (const row of someRows ?? []) rows.push(row);
      for (const match of someMatches ?? []) matches.push(match);
      for (const [row, checked] of someUpdates ?? []) asUpdate.set(row, checked);
    },
    done(rest: CheckedImport<unknown, Pupil | Employer>): CheckedImport<unknown, Pupil | Employer> {
      return {
        rows: [...rows, ...rest.rows],
        matches: [...matches, ...rest.matches],
        findings: rest.findings,
        asUpdate: new Map([...asUpdate, ...rest.asUpdate]),
      };
    },
  };
}

/** Checks a row as an update of the stored record, or null when there is none to update. */
export function checkImportRowAsUpdate(check: ImportCheck, row: number, base: Pupil | Employer): CheckedRow<unknown> | null {
  return check.kind === 'pupils'
    ? checkRowAsUpdate(check.parsed, row, check.mapping as PupilMapping, check.context, base as Pupil)
    : checkEmployerRowAsUpdate(check.parsed, row, check.mapping as EmployerMapping, base as Employer);
}

/**
 * Checks every row of the file and looks for likely duplicates among them and the stored records. With
 * `onPart`, the rows, matches and updates go out in parts first and the answer holds the rest
 * (`checkedImportCollector` puts them together).
 */
export async function checkImport(
  db: CareersDeskDb,
  check: ImportCheck,
  onProgress: (fraction: number) => void = () => {},
  onPart?: (part: CheckedImportPart) => void,
): Promise<CheckedImport<unknown, Pupil | Employer>> {
  const total = check.parsed.records.length;
  const rows: CheckedRow<unknown>[] = [];
  for (let from = 0; from < total; from += CHUNK) {
    onProgress(total === 0 ? 0 : (0.9 * from) / total);
    const to = from + CHUNK;
    rows.push(
      ...(check.kind === 'pupils'
        ? checkPupilRows(check.parsed, check.mapping as PupilMapping, check.context, from, to)
        : checkEmployerRows(check.parsed, check.mapping as EmployerMapping, from, to)),
    );
  }
  onProgress(0.9);
  const matches: StoredMatch<Pupil | Employer>[] =
    check.kind === 'pupils'
      ? await findStoredMatches(
          db,
          rows.map((r) => r.keys),
        )
      : await findStoredEmployerMatches(
          db,
          rows.map((r) => r.name),
          rows.map((r) => r.keys),
        );
  // An employer's name and postcode are not a sure identity: every match waits for the adviser.
  const findings = findDuplicates(rows, matches, check.kind === 'pupils' ? PUPIL_DUPLICATE_OPTIONS : {});
  const stored = new Map(matches.map((m) => [m.id, m.record]));
  // Every row that could be an update is checked as one here, so choosing "update" for them all on the screen is instant.
  const asUpdate = new Map<number, CheckedRow<unknown>>();
  for (const finding of findings.values()) {
    const base = finding.updateTarget ? stored.get(finding.updateTarget) : undefined;
    if (!base) continue;
    const checked = checkImportRowAsUpdate(check, finding.row, base);
    if (checked) asUpdate.set(finding.row, checked);
  }
  onProgress(1);
  const checked = { rows, matches, findings, asUpdate };
  return onPart ? sendInParts(checked, onPart) : checked;
}
