import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ActionPlan, GuidanceSession } from '@shared/model';
import { localIsoDate, type PlanInput, type SessionInput } from '@shared/sessions';
import { db } from '../../db/database';
import { getPupil } from '../../db/pupils';
import { deleteSession, getSession, listSessionChoices, saveSession } from '../../db/sessions';
import { getPlan, markActionDone, savePlan } from '../../db/action-plans';
import { useSettingsStore } from '../settings';

/**
 * Guidance sessions and action plans: the writes (each one transaction with its audit entry, by the
 * adviser using the app) and the reads the editors start from.
 */
export const useSessionsStore = defineStore('sessions', () => {
  const settings = useSettingsStore();
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

  async function recordSession(input: SessionInput, draftId: string | null): Promise<GuidanceSession> {
    return saveSession(db, input, settings.currentAdviserId, { draftId });
  }

  async function recordPlan(input: PlanInput, draftId: string | null): Promise<ActionPlan> {
    return savePlan(db, input, settings.currentAdviserId, { draftId });
  }

  /** Deletes a session recorded in error; the pupil page then says so once. */
  async function removeSession(sessionId: string): Promise<GuidanceSession> {
    const removed = await deleteSession(db, sessionId, settings.currentAdviserId);
    flash.value = 'The guidance session was deleted. Its details are kept in the audit log.';
    return removed;
  }

  /** Ticks an action off today; null when it was already done elsewhere. */
  async function tickAction(planId: string, actionId: string): Promise<ActionPlan | null> {
    return markActionDone(db, planId, actionId, today(), settings.currentAdviserId);
  }

  return {
    flash, today, takeFlash, recordSession, removeSession, recordPlan, tickAction,
    loadPupil: (id: string) => getPupil(db, id),
    loadSession: (id: string) => getSession(db, id),
    loadPlan: (id: string) => getPlan(db, id),
    loadChoices: () => listSessionChoices(db),
  };
});
