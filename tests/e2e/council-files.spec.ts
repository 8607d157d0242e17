import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { expectAccessible, openWithDemoData, readTable } from './support';

interface StoredPupil {
  id: string;
  legalForename: string;
  legalSurname: string;
  upn: string | null;
  dateOfBirth: string;
  consent: { tracking: { status: string } };
  riskListNotes: { recordedOn: string; from: string; councilBand: string | null; text: string }[];
}

async function rowsOf(download: Download): Promise<Record<string, string>[]> {
  const text = await readFile((await download.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

async function openReturns(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Returns' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Returns' })).toBeVisible();
}

async function openCouncilSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const section = page.locator('#council-files');
  await expect(section.getByRole('heading', { name: 'Council files and data-sharing agreements' })).toBeVisible();
  return section;
}

test('the council receives the destinations file and the risk-of-NEET list only under a recorded agreement, and its view is kept', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // A fixed day in the spring term of 2026/27: the demo's year groups, and the next list's date, follow from it.
  await page.clock.install({ time: new Date('2027-01-20T09:00:00') });
  await openWithDemoData(page);

  // No recipient named as the council's: refused, saying why.
  await openReturns(page);
  const destinations = page.getByTestId('destinations-file');
  await destinations.getByRole('button', { name: 'Show the destinations file' }).click();
  await expect(destinations.getByRole('heading', { name: 'Preview: exactly what will leave' })).toBeVisible();
  await destinations.getByRole('button', { name: 'Save the destinations file (CSV)' }).click();
  await expect(destinations.getByRole('alert')).toContainText("no recipient is named as the council's destinations recipient");

  // A recipient named as the council's, without an agreement: refused, naming them.
  let settings = await openCouncilSettings(page);
  await settings.getByLabel('New recipient').fill('Kent NEET team');
  await settings.getByRole('button', { name: 'Add recipient' }).click();
  await settings.getByRole('combobox', { name: "Council's destinations recipient" }).selectOption({ label: 'Kent NEET team' });
  await settings.getByRole('button', { name: "Save the council's recipient" }).click();
  await expect(settings.getByRole('status')).toContainText("Kent NEET team is now the council's destinations recipient");
  await expect(settings.getByTestId('agreements')).toContainText(
    "Kent NEET team (the council's destinations recipient): No data-sharing agreement recorded",
  );
  await openReturns(page);
  await destinations.getByRole('button', { name: 'Show the destinations file' }).click();
  await destinations.getByRole('button', { name: 'Save the destinations file (CSV)' }).click();
  await expect(destinations.getByRole('alert')).toHaveText(
    'Not exported: no data-sharing agreement is recorded for Kent NEET team. ' +
      'Record it in Settings, under "Council files and data-sharing agreements", before the destinations file can go to them.',
  );
  const risk = page.getByTestId('risk-list');
  await expect(risk).toContainText('Next due on 01/03/2027');
  await risk.getByRole('button', { name: 'Show the risk-of-NEET list' }).click();
  await risk.getByRole('button', { name: 'Save the risk-of-NEET list (CSV)' }).click();
  await expect(risk.getByRole('alert')).toContainText('no data-sharing agreement is recorded for Kent NEET team');
  await expectAccessible(page, 'the Returns page with both council files refused');

  // Recording the agreement: a date signed in the future is refused beside the field, then a real one is kept.
  settings = await openCouncilSettings(page);
  await settings.getByLabel('Recipient', { exact: true }).selectOption({ label: 'Kent NEET team' });
  await settings.getByLabel('Agreement reference').fill('KCC-DSA-2027-03');
  await settings.getByLabel('Date signed').fill('2027-02-01');
  await settings.getByRole('button', { name: 'Record the agreement' }).click();
  await expect(settings.getByText('The date signed cannot be in the future')).toBeVisible();
  await settings.getByLabel('Date signed').fill('2027-01-05');
  await settings.getByLabel('Review or expiry date').fill('2028-01-05');
  await settings.getByRole('button', { name: 'Record the agreement' }).click();
  await expect(settings.getByRole('status')).toHaveText('Recorded the data-sharing agreement with Kent NEET team.');
  await expect(settings.getByTestId('agreements')).toContainText('Agreement KCC-DSA-2027-03, signed 05/01/2027; review by 05/01/2028');
  await expectAccessible(page, 'Settings with the council files section');

  // The destinations file: only young people who agreed, read back from the file.
  await openReturns(page);
  await destinations.getByRole('button', { name: 'Show the destinations file' }).click();
  await expect(destinations.getByRole('region', { name: /Destinations file rows/ })).toBeVisible();
  const destinationsDownload = page.waitForEvent('download');
  await destinations.getByRole('button', { name: 'Save the destinations file (CSV)' }).click();
  const rows = await rowsOf(await destinationsDownload);
  await expect(destinations.getByRole('status')).toContainText(
    `Saved the destinations file for Kent NEET team: ${rows.length} young people.`,
  );
  expect(rows.length).toBeGreaterThan(0);
  expect(new Set(rows.map((r) => r['LA code']))).toEqual(new Set(['886']));
  const pupils = await readTable<StoredPupil>(page, 'pupils');
  // Each row is one stored young person (name and date of birth), and that young person agreed.
  for (const row of rows) {
    const same = pupils.filter(
      (p) => p.legalForename === row['Given name'] && p.legalSurname === row['Family name'] && p.dateOfBirth === row['Date of birth'],
    );
    expect(same.map((p) => p.consent.tracking.status)).toEqual(['agreed']);
  }
  const notAgreedUpns = pupils.filter((p) => p.consent.tracking.status !== 'agreed' && p.upn).map((p) => p.upn);
  expect(rows.filter((r) => notAgreedUpns.includes(r.UPN ?? ''))).toEqual([]);
  await expectAccessible(page, 'the destinations file preview');

  // The risk-of-NEET list: medium and high only, with reasons.
  await risk.getByRole('button', { name: 'Show the risk-of-NEET list' }).click();
  const riskDownload = page.waitForEvent('download');
  await risk.getByRole('button', { name: 'Save the risk-of-NEET list (CSV)' }).click();
  const riskRows = await rowsOf(await riskDownload);
  expect(riskRows.length).toBeGreaterThan(0);
  for (const row of riskRows) {
    expect(['High', 'Medium']).toContain(row['Risk band']);
    expect(row.Reasons).not.toBe('');
  }

  // The council's view of the first young person on the list: a future date is refused, then kept as a note.
  const first = riskRows[0]!;
  const name = `${first['Given name']} ${first['Family name']}`;
  await risk.getByRole('button', { name: `Record the council's view of ${name}` }).click();
  const form = risk.getByRole('form', { name: `The council's view of ${name}` });
  await expect(form.getByRole('heading', { name: `The council's view of ${name}` })).toBeFocused();
  await form.getByLabel('Date the council said this').fill('2027-02-01');
  await form.getByLabel('What the council said').fill('Known to early help; attending a re-engagement programme.');
  await form.getByRole('button', { name: "Save the council's view" }).click();
  await expect(form.getByText('The date cannot be in the future')).toBeVisible();
  await form.getByLabel('Date the council said this').fill('2027-01-18');
  await form.getByLabel('Band the council would give').selectOption({ label: 'Low' });
  await expectAccessible(page, "the risk-of-NEET list with the council's view form open");
  await form.getByRole('button', { name: "Save the council's view" }).click();
  await expect(risk.getByRole('status')).toHaveText(`Recorded the council's view of ${name}.`);
  const stored = (await readTable<StoredPupil>(page, 'pupils')).find((p) => `${p.legalForename} ${p.legalSurname}` === name);
  expect(stored?.riskListNotes).toEqual([
    {
      recordedOn: '2027-01-18',
      from: 'Kent NEET team',
      councilBand: 'low',
      text: 'Known to early help; attending a re-engagement programme.',
    },
  ]);

  // Each file that left is in the audit log, for the recipient, without a name in it.
  const audit = await readTable<{ entity: string; action: string; summary: string }>(page, 'audit');
  const exports = audit.filter((a) => a.entity === 'return' && a.action === 'export').map((a) => a.summary);
  // The table is read in key order, not written order: compare as sets.
  const under = 'for Kent NEET team as CSV under agreement KCC-DSA-2027-03';
  expect([...exports].sort()).toEqual(
    [
      `Exported the destinations file (Kent 886) ${under}: ${rows.length} young people`,
      `Exported the risk-of-NEET list (Kent 886) ${under}: ${riskRows.length} young people`,
    ].sort(),
  );
  for (const summary of exports) for (const p of pupils) expect(summary).not.toContain(`${p.legalForename} ${p.legalSurname}`);

  // The young person's page shows what the council said.
  await page.goto(`/#/pupils/${stored!.id}`);
  await expect(page.getByTestId('council-views')).toContainText('18/01/2027, Kent NEET team, would give Low: Known to early help');
});

test("a recipient can be removed, after a confirmation, with their key and agreement; the council's recipient is then none", async ({
  page,
}) => {
  await openWithDemoData(page);
  const settings = await openCouncilSettings(page);
  for (const name of ['Kent NEET team', 'Medway partnership']) {
    await settings.getByLabel('New recipient').fill(name);
    await settings.getByRole('button', { name: 'Add recipient' }).click();
  }
  await settings.getByRole('combobox', { name: "Council's destinations recipient" }).selectOption({ label: 'Kent NEET team' });
  await settings.getByRole('button', { name: "Save the council's recipient" }).click();
  const recipients = settings.getByRole('list', { name: 'Recipients' });
  await expect(recipients.getByRole('listitem')).toHaveCount(2);
  // A name that cannot be stored is refused beside the field, saying why; nothing is added.
  const newRecipient = settings.getByLabel('New recipient');
  for (const [typed, problem] of [
    ['x'.repeat(121), 'Keep this to 120 characters or fewer'],
    ['medway PARTNERSHIP', 'There is already a recipient called Medway partnership'],
  ] as const) {
    await newRecipient.fill(typed);
    await settings.getByRole('button', { name: 'Add recipient' }).click();
    await expect(newRecipient).toHaveAccessibleDescription(`Error: ${problem}`);
    await expect(newRecipient).toHaveAttribute('aria-invalid', 'true');
  }
  await newRecipient.fill('');

  // Asked first; keeping them changes nothing, and Escape does the same, with the keyboard back on the button.
  const remove = recipients.getByRole('button', { name: 'Remove Kent NEET team' });
  await remove.click();
  const dialog = page.getByRole('dialog', { name: 'Remove Kent NEET team?' });
  await expect(dialog).toContainText('Their secret key is deleted from this computer');
  await expectAccessible(page, 'the confirmation before removing a recipient');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(remove).toBeFocused();
  await expect(recipients.getByRole('listitem')).toHaveCount(2);

  await remove.click();
  await dialog.getByRole('button', { name: 'Remove recipient' }).click();
  await expect(settings.getByRole('status')).toHaveText(
    "Removed Kent NEET team. They were the council's destinations recipient: name another before the council's files can leave.",
  );
  await expect(recipients.getByRole('listitem')).toHaveCount(1);
  await expect(recipients.getByRole('listitem')).toContainText('Medway partnership');
  await expect(recipients.getByRole('button', { name: 'Remove Medway partnership' })).toBeVisible();
  await expect(settings.getByTestId('agreements')).not.toContainText('Kent NEET team');
  await expect(settings.getByRole('combobox', { name: "Council's destinations recipient" }).locator('option:checked')).toHaveText(
    'None named',
  );
  await expect(settings.getByRole('combobox', { name: 'Recipient', exact: true }).getByRole('option')).toHaveText([
    'Choose a recipient',
    'Medway partnership',
  ]);
  await expectAccessible(page, 'Settings after a recipient was removed');

  // Stored so: after a reload, the council's files are refused for want of a named recipient.
  const stored = await readTable<{ key: string; value: unknown }>(page, 'settings');
  const value = (key: string) => stored.find((s) => s.key === key)?.value;
  expect((value('returnRecipients') as { name: string }[]).map((r) => r.name)).toEqual(['Medway partnership']);
  expect(value('councilRecipientId')).toBeNull();
  await page.reload();
  await openReturns(page);
  const destinations = page.getByTestId('destinations-file');
  await destinations.getByRole('button', { name: 'Show the destinations file' }).click();
  await destinations.getByRole('button', { name: 'Save the destinations file (CSV)' }).click();
  await expect(destinations.getByRole('alert')).toContainText("no recipient is named as the council's destinations recipient");
});
