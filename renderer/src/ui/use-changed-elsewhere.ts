import { shallowRef } from 'vue';
import { compareVersions, defaultChoices, withChoices, type FieldDifference, type Side } from '@shared/conflicts';

export interface ChangedElsewhereSetup<F extends object, S extends { updatedAt: string }> {
  /** The form as it would hold a stored record. */
  formOf: (record: S) => F;
  /** The form's field labels, keyed by dotted field. */
  labels: () => Readonly<Record<string, string>>;
}

export interface PendingConflict<F, S> {
  /** The version saved elsewhere, as stored. */
  stored: S;
  /** The version saved elsewhere, as the form would hold it. */
  elsewhere: F;
  differences: FieldDifference[];
  /** The starting choice for each field: the adviser's, unless only the other side changed it. */
  choices: Record<string, Side>;
}

/**
 * What a record form remembers so that a change made elsewhere is never overwritten silently: the
 * version it opened (`version`, the record's updatedAt then, which every save is checked against) and
 * the form as it opened, to tell which side changed each field. When a save finds the record changed,
 * `found` compares; `resolve` builds the form from the adviser's choices and takes the newer version as
 * the one opened, so a third change made meanwhile is caught again.
 */
export function useChangedElsewhere<F extends object, S extends { updatedAt: string }>(setup: ChangedElsewhereSetup<F, S>) {
  /** The stored version the form was opened from: null for a new record. */
  const version = shallowRef<string | null>(null);
  /** The form as it opened; null when not known (a draft kept from another version). */
  let openedForm: F | null = null;
  const pending = shallowRef<PendingConflict<F, S> | null>(null);

  /** The form opened this stored record (null for a new one). */
  function open(record: S | null): void {
    version.value = record?.updatedAt ?? null;
    openedForm = record ? setup.formOf(record) : null;
  }

  /**
   * The form was filled from a draft kept while editing the version `draftVersion`. When that is not
   * the version just read, the draft's own starting point is what a save is checked against.
   */
  function restoredFrom(draftVersion: string | null | undefined): void {
    if (draftVersion === undefined || draftVersion === version.value) return;
    version.value = draftVersion;
    openedForm = null;
  }

  /**
   * A save was refused: `stored` is the newer version. Answers true when there is something to choose
   * (the dialog opens); false when the newer version differs in nothing the form shows, and the form,
   * now counted as opened from it, can simply be saved again.
   */
  function found(stored: S, yours: F): boolean {
    const elsewhere = setup.formOf(stored);
    const differences = compareVersions({ opened: openedForm, elsewhere, yours, labels: setup.labels() });
    if (differences.length === 0) {
      open(stored);
      return false;
    }
    pending.value = { stored, elsewhere, differences, choices: defaultChoices(differences) };
    return true;
  }

  /** The form from the adviser's choices, to be saved against the newer version. */
  function resolve(yours: F, choices: Readonly<Record<string, Side>>): F {
    const conflict = pending.value;
    if (!conflict) return yours;
    const merged = withChoices(yours, conflict.elsewhere, choices);
    open(conflict.stored);
    pending.value = null;
    return merged;
  }

  /** The adviser cancelled: the form stays as it is, still counted as opened from the older version. */
  function cancel(): void {
    pending.value = null;
  }

  return { version, pending, open, restoredFrom, found, resolve, cancel };
}
