// Hundreds of mutated backup files fed to restore: each gets a clear error (or, for a change that
// alters nothing that matters, such as JSON whitespace, a valid backup), and the database is
// unchanged after every failure.
//
// The key is derived once at the full 600,000 PBKDF2 iterations and the mutated files are opened
// with it ({ key }), as automatic backups are; a few are opened with the passphrase as well, so
// the derivation path is fuzzed too without taking minutes.
import { testDatabaseOptions } from './test-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom, type RandomSource } from '@shared/random';
import { newBackupKey, type BackupErrorCode, type BackupKey } from '@shared/backup';
import { generateDemoDataset } from '@shared/demo';
import { CareersDeskDb } from '@renderer/db/schema';
import { loadDataset } from '@renderer/db/demo';
import { makeBackupFile, readBackupFile, restorePayload, secureRandom } from '@renderer/db/backup';
import { digestTables } from '../fixtures/db-digest';

const MUTATIONS = 300;
const PASSPHRASE = 'a passphrase for the fuzz';
const CODES: BackupErrorCode[] = [
  'not-a-backup',
  'damaged',
  'truncated',
  'newer-format',
  'newer-schema',
  'weak-key',
  'wrong-passphrase',
  'different-key',
  'tampered',
  'invalid-content',
];
const HEADER_EDITS: ((d: Record<string, unknown>, random: RandomSource) => void)[] = [
  (d, r) => {
    d.formatVersion = r.int(0, 3);
  },
  (d, r) => {
    d.schemaVersion = r.pick([0, 2, 99, '1', null]);
  },
  (d, r) => {
    (d.kdf as Record<string, unknown>).iterations = r.pick([1, 599_999, 600_001, 1e9, -5, 'many']);
  },
  (d) => {
    (d.kdf as Record<string, unknown>).salt = 'AAAAAAAAAAAAAAAAAAAAAA==';
  },
  (d) => {
    (d.cipher as Record<string, unknown>).iv = 'AAAAAAAAAAAAAAAA';
  },
  (d) => {
    d.keyCheck = 'A'.repeat(43) + '=';
  },
  (d, r) => {
    d.compression = r.pick(['none', 'zip', 'gzip']);
  },
  (d, r) => {
    d.ciphertextBytes = (d.ciphertextBytes as number) + r.int(-3, 3);
  },
  (d) => {
    d.createdAt = '2030-01-01T00:00:00.000Z';
  },
  (d) => {
    delete d.ciphertext;
  },
  (d) => {
    d.extra = 'field';
  },
  (d) => {
    d.format = 'something-else';
  },
];

function mutate(file: Uint8Array, random: RandomSource): Uint8Array {
  const kind = random.int(0, 5);
  if (kind === 0) {
    const document = JSON.parse(new TextDecoder().decode(file)) as Record<string, unknown>;
    random.pick(HEADER_EDITS)(document, random);
    return new TextEncoder().encode(JSON.stringify(document));
  }
  const copy = new Uint8Array(file);
  if (kind === 1) return copy.subarray(0, random.int(0, copy.length - 1));
  if (kind === 2) {
    const at = random.int(0, copy.length - 1);
    copy[at] = copy[at]! ^ (1 << random.int(0, 7));
    return copy;
  }
  if (kind === 3) {
    // A byte inside the base64 ciphertext, replaced with another base64 character.
    const text = new TextDecoder().decode(copy);
    const start = text.indexOf('"ciphertext"') + 15;
    const at = random.int(start, text.length - 4);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    return new TextEncoder().encode(text.slice(0, at) + random.pick([...alphabet]) + text.slice(at + 1));
  }
  if (kind === 4) {
    const at = random.int(0, copy.length);
    return new Uint8Array([
      ...copy.subarray(0, at),
      ...Array.from({ length: random.int(1, 16) }, () => random.int(0, 255)),
      ...copy.subarray(at),
    ]);
  }
  // Whitespace between JSON tokens: harmless, the file must still open.
  const text = new TextDecoder().decode(copy);
  return new TextEncoder().encode(text.replace('",\n', '",   \n'));
}

describe('a fuzz of mutated backup files through restore', () => {
  let db: CareersDeskDb;
  let key: BackupKey;
  let file: Uint8Array;

  beforeAll(async () => {
    db = new CareersDeskDb('careers-desk-backup-fuzz', testDatabaseOptions());
    await db.open();
    await loadDataset(db, generateDemoDataset({ seed: 5, today: '2026-11-24', pupils: 20 }), null);
    key = await newBackupKey(PASSPHRASE, secureRandom);
    file = await makeBackupFile(db, key, { reason: 'manual', now: new Date('2026-11-24T10:00:00Z') });
  });

  afterAll(async () => {
    db.close();
    await db.delete();
  });

  it(`gives a clear error for each of ${MUTATIONS} damaged files and leaves every table unchanged`, async () => {
    const random = createRandom(424242);
    const seen = new Set<string>();
    let opened = 0;
    for (let i = 0; i < MUTATIONS; i++) {
      const mutated = mutate(file, random);
      const before = await digestTables(db);
      const unlock = i % 60 === 0 ? { passphrase: PASSPHRASE } : { key };
      const read = await readBackupFile(db, mutated, unlock);
      if (read.ok) {
        // Only a change that alters nothing authenticated can open; restoring it restores the same data.
        opened += 1;
        const pupils = await db.pupils.toArray();
        await restorePayload(db, read.value.payload, { actorId: null, source: 'fuzz' });
        expect(await db.pupils.toArray()).toEqual(pupils);
        continue;
      }
      expect(CODES).toContain(read.error.code);
      expect(read.error.message.length).toBeGreaterThan(20);
      expect(read.error.message).not.toMatch(/undefined|NaN|\[object/);
      seen.add(read.error.code);
      expect(await digestTables(db)).toEqual(before);
    }
    expect(opened).toBeGreaterThan(0);
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        'damaged',
        'different-key',
        'newer-format',
        'newer-schema',
        'not-a-backup',
        'tampered',
        'truncated',
        'weak-key',
      ]),
    );
  }, 180_000);
});
