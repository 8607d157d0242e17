import type { Ref } from 'vue';
import { db } from '../../db/database';
import { useLiveQuery } from '../../platform/use-live-query';
import { listOpenActions, type OpenActionRow } from '../../db/action-plans';
import { listRecentSessions, type SessionWithPupil } from '../../db/sessions';

/** Live lists for the Sessions page; each re-runs when the records it read change. Call in setup. */
export function useOpenActions(adviserId: Ref<string | null>, today: string) {
  return useLiveQuery<OpenActionRow[]>(() => listOpenActions(db, { adviserId: adviserId.value, today }), [], [adviserId]);
}

export function useRecentSessions(limit = 20) {
  return useLiveQuery<SessionWithPupil[]>(() => listRecentSessions(db, limit), []);
}

export function useAdviserName(adviserId: Ref<string | null>) {
  return useLiveQuery<string | null>(async () => (adviserId.value ? (await db.advisers.get(adviserId.value))?.name ?? null : null), null, [adviserId]);
}
