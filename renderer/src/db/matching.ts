import {
  displayName,
  type Checked,
  type DestinationEntry,
  type Employer,
  type Placement,
  type Problem,
  type Provider,
  type Pupil,
  type Route,
  type School,
  type StoredAllocation,
  type StoredAllocationLine,
} from '@shared/model';
import { evaluateOffer, holdsAPlace, offerSlots, type DateRange } from '@shared/matching';
import { placementsOf } from '@shared/experiences';
import type { DestinationCode } from '@shared/reference';
import { inYearGroup, sortPupils } from '@shared/pupils/list';
import type { CareersDeskDb } from './schema';
import { recordAudit, writeAudit } from './audit';
import { removeDestinationEntry, saveDestinationEntry } from './destinations';
import { intendedEntryInput } from '@shared/destinations';
import { placementsAtOrOf, proposePlacement, type ProposalInput } from './placements';
import { storeConfirmedAllocation } from './allocations';
import { todayIso } from '../platform/clock';
import { formatUkDate } from '@shared/academic-year';

/** One period of one employer's offer chosen for a young person: a match accepted or a line of an allocation. */
export type OfferChoice = ProposalInput;

export interface MatchingOptions {
  /** The day the choice is made, for the safety-check and age rules; today on this machine by default. */
  today?: string;
  now?: Date;
}

export interface MatchData {
  pupil: Pupil;
  employers: Employer[];
  routes: Route[];
  providers: Provider[];
  /** Placements that hold a place (not cancelled): they use up capacity and stop double booking. */
  placements: Placement[];
}

/** Placements that still hold a place, through the status index. */
async function placementsHoldingPlaces(db: CareersDeskDb): Promise<Placement[]> {
  return placementsOf(await db.experiences.where('status').noneOf(['cancelled']).toArray());
}

/** What matchPupil (shared/matching) weighs for anyone: the whole directory, and the places already held. */
export type MatchDirectoryData = Omit<MatchData, 'pupil'>;

/** Employers, routes and providers are read whole (matching weighs every one); placements only where they hold a place. */
export async function loadMatchDirectory(db: CareersDeskDb): Promise<MatchDirectoryData> {
  return db.transaction('r', [db.employers, db.routes, db.providers, db.experiences], async () => {
    const [employers, routes, providers, placements] = await Promise.all([
      db.employers.toArray(),
      db.routes.toArray(),
      db.providers.toArray(),
      placementsHoldingPlaces(db),
    ]);
    return { employers, routes, providers, placements };
  });
}

/** Everything matchPupil reads for one young person, in one transaction; null when they are gone. */
export async function loadMatchData(db: CareersDeskDb, pupilId: string): Promise<MatchData | null> {
  return db.transaction('r', [db.pupils, db.employers, db.routes, db.providers, db.experiences], async () => {
    const pupil = await db.pupils.get(pupilId);
    return pupil ? { pupil, ...(await loadMatchDirectory(db)) } : null;
  });
}

/** What allocateCohort (shared/matching) reads besides the pupils: every employer and the places already held. */
export async function loadAllocationData(db: CareersDeskDb): Promise<{ employers: Employer[]; placements: Placement[] }> {
  return db.transaction('r', [db.employers, db.experiences], async () => {
    const [employers, placements] = await Promise.all([db.employers.toArray(), placementsHoldingPlaces(db)]);
    return { employers, placements };
  });
}

/**
 * A school's year group as it is on `onDate`, still on the caseload, by surname: the school index
 * answers, the year group is worked out for that date.
 */
export async function loadCohort(db: CareersDeskDb, schoolId: string, yearGroup: number, onDate: string): Promise<Pupil[]> {
  const pupils = await db.pupils
    .where('schoolId')
    .equals(schoolId)
    .filter((p) => p.leftOn === null && inYearGroup(p, yearGroup, onDate))
    .toArray();
  return sortPupils(pupils, 'name');
}

/**
 * The hard constraints of matching (shared/matching evaluateOffer: safety checks, places, year group,
 * age, access, double booking) for one choice, read inside the caller's transaction, so a stale
 * suggestion cannot become a placement the rules would have ruled out.
 */
async function choiceProblems(
  db: CareersDeskDb,
  choice: OfferChoice,
  today: string,
): Promise<{ pupil: Pupil | undefined; problems: Problem[] }> {
  const [pupil, employer] = await Promise.all([db.pupils.get(choice.pupilId), db.employers.get(choice.employerId)]);
  if (!pupil) return { pupil, problems: [{ field: 'pupilId', message: 'This young person is no longer recorded' }] };
  if (!employer) return { pupil, problems: [{ field: 'employerId', message: 'This employer is no longer recorded' }] };
  const { placements, ofPupil } = await placementsAtOrOf(db, employer.id, pupil.id);
  const slot = offerSlots([employer], placements, today, { start: choice.start, end: choice.end }).find(
    (s) => s.offer.id === choice.offerId && s.period.start <= choice.start && choice.end <= s.period.end,
  );
  if (!slot) return { pupil, problems: [{ field: 'offerId', message: `${employer.name} no longer offers these dates` }] };
  const evaluation = evaluateOffer(pupil, slot, ofPupil.filter(holdsAPlace), false);
  return { pupil, problems: evaluation.exclusions.map((e) => ({ field: 'offerId', message: e.message })) };
}

/**
 * Accepts an offer suggested for a young person: checks the matching's hard constraints again and
 * proposes the placement, with its audit entry (entity 'placement', the pupil named), in one
 * transaction. Refused, with the reasons and nothing written, when a constraint no longer holds.
 */
export async function acceptOffer(
  db: CareersDeskDb,
  choice: OfferChoice,
  actorId: string | null,
  options: MatchingOptions = {},
): Promise<Checked<Placement>> {
  const now = options.now ?? new Date();
  const today = options.today ?? todayIso(now);
  return db.transaction('rw', [db.pupils, db.employers, db.experiences, db.audit], async () => {
    const { problems } = await choiceProblems(db, choice, today);
    if (problems.length > 0) return { ok: false, problems };
    return proposePlacement(db, choice, actorId, now);
  });
}

/** Where an intended destination recorded from matching points: the route accepted and its provider. */
export interface IntendedPlace {
  routeId?: string | null;
  providerId?: string | null;
}

/**
 * Records a young person's intended destination (an NCCIS code) as an entry of their destinations
 * history, dated today, from the young person, with the route and provider where known and why in its
 * notes (for example the route accepted): the entry, its audit entry and their current codes in one transaction.
 */
export async function recordIntendedDestination(
  db: CareersDeskDb,
  pupilId: string,
  code: DestinationCode,
  actorId: string | null,
  options: { because?: string; now?: Date; today?: string; place?: IntendedPlace } = {},
): Promise<Checked<DestinationEntry>> {
  const now = options.now ?? new Date();
  const today = options.today ?? todayIso(now);
  const entry = intendedEntryInput(pupilId, code, today, {
    providerId: options.place?.providerId ?? null,
    routeId: options.place?.routeId ?? null,
    notes: options.because ? `Recorded from matching: ${options.because}`.slice(0, 500) : '',
  });
  return saveDestinationEntry(db, entry, actorId, { now, today });
}

/**
 * What an "Accept" on a young person's matches did, so that Undo can withdraw exactly that: the
 * placement it proposed, or the entry of the history it recorded (`recorded`, the code) and the
 * intended destination before it (null: none).
 */
export type Acceptance =
  | { kind: 'placement'; pupilId: string; placementId: string }
  | { kind: 'destination'; pupilId: string; entryId: string; recorded: DestinationCode; before: DestinationCode | null };

/** Records the intended destination of an accepted route, and says what was there before, for Undo. */
export async function acceptRoute(
  db: CareersDeskDb,
  pupilId: string,
  code: DestinationCode,
  actorId: string | null,
  options: { because?: string; now?: Date; today?: string; place?: IntendedPlace } = {},
): Promise<Checked<Acceptance & { kind: 'destination' }>> {
  return db.transaction('rw', [db.pupils, db.destinations, db.settings, db.audit], async () => {
    const before = (await db.pupils.get(pupilId))?.intendedDestination ?? null;
    const saved = await recordIntendedDestination(db, pupilId, code, actorId, options);
    if (!saved.ok) return saved;
    return { ok: true, value: { kind: 'destination', pupilId, entryId: saved.value.id, recorded: code, before } };
  });
}

/**
 * Undo after "Accept": withdraws what it did, with the audit entry, in one transaction. The proposed
 * placement is deleted, or the entry of the history it recorded removed (the one before is current again).
 * Refused, with nothing changed, when the record has moved on since (the placement went past proposed, the
 * entry was changed or removed), so an Undo never throws away later work.
 */
export async function withdrawAcceptance(
  db: CareersDeskDb,
  acceptance: Acceptance,
  actorId: string | null,
  now: Date = new Date(),
): Promise<Checked<Acceptance>> {
  if (acceptance.kind === 'placement') {
    return db.transaction('rw', [db.experiences, db.employers, db.audit], async () => {
      const experience = await db.experiences.get(acceptance.placementId);
      if (!experience) return refusedUndo('The placement is no longer recorded: there is nothing to undo');
      if (experience.status !== 'proposed')
        return refusedUndo('The placement has moved on from proposed since, so it was kept: change it on the placements desk');
      const employer = experience.employerId ? await db.employers.get(experience.employerId) : undefined;
      await db.experiences.delete(experience.id);
      const dates = `${formatUkDate(experience.start)} to ${formatUkDate(experience.end)}`;
      const employerName = employer?.name ?? 'an employer no longer recorded';
      await writeAudit(
        db,
        {
          actorId,
          action: 'delete',
          entity: 'placement',
          recordId: experience.id,
          pupilId: acceptance.pupilId,
          summary: `Undid accepting an offer: withdrew the proposed placement at ${employerName}, ${dates}`,
          before: experience,
        },
        now,
      );
      return { ok: true, value: acceptance };
    });
  }
  return db.transaction('rw', [db.pupils, db.destinations, db.audit], async () => {
    const entry = await db.destinations.get(acceptance.entryId);
    if (!entry || entry.kind !== 'intended') return refusedUndo('The intended destination is no longer recorded: there is nothing to undo');
    const pupil = await db.pupils.get(acceptance.pupilId);
    // Another intention recorded since is the newer word: Undo then leaves the history as it is.
    if (entry.code !== acceptance.recorded || pupil?.intendedDestination !== acceptance.recorded)
      return refusedUndo('The intended destination has been changed again since, so it was kept');
    await removeDestinationEntry(db, entry.id, actorId, now);
    return { ok: true, value: acceptance };
  });
}

function refusedUndo(message: string): Checked<Acceptance> {
  return { ok: false, problems: [{ field: 'undo', message }] };
}

/** Thrown inside the transaction to undo every line written before a refused one. */
class AllocationRefused extends Error {
  constructor(readonly problems: Problem[]) {
    super('The allocation was refused');
  }
}

/** One young person's line of an allocation being confirmed: where they go (null: not placed) and why not. */
export type AllocationLineToConfirm = Omit<StoredAllocationLine, 'experienceId'>;

/** A cohort allocation as the adviser confirms it: everyone on the list, placed or not. */
export interface AllocationToConfirm {
  schoolId: string;
  yearGroup: number;
  period: DateRange;
  lines: readonly AllocationLineToConfirm[];
}

export interface ConfirmedAllocation {
  allocation: StoredAllocation;
  placements: Placement[];
}

/**
 * Confirms a cohort allocation: proposes every placed line's placement, each with its audit entry, and
 * stores the allocation (each line linked to its placement) to reopen later, in ONE transaction. If
 * any line breaks a rule (a hard constraint, no places left, a double booking, a record gone), nothing
 * at all is written and the problems say which young person and why.
 */
export async function confirmAllocation(
  db: CareersDeskDb,
  input: AllocationToConfirm,
  actorId: string | null,
  options: MatchingOptions = {},
): Promise<Checked<ConfirmedAllocation>> {
  const now = options.now ?? new Date();
  const today = options.today ?? todayIso(now);
  if (!input.lines.some((line) => line.choice !== null))
    return { ok: false, problems: [{ field: 'lines', message: 'No placements to confirm: place at least one young person' }] };
  try {
    const tables = [db.pupils, db.employers, db.experiences, db.allocations, db.schools, db.audit];
    const confirmed = await db.transaction('rw', tables, async () => {
      const placements: Placement[] = [];
      const lines: StoredAllocationLine[] = [];
      for (const [index, line] of input.lines.entries()) {
        if (!line.choice) {
          lines.push({ ...line, experienceId: null });
          continue;
        }
        const choice: OfferChoice = {
          pupilId: line.pupilId,
          employerId: line.choice.employerId,
          offerId: line.choice.offerId,
          start: line.choice.periodStart,
          end: line.choice.periodEnd,
        };
        const { pupil, problems } = await choiceProblems(db, choice, today);
        const result: Checked<Placement> = problems.length > 0 ? { ok: false, problems } : await proposePlacement(db, choice, actorId, now);
        if (!result.ok) {
          const who = pupil ? displayName(pupil) : `Line ${index + 1}`;
          throw new AllocationRefused(result.problems.map((p) => ({ field: `lines.${index}`, message: `${who}: ${p.message}` })));
        }
        placements.push(result.value);
        lines.push({ ...line, why: '', experienceId: result.value.id });
      }
      const allocation = await storeConfirmedAllocation(
        db,
        {
          confirmedOn: today,
          adviserId: actorId,
          schoolId: input.schoolId,
          yearGroup: input.yearGroup,
          period: { start: input.period.start, end: input.period.end },
          pupilIds: [...new Set(lines.map((line) => line.pupilId))],
          lines,
        },
        actorId,
        now,
      );
      return { allocation, placements };
    });
    return { ok: true, value: confirmed };
  } catch (error) {
    if (error instanceof AllocationRefused) return { ok: false, problems: error.problems };
    throw error;
  }
}

/** The young person whose matches are shown, their school and every provider (for the routes' names), or null. */
export async function loadPupilForMatching(
  db: CareersDeskDb,
  pupilId: string,
): Promise<{ pupil: Pupil; school: School | undefined; providers: Provider[] } | null> {
  const pupil = await db.pupils.get(pupilId);
  if (!pupil) return null;
  const [school, providers] = await Promise.all([pupil.schoolId ? db.schools.get(pupil.schoolId) : undefined, db.providers.toArray()]);
  return { pupil, school, providers };
}

/**
 * Records that an allocation left the machine as a file: which school, year group and period, how
 * many young people it names and in what format; never the names themselves. It changes no record,
 * so it has no record id; it lists proposed placements, so it is filed under placements.
 */
export async function auditAllocationExport(db: CareersDeskDb, summary: string, actorId: string | null, now: Date): Promise<void> {
  await recordAudit(db, { actorId, action: 'export', entity: 'placement', recordId: null, pupilId: null, summary }, now);
}
