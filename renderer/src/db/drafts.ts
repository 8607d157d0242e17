import type { Draft } from '@shared/model';
import type { CareersDeskDb } from './schema';
import { ERASED_RECORD_MESSAGE, wasErased } from './pupils';

export type DraftKind = Draft['kind'];

export interface DraftKey {
  kind: DraftKind;
  pupilId: string;
  /** The record being edited, or null for a new one. */
  recordId: string | null;
}

/** The latest draft of this form for this young person (and record), from the [kind+pupilId] index. */
export async function findDraft(db: CareersDeskDb, key: DraftKey): Promise<Draft | undefined> {
  const drafts = await db.drafts
    .where('[kind+pupilId]')
    .equals([key.kind, key.pupilId])
    .filter((d) => d.recordId === key.recordId)
    .toArray();
  return drafts.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}

/** Stores the form as it stands. The data is copied, so live (reactive) objects can be passed in. */
/** Stores the draft, unless its young person was erased on this computer (in any window) meanwhile. */
export async function saveDraft(db: CareersDeskDb, draft: Draft): Promise<void> {
  await db.transaction('rw', [db.drafts, db.settings], async () => {
    if (await wasErased(db, draft.pupilId)) throw new Error(ERASED_RECORD_MESSAGE);
    await db.drafts.put(plainDraft(draft));
  });
}

/**
 * Stores a draft at once while the page is being unloaded (reload, window closing). An ordinary
 * Dexie write would wait for callbacks that never come once the page is gone, so this issues the
 * write on the open IndexedDB connection and commits it explicitly, before the handler returns.
 * Returns false when the database is not open (the debounced save is then the last copy).
 */
export function saveDraftBeforeUnload(db: CareersDeskDb, draft: Draft): boolean {
  if (!db.isOpen()) return false;
  try {
    const transaction = db.backendDB().transaction('drafts', 'readwrite');
    transaction.objectStore('drafts').put(plainDraft(draft));
    transaction.commit?.();
    return true;
  } catch {
    return false;
  }
}

export async function deleteDraft(db: CareersDeskDb, id: string): Promise<void> {
  await db.drafts.delete(id);
}

function plainDraft(draft: Draft): Draft {
  return { ...draft, data: JSON.parse(JSON.stringify(draft.data)) as Draft['data'] };
}
