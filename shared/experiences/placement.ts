/**
 * A work placement is the one kind of workplace experience with a workflow (shared/placements: proposed,
 * contacted, confirmed, in progress, completed, or cancelled). The workflow, matching and allocation
 * read it through this view: one young person, a directory employer, an offer, dates, status, feedback.
 */
import type { Placement } from '../model/employer';
import type { WorkplaceExperience } from '../model/experience';
import type { PlacementStatusId } from '../reference/lists';

/** The placement an experience is, or null for any other kind (or a placement with no directory employer). */
export function placementOf(experience: WorkplaceExperience): Placement | null {
  const pupilId = experience.pupilIds[0];
  if (experience.kind !== 'work-placement' || experience.employerId === null || pupilId === undefined) return null;
  return {
    id: experience.id,
    createdAt: experience.createdAt,
    updatedAt: experience.updatedAt,
    isDemo: experience.isDemo,
    pupilId,
    employerId: experience.employerId,
    offerId: experience.offerId,
    start: experience.start,
    end: experience.end,
    status: experience.status,
    feedback: {
      employer: experience.employerFeedback.text,
      pupil: experience.reflection.text,
      wouldHostAgain: experience.employerFeedback.wouldHostAgain,
    },
  };
}

/** The work placements among experiences, as the workflow sees them. */
export function placementsOf(experiences: readonly WorkplaceExperience[]): Placement[] {
  const placements: Placement[] = [];
  for (const experience of experiences) {
    const placement = placementOf(experience);
    if (placement) placements.push(placement);
  }
  return placements;
}

/**
 * A placement's experience after a workflow step on `today`: the new status, and on completing, the
 * employer's feedback and the young person's words, dated that day. Writing either also ticks its
 * point of the meaningful checklist, since the record now holds it.
 */
export function withPlacementStep(
  experience: WorkplaceExperience,
  to: PlacementStatusId,
  feedback: Placement['feedback'] | undefined,
  today: string,
): WorkplaceExperience {
  if (!feedback) return { ...experience, status: to };
  const meaningful = new Set(experience.meaningful);
  if (feedback.employer.trim() !== '') meaningful.add('employer-feedback');
  if (feedback.pupil.trim() !== '') meaningful.add('young-person-reflection');
  return {
    ...experience,
    status: to,
    meaningful: [...meaningful],
    employerFeedback: {
      text: feedback.employer,
      on: feedback.employer.trim() === '' ? null : today,
      wouldHostAgain: feedback.wouldHostAgain,
    },
    reflection: { text: feedback.pupil, on: feedback.pupil.trim() === '' ? null : today },
  };
}
