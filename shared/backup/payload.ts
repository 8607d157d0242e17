/**
 * What a backup holds once decrypted: every table of the database as JSON, with the database
 * version it came from. Checked for shape before anything is restored; older versions are
 * brought up to date by the same steps the database's own upgrades take.
 */
import type { BackupContents, BackupPartPlaintext, BackupResult } from './format';
import { backupError } from './format';
import {
  auditRowsToVersion2,
  employerRowToVersion4,
  experienceRowToVersion4,
  inTimeOrder,
  placementRowToExperience,
  pupilRowToVersion2,
  pupilRowToVersion6,
  destinationRowsFromVersion5,
} from '../model/upgrades';

/** Every table of the database, in the order the backup lists them. Kept equal to allTables() by a test. */
export const BACKUP_TABLES = [
  'pupils',
  'schools',
  'advisers',
  'sessions',
  'actionPlans',
  'drafts',
  'employers',
  'employerDocuments',
  'experiences',
  'allocations',
  'destinations',
  'compassSnapshots',
  'providers',
  'routes',
  'settings',
  'audit',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

export const BACKUP_TABLE_LABELS: Record<BackupTable, string> = {
  pupils: 'Young people',
  schools: 'Schools',
  advisers: 'Advisers',
  sessions: 'Guidance sessions',
  actionPlans: 'Action plans',
  drafts: 'Unsaved drafts',
  employers: 'Employers',
  employerDocuments: "Employers' documents",
  experiences: 'Workplace experiences',
  allocations: 'Confirmed allocations',
  destinations: 'Destinations history entries',
  compassSnapshots: 'Compass evaluation snapshots',
  providers: 'Providers',
  routes: 'Routes',
  settings: 'Settings',
  audit: 'Audit log entries',
};

/**
 * Settings that belong to this computer, not to the data: they are never written into a backup
 * and a restore keeps this computer's own (its automatic-backup key, its lock, whom it has erased, and
 * the pupil list's start-up snapshot with its change stamp: renderer/src/db/pupil-list-stamp.ts).
 */
export const MACHINE_SETTING_KEYS: readonly string[] = [
  'autoBackupKey',
  'lockPassphraseHash',
  'lockIdleMinutes',
  'erasedPupilIds',
  'pupilListStamp',
  'pupilListSnapshot',
];

/** The pupil list's snapshot is kept in parts: `pupilListSnapshot`, then `pupilListSnapshot.1`, `.2`, … */
export const PUPIL_LIST_SNAPSHOT_PART_PREFIX = 'pupilListSnapshot.';

/** Whether a settings row is this computer's own (MACHINE_SETTING_KEYS, and every part of the list's snapshot). */
export function isMachineSettingKey(key: unknown): boolean {
  const name = String(key);
  return MACHINE_SETTING_KEYS.includes(name) || name.startsWith(PUPIL_LIST_SNAPSHOT_PART_PREFIX);
}

export type BackupRow = Record<string, unknown>;

export interface BackupPayload {
  format: 'careers-desk-data';
  schemaVersion: number;
  exportedAt: string;
  tables: Record<BackupTable, BackupRow[]>;
}

export function primaryKeyOf(table: BackupTable): 'key' | 'id' {
  return table === 'settings' ? 'key' : 'id';
}

/**
 * Characters of JSON in one part of a backup. Far below the longest string JavaScript holds (about 512
 * million characters, which a county's whole database passes), and small enough that compressing,
 * sealing or reading one part is a short step.
 */
export const BACKUP_PART_CHARACTERS = 4_000_000;

/**
 * The payload as a backup's parts: each table's rows in order, cut into slices of at most `partCharacters`
 * characters of JSON (a single longer record makes a part of its own), each slice a JSON array as UTF-8.
 * An empty table has no part. Made one at a time, so only one slice's text is held at once.
 */
export function* payloadParts(
  payload: BackupPayload,
  partCharacters: number = BACKUP_PART_CHARACTERS,
): Generator<BackupPartPlaintext, void, undefined> {
  const encoder = new TextEncoder();
  for (const table of BACKUP_TABLES) {
    let texts: string[] = [];
    let characters = 0;
    const part = (): BackupPartPlaintext => ({ table, rows: texts.length, plaintext: encoder.encode(`[${texts.join(',')}]`) });
    for (const row of payload.tables[table]) {
      const text = JSON.stringify(row);
      if (texts.length > 0 && characters + text.length > partCharacters) {
        yield part();
        texts = [];
        characters = 0;
      }
      texts.push(text);
      characters += text.length + 1;
    }
    if (texts.length > 0) yield part();
  }
}

/**
 * Steps that bring a payload from one database version to the next, mirroring the Dexie
 * upgrade of the same number: the step under key 1 turns a version-1 payload into version 2.
 * A test fails when a version is added to the schema without its step here.
 */
export const PAYLOAD_UPGRADES: Record<number, (tables: Record<string, BackupRow[]>) => Record<string, BackupRow[]>> = {
  // Year groups derived, never stored; the audit log numbered in the order it was written.
  1: (tables) => ({
    ...tables,
    pupils: (tables.pupils ?? []).map(pupilRowToVersion2),
    audit: auditRowsToVersion2(inTimeOrder(tables.audit ?? [])),
  }),
  // Placements became workplace experiences of kind work placement.
  2: ({ placements, ...tables }) => ({ ...tables, experiences: (placements ?? []).map(placementRowToExperience) }),
  // Employers' checks gained the risk controls and DBS position; a placement's paperwork gained whom to ask for,
  // the times and what to bring; two new tables start empty.
  3: (tables) => ({
    ...tables,
    employers: (tables.employers ?? []).map(employerRowToVersion4),
    experiences: (tables.experiences ?? []).map(experienceRowToVersion4),
  }),
  // Records became sealed at rest; a backup holds them opened (and sealed with its own key), so nothing changes.
  4: (tables) => tables,
  // Destinations became a history (each young person's codes its first entries); consent to tracking recorded.
  5: (tables) => ({
    ...tables,
    pupils: (tables.pupils ?? []).map(pupilRowToVersion6),
    destinations: (tables.pupils ?? []).flatMap(destinationRowsFromVersion5),
    compassSnapshots: [],
  }),
  // Fewer indexes, and fewer fields kept in clear at rest; a backup holds the records opened, so nothing changes.
  6: (tables) => tables,
};

/** Tables a backup from an older version may hold that this version no longer has: its upgrade moves them. */
const RETIRED_TABLES: Readonly<Record<string, number>> = { placements: 2 };

export function upgradePayload(payload: BackupPayload, toVersion: number): BackupPayload {
  let tables: Record<string, BackupRow[]> = payload.tables;
  for (let version = payload.schemaVersion; version < toVersion; version++) {
    const step = PAYLOAD_UPGRADES[version];
    if (!step) throw new Error(`No upgrade for backups from database version ${version}`);
    tables = step(tables);
  }
  return { ...payload, schemaVersion: toVersion, tables: tables as Record<BackupTable, BackupRow[]> };
}

function isPlainObject(value: unknown): value is BackupRow {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A table's name in the users' words, for messages; a name that is no table of ours (even "constructor") as it is. */
function tableLabel(name: string): string {
  return (Object.hasOwn(BACKUP_TABLE_LABELS, name) ? BACKUP_TABLE_LABELS[name as BackupTable] : name).toLowerCase();
}

function readJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    return { ok: false };
  }
}

/**
 * Reads and checks what a backup holds: every table an array of records with a unique text key, no table
 * this app does not know. Brought up to this app's version.
 */
export function decodeBackupContents(
  contents: BackupContents,
  made: { schemaVersion: number; createdAt: string },
  currentSchemaVersion: number,
): BackupResult<BackupPayload> {
  if (contents.kind === 'document') return decodePayload(contents.bytes, currentSchemaVersion);
  // Without a prototype, so a part naming a table "constructor" is refused as unknown, not mistaken for Object's own.
  const tables = Object.create(null) as Record<string, unknown[] | undefined>;
  for (const [index, part] of contents.parts.entries()) {
    const label = tableLabel(part.table);
    const read = readJson(part.bytes);
    if (!read.ok) return backupError('invalid-content', `Part ${index + 1} (${label}) is not readable JSON.`);
    if (!Array.isArray(read.value)) return backupError('invalid-content', `Part ${index + 1} (${label}) is not a list.`);
    if (read.value.length !== part.rows)
      return backupError(
        'invalid-content',
        `Part ${index + 1} (${label}) holds ${read.value.length} records; its header says ${part.rows}.`,
      );
    // Pushed one by one: spreading a part's tens of thousands of records into push() would pass the engine's argument limit.
    const rows = (tables[part.table] ??= []);
    for (const row of read.value as unknown[]) rows.push(row);
  }
  return checkPayload(
    { format: 'careers-desk-data', schemaVersion: made.schemaVersion, exportedAt: made.createdAt, tables },
    currentSchemaVersion,
  );
}

/** Reads and checks a format 1 backup's decrypted bytes: the whole database as one JSON document. */
export function decodePayload(bytes: Uint8Array, currentSchemaVersion: number): BackupResult<BackupPayload> {
  const read = readJson(bytes);
  if (!read.ok) return backupError('invalid-content', 'Its data is not readable JSON.');
  return checkPayload(read.value, currentSchemaVersion);
}

function checkPayload(document: unknown, currentSchemaVersion: number): BackupResult<BackupPayload> {
  if (!isPlainObject(document) || document.format !== 'careers-desk-data' || !isPlainObject(document.tables))
    return backupError('invalid-content');
  const { schemaVersion, exportedAt } = document;
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1)
    return backupError('invalid-content', 'It does not say which database version it holds.');
  if (schemaVersion > currentSchemaVersion) return backupError('newer-schema');
  if (typeof exportedAt !== 'string') return backupError('invalid-content', 'It does not say when it was made.');
  const tables = {} as Record<BackupTable, BackupRow[]>;
  // A table this version retired is still read from a backup made before: its upgrade step moves its rows.
  const retired = Object.keys(RETIRED_TABLES).filter((name) => schemaVersion <= (RETIRED_TABLES[name] ?? 0));
  const known: readonly string[] = [...BACKUP_TABLES, ...retired];
  for (const name of Object.keys(document.tables)) {
    if (!known.includes(name)) return backupError('invalid-content', `It has a table this version does not know ("${name.slice(0, 40)}").`);
  }
  for (const table of known) {
    const label = tableLabel(table);
    const rows = (document.tables as Record<string, unknown>)[table] ?? [];
    if (!Array.isArray(rows)) return backupError('invalid-content', `Its ${label} are not a list.`);
    const key = table === 'settings' ? 'key' : 'id';
    const seen = new Set<string>();
    for (const [index, row] of rows.entries()) {
      const id = isPlainObject(row) ? row[key] : undefined;
      if (typeof id !== 'string' || id === '') return backupError('invalid-content', `Record ${index + 1} of ${label} has no ${key}.`);
      if (seen.has(id)) return backupError('invalid-content', `Two of its ${label} have the same ${key}.`);
      seen.add(id);
    }
    (tables as Record<string, BackupRow[]>)[table] = rows as BackupRow[];
  }
  try {
    return { ok: true, value: upgradePayload({ format: 'careers-desk-data', schemaVersion, exportedAt, tables }, currentSchemaVersion) };
  } catch (error) {
    return backupError('invalid-content', (error as Error).message);
  }
}

export interface BackupSummary {
  exportedAt: string;
  serviceName: string | null;
  counts: { table: BackupTable; label: string; count: number }[];
}

/** What a backup holds, for the adviser to see before choosing to restore it. */
export function summarisePayload(payload: BackupPayload): BackupSummary {
  const service = payload.tables.settings.find((row) => row.key === 'service')?.value;
  const name = isPlainObject(service) && typeof service.name === 'string' ? service.name : null;
  return {
    exportedAt: payload.exportedAt,
    serviceName: name,
    counts: BACKUP_TABLES.map((table) => ({ table, label: BACKUP_TABLE_LABELS[table], count: payload.tables[table].length })),
  };
}
