import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ActionPlan, CheckedSave, GuidanceSession } from '@shared/model';
import { localIsoDate, type PlanInput, type SessionInput } from '@shared/sessions';
import { useRepositories } from '../../db/repositories';

/**
 * Guidance sessions and action plans: the writes (each one transaction with its audit entry, by the
 * adviser using the app) and the reads the editors start from.
 */
export const useSessionsStore = defineStore('sessions', () => {
  const repos = useRepositories();
  /** A message for the next page to show once, such as "Action plan saved". */
  const flash = ref('');

  function today(): string {
    return localIsoDate(new Date());
  }

  function takeFlash(): string {
    const message = flash.value;
    flash.value = '';
    return message;
  }

  /** `opened`: the session's updatedAt when its form opened (null for a new one); a change since comes back as a conflict. */
  async function recordSession(input: SessionInput, opened: string | null, draftId: string | null): Promise<CheckedSave<GuidanceSession>> {
    return repos.sessions.save(input, opened, draftId);
  }

  /** `opened`: the plan's updatedAt when its form opened (null for a new one); a change since comes back as a conflict. */
  async function recordPlan(input: PlanInput, opened: string | null, draftId: string | null): Promise<CheckedSave<ActionPlan>> {
    return repos.plans.save(input, opened, draftId);
  }

  /** Deletes a session recorded in error; the pupil page then says so once. */
  async function removeSession(sessionId: string): Promise<GuidanceSession> {
    const removed = await repos.sessions.delete(sessionId);
    flash.value = 'The guidance session was deleted. Its details are kept in the audit log.';
    return removed;
  }

  /** Ticks an action off today; null when it was already done elsewhere. */
  async function tickAction(planId: string, actionId: string): Promise<ActionPlan | null> {
    return repos.plans.markActionDone(planId, actionId, today());
  }

  /** Undo after "Mark done". */
  function reopenAction(planId: string, actionId: string): Promise<ActionPlan | null> {
    return repos.plans.reopenAction(planId, actionId);
  }

  return {
    flash,
    today,
    takeFlash,
    recordSession,
    removeSession,
    recordPlan,
    tickAction,
    reopenAction,
    loadPupil: (id: string) => repos.pupils.get(id),
    loadSession: (id: string) => repos.sessions.get(id),
    loadPlan: (id: string) => repos.plans.get(id),
    loadChoices: () => repos.sessions.choices(),
  };
});
