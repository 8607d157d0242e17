import { describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { nextTick, ref } from 'vue';
import { ariaSortOf, nextSort, pageOf, pageSummary, sortRows, type SortColumns } from '@renderer/ui/list-view';
import { useListView, usePageState, usePageStateStore } from '@renderer/ui/page-state';

interface Employer {
  name: string;
  town: string | null;
  offers: number;
}
const employers: Employer[] = [
  { name: 'bramble farm', town: 'Ashford', offers: 2 },
  { name: 'Acorn Garage', town: null, offers: 10 },
  { name: 'Canterbury Dental', town: 'Canterbury', offers: 2 },
  { name: 'Abbey Physio', town: 'Ashford', offers: 1 },
];
const columns: SortColumns<Employer> = { name: (e) => e.name, town: (e) => e.town, offers: (e) => e.offers };
const names = (rows: Employer[]) => rows.map((r) => r.name);

describe('sorting a list by a column (renderer/src/ui/list-view)', () => {
  it('sorts text in English order ignoring case, and turns round on a second press', () => {
    expect(names(sortRows(employers, { key: 'name', direction: 'ascending' }, columns))).toEqual([
      'Abbey Physio',
      'Acorn Garage',
      'bramble farm',
      'Canterbury Dental',
    ]);
    const again = nextSort({ key: 'name', direction: 'ascending' }, 'name');
    expect(again).toEqual({ key: 'name', direction: 'descending' });
    expect(names(sortRows(employers, again, columns))[0]).toBe('Canterbury Dental');
  });

  it('sorts numbers by size, not as text, keeping the list order among ties', () => {
    expect(names(sortRows(employers, { key: 'offers', direction: 'descending' }, columns))).toEqual([
      'Acorn Garage',
      'bramble farm',
      'Canterbury Dental',
      'Abbey Physio',
    ]);
  });

  it('puts a missing value last whichever way the column is sorted', () => {
    expect(names(sortRows(employers, { key: 'town', direction: 'ascending' }, columns)).at(-1)).toBe('Acorn Garage');
    expect(names(sortRows(employers, { key: 'town', direction: 'descending' }, columns)).at(-1)).toBe('Acorn Garage');
  });

  it('keeps the list order when no column or an unknown one is chosen, without changing the list given', () => {
    const given = [...employers];
    expect(sortRows(employers, { key: null, direction: 'ascending' }, columns)).toEqual(given);
    expect(sortRows(employers, { key: 'sector', direction: 'descending' }, columns)).toEqual(given);
    expect(employers).toEqual(given);
  });

  it('starts a new column ascending and says aria-sort only on the sorted column', () => {
    expect(nextSort({ key: 'name', direction: 'descending' }, 'town')).toEqual({ key: 'town', direction: 'ascending' });
    expect(ariaSortOf({ key: 'town', direction: 'descending' }, 'town')).toBe('descending');
    expect(ariaSortOf({ key: 'town', direction: 'descending' }, 'name')).toBe('none');
  });
});

describe('paging a list', () => {
  const rows = Array.from({ length: 312 }, (_, i) => i + 1);

  it('shows 25 at a time and says which', () => {
    const third = pageOf(rows, 3, 25);
    expect(third.rows[0]).toBe(51);
    expect(third.rows).toHaveLength(25);
    expect(pageSummary(third)).toBe('Showing 51–75 of 312');
    expect(third.pageCount).toBe(13);
    const last = pageOf(rows, 13, 25);
    expect(last.rows).toEqual([301, 302, 303, 304, 305, 306, 307, 308, 309, 310, 311, 312]);
    expect(pageSummary(last)).toBe('Showing 301–312 of 312');
  });

  it('lands on the last page when the page asked for is past the end, and on the first below it', () => {
    expect(pageOf(rows, 99, 50).page).toBe(7);
    expect(pageOf(rows, 99, 50).rows[0]).toBe(301);
    expect(pageOf(rows, 0, 50).page).toBe(1);
  });

  it('says all or nothing when one page holds them', () => {
    expect(pageSummary(pageOf(rows.slice(0, 12), 1, 25))).toBe('Showing all 12');
    expect(pageSummary(pageOf([7], 1, 25))).toBe('Showing 1');
    expect(pageSummary(pageOf([], 1, 25))).toBe('Nothing to show');
    expect(
      pageSummary(
        pageOf(
          Array.from({ length: 1200 }, () => 0),
          2,
          100,
        ),
      ),
    ).toBe('Showing 101–200 of 1,200');
  });
});

describe("each page's list state, kept while the window is open (renderer/src/ui/page-state)", () => {
  it('gives a page back the state it left, and each page its own', () => {
    setActivePinia(createPinia());
    const filters = usePageState('employers/filters', () => ({ text: '' }));
    filters.value.text = 'bramble';
    expect(usePageState('employers/filters', () => ({ text: '' })).value.text).toBe('bramble');
    expect(usePageState('routes/filters', () => ({ text: '' })).value.text).toBe('');
    usePageStateStore().forget();
    expect(usePageState('employers/filters', () => ({ text: '' })).value.text).toBe('');
  });

  it('sorts and pages a list, keeps the sort and page for the next visit, and starts a new search at page 1', async () => {
    setActivePinia(createPinia());
    const all = ref(Array.from({ length: 60 }, (_, i) => ({ name: `Employer ${String(i + 1).padStart(2, '0')}` })));
    const search = ref('');
    const cols = { name: (r: { name: string }) => r.name };
    const view = useListView('employers', all, cols, { sort: { key: 'name', direction: 'ascending' }, resetOn: search });
    expect(view.ariaSort('name')).toBe('ascending');
    view.sortBy('name');
    await nextTick();
    expect(view.rows.value[0]?.name).toBe('Employer 60');
    view.page.value = 3;
    expect(view.summary.value).toBe('Showing 41–60 of 60');

    const again = useListView('employers', all, cols, { resetOn: search });
    expect(again.sort.value).toEqual({ key: 'name', direction: 'descending' });
    expect(again.shownPage.value).toBe(3);

    search.value = 'employer 1';
    await nextTick();
    expect(again.shownPage.value).toBe(1);
    // The pager's Previous and Next, then a bigger page, which starts again at page 1.
    again.goTo(2);
    expect(again.summary.value).toBe('Showing 21–40 of 60');
    again.resize(50);
    await nextTick();
    expect(again.shownPage.value).toBe(1);
    expect(again.summary.value).toBe('Showing 1–50 of 60');
  });
});
