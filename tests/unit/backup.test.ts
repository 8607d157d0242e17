import { memoryKeyStore, testDatabaseOptions } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BACKUP_TABLES,
  MIN_PBKDF2_ITERATIONS,
  payloadParts,
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
  setAutoBackupPassphrase,
} from '@renderer/db/backup';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { secureRandom } from '@renderer/platform/secure-random';
import { digestTables } from '../fixtures/db-digest';

const PASSPHRASE = 'correct horse battery staple';
const NOW = new Date('2026-11-24T10:00:00.000Z');
const WEAK = { UNSAFE_testOnlyAllowWeakIterations: true } as const;
/** The passphrase of tests/fixtures/backups/format-1.json. */
const FORMAT_1_PASSPHRASE = 'format one fixture passphrase';

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

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A format 2 file's header line as an object, and the sealed parts after it. */
function split(file: Uint8Array): { header: Record<string, unknown>; body: Uint8Array } {
  const newline = file.indexOf(0x0a);
  return { header: JSON.parse(decoder.decode(file.subarray(0, newline))) as Record<string, unknown>, body: file.subarray(newline + 1) };
}

function joined(header: unknown, body: Uint8Array): Uint8Array {
  const line = encoder.encode(`${JSON.stringify(header)}\n`);
  const file = new Uint8Array(line.length + body.length);
  file.set(line);
  file.set(body, line.length);
  return file;
}

/** The file with its header edited (and, when given, its sealed parts changed too). */
function edit(file: Uint8Array, change: (header: Record<string, unknown>) => void, body?: (body: Uint8Array) => Uint8Array): Uint8Array {
  const parts = split(file);
  change(parts.header);
  return joined(parts.header, body ? body(parts.body) : parts.body);
}

type Part = { table: string; rows: number; ciphertextBytes: number };
const partsOf = (file: Uint8Array) => split(file).header.parts as Part[];

/** A file sealed from parts made by hand, for contents the app would never write. */
async function sealedParts(key: BackupKey, parts: { table: string; rows: number; text: string }[]): Promise<Uint8Array> {
  return sealBackup(
    parts.map(({ table, rows, text }) => ({ table, rows, plaintext: encoder.encode(text) })),
    key,
    { schemaVersion: db.verno, createdAt: NOW.toISOString() },
    secureRandom,
  );
}

describe('the backup file format', () => {
  it('round-trips a full demo database: restored, it exports byte for byte the same', async () => {
    await setSetting(db, 'retentionYears', 4, null);
    const original = JSON.stringify(await exportPayload(db, NOW));
    const key = await newBackupKey(PASSPHRASE, secureRandom);
    expect(key.iterations).toBe(MIN_PBKDF2_ITERATIONS);
    const file = await makeBackupFile(db, key, { reason: 'manual', now: NOW, appVersion: '0.1.0' });

    const header = inspectBackup(file, { currentSchemaVersion: db.verno });
    expect(header).toMatchObject({
      ok: true,
      value: {
        header: {
          format: 'careers-desk-backup',
          formatVersion: 2,
          schemaVersion: db.verno,
          compression: 'gzip',
          kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 },
          cipher: { name: 'AES-GCM', keyBits: 256 },
        },
      },
    });
    // The first line says what the file is; nothing personal is readable anywhere in it.
    expect(decoder.decode(file.subarray(0, 60))).toMatch(/^\{"format":"careers-desk-backup","formatVersion":2,/);
    const text = new TextDecoder('latin1').decode(file);
    const somePupil = (await db.pupils.toCollection().first())!;
    expect(text).not.toContain(somePupil.legalSurname);
    expect(partsOf(file).find((part) => part.table === 'pupils')?.rows).toBe(await db.pupils.count());

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
    expect(JSON.stringify(restored)).toBe(original);
  });

  it('cuts each table into parts of a bounded size and reads them back in order', async () => {
    const payload = await exportPayload(db, NOW);
    const parts = [...payloadParts(payload, 3_000)];
    for (const part of parts) {
      // One record longer than a part's limit makes a part of its own.
      if (part.rows > 1) expect(part.plaintext.length, part.table).toBeLessThanOrEqual(3_000 + 2);
    }
    for (const table of BACKUP_TABLES) {
      const own = parts.filter((part) => part.table === table);
      expect(
        own.reduce((sum, part) => sum + part.rows, 0),
        table,
      ).toBe(payload.tables[table].length);
      if (payload.tables[table].length === 0) expect(own, table).toEqual([]);
    }
    expect(parts.filter((part) => part.table === 'sessions').length).toBeGreaterThan(3);

    const key = await quickKey();
    const file = await makeBackupFile(db, key, { reason: 'manual', now: NOW, partCharacters: 3_000 });
    expect(partsOf(file).map(({ table, rows }) => ({ table, rows }))).toEqual(parts.map(({ table, rows }) => ({ table, rows })));
    const read = await readBackupFile(db, file, { key }, WEAK);
    if (!read.ok) throw new Error(read.error.message);
    expect(JSON.stringify(read.value.payload)).toBe(JSON.stringify(payload));
  });

  it('still reads and restores a backup in the first format (one JSON document), made by an earlier version', async () => {
    // Written by Careers Desk before backups were made in parts (database version 7, weak test iterations).
    const file = new Uint8Array(readFileSync(join(__dirname, '../fixtures/backups/format-1.json')));
    const inspected = inspectBackup(file, { currentSchemaVersion: db.verno, ...WEAK });
    expect(inspected).toMatchObject({
      ok: true,
      value: { header: { formatVersion: 1, schemaVersion: 7, createdAt: '2026-12-01T09:30:00.000Z' } },
    });
    const read = await readBackupFile(db, file, { passphrase: FORMAT_1_PASSPHRASE }, WEAK);
    if (!read.ok) throw new Error(read.error.message);
    const count = (table: string) => read.value.summary.counts.find((c) => c.table === table)?.count;
    expect([count('pupils'), count('sessions'), count('employers'), count('routes')]).toEqual([9, 21, 60, 97]);
    const target = freshDb();
    await target.open();
    await restorePayload(target, read.value.payload, { actorId: null, source: 'an old file', now: NOW });
    expect(await target.pupils.count()).toBe(9);
    expect(await target.sessions.count()).toBe(21);

    // Its own checks still hold: cut short, or its ciphertext changed.
    expect(inspectBackup(file.subarray(0, file.length - 200), { currentSchemaVersion: db.verno, ...WEAK })).toMatchObject({
      ok: false,
      error: { code: 'truncated' },
    });
    const document = JSON.parse(decoder.decode(file)) as Record<string, string>;
    const sealed = fromBase64(document.ciphertext!)!;
    sealed[50] = sealed[50]! ^ 0x01;
    const changed = encoder.encode(JSON.stringify({ ...document, ciphertext: toBase64(sealed) }));
    expect(await readBackupFile(db, changed, { passphrase: FORMAT_1_PASSPHRASE }, WEAK)).toMatchObject({
      ok: false,
      error: { code: 'tampered' },
    });
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

  it('refuses a file whose parts or header were changed, swapped or left out', async () => {
    const file = await makeBackupFile(db, await quickKey(), { reason: 'manual', now: NOW, partCharacters: 3_000 });
    const read = (changed: Uint8Array) => readBackupFile(db, changed, { passphrase: PASSPHRASE }, WEAK);
    const flipped = edit(
      file,
      () => {},
      (body) => {
        const copy = new Uint8Array(body);
        copy[100] = copy[100]! ^ 0x01;
        return copy;
      },
    );
    expect(await read(flipped)).toMatchObject({
      ok: false,
      error: { code: 'tampered', message: expect.stringContaining('changed or damaged') },
    });
    const redated = edit(file, (header) => {
      header.createdAt = '2020-01-01T00:00:00.000Z';
    });
    expect(await read(redated)).toMatchObject({ ok: false, error: { code: 'tampered' } });

    // The last part taken away, with the header edited to match: every remaining part was sealed with the whole list.
    const parts = partsOf(file);
    const last = parts.at(-1)!;
    const shortened = edit(
      file,
      (header) => {
        header.parts = parts.slice(0, -1);
      },
      (body) => body.subarray(0, body.length - last.ciphertextBytes),
    );
    expect(inspectBackup(shortened, { currentSchemaVersion: db.verno, ...WEAK }).ok).toBe(true);
    expect(await read(shortened)).toMatchObject({ ok: false, error: { code: 'tampered' } });

    // Two parts of one table swapped, sizes and all.
    const first = parts.findIndex((part) => part.table === 'sessions');
    const offsets = parts.map((_, index) => parts.slice(0, index).reduce((sum, part) => sum + part.ciphertextBytes, 0));
    const swapped = edit(
      file,
      (header) => {
        const list = [...parts];
        [list[first], list[first + 1]] = [list[first + 1]!, list[first]!];
        header.parts = list;
      },
      (body) => {
        const a = body.subarray(offsets[first]!, offsets[first]! + parts[first]!.ciphertextBytes);
        const b = body.subarray(offsets[first + 1]!, offsets[first + 1]! + parts[first + 1]!.ciphertextBytes);
        const copy = new Uint8Array(body.length);
        copy.set(body);
        copy.set(b, offsets[first]!);
        copy.set(a, offsets[first]! + b.length);
        return copy;
      },
    );
    expect(await read(swapped)).toMatchObject({ ok: false, error: { code: 'tampered' } });
  });

  it('refuses a truncated file, a file of another kind, and a file from a newer version, before asking for the passphrase', async () => {
    const file = await makeBackupFile(db, await quickKey(), { reason: 'manual', now: NOW });
    const inspect = (bytes: Uint8Array) => inspectBackup(bytes, { currentSchemaVersion: db.verno, ...WEAK });
    expect(inspect(file.subarray(0, file.length - 200))).toMatchObject({
      ok: false,
      error: { code: 'truncated', message: expect.stringContaining('incomplete') },
    });
    // Cut inside the header line, and cut just after it.
    expect(inspect(file.subarray(0, 150))).toMatchObject({ ok: false, error: { code: 'truncated' } });
    expect(inspect(file.subarray(0, file.indexOf(0x0a) + 1))).toMatchObject({ ok: false, error: { code: 'truncated' } });
    // Bytes added after the last part.
    expect(inspect(new Uint8Array([...file, 1, 2, 3]))).toMatchObject({ ok: false, error: { code: 'tampered' } });
    // A header line that no longer reads.
    const broken = new Uint8Array(file);
    broken[decoder.decode(file.subarray(0, 200)).indexOf('"schemaVersion"') + 16] = 0x7b;
    expect(inspect(broken)).toMatchObject({ ok: false, error: { code: 'damaged' } });
    expect(inspectBackup(encoder.encode('UPN,Surname\r\nA,B\r\n'), { currentSchemaVersion: db.verno })).toMatchObject({
      ok: false,
      error: { code: 'not-a-backup' },
    });
    expect(inspectBackup(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe]), { currentSchemaVersion: db.verno })).toMatchObject({
      ok: false,
      error: { code: 'not-a-backup' },
    });
    const newerFormat = edit(file, (header) => {
      header.formatVersion = 3;
    });
    expect(inspect(newerFormat)).toMatchObject({
      ok: false,
      error: { code: 'newer-format', message: expect.stringContaining('Update Careers Desk') },
    });
    const newerSchema = edit(file, (header) => {
      header.schemaVersion = db.verno + 1;
    });
    expect(inspect(newerSchema)).toMatchObject({
      ok: false,
      error: {
        code: 'newer-schema',
        message: expect.stringContaining(`database version ${db.verno + 1}; this computer has version ${db.verno}`),
      },
    });
  });

  it('writes at least 600,000 PBKDF2 iterations, and refuses to read fewer unless a test says so', async () => {
    const key = await quickKey();
    const file = await sealBackup([], key, { schemaVersion: 1, createdAt: NOW.toISOString() }, secureRandom);
    expect(inspectBackup(file, { currentSchemaVersion: db.verno })).toMatchObject({ ok: false, error: { code: 'weak-key' } });
    expect(inspectBackup(file, { currentSchemaVersion: db.verno, ...WEAK }).ok).toBe(true);
    const slow = edit(file, (header) => {
      (header.kdf as { iterations: number }).iterations = 50_000_000;
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

  it('refuses decrypted content that is not a database, naming the part', async () => {
    const key = await quickKey();
    const refusal = async (parts: { table: string; rows: number; text: string }[]) =>
      readBackupFile(db, await sealedParts(key, parts), { key }, WEAK);
    expect(await refusal([{ table: 'pupils', rows: 2, text: '[{"id":"a"},{"id":"a"}]' }])).toMatchObject({
      ok: false,
      error: { code: 'invalid-content', message: expect.stringContaining('Two of its young people have the same id') },
    });
    expect(await refusal([{ table: 'secrets', rows: 0, text: '[]' }])).toMatchObject({
      ok: false,
      error: { code: 'invalid-content', message: expect.stringContaining('"secrets"') },
    });
    expect(await refusal([{ table: 'constructor', rows: 0, text: '[]' }])).toMatchObject({
      ok: false,
      error: { code: 'invalid-content', message: expect.stringContaining('"constructor"') },
    });
    expect(await refusal([{ table: 'pupils', rows: 1, text: '[{"id":"a"}' }])).toMatchObject({
      ok: false,
      error: { code: 'invalid-content', message: expect.stringContaining('Part 1 (young people) is not readable JSON') },
    });
    expect(
      await refusal([
        { table: 'pupils', rows: 0, text: '[]' },
        { table: 'sessions', rows: 1, text: '{"id":"a"}' },
      ]),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-content', message: expect.stringContaining('Part 2 (guidance sessions) is not a list') },
    });
    expect(await refusal([{ table: 'routes', rows: 3, text: '[{"id":"a"}]' }])).toMatchObject({
      ok: false,
      error: { code: 'invalid-content', message: expect.stringContaining('holds 1 records; its header says 3') },
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
