import { defineStore } from 'pinia';
import { onScopeDispose, ref, shallowRef, watch } from 'vue';
import type { Pupil } from '@shared/model';
import { emptyPupilFilters, type PupilFilters, type PupilSort } from '@shared/pupils/list';
import { db } from '../../db/database';
import { findPupils } from '../../db/pupils';
import { onPupilListChange } from '../../db/pupil-list';
import { useLiveQuery } from '../../app/useLiveQuery';

/**
 * The pupil list's search, filters and sort: kept in a store so coming back from a pupil's page
 * shows the same list the adviser left.
 */
export const usePupilListStore = defineStore('pupil-list', () => {
  const filters = ref<PupilFilters>(emptyPupilFilters());
  const sort = ref<PupilSort>('name');
  // The query follows the filters as they are typed, a moment after the last keystroke.
  const debounced = ref<PupilFilters>({ ...filters.value });
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(filters, (next) => {
    clearTimeout(timer);
    timer = setTimeout(() => { debounced.value = { ...next }; }, 60);
  }, { deep: true });

  // The list is answered from the in-memory index, which says when pupils change (here or in another
  // window); only the newest query's answer is shown, so a slow one cannot overwrite a later one.
  const pupils = shallowRef<Pupil[]>([]);
  const loading = shallowRef(true);
  const error = shallowRef<Error | null>(null);
  let latest = 0;
  async function refresh(): Promise<void> {
    const query = ++latest;
    loading.value = true;
    try {
      const found = await findPupils(db, debounced.value, sort.value);
      if (query === latest) [pupils.value, error.value] = [found, null];
    } catch (failure) {
      if (query === latest) error.value = failure instanceof Error ? failure : new Error(String(failure));
    } finally {
      if (query === latest) loading.value = false;
    }
  }
  watch([debounced, sort], () => void refresh(), { immediate: true });
  onScopeDispose(onPupilListChange(db, () => void refresh()));
  const schools = useLiveQuery(() => db.schools.orderBy('name').toArray(), []);

  /** Young people chosen for a batch export; kept while the filters change. */
  const selected = ref<Set<string>>(new Set());
  function toggleSelected(id: string, on: boolean): void {
    const next = new Set(selected.value);
    if (on) next.add(id);
    else next.delete(id);
    selected.value = next;
  }
  function selectAllMatching(): void {
    selected.value = new Set([...selected.value, ...pupils.value.map((p) => p.id)]);
  }
  function clearSelection(): void {
    selected.value = new Set();
  }

  function clearFilters(): void {
    filters.value = emptyPupilFilters();
  }

  return { filters, sort, pupils, loading, error, schools: schools.value, clearFilters, selected, toggleSelected, selectAllMatching, clearSelection };
});
