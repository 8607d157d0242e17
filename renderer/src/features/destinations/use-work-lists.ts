import { onBeforeUnmount } from 'vue';
import { useRepositories } from '../../db/repositories';
import type { LoadedDestinationWorkLists } from '../../db/destination-work-lists';
import { useNewestAnswer } from '../../platform/use-newest-answer';

/**
 * The destinations work lists on the app's today, worked out again whenever a young person, an entry of
 * the history or a school changes (so a row recorded from a list leaves it). Call in setup.
 */
export function useDestinationWorkLists() {
  const repos = useRepositories();
  const answer = useNewestAnswer<LoadedDestinationWorkLists | null>(() => repos.destinations.workLists(), null);
  const stop = repos.destinations.onWorkListsChange(() => void answer.refresh());
  onBeforeUnmount(stop);
  void answer.refresh();
  return answer;
}
