/**
 * The pupil list's search index, held in memory: every young person in name order, and every
 * name word in alphabetical order for prefix search. A keystroke is then a binary search and a
 * walk over the matches, not a database read (see tests/bench/README.md, "search per keystroke").
 * Pure: the renderer loads it from the database and keeps it up to date (renderer/src/db/pupil-list-index.ts).
 */
import type { Pupil } from '../model/pupil';
import { compareByName, compareForSort, looksLikeUpn, matchesFilters, nameSortKey, searchWordsOf, type PupilFilters, type PupilSort } from './list';

interface Entry { key: string; id: string }
interface WordEntry { word: string; id: string }

function compareWords(a: WordEntry, b: WordEntry): number {
  if (a.word !== b.word) return a.word < b.word ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The first position in a sorted array at which `item` would not sort before what is there. */
function lowerBound<T>(sorted: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(sorted[mid] as T, item) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

function insertSorted<T>(sorted: T[], item: T, compare: (a: T, b: T) => number): void {
  sorted.splice(lowerBound(sorted, item, compare), 0, item);
}

function removeSorted<T>(sorted: T[], item: T, compare: (a: T, b: T) => number): void {
  const at = lowerBound(sorted, item, compare);
  if (at < sorted.length && compare(sorted[at] as T, item) === 0) sorted.splice(at, 1);
}

export class PupilListIndex {
  private readonly pupils = new Map<string, Pupil>();
  private readonly nameKeys = new Map<string, string>();
  private byName: Entry[] = [];
  private words: WordEntry[] = [];

  get size(): number {
    return this.pupils.size;
  }

  /** Replaces everything held with these records. */
  replaceAll(pupils: readonly Pupil[]): void {
    this.pupils.clear();
    this.nameKeys.clear();
    this.byName = [];
    this.words = [];
    for (const pupil of pupils) {
      const key = nameSortKey(pupil);
      this.pupils.set(pupil.id, pupil);
      this.nameKeys.set(pupil.id, key);
      this.byName.push({ key, id: pupil.id });
      for (const word of pupil.searchWords) this.words.push({ word, id: pupil.id });
    }
    this.byName.sort(compareByName);
    this.words.sort(compareWords);
  }

  /** Adds a record, or replaces the one with its id. */
  upsert(pupil: Pupil): void {
    this.remove(pupil.id);
    const key = nameSortKey(pupil);
    this.pupils.set(pupil.id, pupil);
    this.nameKeys.set(pupil.id, key);
    insertSorted(this.byName, { key, id: pupil.id }, compareByName);
    for (const word of pupil.searchWords) insertSorted(this.words, { word, id: pupil.id }, compareWords);
  }

  remove(id: string): void {
    const old = this.pupils.get(id);
    if (!old) return;
    removeSorted(this.byName, { key: this.nameKeys.get(id) ?? '', id }, compareByName);
    for (const word of old.searchWords) removeSorted(this.words, { word, id }, compareWords);
    this.pupils.delete(id);
    this.nameKeys.delete(id);
  }

  /**
   * The young people who meet the filters, sorted: the same answer as
   * `sortPupils(all.filter((p) => matchesFilters(p, filters)), sort)`.
   */
  find(filters: PupilFilters, sort: PupilSort = 'name'): Pupil[] {
    const candidates = this.candidatesFor(filters.text.trim());
    // A few name matches are quicker to sort than to pick out of the whole list in name order.
    const inNameOrder = candidates && candidates.size * 8 < this.byName.length
      ? [...candidates].map((id) => ({ key: this.nameKeys.get(id) ?? '', id })).sort(compareByName)
      : this.byName;
    const found: Pupil[] = [];
    for (const { id } of inNameOrder) {
      if (candidates && !candidates.has(id)) continue;
      const pupil = this.pupils.get(id);
      if (pupil && matchesFilters(pupil, filters)) found.push(pupil);
    }
    return sort === 'name' ? found : found.sort(compareForSort(sort));
  }

  /** Ids whose name words start with the first typed word; null when the text does not narrow by name. */
  private candidatesFor(text: string): Set<string> | null {
    if (text === '' || looksLikeUpn(text)) return null;
    const prefix = searchWordsOf(text)[0];
    if (!prefix) return null;
    const ids = new Set<string>();
    for (let at = lowerBound(this.words, { word: prefix, id: '' }, compareWords); at < this.words.length; at++) {
      const entry = this.words[at] as WordEntry;
      if (!entry.word.startsWith(prefix)) break;
      ids.add(entry.id);
    }
    return ids;
  }
}
