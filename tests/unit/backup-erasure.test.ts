// Erasure reaches the automatic backups (issue 20, item 4): after a young person is erased, every automatic
// backup is opened with this computer's key and sealed again without them, a backup that cannot be opened
// is deleted and counted, and their subject access export lists the backups that hold them.
import { testDatabaseOptions } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import {
  backupErasureWords,
  backupRecordProblems,
  newBackupKey,
  payloadWithoutPupils,
  type BackupKey,
  type BackupPayload,
} from '@shared/backup';
import { backupFileName, type DesktopBridge } from '@shared/bridge';
import { generateDemoDataset } from '@shared/demo';
import { CareersDeskDb } from '@renderer/db/schema';
import { loadDataset } from '@renderer/db/demo';
import { erasePupil, savePupil } from '@renderer/db/pupils';
import { makeBackupFile, readBackupFile, setAutoBackupPassphrase } from '@renderer/db/backup';
import { automaticBackupsHolding, eraseFromAutomaticBackups } from '@renderer/db/backup-erasure';
import { createWebBridge } from '@renderer/bridge/web';
import { createFactories } from '../support/factories';

const NOW = new Date('2026-11-24T10:00:00.000Z');
const DAY = 86_400_000;

let db: CareersDeskDb;
let bridge: DesktopBridge;
let key: BackupKey;

interface DemoPupil {
  id: string;
  upn: string | null;
  legalForename: string;
  legalSurname: string;
}

/** Takes an automatic backup `daysAgo` days before NOW, as takeAutomaticBackup does. */
async function takeBackup(daysAgo: number, sealedWith: BackupKey = key): Promise<string> {
  const at = new Date(NOW.getTime() - daysAgo * DAY);
  const data = await makeBackupFile(db, sealedWith, { reason: 'daily', now: at });
  const name = backupFileName('daily', at);
  await bridge.writeBackup({ name, data, reason: 'daily' });
  return name;
}

async function openBackup(name: string): Promise<BackupPayload> {
  const opened = await readBackupFile(db, await bridge.readBackup({ name }), { key });
  if (!opened.ok) throw new Error(`backup ${name} did not open: ${opened.error.message}`);
  return opened.value.payload;
}

/** A young person in a group's workplace experience, with a guidance session: erasure has something to take out everywhere. */
async function pupilInAGroup(): Promise<DemoPupil> {
  const experiences = await db.experiences.toArray();
  const group = experiences.find((e) => e.pupilIds.length > 1);
  if (!group) throw new Error('The demo data has no group experience');
  const sessions = await db.sessions.toArray();
  const id = group.pupilIds.find((pupilId) => sessions.some((s) => s.pupilId === pupilId)) ?? group.pupilIds[0];
  const pupil = id ? await db.pupils.get(id) : undefined;
  if (!pupil) throw new Error('No young person found');
  return pupil;
}

beforeEach(async () => {
  db = new CareersDeskDb(`careers-desk-backup-erasure-${crypto.randomUUID()}`, testDatabaseOptions());
  await db.open();
  await loadDataset(db, generateDemoDataset({ seed: 11, today: '2026-11-24', pupils: 60 }), null, NOW);
  bridge = createWebBridge({ indexedDB: new IDBFactory() });
  key = await setAutoBackupPassphrase(db, bridge, 'correct horse battery staple', null);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('erasure rewrites the automatic backups', () => {
  it('leaves no backup holding the young person, keeps everyone else, and deletes the one it cannot open', async () => {
    const pupil = await pupilInAGroup();
    const names = [await takeBackup(3), await takeBackup(2), await takeBackup(1)];
    const otherKey = await newBackupKey('another computer passphrase', (n) => crypto.getRandomValues(new Uint8Array(n)), {
      UNSAFE_testOnlyIterations: 1000,
    });
    const foreign = await takeBackup(4, otherKey);
    const pupilsBefore = (await openBackup(names[0] ?? '')).tables.pupils.length;
    expect(JSON.stringify(await openBackup(names[0] ?? ''))).toContain(pupil.id);

    await erasePupil(db, pupil.id, null, NOW);
    // How each rewritten backup reached the bridge: sent ahead in parts, never whole bytes on the page.
    const replacedWith: string[] = [];
    const watched: DesktopBridge = {
      ...bridge,
      replaceBackup: (request) => {
        replacedWith.push(request.data instanceof Uint8Array ? 'bytes' : 'upload' in request.data ? 'parts' : 'other');
        return bridge.replaceBackup(request);
      },
    };
    const outcome = await eraseFromAutomaticBackups(db, watched, pupil.id, { actorId: null, now: NOW });

    expect(outcome).toEqual({ total: 4, rewritten: 3, deleted: 1, unchanged: 0, failed: 0 });
    expect(replacedWith).toEqual(['parts', 'parts', 'parts']);
    expect(backupErasureWords(outcome)).toBe(
      '3 automatic backups rewritten without them; 1 that could not be opened or rewritten was deleted.',
    );
    const listed = await bridge.listBackups();
    expect(listed.map((b) => b.name).sort()).toEqual([...names].sort());
    expect(listed.map((b) => b.name)).not.toContain(foreign);

    const live = await db.pupils.toArray();
    for (const name of names) {
      const payload = await openBackup(name);
      const text = JSON.stringify(payload);
      expect(text, name).not.toContain(pupil.id);
      if (pupil.upn) expect(text, name).not.toContain(pupil.upn);
      expect(payload.tables.pupils.some((p) => p.legalForename === pupil.legalForename && p.legalSurname === pupil.legalSurname)).toBe(
        live.some((p) => p.legalForename === pupil.legalForename && p.legalSurname === pupil.legalSurname),
      );
      // Everyone else is still there, and the backup still restores (every record passes its schema).
      expect(payload.tables.pupils).toHaveLength(pupilsBefore - 1);
      expect(payload.tables.pupils.map((p) => p.id).sort()).toEqual(live.map((p) => p.id).sort());
      expect(payload.tables.sessions.length).toBeGreaterThan(0);
      expect(backupRecordProblems(payload)).toEqual([]);
    }

    const audit = (await db.audit.toArray()).filter((entry) => entry.entity === 'database' && entry.action === 'erase');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.summary).toBe(
      'Automatic backups after an erasure: 3 rewritten without the young person, 1 deleted (could not be opened or rewritten), ' +
        '0 held nothing about them',
    );
    const everyAudit = JSON.stringify(await db.audit.toArray());
    expect(everyAudit).not.toContain(pupil.id);
    expect(everyAudit).not.toContain(`${pupil.legalForename} ${pupil.legalSurname}`);
  });

  it('leaves a backup that holds nothing about the young person exactly as it was', async () => {
    const name = await takeBackup(1);
    const before = await bridge.readBackup({ name });
    const added = await savePupil(db, createFactories().pupilInput({ legalForename: 'Added', legalSurname: 'Afterwards' }), null, NOW);
    await erasePupil(db, added.id, null, NOW);
    const outcome = await eraseFromAutomaticBackups(db, bridge, added.id, { actorId: null, now: NOW });
    expect(outcome).toEqual({ total: 1, rewritten: 0, deleted: 0, unchanged: 1, failed: 0 });
    expect([...(await bridge.readBackup({ name }))]).toEqual([...before]);
  });

  it('deletes every backup when this computer has no backup key to open them with', async () => {
    const pupil = await pupilInAGroup();
    await takeBackup(1);
    await takeBackup(2);
    await bridge.removeKey({ name: 'auto-backup-key' });
    await erasePupil(db, pupil.id, null, NOW);
    const outcome = await eraseFromAutomaticBackups(db, bridge, pupil.id, { actorId: null, now: NOW });
    expect(outcome).toEqual({ total: 2, rewritten: 0, deleted: 2, unchanged: 0, failed: 0 });
    expect(await bridge.listBackups()).toEqual([]);
  });

  it('takes a young person out of a group experience and an allocation line, and drops a group left empty', () => {
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
    const payload = {
      format: 'careers-desk-data',
      schemaVersion: 4,
      exportedAt: NOW.toISOString(),
      tables: {
        pupils: [{ id: a }, { id: b }],
        experiences: [
          { id: 'group', pupilIds: [a, b] },
          { id: 'alone', pupilIds: [a] },
        ],
        allocations: [{ id: 'alloc', pupilIds: [a, b], lines: [{ pupilId: a }, { pupilId: b }] }],
        audit: [
          { id: 'x', pupilId: a },
          { id: 'y', pupilId: b, before: { id: 'group', pupilIds: [a, b] } },
        ],
        settings: [],
      },
    } as unknown as BackupPayload;
    for (const table of [
      'schools',
      'advisers',
      'sessions',
      'actionPlans',
      'drafts',
      'employers',
      'employerDocuments',
      'providers',
      'routes',
      'destinations',
      'compassSnapshots',
    ])
      (payload.tables as Record<string, unknown[]>)[table] = [];
    const { payload: without, changed } = payloadWithoutPupils(payload, [a]);
    expect(changed).toBe(6);
    expect(without.tables.pupils).toEqual([{ id: b }]);
    expect(without.tables.experiences).toEqual([{ id: 'group', pupilIds: [b] }]);
    expect(without.tables.allocations).toEqual([{ id: 'alloc', pupilIds: [b], lines: [{ pupilId: b }] }]);
    expect(without.tables.audit).toEqual([{ id: 'y', pupilId: b, before: { id: 'group', pupilIds: [b] } }]);
    expect(JSON.stringify(without)).not.toContain(a);
  });
});

describe('the subject access export and the automatic backups', () => {
  it('lists the backups that hold the young person, with their dates, and says how many could not be opened', async () => {
    const pupil = await pupilInAGroup();
    const older = await takeBackup(2);
    const newer = await takeBackup(1);
    const otherKey = await newBackupKey('another computer passphrase', (n) => crypto.getRandomValues(new Uint8Array(n)), {
      UNSAFE_testOnlyIterations: 1000,
    });
    await takeBackup(3, otherKey);

    const holding = await automaticBackupsHolding(db, bridge, pupil.id);
    expect(holding).toEqual({
      backups: [
        { name: older, createdAt: new Date(NOW.getTime() - 2 * DAY).toISOString(), reason: 'daily' },
        { name: newer, createdAt: new Date(NOW.getTime() - DAY).toISOString(), reason: 'daily' },
      ],
      couldNotBeOpened: 1,
    });

    await erasePupil(db, pupil.id, null, NOW);
    await eraseFromAutomaticBackups(db, bridge, pupil.id, { actorId: null, now: NOW });
    expect(await automaticBackupsHolding(db, bridge, pupil.id)).toEqual({ backups: [], couldNotBeOpened: 0 });
  });
});
