// The audit log in words: what each entry is about, named as the adviser knows it (never an id
// fragment), and only real changes written.
import { testDatabaseOptions, auditEntriesOf } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CareersDeskDb } from '@renderer/db/schema';
import { erasePupil, savePupil } from '@renderer/db/pupils';
import { saveEmployer } from '@renderer/db/employers';
import { setSetting } from '@renderer/db/settings';
import { auditRecordNames } from '@renderer/db/audit-log';
import { employerInput, pupilInput } from '../support/factories';

let db: CareersDeskDb;
let counter = 0;

beforeEach(async () => {
  counter += 1;
  db = new CareersDeskDb(`careers-desk-audit-log-${counter}`, testDatabaseOptions());
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('the audit log in words', () => {
  it('names young people, employers and settings, says who was erased, and never shows an id', async () => {
    const amelia = await savePupil(db, pupilInput(), null);
    const ben = await savePupil(db, pupilInput({ legalForename: 'Ben', legalSurname: 'Carter', upn: null }), null);
    const employer = await saveEmployer(db, employerInput({ name: 'Harbour Kitchens' }), null);
    await setSetting(db, 'disclosureThreshold', 7, null);
    await erasePupil(db, ben.id, null);

    const entries = await db.audit.toArray();
    const names = await auditRecordNames(db, entries);
    const about = (pred: (e: (typeof entries)[number]) => boolean) => entries.filter(pred).map((e) => names.get(e.id));

    expect(about((e) => e.recordId === amelia.id)).toEqual([{ name: 'Amelia Turner', pupilId: amelia.id }]);
    expect(about((e) => e.recordId === employer.id)).toEqual([{ name: 'Harbour Kitchens', pupilId: null }]);
    expect(about((e) => e.entity === 'settings' && e.recordId === 'disclosureThreshold')).toEqual([
      { name: 'Smallest count shown in returns', pupilId: null },
    ]);
    // Erasure leaves one entry, with no link back to Ben.
    expect(about((e) => e.pupilId === ben.id)).toEqual([]);
    expect(about((e) => e.action === 'erase')).toEqual([{ name: 'An erased young person', pupilId: null }]);
    // An entry about him that arrives later (from another computer's log) still names no one.
    const late = { ...entries[0]!, id: crypto.randomUUID(), recordId: ben.id, pupilId: ben.id };
    expect((await auditRecordNames(db, [late])).get(late.id)).toEqual({ name: 'An erased young person', pupilId: null });
    for (const { name } of names.values()) expect(name).not.toMatch(/[0-9a-f]{8}/);
  });

  it('writes a setting and its entry only when the value changes', async () => {
    await setSetting(db, 'disclosureThreshold', 7, null);
    await setSetting(db, 'disclosureThreshold', 7, null);
    await setSetting(db, 'weeksWorth', { days: 5, hoursPerDay: 6 }, null);
    await setSetting(db, 'weeksWorth', { hoursPerDay: 6, days: 5 }, null);
    const changes = await auditEntriesOf(db, 'settings', 'update');
    expect(changes.map((e) => e.summary)).toEqual([
      'Changed the setting "Smallest count shown in returns"',
      'Changed the setting "What counts as a week\'s worth"',
    ]);
    await setSetting(db, 'disclosureThreshold', 8, null);
    expect(await db.audit.where('recordId').equals('disclosureThreshold').count()).toBe(2);
  });
});
