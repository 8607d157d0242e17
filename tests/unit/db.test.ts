import { testDatabaseOptions } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CareersDeskDb } from '@renderer/db/schema';
import { ERASED_RECORD_MESSAGE, erasePupil, getPupil, savePupil, searchPupils } from '@renderer/db/pupils';
import { saveDraft } from '@renderer/db/drafts';
import { clearDemoData, hasDemoData, isDatabaseEmpty, loadDataset } from '@renderer/db/demo';
import { getSetting, setSetting } from '@renderer/db/settings';
import { DEMO_SERVICE, generateDemoDataset } from '@shared/demo';
import { pupilInput } from '../support/factories';

let db: CareersDeskDb;
let counter = 0;

beforeEach(async () => {
  counter += 1;
  db = new CareersDeskDb(`careers-desk-test-${counter}`, testDatabaseOptions());
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('pupil records', () => {
  it('saves a pupil with its audit entry and finds it by name prefix', async () => {
    const saved = await savePupil(db, pupilInput(), null);
    expect(await getPupil(db, saved.id)).toMatchObject({ legalForename: 'Amelia', searchWords: ['amelia', 'turner'] });
    expect((await searchPupils(db, 'ame tur', '2026-11-24')).map((p) => p.id)).toEqual([saved.id]);
    expect(await searchPupils(db, 'tur', '2026-11-24')).toHaveLength(1);
    expect(await searchPupils(db, 'zzz', '2026-11-24')).toHaveLength(0);
    const audit = await db.audit.where('recordId').equals(saved.id).toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', entity: 'pupil', pupilId: saved.id });
  });

  it('keeps the previous version in the audit log when a record is edited', async () => {
    const saved = await savePupil(db, pupilInput(), null);
    await savePupil(db, { ...pupilInput({ preferredForename: 'Amy' }), id: saved.id }, null);
    const entries = await db.audit.where('recordId').equals(saved.id).sortBy('seq');
    expect(entries.map((e) => e.action)).toEqual(['create', 'update']);
    expect((entries[1]!.before as { preferredForename: string }).preferredForename).toBe('');
    expect(await searchPupils(db, 'amy', '2026-11-24')).toHaveLength(1);
  });

  it('writes nothing, not even an audit entry, when the record fails validation', async () => {
    await expect(savePupil(db, pupilInput({ legalSurname: '' }), null)).rejects.toThrow();
    expect(await db.pupils.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('finds a pupil by UPN prefix', async () => {
    const saved = await savePupil(db, pupilInput({ upn: 'B801200005001' }), null);
    expect((await searchPupils(db, 'b8012', '2026-11-24')).map((p) => p.id)).toEqual([saved.id]);
  });

  it('erases everything about a young person and leaves an audit entry with no personal data', async () => {
    const dataset = generateDemoDataset({ seed: 3, today: '2026-11-24', pupils: 20 });
    await loadDataset(db, dataset, null);
    const pupil = dataset.pupils.find((p) => dataset.sessions.some((s) => s.pupilId === p.id))!;
    await savePupil(db, { ...pupil, preferredForename: 'Zed' }, null);
    await erasePupil(db, pupil.id, null);
    expect(await db.pupils.get(pupil.id)).toBeUndefined();
    expect(await db.sessions.where('pupilId').equals(pupil.id).count()).toBe(0);
    expect(await db.actionPlans.where('pupilId').equals(pupil.id).count()).toBe(0);
    expect(await db.experiences.where('pupilIds').equals(pupil.id).count()).toBe(0);
    expect(await db.audit.where('pupilId').equals(pupil.id).count()).toBe(0);
    const everything = JSON.stringify(await db.audit.toArray());
    expect(everything).not.toContain(pupil.id);
    expect(everything).not.toContain(pupil.legalSurname + '"');
    expect((await db.audit.toArray()).some((e) => e.action === 'erase')).toBe(true);
  });
});

describe('after an erasure, in every window', () => {
  it('refuses a save or a draft for the erased young person from a second connection, and writes nothing', async () => {
    const pupil = await savePupil(db, pupilInput(), null);
    // The second window: its own connection to the same database, with the form opened before the erasure.
    const other = new CareersDeskDb(db.name, testDatabaseOptions());
    await other.open();
    try {
      await erasePupil(db, pupil.id, null);
      await expect(savePupil(other, { ...pupil, preferredForename: 'Back' }, null)).rejects.toThrow(ERASED_RECORD_MESSAGE);
      const draft = {
        id: crypto.randomUUID(),
        kind: 'guidance-session' as const,
        pupilId: pupil.id,
        recordId: null,
        data: { notes: 'typed in the other window' },
        updatedAt: new Date().toISOString(),
      };
      await expect(saveDraft(other, draft)).rejects.toThrow(ERASED_RECORD_MESSAGE);
      expect(await db.pupils.get(pupil.id)).toBeUndefined();
      expect(await db.drafts.count()).toBe(0);
      // The erasure removed the first 'Added' entry; no second one was written.
      expect((await db.audit.toArray()).filter((e) => e.action === 'create')).toHaveLength(0);
      // Anyone else is saved and drafted as before.
      const someoneElse = await savePupil(other, pupilInput({ legalForename: 'Other' }), null);
      await saveDraft(other, { ...draft, id: crypto.randomUUID(), pupilId: someoneElse.id });
      expect(await db.drafts.count()).toBe(1);
    } finally {
      other.close();
    }
  });
});

describe('demo data', () => {
  it('loads in one piece, then clears without touching records the user entered', async () => {
    expect(await isDatabaseEmpty(db)).toBe(true);
    const dataset = generateDemoDataset({ seed: 9, today: '2026-11-24', pupils: 30 });
    await loadDataset(db, dataset, null);
    expect(await db.pupils.count()).toBe(dataset.pupils.length);
    expect(await db.sessions.count()).toBe(dataset.sessions.length);
    expect(await isDatabaseEmpty(db)).toBe(false);
    const mine = await savePupil(db, pupilInput(), null);
    await clearDemoData(db, null);
    expect((await db.pupils.toArray()).map((p) => p.id)).toEqual([mine.id]);
    expect(await db.sessions.count()).toBe(0);
    expect(await db.employers.count()).toBe(0);
  });

  it('knows when demo records are stored, so a second load is not attempted', async () => {
    expect(await hasDemoData(db)).toBe(false);
    await savePupil(db, pupilInput(), null);
    expect(await hasDemoData(db)).toBe(false);
    const dataset = generateDemoDataset({ seed: 9, today: '2026-11-24', pupils: 10 });
    await loadDataset(db, dataset, null);
    expect(await hasDemoData(db)).toBe(true);
    await clearDemoData(db, null);
    expect(await hasDemoData(db)).toBe(false);
  });

  it("fills the service details with the demo service's, never over the user's own, and clears them only while unchanged", async () => {
    const dataset = generateDemoDataset({ seed: 9, today: '2026-11-24', pupils: 10 });
    await loadDataset(db, dataset, null, new Date(), DEMO_SERVICE);
    expect(await getSetting(db, 'service')).toEqual(DEMO_SERVICE);
    expect((await db.audit.toArray()).filter((a) => a.entity === 'settings').map((a) => a.recordId)).toEqual(['service']);
    await clearDemoData(db, null, new Date(), DEMO_SERVICE);
    expect(await getSetting(db, 'service')).toBeUndefined();

    // The user's own details stay, through a load and a clear.
    const ours = { ...DEMO_SERVICE, name: 'Our careers team', logoDataUrl: '' };
    await setSetting(db, 'service', ours, null);
    await loadDataset(db, dataset, null, new Date(), DEMO_SERVICE);
    expect(await getSetting(db, 'service')).toEqual(ours);
    await clearDemoData(db, null, new Date(), DEMO_SERVICE);
    expect(await getSetting(db, 'service')).toEqual(ours);
  });

  it('leaves the database unchanged when a load fails part-way', async () => {
    const dataset = generateDemoDataset({ seed: 9, today: '2026-11-24', pupils: 10 });
    // A duplicate id in the last table makes bulkAdd fail after the earlier tables were written.
    dataset.routes.push({ ...dataset.routes[0]! });
    await expect(loadDataset(db, dataset, null)).rejects.toThrow();
    expect(await isDatabaseEmpty(db)).toBe(true);
    expect(await db.audit.count()).toBe(0);
  });
});

describe('settings', () => {
  it('stores a value by key and reads an unset or invalid one as undefined', async () => {
    expect(await getSetting(db, 'retentionYears')).toBeUndefined();
    await setSetting(db, 'retentionYears', 3, null);
    expect(await getSetting(db, 'retentionYears')).toBe(3);
    await db.settings.put({ key: 'retentionYears', value: 'three' });
    expect(await getSetting(db, 'retentionYears')).toBeUndefined();
    await expect(setSetting(db, 'retentionYears', 0, null)).rejects.toThrow();
  });
});
