import type { Checked, Placement, Pupil } from '@shared/model';
import type { PlacementStatusId } from '@shared/reference';
import type { PlacementFeedback, ProposalInput } from '../../db/placements';
import { useRepositories } from '../../db/repositories';

/** The placement workflow as the adviser using this computer: every change is audited in their name. */
export function usePlacementActions() {
  const repos = useRepositories();
  return {
    propose: (input: ProposalInput): Promise<Checked<Placement>> => repos.placements.propose(input),
    move: (placementId: string, to: PlacementStatusId): Promise<Checked<Placement>> => repos.placements.move(placementId, to),
    complete: (placementId: string, feedback: PlacementFeedback): Promise<Checked<Placement>> =>
      repos.placements.complete(placementId, feedback),
    findPupils: (text: string): Promise<Pupil[]> => (text.trim() === '' ? Promise.resolve([]) : repos.pupils.search(text, 10)),
  };
}
