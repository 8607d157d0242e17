import { onBeforeUnmount, watch, type Ref } from 'vue';
import { todayLists, type TodayLists } from '@shared/today';
import { useRepositories } from '../../db/repositories';
import { useNewestAnswer } from '../../platform/use-newest-answer';

/**
 * The Today page's lists for the adviser using the computer (everyone's when nobody is chosen), worked
 * out again whenever a record they read changes, or another adviser is chosen. Call in setup.
 */
export function useToday(adviserId: Ref<string | null>) {
  const repos = useRepositories();
  const answer = useNewestAnswer<TodayLists | null>(async () => todayLists(await repos.today.facts(adviserId.value)), null);
  const stop = repos.today.onChange(() => void answer.refresh());
  onBeforeUnmount(stop);
  watch(adviserId, () => void answer.refresh());
  void answer.refresh();
  return answer;
}
