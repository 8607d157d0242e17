import { useSessionStore } from '../session';
import { useOrganisationStore } from './organisation-store';
import { useRiskWeightsStore } from '../risk';

/** Reads who is using this computer, the service and the risk weights: at start, and again after a restore. */
export async function loadSettings(): Promise<void> {
  await Promise.all([useSessionStore().load(), useOrganisationStore().load(), useRiskWeightsStore().load()]);
}
