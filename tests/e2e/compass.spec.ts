// The Compass evaluation helper end to end, on a fixed day (10 April 2027, after the 31 March measuring
// day): a school's figures per benchmark, the termly snapshot offered and taken, one taken now and
// replaced with confirmation, both kept beside today's figures after a reload, the PDF read back; and the
// dashboard's destination measures. Axe on both screens.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectAccessible, openWithDemoData, readTable } from './support';
import { pdfPagesText } from './pdf-text';

const FIGURE = /^\d+ of \d+ \(\d+%\)$|^Nobody to count$/;

test('a school\u2019s Compass figures, termly snapshots kept for comparison, and the PDF to type in from', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.install({ time: new Date('2027-04-10T09:00:00') });
  await openWithDemoData(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compass', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compass evaluation' })).toBeVisible();
  const school = page.getByRole('combobox', { name: 'School' });
  const schoolName = (await school.locator('option:checked').textContent())?.trim() ?? '';
  expect(schoolName).not.toBe('');

  // Every benchmark has its heading; those Careers Desk holds nothing for say so.
  for (const n of [1, 2, 3, 4, 5, 6, 7, 8])
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Benchmark ${n}:`) })).toBeVisible();
  await expect(page.locator('[data-benchmark="1"] td').first()).toHaveText('Not recorded in Careers Desk');
  const year11Guidance = page.locator('[data-measure="year-11-guidance"] td').first();
  await expect(year11Guidance).toHaveText(FIGURE);
  await expect(page.locator('[data-measure="year-11-planned"] td').first()).toHaveText(FIGURE);
  await expect(page.locator('[data-measure="year-9-weeks-worth"] td').first()).toHaveText(FIGURE);

  // The last measuring day, 31 March, has no snapshot yet: it is offered.
  const due = page.getByTestId('snapshot-due');
  await expect(due).toContainText('31/03/2027');
  await expectAccessible(page, 'the Compass screen');
  await due.getByRole('button', { name: 'Take the snapshot as at 31/03/2027' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The snapshot as at 31/03/2027 is kept.' })).toBeVisible();
  await expect(due).toBeHidden();

  // One now; taking it again asks before replacing, so there is never a second for the day.
  await page.getByRole('button', { name: 'Take a snapshot now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The snapshot as at 10/04/2027 is kept.' })).toBeVisible();
  await page.getByRole('button', { name: 'Take a snapshot now' }).click();
  const replace = page.getByRole('dialog', { name: 'Replace the snapshot?' });
  await expect(replace).toBeVisible();
  await expectAccessible(page, 'the replace-snapshot dialog');
  await replace.getByRole('button', { name: 'Replace it' }).click();
  await expect(replace).toBeHidden();
  // The figures are worked out afresh in the data worker before the replacement is kept: wait for its audit entry.
  const snapshotAudit = async () =>
    (await readTable<{ action: string; entity: string }>(page, 'audit'))
      .filter((a) => a.entity === 'compass-snapshot')
      .map((a) => a.action)
      .sort();
  await expect.poll(snapshotAudit, { timeout: 30_000 }).toEqual(['create', 'create', 'update']);
  const stored = await readTable<{ schoolId: string; takenOn: string }>(page, 'compassSnapshots');
  expect(stored.map((s) => s.takenOn).sort()).toEqual(['2027-03-31', '2027-04-10']);

  // After a reload the snapshots are listed beside today's figures.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Compass evaluation' })).toBeVisible();
  await expect(page.getByTestId('snapshot-list')).toHaveText('Snapshots kept: 10/04/2027, 31/03/2027.');
  const header = page.locator('[data-benchmark="8"] thead th');
  await expect(header).toHaveText(['Figure', 'Now (as at 10/04/2027)', 'Snapshot 10/04/2027', 'Snapshot 31/03/2027']);
  await expect(page.locator('[data-measure="year-11-guidance"] td')).toHaveCount(3);
  await expect(page.locator('[data-measure="year-11-guidance"] td').nth(2)).toHaveText(FIGURE);
  await expect(page.getByTestId('snapshot-due')).toBeHidden();
  const nowFigure = (await year11Guidance.textContent())?.trim() ?? '';

  // The PDF: the school, the day, every benchmark and the snapshots beside; no young person named.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save the figures as PDF' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/\.pdf$/);
  const pdf = (await pdfPagesText(await readFile((await saved.path())!))).join('\n');
  expect(pdf).toContain('Figures for the Compass evaluation');
  expect(pdf).toContain(`${schoolName}, as at 10/04/2027`);
  for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) expect(pdf).toContain(`Benchmark ${n}:`);
  expect(pdf).toContain('Not recorded in Careers Desk');
  expect(pdf).toContain('Snapshot 31/03/2027');
  expect(pdf).toContain(nowFigure);
  const pupils = await readTable<{ legalSurname: string; schoolId: string | null }>(page, 'pupils');
  for (const p of pupils.slice(0, 40)) expect(pdf).not.toContain(p.legalSurname);

  const audit = await readTable<{ action: string; entity: string; summary: string }>(page, 'audit');
  expect(
    audit
      .filter((a) => a.entity === 'compass-snapshot')
      .map((a) => a.action)
      .sort(),
  ).toEqual(['create', 'create', 'update']);
  expect(audit.some((a) => a.action === 'export' && a.summary.includes('Compass evaluation figures') && a.summary.includes('PDF'))).toBe(
    true,
  );
});

test('the dashboard shows planned destinations, where the last leavers went and September Guarantee offers', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.install({ time: new Date('2027-04-10T09:00:00') });
  await openWithDemoData(page);
  await page.goto('/#/dashboard');
  await expect(page.getByTestId('dashboard-status')).toContainText('in scope', { timeout: 30_000 });
  const planned = page.locator('[data-chart="planned-destinations"]');
  await expect(planned.getByRole('heading', { name: 'Planned destination before leaving' })).toBeVisible();
  await planned.getByText('Figures as a table').click();
  await expect(planned.getByRole('rowheader', { name: /Year 11/ })).toBeVisible();
  await expect(page.locator('[data-chart="leavers-destinations"]').getByRole('heading')).toHaveText(
    'Where the last Year 11 leavers went (summer 2026)',
  );
  const guarantee = page.locator('[data-chart="september-guarantee"]');
  await expect(guarantee.getByRole('heading')).toHaveText('September Guarantee offers for September 2027');
  await guarantee.getByText('Figures as a table').click();
  await expect(guarantee.getByRole('columnheader', { name: 'Offer made', exact: true })).toBeVisible();
  await expectAccessible(page, 'the dashboard with the destination measures');
});
