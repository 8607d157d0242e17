import { memoryKeyStore, testDatabaseOptions } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BACKUP_TABLES,
  MIN_PBKDF2_ITERATIONS,
  encodePayload,
  type BackupPayload,
  fromBase64,
  hashPassphrase,
  inspectBackup,
  newBackupKey,
  passphraseProblems,
  sealBackup,
  toBase64,
  verifyPassphrase,
  type BackupKey,
} from '@shared/backup';
import { generateDemoDataset } from '@shared/demo';
import { CareersDeskDb, allTables } from '@renderer/db/schema';
import { loadDataset } from '@renderer/db/demo';
import { getSetting, setSetting } from '@renderer/db/settings';
import { erasePupil } from '@renderer/db/pupils';
import {
  exportPayload,
  getAutoBackupKey,
  makeBackupFile,
  readBackupFile,
  restorePayload,
  secureRandom,
  setAutoBackupPassphrase,
} from '@renderer/db/backup';
import { digestTables } from '../fixtures/db-digest';

const PASSPHRASE = 'correct horse battery staple';
const NOW = new Date('2026-11-24T10:00:00.000Z');
const WEAK = { UNSAFE_testOnlyAllowWeakIterations: true } as const;

let db: CareersDeskDb;
let counter = 0;
const opened: CareersDeskDb[] = [];

function freshDb(): CareersDeskDb {
  counter += 1;
  const created = new CareersDeskDb(`careers-desk-backup-${counter}`, testDatabaseOptions());
  opened.push(created);
  return created;
}

beforeEach(async () => {
  db = freshDb();
  await db.open();
  await loadDataset(db, generateDemoDataset({ seed: 7, today: '2026-11-24', pupils: 60 }), null, NOW);
});

afterEach(async () => {
  for (const each of opened.splice(0)) {
    each.close();
    await each.delete();
  }
});

/** A key made quickly with few iterations, for the tests that only need some key (the format's floor is tested on its own). */
function quickKey(passphrase = PASSPHRASE): Promise<BackupKey> {
  return newBackupKey(passphrase, secureRandom, { UNSAFE_testOnlyIterations: 1000 });
}

function edit(bytes: Uint8Array, change: (document: Record<string, unknown>) => void): Uint8Array {
  const document = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  change(document);
  return new TextEncoder().encode(JSON.stringify(document));
}

describe('the backup file format', () => {
  it('round-trips a full demo database: restored, it exports byte for byte the same', async () => {
    await setSetting(db, 'retentionYears', 4, null);
    const original = encodePayload(await exportPayload(db, NOW));
    const key = await newBackupKey(PASSPHRASE, secureRandom);
    expect(key.iterations).toBe(MIN_PBKDF2_ITERATIONS);
    const file = await makeBackupFile(db, key, { reason: 'manual', now: NOW, appVersion: '0.1.0' });

    const header = inspectBackup(file, { currentSchemaVersion: db.verno });
    expect(header).toMatchObject({
      ok: true,
      value: {
        header: {
          format: 'careers-desk-backup',
          formatVersion: 1,
          schemaVersion: db.verno,
          compression: 'gzip',
          kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 },
          cipher: { name: 'AES-GCM', keyBits: 256 },
        },
      },
    });
    // Nothing personal is readable in the file.
    const text = new TextDecoder().decode(file);
    const somePupil = (await db.pupils.toCollection().first())!;
    expect(text).not.toContain(somePupil.legalSurname);

    const target = freshDb();
    await target.open();
    const read = await readBackupFile(target, file, { passphrase: PASSPHRASE });
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.summary.counts.find((c) => c.table === 'pupils')!.count).toBe(await db.pupils.count());
    await restorePayload(target, read.value.payload, { actorId: null, source: 'a file', now: NOW });

    const restored = await exportPayload(target, NOW);
    const restoreEntries = restored.tables.audit.filter((e) => e.action === 'restore');
    expect(restoreEntries).toHaveLength(1);
    restored.tables.audit = restored.tables.audit.filter((e) => e.action !== 'restore');
    expect(Buffer.from(encodePayload(restored)).equals(Buffer.from(original))).toBe(true);
  });

  it('says so, and changes nothing, for a wrong passphrase', async () => {
    const file = await makeBackupFile(db, await quickKey(), { reason: 'manual', now: NOW });
    const before = await digestTables(db);
    const read = await readBackupFile(db, file, { passphrase: 'Correct horse battery staple' }, WEAK);
    expect(read).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase', message: expect.stringContaining('passphrase does not open this backup') },
    });
    expect(await digestTables(db)).toEqual(before);
  });

  it('refuses a file whose ciphertext or header was changed', async () => {
    const file = await makeBackupFile(db, await quickKey(), { reason: 'manual', now: NOW });
    const flipped = edit(file, (d) => {
      const bytes = fromBase64(d.ciphertext as string)!;
      bytes[100] = bytes[100]! ^ 0x01;
      d.ciphertext = toBase64(bytes);
    });
    expect(await readBackupFile(db, flipped, { passphrase: PASSPHRASE }, WEAK)).toMatchObject({
      ok: false,
      error: { code: 'tampered', message: expect.stringContaining('changed or damaged') },
    });
    const redated = edit(file, (d) => {
      d.createdAt = '2020-01-01T00:00:00.000Z';
    });
    expect(await readBackupFile(db, redated, { passphrase: PASSPHRASE }, WEAK)).toMatchObject({ ok: false, error: { code: 'tampered' } });
  });

  it('refuses a truncated file, a file of another kind, and a file from a newer version, before asking for the passphrase', async () => {
    const file = await makeBackupFile(db, await quickKey(), { reason: 'manual', now: NOW });
    expect(inspectBackup(file.subarray(0, file.length - 200), { currentSchemaVersion: db.verno, ...WEAK })).toMatchObject({
      ok: false,
      error: { code: 'truncated', message: expect.stringContaining('incomplete') },
    });
    const shortCiphertext = edit(file, (d) => {
      d.ciphertext = (d.ciphertext as string).slice(0, 400);
    });
    expect(inspectBackup(shortCiphertext, { currentSchemaVersion: db.verno, ...WEAK })).toMatchObject({
      ok: false,
      error: { code: 'truncated' },
    });
    expect(inspectBackup(new TextEncoder().encode('UPN,Surname\r\nA,B\r\n'), { currentSchemaVersion: db.verno })).toMatchObject({
      ok: false,
      error: { code: 'not-a-backup' },
    });
    expect(inspectBackup(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe]), { currentSchemaVersion: db.verno })).toMatchObject({
      ok: false,
      error: { code: 'not-a-backup' },
    });
    const newerFormat = edit(file, (d) => {
      d.formatVersion = 2;
    });
    expect(inspectBackup(newerFormat, { currentSchemaVersion: db.verno, ...WEAK })).toMatchObject({
      ok: false,
      error: { code: 'newer-format', message: expect.stringContaining('Update Careers Desk') },
    });
    const newerSchema = edit(file, (d) => {
      d.schemaVersion = db.verno + 1;
    });
    expect(inspectBackup(newerSchema, { currentSchemaVersion: db.verno, ...WEAK })).toMatchObject({
      ok: false,
      error: {
        code: 'newer-schema',
        message: expect.stringContaining(`database version ${db.verno + 1}; this computer has version ${db.verno}`),
      },
    });
  });

  it('writes at least 600,000 PBKDF2 iterations, and refuses to read fewer unless a test says so', async () => {
    const key = await quickKey();
    const file = await sealBackup(new TextEncoder().encode('{}'), key, { schemaVersion: 1, createdAt: NOW.toISOString() }, secureRandom);
    expect(inspectBackup(file, { currentSchemaVersion: db.verno })).toMatchObject({ ok: false, error: { code: 'weak-key' } });
    expect(inspectBackup(file, { currentSchemaVersion: db.verno, ...WEAK }).ok).toBe(true);
    const slow = edit(file, (d) => {
      (d.kdf as { iterations: number }).iterations = 50_000_000;
    });
    expect(inspectBackup(slow, { currentSchemaVersion: db.verno, ...WEAK })).toMatchObject({ ok: false, error: { code: 'weak-key' } });
  });

  it('asks for a passphrase of at least 10 characters, typed the same twice', () => {
    expect(passphraseProblems('short', 'short')).toEqual([{ field: 'passphrase', message: expect.stringContaining('at least 10') }]);
    expect(passphraseProblems('long enough words', 'long enough word')).toEqual([
      { field: 'confirmation', message: 'The two passphrases are different' },
    ]);
    expect(passphraseProblems('long enough words', 'long enough words')).toEqual([]);
  });

  it('says plainly when the records are too many for one file, instead of an engine error', () => {
    // JSON.stringify throws this RangeError past about 512 million characters (a county's records, bench round eight).
    const tooLong = {
      id: 'x',
      toJSON: () => {
        throw new RangeError('Invalid string length');
      },
    };
    const payload = {
      format: 'careers-desk-data',
      schemaVersion: 7,
      exportedAt: '2026-12-07T00:00:00.000Z',
      tables: { pupils: [tooLong] },
    };
    expect(() => encodePayload(payload as unknown as BackupPayload)).toThrow(
      'The records are too many for one backup file (1 record; one file holds about 512 MB of text). Nothing was changed.',
    );
  });

  it('refuses decrypted content that is not a database', async () => {
    const key = await quickKey();
    const notData = await sealBackup(
      new TextEncoder().encode(
        '{"format":"careers-desk-data","schemaVersion":1,"exportedAt":"x","tables":{"pupils":[{"id":"a"},{"id":"a"}]}}',
      ),
      key,
      { schemaVersion: 1, createdAt: NOW.toISOString() },
      secureRandom,
    );
    expect(await readBackupFile(db, notData, { key }, WEAK)).toMatchObject({
      ok: false,
      error: { code: 'invalid-content', message: expect.stringContaining('same id') },
    });
    const strange = await sealBackup(
      new TextEncoder().encode('{"format":"careers-desk-data","schemaVersion":1,"exportedAt":"x","tables":{"secrets":[]}}'),
      key,
      { schemaVersion: 1, createdAt: NOW.toISOString() },
      secureRandom,
    );
    expect(await readBackupFile(db, strange, { key }, WEAK)).toMatchObject({
      ok: false,
      error: { code: 'invalid-content', message: expect.stringContaining('"secrets"') },
    });
  });
});

describe('restoring', () => {
  it('lists every table of the database', () => {
    expect([...BACKUP_TABLES].sort()).toEqual(
      allTables(db)
        .map((t) => t.name)
        .sort(),
    );
  });

  it('replaces everything in one transaction and leaves the database as it was when a record cannot be written', async () => {
    const payload = await exportPayload(db, NOW);
    const before = await digestTables(db);
    const broken = { ...payload, tables: { ...payload.tables, routes: [...payload.tables.routes, payload.tables.routes[0]!] } };
    await expect(restorePayload(db, broken, { actorId: null, source: 'a file' })).rejects.toThrow();
    expect(await digestTables(db)).toEqual(before);
  });

  it("keeps this computer's own settings (its automatic-backup key) and never writes them into a backup", async () => {
    const key = await quickKey();
    await setSetting(db, 'autoBackupKey', { salt: toBase64(key.salt), iterations: key.iterations, master: toBase64(key.master) }, null);
    const payload = await exportPayload(db, NOW);
    expect(payload.tables.settings.some((row) => row.key === 'autoBackupKey')).toBe(false);

    const other = freshDb();
    await other.open();
    await setSetting(other, 'autoBackupKey', { salt: 'AAAA', iterations: 600_000, master: 'BBBB' }, null);
    await restorePayload(
      other,
      {
        ...payload,
        tables: {
          ...payload.tables,
          settings: [...payload.tables.settings, { key: 'autoBackupKey', value: { salt: 'CCCC', iterations: 1, master: 'DDDD' } }],
        },
      },
      { actorId: null, source: 'a file' },
    );
    expect((await other.settings.get('autoBackupKey'))!.value).toEqual({ salt: 'AAAA', iterations: 600_000, master: 'BBBB' });
    expect(await other.pupils.count()).toBe(await db.pupils.count());
  });

  it('erases again, on restore, a young person erased here after the backup was made, and says so', async () => {
    const payload = await exportPayload(db, NOW);
    const [erased, kept] = await db.pupils.limit(2).toArray();
    await erasePupil(db, erased!.id, null, NOW);
    expect(await getSetting(db, 'erasedPupilIds')).toEqual([erased!.id]);
    expect((await exportPayload(db, NOW)).tables.settings.some((row) => row.key === 'erasedPupilIds')).toBe(false);

    await restorePayload(db, payload, { actorId: null, source: 'an old file', now: NOW });
    expect(await db.pupils.get(erased!.id)).toBeUndefined();
    expect(await db.sessions.where('pupilId').equals(erased!.id).count()).toBe(0);
    expect(await db.audit.where('pupilId').equals(erased!.id).count()).toBe(0);
    expect(await db.pupils.get(kept!.id)).toBeDefined();
    const restore = (await db.audit.toArray()).find((entry) => entry.action === 'restore');
    expect(restore!.summary).toContain('1 young person erased on this computer since were erased again');
  });

  it('moves a key kept in the settings by an older version to the key store, once, with an audit entry without the key', async () => {
    const key = await quickKey();
    const value = { salt: toBase64(key.salt), iterations: key.iterations, master: toBase64(key.master) };
    await setSetting(db, 'autoBackupKey', value, null);
    const keys = memoryKeyStore();
    expect(await getAutoBackupKey(db, keys)).toEqual(key);
    expect(await db.settings.get('autoBackupKey')).toBeUndefined();
    expect(JSON.parse(new TextDecoder().decode((await keys.readKey({ name: 'auto-backup-key' }))!))).toEqual(value);
    const moved = (await db.audit.toArray()).find((entry) => entry.summary.startsWith('Moved the setting'));
    expect(moved).toMatchObject({ entity: 'settings', recordId: 'autoBackupKey' });
    expect(JSON.stringify(moved)).not.toContain(value.master);
    expect(await getAutoBackupKey(db, keys)).toEqual(key);
  });

  it("opens automatic backups with this computer's key, and tells a backup made with another key apart", async () => {
    const keys = memoryKeyStore();
    const key = await setAutoBackupPassphrase(db, keys, PASSPHRASE, null);
    const stored = await getAutoBackupKey(db, keys);
    expect(stored).toEqual(key);
    // Kept in the key store, not in the database (and so never in a backup).
    expect(await db.settings.get('autoBackupKey')).toBeUndefined();
    const automatic = await makeBackupFile(db, key, { reason: 'daily', now: NOW });
    expect(await readBackupFile(db, automatic, { key: stored! })).toMatchObject({ ok: true });
    const elsewhere = await makeBackupFile(db, await newBackupKey(PASSPHRASE, secureRandom), { reason: 'manual', now: NOW });
    expect(await readBackupFile(db, elsewhere, { key: stored! })).toMatchObject({ ok: false, error: { code: 'different-key' } });
    expect(await readBackupFile(db, elsewhere, { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
  });
});

describe('the lock passphrase', () => {
  it('is kept only as a slow salted hash, and checked against it', async () => {
    const stored = await hashPassphrase('desk lock phrase', secureRandom);
    expect(stored.iterations).toBe(600_000);
    expect(fromBase64(stored.salt)).toHaveLength(16);
    expect(JSON.stringify(stored)).not.toContain('desk lock phrase');
    expect(await verifyPassphrase('desk lock phrase', stored)).toBe(true);
    expect(await verifyPassphrase('Desk lock phrase', stored)).toBe(false);
    expect(await verifyPassphrase('desk lock phrase', { ...stored, hash: 'AAAA' })).toBe(false);
    const again = await hashPassphrase('desk lock phrase', secureRandom);
    expect(again.hash).not.toBe(stored.hash);
  });
});
