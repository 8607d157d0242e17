import { testDatabaseOptions, auditEntriesOf } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MERGE_TABLES, checkMergeWrites, planMerge, resolveMerge, type BackupRow } from '@shared/backup';
import { generateDemoDataset } from '@shared/demo';
import { buildUpn } from '@shared/identifiers';
import { storedAllocationSchema, type Pupil, type School } from '@shared/model';
import { CareersDeskDb } from '@renderer/db/schema';
import { loadDataset } from '@renderer/db/demo';
import { erasePupil, savePupil } from '@renderer/db/pupils';
import { getSetting } from '@renderer/db/settings';
import { removeSchool } from '@renderer/db/organisation';
import { exportPayload } from '@renderer/db/backup';
import { applyMerge, localMergeTables } from '@renderer/db/merge';
import { attachEmployerDocument, removeEmployerDocument } from '@renderer/db/employer-documents';
import { digestTables } from '../fixtures/db-digest';

let here: CareersDeskDb;
let there: CareersDeskDb;
let counter = 0;
let pupils: Pupil[];

const spareSchool: School = {
  id: '6a1d2b7e-0000-4000-8000-00000000a001',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  isDemo: false,
  name: 'Closed School',
  urn: '',
  district: 'dover',
  phase: 'secondary',
  establishmentNumber: '',
};

function input(pupil: Pupil, overrides: Partial<Pupil> = {}) {
  const { createdAt: _c, updatedAt: _u, searchWords: _s, ...fields } = { ...pupil, ...overrides };
  return fields;
}

beforeEach(async () => {
  counter += 1;
  here = new CareersDeskDb(`careers-desk-merge-here-${counter}`, testDatabaseOptions());
  there = new CareersDeskDb(`careers-desk-merge-there-${counter}`, testDatabaseOptions());
  await Promise.all([here.open(), there.open()]);
  // Both computers start from the same records (as after one restored the other's backup).
  const dataset = generateDemoDataset({ seed: 23, today: '2026-11-24', pupils: 20 });
  // Young people at school with a guidance session or more, so each test has a history to merge.
  pupils = dataset.pupils.filter((p) => !p.homeEducated && dataset.sessions.some((s) => s.pupilId === p.id));
  for (const db of [here, there]) {
    await loadDataset(db, structuredClone(dataset), null);
    await db.schools.add(structuredClone(spareSchool));
  }
});

afterEach(async () => {
  for (const db of [here, there]) {
    db.close();
    await db.delete();
  }
});

async function plan() {
  const incoming = (await exportPayload(there)).tables;
  return planMerge(await localMergeTables(here), incoming);
}

describe("merging another adviser's data", () => {
  it('never brings back a young person erased here, nor their sessions, plans, placements or audit entries', async () => {
    const target = pupils[0]!;
    const theirSessions = await there.sessions.where('pupilId').equals(target.id).count();
    expect(theirSessions).toBeGreaterThan(0);
    await erasePupil(here, target.id, null);
    await savePupil(there, input(target, { aspirations: 'Edited on the other computer after the erasure here' }), null);

    const erased = (await getSetting(here, 'erasedPupilIds')) ?? [];
    const merge = planMerge(await localMergeTables(here), (await exportPayload(there)).tables, erased);
    const about = (row: BackupRow) => row.id === target.id || row.pupilId === target.id;
    expect(Object.values(merge.additions).flat().some(about)).toBe(false);
    expect(merge.conflicts.some((c) => about(c.incoming))).toBe(false);
    expect(merge.audit.some(about)).toBe(false);
    expect(merge.erasedHere).toBeGreaterThanOrEqual(1 + theirSessions);

    const resolved = resolveMerge(merge, Object.fromEntries(merge.conflicts.map((c) => [c.key, 'local' as const])));
    if (!resolved.ok) throw new Error('unresolved');
    await applyMerge(here, resolved.value, { actorId: null, source: 'their backup' });
    expect(await here.pupils.get(target.id)).toBeUndefined();
    expect(await here.sessions.where('pupilId').equals(target.id).count()).toBe(0);
  });

  it('adds new records, takes newer versions, keeps newer ones here, and asks about real conflicts', async () => {
    const [p1, p2, p3] = pupils;
    const newcomer = await savePupil(
      there,
      input(p1!, { id: undefined, legalForename: 'Newcomer', upn: null, upnNotKnown: true }) as never,
      null,
    );
    await savePupil(there, input(p1!, { aspirations: 'Changed on the other computer' }), null, new Date('2026-11-25T10:00:00Z'));
    await savePupil(here, input(p2!, { aspirations: 'Changed here' }), null, new Date('2026-11-25T10:00:00Z'));
    await savePupil(here, input(p3!, { preferredForename: 'Here' }), null, new Date('2026-11-25T10:00:00Z'));
    await savePupil(there, input(p3!, { preferredForename: 'There' }), null, new Date('2026-11-25T11:00:00Z'));
    await removeSchool(here, spareSchool.id, null);

    const merge = await plan();
    expect(merge.additions.pupils.map((p) => p.id)).toEqual([newcomer.id]);
    expect(merge.newer.pupils.map((n) => n.incoming.id)).toEqual([p1!.id]);
    expect(merge.keptNewerHere).toBe(1);
    expect(merge.deletedHere).toBe(1);
    expect(merge.conflicts).toHaveLength(1);
    expect(merge.conflicts[0]).toMatchObject({
      key: `pupils:${p3!.id}`,
      kind: 'changed-on-both',
      fields: ['preferredForename'],
      local: { preferredForename: 'Here' },
      incoming: { preferredForename: 'There' },
    });

    // Nothing is written while a conflict has no choice.
    expect(resolveMerge(merge, {})).toEqual({ ok: false, missing: [`pupils:${p3!.id}`] });
    const resolved = resolveMerge(merge, { [`pupils:${p3!.id}`]: 'local' });
    if (!resolved.ok) throw new Error('unresolved');
    const checked = checkMergeWrites(resolved.value);
    if (!checked.ok) throw new Error(checked.problems.join('; '));
    await applyMerge(here, checked.value, { actorId: null, source: "the other adviser's backup" });

    expect((await here.pupils.get(newcomer.id))?.legalForename).toBe('Newcomer');
    expect((await here.pupils.get(p1!.id))?.aspirations).toBe('Changed on the other computer');
    expect((await here.pupils.get(p2!.id))?.aspirations).toBe('Changed here');
    expect((await here.pupils.get(p3!.id))?.preferredForename).toBe('Here');
    expect(await here.schools.get(spareSchool.id)).toBeUndefined();
    const entries = await auditEntriesOf(here, 'database', 'merge');
    expect(entries[0]!.summary).toBe(
      "Merged the other adviser's backup: 1 records added, 1 updated, 0 young people recorded on both computers joined",
    );
    // The other computer's audit entries come too.
    expect(await here.audit.where('recordId').equals(newcomer.id).count()).toBe(1);
  });

  it('asks about a young person recorded on both computers with the same UPN, and joins their histories', async () => {
    const upn = buildUpn('886', '4000', '15', '777');
    const base = input(pupils[0]!, { id: undefined, legalForename: 'Twin', upn, upnNotKnown: false, lastGuidanceOn: null, phone: '' });
    const mine = await savePupil(here, base as never, null);
    const theirs = await savePupil(there, { ...base, phone: '01227 000000' } as never, null);
    const session = { ...(await there.sessions.toCollection().first())!, id: crypto.randomUUID(), pupilId: theirs.id, date: '2026-11-20' };
    await there.sessions.add(session);
    await there.pupils.update(theirs.id, { lastGuidanceOn: '2026-11-20' });

    const merge = await plan();
    const conflict = merge.conflicts.find((c) => c.kind === 'same-upn')!;
    expect(conflict).toMatchObject({ local: { id: mine.id }, incoming: { id: theirs.id } });
    expect(conflict.fields).toEqual(expect.arrayContaining(['phone', 'lastGuidanceOn']));

    const resolved = resolveMerge(merge, { [conflict.key]: 'local' });
    if (!resolved.ok) throw new Error('unresolved');
    await applyMerge(here, resolved.value, { actorId: null, source: 'a backup' });
    expect(await here.pupils.get(theirs.id)).toBeUndefined();
    const joined = (await here.pupils.get(mine.id))!;
    expect(joined.phone).toBe('');
    expect(joined.lastGuidanceOn).toBe('2026-11-20');
    expect((await here.sessions.get(session.id))?.pupilId).toBe(mine.id);
    expect(await here.audit.where('pupilId').equals(theirs.id).count()).toBe(0);
    expect(await here.audit.where('pupilId').equals(mine.id).count()).toBe(2);
  });

  it("brings the other computer's confirmed allocations, a joined young person's line following them, not the erased", async () => {
    const upn = buildUpn('886', '4000', '15', '779');
    const base = input(pupils[0]!, { id: undefined, legalForename: 'Twin', upn, upnNotKnown: false });
    const mine = await savePupil(here, base as never, null);
    const theirs = await savePupil(there, base as never, null);
    const [, erased, stays] = pupils;
    await erasePupil(here, erased!.id, null);
    const line = (pupilId: string) => ({ pupilId, choice: null, why: 'No places left within their travel limit', byHand: false });
    const allocation = storedAllocationSchema.parse({
      id: crypto.randomUUID(),
      createdAt: '2026-11-24T10:00:00.000Z',
      updatedAt: '2026-11-24T10:00:00.000Z',
      isDemo: false,
      confirmedOn: '2026-11-24',
      schoolId: stays!.schoolId,
      yearGroup: 10,
      period: { start: '2027-06-14', end: '2027-06-18' },
      pupilIds: [theirs.id, erased!.id, stays!.id],
      lines: [line(theirs.id), line(erased!.id), line(stays!.id)],
    });
    await there.allocations.add(allocation);

    const merge = planMerge(
      await localMergeTables(here),
      (await exportPayload(there)).tables,
      (await getSetting(here, 'erasedPupilIds')) ?? [],
    );
    expect(merge.additions.allocations.map((a) => a.id)).toEqual([allocation.id]);
    const conflict = merge.conflicts.find((c) => c.kind === 'same-upn')!;
    const resolved = resolveMerge(merge, Object.fromEntries(merge.conflicts.map((c) => [c.key, 'local' as const])));
    if (!resolved.ok) throw new Error('unresolved');
    expect(conflict.incoming.id).toBe(theirs.id);
    const checked = checkMergeWrites(resolved.value);
    if (!checked.ok) throw new Error(checked.problems.join('; '));
    await applyMerge(here, checked.value, { actorId: null, source: 'a backup' });

    const merged = (await here.allocations.get(allocation.id))!;
    expect(merged.pupilIds).toEqual([mine.id, stays!.id]);
    expect(merged.lines.map((l) => l.pupilId)).toEqual([mine.id, stays!.id]);
    expect(JSON.stringify(merged)).not.toContain(erased!.id);
  });

  it("can keep both records of a same-UPN pair, or take the other computer's version", async () => {
    const upn = buildUpn('886', '4000', '15', '778');
    const base = input(pupils[0]!, { id: undefined, legalForename: 'Pair', upn, upnNotKnown: false });
    const mine = await savePupil(here, base as never, null);
    const theirs = await savePupil(there, { ...base, phone: '01227 000001' } as never, null);
    const merge = await plan();
    const key = merge.conflicts[0]!.key;
    const both = resolveMerge(merge, { [key]: 'both' });
    expect(both.ok && both.value.puts.pupils.map((p) => p.id)).toEqual([theirs.id]);
    const taken = resolveMerge(merge, { [key]: 'incoming' });
    if (!taken.ok) throw new Error('unresolved');
    expect(taken.value.puts.pupils).toEqual([expect.objectContaining({ id: mine.id, phone: '01227 000001', createdAt: mine.createdAt })]);
  });

  it('refuses records that are not valid, and changes nothing when a record here changed since the preview', async () => {
    await savePupil(there, input(pupils[0]!, { aspirations: 'Newer' }), null, new Date('2026-11-25T10:00:00Z'));
    const merge = await plan();
    const bad = structuredClone(merge);
    (bad.newer.pupils[0]!.incoming as BackupRow).yearGroupOverride = { yearGroup: 99, academicYearStart: 2026 };
    const resolvedBad = resolveMerge(bad, {});
    expect(resolvedBad.ok && checkMergeWrites(resolvedBad.value)).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('Young people, record')],
    });

    const resolved = resolveMerge(merge, {});
    if (!resolved.ok) throw new Error('unresolved');
    await savePupil(here, input(pupils[0]!, { aspirations: 'Edited here meanwhile' }), null, new Date('2026-11-25T12:00:00Z'));
    const before = await digestTables(here);
    await expect(applyMerge(here, resolved.value, { actorId: null, source: 'a backup' })).rejects.toThrow(
      'changed or removed since the merge was previewed',
    );
    expect(await digestTables(here)).toEqual(before);
  });

  it("brings over the other computer's employer documents, and never brings back one removed here", async () => {
    const employer = (await here.employers.toArray())[0]!;
    const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
    const attach = (db: CareersDeskDb, kind: 'insurance' | 'risk-assessment') =>
      attachEmployerDocument(db, { employerId: employer.id, kind, fileName: `${kind}.pdf`, receivedOn: '2026-11-20', bytes: pdf }, null);
    const theirs = await attach(there, 'insurance');
    const shared = await attach(there, 'risk-assessment');
    if (!theirs.ok || !shared.ok) throw new Error('expected both to attach');
    // The risk assessment reached this computer earlier (as a restore would bring it), and was removed here.
    await here.employerDocuments.add((await there.employerDocuments.get(shared.value.id))!);
    await removeEmployerDocument(here, shared.value.id, null);

    const merge = await plan();
    expect(merge.additions.employerDocuments.map((d) => d.id)).toEqual([theirs.value.id]);
    expect(merge.deletedHere).toBe(1);
    const resolved = resolveMerge(merge, {});
    if (!resolved.ok) throw new Error('unresolved');
    const checked = checkMergeWrites(resolved.value);
    if (!checked.ok) throw new Error(checked.problems.join('; '));
    await applyMerge(here, checked.value, { actorId: null, source: 'their backup' });
    expect((await here.employerDocuments.toArray()).map((d) => d.id)).toEqual([theirs.value.id]);
    expect(await here.employerDocuments.get(theirs.value.id)).toEqual(await there.employerDocuments.get(theirs.value.id));
  });
});

describe('merging a service-sized backup into an empty computer', () => {
  it('resolves 200,000 additions without running out of call stack (they were once spread into push())', () => {
    const sessions: BackupRow[] = Array.from({ length: 200_000 }, (_, i) => ({ id: `s${i}`, updatedAt: '2026-11-24T09:00:00.000Z' }));
    const plan = planMerge(emptyTables(), { ...emptyTables(), sessions });
    const resolved = resolveMerge(plan, {});
    expect(resolved.ok && resolved.value.puts.sessions.length).toBe(200_000);
  });
});

function emptyTables() {
  return Object.fromEntries([...MERGE_TABLES, 'audit'].map((t) => [t, [] as BackupRow[]])) as unknown as Parameters<typeof planMerge>[0];
}
