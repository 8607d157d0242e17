import { shallowRef, type Ref } from 'vue';

/**
 * An async question asked again and again (a search as the user types, figures as records change):
 * `refresh()` asks it, and only the newest answer is kept, so a slow earlier one cannot overwrite it.
 */
export function useNewestAnswer<T>(
  ask: () => Promise<T>,
  initial: T,
): { value: Ref<T>; loading: Ref<boolean>; error: Ref<Error | null>; refresh: () => Promise<void> } {
  const value = shallowRef(initial) as Ref<T>;
  const loading = shallowRef(true);
  const error = shallowRef<Error | null>(null);
  let latest = 0;

  async function refresh(): Promise<void> {
    const asked = ++latest;
    loading.value = true;
    try {
      const answer = await ask();
      if (asked === latest) [value.value, error.value] = [answer, null];
    } catch (failure) {
      if (asked === latest) error.value = failure instanceof Error ? failure : new Error(String(failure));
    } finally {
      if (asked === latest) loading.value = false;
    }
  }

  return { value, loading, error, refresh };
}
