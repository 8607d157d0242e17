/**
 * Merging another computer's backup into this one. Records are matched by id, then young people
 * by UPN. Nothing is overwritten silently:
 *
 * - a record only the other computer has is added;
 * - a record that is the same on both is left alone;
 * - a record the other computer changed from this computer's version (its audit log holds this
 *   computer's version as an earlier one) takes the other's version, and the other way round keeps
 *   this computer's: one side is simply newer;
 * - any other difference (both changed since they last agreed, or no history to tell) is a
 *   conflict, shown side by side for the adviser to choose;
 * - a young person recorded on both computers under different ids but the same UPN is a conflict
 *   too: keep this computer's record, take the other's, or keep both. Either of the first two
 *   joins their histories (sessions, plans, placements, allocation lines, audit) under one record.
 *
 * Merging never deletes: records only this computer has are kept, as are its settings and its
 * unsaved drafts. A record deleted here (a delete in this computer's audit log) is not added back,
 * nor is anything about a young person erased here (their ids are kept for this: erasedPupilIds).
 */
import { differingFields as fieldsThatDiffer } from '../conflicts';
import { canonicalJson } from './format';
import { type BackupPayload, type BackupRow } from './payload';
import { backupRowProblem, checkBackupRow } from './records';

export const MERGE_TABLES = [
  'schools',
  'advisers',
  'pupils',
  'sessions',
  'actionPlans',
  'employers',
  'employerDocuments',
  'experiences',
  'allocations',
  'destinations',
  'compassSnapshots',
  'providers',
  'routes',
] as const;
export type MergeTable = (typeof MERGE_TABLES)[number];
export type ConflictChoice = 'local' | 'incoming' | 'both';

export interface MergeConflict {
  /** "pupils:<id>": the key choices are given under. */
  key: string;
  table: MergeTable;
  kind: 'changed-on-both' | 'same-upn';
  local: BackupRow;
  incoming: BackupRow;
  /** Fields whose values differ, for the side-by-side view. */
  fields: string[];
}

export interface MergePlan {
  additions: Record<MergeTable, BackupRow[]>;
  /** The other computer's newer versions of records this computer has, with this computer's version. */
  newer: Record<MergeTable, { local: BackupRow; incoming: BackupRow }[]>;
  unchanged: number;
  /** Records this computer has a newer version of. */
  keptNewerHere: number;
  /** Records deleted on this computer that the other still has: not added back. */
  deletedHere: number;
  /** Records about young people erased on this computer (their record, sessions, plans, experiences, audit): left out. */
  erasedHere: number;
  conflicts: MergeConflict[];
  /** Audit entries from the other computer that this one does not have. */
  audit: BackupRow[];
}

type Tables = Pick<BackupPayload['tables'], MergeTable | 'audit'>;

function emptyByTable<T = BackupRow>(): Record<MergeTable, T[]> {
  return Object.fromEntries(MERGE_TABLES.map((t) => [t, []])) as unknown as Record<MergeTable, T[]>;
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** Top-level fields that differ, leaving out bookkeeping the adviser does not choose between. */
export function differingFields(a: BackupRow, b: BackupRow): string[] {
  return fieldsThatDiffer(a, b, { ignore: ['id', 'createdAt', 'updatedAt', 'searchWords'] });
}

/** Every earlier version of each record that an audit log holds, as canonical JSON, by record id. */
function earlierVersions(audit: readonly BackupRow[]): Map<string, Set<string>> {
  const versions = new Map<string, Set<string>>();
  for (const entry of audit) {
    if (typeof entry.recordId !== 'string' || entry.before === undefined || entry.before === null) continue;
    const set = versions.get(entry.recordId) ?? new Set<string>();
    set.add(canonicalJson(entry.before));
    versions.set(entry.recordId, set);
  }
  return versions;
}

/** A row about a young person erased here: the young person, or anything recorded about them. */
function aboutErased(table: MergeTable | 'audit', row: BackupRow, erased: ReadonlySet<string>): boolean {
  if (table === 'pupils') return erased.has(row.id as string);
  if (Array.isArray(row.pupilIds)) return row.pupilIds.length > 0 && (row.pupilIds as string[]).every((id) => erased.has(id));
  return typeof row.pupilId === 'string' && erased.has(row.pupilId);
}

/** A line of a confirmed allocation: it names one young person. */
type LineRow = BackupRow & { pupilId?: unknown };

function linesOf(row: BackupRow): LineRow[] | null {
  return Array.isArray(row.lines) ? (row.lines as LineRow[]) : null;
}

/**
 * A group's experience, or a confirmed allocation, without the young people erased here (the others'
 * record of it stays): their ids go, and an allocation's lines about them too.
 */
function withoutErased(row: BackupRow, erased: ReadonlySet<string>): BackupRow {
  const ids = Array.isArray(row.pupilIds) ? (row.pupilIds as string[]) : [];
  const lines = linesOf(row);
  const linesAbout = lines?.some((line) => typeof line.pupilId === 'string' && erased.has(line.pupilId)) ?? false;
  if (!ids.some((id) => erased.has(id)) && !linesAbout) return row;
  const kept: BackupRow = { ...row, pupilIds: ids.filter((id) => !erased.has(id)) };
  if (lines) kept.lines = lines.filter((line) => !(typeof line.pupilId === 'string' && erased.has(line.pupilId)));
  return kept;
}

/** `erasedPupilIds`: young people erased on this computer, whom the merge must not bring back. */
export function planMerge(local: Tables, incoming: Tables, erasedPupilIds: readonly string[] = []): MergePlan {
  const plan: MergePlan = {
    additions: emptyByTable(),
    newer: emptyByTable<{ local: BackupRow; incoming: BackupRow }>(),
    unchanged: 0,
    keptNewerHere: 0,
    deletedHere: 0,
    erasedHere: 0,
    conflicts: [],
    audit: [],
  };
  const erased = new Set(erasedPupilIds);
  const localHistory = earlierVersions(local.audit);
  const incomingHistory = earlierVersions(incoming.audit);
  const deletedHere = new Set(
    local.audit.filter((e) => e.action === 'delete' && typeof e.recordId === 'string').map((e) => e.recordId as string),
  );

  for (const table of MERGE_TABLES) {
    const localById = new Map(local[table].map((row) => [row.id as string, row]));
    const localByUpn =
      table === 'pupils'
        ? new Map(local.pupils.filter((p) => typeof p.upn === 'string' && p.upn !== '').map((p) => [p.upn as string, p]))
        : new Map<string, BackupRow>();
    for (const given of incoming[table]) {
      const id = given.id as string;
      if (aboutErased(table, given, erased)) {
        plan.erasedHere += 1;
        continue;
      }
      const row = withoutErased(given, erased);
      const mine = localById.get(id);
      if (mine) {
        if (same(mine, row)) plan.unchanged += 1;
        else if (incomingHistory.get(id)?.has(canonicalJson(mine))) plan.newer[table].push({ local: mine, incoming: row });
        else if (localHistory.get(id)?.has(canonicalJson(row))) plan.keptNewerHere += 1;
        else
          plan.conflicts.push({
            key: `${table}:${id}`,
            table,
            kind: 'changed-on-both',
            local: mine,
            incoming: row,
            fields: differingFields(mine, row),
          });
        continue;
      }
      if (deletedHere.has(id)) {
        plan.deletedHere += 1;
        continue;
      }
      const sameUpn = typeof row.upn === 'string' ? localByUpn.get(row.upn) : undefined;
      if (sameUpn)
        plan.conflicts.push({
          key: `${table}:${id}`,
          table,
          kind: 'same-upn',
          local: sameUpn,
          incoming: row,
          fields: differingFields(sameUpn, row),
        });
      else plan.additions[table].push(row);
    }
  }
  const localAudit = new Set(local.audit.map((e) => e.id as string));
  // Audit entries about an erased young person can hold copies of their record: they stay out too.
  plan.audit = incoming.audit.filter((e) => !localAudit.has(e.id as string) && !aboutErased('audit', e, erased));
  return plan;
}

export interface MergeWrites {
  /** Rows to put, by table: additions, newer versions, and conflicts resolved. */
  puts: Record<MergeTable, BackupRow[]>;
  audit: BackupRow[];
  /** For each record that will be replaced, the updatedAt it had when the merge was planned. */
  expected: { table: MergeTable; id: string; updatedAt: unknown }[];
  counts: { added: number; updated: number; joined: number; unchanged: number };
}

export type ResolveResult = { ok: true; value: MergeWrites } | { ok: false; missing: string[] };

const laterOf = (a: unknown, b: unknown): unknown => (typeof a === 'string' && typeof b === 'string' ? (a > b ? a : b) : (a ?? b));

/** The conflicts still without a usable choice ("both" is only for two records of one young person). */
export function unresolvedConflicts(
  conflicts: readonly Pick<MergeConflict, 'key' | 'kind'>[],
  choices: Readonly<Record<string, ConflictChoice>>,
): string[] {
  return conflicts.filter((c) => !choices[c.key] || (choices[c.key] === 'both' && c.kind !== 'same-upn')).map((c) => c.key);
}

/**
 * What the adviser sees of a merge before choosing: the counts and the conflicts, without the records
 * themselves (at a county they are most of the database, and stay in the worker that planned them).
 */
export interface MergePreview {
  tables: { table: MergeTable; added: number; newer: number; conflicts: number }[];
  unchanged: number;
  keptNewerHere: number;
  deletedHere: number;
  erasedHere: number;
  conflicts: MergeConflict[];
  auditCount: number;
  /** The version of every record here the merge may replace or join, as previewed: any change since stops the merge. */
  previewed: MergeWrites['expected'];
}

export function previewMerge(plan: MergePlan): MergePreview {
  const stamp = (table: MergeTable, local: BackupRow) => ({ table, id: local.id as string, updatedAt: local.updatedAt });
  return {
    tables: MERGE_TABLES.map((table) => ({
      table,
      added: plan.additions[table].length,
      newer: plan.newer[table].length,
      conflicts: plan.conflicts.filter((c) => c.table === table).length,
    })),
    unchanged: plan.unchanged,
    keptNewerHere: plan.keptNewerHere,
    deletedHere: plan.deletedHere,
    erasedHere: plan.erasedHere,
    conflicts: plan.conflicts,
    auditCount: plan.audit.length,
    previewed: [
      ...MERGE_TABLES.flatMap((table) => plan.newer[table].map(({ local }) => stamp(table, local))),
      ...plan.conflicts.map((c) => stamp(c.table, c.local)),
    ],
  };
}

/** Applies the adviser's choices; every conflict needs one. */
export function resolveMerge(plan: MergePlan, choices: Readonly<Record<string, ConflictChoice>>): ResolveResult {
  const missing = unresolvedConflicts(plan.conflicts, choices);
  if (missing.length > 0) return { ok: false, missing };

  const puts = emptyByTable();
  const expected: MergeWrites['expected'] = [];
  const pupilIds = new Map<string, string>();
  let updated = 0;
  let joined = 0;
  for (const table of MERGE_TABLES) {
    // Copied, not spread into push(): a table's additions at a service (100,000 sessions) exceed the call stack as arguments.
    puts[table] = plan.additions[table].slice();
    for (const { local, incoming } of plan.newer[table]) {
      puts[table].push(incoming);
      expected.push({ table, id: local.id as string, updatedAt: local.updatedAt });
      updated += 1;
    }
  }
  for (const conflict of plan.conflicts) {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- every conflict has a choice: `missing` above refused the rest
    const choice = choices[conflict.key]!;
    const { local, incoming, table } = conflict;
    if (conflict.kind === 'same-upn') {
      if (choice === 'both') {
        puts.pupils.push(incoming);
        continue;
      }
      joined += 1;
      pupilIds.set(incoming.id as string, local.id as string);
      // One record, this computer's id; the latest guidance meeting of either side stays findable.
      const kept: BackupRow = choice === 'local' ? { ...local } : { ...incoming, id: local.id, createdAt: local.createdAt };
      kept.lastGuidanceOn = laterOf(local.lastGuidanceOn, incoming.lastGuidanceOn);
      if (!same(kept, local)) {
        puts.pupils.push(kept);
        expected.push({ table, id: local.id as string, updatedAt: local.updatedAt });
      }
    } else if (choice === 'incoming') {
      puts[table].push(incoming);
      expected.push({ table, id: local.id as string, updatedAt: local.updatedAt });
      updated += 1;
    }
  }
  // A joined young person's sessions, plans, experiences, allocation lines and audit entries follow them to the kept record.
  const remap = (row: BackupRow): BackupRow => {
    if (Array.isArray(row.pupilIds)) {
      const before = row.pupilIds as string[];
      const ids = before.map((id) => pupilIds.get(id) ?? id);
      if (!ids.some((id, i) => id !== before[i])) return row;
      const moved: BackupRow = { ...row, pupilIds: [...new Set(ids)] };
      const lines = linesOf(row);
      if (lines) {
        // One line a young person: the first of two joined into one stays.
        const seen = new Set<unknown>();
        moved.lines = lines
          .map((line) =>
            typeof line.pupilId === 'string' && pupilIds.has(line.pupilId) ? { ...line, pupilId: pupilIds.get(line.pupilId) } : line,
          )
          .filter((line) => !seen.has(line.pupilId) && seen.add(line.pupilId));
      }
      return moved;
    }
    const to = typeof row.pupilId === 'string' ? pupilIds.get(row.pupilId) : undefined;
    if (!to) return row;
    const moved: BackupRow = { ...row, pupilId: to };
    if (row.recordId === row.pupilId) moved.recordId = to;
    return moved;
  };
  for (const table of ['sessions', 'actionPlans', 'experiences', 'allocations', 'destinations'] as const)
    puts[table] = puts[table].map(remap);
  const audit = plan.audit.map(remap);
  const added =
    MERGE_TABLES.reduce((sum, t) => sum + plan.additions[t].length, 0) + plan.conflicts.filter((c) => choices[c.key] === 'both').length;
  return { ok: true, value: { puts, audit, expected, counts: { added, updated, joined, unchanged: plan.unchanged } } };
}

/**
 * Every record the merge would write, checked against this version's schemas (merged records sit
 * beside this computer's, so they must be as valid as any saved here). The checked form is written.
 */
export function checkMergeWrites(writes: MergeWrites): { ok: true; value: MergeWrites } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const puts = {} as Record<MergeTable, BackupRow[]>;
  for (const table of MERGE_TABLES) {
    puts[table] = writes.puts[table].map((row) => {
      const checked = checkBackupRow(table, row);
      if (checked.ok) return checked.value;
      if (problems.length < 5) problems.push(backupRowProblem(table, row, checked.why));
      return row;
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { ...writes, puts } };
}
