import { defineStore } from 'pinia';
import { watchDebounced } from '@vueuse/core';
import { onScopeDispose, ref, watch } from 'vue';
import { emptyPupilFilters, type PupilFilters, type PupilListRow, type PupilSort } from '@shared/pupils/list';
import { useLiveQuery } from '../../db/use-live-query';
import { useNewestAnswer } from '../../platform/use-newest-answer';
import { todayIso } from '../../platform/clock';
import { useRepositories } from '../../db/repositories';

/**
 * The pupil list's search, filters and sort: kept in a store so coming back from a pupil's page
 * shows the same list the adviser left.
 */
export const usePupilListStore = defineStore('pupil-list', () => {
  const repos = useRepositories();
  const filters = ref<PupilFilters>(emptyPupilFilters());
  const sort = ref<PupilSort>('name');
  // The query follows the filters as they are typed, a moment after the last keystroke.
  const debounced = ref<PupilFilters>({ ...filters.value });
  watchDebounced(
    filters,
    (next) => {
      debounced.value = { ...next };
    },
    { debounce: 60, deep: true },
  );

  // The list is answered from the in-memory index, which says when pupils change (here or in another window).
  // Year groups are worked out for the day of each query (they move on every 1 September); the rows show them for the same day.
  const listedOn = ref(todayIso());
  const results = useNewestAnswer(() => {
    listedOn.value = todayIso();
    return repos.pupils.find(debounced.value, sort.value, listedOn.value);
  }, [] as PupilListRow[]);
  watch([debounced, sort], () => void results.refresh(), { immediate: true });
  onScopeDispose(repos.pupils.onListChange(() => void results.refresh()));
  const schools = useLiveQuery(() => repos.organisation.schools(), []);

  /** Young people chosen for a batch export; kept while the filters change. */
  const selected = ref<Set<string>>(new Set());
  function toggleSelected(id: string, on: boolean): void {
    const next = new Set(selected.value);
    if (on) next.add(id);
    else next.delete(id);
    selected.value = next;
  }
  function selectAllMatching(): void {
    selected.value = new Set([...selected.value, ...results.value.value.map((p) => p.id)]);
  }
  function clearSelection(): void {
    selected.value = new Set();
  }

  function clearFilters(): void {
    filters.value = emptyPupilFilters();
  }

  return {
    filters,
    sort,
    pupils: results.value,
    listedOn,
    loading: results.loading,
    error: results.error,
    schools: schools.value,
    clearFilters,
    selected,
    toggleSelected,
    selectAllMatching,
    clearSelection,
  };
});
