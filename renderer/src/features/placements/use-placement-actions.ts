import type { Checked, Placement, Pupil } from '@shared/model';
import type { PlacementStatusId } from '@shared/reference';
import { db } from '../../db/database';
import { changePlacementStatus, completePlacement, proposePlacement, type PlacementFeedback, type ProposalInput } from '../../db/placements';
import { searchPupils } from '../../db/pupils';
import { todayIso } from '../../platform/clock';
import { useSettingsStore } from '../settings';

/** The placement workflow as the adviser using this computer: every change is audited in their name. */
export function usePlacementActions() {
  const settings = useSettingsStore();
  return {
    propose: (input: ProposalInput): Promise<Checked<Placement>> => proposePlacement(db, input, settings.currentAdviserId),
    move: (placementId: string, to: PlacementStatusId): Promise<Checked<Placement>> => changePlacementStatus(db, placementId, to, settings.currentAdviserId),
    complete: (placementId: string, feedback: PlacementFeedback): Promise<Checked<Placement>> => completePlacement(db, placementId, feedback, settings.currentAdviserId),
    findPupils: (text: string): Promise<Pupil[]> => (text.trim() === '' ? Promise.resolve([]) : searchPupils(db, text, todayIso(), 10)),
  };
}
