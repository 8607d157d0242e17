import type { DestinationCode } from '../reference';
import type { DestinationEntry } from '../model';

/** Entries oldest first: by the day they were so, then the order they were written. */
export function inHistoryOrder<T extends Pick<DestinationEntry, 'recordedOn' | 'createdAt'>>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) =>
    a.recordedOn !== b.recordedOn
      ? a.recordedOn < b.recordedOn
        ? -1
        : 1
      : a.createdAt < b.createdAt
        ? -1
        : a.createdAt > b.createdAt
          ? 1
          : 0,
  );
}

/** Kinds of entry that say what the young person is actually doing (not what they intend or were offered). */
const ACTIVITY_KINDS: ReadonlySet<DestinationEntry['kind']> = new Set(['activity', 'november-activity', 'sustained-check']);

/**
 * The latest intended destination and the latest known activity of one young person's history: the
 * codes their record carries (kept with every write of the history, and worked out again after a merge).
 */
export function currentDestinationCodes(entries: readonly DestinationEntry[]): {
  intendedDestination: DestinationCode | null;
  actualDestination: DestinationCode | null;
} {
  let intendedDestination: DestinationCode | null = null;
  let actualDestination: DestinationCode | null = null;
  for (const entry of inHistoryOrder(entries)) {
    if (entry.kind === 'intended') intendedDestination = entry.code;
    else if (ACTIVITY_KINDS.has(entry.kind) && 'code' in entry && entry.code !== null) actualDestination = entry.code;
  }
  return { intendedDestination, actualDestination };
}
