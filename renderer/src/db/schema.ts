import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type {
  ActionPlan,
  Adviser,
  AuditEntry,
  CompassSnapshot,
  DestinationEntry,
  Draft,
  Employer,
  EmployerDocument,
  GuidanceSession,
  Provider,
  Pupil,
  WorkplaceExperience,
  Route,
  School,
  SettingRow,
  StoredAllocation,
} from '@shared/model';

import {
  destinationRowsFromVersion5,
  employerRowToVersion4,
  experienceRowToVersion4,
  placementRowToExperience,
  pupilRowToVersion2,
  pupilRowToVersion6,
} from '@shared/model/upgrades';
import { loadSyncCipher, syncCipherLoaded, type SealedTableName } from '@shared/crypto/sealed-rows';
import { DATABASE_NAME } from './name';
import { encryptionMiddleware, type DataKeyRing } from './encryption';
import { PUPIL_LIST_SNAPSHOT_KEY } from './pupil-list-stamp';

export { DATABASE_NAME };

/**
 * The one Dexie database. Versions stack: a shipped version is never edited; a change is a new
 * version with its upgrade function. Every index here answers a query some screen runs.
 */
export class CareersDeskDb extends Dexie {
  pupils!: EntityTable<Pupil, 'id'>;
  schools!: EntityTable<School, 'id'>;
  advisers!: EntityTable<Adviser, 'id'>;
  sessions!: EntityTable<GuidanceSession, 'id'>;
  actionPlans!: EntityTable<ActionPlan, 'id'>;
  drafts!: EntityTable<Draft, 'id'>;
  employers!: EntityTable<Employer, 'id'>;
  employerDocuments!: EntityTable<EmployerDocument, 'id'>;
  experiences!: EntityTable<WorkplaceExperience, 'id'>;
  allocations!: EntityTable<StoredAllocation, 'id'>;
  destinations!: EntityTable<DestinationEntry, 'id'>;
  compassSnapshots!: EntityTable<CompassSnapshot, 'id'>;
  providers!: EntityTable<Provider, 'id'>;
  routes!: EntityTable<Route, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  audit!: EntityTable<AuditEntry, 'id'>;

  /** The key ring this connection seals with, or null for the bench's comparison without encryption. */
  readonly keys: DataKeyRing | null;

  /**
   * Opens once the synchronous cipher that seals and opens rows is loaded (sealed-rows.ts), when this connection
   * has a key: upgrades run inside the opening, and every query waits for it. Dexie's own opening on a first query
   * calls this too.
   */
  override open() {
    if (!this.keys || syncCipherLoaded()) return super.open();
    return Dexie.Promise.resolve(loadSyncCipher()).then(() => super.open());
  }

  constructor(name: string, options: DatabaseOptions) {
    super(name);
    this.keys = 'keys' in options ? options.keys : null;
    if (this.keys) this.use(encryptionMiddleware(this.keys));
    // Set when the version 5 upgrade has just sealed every row (an older database opened today).
    let sealedInThisUpgrade = false;
    this.version(1).stores({
      // search by name prefix (searchWords), by UPN, by year group, school, district, risk band;
      // "no guidance yet" by lastGuidanceOn; retention by leftOn.
      pupils: 'id, *searchWords, upn, uln, yearGroup, schoolId, district, riskBand, lastGuidanceOn, leftOn, updatedAt',
      schools: 'id, name, urn',
      advisers: 'id, name',
      // the pupil timeline is [pupilId+date]; returns read sessions by date.
      sessions: 'id, pupilId, [pupilId+date], date, adviserId, kind',
      // overdue actions come from the multi-entry index of open action due dates.
      actionPlans: 'id, pupilId, sessionId, *openActionDueDates, reviewOn',
      drafts: 'id, [kind+pupilId], updatedAt',
      employers: 'id, name, sector, district, outcode',
      placements: 'id, pupilId, employerId, [employerId+status], status, start',
      providers: 'id, name',
      routes: 'id, providerId, kind, sector',
      settings: 'key',
      audit: 'id, at, adviserId, recordId, pupilId, [entity+action]',
    });
    // Version 2: year groups are worked out from the date of birth (or a dated override), so the
    // stored yearGroup and its index go; the audit log gets its write order (seq) beside the time.
    this.version(2)
      .stores({
        pupils: 'id, *searchWords, upn, uln, schoolId, district, riskBand, lastGuidanceOn, leftOn, updatedAt',
        audit: 'id, at, seq, [at+seq], adviserId, recordId, pupilId, [entity+action]',
      })
      .upgrade(async (tx) => {
        await tx
          .table('pupils')
          .toCollection()
          .modify((row: Record<string, unknown>, ref: { value: Record<string, unknown> }) => {
            ref.value = pupilRowToVersion2(row);
          });
        let seq = 0;
        await tx
          .table('audit')
          .orderBy('at')
          .modify((row: Record<string, unknown>) => {
            seq += 1;
            row.seq = seq;
          });
      });
    // Version 3: a placement is one kind of workplace experience. Every placement moves to the
    // experiences table as a work placement (placementRowToExperience), and the placements table goes.
    // A group event lists its young people in pupilIds, so *pupilIds finds a young person's experiences.
    this.version(3)
      .stores({
        placements: null,
        experiences: 'id, *pupilIds, employerId, [employerId+status], status, start, kind',
      })
      .upgrade(async (tx) => {
        const placements = (await tx.table('placements').toArray()) as Record<string, unknown>[];
        await tx.table('experiences').bulkAdd(placements.map(placementRowToExperience));
      });
    // Employers' documents (files) apart from the employers, so lists never load them; confirmed
    // allocations kept to reopen, found by who is on them so erasure reaches them. A placement's paperwork
    // gains whom to ask for, the day's times and what to bring (experienceRowToVersion4).
    this.version(4)
      .stores({
        employerDocuments: 'id, employerId',
        allocations: 'id, confirmedOn, *pupilIds',
      })
      .upgrade(async (tx) => {
        await tx
          .table('employers')
          .toCollection()
          .modify((row: Record<string, unknown>, ref: { value: Record<string, unknown> }) => {
            ref.value = employerRowToVersion4(row);
          });
        await tx
          .table('experiences')
          .toCollection()
          .modify((row: Record<string, unknown>, ref: { value: Record<string, unknown> }) => {
            ref.value = experienceRowToVersion4(row);
          });
      });
    // Version 5: encryption at rest (db/encryption.ts). Indexes on names and identifiers would keep them in
    // clear on disk, so the name-word, UPN and ULN indexes go: name search is the in-memory list index's,
    // and duplicate checks read the (opened) records. Every row of every table about young people is
    // rewritten once, sealed, in this one upgrade transaction, reporting its progress.
    this.version(5)
      .stores({ pupils: 'id, schoolId, district, riskBand, lastGuidanceOn, leftOn, updatedAt' })
      .upgrade(async (tx) => {
        await sealAgain(tx, VERSION_5_SEALED_TABLES, options.onSealingProgress);
        sealedInThisUpgrade = true;
      });
    // Version 6: destinations over time. Each young person's single intended and actual code becomes the
    // first entries of their history (destinationRowsFromVersion5); "parent opted out" becomes consent to
    // post-16 tracking withheld by a parent (pupilRowToVersion6). A school's Compass figures are kept as
    // snapshots taken on the termly dates. Work lists read the whole history, so entries are found by young
    // person and by kind; a young person's page reads theirs in date order.
    this.version(6)
      .stores({
        destinations: 'id, pupilId, [pupilId+recordedOn], kind',
        compassSnapshots: 'id, schoolId, [schoolId+takenOn]',
      })
      .upgrade(async (tx) => {
        const entries: Record<string, unknown>[] = [];
        await tx
          .table('pupils')
          .toCollection()
          .modify((row: Record<string, unknown>, ref: { value: Record<string, unknown> }) => {
            entries.push(...destinationRowsFromVersion5(row));
            ref.value = pupilRowToVersion6(row);
          });
        await tx.table('destinations').bulkAdd(entries);
      });
    // Version 7: only the indexes some query uses (issue 21, item 3; every where(), orderBy() and compound key in
    // renderer/src read). The pupil list answers district, risk band, last guidance and leaving date in memory;
    // Dexie answers sessions by young person from [pupilId+date]; deleting a session finds its plans by young
    // person; nothing reads drafts by date, employers by outcode, experiences by start, destinations by kind or
    // [pupilId+recordedOn], nor the audit log by [entity+action] or by time alone (it reads [at+seq]). Fewer index
    // entries per write, and the fields those indexes kept in clear come off the allowlists
    // (shared/crypto/sealed-rows.ts), so every row of those tables is sealed again here, with its progress:
    // a young person's district, risk band, last guidance and leaving dates are no longer on disk in clear.
    this.version(7)
      .stores({
        pupils: 'id, schoolId',
        sessions: 'id, [pupilId+date], date, adviserId',
        actionPlans: 'id, pupilId, *openActionDueDates, reviewOn',
        drafts: 'id, [kind+pupilId]',
        employers: 'id, name, sector, district',
        experiences: 'id, *pupilIds, employerId, [employerId+status], status, kind',
        destinations: 'id, pupilId',
        audit: 'id, seq, [at+seq], adviserId, recordId, pupilId',
      })
      .upgrade(async (tx) => {
        // The pupil list's snapshot was read from rows as they were; it is made again at the next start.
        await tx.table('settings').delete(PUPIL_LIST_SNAPSHOT_KEY);
        // Rows version 5 sealed in this same upgrade already have today's allowlist.
        if (!sealedInThisUpgrade) await sealAgain(tx, VERSION_7_RESEALED_TABLES, options.onSealingProgress);
      });
  }
}

/**
 * Reads every row of these tables through the middleware (opened, or as they are when written before version 5)
 * and puts it back sealed with today's allowlist, a chunk at a time, reporting progress. Inside the upgrade's
 * one transaction, so a window closed halfway leaves the database at the earlier version, whole.
 */
async function sealAgain(
  tx: Transaction,
  tableNames: readonly SealedTableName[],
  onProgress: DatabaseOptions['onSealingProgress'],
): Promise<void> {
  const tables = tableNames.map((table) => tx.table(table));
  const keysByTable = await Promise.all(tables.map((table) => table.toCollection().primaryKeys()));
  const total = keysByTable.reduce((sum, keys) => sum + keys.length, 0);
  let done = 0;
  onProgress?.(done, total);
  for (const [index, table] of tables.entries()) {
    const keys = keysByTable[index] ?? [];
    for (let start = 0; start < keys.length; start += SEALING_CHUNK) {
      const rows = (await table.bulkGet(keys.slice(start, start + SEALING_CHUNK))).filter((row) => row !== undefined);
      await table.bulkPut(rows);
      done += rows.length;
      onProgress?.(done, total);
    }
  }
}

/**
 * The tables version 5 sealed, as they were then (frozen: a table added later starts empty and is sealed
 * as it is written, and does not exist yet when the version 5 upgrade runs).
 */
const VERSION_5_SEALED_TABLES = [
  'pupils',
  'sessions',
  'actionPlans',
  'drafts',
  'employers',
  'employerDocuments',
  'experiences',
  'allocations',
  'settings',
  'audit',
] as const satisfies readonly SealedTableName[];

/**
 * The tables whose clear fields version 7 cut back, as they were then (frozen, as above): every other sealed
 * table's allowlist was unchanged, so its rows stay as they are.
 */
const VERSION_7_RESEALED_TABLES = [
  'pupils',
  'actionPlans',
  'employers',
  'experiences',
  'destinations',
] as const satisfies readonly SealedTableName[];

/** Rows sealed per step of the version 5 and 7 upgrades, between progress reports. */
const SEALING_CHUNK = 500;

/**
 * How a connection is opened: with the key ring that seals and opens rows, or, for the bench's side-by-side
 * figures only, without encryption. `onSealingProgress` hears the version 5 and 7 upgrades' progress.
 */
export type DatabaseOptions = ({ keys: DataKeyRing } | { unencryptedForBenchComparison: true }) & {
  onSealingProgress?: (done: number, total: number) => void;
};

/** Every table, for whole-database work (demo data, erasure checks, backups). */
export function allTables(db: CareersDeskDb) {
  return [
    db.pupils,
    db.schools,
    db.advisers,
    db.sessions,
    db.actionPlans,
    db.drafts,
    db.employers,
    db.employerDocuments,
    db.experiences,
    db.allocations,
    db.destinations,
    db.compassSnapshots,
    db.providers,
    db.routes,
    db.settings,
    db.audit,
  ];
}
