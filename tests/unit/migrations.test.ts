// Every shipped version of the database, upgraded to this one. For each version in SHIPPED below,
// the test creates a database at exactly that version (its stores as they shipped, frozen here;
// raw rows written without the app's class), closes it, opens it with today's CareersDeskDb so
// Dexie runs every upgrade in between, and checks that each record survived and that the current
// indexes answer queries over the old data.
//
// When a version is added to renderer/src/db/schema.ts: add its frozen stores and a fixture here
// (a version with an upgrade also says in `expected` what its upgrade does to the old rows), and
// add the matching step to PAYLOAD_UPGRADES in shared/backup/payload.ts so older backups restore.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoDataset } from '@shared/demo';
import { PAYLOAD_UPGRADES, BACKUP_TABLES } from '@shared/backup';
import { CareersDeskDb, allTables } from '@renderer/db/schema';

type Rows = Record<string, Record<string, unknown>[]>;

interface ShippedVersion {
  version: number;
  /** The stores exactly as that version declared them. Never edit an entry once shipped. */
  stores: Record<string, string>;
  /** Rows in that version's shape. */
  fixture: () => Rows;
  /** What each table should hold after the upgrade to the current version (default: the same rows). */
  expected?: (rows: Rows) => Rows;
}

const V1_STORES: Record<string, string> = {
  pupils: 'id, *searchWords, upn, uln, yearGroup, schoolId, district, riskBand, lastGuidanceOn, leftOn, updatedAt',
  schools: 'id, name, urn',
  advisers: 'id, name',
  sessions: 'id, pupilId, [pupilId+date], date, adviserId, kind',
  actionPlans: 'id, pupilId, sessionId, *openActionDueDates, reviewOn',
  drafts: 'id, [kind+pupilId], updatedAt',
  employers: 'id, name, sector, district, outcode',
  placements: 'id, pupilId, employerId, [employerId+status], status, start',
  providers: 'id, name',
  routes: 'id, providerId, kind, sector',
  settings: 'key',
  audit: 'id, at, adviserId, recordId, pupilId, [entity+action]',
};

function v1Fixture(): Rows {
  const dataset = generateDemoDataset({ seed: 99, today: '2026-11-24', pupils: 25 });
  const pupil = dataset.pupils[0]!;
  return {
    ...(dataset as unknown as Rows),
    drafts: [{ id: crypto.randomUUID(), kind: 'guidance-session', pupilId: pupil.id, recordId: null, data: { notes: 'Half-typed notes' }, updatedAt: '2026-11-24T09:30:00.000Z' }],
    settings: [{ key: 'retentionYears', value: 3 }, { key: 'service', value: { name: 'Kent Careers', logoDataUrl: '', contact: { name: '', email: '', phone: '' }, address: '' } }],
    audit: [{ id: crypto.randomUUID(), at: '2026-11-24T09:00:00.000Z', adviserId: null, action: 'create', entity: 'pupil', recordId: pupil.id, pupilId: pupil.id, summary: 'Added a young person' }],
  };
}

const SHIPPED: ShippedVersion[] = [
  { version: 1, stores: V1_STORES, fixture: v1Fixture },
];

const created: Dexie[] = [];
afterEach(async () => {
  for (const each of created.splice(0)) {
    each.close();
    await Dexie.delete(each.name);
  }
});

/** A database at exactly `shipped.version`, filled with raw rows by a Dexie that knows only that version. */
async function createAt(name: string, shipped: ShippedVersion, rows: Rows): Promise<void> {
  const old = new Dexie(name);
  old.version(shipped.version).stores(shipped.stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, tableRows] of Object.entries(rows)) await old.table(table).bulkAdd(tableRows);
  });
  expect(old.verno).toBe(shipped.version);
  old.close();
}

function byKey(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  return [...rows].sort((a, b) => String(a.id ?? a.key).localeCompare(String(b.id ?? b.key)));
}

describe('schema migrations', () => {
  it('keeps a frozen copy of every shipped version, up to the current one', () => {
    const current = new CareersDeskDb('careers-desk-migrations-probe').verno;
    expect(SHIPPED.map((s) => s.version)).toEqual(Array.from({ length: current }, (_, i) => i + 1));
  });

  it('has a backup upgrade step for every version before the current one', () => {
    const current = new CareersDeskDb('careers-desk-migrations-probe').verno;
    for (let version = 1; version < current; version++) expect(PAYLOAD_UPGRADES[version], `backup upgrade from version ${version}`).toBeTypeOf('function');
    expect([...BACKUP_TABLES].sort()).toEqual(allTables(new CareersDeskDb('careers-desk-migrations-probe')).map((t) => t.name).sort());
  });

  for (const shipped of SHIPPED) {
    it(`opens a version ${shipped.version} database with the current schema, every record intact`, async () => {
      const name = `careers-desk-migrate-from-${shipped.version}`;
      const rows = shipped.fixture();
      await createAt(name, shipped, rows);

      const db = new CareersDeskDb(name);
      created.push(db);
      await db.open();
      expect(db.verno).toBe(new CareersDeskDb('careers-desk-migrations-probe').verno);
      const expected = shipped.expected ? shipped.expected(rows) : rows;
      for (const table of allTables(db)) {
        expect(byKey((await table.toArray()) as Record<string, unknown>[]), `table ${table.name}`).toEqual(byKey(expected[table.name] ?? []));
      }

      // The current indexes answer queries over the upgraded rows.
      const pupil = (expected.pupils as { id: string; upn: string | null; searchWords: string[]; schoolId: string | null }[]).find((p) => p.upn)!;
      expect((await db.pupils.where('upn').equals(pupil.upn!).toArray()).map((p) => p.id)).toContain(pupil.id);
      expect((await db.pupils.where('searchWords').startsWith(pupil.searchWords[0]!).toArray()).map((p) => p.id)).toContain(pupil.id);
      const session = (expected.sessions as { pupilId: string; date: string }[])[0]!;
      expect(await db.sessions.where('[pupilId+date]').equals([session.pupilId, session.date]).count()).toBeGreaterThan(0);
      expect(await db.audit.where('[entity+action]').equals(['pupil', 'create']).count()).toBe((expected.audit ?? []).filter((e) => e.entity === 'pupil' && e.action === 'create').length);
    });
  }
});
