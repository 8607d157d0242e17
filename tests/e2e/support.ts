import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The names of a young person as stored, the parts the end-to-end tests read. */
export interface StoredPupilNames {
  id: string;
  legalForename: string;
  legalSurname: string;
  preferredForename: string;
  preferredSurname: string;
  homeEducated: boolean;
}

/** Fails with the list of rules broken when axe finds a moderate, serious or critical violation. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'moderate' || v.impact === 'serious' || v.impact === 'critical');
  const summary = serious.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join('; ')}`,
  );
  expect(summary, `accessibility problems on ${where}`).toEqual([]);
}

/** Today on the browser's clock, as the app computes it. */
export function localToday(page: Page): Promise<string> {
  return page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
}

/** Opens the app on a fresh profile and answers the first-run offer by loading demo data. */
export async function openWithDemoData(page: Page): Promise<void> {
  await page.goto('/');
  const offer = page.getByRole('dialog', { name: 'Welcome to Careers Desk' });
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'Load demo data' }).click();
  await expect(offer).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Opens the app on a fresh profile with nothing stored and the first-run offer declined. */
export async function openEmpty(page: Page): Promise<void> {
  await page.goto('/');
  const offer = page.getByRole('dialog', { name: 'Welcome to Careers Desk' });
  await offer.getByRole('button', { name: 'Start with no data' }).click();
  await expect(offer).toBeHidden();
  // The first page drawn, so that a test's next `goto` is a navigation of a started app.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/**
 * Reads rows straight from the app's IndexedDB, to check what was (or was not) stored, opening sealed rows
 * (renderer/src/db/encryption.ts) with the key the web build keeps in its own IndexedDB database: the
 * demonstration mode's weakness, which the app states, is what lets a test read them. `raw` leaves them sealed.
 */
export async function readTable<T = Record<string, unknown>>(page: Page, table: string, options: { raw?: boolean } = {}): Promise<T[]> {
  return page.evaluate(
    async ({ name, raw }) => {
      const openDatabase = (dbName: string) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(dbName);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const getAll = async (dbName: string, store: string) => {
        const db = await openDatabase(dbName);
        try {
          return await new Promise<unknown[]>((resolve, reject) => {
            const request = db.transaction(store, 'readonly').objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result as unknown[]);
            request.onerror = () => reject(request.error);
          });
        } finally {
          db.close();
        }
      };
      const rows = (await getAll('careers-desk', name)) as Record<string, unknown>[];
      if (raw || !rows.some((row) => row.sealed instanceof Uint8Array)) return rows as T[];
      const keyDb = await openDatabase('careers-desk-keys');
      const storedKey = await new Promise<unknown>((resolve, reject) => {
        const request = keyDb.transaction('keys', 'readonly').objectStore('keys').get('data-key');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      keyDb.close();
      const envelope = JSON.parse(new TextDecoder().decode(storedKey as Uint8Array)) as { kind: string; key: string };
      if (envelope.kind !== 'plain') throw new Error('The records are locked: readTable cannot open them');
      const keyBytes = Uint8Array.from(atob(envelope.key), (c) => c.charCodeAt(0));
      const key = await crypto.subtle.importKey('raw', keyBytes, 'AES-GCM', false, ['decrypt']);
      const primaryKey = name === 'settings' ? 'key' : 'id';
      return (await Promise.all(
        rows.map(async (row) => {
          if (!(row.sealed instanceof Uint8Array)) return row;
          const { sealed, ...clear } = row as Record<string, unknown> & { sealed: Uint8Array };
          const additionalData = new TextEncoder().encode(`${name}\u0000${JSON.stringify(clear[primaryKey])}`);
          const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.slice(0, 12), additionalData }, key, sealed.slice(12));
          return { ...(JSON.parse(new TextDecoder().decode(plain)) as Record<string, unknown>), ...clear };
        }),
      )) as T[];
    },
    { name: table, raw: options.raw ?? false },
  );
}

/**
 * Watches the page's Web Workers: which started, and any job that fell back to the page's thread
 * (renderer/src/app/worker-job.ts says so in the console). Start watching before the work begins.
 */
export function watchWorkers(page: Page): { started: string[]; fellBack: string[] } {
  const seen = { started: [] as string[], fellBack: [] as string[] };
  page.on('worker', (worker) => seen.started.push(worker.url()));
  page.on('console', (message) => {
    if (message.text().includes('its worker could not start')) seen.fellBack.push(message.text());
  });
  return seen;
}

/**
 * The work placements stored in the app's IndexedDB, in the shape the placement workflow sees them
 * (one young person, feedback as employer, pupil and would-host-again): since database version 3 they
 * are workplace experiences of kind work-placement (shared/experiences placementOf).
 */
export async function readPlacements<T = Record<string, unknown>>(page: Page): Promise<T[]> {
  const experiences = await readTable<Record<string, unknown>>(page, 'experiences');
  return experiences
    .filter((e) => e.kind === 'work-placement')
    .map((e) => {
      const { pupilIds, employerFeedback, reflection, ...rest } = e as Record<string, unknown> & {
        pupilIds: string[];
        employerFeedback: { text: string; wouldHostAgain: boolean | null };
        reflection: { text: string };
      };
      const feedback = { employer: employerFeedback.text, pupil: reflection.text, wouldHostAgain: employerFeedback.wouldHostAgain };
      return { ...rest, pupilId: pupilIds[0], feedback } as T;
    });
}

/**
 * Records a parent's consent on a placement's consent and paperwork page (opened by its address), and
 * answers "Record it anyway?" when the young person is 18 or over on the start.
 */
export async function recordParentalConsent(page: Page, placementId: string, today: string): Promise<void> {
  await page.goto(`/#/placements/${placementId}/paperwork`);
  const form = page.getByTestId('paperwork-form');
  await form.getByLabel('Given by').fill('Pat Example');
  await form.getByLabel('Relationship to the young person').fill('Parent');
  await form.getByLabel('Given on').fill(today);
  await form.getByLabel('How it was given').selectOption({ label: 'Consent form returned' });
  await form.getByRole('button', { name: 'Save paperwork' }).click();
  const adult = page.getByRole('dialog', { name: 'Record parental consent anyway?' });
  const saved = form.getByTestId('paperwork-saved');
  await expect(adult.or(saved.filter({ hasText: 'Saved' }))).toBeVisible();
  if (await adult.isVisible()) await adult.getByRole('button', { name: 'Yes, record it' }).click();
  await expect(saved).toContainText('Saved, with parental consent given on');
}

/** An employer as stored, the parts the end-to-end tests read. */
export interface StoredEmployer {
  id: string;
  name: string;
  outcode: string | null;
  offers: { id: string; title: string; periods: { start: string; end: string; capacity: number }[] }[];
  checks: { riskAssessmentOn: string | null; insuranceExpiresOn: string | null; safeguardingConfirmed: boolean };
}

/** A young person as stored, the parts the end-to-end tests read. */
export interface StoredPupil {
  id: string;
  legalForename: string;
  legalSurname: string;
  preferredForename: string;
  preferredSurname: string;
  dateOfBirth: string;
}

/**
 * Records a data-sharing agreement for a recipient in Settings (signed on 1 January 2026, no review date),
 * as an export for them needs; comes back to where it was.
 */
export async function recordAgreement(page: Page, recipient: string, reference = 'DSA-TEST-1'): Promise<void> {
  const back = page.url();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const section = page.locator('#council-files');
  await section.getByLabel('Recipient', { exact: true }).selectOption({ label: recipient });
  await section.getByLabel('Agreement reference').fill(reference);
  await section.getByLabel('Date signed').fill('2026-01-01');
  await section.getByRole('button', { name: 'Record the agreement' }).click();
  await expect(section.getByRole('status')).toHaveText(`Recorded the data-sharing agreement with ${recipient}.`);
  await page.goto(back);
}
