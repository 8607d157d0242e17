import {
  experienceSchema,
  placementSchema,
  placementPaperworkSchema,
  problemsFromZod,
  settingSchemas,
  type Checked,
  type Employer,
  type PlacementPaperwork,
  type Pupil,
  type School,
  type ServiceDetails,
  type Placement,
  type Problem,
  type WorkplaceExperience,
} from '@shared/model';
import { formatUkDate } from '@shared/academic-year';
import type { PlacementStatusId } from '@shared/reference';
import {
  checksStanding,
  consentStillNeededQuestion,
  deskFacts,
  DEFAULT_CHECKS_REUSE_MONTHS,
  placementMoveProblems,
  proposalProblems,
  statusLabel,
  type ProposalInput,
} from '@shared/placements';
import { placementOf, placementsOf, withPlacementStep } from '@shared/experiences';
import type { CareersDeskDb } from './schema';
import { recordAudit, writeAudit } from './audit';
import { getSetting } from './settings';
import { todayIso } from '../platform/clock';

/** The placement view of an experience this module has just written as a work placement (kind, employer, one young person). */
function workPlacementOf(experience: WorkplaceExperience): Placement {
  const placement = placementOf(experience);
  if (!placement) throw new Error('A work placement was written without its employer or young person.');
  return placement;
}

export type PlacementFeedback = Placement['feedback'];
export type { ProposalInput };

export interface PlacementChangeOptions {
  /** The day the change is made, for the safety-check rule; today on this machine by default. */
  today?: string;
  now?: Date;
}

function refused<T>(field: string, message: string): Checked<T> {
  return { ok: false, problems: [{ field, message }] };
}

function dates(range: { start: string; end: string }): string {
  return `${formatUkDate(range.start)} to ${formatUkDate(range.end)}`;
}

/** The audit entry of a change to an existing placement, in the young person's trail. */
function auditPlacementChange(
  db: CareersDeskDb,
  actorId: string | null,
  placement: Pick<Placement, 'id' | 'pupilId'>,
  summary: string,
  before: WorkplaceExperience,
  now: Date,
): Promise<unknown> {
  return writeAudit(
    db,
    { actorId, action: 'update', entity: 'placement', recordId: placement.id, pupilId: placement.pupilId, summary, before },
    now,
  );
}

/**
 * The placements at an employer and the young person's own, each once (`placements`), and the young
 * person's alone (`ofPupil`): what capacity and double-booking checks read. Call inside a transaction.
 */
export async function placementsAtOrOf(
  db: CareersDeskDb,
  employerId: string,
  pupilId: string,
): Promise<{ placements: Placement[]; ofPupil: Placement[] }> {
  const [atEmployer, ofPupil] = await Promise.all([
    db.experiences.where('employerId').equals(employerId).toArray(),
    db.experiences.where('pupilIds').equals(pupilId).toArray(),
  ]);
  const placements = placementsOf([...new Map([...atEmployer, ...ofPupil].map((p) => [p.id, p])).values()]);
  return { placements, ofPupil: placementsOf(ofPupil) };
}

/**
 * Proposes a placement for a young person in one period of an employer's offer, with its audit entry,
 * in one transaction. Refused, with the reasons and nothing written, when no places are left in the
 * period (capacityLeft), the pupil already has a placement on those dates, or the offer or period is
 * not the employer's. `start` and `end` are the period's dates (or dates inside it).
 *
 * Safe to call inside a caller's own transaction over pupils, employers, placements and audit (for
 * example to propose a cohort's placements all together): it then joins that transaction.
 */
export async function proposePlacement(
  db: CareersDeskDb,
  input: ProposalInput,
  actorId: string | null,
  now: Date = new Date(),
): Promise<Checked<Placement>> {
  return db.transaction('rw', [db.pupils, db.employers, db.experiences, db.audit], async () => {
    const [pupil, employer] = await Promise.all([db.pupils.get(input.pupilId), db.employers.get(input.employerId)]);
    if (!pupil) return refused<Placement>('pupilId', 'Choose a young person: the one chosen is no longer recorded');
    if (!employer) return refused<Placement>('employerId', 'This employer is no longer recorded');
    const { placements } = await placementsAtOrOf(db, employer.id, pupil.id);
    const problems = proposalProblems(input, employer, placements);
    if (problems.length > 0) return { ok: false, problems };

    const experience = experienceSchema.parse({
      id: crypto.randomUUID(),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      kind: 'work-placement',
      pupilIds: [pupil.id],
      employerId: employer.id,
      offerId: input.offerId,
      start: input.start,
      end: input.end,
      status: 'proposed',
    });
    await db.experiences.add(experience);
    const placement = workPlacementOf(experience);
    await writeAudit(
      db,
      {
        actorId,
        action: 'create',
        entity: 'placement',
        recordId: placement.id,
        pupilId: pupil.id,
        summary: `Proposed a placement at ${employer.name}, ${dates(placement)}`,
      },
      now,
    );
    return { ok: true, value: placement };
  });
}

/**
 * Moves a placement to its next status (shared/placements rules), with its audit entry, in one
 * transaction. Refused, with the reasons and nothing changed, when the step is not allowed from the
 * current status, or when confirming while the employer's safety checks are expired or missing for
 * the placement's dates. Completing takes feedback: use completePlacement.
 */
export async function changePlacementStatus(
  db: CareersDeskDb,
  placementId: string,
  to: PlacementStatusId,
  actorId: string | null,
  options: PlacementChangeOptions & { feedback?: PlacementFeedback } = {},
): Promise<Checked<Placement>> {
  const now = options.now ?? new Date();
  const today = options.today ?? todayIso(now);
  return db.transaction('rw', [db.experiences, db.employers, db.pupils, db.settings, db.audit], async () => {
    const experience = await db.experiences.get(placementId);
    const placement = experience ? placementOf(experience) : null;
    if (!experience || !placement) return refused<Placement>('status', 'This placement is no longer recorded');
    const employer = await db.employers.get(placement.employerId);
    if (!employer) return refused<Placement>('status', 'The employer of this placement is no longer recorded');
    const pupil = await db.pupils.get(placement.pupilId);
    const reuseMonths = await checksReuseMonths(db);
    const blockers = placementMoveProblems(deskFacts(experience, pupil ?? null), to, employer, { today, reuseMonths });
    if (blockers.length > 0) return { ok: false, problems: blockers.map((message) => ({ field: 'status', message })) };

    let feedback: PlacementFeedback | undefined;
    if (options.feedback) {
      const checked = placementSchema.shape.feedback.safeParse(options.feedback);
      if (!checked.success) {
        return { ok: false, problems: problemsFromZod(checked.error).map((p): Problem => ({ ...p, field: `feedback.${p.field}` })) };
      }
      feedback = checked.data;
    }
    const stored = experienceSchema.parse({ ...withPlacementStep(experience, to, feedback, today), updatedAt: now.toISOString() });
    await db.experiences.put(stored);
    const updated = workPlacementOf(stored);
    await auditPlacementChange(
      db,
      actorId,
      updated,
      `Placement at ${employer.name}, ${dates(updated)}: ${statusLabel(placement.status)} to ${statusLabel(to)}`,
      experience,
      now,
    );
    return { ok: true, value: updated };
  });
}

/** Completes a placement that is in progress, recording the employer's and pupil's feedback and "would host again". */
export function completePlacement(
  db: CareersDeskDb,
  placementId: string,
  feedback: PlacementFeedback,
  actorId: string | null,
  options: PlacementChangeOptions = {},
): Promise<Checked<Placement>> {
  return changePlacementStatus(db, placementId, 'completed', actorId, { ...options, feedback });
}

function byStart(a: Placement, b: Placement): number {
  return a.start.localeCompare(b.start) || a.createdAt.localeCompare(b.createdAt);
}

/** An employer's placements, earliest first; with a status, only those (through the [employerId+status] index). */
export async function listPlacementsForEmployer(db: CareersDeskDb, employerId: string, status?: PlacementStatusId): Promise<Placement[]> {
  const rows: WorkplaceExperience[] = status
    ? await db.experiences.where('[employerId+status]').equals([employerId, status]).toArray()
    : await db.experiences.where('employerId').equals(employerId).toArray();
  return placementsOf(rows).sort(byStart);
}

/** A young person's placements, earliest first. */
export async function listPlacementsForPupil(db: CareersDeskDb, pupilId: string): Promise<Placement[]> {
  return placementsOf(await db.experiences.where('pupilIds').equals(pupilId).toArray()).sort(byStart);
}

/** The setting of how many months an employer's checks are reused for (6 when unset or unreadable). */
export async function checksReuseMonths(db: CareersDeskDb): Promise<number> {
  const parsed = settingSchemas.checksReuseMonths.safeParse((await db.settings.get('checksReuseMonths'))?.value);
  return parsed.success ? parsed.data : DEFAULT_CHECKS_REUSE_MONTHS;
}

/** One row of the placements desk: the placement, its young person and employer as they are now. */
export interface DeskRow {
  experience: WorkplaceExperience;
  placement: Placement;
  pupil: Pupil | null;
  employer: Employer | null;
}

/** Every work placement with its young person and employer, earliest first, and the checks reuse setting. */
export async function loadPlacementsDesk(db: CareersDeskDb): Promise<{ rows: DeskRow[]; reuseMonths: number }> {
  return db.transaction('r', [db.experiences, db.pupils, db.employers, db.settings], async () => {
    const experiences = await db.experiences.where('kind').equals('work-placement').toArray();
    const pupilIds = [...new Set(experiences.flatMap((e) => e.pupilIds))];
    const employerIds = [...new Set(experiences.flatMap((e) => (e.employerId ? [e.employerId] : [])))];
    const [pupils, employers] = await Promise.all([db.pupils.bulkGet(pupilIds), db.employers.bulkGet(employerIds)]);
    const pupilById = new Map(pupils.flatMap((p) => (p ? [[p.id, p] as const] : [])));
    const employerById = new Map(employers.flatMap((e) => (e ? [[e.id, e] as const] : [])));
    const rows: DeskRow[] = [];
    for (const experience of experiences) {
      const placement = placementOf(experience);
      if (!placement) continue;
      rows.push({
        experience,
        placement,
        pupil: pupilById.get(placement.pupilId) ?? null,
        employer: employerById.get(placement.employerId) ?? null,
      });
    }
    rows.sort((a, b) => byStart(a.placement, b.placement));
    return { rows, reuseMonths: await checksReuseMonths(db) };
  });
}

/** A placement with what its confirm step needs: the consent question for an adult, the checks reused. */
export async function loadPlacementPaperwork(
  db: CareersDeskDb,
  placementId: string,
  today: string,
): Promise<{ row: DeskRow; adultQuestion: string | null; checksReused: string | null; checksProblems: string[] } | null> {
  const { rows, reuseMonths } = await db.transaction('r', [db.experiences, db.pupils, db.employers, db.settings], async () => {
    const experience = await db.experiences.get(placementId);
    const placement = experience ? placementOf(experience) : null;
    if (!experience || !placement) return { rows: [], reuseMonths: DEFAULT_CHECKS_REUSE_MONTHS };
    const [pupil, employer] = await Promise.all([db.pupils.get(placement.pupilId), db.employers.get(placement.employerId)]);
    return {
      rows: [{ experience, placement, pupil: pupil ?? null, employer: employer ?? null }],
      reuseMonths: await checksReuseMonths(db),
    };
  });
  const row = rows[0];
  if (!row) return null;
  const standing = row.employer ? checksStanding(row.employer, row.placement, today, reuseMonths) : { reused: null, problems: [] };
  return {
    row,
    adultQuestion: row.pupil ? consentStillNeededQuestion(row.pupil.dateOfBirth, row.placement.start) : null,
    checksReused: standing.reused,
    checksProblems: standing.problems,
  };
}

/** Saves a placement's consent, emergency contacts, notes and travel plan, with its audit entry, together. */
export async function savePlacementPaperwork(
  db: CareersDeskDb,
  placementId: string,
  input: unknown,
  actorId: string | null,
  now: Date = new Date(),
): Promise<Checked<PlacementPaperwork>> {
  const checked = placementPaperworkSchema.safeParse(input);
  if (!checked.success) return { ok: false, problems: problemsFromZod(checked.error) };
  return db.transaction('rw', [db.experiences, db.audit], async () => {
    const experience = await db.experiences.get(placementId);
    const placement = experience ? placementOf(experience) : null;
    if (!experience || !placement) return refused<PlacementPaperwork>('consent', 'This placement is no longer recorded');
    const stored = experienceSchema.parse({ ...experience, paperwork: checked.data, updatedAt: now.toISOString() });
    await db.experiences.put(stored);
    await auditPlacementChange(
      db,
      actorId,
      placement,
      checked.data.consent
        ? `Recorded the placement's paperwork, with parental consent given on ${formatUkDate(checked.data.consent.on)}`
        : "Recorded the placement's paperwork, without parental consent",
      experience,
      now,
    );
    return { ok: true, value: stored.paperwork };
  });
}

/** What a bulk move did: the placements moved (to put back with undoBulkMove) and those refused, with reasons. */
export interface BulkMoveResult {
  moved: { id: string; from: PlacementStatusId }[];
  refused: { id: string; reasons: string[] }[];
}

/**
 * Moves several placements on to `to` in one transaction, each with its audit entry. Each is checked
 * as a single move is (placementMoveProblems); those refused stay as they were and are listed.
 */
export async function movePlacements(
  db: CareersDeskDb,
  placementIds: readonly string[],
  to: PlacementStatusId,
  actorId: string | null,
  options: PlacementChangeOptions = {},
): Promise<BulkMoveResult> {
  return db.transaction('rw', [db.experiences, db.employers, db.pupils, db.settings, db.audit], async () => {
    const result: BulkMoveResult = { moved: [], refused: [] };
    for (const id of placementIds) {
      const before = await db.experiences.get(id);
      const moved = to === 'completed' ? null : await changePlacementStatus(db, id, to, actorId, options);
      if (moved?.ok && before) result.moved.push({ id, from: before.status });
      else result.refused.push({ id, reasons: moved && !moved.ok ? moved.problems.map((p) => p.message) : ['Complete it on its own'] });
    }
    return result;
  });
}

/**
 * Puts placements moved by movePlacements back to the status each had, in one transaction, each with
 * its audit entry. Only a placement still at the status it was moved to goes back.
 */
export async function undoBulkMove(
  db: CareersDeskDb,
  moved: readonly { id: string; from: PlacementStatusId }[],
  to: PlacementStatusId,
  actorId: string | null,
  now: Date = new Date(),
): Promise<number> {
  return db.transaction('rw', [db.experiences, db.employers, db.audit], async () => {
    let undone = 0;
    for (const { id, from } of moved) {
      const experience = await db.experiences.get(id);
      const placement = experience ? placementOf(experience) : null;
      if (!experience || !placement || experience.status !== to) continue;
      const employer = await db.employers.get(placement.employerId);
      await db.experiences.put({ ...experience, status: from, updatedAt: now.toISOString() });
      await auditPlacementChange(
        db,
        actorId,
        placement,
        `Placement at ${employer?.name ?? 'an employer no longer recorded'}, ${dates(placement)}: ` +
          `undone, ${statusLabel(to)} back to ${statusLabel(from)}`,
        experience,
        now,
      );
      undone++;
    }
    return undone;
  });
}

/** What a placement's letters need: the placement, its young person, employer and school, and the service's details. */
export interface PlacementLetterRecords {
  experience: WorkplaceExperience;
  pupil: Pupil;
  employer: Employer;
  school: School | null;
  service: ServiceDetails | null;
}

/** Reads a placement's letter records, or says in words which one is missing. */
export async function loadPlacementLetterRecords(db: CareersDeskDb, placementId: string): Promise<Checked<PlacementLetterRecords>> {
  return db.transaction('r', [db.experiences, db.pupils, db.employers, db.schools, db.settings], async () => {
    const experience = await db.experiences.get(placementId);
    const placement = experience ? placementOf(experience) : null;
    if (!experience || !placement) return refused<PlacementLetterRecords>('letters', 'This placement is no longer recorded');
    const [pupil, employer] = await Promise.all([db.pupils.get(placement.pupilId), db.employers.get(placement.employerId)]);
    if (!pupil)
      return refused<PlacementLetterRecords>('letters', "The young person's record is no longer kept, so no letter can name them");
    if (!employer) return refused<PlacementLetterRecords>('letters', 'The employer of this placement is no longer recorded');
    const [school, service] = await Promise.all([pupil.schoolId ? db.schools.get(pupil.schoolId) : undefined, getSetting(db, 'service')]);
    return { ok: true, value: { experience, pupil, employer, school: school ?? null, service: service ?? null } };
  });
}

/** The audit entry of a placement letter saved as a PDF, in the young person's trail: which letter, never whose. */
export function auditPlacementLetterExport(
  db: CareersDeskDb,
  placement: { id: string; pupilId: string },
  letter: string,
  actorId: string | null,
  now: Date = new Date(),
): Promise<void> {
  return recordAudit(
    db,
    {
      actorId,
      action: 'export',
      entity: 'placement',
      recordId: placement.id,
      pupilId: placement.pupilId,
      summary: `Exported a placement letter as PDF (${letter})`,
    },
    now,
  );
}
