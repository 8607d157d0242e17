/**
 * A passphrase kept only as a slow hash, for the lock: PBKDF2-SHA-256 with a random 16-byte salt
 * and 600,000 iterations (stored with the hash, so the count can rise later). Checking costs the
 * same slow derivation, which is what makes guessing slow.
 */
import { MIN_PBKDF2_ITERATIONS, deriveBackupKey, fromBase64, toBase64, type RandomBytes } from './format';

export interface PassphraseHash {
  salt: string;
  iterations: number;
  hash: string;
}

export async function hashPassphrase(
  passphrase: string,
  random: RandomBytes,
  options: { UNSAFE_testOnlyIterations?: number } = {},
): Promise<PassphraseHash> {
  const iterations = options.UNSAFE_testOnlyIterations ?? MIN_PBKDF2_ITERATIONS;
  const { salt, master } = await deriveBackupKey(passphrase, random(16), iterations);
  return { salt: toBase64(salt), iterations, hash: toBase64(master) };
}

export async function verifyPassphrase(passphrase: string, stored: PassphraseHash): Promise<boolean> {
  const salt = fromBase64(stored.salt);
  const expected = fromBase64(stored.hash);
  if (!salt || !expected || stored.iterations < 1 || stored.iterations > 10_000_000) return false;
  const { master } = await deriveBackupKey(passphrase, salt, stored.iterations);
  let difference = master.length ^ expected.length;
  for (let i = 0; i < Math.min(master.length, expected.length); i++) difference |= (master[i] ?? 0) ^ (expected[i] ?? 0);
  return difference === 0;
}
