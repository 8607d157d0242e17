import { expect, test } from '@playwright/test';
import { expectAccessible, openEmpty, openWithDemoData, readTable } from './support';

const SECTIONS = [
  'Today',
  'Dashboard',
  'Young people',
  'Sessions',
  'Destinations',
  'Employers',
  'Placements',
  'Routes',
  'Matching',
  'Work experience',
  'Compass',
  'Returns',
  'Data',
  'Settings',
];

test('offers demo data on first run, and loading it fills the caseload', async ({ page }) => {
  await page.goto('/');
  const offer = page.getByRole('dialog', { name: 'Welcome to Careers Desk' });
  await expect(offer).toBeVisible();
  await expectAccessible(page, 'the first-run offer');
  await openWithDemoDataFromOffer();
  // Today is the landing page; the Dashboard counts what was loaded.
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard', exact: true }).click();
  const counts = page.getByTestId('caseload-counts');
  await expect(counts).toContainText('Young people');
  await expect(counts.locator('dd').first()).not.toHaveText('0');

  // The offer is answered: a reload does not ask again.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(offer).toBeHidden();

  async function openWithDemoDataFromOffer(): Promise<void> {
    await offer.getByRole('button', { name: 'Load demo data' }).click();
    await expect(offer).toBeHidden({ timeout: 30_000 });
  }
});

test('starting with no data says where to begin, and does not offer again', async ({ page }) => {
  await openEmpty(page);
  await expect(page.getByText('No young people are recorded yet')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('dialog', { name: 'Welcome to Careers Desk' })).toBeHidden();
});

test('every section can be reached from the navigation and passes axe', async ({ page }) => {
  // Axe over nine full pages takes 30 s on two idle cores; more when the machine is shared.
  test.setTimeout(120_000);
  await openWithDemoData(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const section of SECTIONS) {
    await nav.getByRole('link', { name: section, exact: true }).click();
    await expect(nav.getByRole('link', { name: section, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page, `the ${section} section`);
  }
});

test('Settings clears demo data after confirmation', async ({ page }) => {
  await openWithDemoData(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Clear demo data' }).click();
  const confirm = page.getByRole('dialog', { name: 'Clear demo data?' });
  await expect(confirm).toBeVisible();
  await expectAccessible(page, 'the clear demo data confirmation');
  await confirm.getByRole('button', { name: 'Clear demo data' }).click();
  await expect(page.getByRole('status')).toContainText('Demo data cleared');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today', exact: true }).click();
  await expect(page.getByText('No young people are recorded yet')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(page.getByText('No young people are recorded yet')).toBeVisible();
});

test("a page load logs no console error and shows the app's own icon in the tab", async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
  });

  await openWithDemoData(page);
  for (const path of ['/#/', '/#/dashboard', '/#/pupils', '/#/sessions', '/#/settings']) {
    await page.goto(path);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  expect(errors).toEqual([]);
  expect(missing).toEqual([]);

  const icon = await page.locator('link[rel="icon"]').first().getAttribute('href');
  const response = await page.request.get(new URL(icon!, page.url()).href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('image/svg+xml');
});

test('after a click in the menu the page takes focus without a ring; from the keyboard the ring shows', async ({ page }) => {
  await openWithDemoData(page);
  const main = page.locator('#main');
  const ring = () =>
    main.evaluate((element) => {
      const style = getComputedStyle(element);
      return { outline: style.outlineStyle, shadow: style.boxShadow, visible: element.matches(':focus-visible') };
    });
  const nav = page.getByRole('navigation', { name: 'Main' });

  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(main).toBeFocused();
  expect(await ring()).toEqual({ outline: 'none', shadow: 'none', visible: false });

  // From the keyboard: focus still moves to the page, and now it shows.
  await nav.getByRole('link', { name: 'Sessions' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/sessions$/);
  await expect(main).toBeFocused();
  expect(await ring()).toMatchObject({ outline: 'solid', visible: true });
});

test('the first-run demo load shows its progress and can be stopped, adding nothing; loaded again it arrives whole', async ({ page }) => {
  await page.goto('/');
  const offer = page.getByRole('dialog', { name: 'Welcome to Careers Desk' });
  await offer.getByRole('button', { name: 'Load demo data' }).click();
  const progress = offer.getByTestId('job-progress');
  await expect(progress).toContainText('Loading demo data');
  await progress.getByRole('button', { name: 'Stop loading' }).click();
  await expect(offer.getByRole('status')).toHaveText('Loading demo data was stopped. Nothing was added.');
  await expect(offer).toBeVisible();
  await expectAccessible(page, 'the first-run offer after stopping the demo load');
  expect(await readTable(page, 'pupils')).toHaveLength(0);
  expect(await readTable(page, 'sessions')).toHaveLength(0);

  await offer.getByRole('button', { name: 'Load demo data' }).click();
  await expect(offer).toBeHidden({ timeout: 30_000 });
  expect((await readTable(page, 'pupils')).length).toBeGreaterThan(100);
});

test('an address changed while the first page is still loading is followed once it has loaded', async ({ page }) => {
  await openEmpty(page);
  // Hold the first page's code, so that the address changes while the router's first navigation is under way.
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/TodayView-*.js', async (route) => {
    await held;
    await route.continue();
  });
  const todayRequested = page.waitForRequest('**/assets/TodayView-*.js');
  await page.reload();
  await todayRequested;
  await page.evaluate(() => {
    window.location.hash = '#/settings';
  });
  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page).toHaveURL(/#\/settings$/);
});
