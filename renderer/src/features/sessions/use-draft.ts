import { computed, onBeforeUnmount, ref, watch } from 'vue';
import { useDebounceFn, useEventListener } from '@vueuse/core';
import { onBeforeRouteLeave } from 'vue-router';
import type { Draft } from '@shared/model';
import { capDraftText, draftLimitMessage } from '@shared/sessions';
import type { DraftKey } from '../../db/drafts';
import { useRepositories } from '../../db/repositories';

export interface DraftOptions {
  /** Fills the form from a draft's data when the adviser restores it (the draft also says which version it was opened from). */
  apply: (data: Record<string, unknown>, draft: Draft) => void;
  /** The version of the record the form was opened from (its updatedAt), kept with the draft. */
  openedVersion?: () => string | null;
  /** Quiet time after the last keystroke before the draft is written. */
  debounceMs?: number;
  /** The record's own limit of each text field (SESSION_DRAFT_LIMITS): the draft keeps no more than this. */
  limits?: Readonly<Record<string, number>>;
}

/**
 * While the adviser types without a pause, the draft is still written at least this often: a crash
 * of the window's process (nothing runs after it) then loses at most the last second of typing, this
 * interval plus the time the write takes.
 */
export const DRAFT_MAX_WAIT_MS = 500;

/**
 * Keeps a form in the drafts table as the adviser types: after a pause in typing, when a field loses focus
 * (call `flush`), when the window is hidden, before the page unloads and when leaving the route.
 * A draft left from before is offered back (`offered`) and nothing is written over it until the
 * adviser restores or discards it. Nothing is written until the form differs from how it opened.
 */
export function useDraft<T extends object>(key: DraftKey, form: T, options: DraftOptions) {
  const offered = ref<Draft | null>(null);
  const repos = useRepositories();
  /** When the draft was last written (ISO), for "Draft saved 14:32". */
  const savedAt = ref<string | null>(null);
  const failed = ref(false);
  let id: string = crypto.randomUUID();
  let baseline = snapshot();
  let lastWritten = '';
  let enabled = false;
  const flushLater = useDebounceFn(() => flush(), options.debounceMs ?? 500, { maxWait: DRAFT_MAX_WAIT_MS });

  function snapshot(): string {
    return JSON.stringify(form);
  }

  /** The form as the draft keeps it: each text field cut to the record's own limit. */
  function draftData(): string {
    const limits = options.limits;
    if (!limits) return snapshot();
    return JSON.stringify(capDraftText(JSON.parse(snapshot()) as Record<string, unknown>, limits).data);
  }

  /** A message for each field typed past its limit, shown under the field as the adviser types. */
  const overLimit = computed<Record<string, string>>(() => {
    const limits = options.limits ?? {};
    const messages: Record<string, string> = {};
    for (const field of capDraftText(form as Record<string, unknown>, limits).over) {
      const limit = limits[field];
      if (limit !== undefined) messages[field] = draftLimitMessage(limit);
    }
    return messages;
  });

  function record(data: string): Draft {
    return {
      id,
      kind: key.kind,
      pupilId: key.pupilId,
      recordId: key.recordId,
      data: JSON.parse(data) as Record<string, unknown>,
      ...(options.openedVersion ? { openedVersion: options.openedVersion() } : {}),
      updatedAt: new Date().toISOString(),
    };
  }

  function needsWriting(): string | null {
    if (!enabled || snapshot() === baseline) return null;
    const data = draftData();
    return data === lastWritten ? null : data;
  }

  async function flush(): Promise<void> {
    flushLater.cancel();
    const data = needsWriting();
    if (data === null) return;
    const draft = record(data);
    try {
      await repos.drafts.save(draft);
      lastWritten = data;
      savedAt.value = draft.updatedAt;
      failed.value = false;
    } catch {
      failed.value = true;
    }
  }

  function schedule(): void {
    if (!enabled) return;
    void flushLater();
  }

  function onUnload(): void {
    const data = needsWriting();
    if (data !== null && repos.drafts.saveBeforeUnload(record(data))) lastWritten = data;
  }

  function onVisibility(): void {
    if (document.visibilityState === 'hidden') void flush();
  }

  /** Looks for a draft left from before; autosave starts once there is none to offer. */
  async function start(): Promise<void> {
    baseline = snapshot();
    const existing = await repos.drafts.find(key);
    if (existing) {
      offered.value = existing;
      id = existing.id;
    } else {
      enabled = true;
    }
  }

  function restore(): void {
    const draft = offered.value;
    if (!draft) return;
    options.apply(draft.data, draft);
    offered.value = null;
    lastWritten = draftData();
    savedAt.value = draft.updatedAt;
    enabled = true;
  }

  async function discard(): Promise<void> {
    const draft = offered.value;
    if (!draft) return;
    await repos.drafts.delete(draft.id);
    offered.value = null;
    id = crypto.randomUUID();
    enabled = true;
    schedule();
  }

  /** Treats the form as it stands as its opening state (after filling defaults that arrive late). */
  function resetBaseline(): void {
    baseline = snapshot();
  }

  function isDirty(): boolean {
    return snapshot() !== baseline;
  }

  /** Stops writing (the record is being saved, and its transaction deletes the draft). */
  function stop(): void {
    enabled = false;
    flushLater.cancel();
  }

  function resume(): void {
    enabled = offered.value === null;
  }

  watch(() => snapshot(), schedule);
  useEventListener(window, ['beforeunload', 'pagehide'], onUnload);
  useEventListener(document, 'visibilitychange', onVisibility);
  onBeforeUnmount(() => void flush());
  onBeforeRouteLeave(async () => {
    await flush();
  });

  return { offered, savedAt, failed, overLimit, draftId: () => id, start, flush, restore, discard, resetBaseline, isDirty, stop, resume };
}
