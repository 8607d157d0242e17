import { defineStore } from 'pinia';
import { computed, ref, watch, type ComputedRef, type Ref, type WatchSource } from 'vue';
import { PAGE_SIZES, ariaSortOf, nextSort, pageOf, pageSummary, sortRows, type SortColumns, type SortState } from './list-view';

/**
 * What each list page was showing (its filters, sort, page and page size), kept in memory for as long as
 * the window is open, so an adviser who opens an employer and comes back finds the list as they left it.
 * Never in localStorage: a filter may hold a young person's name, and it must not outlive the session.
 */
export const usePageStateStore = defineStore('page-state', () => {
  const states = new Map<string, Ref<unknown>>();

  /** The state kept under `key` ("employers/sort"), made from `initial` the first time it is asked for. */
  function state<T>(key: string, initial: () => T): Ref<T> {
    let kept = states.get(key);
    if (!kept) {
      kept = ref(initial()) as Ref<unknown>;
      states.set(key, kept);
    }
    // Each key is only ever asked for with the one type its page gives it.
    return kept as Ref<T>;
  }

  /** Forgets every page's state: when the computer is locked or the data is cleared. */
  function forget(): void {
    states.clear();
  }

  return { state, forget };
});

/** One page's kept state under `key`; call in setup. */
export function usePageState<T>(key: string, initial: () => T): Ref<T> {
  return usePageStateStore().state(key, initial);
}

export interface ListView<Row> {
  readonly sort: Ref<SortState>;
  readonly page: Ref<number>;
  readonly pageSize: Ref<number>;
  /** The rows of the page shown, sorted. */
  readonly rows: ComputedRef<Row[]>;
  readonly summary: ComputedRef<string>;
  readonly pageCount: ComputedRef<number>;
  /** The page shown after clamping (the kept page may be past the end when the list shrank). */
  readonly shownPage: ComputedRef<number>;
  sortBy(key: string): void;
  /** Shows another page (the pager's Previous and Next), or another number of rows a page. */
  goTo(page: number): void;
  resize(pageSize: number): void;
  ariaSort(key: string): 'ascending' | 'descending' | 'none';
}

/** What a pager reads and moves of a list's view. */
export type Paging = Pick<ListView<unknown>, 'pageSize' | 'summary' | 'pageCount' | 'shownPage' | 'goTo' | 'resize'>;

/**
 * Sorting and paging of one page's list, kept per page under `key`. The page goes back to the first when
 * the sort or page size changes; a filter that narrows the list lands on its last page at most.
 */
export function useListView<Row>(
  key: string,
  all: Readonly<Ref<readonly Row[]>>,
  columns: SortColumns<Row>,
  defaults: { sort?: SortState; pageSize?: number; resetOn?: WatchSource } = {},
): ListView<Row> {
  const sort = usePageState<SortState>(`${key}/sort`, () => defaults.sort ?? { key: null, direction: 'ascending' });
  const page = usePageState(`${key}/page`, () => 1);
  const pageSize = usePageState(`${key}/page-size`, () => defaults.pageSize ?? PAGE_SIZES[1]);
  watch([sort, pageSize], () => {
    page.value = 1;
  });
  // A new search starts at its first page; a row leaving the list (an action marked done) keeps the page.
  if (defaults.resetOn)
    watch(
      defaults.resetOn,
      () => {
        page.value = 1;
      },
      { deep: true },
    );
  const sorted = computed(() => sortRows(all.value, sort.value, columns));
  const current = computed(() => pageOf(sorted.value, page.value, pageSize.value));
  return {
    sort,
    page,
    pageSize,
    rows: computed(() => current.value.rows),
    summary: computed(() => pageSummary(current.value)),
    pageCount: computed(() => current.value.pageCount),
    shownPage: computed(() => current.value.page),
    sortBy: (column) => {
      sort.value = nextSort(sort.value, column);
    },
    ariaSort: (column) => ariaSortOf(sort.value, column),
    goTo: (to) => {
      page.value = to;
    },
    resize: (size) => {
      pageSize.value = size;
    },
  };
}
