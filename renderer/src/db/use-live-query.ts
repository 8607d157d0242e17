import { liveQuery } from 'dexie';
import { onScopeDispose, shallowRef, watch, type Ref, type WatchSource } from 'vue';

/**
 * A Dexie live query as a Vue ref: re-runs when the tables it read change, and stops when the
 * component goes away. `deps` re-subscribe the query when its inputs (filters, ids) change.
 */
export function useLiveQuery<T>(
  query: () => Promise<T>,
  initial: T,
  deps: WatchSource[] = [],
): { value: Ref<T>; loading: Ref<boolean>; error: Ref<Error | null> } {
  const value = shallowRef(initial) as Ref<T>;
  const loading = shallowRef(true);
  const error = shallowRef<Error | null>(null);
  let subscription: { unsubscribe(): void } | null = null;

  function subscribe(): void {
    subscription?.unsubscribe();
    loading.value = true;
    subscription = liveQuery(query).subscribe({
      next: (result) => {
        value.value = result;
        loading.value = false;
        error.value = null;
      },
      error: (failure: unknown) => {
        error.value = failure instanceof Error ? failure : new Error(String(failure));
        loading.value = false;
      },
    });
  }

  subscribe();
  if (deps.length > 0) watch(deps, subscribe);
  onScopeDispose(() => subscription?.unsubscribe());
  return { value, loading, error };
}
