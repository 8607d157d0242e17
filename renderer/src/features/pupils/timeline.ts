import type { ActionPlan, GuidanceSession, Placement, Pupil } from '@shared/model';
import { compareOpenActions, openActionsOf, type OpenAction } from '@shared/sessions';
import { destinationLabel, labelOf, PLACEMENT_STATUSES, SESSION_KINDS } from '@shared/reference';

export interface TimelineEntry {
  key: string;
  date: string;
  kind: 'session' | 'plan' | 'placement' | 'destination';
  title: string;
  detail: string;
  link: string | null;
}

/** Sessions, action plans, placements and destinations in one list, newest first. */
export function buildTimeline(
  pupil: Pupil,
  sessions: GuidanceSession[],
  plans: ActionPlan[],
  placements: Placement[],
  employerNames: Map<string, string>,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...sessions.map((s) => ({
      key: `s-${s.id}`,
      date: s.date,
      kind: 'session' as const,
      title: labelOf(SESSION_KINDS, s.kind),
      detail: s.topics.join(', ') || s.notes.slice(0, 120),
      link: `/sessions/${s.id}/edit`,
    })),
    ...plans.map((p) => ({
      key: `p-${p.id}`,
      date: p.agreedOn ?? p.createdAt.slice(0, 10),
      kind: 'plan' as const,
      title: 'Action plan',
      detail: p.goals.map((g) => g.text).join('; '),
      link: `/plans/${p.id}`,
    })),
    ...placements.map((p) => ({
      key: `w-${p.id}`,
      date: p.start,
      kind: 'placement' as const,
      title: `Placement: ${employerNames.get(p.employerId) ?? 'Employer'}`,
      detail: labelOf(PLACEMENT_STATUSES, p.status),
      link: `/placements/${p.id}/paperwork`,
    })),
  ];
  if (pupil.intendedDestination)
    entries.push({
      key: 'intended',
      date: pupil.updatedAt.slice(0, 10),
      kind: 'destination',
      title: 'Intended destination',
      detail: destinationLabel(pupil.intendedDestination),
      link: null,
    });
  if (pupil.actualDestination)
    entries.push({
      key: 'actual',
      date: pupil.updatedAt.slice(0, 10),
      kind: 'destination',
      title: 'Actual destination',
      detail: destinationLabel(pupil.actualDestination),
      link: null,
    });
  return entries.sort((a, b) => b.date.localeCompare(a.date));
}

/** Open actions across every plan, overdue first (the rule lives in shared/sessions). */
export function openActions(plans: ActionPlan[], today: string): OpenAction[] {
  return plans.flatMap((plan) => openActionsOf(plan, today)).sort(compareOpenActions);
}

/** The next review date of any plan, today or later. */
export function nextReview(plans: ActionPlan[], today: string): string | null {
  return (
    plans
      .map((p) => p.reviewOn)
      .filter((d): d is string => d !== null && d >= today)
      .sort()[0] ?? null
  );
}
