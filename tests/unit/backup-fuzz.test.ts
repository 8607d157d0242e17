// Hundreds of mutated backup files (of today's format, and of the first format) fed to restore: each
// gets a clear error (or, for a change that alters nothing that matters, such as JSON whitespace, a
// valid backup), and the database is unchanged after every failure.
//
// The key is derived once at the full 600,000 PBKDF2 iterations and the mutated files are opened
// with it ({ key }), as automatic backups are; a few are opened with the passphrase as well, so
// the derivation path is fuzzed too without taking minutes.
import { testDatabaseOptions } from './test-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom, type RandomSource } from '@shared/random';
import { deriveBackupKey, fromBase64, newBackupKey, type BackupErrorCode, type BackupKey } from '@shared/backup';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoDataset } from '@shared/demo';
import { CareersDeskDb } from '@renderer/db/schema';
import { loadDataset } from '@renderer/db/demo';
import { makeBackupFile, readBackupFile, restorePayload } from '@renderer/db/backup';
import { secureRandom } from '@renderer/platform/secure-random';
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
type Header = Record<string, unknown> & { parts: Record<string, unknown>[] };

const HEADER_EDITS: ((d: Header, random: RandomSource) => void)[] = [
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
    const part = r.pick(d.parts);
    part.ciphertextBytes = (part.ciphertextBytes as number) + r.int(-3, 3);
  },
  (d, r) => {
    const part = r.pick(d.parts);
    part.rows = r.pick([0, (part.rows as number) + 1, -1, 'all']);
  },
  (d, r) => {
    r.pick(d.parts).table = r.pick(['pupils', 'secrets', 'constructor', '__proto__', '']);
  },
  (d, r) => {
    d.parts = r.pick([[], d.parts.slice(1), [...d.parts].reverse()]);
  },
  (d) => {
    d.createdAt = '2030-01-01T00:00:00.000Z';
  },
  (d) => {
    delete (d as Record<string, unknown>).parts;
  },
  (d) => {
    d.extra = 'field';
  },
  (d) => {
    d.format = 'something-else';
  },
];

function splice(copy: Uint8Array, random: RandomSource): Uint8Array {
  const at = random.int(0, copy.length);
  return new Uint8Array([
    ...copy.subarray(0, at),
    ...Array.from({ length: random.int(1, 16) }, () => random.int(0, 255)),
    ...copy.subarray(at),
  ]);
}

/** A format 2 file changed: its header line edited, cut short, a bit flipped, bytes taken out or added, or harmless spaces. */
function mutate(file: Uint8Array, random: RandomSource): Uint8Array {
  // Header edits are the most varied kind of change, so they come up most often.
  const kind = random.pick([0, 0, 0, 1, 2, 3, 4, 5]);
  const newline = file.indexOf(0x0a);
  if (kind === 0) {
    const header = JSON.parse(new TextDecoder().decode(file.subarray(0, newline))) as Header;
    random.pick(HEADER_EDITS)(header, random);
    return new Uint8Array([...new TextEncoder().encode(JSON.stringify(header)), ...file.subarray(newline)]);
  }
  const copy = new Uint8Array(file);
  if (kind === 1) return copy.subarray(0, random.int(0, copy.length - 1));
  if (kind === 2) {
    const at = random.int(0, copy.length - 1);
    copy[at] = copy[at]! ^ (1 << random.int(0, 7));
    return copy;
  }
  if (kind === 3) {
    const at = random.int(newline + 1, copy.length - 2);
    return new Uint8Array([...copy.subarray(0, at), ...copy.subarray(at + random.int(1, 64))]);
  }
  if (kind === 4) return splice(copy, random);
  // Whitespace between JSON tokens of the header line: harmless, the file must still open.
  const line = new TextDecoder().decode(file.subarray(0, newline)).replace('",', '",   ');
  return new Uint8Array([...new TextEncoder().encode(line), ...file.subarray(newline)]);
}

/** A format 1 file (one JSON document) changed: what an old backup on a stick may have suffered. */
function mutateDocument(file: Uint8Array, random: RandomSource): Uint8Array {
  const kind = random.int(0, 3);
  const copy = new Uint8Array(file);
  if (kind === 0) return copy.subarray(0, random.int(0, copy.length - 1));
  if (kind === 1) {
    const at = random.int(0, copy.length - 1);
    copy[at] = copy[at]! ^ (1 << random.int(0, 7));
    return copy;
  }
  if (kind === 2) {
    // A character inside the base64 ciphertext, replaced with another base64 character.
    const text = new TextDecoder().decode(copy);
    const start = text.indexOf('"ciphertext"') + 15;
    const at = random.int(start, text.length - 4);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    return new TextEncoder().encode(text.slice(0, at) + random.pick([...alphabet]) + text.slice(at + 1));
  }
  return splice(copy, random);
}

function expectClearError(error: { code: BackupErrorCode; message: string }): void {
  expect(CODES).toContain(error.code);
  expect(error.message.length).toBeGreaterThan(20);
  expect(error.message).not.toMatch(/undefined|NaN|\[object/);
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
      expectClearError(read.error);
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

  it('gives a clear error for damaged backups in the first format too', async () => {
    const file = new Uint8Array(readFileSync(join(__dirname, '../fixtures/backups/format-1.json')));
    const document = JSON.parse(new TextDecoder().decode(file)) as { kdf: { salt: string; iterations: number } };
    const oldKey = await deriveBackupKey('format one fixture passphrase', fromBase64(document.kdf.salt)!, document.kdf.iterations);
    const random = createRandom(1717);
    let opened = 0;
    for (let i = 0; i < 80; i++) {
      const read = await readBackupFile(db, mutateDocument(file, random), { key: oldKey }, { UNSAFE_testOnlyAllowWeakIterations: true });
      if (read.ok) {
        opened += 1;
        expect(read.value.payload.tables.pupils).toHaveLength(9);
      } else expectClearError(read.error);
    }
    expect(await readBackupFile(db, file, { key: oldKey }, { UNSAFE_testOnlyAllowWeakIterations: true })).toMatchObject({ ok: true });
    expect(opened).toBeLessThan(80);
  }, 60_000);
});
