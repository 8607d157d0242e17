import { SETTING_LABELS, settingSchemas, withoutUnsafeCharacters, type SettingKey, type SettingValue } from '@shared/model';
// Direct, not the barrel: this module is in the start's records code, and the barrel holds the returns' builders.
import { removeRecipient, type RecipientRemoval } from '@shared/returns/data-sharing';
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
  /** The audit entry's words, where the change is better said than "Changed the setting". */
  summary = `Changed the setting "${SETTING_LABELS[key]}"`,
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
      summary,
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

/**
 * Removes a recipient of extracts, with their agreement and key, and stops them being the council's recipient,
 * in one transaction with its audit entries. Null when there is no recipient with that id (removed meanwhile).
 */
export async function removeReturnRecipient(db: CareersDeskDb, id: string, actorId: string | null): Promise<RecipientRemoval | null> {
  return db.transaction('rw', db.settings, db.audit, async () => {
    const councilRecipientId = (await getSetting(db, 'councilRecipientId')) ?? null;
    const removal = removeRecipient((await getSetting(db, 'returnRecipients')) ?? [], councilRecipientId, id);
    if (!removal) return null;
    // A name stored before names were checked may hold a control character, which no audit entry may.
    const name = withoutUnsafeCharacters(removal.removed.name);
    await setSetting(db, 'returnRecipients', removal.recipients, actorId, `Removed ${name} as a recipient of extracts, with their key`);
    if (removal.wasCouncils) {
      await setSetting(db, 'councilRecipientId', null, actorId, `${name} is no longer the council's destinations recipient (removed)`);
    }
    return removal;
  });
}
