import {
  experienceSchema,
  placementSchema,
  problemsFromZod,
  type Checked,
  type Placement,
  type Problem,
  type WorkplaceExperience,
} from '@shared/model';
import { formatUkDate } from '@shared/academic-year';
import type { PlacementStatusId } from '@shared/reference';
import { proposalProblems, statusChangeProblems, statusLabel, type ProposalInput } from '@shared/placements';
import { placementOf, placementsOf, withPlacementStep } from '@shared/experiences';
import type { CareersDeskDb } from './schema';
import { writeAudit } from './audit';
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
  return db.transaction('rw', [db.experiences, db.employers, db.audit], async () => {
    const experience = await db.experiences.get(placementId);
    const placement = experience ? placementOf(experience) : null;
    if (!experience || !placement) return refused<Placement>('status', 'This placement is no longer recorded');
    const employer = await db.employers.get(placement.employerId);
    if (!employer) return refused<Placement>('status', 'The employer of this placement is no longer recorded');
    const blockers = statusChangeProblems(placement, to, employer, today);
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
    await writeAudit(
      db,
      {
        actorId,
        action: 'update',
        entity: 'placement',
        recordId: updated.id,
        pupilId: updated.pupilId,
        summary: `Placement at ${employer.name}, ${dates(updated)}: ${statusLabel(placement.status)} to ${statusLabel(to)}`,
        before: experience,
      },
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
