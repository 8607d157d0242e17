// Restore checks every record against this version's schemas before writing any (issue 20, item 3):
// a correctly sealed backup holding a record that breaks the rules is refused, naming where, and the
// database is left exactly as it was. The fuzz below breaks records of every table in sealed backups.
import { testDatabaseOptions } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_TABLE_LABELS, backupRecordProblems, newBackupKey, sealBackup, payloadParts, type BackupPayload } from '@shared/backup';
import type { BackupTable } from '@shared/backup';
import { generateDemoDataset } from '@shared/demo';
import { createRandom } from '@shared/random';
import { CareersDeskDb } from '@renderer/db/schema';
import { loadDataset } from '@renderer/db/demo';
import { exportPayload, readBackupFile, restorePayload } from '@renderer/db/backup';
import { secureRandom } from '@renderer/platform/secure-random';
import { digestTables } from '../fixtures/db-digest';

const NOW = new Date('2026-11-24T10:00:00.000Z');
const PASSPHRASE = 'correct horse battery staple';
let db: CareersDeskDb;
let counter = 0;

beforeEach(async () => {
  counter += 1;
  db = new CareersDeskDb(`careers-desk-backup-records-${counter}`, testDatabaseOptions());
  await db.open();
  await loadDataset(db, generateDemoDataset({ seed: 11, today: '2026-11-24', pupils: 40 }), null, NOW);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

/** Seals the payload as a real backup file and opens it again, as the Data page does. */
async function sealedAndOpened(payload: BackupPayload): Promise<BackupPayload> {
  const key = await newBackupKey(PASSPHRASE, secureRandom, { UNSAFE_testOnlyIterations: 1000 });
  const file = await sealBackup(
    payloadParts(payload),
    key,
    { schemaVersion: payload.schemaVersion, createdAt: NOW.toISOString(), reason: 'manual', appVersion: '0.1.0' },
    secureRandom,
  );
  const read = await readBackupFile(db, file, { passphrase: PASSPHRASE }, { UNSAFE_testOnlyAllowWeakIterations: true });
  if (!read.ok) throw new Error(read.error.message);
  return read.value.payload;
}

function withRow(payload: BackupPayload, table: BackupTable, index: number, change: Record<string, unknown>): BackupPayload {
  const rows = payload.tables[table].map((row, i) => (i === index ? { ...row, ...change } : row));
  return { ...payload, tables: { ...payload.tables, [table]: rows } };
}

describe('restoring checks every record first', () => {
  it('refuses a young person whose date of birth is not a date, naming the table, record and field, and changes nothing', async () => {
    const payload = await exportPayload(db, NOW);
    const pupil = payload.tables.pupils[3]!;
    const broken = await sealedAndOpened(withRow(payload, 'pupils', 3, { dateOfBirth: 'not a date', yearGroup: 99 }));
    const before = await digestTables(db);

    const problems = backupRecordProblems(broken);
    expect(problems).toEqual([`Young people, record ${String(pupil.id).slice(0, 8)}: dateOfBirth: Enter a real date`]);
    await expect(restorePayload(db, broken, { actorId: null, source: 'a file' })).rejects.toThrow(
      `It holds records this version of Careers Desk cannot accept, so it cannot be restored: ${problems[0]}.`,
    );
    expect(await digestTables(db)).toEqual(before);
  });

  it('names the first five broken records and counts the rest', async () => {
    let payload = await exportPayload(db, NOW);
    for (let i = 0; i < 8; i++) payload = withRow(payload, 'sessions', i, { durationMinutes: -1 });
    const problems = backupRecordProblems(payload);
    expect(problems).toHaveLength(6);
    expect(problems.slice(0, 5).every((p) => p.startsWith('Guidance sessions, record ') && p.includes(': durationMinutes: '))).toBe(true);
    expect(problems[5]).toBe('and 3 more records like these');
  });

  it('refuses a setting this version does not know, or one whose value breaks its rule', async () => {
    const payload = await exportPayload(db, NOW);
    const settings = [...payload.tables.settings, { key: 'retentionYears', value: 400 }, { key: 'madeUp', value: true }];
    const problems = backupRecordProblems({ ...payload, tables: { ...payload.tables, settings } });
    expect(problems).toEqual([
      expect.stringMatching(/^Settings, record retentionYears: value: /),
      'Settings, record madeUp: not a setting this version of Careers Desk knows',
    ]);
  });

  it('passes a whole demo database untouched', async () => {
    expect(backupRecordProblems(await exportPayload(db, NOW))).toEqual([]);
  });

  // Fields each table's schema requires, with values of the wrong kind: each must be refused.
  const BREAKERS: [BackupTable, string, unknown[]][] = [
    ['pupils', 'dateOfBirth', ['not a date', '2011-02-30', 20110304, null]],
    ['pupils', 'legalSurname', [42, '', 'Smith\u0007', 'a'.repeat(5000)]],
    ['schools', 'name', [null, 7, '']],
    ['advisers', 'id', ['not-an-id', 'ABC']],
    ['sessions', 'date', ['yesterday', false]],
    ['sessions', 'durationMinutes', ['an hour', -5, 100000]],
    ['actionPlans', 'actions', ['none', 3, [{ what: '' }]]],
    ['employers', 'sector', ['underwater basket weaving', 0]],
    ['experiences', 'kind', ['a day out', 1]],
    ['routes', 'title', [99, '']],
    ['providers', 'name', [true, '']],
    ['audit', 'at', ['yesterday', 5]],
  ];

  it('refuses, over 60 sealed backups each with a record of some table broken at random, every one, and changes nothing', async () => {
    const payload = await exportPayload(db, NOW);
    const before = await digestTables(db);
    const random = createRandom(2026);
    let tried = 0;
    for (let trial = 0; trial < 60; trial++) {
      const [table, field, values] = random.pick(BREAKERS.filter(([t]) => payload.tables[t].length > 0));
      const index = random.int(0, payload.tables[table].length - 1);
      const value = random.pick(values);
      const row = payload.tables[table][index]!;
      const broken = await sealedAndOpened(withRow(payload, table, index, { [field]: value }));
      const problems = backupRecordProblems(broken);
      const where = `${BACKUP_TABLE_LABELS[table]}, record ${String(field === 'id' ? value : row.id).slice(0, 8)}`;
      expect(problems[0], `${table}.${field} = ${JSON.stringify(value)}`).toContain(where);
      expect(problems[0]).toContain(field);
      await expect(restorePayload(db, broken, { actorId: null, source: 'a file' })).rejects.toThrow('cannot be restored');
      tried += 1;
    }
    expect(tried).toBe(60);
    expect(await digestTables(db)).toEqual(before);
  });
});
