// The public-transport timetable on the Data page: a GTFS zip imported in a worker, what it covers
// shown, a refused file leaving the one before in place, an out-of-date one said so, and removal.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, openEmpty, watchWorkers } from './support';
import { coastalLine, expiredCoastalLine, feedFiles, railWithChange, zipFeed } from '../support/gtfs-feeds';

async function chooseAndImport(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page
    .getByLabel(/timetable \(\.zip\)|Timetable file \(\.zip\)/)
    .setInputFiles({ name, mimeType: 'application/zip', buffer: Buffer.from(bytes) });
  await page.getByRole('button', { name: 'Import the timetable' }).click();
}

test('a timetable is imported from the Data page, kept, refused whole when broken, and removed', async ({ page }) => {
  const workers = watchWorkers(page);
  await openEmpty(page);
  await page.goto('/#/data');
  const panel = page.getByTestId('timetable-panel');
  await expect(panel.getByTestId('timetable-none')).toContainText('No timetable is imported');

  await chooseAndImport(page, 'southeastern-rail.zip', await zipFeed(feedFiles(railWithChange())));
  await expect(panel.getByTestId('timetable-status')).toHaveText('Imported the timetable from southeastern-rail.zip.');
  const summary = panel.getByTestId('timetable-summary');
  await expect(summary).toContainText('Southeastern');
  await expect(summary).toContainText('3 stops, 7 journeys');
  await expect(summary).toContainText('From 01/09/2026 to 31/08/2027');
  expect(workers.started.some((url) => url.includes('timetable'))).toBe(true);
  expect(workers.fellBack).toEqual([]);
  await expectAccessible(page, 'the Data page with a timetable');

  // Kept across a restart.
  await page.reload();
  await expect(page.getByTestId('timetable-summary')).toContainText('Southeastern');

  // A feed missing its stops is refused with the file named, and the one before stays.
  const broken = feedFiles(coastalLine());
  delete broken['stops.txt'];
  await chooseAndImport(page, 'broken.zip', await zipFeed(broken));
  await expect(page.getByRole('alert').filter({ hasText: 'stops.txt' })).toBeVisible();
  await expect(page.getByTestId('timetable-status')).toHaveText('The timetable was not imported; the one before is still in use.');
  await expect(page.getByTestId('timetable-summary')).toContainText('Southeastern');

  // One that has ended is said to be out of date.
  await chooseAndImport(page, 'old-loop.zip', await zipFeed(feedFiles(expiredCoastalLine())));
  await expect(page.getByTestId('timetable-summary')).toContainText('Stagecoach South East');
  await expect(page.getByTestId('timetable-freshness')).toContainText('This timetable ended on 31/07/2026');
  await expectAccessible(page, 'the Data page with an out-of-date timetable');

  // Removal asks first.
  await page.getByRole('button', { name: 'Remove the timetable' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove the timetable?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove the timetable' }).click();
  await expect(page.getByTestId('timetable-none')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('timetable-none')).toBeVisible();
});
