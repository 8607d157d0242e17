import type { RandomBytes } from '@shared/backup/format';

/** Cryptographically random bytes for salts and IVs (Web Crypto, in the window and in workers alike). */
export const secureRandom: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));
