import { z } from 'zod';
import { deriveBackupKey, fromBase64, MIN_PBKDF2_ITERATIONS, toBase64, type RandomBytes } from '../backup/format';
import { DATA_KEY_BYTES, loadSyncCipher, newDataKey, openBytes, sealBytes } from './sealed-rows';

/**
 * The records' data key as the key store keeps it: as it is, or wrapped (AES-256-GCM) under a key derived
 * from the lock's passphrase (PBKDF2-SHA-256, as backups derive theirs). Wrapped, the key cannot be had
 * without the passphrase, so the lock holds even against someone who edits the database.
 */
const storedDataKeySchema = z.discriminatedUnion('kind', [
  z.object({ format: z.literal('careers-desk-data-key'), kind: z.literal('plain'), key: z.string() }),
  z.object({
    format: z.literal('careers-desk-data-key'),
    kind: z.literal('wrapped'),
    salt: z.string(),
    iterations: z.number().int().min(1),
    wrapped: z.string(),
  }),
]);
export type StoredDataKey = z.infer<typeof storedDataKeySchema>;

/** Binds the wrapped key to its purpose, so no other sealed value can stand in for it. */
const WRAP_LABEL = new TextEncoder().encode('careers-desk data key');

export function encodeStoredDataKey(stored: StoredDataKey): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(stored));
}

export function decodeStoredDataKey(bytes: Uint8Array): StoredDataKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new Error('The stored key to the records is damaged: it is not readable');
  }
  const result = storedDataKeySchema.safeParse(parsed);
  if (!result.success) throw new Error('The stored key to the records is damaged: it is not in the expected form');
  return result.data;
}

export function plainDataKey(key: Uint8Array = newDataKey()): StoredDataKey {
  return { format: 'careers-desk-data-key', kind: 'plain', key: toBase64(key) };
}

/** The key of a plain stored key; throws when it is wrapped (ask for the passphrase instead) or damaged. */
export function dataKeyOf(stored: StoredDataKey): Uint8Array {
  if (stored.kind !== 'plain') throw new Error('The key to the records is locked by a passphrase');
  const key = fromBase64(stored.key);
  if (!key || key.length !== DATA_KEY_BYTES) throw new Error('The stored key to the records is damaged: it is the wrong length');
  return key;
}

export async function wrapDataKey(
  key: Uint8Array,
  passphrase: string,
  random: RandomBytes,
  iterations: number = MIN_PBKDF2_ITERATIONS,
): Promise<StoredDataKey> {
  const derived = await deriveBackupKey(passphrase, random(16), iterations);
  await loadSyncCipher();
  return {
    format: 'careers-desk-data-key',
    kind: 'wrapped',
    salt: toBase64(derived.salt),
    iterations,
    wrapped: toBase64(sealBytes(derived.master, key, WRAP_LABEL)),
  };
}

/** The data key, or null when the passphrase is not the one it was wrapped with (the GCM tag does not match). */
export async function unwrapDataKey(stored: StoredDataKey, passphrase: string): Promise<Uint8Array | null> {
  if (stored.kind === 'plain') return dataKeyOf(stored);
  const salt = fromBase64(stored.salt);
  const wrapped = fromBase64(stored.wrapped);
  if (!salt || !wrapped) throw new Error('The stored key to the records is damaged');
  const derived = await deriveBackupKey(passphrase, salt, stored.iterations);
  await loadSyncCipher();
  try {
    return openBytes(derived.master, wrapped, WRAP_LABEL);
  } catch {
    return null;
  }
}
