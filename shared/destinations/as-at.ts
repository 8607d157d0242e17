import type { DestinationEntry } from '../model';
import { destinationGroup } from '../reference/destinations';
import { inHistoryOrder, isPlannedDestination } from './current';

/**
 * The history as it stood on a day, for figures "as at" a date (the dashboard, the Compass figures):
 * each young person's entries dated on or before it, oldest first.
 */
export function historiesAsAt(entries: readonly DestinationEntry[], day: string): Map<string, DestinationEntry[]> {
  const byPupil = new Map<string, DestinationEntry[]>();
  for (const entry of inHistoryOrder(entries)) {
    if (entry.recordedOn > day) continue;
    const list = byPupil.get(entry.pupilId);
    if (list) list.push(entry);
    else byPupil.set(entry.pupilId, [entry]);
  }
  return byPupil;
}

/** Whether a code says where a young person goes after 16 (any group but pre-16). */
export function isPost16Code(code: string | null): boolean {
  const group = destinationGroup(code);
  return group !== null && group !== 'pre-16';
}

/** A planned destination: the latest intended code of a history (oldest first), when it is a plan (isPlannedDestination). */
export function plannedDestinationIn(history: readonly DestinationEntry[]): string | null {
  let code: string | null = null;
  for (const entry of history) if (entry.kind === 'intended') code = entry.code;
  return isPlannedDestination(code) ? code : null;
}

const ACTIVITY_KINDS: ReadonlySet<DestinationEntry['kind']> = new Set(['activity', 'november-activity', 'sustained-check']);

/** The latest post-16 activity recorded on or after `since` (current activity, 1 November activity or a check), or null. */
export function latestActivitySince(history: readonly DestinationEntry[], since: string): string | null {
  let code: string | null = null;
  for (const entry of history)
    if (ACTIVITY_KINDS.has(entry.kind) && entry.recordedOn >= since && 'code' in entry && isPost16Code(entry.code)) code = entry.code;
  return code;
}
