import { expect, test, type Locator, type Page } from '@playwright/test';
import { yearGroupOf, type YearGroupOverride } from '../../shared/academic-year';
import { expectAccessible, localToday, openWithDemoData, readTable, watchWorkers } from './support';

interface StoredPupil {
  id: string;
  legalForename: string;
  legalSurname: string;
  preferredForename: string;
  preferredSurname: string;
  riskBand: 'low' | 'medium' | 'high' | null;
  homeEducated: boolean;
  leftOn: string | null;
  dateOfBirth: string;
  yearGroupOverride: YearGroupOverride | null;
}

/** Opens the app with demo data and goes to the Dashboard, the charts' own page (Today is the landing page). */
async function openDashboard(page: Page): Promise<void> {
  await openWithDemoData(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  // Each chart's table is closed until asked for: open them all, as a keyboard user would, one by one.
  const tables = page.locator('section.chart details > summary');
  await expect.poll(() => tables.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(CHART_HEADINGS.length);
  await expect(page.locator('section.chart details[open]')).toHaveCount(0);
  const charts = await tables.count();
  for (const summary of await tables.all()) {
    await summary.focus();
    await page.keyboard.press('Enter');
  }
  await expect(page.locator('section.chart details[open]')).toHaveCount(charts);
}

const CHART_HEADINGS = [
  'Guidance sessions per month',
  'Personal guidance by year group (Gatsby Benchmark 8)',
  'Encounters with providers against the Provider Access targets',
  'Risk of NEET',
  'Work-experience placements by status',
  'Intended destinations',
];

/**
 * The middle of one bar (a group, and a part of it for a split bar) on a chart's canvas, from the
 * Chart.js instance that vue-chartjs exposes on its component (found by walking the Vue app's tree).
 */
async function barCentre(canvas: Locator, group: number, segment: number): Promise<{ x: number; y: number }> {
  return canvas.evaluate(
    (target, [g, s]) => {
      interface BarPoint {
        getCenterPoint(): { x: number; y: number };
      }
      interface ChartLike {
        canvas: HTMLCanvasElement;
        getDatasetMeta(index: number): { data: BarPoint[] };
      }
      interface Instance {
        exposed: { chart?: { value: ChartLike | null } } | null;
        subTree: VNode | null;
      }
      interface VNode {
        component: Instance | null;
        children: unknown;
        suspense: { activeBranch: VNode | null } | null;
      }
      const app = (document.querySelector('#app') as unknown as { __vue_app__: { _container: { _vnode: VNode } } }).__vue_app__;
      const stack: unknown[] = [app._container._vnode];
      while (stack.length > 0) {
        const vnode = stack.pop() as VNode | null;
        if (!vnode || typeof vnode !== 'object') continue;
        const chart = vnode.component?.exposed?.chart?.value;
        if (chart && chart.canvas === target) return chart.getDatasetMeta(s).data[g]!.getCenterPoint();
        if (vnode.component?.subTree) stack.push(vnode.component.subTree);
        if (vnode.suspense?.activeBranch) stack.push(vnode.suspense.activeBranch);
        if (Array.isArray(vnode.children)) stack.push(...vnode.children);
      }
      throw new Error('No chart found for this canvas');
    },
    [group, segment] as const,
  );
}

test('the dashboard charts the caseload, and a bar or a table button lists the young people behind it', async ({ page }) => {
  // The figures are worked out in a worker, so a county's caseload cannot freeze the window.
  const workers = watchWorkers(page);
  await openDashboard(page);
  await expect(page.getByTestId('caseload-counts')).toBeVisible();
  await expect(page.getByLabel('Period', { exact: true })).toHaveValue('this-year');
  for (const heading of CHART_HEADINGS) await expect(page.getByRole('heading', { level: 3, name: heading, exact: true })).toBeVisible();
  expect(workers.started.some((url) => url.includes('dashboard.worker'))).toBe(true);
  expect(workers.fellBack).toEqual([]);

  // Demo young people are all in Years 8 to 13 and none has left, so every one is in scope this year.
  const pupils = await readTable<StoredPupil>(page, 'pupils');
  const today = await localToday(page);
  expect(pupils.every((p) => p.leftOn === null && yearGroupOf(p, today) >= 7 && yearGroupOf(p, today) <= 13)).toBe(true);
  await expect(page.getByTestId('dashboard-status')).toContainText(`${pupils.length} young people in scope`);
  const high = pupils.filter((p) => p.riskBand === 'high');
  const medium = pupils.filter((p) => p.riskBand === 'medium');
  expect(high.length).toBeGreaterThan(0);
  expect(medium.length).toBeGreaterThan(0);

  const risk = page.getByRole('region', { name: 'Risk of NEET' });
  const canvas = risk.getByRole('img');
  await expect(canvas).toHaveAttribute('aria-label', new RegExp(`Medium ${medium.length}, High ${high.length},`));

  // Click the "High" bar on the chart itself.
  await canvas.click({ position: await barCentre(canvas, 2, 0) });
  const list = risk.getByTestId('pupils-behind');
  const listHeading = list.getByRole('heading', { level: 4 });
  await expect(listHeading).toHaveText(`${high.length} young people: High`);
  await expect(listHeading).toBeFocused();
  await expect(list).toContainText('never exported');
  await expect(list.getByRole('link')).toHaveCount(Math.min(high.length, 100));

  // The same for "Medium" from the table beneath the chart: exactly the young people stored with that band.
  await risk.getByRole('button', { name: `Show the ${medium.length} young people for Medium`, exact: true }).click();
  await expect(listHeading).toHaveText(`${medium.length} young people: Medium`);
  while (await list.getByRole('button', { name: /^Show \d+ more$/ }).isVisible())
    await list.getByRole('button', { name: /^Show \d+ more$/ }).click();
  const hrefs = await list.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.map((href) => href.split('/').pop()).sort()).toEqual(medium.map((p) => p.id).sort());

  await expectAccessible(page, 'the dashboard with a list of young people open');

  // A name leads to the young person's page.
  const first = list.getByRole('link').first();
  const name = (await first.textContent())!.trim();
  await first.click();
  await expect(page).toHaveURL(/#\/pupils\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
});

test('a split bar on the Benchmark 8 chart lists its young people, and the scope narrows every chart', async ({ page }) => {
  await openDashboard(page);
  const pupils = await readTable<StoredPupil>(page, 'pupils');
  // The period is this school year: year groups as they are today.
  const today = await localToday(page);
  const yearOf = (p: StoredPupil) => yearGroupOf(p, today);
  const benchmark = page.getByRole('region', { name: 'Personal guidance by year group (Gatsby Benchmark 8)' });
  const table = benchmark.getByRole('table');
  const year11 = table.getByRole('row', { name: /^Year 11 Benchmark 8/ });
  // Cells after the row header: had the meetings expected, not yet, total, share.
  const notYet = Number(await year11.getByRole('cell').nth(1).locator('.figure').textContent());
  const total = Number(await year11.getByRole('cell').nth(2).textContent());
  expect(total).toBe(pupils.filter((p) => yearOf(p) === 11).length);

  // One bar per year group present (and always Years 11 and 13); Year 11's second part is "Not yet".
  const canvas = benchmark.getByRole('img');
  const yearGroups = [...new Set(pupils.map(yearOf))]
    .filter((y) => y !== 11 && y !== 13)
    .concat([11, 13])
    .sort((a, b) => a - b);
  if (notYet > 0) {
    await canvas.click({ position: await barCentre(canvas, yearGroups.indexOf(11), 1) });
    await expect(benchmark.getByTestId('pupils-behind').getByRole('heading', { level: 4 })).toHaveText(
      `${notYet === 1 ? '1 young person' : `${notYet} young people`}: Year 11: Not yet`,
    );
    await expect(benchmark.getByTestId('pupils-behind').getByRole('link')).toHaveCount(Math.min(notYet, 100));
  }

  await page.getByLabel('Young people', { exact: true }).selectOption('home-educated');
  const home = pupils.filter((p) => p.homeEducated).length;
  await expect(page.getByTestId('dashboard-status')).toContainText(`${home} young people in scope: home-educated young people`);
  await expect(benchmark.getByTestId('pupils-behind')).toBeHidden();
  const riskTable = page.getByRole('region', { name: 'Risk of NEET' }).getByRole('table');
  await expect(riskTable.locator('tfoot td').first()).toHaveText(String(home));

  await page.getByLabel('Period', { exact: true }).selectOption('last-year');
  await expect(page.getByTestId('dashboard-status')).toContainText('home-educated young people');
  await expect(page.getByRole('region', { name: 'Guidance sessions per month' }).getByRole('table').getByRole('row')).toHaveCount(12 + 2);
  await expectAccessible(page, 'the dashboard for last year');
});

test('the list behind a bar keeps each name apart from its details, and Benchmark 8 adds up no different measures', async ({ page }) => {
  await openDashboard(page);
  const risk = page.getByRole('region', { name: 'Risk of NEET' });
  await risk.getByRole('button', { name: /^Show the \d+ young people for High$/ }).click();
  const item = risk.getByTestId('pupils-behind').getByRole('listitem').first();
  const name = (await item.getByRole('link').textContent())!.trim();
  // Read (and copied) as "Name (Year 11, School)", never "NameYear 11, School"; shown on two lines.
  expect((await item.textContent())!.replace(/\s+/g, ' ').trim()).toMatch(
    new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(Year \\d+, .+\\)$`),
  );
  const [nameBox, detailBox] = await Promise.all([item.getByRole('link').boundingBox(), item.locator('.behind__detail').boundingBox()]);
  expect(detailBox!.y).toBeGreaterThanOrEqual(nameBox!.y + nameBox!.height - 1);

  // Year 11 (one meeting by 16) and Year 13 (two by 18) are not added together into one share.
  const benchmark = page.getByRole('region', { name: 'Personal guidance by year group (Gatsby Benchmark 8)' });
  await expect(benchmark.getByRole('table').getByRole('row', { name: /^Total/ })).toHaveCount(0);
  await expect(benchmark.getByTestId('no-total')).toHaveText(
    'No total: each year group is measured against its own expectation, shown beside it.',
  );
  // A chart of one measure keeps its total.
  await expect(risk.getByRole('table').getByRole('row', { name: /^Total/ })).toHaveCount(1);
});
