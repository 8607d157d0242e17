import {
  BACKUP_TABLES,
  MACHINE_SETTING_KEYS,
  isMachineSettingKey,
  backupRecordProblems,
  recordsRefusedMessage,
  decodeBackupContents,
  payloadParts,
  fromBase64,
  newBackupKey,
  openBackup,
  sealBackup,
  summarisePayload,
  toBase64,
  type BackupHeader,
  type BackupKey,
  type BackupPayload,
  type BackupResult,
  type BackupRow,
  type BackupSummary,
  type BackupTable,
  type RandomBytes,
  type Unlock,
} from '@shared/backup';
import { formatUkDate } from '@shared/academic-year';
import { SETTING_LABELS, settingSchemas, type SettingValue } from '@shared/model';
import type { DesktopBridge } from '@shared/bridge';
import { allTables, type CareersDeskDb } from './schema';
import { getSetting } from './settings';
import { recordAudit, writeAudit } from './audit';
import { bulkAddInSlices, type WriteProgress } from './bulk';
import { PUPIL_LIST_SNAPSHOT_KEY } from './pupil-list-stamp';
import { sealAhead } from './seal-ahead';
import { removeEverythingAbout } from './pupils';
import { secureRandom } from '../platform/secure-random';

/** The database version this app declares (Dexie's verno). */
export function schemaVersionOf(db: CareersDeskDb): number {
  return db.verno;
}

/** Every table in one read transaction, so the backup is one consistent moment. This computer's own settings are left out. */
export async function exportPayload(db: CareersDeskDb, now: Date = new Date()): Promise<BackupPayload> {
  return db.transaction('r', allTables(db), async () => {
    const tables = {} as Record<BackupTable, BackupRow[]>;
    for (const name of BACKUP_TABLES) {
      const rows = (await db.table(name).toArray()) as BackupRow[];
      tables[name] = name === 'settings' ? rows.filter((row) => !isMachineSettingKey(row.key)) : rows;
    }
    return { format: 'careers-desk-data', schemaVersion: schemaVersionOf(db), exportedAt: now.toISOString(), tables };
  });
}

export interface BackupFileOptions {
  reason: BackupHeader['reason'];
  now?: Date;
  random?: RandomBytes;
  appVersion?: string;
  /** Characters of JSON in each part of the file (tests make small parts; the app keeps the default). */
  partCharacters?: number;
}

/** The whole database as an encrypted backup file. */
export async function makeBackupFile(db: CareersDeskDb, key: BackupKey, options: BackupFileOptions): Promise<Uint8Array> {
  const now = options.now ?? new Date();
  const payload = await exportPayload(db, now);
  return sealBackup(
    payloadParts(payload, options.partCharacters),
    key,
    { schemaVersion: payload.schemaVersion, createdAt: now.toISOString(), reason: options.reason, appVersion: options.appVersion },
    options.random ?? secureRandom,
  );
}

export interface OpenedBackup {
  header: BackupHeader;
  payload: BackupPayload;
  summary: BackupSummary;
  key: BackupKey;
}

/** Opens and checks a backup file: nothing in the database is touched. */
export async function readBackupFile(
  db: CareersDeskDb,
  bytes: Uint8Array,
  unlock: Unlock,
  options: { UNSAFE_testOnlyAllowWeakIterations?: boolean } = {},
): Promise<BackupResult<OpenedBackup>> {
  const currentSchemaVersion = schemaVersionOf(db);
  const opened = await openBackup(bytes, unlock, { currentSchemaVersion, ...options });
  if (!opened.ok) return opened;
  const payload = decodeBackupContents(opened.value.contents, opened.value.header, currentSchemaVersion);
  if (!payload.ok) return payload;
  return {
    ok: true,
    value: { header: opened.value.header, payload: payload.value, summary: summarisePayload(payload.value), key: opened.value.key },
  };
}

/**
 * Replaces everything with the backup's content in one transaction: every table cleared and
 * refilled, this computer's own settings kept, and an audit entry saying so. A failure
 * anywhere aborts the transaction and the database stays as it was.
 */
export async function restorePayload(
  db: CareersDeskDb,
  payload: BackupPayload,
  options: { actorId: string | null; source: string; now?: Date },
  progress: WriteProgress = {},
): Promise<void> {
  // Every record checked before the first is written: nothing changes when one breaks the rules.
  const problems = backupRecordProblems(payload);
  if (problems.length > 0) throw new Error(recordsRefusedMessage(problems));
  // This computer's own settings are never taken from a backup. Every row is sealed before the transaction
  // opens (Web Crypto cannot be awaited inside it); stopped here, nothing has been cleared or written.
  const fromBackup = {
    ...payload.tables,
    settings: payload.tables.settings.filter((row) => !isMachineSettingKey(row.key)),
  };
  const tables = await sealAhead(db, fromBackup, progress);
  await db.transaction('rw', allTables(db), async () => {
    // This computer's own settings, but not the pupil list's snapshot: it is of the records being replaced.
    const kept = await db.settings
      .where('key')
      .anyOf(MACHINE_SETTING_KEYS.filter((key) => key !== PUPIL_LIST_SNAPSHOT_KEY))
      .toArray();
    for (const name of BACKUP_TABLES) await db.table(name).clear();
    for (const name of BACKUP_TABLES) await bulkAddInSlices(db.table(name), tables[name], progress);
    await db.settings.bulkPut(kept);
    // A backup made before an erasure still holds that young person: erase them again.
    const back = (await db.pupils.bulkGet((await getSetting(db, 'erasedPupilIds')) ?? [])).filter((pupil) => pupil !== undefined);
    for (const pupil of back) await removeEverythingAbout(db, pupil.id);
    const erasedAgain =
      back.length === 0
        ? ''
        : `; ${back.length === 1 ? '1 young person' : `${back.length} young people`} erased on this computer since were erased again`;
    await writeAudit(
      db,
      {
        actorId: options.actorId,
        action: 'restore',
        entity: 'database',
        recordId: null,
        pupilId: null,
        summary:
          `Restored the whole database from ${options.source} (made ${formatUkDate(payload.exportedAt.slice(0, 10))})${erasedAgain}`.slice(
            0,
            500,
          ),
      },
      options.now,
    );
  });
}

/** Records that a backup was saved (who and when; nothing of what it holds). */
export async function auditBackupSaved(db: CareersDeskDb, actorId: string | null, now: Date = new Date()): Promise<void> {
  await recordAudit(
    db,
    {
      actorId,
      action: 'export',
      entity: 'database',
      recordId: null,
      pupilId: null,
      summary: 'Saved an encrypted backup of the whole database',
    },
    now,
  );
}

// ---------------------------------------------------------------------------------------------
// This computer's automatic-backup key

/** Where this computer's automatic-backup key is kept: the bridge's key store (the OS keychain on the desktop). */
export type BackupKeyStore = Pick<DesktopBridge, 'readKey' | 'writeKey'>;

type StoredBackupKey = SettingValue<'autoBackupKey'>;

function encodeBackupKey(stored: StoredBackupKey): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(stored));
}

function decodeBackupKey(bytes: Uint8Array): StoredBackupKey | undefined {
  try {
    const parsed = settingSchemas.autoBackupKey.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the key out of the settings table, where it was kept before the key store, with its audit entry. */
async function removeBackupKeySetting(db: CareersDeskDb, actorId: string | null): Promise<void> {
  await db.transaction('rw', db.settings, db.audit, async () => {
    if (!(await db.settings.get('autoBackupKey'))) return;
    await db.settings.delete('autoBackupKey');
    await writeAudit(db, {
      actorId,
      action: 'update',
      entity: 'settings',
      recordId: 'autoBackupKey',
      pupilId: null,
      summary: `Moved the setting "${SETTING_LABELS.autoBackupKey}" to this computer's key store`,
    });
  });
}

/**
 * This computer's automatic-backup key, from the key store. One kept in the settings by an older version
 * is moved there the first time it is asked for (copied, then deleted from the database).
 */
export async function getAutoBackupKey(db: CareersDeskDb, keys: BackupKeyStore): Promise<BackupKey | null> {
  const bytes = await keys.readKey({ name: 'auto-backup-key' });
  let stored = bytes ? decodeBackupKey(bytes) : undefined;
  if (!stored) {
    stored = await getSetting(db, 'autoBackupKey');
    if (!stored) return null;
    await keys.writeKey({ name: 'auto-backup-key', data: encodeBackupKey(stored) });
    await removeBackupKeySetting(db, null);
  }
  const salt = fromBase64(stored.salt);
  const master = fromBase64(stored.master);
  return salt && master ? { salt, iterations: stored.iterations, master } : null;
}

/** Derives and keeps (in the key store) the key for automatic backups from a passphrase the adviser chose; the passphrase is not kept. */
export async function setAutoBackupPassphrase(
  db: CareersDeskDb,
  keys: BackupKeyStore,
  passphrase: string,
  actorId: string | null,
  random: RandomBytes = secureRandom,
): Promise<BackupKey> {
  const key = await newBackupKey(passphrase, random);
  await keys.writeKey({
    name: 'auto-backup-key',
    data: encodeBackupKey({ salt: toBase64(key.salt), iterations: key.iterations, master: toBase64(key.master) }),
  });
  await removeBackupKeySetting(db, actorId);
  await db.transaction('rw', db.audit, () =>
    writeAudit(db, {
      actorId,
      action: 'update',
      entity: 'settings',
      recordId: 'autoBackupKey',
      pupilId: null,
      summary: `Changed the setting "${SETTING_LABELS.autoBackupKey}"`,
    }),
  );
  return key;
}
