import Dexie, { type EntityTable } from 'dexie';
import type {
  ActionPlan,
  Adviser,
  AuditEntry,
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

import { employerRowToVersion4, experienceRowToVersion4, placementRowToExperience, pupilRowToVersion2 } from '@shared/model/upgrades';
import { DATABASE_NAME } from './name';

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
  providers!: EntityTable<Provider, 'id'>;
  routes!: EntityTable<Route, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  audit!: EntityTable<AuditEntry, 'id'>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
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
  }
}

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
    db.providers,
    db.routes,
    db.settings,
    db.audit,
  ];
}
