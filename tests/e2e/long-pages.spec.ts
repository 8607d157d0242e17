import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, openWithDemoData, recordAgreement } from './support';

// Issue 19, 4 and 3.9: long pages given a desktop app's structure (sortable, paged tables; tabs; sections
// that fold), lists that keep their filters, sort and page when the adviser leaves and comes back, and
// selects that never cut their text. Heights are layout, not timing: they are asserted with demo data.

const pageHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);

async function goTo(page: Page, link: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
}

/** The text of one column of a table's body rows (header cells count as cells). */
async function column(table: Locator, index: number): Promise<string[]> {
  return table
    .locator('tbody tr')
    .evaluateAll(
      (rows, i) => rows.map((row) => (row.querySelectorAll('th, td')[i] as HTMLElement | undefined)?.innerText.trim() ?? ''),
      index,
    );
}

const inOrder = (values: string[], direction: 'ascending' | 'descending') => {
  const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
  const known = values.filter((v) => v !== 'Not recorded');
  const sorted = [...known].sort((a, b) => (direction === 'ascending' ? 1 : -1) * collator.compare(a, b));
  // Missing values go last whichever way.
  return [...sorted, ...values.filter((v) => v === 'Not recorded')];
};

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('the employer list sorts by a column from the keyboard, saying so with aria-sort, and pages', async ({ page }) => {
  await openWithDemoData(page);
  await goTo(page, 'Employers');
  const table = page.getByTestId('employer-table');
  await expect(table).toBeVisible();
  const nameHeader = table.getByRole('columnheader', { name: 'Employer' });
  const townHeader = table.getByRole('columnheader', { name: 'Town' });
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(townHeader).toHaveAttribute('aria-sort', 'none');
  expect(await column(table, 0)).toEqual(inOrder(await column(table, 0), 'ascending'));

  // Tab to the Town header's button and press Enter, then Space to turn it round.
  const townButton = townHeader.getByRole('button', { name: 'Town' });
  await townButton.focus();
  await page.keyboard.press('Enter');
  await expect(townHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(nameHeader).toHaveAttribute('aria-sort', 'none');
  const ascending = await column(table, 1);
  expect(ascending).toEqual(inOrder(ascending, 'ascending'));
  await page.keyboard.press('Space');
  await expect(townHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(townButton).toBeFocused();
  const descending = await column(table, 1);
  expect(descending).toEqual(inOrder(descending, 'descending'));
  expect(descending).not.toEqual(ascending);

  // 20 a page.
  const count = Number((await page.getByTestId('employer-count').textContent())?.match(/\d+/)?.[0]);
  expect(count).toBeGreaterThan(20);
  const pager = page.getByRole('navigation', { name: 'Pages of employers' });
  await expect(pager).toContainText(`Showing 1–20 of ${count} (page 1 of ${Math.ceil(count / 20)})`);
  await expect(table.locator('tbody tr')).toHaveCount(20);
  await expectAccessible(page, 'the employer list sorted by town');
  expect(await pageHeight(page)).toBeLessThan(3000);
});

test('the route list pages, sorts, and folds its providers away', async ({ page }) => {
  await openWithDemoData(page);
  await goTo(page, 'Routes');
  const table = page.getByTestId('route-table');
  await expect(table).toBeVisible();
  const count = Number((await page.getByTestId('route-count').textContent())?.match(/\d+/)?.[0]);
  expect(count).toBeGreaterThan(40);
  const pager = page.getByRole('navigation', { name: 'Pages of routes' });
  await expect(pager).toContainText(`Showing 1–20 of ${count} (page 1 of ${Math.ceil(count / 20)})`);
  await expect(pager.getByRole('button', { name: /^Previous/ })).toBeDisabled();
  const firstPage = await column(table, 0);
  await pager.getByRole('button', { name: /^Next/ }).click();
  await expect(pager).toContainText(`Showing 21–40 of ${count}`);
  const secondPage = await column(table, 0);
  expect(secondPage).toHaveLength(20);
  expect(secondPage).not.toEqual(firstPage);

  await pager.getByLabel('Per page').selectOption('50');
  await expect(pager).toContainText(`Showing 1–50 of ${count}`);
  await expect(page.getByTestId('route-row')).toHaveCount(50);
  await pager.getByLabel('Per page').selectOption('20');

  // Sorting by provider puts the providers in order, and starts again at page 1.
  await table.getByRole('button', { name: 'Provider and campus' }).click();
  await expect(table.getByRole('columnheader', { name: 'Provider and campus' })).toHaveAttribute('aria-sort', 'ascending');
  const providers = (await column(table, 2)).map((text) => text.split('\n')[0] ?? '');
  expect(providers).toEqual(inOrder(providers, 'ascending'));
  await expect(pager).toContainText(`Showing 1–20 of ${count}`);

  await expect(page.getByTestId('provider-table')).toBeHidden();
  await page.getByText(/^Show the \d+ providers$/).click();
  await expect(page.getByTestId('provider-table')).toBeVisible();
  await expectAccessible(page, 'the route list with its providers shown');
  await page.getByText(/^Hide the \d+ providers$/).click();
  expect(await pageHeight(page)).toBeLessThan(3000);
});

test('each list keeps its filters, sort and page after leaving it and coming back', async ({ page }) => {
  await openWithDemoData(page);
  await goTo(page, 'Employers');
  await expect(page.getByTestId('employer-table')).toBeVisible();
  const everyone = await page.getByTestId('employer-count').textContent();
  // The search matches the start of a name: the first letter of the first employer listed.
  const letter = (await page.getByTestId('employer-table').locator('tbody th').first().innerText()).slice(0, 1);
  await page.getByRole('searchbox', { name: 'Search by name' }).fill(letter);
  await expect(page.getByTestId('employer-count')).not.toHaveText(everyone ?? '');
  await page.getByTestId('employer-table').getByRole('button', { name: 'Sector' }).click();
  await expect(page.getByTestId('employer-table').getByRole('columnheader', { name: 'Sector' })).toHaveAttribute('aria-sort', 'ascending');
  const employersShown = await page.getByTestId('employer-count').textContent();

  await goTo(page, 'Routes');
  await expect(page.getByTestId('route-table')).toBeVisible();
  const allRoutes = await page.getByTestId('route-count').textContent();
  await page.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Apprenticeship' });
  await expect(page.getByTestId('route-count')).not.toHaveText(allRoutes ?? '');
  const routesShown = await page.getByTestId('route-count').textContent();
  await page.getByRole('navigation', { name: 'Pages of routes' }).getByRole('button', { name: /^Next/ }).click();
  await expect(page.getByRole('navigation', { name: 'Pages of routes' })).toContainText('Showing 21–');

  await goTo(page, 'Placements');
  await page.getByRole('checkbox', { name: 'Needs action' }).check();

  await goTo(page, 'Sessions');
  await page.getByRole('tab', { name: 'Recent sessions' }).click();

  await goTo(page, 'Work experience');
  await page.getByRole('combobox', { name: 'Year group' }).selectOption({ index: 0 });
  const yearChosen = await page.getByRole('combobox', { name: 'Year group' }).locator('option:checked').textContent();
  await expect(page).toHaveURL(/year=/);

  await page.goto('/#/data/audit');
  await page.getByLabel('Action').selectOption({ label: 'Added' });

  // Back to each, by the menu, as an adviser would.
  await goTo(page, 'Employers');
  await expect(page.getByRole('searchbox', { name: 'Search by name' })).toHaveValue(letter);
  await expect(page.getByTestId('employer-table').getByRole('columnheader', { name: 'Sector' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByTestId('employer-count')).toHaveText(employersShown ?? '');

  await goTo(page, 'Routes');
  await expect(page.getByRole('combobox', { name: 'Kind' }).locator('option:checked')).toHaveText('Apprenticeship');
  await expect(page.getByTestId('route-count')).toHaveText(routesShown ?? '');
  await expect(page.getByRole('navigation', { name: 'Pages of routes' })).toContainText('Showing 21–');

  await goTo(page, 'Placements');
  await expect(page.getByRole('checkbox', { name: 'Needs action' })).toBeChecked();

  await goTo(page, 'Sessions');
  await expect(page.getByRole('tab', { name: 'Recent sessions' })).toHaveAttribute('aria-selected', 'true');

  await page.goto('/#/data/audit');
  await expect(page.getByLabel('Action').locator('option:checked')).toHaveText('Added');

  await goTo(page, 'Work experience');
  await expect(page.getByRole('combobox', { name: 'Year group' }).locator('option:checked')).toHaveText(yearChosen ?? '');

  // Nothing of it is written where it would outlast the window (a filter may hold a young person's name).
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).not.toContain('Apprenticeship');
  expect(stored).not.toContain(`"text":"${letter}"`);
});

test('the Sessions page opens short, in tabs worked by the arrow keys, recent sessions newest first', async ({ page }) => {
  await openWithDemoData(page);
  await goTo(page, 'Sessions');
  const actionsTab = page.getByRole('tab', { name: /^My open actions \(\d+\)$/ });
  const recentTab = page.getByRole('tab', { name: 'Recent sessions' });
  await expect(actionsTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toContainText('My open actions');
  await expect(page.getByTestId('open-actions').locator('tbody tr')).toHaveCount(20);
  await expect(page.getByRole('navigation', { name: 'Pages of open actions' })).toContainText(/Showing 1–20 of \d+/);
  expect(await pageHeight(page)).toBeLessThan(3000);
  await expectAccessible(page, 'the Sessions page, open actions tab');

  await actionsTab.focus();
  await page.keyboard.press('ArrowRight');
  await expect(recentTab).toBeFocused();
  await expect(recentTab).toHaveAttribute('aria-selected', 'true');
  await expect(actionsTab).toHaveAttribute('tabindex', '-1');
  const recent = page.getByTestId('recent-sessions');
  await expect(recent).toBeVisible();
  await expect(page.getByTestId('open-actions')).toHaveCount(0);
  // Dates as dd/mm/yyyy hh:mm, newest first.
  const when = (await column(recent, 0)).map((text) => {
    const [d, m, y] = text.slice(0, 10).split('/');
    return `${y}-${m}-${d}${text.slice(10)}`;
  });
  expect(when.length).toBeGreaterThan(1);
  expect(when).toEqual([...when].sort().reverse());
  expect(await pageHeight(page)).toBeLessThan(3000);
  await expectAccessible(page, 'the Sessions page, recent sessions tab');

  await page.keyboard.press('ArrowRight');
  await expect(actionsTab).toBeFocused();
  await page.keyboard.press('End');
  await expect(recentTab).toBeFocused();
  await page.keyboard.press('Home');
  await expect(actionsTab).toHaveAttribute('aria-selected', 'true');
});

test('the return preview opens short, and every group of tables opens to its tables', async ({ page }) => {
  test.setTimeout(120_000);
  await openWithDemoData(page);
  await goTo(page, 'Returns');
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByTestId('return-preview');
  await expect(preview).toBeVisible({ timeout: 30_000 });
  expect(await pageHeight(page)).toBeLessThan(3000);
  // Only the summary's table shows; the tidy data and every group of tables wait to be opened.
  await expect(preview.locator('details').getByRole('table')).toHaveCount(0);
  await expectAccessible(page, 'the return preview, closed');

  // Each group, opened with the keyboard, shows its tables, each under its own heading.
  const groups = preview.locator('details.return-group');
  const groupCount = await groups.count();
  expect(groupCount).toBeGreaterThan(5);
  let tables = 0;
  for (let i = 0; i < groupCount; i++) {
    const group = groups.nth(i);
    const summary = group.locator('summary');
    const expected = Number((await summary.textContent())?.match(/\((\d+) tables?\)/)?.[1]);
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(group.getByRole('table')).toHaveCount(expected);
    await expect(group.getByRole('heading', { level: 3 })).toHaveCount(expected);
    tables += expected;
    await page.keyboard.press('Enter');
    await expect(group.getByRole('table')).toHaveCount(0);
  }
  await preview.getByRole('button', { name: 'Open every table' }).click();
  await expect(preview.locator('details.return-group').getByRole('table')).toHaveCount(tables);
  await preview.getByRole('button', { name: 'Close every table' }).click();
  // Only the summary's table shows; the tidy data and every group of tables wait to be opened.
  await expect(preview.locator('details').getByRole('table')).toHaveCount(0);
});

test('the pseudonymised extract is previewed a page at a time, every row reachable', async ({ page }) => {
  await openWithDemoData(page);
  await goTo(page, 'Returns');
  await page.getByLabel('Pseudonymised extract (one row a young person)').check();
  await page.getByLabel('New recipient').fill('Kent NEET tracking team');
  await page.getByRole('button', { name: 'Add recipient' }).click();
  await recordAgreement(page, 'Kent NEET tracking team');
  await page.getByLabel('Pseudonymised extract (one row a young person)').check();
  await page.getByLabel('Recipient', { exact: true }).selectOption({ label: 'Kent NEET tracking team' });
  await page.getByRole('button', { name: 'Preview' }).click();
  const rows = page.getByTestId('extract-preview').locator('tbody tr');
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  const total = Number((await page.getByText(/^\d+ rows, one a young person/).textContent())?.match(/^\d+/)?.[0]);
  expect(total).toBeGreaterThan(20);
  const pager = page.getByRole('navigation', { name: 'Pages of extract rows' });
  await expect(pager).toContainText(`Showing 1–20 of ${total}`);
  await expect(rows).toHaveCount(20);
  // The form and the recipients take their room above; the rows no longer add 100 wrapped lines under them.
  const short = await pageHeight(page);
  expect(short).toBeLessThan(4000);
  await pager.getByLabel('Per page').selectOption('100');
  await expect(rows).toHaveCount(Math.min(100, total));
  expect(await pageHeight(page)).toBeGreaterThan(short);
  const lastPage = Math.ceil(total / 100);
  for (let p = 1; p < lastPage; p++) await pager.getByRole('button', { name: /^Next/ }).click();
  await expect(pager).toContainText(`of ${total} (page ${lastPage} of ${lastPage})`);
  await expect(rows).toHaveCount(total - (lastPage - 1) * 100);
  await expectAccessible(page, 'the extract preview, last page');
});

test('Today, the placements desk and the Dashboard stay short with demo data; reviews due can be shown whole', async ({ page }) => {
  await openWithDemoData(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  const reviews = page.getByTestId('today-reviews');
  await expect(reviews.getByRole('listitem').first()).toBeVisible();
  expect(await pageHeight(page)).toBeLessThan(3000);
  const total = Number((await reviews.getByRole('heading', { level: 2 }).textContent())?.match(/\((\d+)\)/)?.[1]);
  if (total > 8) {
    await expect(reviews.getByRole('listitem')).toHaveCount(8);
    await reviews.getByRole('button', { name: `Show all ${total} reviews due this week` }).click();
    await expect(reviews.getByRole('listitem')).toHaveCount(total);
    await expectAccessible(page, 'Today with every review shown');
    await reviews.getByRole('button', { name: /^Show the first 8/ }).click();
    await expect(reviews.getByRole('listitem')).toHaveCount(8);
  }

  await goTo(page, 'Placements');
  const desk = page.getByTestId('desk-table');
  await expect(desk).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Pages of placements' })).toContainText(/Showing 1–20 of \d+/);
  await desk.getByRole('button', { name: 'Employer' }).click();
  await expect(desk.getByRole('columnheader', { name: 'Employer' })).toHaveAttribute('aria-sort', 'ascending');
  const employers = (await column(desk, 3)).filter((name) => name !== '');
  expect(employers).toEqual(inOrder(employers, 'ascending'));
  expect(await pageHeight(page)).toBeLessThan(4000);
  await expectAccessible(page, 'the placements desk sorted by employer');

  // The Dashboard's charts keep their tables closed until asked for, so it opens shorter.
  await goTo(page, 'Dashboard');
  const tableToggles = page.locator('section.chart details > summary');
  await expect.poll(() => tableToggles.count(), { timeout: 30_000 }).toBeGreaterThan(5);
  const closedHeight = await pageHeight(page);
  await tableToggles.first().click();
  await expect(page.locator('section.chart details[open]').getByRole('table')).toBeVisible();
  expect(await pageHeight(page)).toBeGreaterThan(closedHeight);
  expect(closedHeight).toBeLessThan(4000);
});

/** Each select on the page, its width and the width it takes with room for every choice. */
async function cutSelects(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('select'))
      .filter((select) => select.offsetParent !== null)
      .flatMap((select) => {
        // A copy with no limit on its width takes the width of its longest choice.
        const free = select.cloneNode(true) as HTMLSelectElement;
        free.style.cssText = 'position:absolute;visibility:hidden;max-width:none;width:auto;';
        free.removeAttribute('id');
        // Beside the select, so the same styles (padding, font) apply to it.
        select.after(free);
        const needs = free.getBoundingClientRect().width;
        free.remove();
        const has = select.getBoundingClientRect().width;
        const label = select.labels?.[0]?.textContent?.trim() ?? select.id;
        return has + 1 < needs ? [`${label}: ${Math.round(has)} px of ${Math.round(needs)} px`] : [];
      }),
  );
}

test('no select cuts its text, and the retention Save button sits under its field', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 700 });
  await openWithDemoData(page);
  for (const [path, ready] of [
    ['/#/settings', 'Settings'],
    ['/#/data', 'Data'],
    ['/#/returns', 'Returns'],
    ['/#/dashboard', 'Dashboard'],
    ['/#/matching', 'Matching'],
    ['/#/experiences/cohort', null],
    ['/#/placements', 'Placements'],
    ['/#/routes', 'Post-16 routes'],
    ['/#/data/audit', null],
  ] as const) {
    await page.goto(path);
    if (ready) await expect(page.getByRole('heading', { level: 1, name: ready })).toBeVisible();
    await expect(page.locator('select').first()).toBeVisible();
    expect(await cutSelects(page), `selects cut on ${path}`).toEqual([]);
  }

  await page.goto('/#/data');
  const field = page.getByLabel("Years to keep a record after the young person's final academic year");
  const save = page.getByRole('region', { name: 'Records past their retention date' }).getByRole('button', { name: 'Save', exact: true });
  const [fieldBox, saveBox] = await Promise.all([field.boundingBox(), save.boundingBox()]);
  expect(fieldBox && saveBox).toBeTruthy();
  if (!fieldBox || !saveBox) return;
  // Right under the box it saves, lined up with it.
  expect(Math.abs(saveBox.x - fieldBox.x)).toBeLessThan(4);
  expect(saveBox.y).toBeGreaterThanOrEqual(fieldBox.y + fieldBox.height);
  expect(saveBox.y - (fieldBox.y + fieldBox.height)).toBeLessThan(30);
  await expectAccessible(page, 'the Data page');
});
