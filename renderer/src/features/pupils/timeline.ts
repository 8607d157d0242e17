import type { ActionPlan, DestinationEntry, GuidanceSession, Placement } from '@shared/model';
import { destinationEntryInWords, type DestinationPlaceNames } from '@shared/destinations';
import { compareOpenActions, openActionsOf, type OpenAction } from '@shared/sessions';
import { labelOf, PLACEMENT_STATUSES, SESSION_KINDS } from '@shared/reference';

export interface TimelineEntry {
  key: string;
  date: string;
  kind: 'session' | 'plan' | 'placement' | 'destination';
  title: string;
  detail: string;
  link: string | null;
}

/** Sessions, action plans, placements and the destinations history's entries in one list, newest first. */
export function buildTimeline(
  record: {
    sessions: readonly GuidanceSession[];
    plans: readonly ActionPlan[];
    placements: readonly Placement[];
    destinations: readonly DestinationEntry[];
    destinationPlaces: DestinationPlaceNames;
  },
  employerNames: Map<string, string>,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...record.sessions.map((s) => ({
      key: `s-${s.id}`,
      date: s.date,
      kind: 'session' as const,
      title: labelOf(SESSION_KINDS, s.kind),
      detail: s.topics.join(', ') || s.notes.slice(0, 120),
      link: `/sessions/${s.id}/edit`,
    })),
    ...record.plans.map((p) => ({
      key: `p-${p.id}`,
      date: p.agreedOn ?? p.createdAt.slice(0, 10),
      kind: 'plan' as const,
      title: 'Action plan',
      detail: p.goals.map((g) => g.text).join('; '),
      link: `/plans/${p.id}`,
    })),
    ...record.placements.map((p) => ({
      key: `w-${p.id}`,
      date: p.start,
      kind: 'placement' as const,
      title: `Placement: ${employerNames.get(p.employerId) ?? 'Employer'}`,
      detail: labelOf(PLACEMENT_STATUSES, p.status),
      link: `/placements/${p.id}/paperwork`,
    })),
    ...record.destinations.map((entry) => {
      const words = destinationEntryInWords(entry, record.destinationPlaces);
      return {
        key: `d-${entry.id}`,
        date: entry.recordedOn,
        kind: 'destination' as const,
        title: words.kind,
        detail: [words.destination, words.details, words.where].filter(Boolean).join(' · '),
        link: `/pupils/${entry.pupilId}/destinations/${entry.id}/edit`,
      };
    }),
  ];
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
