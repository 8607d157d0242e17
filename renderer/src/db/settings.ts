import { SETTING_LABELS, settingSchemas, type SettingKey, type SettingValue } from '@shared/model';
import { canonicalJson } from '@shared/backup/format';
import type { CareersDeskDb } from './schema';
import { writeAudit } from './audit';

/** Reads a setting; a missing value, or one that no longer fits its schema, reads as undefined. */
export async function getSetting<K extends SettingKey>(db: CareersDeskDb, key: K): Promise<SettingValue<K> | undefined> {
  const row = await db.settings.get(key);
  if (!row) return undefined;
  const parsed = settingSchemas[key].safeParse(row.value);
  return parsed.success ? (parsed.data as SettingValue<K>) : undefined;
}

/**
 * Stores a setting with its audit entry. A value equal to the one stored writes nothing, so the log
 * holds only real changes (previewing a return with the same threshold is not a change).
 */
export async function setSetting<K extends SettingKey>(
  db: CareersDeskDb,
  key: K,
  value: SettingValue<K>,
  actorId: string | null,
): Promise<void> {
  const checked = settingSchemas[key].parse(value);
  await db.transaction('rw', db.settings, db.audit, async () => {
    const stored = await db.settings.get(key);
    if (stored && canonicalJson(stored.value) === canonicalJson(checked)) return;
    await db.settings.put({ key, value: checked });
    await writeAudit(db, {
      actorId,
      action: 'update',
      entity: 'settings',
      recordId: key,
      pupilId: null,
      summary: `Changed the setting "${SETTING_LABELS[key]}"`,
    });
  });
}

/** Turns the lock off: its passphrase hash is removed and its idle time set to 0, with the audit entry, together. */
export async function removeLock(db: CareersDeskDb, actorId: string | null): Promise<void> {
  await db.transaction('rw', db.settings, db.audit, async () => {
    await db.settings.delete('lockPassphraseHash');
    await setSetting(db, 'lockIdleMinutes', 0, actorId);
  });
}
