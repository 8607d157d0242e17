import { defineStore } from 'pinia';
import { watchDebounced } from '@vueuse/core';
import { ref } from 'vue';
import type { Employer } from '@shared/model';
import { emptyEmployerFilters, type EmployerFilters } from '@shared/employers/list';
import type { EmployerRecordInput } from '@shared/employers/form';
import { useLiveQuery } from '../../db/use-live-query';
import { useRepositories } from '../../db/repositories';

/**
 * The employer directory's search and filters, kept in a store so coming back from an employer's page
 * shows the same list the adviser left; and saving an employer as the adviser using this computer.
 */
export const useEmployerStore = defineStore('employers', () => {
  const repos = useRepositories();
  const filters = ref<EmployerFilters>(emptyEmployerFilters());
  // The query follows the filters as they are typed; Dexie re-runs it when employers change.
  const debounced = ref<EmployerFilters>({ ...filters.value });
  watchDebounced(
    filters,
    (next) => {
      debounced.value = { ...next };
    },
    { debounce: 60, deep: true },
  );

  const results = useLiveQuery(() => repos.employers.find(debounced.value), [] as Employer[], [debounced]);

  function clearFilters(): void {
    filters.value = emptyEmployerFilters();
  }

  /** Adds or updates an employer (already checked by checkEmployerForm), audited as the current adviser. */
  function save(record: EmployerRecordInput, id?: string): Promise<Employer> {
    return repos.employers.save({ ...record, id });
  }

  return { filters, employers: results.value, loading: results.loading, error: results.error, clearFilters, save };
});
