import { defineStore } from 'pinia';
import { watchDebounced } from '@vueuse/core';
import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue';
import { emptyPupilFilters, keepsEveryone, type PupilFilters, type PupilListRow, type PupilSort } from '@shared/pupils/list';
import type { PupilListFirstScreen } from '@shared/pupils/list-snapshot';
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
  // At a start, the list as first shown (everyone, by name) from its snapshot's small first part, drawn while the
  // rest is read: a county's 100,000 young people take about a second more. Shown only until the first answer,
  // and only while nothing is typed or chosen (a search waits for the whole list).
  const firstScreen = shallowRef<PupilListFirstScreen | null>(null);
  const results = useNewestAnswer(() => {
    listedOn.value = todayIso();
    return repos.pupils.find(debounced.value, sort.value, listedOn.value);
  }, [] as PupilListRow[]);
  // Any answer means the list is read: the first screen is not needed again. Dropped as the answer is kept (in
  // the same turn), so nothing is drawn between the two.
  watch(results.value, () => (firstScreen.value = null), { flush: 'sync' });
  watch([debounced, sort], () => void results.refresh(), { immediate: true });
  onScopeDispose(repos.pupils.onListChange(() => void results.refresh()));

  // A first screen taken back (null) goes at once: it was older than a write since, and every record is read.
  onScopeDispose(
    repos.pupils.watchFirstScreen((screen) => {
      if (results.loading.value) firstScreen.value = screen;
    }),
  );
  const shownFirst = computed(() =>
    firstScreen.value && keepsEveryone(debounced.value) && sort.value === 'name' ? firstScreen.value : null,
  );
  /** The rows to show: the first screen's while it is shown, else the answer. */
  const pupils = computed(() => shownFirst.value?.rows ?? results.value.value);
  /** How many young people match: known before their rows when the first screen is shown. */
  const matching = computed(() => shownFirst.value?.total ?? results.value.value.length);
  /** Whether only the first rows are shown while the rest are read. */
  const partial = computed(() => shownFirst.value !== null);
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
    pupils,
    matching,
    partial,
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
