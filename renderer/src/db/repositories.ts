// The one data boundary of the renderer. Repositories are created once at start-up with the acting
// adviser and a clock, so views and stores never pass an actor or open a table: every write carries
// its actor and audit entry from here. Sync and encryption at rest will plug in at this boundary.
import type { AuditEntry, Draft, SettingKey, SettingValue } from '@shared/model';
import type { PupilFilters, PupilSort } from '@shared/pupils/list';
import type { PupilListFirstScreen } from '@shared/pupils/list-snapshot';
import type { EmployerFilters } from '@shared/employers/list';
import type { RouteFilters } from '@shared/routes/list';
import type { PlanInput, SessionInput } from '@shared/sessions';
import type { PlacementStatusId, DestinationCode } from '@shared/reference';
import { findOutcode } from '@shared/reference/outcodes';
import type { BackupKey, ConflictChoice, MergeWrites, Unlock } from '@shared/backup';
import type { CompassFigure, DestinationEntry, ServiceDetails } from '@shared/model';
import type { DestinationEntryInput } from '@shared/destinations';
import type { RiskWeights } from '@shared/risk';
import type { Clock } from '../platform/clock';
import type { CareersDeskDb } from './schema';
import {
  auditSubjectAccessExport,
  erasePupil,
  everythingHeldAbout,
  findPupils,
  getPupil,
  getPupils,
  loadPupilRecord,
  savePupilUnlessChanged,
  searchPupils,
  type PupilInput,
} from './pupils';
import { onPupilListChange, watchPupilListFirstScreen } from './pupil-list';
import { deleteSession, getSession, listRecentSessions, listSessionChoices, saveSessionUnlessChanged } from './sessions';
import {
  getPlan,
  latestPlanIds,
  listOpenActions,
  loadPlanPdfRecords,
  markActionDone,
  reopenAction,
  savePlanUnlessChanged,
} from './action-plans';
import { deleteDraft, findDraft, saveDraft, saveDraftBeforeUnload, type DraftKey } from './drafts';
import {
  findEmployers,
  getEmployer,
  listEmployers,
  loadEmployerRecord,
  saveEmployer,
  searchEmployers,
  type EmployerInput,
} from './employers';
import {
  attachEmployerDocument,
  auditDocumentCopy,
  getEmployerDocument,
  listEmployerDocuments,
  removeEmployerDocument,
  restoreEmployerDocument,
  type AttachInput,
} from './employer-documents';
import type { EmployerDocument } from '@shared/model';
import {
  auditPlacementLetterExport,
  changePlacementStatus,
  completePlacement,
  listPlacementsForEmployer,
  loadPlacementLetterRecords,
  loadPlacementPaperwork,
  loadPlacementsDesk,
  movePlacements,
  proposePlacement,
  savePlacementPaperwork,
  undoBulkMove,
  type BulkMoveResult,
  type PlacementFeedback,
  type ProposalInput,
} from './placements';
import {
  getExperience,
  listExperiencesForPupil,
  listExperiencesForPupils,
  loadCohortRecords,
  saveExperience,
  type ExperienceSaveInput,
} from './experiences';
import type { CohortPlace } from '@shared/experiences';
import { campusesInUse, findRoutes, getRoute, listProviders, saveProvider, saveRoute, type ProviderInput, type RouteInput } from './routes';
import {
  adviserName,
  listAdvisers,
  listSchools,
  removeAdviser,
  removeSchool,
  saveAdviser,
  saveRiskWeights,
  saveSchool,
  type AdviserInput,
  type RiskWeightOptions,
  type SchoolInput,
} from './organisation';
import { getSetting, removeLock, removeReturnRecipient, setSetting } from './settings';
import type { IntendedPlace, Acceptance, AllocationToConfirm, OfferChoice } from './matching';
import { listAllocations, loadAllocation, removeAllocation } from './allocations';
import {
  allDestinationEntries,
  destinationsOf,
  removeDestinationEntry,
  restoreDestinationEntry,
  saveDestinationEntry,
} from './destinations';
import type { RiskListNoteInput } from '@shared/returns';
import { countCaseload } from './dashboard';
import { loadTodayFacts, TODAY_TABLES } from './today';
import type { AuditFilters } from './audit-log';
import { recordAudit } from './audit';
import { clearDemoData, hasDemoData, isDatabaseEmpty } from './demo';
import { runDataJob } from './data-job-runner';
import type { findLikelyDuplicates, ImportOptions, StoredImportOperation } from './import';
import type { PupilRecordInput } from '@shared/pupils/form';
import type { EmployerRecordInput } from '@shared/employers/form';
import type { BackupFileOptions, BackupKeyStore } from './backup';
import type { AutomaticBackupStore, BackupReader } from './backup-erasure';
import type { ImportCheck, ImportKind } from './import-check';
import type { DataJob } from './data-jobs';
import type { LocalAuthorityId } from '@shared/reference/geography';
import { onTablesChange } from './changes';
import { DESTINATION_WORK_LIST_TABLES, loadDestinationWorkLists } from './destination-work-lists';
import type { StopFinder, TimetableDb, TimetableInfo } from './timetable';
import { timetableDatabaseName } from './name';

// Code a screen needs only when it is opened, loaded the first time it is asked for, so the app's first
// script holds what starting and the young people's list need (evaluating one 733 kB script was the
// cold start's longest task: tests/bench/README.md, rounds eight and nine). Each import() is loaded once.
const matchingCode = () => import('./matching');
const returnsCode = () => import('./returns');
const councilFilesCode = () => import('./council-files');
const auditLogCode = () => import('./audit-log');
const retentionCode = () => import('./retention');
const importCode = () => import('./import');
const importCheckCode = () => import('./import-check');
const backupCode = () => import('./backup');
const backupErasureCode = () => import('./backup-erasure');
const compassCode = () => import('./compass');
const timetableCode = () => import('./timetable');

export interface RepositoryContext {
  /** The adviser using this computer when the write is made: read at each write, never passed by a view. */
  actor: () => string | null;
  clock: Clock;
  /** Where this computer's automatic-backup key is kept (the bridge's key store). */
  keyStore: BackupKeyStore;
}

/** What an import is told, less the actor, which the repository adds. */
export type ImportRunOptions = Omit<ImportOptions, 'actorId' | 'now'>;

export function createRepositories(db: CareersDeskDb, { actor, clock, keyStore }: RepositoryContext) {
  const now = () => clock.now();
  let timetable: Promise<{ code: Awaited<ReturnType<typeof timetableCode>>; timetableDb: TimetableDb; stopFinder: StopFinder }> | null =
    null;
  // Opened only when a screen asks about the timetable, so starting the app never reads it (nor loads its code).
  const timetables = () =>
    (timetable ??= timetableCode().then((code) => {
      const timetableDb = new code.TimetableDb(timetableDatabaseName(db.name));
      return { code, timetableDb, stopFinder: new code.StopFinder(() => timetableDb) };
    }));
  // Each automatic backup is opened (and rewritten) in the data worker: one is a whole database.
  const backupReaderInWorker: BackupReader = {
    without: (bytes, key, pupilIds) => runDataJob(db, { kind: 'backup-without-pupils', bytes, key, pupilIds }),
    holds: (bytes, key, pupilId) => runDataJob(db, { kind: 'backup-holds-pupil', bytes, key, pupilId }),
  };
  return {
    /** The database's name, for worker jobs that open their own connection to it. */
    databaseName: db.name,
    /** The clock the repositories stamp writes with: its today() is the day the app works in. */
    clock,
    /** Calls `listener` after every committed change to these tables; returns the way to stop. */
    onTablesChange: (tables: readonly string[], listener: () => void) => onTablesChange(db, tables, listener),

    pupils: {
      get: (id: string) => getPupil(db, id),
      getMany: (ids: readonly string[]) => getPupils(db, ids),
      find: (filters: PupilFilters, sort: PupilSort, today: string) => findPupils(db, filters, sort, today),
      search: (text: string, limit?: number) => searchPupils(db, text, clock.today(), limit),
      onListChange: (listener: () => void) => onPupilListChange(db, listener),
      /**
       * The list as a start shows it, from its snapshot's first part, offered while the rest is read; null when one
       * shown is taken back (older than a write since). Returns the way to stop.
       */
      watchFirstScreen: (listener: (screen: PupilListFirstScreen | null) => void) => watchPupilListFirstScreen(db, listener),
      record: (id: string) => loadPupilRecord(db, id),
      /** `opened`: the record's updatedAt when the form opened it (null for a new one); a change since is answered as a conflict. */
      save: (input: PupilInput, opened: string | null) => savePupilUnlessChanged(db, input, opened, actor(), now()),
      everythingHeldAbout: (id: string) => everythingHeldAbout(db, id, now()),
      auditSubjectAccessExport: (id: string) => auditSubjectAccessExport(db, id, actor()),
      erase: (id: string) => erasePupil(db, id, actor(), now()),
      /** Who a young person typed by hand looks like (same UPN, or legal name and date of birth), leaving out `excludeId`. */
      likelyDuplicates: async (values: Parameters<typeof findLikelyDuplicates>[1], excludeId: string | null) =>
        (await importCode()).findLikelyDuplicates(db, values, excludeId),
    },

    sessions: {
      get: (id: string) => getSession(db, id),
      recent: (limit?: number) => listRecentSessions(db, limit),
      choices: () => listSessionChoices(db),
      save: (input: SessionInput, opened: string | null, draftId?: string | null) =>
        saveSessionUnlessChanged(db, input, opened, actor(), { draftId, now: now() }),
      delete: (id: string) => deleteSession(db, id, actor(), now()),
    },

    plans: {
      get: (id: string) => getPlan(db, id),
      save: (input: PlanInput, opened: string | null, draftId?: string | null) =>
        savePlanUnlessChanged(db, input, opened, actor(), { draftId, now: now() }),
      markActionDone: (planId: string, actionId: string, today: string) => markActionDone(db, planId, actionId, today, actor(), now()),
      /** Undo after "Mark done": the action is open again. */
      reopenAction: (planId: string, actionId: string) => reopenAction(db, planId, actionId, actor(), now()),
      openActions: (adviserId: string | null, today: string) => listOpenActions(db, { adviserId, today }),
      pdfRecords: (planId: string) => loadPlanPdfRecords(db, planId),
      latestIds: (pupilIds: readonly string[]) => latestPlanIds(db, pupilIds),
      auditPdfExport: (planId: string, pupilId: string, how: string) =>
        recordAudit(
          db,
          {
            actorId: actor(),
            action: 'export',
            entity: 'action-plan',
            recordId: planId,
            pupilId,
            summary: `Exported an action plan as PDF (${how})`,
          },
          now(),
        ),
    },

    drafts: {
      find: (key: DraftKey) => findDraft(db, key),
      save: (draft: Draft) => saveDraft(db, draft),
      saveBeforeUnload: (draft: Draft) => saveDraftBeforeUnload(db, draft),
      delete: (id: string) => deleteDraft(db, id),
    },

    employers: {
      get: (id: string) => getEmployer(db, id),
      list: () => listEmployers(db),
      find: (filters: EmployerFilters) => findEmployers(db, filters),
      search: (text: string, limit?: number) => searchEmployers(db, text, limit),
      record: (id: string) => loadEmployerRecord(db, id),
      save: (input: EmployerInput) => saveEmployer(db, input, actor(), now()),
    },

    /** The files employers send for their checks: listed without the files, one read whole to save a copy. */
    employerDocuments: {
      list: (employerId: string) => listEmployerDocuments(db, employerId),
      get: (id: string) => getEmployerDocument(db, id),
      attach: (input: AttachInput) => attachEmployerDocument(db, input, actor(), now()),
      remove: (id: string) => removeEmployerDocument(db, id, actor(), now()),
      restore: (removed: EmployerDocument) => restoreEmployerDocument(db, removed, actor(), now()),
      auditCopy: (id: string) => auditDocumentCopy(db, id, actor(), now()),
    },

    placements: {
      forEmployer: (employerId: string, status?: PlacementStatusId) => listPlacementsForEmployer(db, employerId, status),
      propose: (input: ProposalInput) => proposePlacement(db, input, actor(), now()),
      move: (placementId: string, to: PlacementStatusId) =>
        changePlacementStatus(db, placementId, to, actor(), { now: now(), today: clock.today() }),
      complete: (placementId: string, feedback: PlacementFeedback) =>
        completePlacement(db, placementId, feedback, actor(), { now: now(), today: clock.today() }),
      desk: () => loadPlacementsDesk(db),
      paperwork: (placementId: string) => loadPlacementPaperwork(db, placementId, clock.today()),
      savePaperwork: (placementId: string, input: unknown) => savePlacementPaperwork(db, placementId, input, actor(), now()),
      letterRecords: (placementId: string) => loadPlacementLetterRecords(db, placementId),
      /** Records a letter saved as a PDF: `letter` says which one (for whom), never whose. */
      auditLetterExport: (placement: { id: string; pupilId: string }, letter: string) =>
        auditPlacementLetterExport(db, placement, letter, actor(), now()),
      moveMany: (placementIds: readonly string[], to: PlacementStatusId) =>
        movePlacements(db, placementIds, to, actor(), { now: now(), today: clock.today() }),
      undoMove: (moved: BulkMoveResult['moved'], to: PlacementStatusId) => undoBulkMove(db, moved, to, actor(), now()),
      /** The months an employer's checks are reused for (the checksReuseMonths setting). */
      setChecksReuseMonths: (months: number) => setSetting(db, 'checksReuseMonths', months, actor()),
    },

    experiences: {
      get: (id: string) => getExperience(db, id),
      forPupil: (pupilId: string) => listExperiencesForPupil(db, pupilId),
      forPupils: (pupilIds: readonly string[]) => listExperiencesForPupils(db, pupilIds),
      /** A school's (or the home-educated) young people on the day, their experiences and the week's worth: the cohort view's records. */
      cohort: (place: CohortPlace, onDate: string) => loadCohortRecords(db, place, onDate),
      save: (input: ExperienceSaveInput) => saveExperience(db, input, actor(), { now: now(), today: clock.today() }),
    },

    routes: {
      get: (id: string) => getRoute(db, id),
      find: (filters: RouteFilters) => findRoutes(db, filters),
      save: (input: RouteInput) => saveRoute(db, input, actor(), now()),
      providers: () => listProviders(db),
      campusesInUse: (providerId: string) => campusesInUse(db, providerId),
      saveProvider: (input: ProviderInput) => saveProvider(db, input, actor(), now()),
    },

    organisation: {
      schools: () => listSchools(db),
      advisers: () => listAdvisers(db),
      adviserName: (id: string | null) => adviserName(db, id),
      saveSchool: (input: SchoolInput) => saveSchool(db, input, actor(), now()),
      removeSchool: (id: string) => removeSchool(db, id, actor(), now()),
      saveAdviser: (input: AdviserInput) => saveAdviser(db, input, actor(), now()),
      removeAdviser: (id: string) => removeAdviser(db, id, actor(), now()),
      saveRiskWeights: (weights: RiskWeights, options: Omit<RiskWeightOptions, 'now'> = {}) =>
        saveRiskWeights(db, weights, actor(), { ...options, now: now() }),
    },

    settings: {
      get: <K extends SettingKey>(key: K) => getSetting(db, key),
      set: <K extends SettingKey>(key: K, value: SettingValue<K>) => setSetting(db, key, value, actor()),
      /**
       * Chooses who is using this computer. The change is recorded as theirs (as the one leaving
       * when nobody is chosen), so the audit log says who took the computer.
       */
      chooseAdviser: (adviserId: string | null) => setSetting(db, 'currentAdviserId', adviserId, adviserId ?? actor()),
      removeLock: () => removeLock(db, actor()),
      /** A recipient of extracts removed, with their agreement and key; no longer the council's recipient if they were. */
      removeReturnRecipient: (id: string) => removeReturnRecipient(db, id, actor()),
    },

    matching: {
      pupil: async (pupilId: string) => (await matchingCode()).loadPupilForMatching(db, pupilId),
      cohort: async (schoolId: string, yearGroup: number, onDate: string) =>
        (await matchingCode()).loadCohort(db, schoolId, yearGroup, onDate),
      allocationData: async () => (await matchingCode()).loadAllocationData(db),
      acceptOffer: async (choice: OfferChoice, today: string) =>
        (await matchingCode()).acceptOffer(db, choice, actor(), { today, now: now() }),
      /** In the data worker: every line checked, proposed and sealed with its audit entry, off the window's thread. */
      confirmAllocation: (allocation: AllocationToConfirm, today: string) =>
        runDataJob(db, { kind: 'confirm-allocation', allocation, actorId: actor(), today, now: now() }),
      /** Confirmed allocations kept to reopen from the placements desk, newest first. */
      allocations: () => listAllocations(db),
      allocation: (id: string) => loadAllocation(db, id),
      /** Takes a confirmed allocation off the list; its placements stay. */
      removeAllocation: (id: string) => removeAllocation(db, id, actor(), now()),
      /** Records an allocation saved as a file (CSV or PDF): `summary` says which, never whom. */
      auditExport: async (summary: string) => (await matchingCode()).auditAllocationExport(db, summary, actor(), now()),
      /** Adds an intended destination to the young person's history, from matching. */
      recordIntendedDestination: async (pupilId: string, code: DestinationCode, because?: string, place?: IntendedPlace) =>
        (await matchingCode()).recordIntendedDestination(db, pupilId, code, actor(), {
          because,
          place,
          now: now(),
          today: clock.today(),
        }),
      /** Records an accepted route's intended destination in the history, saying what was there before (for Undo). */
      acceptRoute: async (pupilId: string, code: DestinationCode, because?: string, place?: IntendedPlace) =>
        (await matchingCode()).acceptRoute(db, pupilId, code, actor(), { because, place, now: now(), today: clock.today() }),
      /** Undo after Accept: deletes the proposed placement or the history's entry it recorded. */
      withdrawAcceptance: async (acceptance: Acceptance) => (await matchingCode()).withdrawAcceptance(db, acceptance, actor(), now()),
    },

    /** The destinations history: dated entries per young person; each write keeps their current codes. */
    destinations: {
      of: (pupilId: string) => destinationsOf(db, pupilId),
      all: () => allDestinationEntries(db),
      save: (input: DestinationEntryInput) => saveDestinationEntry(db, input, actor(), { now: now(), today: clock.today() }),
      /** Removes one entry and returns it, for Undo. */
      remove: (id: string) => removeDestinationEntry(db, id, actor(), now()),
      restore: (entry: DestinationEntry) => restoreDestinationEntry(db, entry, actor(), now()),
      /** The four work lists on the app's today (shared/destinations/work-lists), with school names. */
      workLists: () => loadDestinationWorkLists(db, clock.today()),
      /** Calls `listener` after every change to a table the work lists read; returns the way to stop. */
      onWorkListsChange: (listener: () => void) => onTablesChange(db, DESTINATION_WORK_LIST_TABLES, listener),
    },

    returns: {
      auditExport: async (summary: string) => (await returnsCode()).auditReturnExport(db, summary, actor()),
      /** The council's destinations file or risk-of-NEET list for one local authority, built in the data worker. */
      councilFile: <Kind extends 'destinations-file' | 'risk-list'>(kind: Kind, la: LocalAuthorityId, today: string) =>
        runDataJob<Kind>(db, { kind, la, today } as Extract<DataJob, { kind: Kind }>),
      /** Keeps the council's view of a young person on the risk-of-NEET list as a note on their record. */
      recordCouncilView: async (pupilId: string, input: RiskListNoteInput) =>
        (await councilFilesCode()).addRiskListNote(db, pupilId, input, actor(), { now: now(), today: clock.today() }),
    },

    /** The Compass evaluation helper: the records its figures count, and each school's termly snapshots. */
    compass: {
      /** One school's figures as at a day, worked out in the data worker over the whole caseload. */
      evaluation: (schoolId: string, asAt: string) => runDataJob(db, { kind: 'compass-evaluation', schoolId, asAt }),
      snapshots: async (schoolId: string) => (await compassCode()).compassSnapshotsOf(db, schoolId),
      save: async (input: { schoolId: string; schoolName: string; takenOn: string; figures: readonly CompassFigure[] }) =>
        (await compassCode()).saveCompassSnapshot(db, input, actor(), now()),
    },

    dashboard: {
      counts: () => countCaseload(db),
    },

    /** The Today page: the facts its rules (shared/today) need for one adviser, or everyone when null. */
    today: {
      facts: (adviserId: string | null) => loadTodayFacts(db, { adviserId, today: clock.today(), now: now() }),
      /** Calls `listener` after every change to a table the Today page reads; returns the way to stop. */
      onChange: (listener: () => void) => onTablesChange(db, TODAY_TABLES, listener),
    },

    timetable: {
      /** The timetable database's name, for the import worker, which opens its own connection. */
      databaseName: timetableDatabaseName(db.name),
      info: async () => {
        const { code, timetableDb } = await timetables();
        return code.currentTimetableInfo(timetableDb);
      },
      feed: async () => {
        const { code, timetableDb } = await timetables();
        return code.currentTimetable(timetableDb);
      },
      /** Stops whose name contains the words typed, nearest the outcode's centre first (for the stop pickers). */
      searchStops: async (text: string, nearOutcode: string | null) =>
        (await timetables()).stopFinder.search(text, findOutcode(nearOutcode) ?? null),
      /** After the import worker stored a timetable: the entry in the records' audit log. */
      auditImport: async (info: TimetableInfo) =>
        recordAudit(
          db,
          {
            actorId: actor(),
            action: 'import',
            entity: 'database',
            recordId: null,
            pupilId: null,
            summary: (await timetableCode()).timetableAuditSummary('import', info),
          },
          now(),
        ),
      remove: async () => {
        const { code, timetableDb } = await timetables();
        await code.removeTimetable(timetableDb);
        await recordAudit(
          db,
          {
            actorId: actor(),
            action: 'delete',
            entity: 'database',
            recordId: null,
            pupilId: null,
            summary: code.timetableAuditSummary('delete', null),
          },
          now(),
        );
      },
    },

    audit: {
      find: async (filters: AuditFilters, limit?: number) => (await auditLogCode()).findAuditEntries(db, filters, clock.today(), limit),
      recordNames: async (entries: readonly AuditEntry[]) => (await auditLogCode()).auditRecordNames(db, entries),
      auditExport: async (count: number) => (await auditLogCode()).auditAuditExport(db, count, actor()),
    },

    retention: {
      pastRetention: async (years: number, today: string) => (await retentionCode()).findPastRetention(db, years, today),
      deletePastRetention: async (pupilIds: readonly string[], years: number, today: string) =>
        (await retentionCode()).deletePastRetention(db, pupilIds, { years, today, actorId: actor(), now: now() }),
    },

    demo: {
      isDatabaseEmpty: () => isDatabaseEmpty(db),
      isLoaded: () => hasDemoData(db),
      /**
       * Generates and loads the demo caseload from `seed` in the data worker, with progress; aborting `signal` leaves
       * nothing loaded. `withService`: the demo service's details fill Settings unless the user's own are there.
       */
      load: (seed: number, withService: boolean, onProgress?: (fraction: number) => void, signal?: AbortSignal) => {
        const demo = { seed, today: clock.today() };
        return runDataJob(db, { kind: 'demo-load', demo, withService, actorId: actor(), now: now() }, onProgress, signal);
      },
      /** Clears the demo records, and the demo `service` details while they are unchanged. */
      clear: (service?: ServiceDetails) => clearDemoData(db, actor(), now(), service ?? null),
    },

    imports: {
      /** A CSV file's bytes decoded and parsed in the data worker, with the columns matched to fields where their headings say. */
      readFile: (what: ImportKind, bytes: Uint8Array) => runDataJob(db, { kind: 'read-import-file', what, bytes }),
      /** Every row checked and compared with the stored records, in the data worker; progress as a fraction. */
      check: async (check: ImportCheck, onProgress?: (fraction: number) => void) => {
        // The checked rows come in parts, each read in a task of its own, so the window is never held for long.
        const collector = (await importCheckCode()).checkedImportCollector();
        const rest = await runDataJob(db, { kind: 'check-import', check }, onProgress, undefined, (part) => collector.onPart(part));
        return collector.done(rest);
      },
      // Written in the data worker (data-job-runner.ts): 10,000 sealed rows and their audit entries never hold the window.
      pupils: (operations: StoredImportOperation<PupilRecordInput>[], { fileName, onProgress }: ImportRunOptions) =>
        runDataJob(db, { kind: 'import-pupils', operations, options: { fileName, actorId: actor(), now: now() } }, (fraction) =>
          onProgress?.(Math.round(fraction * operations.length), operations.length),
        ),
      employers: (operations: StoredImportOperation<EmployerRecordInput>[], { fileName, onProgress }: ImportRunOptions) =>
        runDataJob(db, { kind: 'import-employers', operations, options: { fileName, actorId: actor(), now: now() } }, (fraction) =>
          onProgress?.(Math.round(fraction * operations.length), operations.length),
        ),
    },

    backup: {
      /** The database version this app declares (Dexie's verno), which backups are checked against. */
      schemaVersion: () => db.verno,
      // Making, opening, restoring and merging run in the data worker (data-job-runner.ts): the window never waits on them.
      makeFile: (key: BackupKey, options: BackupFileOptions) => runDataJob(db, { kind: 'backup', key, options }),
      /** Opens and checks a backup: what it holds and whether it may be restored, and the key to restore it with. */
      open: (bytes: Uint8Array, unlock: Unlock) => runDataJob(db, { kind: 'open', bytes, unlock }),
      /** Replaces everything with the backup's records, in one transaction; aborting `signal` leaves everything as it was. */
      restore: (bytes: Uint8Array, key: BackupKey, source: string, onProgress?: (fraction: number) => void, signal?: AbortSignal) =>
        runDataJob(db, { kind: 'restore', bytes, key, source, actorId: actor(), now: now() }, onProgress, signal),
      auditSaved: async () => (await backupCode()).auditBackupSaved(db, actor(), now()),
      automaticKey: async () => (await backupCode()).getAutoBackupKey(db, keyStore),
      setAutomaticPassphrase: async (passphrase: string) => (await backupCode()).setAutoBackupPassphrase(db, keyStore, passphrase, actor()),
      /** Opens another computer's backup and compares it with this computer's records: counts and conflicts. */
      previewMerge: (bytes: Uint8Array, unlock: Unlock) => runDataJob(db, { kind: 'merge-preview', bytes, unlock }),
      /** Merges it with the adviser's choices in one transaction, refused if anything previewed has changed since. */
      applyMerge: (
        bytes: Uint8Array,
        merge: { key: BackupKey; choices: Record<string, ConflictChoice>; previewed: MergeWrites['expected'] },
        source: string,
        onProgress?: (fraction: number) => void,
        signal?: AbortSignal,
      ) => runDataJob(db, { kind: 'merge', bytes, ...merge, source, actorId: actor(), now: now() }, onProgress, signal),
      /** After an erasure: every automatic backup rewritten without the young person, or deleted (backup-erasure.ts). */
      eraseFromAutomatic: async (store: AutomaticBackupStore, pupilId: string, onProgress?: (done: number, total: number) => void) =>
        (await backupErasureCode()).eraseFromAutomaticBackups(db, store, pupilId, {
          actorId: actor(),
          now: now(),
          onProgress,
          reader: backupReaderInWorker,
        }),
      automaticHolding: async (store: AutomaticBackupStore, pupilId: string) =>
        (await backupErasureCode()).automaticBackupsHolding(db, store, pupilId, backupReaderInWorker),
    },
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

let installed: Repositories | null = null;

/**
 * Makes these the repositories the app uses (main.ts, once at start-up; a test, for its own database).
 * Returns the ones installed before, so a test can put them back.
 */
export function installRepositories(repositories: Repositories | null): Repositories | null {
  const before = installed;
  installed = repositories;
  return before;
}

/** The app's repositories, for stores, composables and views (usable outside components too). */
export function useRepositories(): Repositories {
  if (!installed) throw new Error('The repositories have not been created: main.ts installs them at start-up.');
  return installed;
}
