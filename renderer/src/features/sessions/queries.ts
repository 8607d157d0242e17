import type { Ref } from 'vue';
import { useLiveQuery } from '../../db/use-live-query';
import type { OpenActionRow } from '../../db/action-plans';
import type { SessionWithPupil } from '../../db/sessions';
import { useRepositories } from '../../db/repositories';

/** Live lists for the Sessions page; each re-runs when the records it read change. Call in setup. */
export function useOpenActions(adviserId: Ref<string | null>, today: string) {
  return useLiveQuery<OpenActionRow[]>(() => useRepositories().plans.openActions(adviserId.value, today), [], [adviserId]);
}

export function useRecentSessions(limit = 20) {
  return useLiveQuery<SessionWithPupil[]>(() => useRepositories().sessions.recent(limit), []);
}

export function useAdviserName(adviserId: Ref<string | null>) {
  return useLiveQuery<string | null>(() => useRepositories().organisation.adviserName(adviserId.value), null, [adviserId]);
}
