import { defineStore } from 'pinia';
import { watchDebounced } from '@vueuse/core';
import { ref } from 'vue';
import type { Provider } from '@shared/model';
import { emptyRouteFilters, type RouteFilters } from '@shared/routes/list';
import type { RouteRow } from '../../db/routes';
import { useLiveQuery } from '../../db/use-live-query';
import { useRepositories } from '../../db/repositories';

/**
 * The routes directory's search and filters, and the providers: kept in a store so coming back from
 * editing a route shows the same list the adviser left.
 */
export const useRouteDirectoryStore = defineStore('route-directory', () => {
  const repos = useRepositories();
  const filters = ref<RouteFilters>(emptyRouteFilters());
  // The query follows the filters as they are typed; Dexie re-runs it when routes or providers change.
  const debounced = ref<RouteFilters>({ ...filters.value });
  watchDebounced(
    filters,
    (next) => {
      debounced.value = { ...next };
    },
    { debounce: 60, deep: true },
  );

  const results = useLiveQuery(() => repos.routes.find(debounced.value), [] as RouteRow[], [debounced]);
  const providersQuery = useLiveQuery(() => repos.routes.providers(), [] as Provider[]);

  function clearFilters(): void {
    filters.value = emptyRouteFilters();
  }

  return { filters, rows: results.value, loading: results.loading, error: results.error, providers: providersQuery.value, clearFilters };
});
