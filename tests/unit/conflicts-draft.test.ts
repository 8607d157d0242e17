// @vitest-environment happy-dom
// A draft of an edit remembers the version of the record its form opened, so that a draft restored
// after the record changed elsewhere is compared with the newer version, not saved over it.
import { memoryKeyStore, testDatabaseOptions } from './test-database';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, defineComponent, reactive, type App } from 'vue';
import type { Draft } from '@shared/model';
import { CareersDeskDb } from '@renderer/db/schema';
import { findDraft, type DraftKey } from '@renderer/db/drafts';
import { createRepositories, installRepositories, type Repositories } from '@renderer/db/repositories';
import { fixedClock } from '@renderer/platform/clock';
import { useDraft } from '@renderer/features/sessions/use-draft';

const OPENED = '2026-11-24T09:00:00.000Z';

let db: CareersDeskDb;
let before: Repositories | null;
const mounted: App[] = [];

function openForm(key: DraftKey, version: () => string | null, restored: Draft[] = []) {
  const form = reactive({ notes: '' });
  let draft!: ReturnType<typeof useDraft<{ notes: string }>>;
  const Form = defineComponent({
    setup() {
      draft = useDraft(key, form, {
        apply: (data, kept) => {
          Object.assign(form, data);
          restored.push(kept);
        },
        openedVersion: version,
      });
      return () => null;
    },
  });
  const app = createApp(Form);
  app.mount(document.createElement('div'));
  mounted.push(app);
  return { form, draft };
}

beforeEach(async () => {
  // onBeforeRouteLeave warns when the form is not under a router view; the tests have no router.
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  db = new CareersDeskDb(`careers-desk-conflicts-draft-${crypto.randomUUID()}`, testDatabaseOptions());
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

describe('the draft of an edit (useDraft)', () => {
  it('keeps the version the form opened, and gives it back with the draft when restored', async () => {
    const key: DraftKey = { kind: 'guidance-session', pupilId: crypto.randomUUID(), recordId: crypto.randomUUID() };
    const first = openForm(key, () => OPENED);
    await first.draft.start();
    first.form.notes = 'Typed before the window closed';
    await first.draft.flush();
    expect((await findDraft(db, key))?.openedVersion).toBe(OPENED);

    // The window opens again after the record was saved elsewhere: the draft still says what it was opened from.
    const restored: Draft[] = [];
    const again = openForm(key, () => '2026-11-24T09:30:00.000Z', restored);
    await again.draft.start();
    again.draft.restore();
    expect(again.form.notes).toBe('Typed before the window closed');
    expect(restored.map((d) => d.openedVersion)).toEqual([OPENED]);
  });
});
