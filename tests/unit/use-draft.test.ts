// @vitest-environment happy-dom
// useDraft carries the promise that a crash loses nothing: what the adviser typed is in the database
// within the debounce, and a reload (a fresh form over the same database) offers it back.
import { memoryKeyStore, testDatabaseOptions } from './test-database';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, defineComponent, reactive, type App } from 'vue';
import { CareersDeskDb } from '@renderer/db/schema';
import { findDraft, type DraftKey } from '@renderer/db/drafts';
import { createRepositories, installRepositories, type Repositories } from '@renderer/db/repositories';
import { fixedClock } from '@renderer/platform/clock';
import { DRAFT_MAX_WAIT_MS, useDraft } from '@renderer/features/sessions/use-draft';
import { SESSION_DRAFT_LIMITS, capDraftText, draftLimitMessage } from '@shared/sessions';

const DEBOUNCE_MS = 40;

interface SessionNotes {
  notes: string;
  nextSteps: string;
}

let db: CareersDeskDb;
let before: Repositories | null;
const mounted: App[] = [];

/** Mounts a form that keeps a draft, as SessionForm does; returns its state and the composable. */
function openForm(key: DraftKey, debounceMs: number = DEBOUNCE_MS, limits?: Readonly<Record<string, number>>) {
  const form = reactive<SessionNotes>({ notes: '', nextSteps: '' });
  let draft!: ReturnType<typeof useDraft<SessionNotes>>;
  const Form = defineComponent({
    setup() {
      draft = useDraft(key, form, { apply: (data) => Object.assign(form, data), debounceMs, limits });
      return () => null;
    },
  });
  const app = createApp(Form);
  app.mount(document.createElement('div'));
  mounted.push(app);
  return { form, draft, close: () => app.unmount() };
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

beforeEach(async () => {
  // onBeforeRouteLeave warns when the form is not under a router view; the tests have no router.
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  db = new CareersDeskDb(`careers-desk-use-draft-${crypto.randomUUID()}`, testDatabaseOptions());
  await db.open();
  before = installRepositories(
    createRepositories(db, { actor: () => null, clock: fixedClock(new Date('2026-11-24T10:00:00Z')), keyStore: memoryKeyStore() }),
  );
});

afterEach(async () => {
  for (const app of mounted.splice(0)) app.unmount();
  installRepositories(before);
  vi.restoreAllMocks();
  await db.delete();
});

describe('a guidance session form kept as a draft (useDraft)', () => {
  const key: DraftKey = { kind: 'guidance-session', pupilId: crypto.randomUUID(), recordId: null };

  it('writes a keystroke to the database within its debounce', async () => {
    const { form, draft } = openForm(key);
    await draft.start();

    form.notes = 'Wants to work with animals';
    expect(await findDraft(db, key)).toBeUndefined();
    await wait(DEBOUNCE_MS * 3);

    const stored = await findDraft(db, key);
    expect(stored?.data).toEqual({ notes: 'Wants to work with animals', nextSteps: '' });
    expect(draft.savedAt.value).toBe(stored?.updatedAt);
  });

  it('while the adviser types without a pause, writes at least every second: a crash would lose at most the last second', async () => {
    expect(DRAFT_MAX_WAIT_MS).toBeLessThan(1000);
    // The form's own quiet time (500 ms) is never reached: a key every 100 ms for 3 seconds.
    const { form, draft } = openForm(key, 500);
    await draft.start();
    const typedAt: number[] = [];
    let worstLagMs = 0;
    for (let i = 0; i < 30; i++) {
      form.notes += 'x';
      typedAt.push(Date.now());
      await wait(100);
      const kept = ((await findDraft(db, key))?.data.notes as string | undefined) ?? '';
      const firstMissing = typedAt[kept.length];
      if (firstMissing !== undefined) worstLagMs = Math.max(worstLagMs, Date.now() - firstMissing);
    }
    expect((await findDraft(db, key))?.data.notes).toMatch(/^x+$/);
    expect(worstLagMs).toBeGreaterThan(0);
    expect(worstLagMs).toBeLessThanOrEqual(1000);
  });

  it('writes nothing while the form is as it opened', async () => {
    const { draft } = openForm(key);
    await draft.start();
    await wait(DEBOUNCE_MS * 3);
    expect(await db.drafts.count()).toBe(0);
  });

  it('offers the draft back after a reload, and restoring it fills the form', async () => {
    const first = openForm(key);
    await first.draft.start();
    first.form.notes = 'Wants to work with animals';
    first.form.nextSteps = 'Visit Hadlow College open day';
    await wait(DEBOUNCE_MS * 3);
    first.close();

    const reloaded = openForm(key);
    await reloaded.draft.start();
    expect(reloaded.draft.offered.value?.data).toEqual({ notes: 'Wants to work with animals', nextSteps: 'Visit Hadlow College open day' });
    expect(reloaded.form.notes).toBe('');

    reloaded.draft.restore();
    expect(reloaded.form).toEqual({ notes: 'Wants to work with animals', nextSteps: 'Visit Hadlow College open day' });
    expect(reloaded.draft.offered.value).toBeNull();
  });

  it("does not offer one young person's draft on another's form", async () => {
    const first = openForm(key);
    await first.draft.start();
    first.form.notes = 'Wants to work with animals';
    await wait(DEBOUNCE_MS * 3);

    const other = openForm({ ...key, pupilId: crypto.randomUUID() });
    await other.draft.start();
    expect(other.draft.offered.value).toBeNull();
  });

  it('writes at once when the window is hidden, without waiting for a pause in typing', async () => {
    const { form, draft } = openForm(key, 60_000);
    await draft.start();
    form.notes = 'Wants to work with animals';
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    await wait(30);
    expect((await findDraft(db, key))?.data.notes).toBe('Wants to work with animals');
    visibility.mockRestore();
  });

  it('writes at once when the page is hidden for good (pagehide), before it goes', async () => {
    const { form, draft } = openForm(key, 60_000);
    await draft.start();
    form.nextSteps = 'Visit Hadlow College open day';
    window.dispatchEvent(new Event('pagehide'));
    await wait(30);
    expect((await findDraft(db, key))?.data.nextSteps).toBe('Visit Hadlow College open day');
  });

  it("keeps no more of a field than the record's own limit, and says so while the adviser types past it", async () => {
    const { form, draft } = openForm(key, DEBOUNCE_MS, { notes: 20 });
    await draft.start();
    form.notes = 'x'.repeat(19);
    await wait(DEBOUNCE_MS * 3);
    expect(draft.overLimit.value).toEqual({});
    expect((await findDraft(db, key))?.data.notes).toBe('x'.repeat(19));

    form.notes = 'y'.repeat(25);
    expect(draft.overLimit.value).toEqual({ notes: draftLimitMessage(20) });
    expect(draftLimitMessage(50_000)).toBe(
      'Keep this to 50,000 characters or fewer. The draft keeps only the first 50,000; shorten it before saving.',
    );
    await wait(DEBOUNCE_MS * 3);
    expect((await findDraft(db, key))?.data.notes).toBe('y'.repeat(20));

    form.notes = 'y'.repeat(19);
    expect(draft.overLimit.value).toEqual({});
  });
});

describe("a draft's limits come from the record's schema", () => {
  it("takes each text field's limit from the guidance session schema", () => {
    expect(SESSION_DRAFT_LIMITS).toMatchObject({ notes: 50_000, location: 160, agreed: 5000 });
    expect(SESSION_DRAFT_LIMITS.topics).toBeGreaterThanOrEqual(30 * 80);
  });

  it('never cuts a character in half at the limit', () => {
    expect(capDraftText({ notes: 'ab😀c', other: 'untouched text' }, { notes: 3 })).toEqual({
      data: { notes: 'ab', other: 'untouched text' },
      over: ['notes'],
    });
  });
});
