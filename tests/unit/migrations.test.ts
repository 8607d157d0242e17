// Every shipped version of the database, upgraded to this one. For each version in SHIPPED below,
// the test creates a database at exactly that version (its stores as they shipped, frozen here;
// raw rows written without the app's class), closes it, opens it with today's CareersDeskDb so
// Dexie runs every upgrade in between, and checks that each record survived and that the current
// indexes answer queries over the old data.
//
// When a version is added to renderer/src/db/schema.ts: add its frozen stores and a fixture here
// (a version with an upgrade also says in `expected` what its upgrade does to the old rows), and
// add the matching step to PAYLOAD_UPGRADES in shared/backup/payload.ts so older backups restore.
import { TEST_DATA_KEY, testDatabaseOptions } from './test-database';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoDataset } from '@shared/demo';
import { PAYLOAD_UPGRADES, BACKUP_TABLES, decodePayload, upgradePayload } from '@shared/backup';
import { yearGroupOf, yearGroupOn } from '@shared/academic-year';
import type { Pupil } from '@shared/model';
import { CareersDeskDb, allTables } from '@renderer/db/schema';
import { derivedId } from '@shared/model/upgrades';
import { DataKeyRing } from '@renderer/db/encryption';
import { SEALED_PROPERTY, SEALED_TABLES, isSealedTable, sealBytes } from '@shared/crypto/sealed-rows';
import { PUPIL_LIST_SNAPSHOT_KEY } from '@renderer/db/pupil-list-stamp';

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

const V2_STORES: Record<string, string> = {
  ...V1_STORES,
  pupils: 'id, *searchWords, upn, uln, schoolId, district, riskBand, lastGuidanceOn, leftOn, updatedAt',
  audit: 'id, at, seq, [at+seq], adviserId, recordId, pupilId, [entity+action]',
};

// Version 3 dropped the placements table: its rows moved to experiences.
const { placements: _placements, ...V2_WITHOUT_PLACEMENTS } = V2_STORES;
const V3_STORES: Record<string, string> = {
  ...V2_WITHOUT_PLACEMENTS,
  experiences: 'id, *pupilIds, employerId, [employerId+status], status, start, kind',
};

const V4_STORES: Record<string, string> = {
  ...V3_STORES,
  employerDocuments: 'id, employerId',
  allocations: 'id, confirmedOn, *pupilIds',
};

// Version 5 sealed the records at rest, so the indexes that held names and identifiers went.
const V5_STORES: Record<string, string> = {
  ...V4_STORES,
  pupils: 'id, schoolId, district, riskBand, lastGuidanceOn, leftOn, updatedAt',
};

// Version 6 kept destinations as a history and a school's Compass snapshots.
const V6_STORES: Record<string, string> = {
  ...V5_STORES,
  destinations: 'id, pupilId, [pupilId+recordedOn], kind',
  compassSnapshots: 'id, schoolId, [schoolId+takenOn]',
};

// Version 7 kept only the indexes some query uses, and sealed the fields only the dropped ones had kept in clear.
const V7_STORES: Record<string, string> = {
  ...V6_STORES,
  pupils: 'id, schoolId',
  sessions: 'id, [pupilId+date], date, adviserId',
  actionPlans: 'id, pupilId, *openActionDueDates, reviewOn',
  drafts: 'id, [kind+pupilId]',
  employers: 'id, name, sector, district',
  experiences: 'id, *pupilIds, employerId, [employerId+status], status, kind',
  destinations: 'id, pupilId',
  audit: 'id, seq, [at+seq], adviserId, recordId, pupilId',
};

/** The fields version 6 kept in clear, per sealed table (frozen: shared/crypto/sealed-rows.ts as it shipped then). */
const V6_CLEAR_FIELDS: Record<string, readonly string[]> = {
  pupils: ['id', 'schoolId', 'district', 'riskBand', 'lastGuidanceOn', 'leftOn', 'createdAt', 'updatedAt'],
  sessions: ['id', 'pupilId', 'date', 'adviserId', 'kind', 'createdAt', 'updatedAt'],
  actionPlans: ['id', 'pupilId', 'sessionId', 'openActionDueDates', 'reviewOn', 'createdAt', 'updatedAt'],
  drafts: ['id', 'kind', 'pupilId', 'createdAt', 'updatedAt'],
  employers: ['id', 'name', 'sector', 'district', 'outcode', 'createdAt', 'updatedAt'],
  employerDocuments: ['id', 'employerId', 'createdAt', 'updatedAt'],
  experiences: ['id', 'pupilIds', 'employerId', 'status', 'start', 'kind', 'createdAt', 'updatedAt'],
  allocations: ['id', 'confirmedOn', 'pupilIds', 'createdAt', 'updatedAt'],
  destinations: ['id', 'pupilId', 'recordedOn', 'kind', 'createdAt', 'updatedAt'],
  compassSnapshots: ['id', 'schoolId', 'takenOn', 'createdAt', 'updatedAt'],
  settings: ['key'],
  audit: ['id', 'at', 'seq', 'adviserId', 'recordId', 'pupilId', 'entity', 'action'],
};

/**
 * A row as version 6 stored it: its clear fields as they are, the rest sealed in the same format as sealRow
 * (AES-256-GCM with the IV first, bound to table and key), but with version 6's allowlist; tables not about
 * young people as they are.
 */
function sealedAsVersion6(table: string, row: Record<string, unknown>): Record<string, unknown> {
  const clearFields = V6_CLEAR_FIELDS[table];
  if (!clearFields) return row;
  const stored: Record<string, unknown> = {};
  const secret: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(row)) {
    if (clearFields.includes(field)) stored[field] = value;
    else if (value !== undefined) secret[field] = value;
  }
  const id = table === 'settings' ? row.key : row.id;
  const encode = (text: string) => new TextEncoder().encode(text);
  stored[SEALED_PROPERTY] = sealBytes(TEST_DATA_KEY, encode(JSON.stringify(secret)), encode(`${table}\u0000${JSON.stringify(id)}`));
  return stored;
}

/**
 * A young person as versions 1 to 5 stored them: a tick for "a parent opted out of follow-up" instead of
 * consent to tracking, no council notes, and their intended and actual codes only on the record.
 */
function toVersion5Pupil(row: Record<string, unknown>, i: number): Record<string, unknown> {
  const { riskListNotes: _n, consent, ...rest } = row;
  const { tracking: _t, ...oldConsent } = consent as Record<string, unknown>;
  return {
    ...rest,
    consent: { ...oldConsent, parentOptOut: i === 2 },
    // One with an actual destination, one with both codes, one with neither.
    actualDestination: i === 1 || i === 5 ? '230' : null,
    intendedDestination: i === 5 ? '310' : i === 6 ? null : row.intendedDestination,
  };
}

/**
 * What version 6's upgrade makes of version 5's rows, spelled out: the opt-out tick becomes consent withheld
 * by a parent, dated the record's last save; each code becomes an entry of the history, from the school.
 */
function v5Upgraded(rows: Rows): Rows {
  const pupils = rows.pupils!.map((row) => {
    const { parentOptOut, ...consent } = row.consent as Record<string, unknown>;
    const tracking =
      parentOptOut === true
        ? { status: 'withheld', by: 'parent', recordedOn: String(row.updatedAt).slice(0, 10) }
        : { status: 'not-recorded', by: null, recordedOn: null };
    return { ...row, consent: { ...consent, tracking }, riskListNotes: [] };
  });
  const destinations = rows.pupils!.flatMap((row) => {
    const base = {
      createdAt: row.updatedAt,
      updatedAt: row.updatedAt,
      isDemo: row.isDemo,
      pupilId: row.id,
      recordedOn: String(row.updatedAt).slice(0, 10),
      source: 'school',
      providerId: null,
      employerId: null,
      routeId: null,
      placeName: '',
      sessionId: null,
      notes: 'Recorded before destinations were kept as a history',
    };
    return [
      ...(row.intendedDestination ? [{ ...base, id: derivedId(String(row.id), 1), kind: 'intended', code: row.intendedDestination }] : []),
      ...(row.actualDestination
        ? [{ ...base, id: derivedId(String(row.id), 2), kind: 'activity', code: row.actualDestination, startOn: null, reviewOn: null }]
        : []),
    ];
  });
  return { ...rows, pupils, destinations, compassSnapshots: [] };
}

/** A caseload as version 6 stores it: the demo's history, and a Compass snapshot. */
function v6Fixture(): Rows {
  const dataset = generateDemoDataset({ seed: 98, today: '2026-11-24', pupils: 25 });
  const rows = v4Fixture();
  return {
    ...rows,
    pupils: dataset.pupils as unknown as Rows[string],
    sessions: dataset.sessions as unknown as Rows[string],
    destinations: dataset.destinations as unknown as Rows[string],
    compassSnapshots: [
      {
        id: crypto.randomUUID(),
        createdAt: '2026-12-31T18:00:00.000Z',
        updatedAt: '2026-12-31T18:00:00.000Z',
        isDemo: false,
        schoolId: dataset.schools[0]!.id,
        takenOn: '2026-12-31',
        figures: [{ benchmark: 8, measure: 'guidance-y11', label: 'Year 11 with a guidance meeting', numerator: 20, denominator: 25 }],
      },
    ],
  };
}

/**
 * A caseload as version 4 stores it (today's shape), with drafts, settings, a few audit entries, an
 * employer's document and a confirmed allocation.
 */
function v4Fixture(): Rows {
  const rows = v3Fixture();
  const employers = rows.employers!.map((row, i): Record<string, unknown> => ({
    ...row,
    checks: { ...(row.checks as object), riskControls: i === 0 ? 'Induction on the first morning; no ladders.' : '', dbsPosition: null },
  }));
  const experiences = rows.experiences!.map((row, i): Record<string, unknown> => ({
    ...row,
    paperwork: { ...(row.paperwork as object), reportTo: '', times: '', whatToBring: i === 0 ? 'A packed lunch and a drink.' : '' },
  }));
  const employer = employers[0]!;
  const offer = (employer.offers as { id: string }[])[0];
  const [placed, unplaced] = rows.pupils!;
  return {
    ...rows,
    employers,
    experiences,
    employerDocuments: [
      {
        id: crypto.randomUUID(),
        createdAt: '2026-11-20T09:00:00.000Z',
        updatedAt: '2026-11-20T09:00:00.000Z',
        isDemo: false,
        employerId: employer.id,
        kind: 'insurance',
        fileName: 'Insurance certificate.pdf',
        mediaType: 'application/pdf',
        byteLength: 9,
        contentBase64: btoa('%PDF-1.7\n'),
        receivedOn: '2026-11-20',
      },
    ],
    allocations: [
      {
        id: crypto.randomUUID(),
        createdAt: '2026-11-21T09:00:00.000Z',
        updatedAt: '2026-11-21T09:00:00.000Z',
        isDemo: false,
        confirmedOn: '2026-11-21',
        adviserId: null,
        schoolId: placed!.schoolId,
        yearGroup: 10,
        period: { start: '2027-06-14', end: '2027-06-18' },
        pupilIds: [placed!.id, unplaced!.id],
        lines: [
          {
            pupilId: placed!.id,
            choice: offer
              ? {
                  employerId: employer.id,
                  offerId: offer.id,
                  periodStart: '2027-06-14',
                  periodEnd: '2027-06-18',
                  score: 72,
                  distanceKm: 4.5,
                }
              : null,
            why: offer ? '' : 'No offer',
            byHand: false,
            experienceId: null,
          },
          { pupilId: unplaced!.id, choice: null, why: 'No places left within their travel limit', byHand: false, experienceId: null },
        ],
      },
    ],
  };
}

/**
 * What version 4's upgrade makes of version 3's rows: employers' checks gain empty risk controls and an
 * unknown DBS position; each experience's paperwork gains a blank "ask for", times and what to bring, and
 * an experience with no paperwork at all (moved from version 2's placements) gets it empty, without consent.
 */
function v3Upgraded(rows: Rows): Rows {
  return {
    ...rows,
    employers: rows.employers!.map((row) => ({ ...row, checks: { ...(row.checks as object), riskControls: '', dbsPosition: null } })),
    experiences: rows.experiences!.map((row) => ({
      ...row,
      paperwork: {
        consent: null,
        emergencyContacts: [],
        accessNotes: '',
        shareNotesWithEmployer: false,
        travelPlan: '',
        ...(row.paperwork as object | undefined),
        reportTo: '',
        times: '',
        whatToBring: '',
      },
    })),
  };
}

/** A caseload as version 3 stored it, with drafts, settings and a few audit entries. */
function v3Fixture(): Rows {
  const { destinations: _d, ...dataset } = generateDemoDataset({ seed: 99, today: '2026-11-24', pupils: 25 });
  const pupil = dataset.pupils[0]!;
  const employers = (dataset.employers as unknown as Rows[string]).map((row) => {
    const { riskControls: _r, dbsPosition: _d, ...checks } = row.checks as Record<string, unknown>;
    return { ...row, checks };
  });
  // Version 3's paperwork had no "ask for", times or what to bring.
  const experiences = (dataset.experiences as unknown as Rows[string]).map((row) => {
    const { reportTo: _r, times: _t, whatToBring: _w, ...paperwork } = row.paperwork as Record<string, unknown>;
    return { ...row, paperwork };
  });
  return {
    ...(dataset as unknown as Rows),
    pupils: (dataset.pupils as unknown as Rows[string]).map(toVersion5Pupil),
    employers,
    experiences,
    drafts: [
      {
        id: crypto.randomUUID(),
        kind: 'guidance-session',
        pupilId: pupil.id,
        recordId: null,
        data: { notes: 'Half-typed notes' },
        updatedAt: '2026-11-24T09:30:00.000Z',
      },
    ],
    settings: [
      { key: 'retentionYears', value: 3 },
      { key: 'service', value: { name: 'Kent Careers', logoDataUrl: '', contact: { name: '', email: '', phone: '' }, address: '' } },
    ],
    audit: [
      {
        id: crypto.randomUUID(),
        at: '2026-11-24T09:00:00.000Z',
        seq: 1,
        adviserId: null,
        action: 'create',
        entity: 'pupil',
        recordId: pupil.id,
        pupilId: pupil.id,
        summary: 'Added a young person',
      },
      {
        id: crypto.randomUUID(),
        at: '2026-11-24T09:00:00.000Z',
        seq: 2,
        adviserId: null,
        action: 'update',
        entity: 'pupil',
        recordId: pupil.id,
        pupilId: pupil.id,
        summary: "Updated a young person's record",
      },
    ],
  };
}

/**
 * Version 2 kept placements in their own table: one young person, one employer, a status and
 * free-text feedback. One placement in each of the six statuses; the completed one with feedback.
 */
function v2Fixture(): Rows {
  const { experiences: _e, ...current } = v3Fixture();
  const pupils = current.pupils!;
  const employers = current.employers!;
  const statuses = ['proposed', 'contacted', 'confirmed', 'in-progress', 'completed', 'cancelled'] as const;
  const placements = statuses.map((status, i) => ({
    id: crypto.randomUUID(),
    createdAt: '2026-06-01T09:00:00.000Z',
    updatedAt: `2026-06-2${i}T09:00:00.000Z`,
    isDemo: i % 2 === 0,
    pupilId: pupils[i]!.id,
    employerId: employers[i % employers.length]!.id,
    offerId: i === 5 ? null : ((employers[i % employers.length]!.offers as { id: string }[])[0]?.id ?? null),
    start: '2026-06-15',
    end: '2026-06-19',
    status,
    feedback:
      status === 'completed'
        ? { employer: 'Punctual and keen.', pupil: 'I learnt how a kitchen runs.', wouldHostAgain: true }
        : status === 'cancelled'
          ? { employer: '', pupil: 'Could not get there by bus.', wouldHostAgain: false }
          : { employer: '', pupil: '', wouldHostAgain: null },
  }));
  return { ...current, placements };
}

/**
 * What version 3's upgrade makes of version 2's placements, spelled out here: each becomes a work
 * placement for its one young person, every field kept, hours unknown, the feedback moved to its
 * dated fields (date unknown) with its checklist points ticked.
 */
function v2Upgraded(rows: Rows): Rows {
  const { placements, ...rest } = rows;
  return {
    ...rest,
    experiences: placements!.map((p) => {
      const feedback = p.feedback as { employer: string; pupil: string; wouldHostAgain: boolean | null };
      return {
        id: p.id,
        createdAt: p.createdAt,
        updatedAt: p.updatedAt,
        isDemo: p.isDemo,
        kind: 'work-placement',
        pupilIds: [p.pupilId],
        employerId: p.employerId,
        employerName: '',
        offerId: p.offerId,
        start: p.start,
        end: p.end,
        mode: 'in-person',
        hours: null,
        daysAttended: null,
        status: p.status,
        meaningful: [...(feedback.employer ? ['employer-feedback'] : []), ...(feedback.pupil ? ['young-person-reflection'] : [])],
        employerTask: { text: '', on: null },
        employerFeedback: { text: feedback.employer, on: null, wouldHostAgain: feedback.wouldHostAgain },
        reflection: { text: feedback.pupil, on: null },
      };
    }),
  };
}

/**
 * Version 1 stored each young person's year group as it was when they were saved, and a flag for an
 * adviser's override; its audit entries had no seq. The fourth young person's year group was set by
 * hand (a year below the date of birth's) on 10 March 2026, in the academic year 2025/26.
 */
function v1Fixture(): Rows {
  const current = v2Fixture();
  const pupils: Record<string, unknown>[] = current.pupils!.map((row, i) => {
    const { yearGroupOverride: _o, ...rest } = row;
    const derived = yearGroupOn(String(row.dateOfBirth), String(row.updatedAt).slice(0, 10));
    if (i === 3) return { ...rest, yearGroup: derived - 1, yearGroupOverridden: true, updatedAt: '2026-03-10T11:00:00.000Z' };
    // Version 1's search words kept accents and split O'Brien into "o" and "brien" only.
    if (i === 4)
      return {
        ...rest,
        legalForename: 'Zoë',
        legalSurname: "O'Brien",
        searchWords: ['zoë', 'o', 'brien'],
        yearGroup: derived,
        yearGroupOverridden: false,
      };
    return { ...rest, yearGroup: derived, yearGroupOverridden: false };
  });
  const pupil = pupils[0]!;
  return {
    ...current,
    pupils,
    // Written out of time order, to show that seq follows the time, not the order of the rows.
    audit: [
      {
        id: crypto.randomUUID(),
        at: '2026-11-24T09:05:00.000Z',
        adviserId: null,
        action: 'update',
        entity: 'pupil',
        recordId: pupil.id,
        pupilId: pupil.id,
        summary: "Updated a young person's record",
      },
      {
        id: crypto.randomUUID(),
        at: '2026-11-24T09:00:00.000Z',
        adviserId: null,
        action: 'create',
        entity: 'pupil',
        recordId: pupil.id,
        pupilId: pupil.id,
        summary: 'Added a young person',
      },
    ],
  };
}

/** What version 2's upgrade makes of version 1's rows, spelled out here rather than by calling the upgrade. */
function v1Upgraded(rows: Rows): Rows {
  return {
    ...rows,
    pupils: rows.pupils!.map((row) => {
      const { yearGroup, yearGroupOverridden, ...rest } = row;
      const searchWords =
        row.legalForename === 'Zoë' ? ['zoe', 'o', 'brien', 'obrien', ...(row.searchWords as string[]).slice(3)] : row.searchWords;
      return { ...rest, searchWords, yearGroupOverride: yearGroupOverridden ? { yearGroup, academicYearStart: 2025 } : null };
    }),
    audit: [...rows.audit!].sort((a, b) => String(a.at).localeCompare(String(b.at))).map((row, i) => ({ ...row, seq: i + 1 })),
  };
}

const SHIPPED: ShippedVersion[] = [
  { version: 1, stores: V1_STORES, fixture: v1Fixture, expected: (rows) => v5Upgraded(v3Upgraded(v2Upgraded(v1Upgraded(rows)))) },
  { version: 2, stores: V2_STORES, fixture: v2Fixture, expected: (rows) => v5Upgraded(v3Upgraded(v2Upgraded(rows))) },
  { version: 3, stores: V3_STORES, fixture: v3Fixture, expected: (rows) => v5Upgraded(v3Upgraded(rows)) },
  { version: 4, stores: V4_STORES, fixture: v4Fixture, expected: v5Upgraded },
  // Rows written raw at version 5 are not sealed (as if an upgrade had been interrupted); they open as they are.
  { version: 5, stores: V5_STORES, fixture: v4Fixture, expected: v5Upgraded },
  { version: 6, stores: V6_STORES, fixture: v6Fixture },
  { version: 7, stores: V7_STORES, fixture: v6Fixture },
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
    const current = new CareersDeskDb('careers-desk-migrations-probe', testDatabaseOptions()).verno;
    expect(SHIPPED.map((s) => s.version)).toEqual(Array.from({ length: current }, (_, i) => i + 1));
  });

  it('has a backup upgrade step for every version before the current one', () => {
    const current = new CareersDeskDb('careers-desk-migrations-probe', testDatabaseOptions()).verno;
    for (let version = 1; version < current; version++)
      expect(PAYLOAD_UPGRADES[version], `backup upgrade from version ${version}`).toBeTypeOf('function');
    expect([...BACKUP_TABLES].sort()).toEqual(
      allTables(new CareersDeskDb('careers-desk-migrations-probe', testDatabaseOptions()))
        .map((t) => t.name)
        .sort(),
    );
  });

  for (const shipped of SHIPPED) {
    it(`opens a version ${shipped.version} database with the current schema, every record intact`, async () => {
      const name = `careers-desk-migrate-from-${shipped.version}`;
      const rows = shipped.fixture();
      await createAt(name, shipped, rows);

      const db = new CareersDeskDb(name, testDatabaseOptions());
      created.push(db);
      await db.open();
      expect(db.verno).toBe(new CareersDeskDb('careers-desk-migrations-probe', testDatabaseOptions()).verno);
      const expected = shipped.expected ? shipped.expected(rows) : rows;
      for (const table of allTables(db)) {
        expect(byKey((await table.toArray()) as Record<string, unknown>[]), `table ${table.name}`).toEqual(
          byKey(expected[table.name] ?? []),
        );
      }

      // The current indexes answer queries over the upgraded rows.
      const pupil = (expected.pupils as { id: string; schoolId: string | null }[]).find((p) => p.schoolId)!;
      expect((await db.pupils.where('schoolId').equals(pupil.schoolId!).toArray()).map((p) => p.id)).toContain(pupil.id);
      const session = (expected.sessions as { pupilId: string; date: string }[])[0]!;
      expect(await db.sessions.where('[pupilId+date]').equals([session.pupilId, session.date]).count()).toBeGreaterThan(0);
      expect(await db.sessions.where('pupilId').equals(session.pupilId).count()).toBe(
        (expected.sessions as { pupilId: string }[]).filter((s) => s.pupilId === session.pupilId).length,
      );
      expect((await db.audit.orderBy('[at+seq]').toArray()).map((e) => e.action)).toEqual(['create', 'update']);

      // A backup made at this version comes out of its upgrade the same as the database did.
      if (shipped.version < db.verno) {
        const payload = upgradePayload(
          { format: 'careers-desk-data', schemaVersion: shipped.version, exportedAt: '2026-11-24T10:00:00.000Z', tables: rows as never },
          db.verno,
        );
        for (const table of allTables(db)) {
          expect(byKey(payload.tables[table.name as keyof typeof payload.tables] ?? []), `backup table ${table.name}`).toEqual(
            byKey((await table.toArray()) as Record<string, unknown>[]),
          );
        }
      }
    });
  }

  it('seals every record of a version 4 database in the upgrade, reporting its progress, and opens them all again', async () => {
    const shipped = SHIPPED.find((s) => s.version === 4)!;
    const rows = shipped.fixture();
    const name = 'careers-desk-migrate-v4-sealed';
    await createAt(name, shipped, rows);
    const progress: [number, number][] = [];
    const db = new CareersDeskDb(name, { ...testDatabaseOptions(), onSealingProgress: (done, total) => progress.push([done, total]) });
    created.push(db);
    await db.open();
    const sealedCount = Object.entries(rows)
      .filter(([table]) => isSealedTable(table))
      .reduce((sum, [, tableRows]) => sum + tableRows.length, 0);
    expect(progress[0]).toEqual([0, sealedCount]);
    expect(progress.at(-1)).toEqual([sealedCount, sealedCount]);
    db.close();

    // Read with a plain connection, without the app's middleware: only the allowlisted fields are in clear.
    const raw = new Dexie(name);
    raw.version(7).stores(V7_STORES);
    created.push(raw);
    await raw.open();
    const secrets = (rows.pupils as Record<string, unknown>[]).flatMap((p) =>
      [p.legalForename, p.legalSurname, p.upn, p.uln, p.dateOfBirth, p.notes].filter((v): v is string => typeof v === 'string' && v !== ''),
    );
    expect(secrets.length).toBeGreaterThan(4);
    for (const table of Object.keys(SEALED_TABLES)) {
      if (!isSealedTable(table)) continue;
      const stored = (await raw.table(table).toArray()) as Record<string, unknown>[];
      expect(stored.length, table).toBe(v5Upgraded(rows)[table]?.length ?? 0);
      for (const row of stored) {
        expect(row[SEALED_PROPERTY], `${table} row sealed`).toBeInstanceOf(Uint8Array);
        const clear: readonly string[] = SEALED_TABLES[table].clear;
        expect(
          Object.keys(row).filter((field) => field !== SEALED_PROPERTY && !clear.includes(field)),
          table,
        ).toEqual([]);
        // An employer's name is a business's, in clear by design (and may share a word with a young person's surname).
        const text = JSON.stringify(table === 'employers' ? { ...row, name: '' } : row);
        for (const secret of secrets) expect(text, `${table} holds "${secret}" in clear`).not.toContain(secret);
      }
    }
    raw.close();

    // Opened again with the key, every record is as it was (sealed once, not twice); with another key, nothing opens.
    const again = new CareersDeskDb(name, testDatabaseOptions());
    created.push(again);
    expect(byKey((await again.pupils.toArray()) as Record<string, unknown>[])).toEqual(byKey(v5Upgraded(rows).pupils!));
    again.close();
    const wrong = new CareersDeskDb(name, { keys: new DataKeyRing(new Uint8Array(32)) });
    created.push(wrong);
    await expect(wrong.pupils.toArray()).rejects.toThrow(/could not be opened: the key is not the one it was sealed with/);
    // Without any key (locked), reads are refused with a message saying so.
    const locked = new CareersDeskDb(name, { keys: new DataKeyRing() });
    created.push(locked);
    await expect(locked.pupils.toArray()).rejects.toThrow(/records are locked/);
  });

  it('seals again, at version 7, what only the dropped indexes kept in clear, drops those indexes and the list snapshot', async () => {
    const rows = v6Fixture();
    // One who has left, so a leaving date is there to seal.
    const pupils = (rows.pupils as Record<string, unknown>[]).map((p, i) => (i === 0 ? { ...p, leftOn: '2026-07-22' } : p));
    rows.pupils = pupils;
    // The fields version 7 seals are there to be sealed: districts, risk bands, dates of last guidance and of leaving.
    for (const field of ['district', 'riskBand', 'lastGuidanceOn', 'leftOn'])
      expect(
        pupils.some((p) => p[field] !== null && p[field] !== undefined),
        field,
      ).toBe(true);
    const snapshot = { key: PUPIL_LIST_SNAPSHOT_KEY, value: { stamp: 'made at version 6', entries: [] } };
    const name = 'careers-desk-migrate-v6-sealed';
    const old = new Dexie(name);
    old.version(6).stores(V6_STORES);
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      for (const [table, tableRows] of Object.entries({ ...rows, settings: [...(rows.settings ?? []), snapshot] }))
        await old.table(table).bulkAdd(tableRows.map((row) => sealedAsVersion6(table, row)));
    });
    old.close();

    const progress: [number, number][] = [];
    const db = new CareersDeskDb(name, { ...testDatabaseOptions(), onSealingProgress: (done, total) => progress.push([done, total]) });
    created.push(db);
    await db.open();
    // Sessions and the audit log keep their clear fields (sealed-rows.ts says why), so are not sealed again.
    const resealed = ['pupils', 'actionPlans', 'employers', 'experiences', 'destinations'];
    const total = resealed.reduce((sum, table) => sum + (rows[table]?.length ?? 0), 0);
    expect(total).toBeGreaterThan(pupils.length);
    expect(progress[0]).toEqual([0, total]);
    expect(progress.at(-1)).toEqual([total, total]);
    // Every record as it was; the snapshot, read from rows as they were, is gone.
    for (const table of allTables(db))
      expect(byKey((await table.toArray()) as Record<string, unknown>[]), `table ${table.name}`).toEqual(byKey(rows[table.name] ?? []));
    expect(await db.settings.get(PUPIL_LIST_SNAPSHOT_KEY)).toBeUndefined();
    // A young person's sessions are still found by young person (from [pupilId+date]), and by date.
    const session = (rows.sessions as { pupilId: string; date: string }[])[0]!;
    expect(await db.sessions.where('pupilId').anyOf([session.pupilId]).count()).toBe(
      (rows.sessions as { pupilId: string }[]).filter((s) => s.pupilId === session.pupilId).length,
    );
    const idb = db.backendDB();
    const indexesOf = (table: string) => Array.from(idb.transaction(table).objectStore(table).indexNames).sort();
    expect(indexesOf('pupils')).toEqual(['schoolId']);
    expect(indexesOf('sessions')).toEqual(['[pupilId+date]', 'adviserId', 'date'].sort());
    expect(indexesOf('audit')).toEqual(['[at+seq]', 'adviserId', 'pupilId', 'recordId', 'seq'].sort());
    expect(indexesOf('destinations')).toEqual(['pupilId']);
    db.close();

    // Read without the key: only today's allowlisted fields are in clear, so the freed ones are only inside `sealed`.
    const raw = new Dexie(name);
    raw.version(7).stores(V7_STORES);
    created.push(raw);
    await raw.open();
    for (const table of Object.keys(SEALED_TABLES)) {
      if (!isSealedTable(table)) continue;
      const clear: readonly string[] = SEALED_TABLES[table].clear;
      for (const row of (await raw.table(table).toArray()) as Record<string, unknown>[]) {
        expect(row[SEALED_PROPERTY], `${table} row sealed`).toBeInstanceOf(Uint8Array);
        expect(
          Object.keys(row).filter((field) => field !== SEALED_PROPERTY && !clear.includes(field)),
          table,
        ).toEqual([]);
      }
    }
    const storedPupils = (await raw.table('pupils').toArray()) as Record<string, unknown>[];
    expect(storedPupils).toHaveLength(pupils.length);
    for (const row of storedPupils)
      expect(Object.keys(row).sort()).toEqual(['createdAt', 'id', 'schoolId', SEALED_PROPERTY, 'updatedAt'].sort());
  });

  it("finds a confirmed allocation by anyone on it, and an employer's documents by the employer", async () => {
    const shipped = SHIPPED.find((s) => s.version === 4)!;
    const rows = shipped.fixture();
    await createAt('careers-desk-migrate-v4-indexes', shipped, rows);
    const db = new CareersDeskDb('careers-desk-migrate-v4-indexes', testDatabaseOptions());
    created.push(db);
    const allocation = rows.allocations![0] as { id: string; pupilIds: string[] };
    expect((await db.allocations.where('pupilIds').equals(allocation.pupilIds[1]!).toArray()).map((a) => a.id)).toEqual([allocation.id]);
    const document = rows.employerDocuments![0] as { id: string; employerId: string };
    expect((await db.employerDocuments.where('employerId').equals(document.employerId).toArray()).map((d) => d.id)).toEqual([document.id]);
  });

  it('moves an old override on from the academic year it was last saved in', async () => {
    const shipped = SHIPPED[0]!;
    const rows = shipped.fixture();
    await createAt('careers-desk-migrate-override', shipped, rows);
    const db = new CareersDeskDb('careers-desk-migrate-override', testDatabaseOptions());
    created.push(db);
    const old = rows.pupils![3]!;
    const upgraded = (await db.pupils.get(String(old.id))) as Pupil;
    // Set as Year N in March 2026 (2025/26): Year N + 1 in December 2026, Year N + 2 a year later.
    expect(yearGroupOf(upgraded, '2026-03-10')).toBe(old.yearGroup);
    expect(yearGroupOf(upgraded, '2026-12-04')).toBe(Number(old.yearGroup) + 1);
    expect(yearGroupOf(upgraded, '2027-12-04')).toBe(Number(old.yearGroup) + 2);
    // Everyone else follows their date of birth.
    const other = (await db.pupils.get(String(rows.pupils![0]!.id))) as Pupil;
    expect(other.yearGroupOverride).toBeNull();
    expect(yearGroupOf(other, '2026-12-04')).toBe(yearGroupOn(other.dateOfBirth, '2026-12-04'));
  });

  // A format 1 backup's contents: the whole database as one JSON document.
  const asJson = (document: unknown) => new TextEncoder().encode(JSON.stringify(document));

  it('restores a version 2 backup file: its placements table is read and becomes work placements', () => {
    const rows = v2Fixture();
    const bytes = asJson({
      format: 'careers-desk-data',
      schemaVersion: 2,
      exportedAt: '2026-11-24T10:00:00.000Z',
      tables: rows as never,
    });
    const decoded = decodePayload(bytes, 3);
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.value.schemaVersion).toBe(3);
    expect('placements' in decoded.value.tables).toBe(false);
    expect(byKey(decoded.value.tables.experiences)).toEqual(byKey(v2Upgraded(rows).experiences!));
    // A version 3 backup may not hold a placements table: that is a table this version does not know.
    const stale = asJson({
      format: 'careers-desk-data',
      schemaVersion: 3,
      exportedAt: '2026-11-24T10:00:00.000Z',
      tables: rows as never,
    });
    expect(decodePayload(stale, 3).ok).toBe(false);
  });
});
