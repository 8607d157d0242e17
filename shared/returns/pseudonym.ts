/**
 * Pseudonyms for the pupil-level extract: HMAC-SHA-256 of the UPN under a secret key kept for each
 * recipient, so one recipient can link extracts over time and nobody without the key can reverse
 * or match them. Web Crypto (`globalThis.crypto.subtle`) is standard in Node 20 and in browsers.
 */
import type { Pupil } from '../model/pupil';

const encoder = new TextEncoder();

function subtle(): SubtleCrypto {
  const found = globalThis.crypto?.subtle;
  if (!found) throw new Error('Web Crypto is not available here');
  return found;
}

/** HMAC-SHA-256 of `value` under `key`, as 64 lower-case hex characters. */
export async function hmacPseudonym(key: string, value: string): Promise<string> {
  if (key.length === 0) throw new Error('A pseudonym key is needed');
  return hex(await subtle().sign('HMAC', await importKey(key), encoder.encode(value)));
}

function importKey(key: string): Promise<CryptoKey> {
  return subtle().importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * What is hashed for a young person: the UPN as written (upper case, no spaces), so a recipient
 * holding the key can match their own records; or, for those without one, the record id (a UUID,
 * which can never equal a 13-character UPN).
 */
export function pseudonymSubject(pupil: Pick<Pupil, 'id' | 'upn'>): string {
  const upn = pupil.upn?.replace(/\s+/g, '').toUpperCase() ?? '';
  return upn || pupil.id;
}

/** Pseudonyms for many young people, keyed by record id; the key is imported once. */
export async function pseudonymsFor(pupils: readonly Pick<Pupil, 'id' | 'upn'>[], key: string): Promise<Map<string, string>> {
  if (key.length === 0) throw new Error('A pseudonym key is needed');
  const cryptoKey = await importKey(key);
  const result = new Map<string, string>();
  await Promise.all(
    pupils.map(async (pupil) => {
      result.set(pupil.id, hex(await subtle().sign('HMAC', cryptoKey, encoder.encode(pseudonymSubject(pupil)))));
    }),
  );
  return result;
}
