/**
 * The pupil list's search index, held in memory: every young person in name order, and every
 * name word filed by its first two letters for prefix search. A keystroke is then a look in one
 * bucket and a walk over the matches, not a database read (tests/bench/README.md, "search per
 * keystroke"). Pure: the renderer loads it and keeps it current (renderer/src/db/pupil-list.ts).
 */
import type { Pupil } from '../model/pupil';
import { compareByName, compareForSort, looksLikeUpn, matchesFilters, nameSortKey, searchWordsOf, type PupilFilters, type PupilSort } from './list';

interface Entry { key: string; id: string }
interface WordEntry { word: string; id: string }

/** Name words are kept in buckets by their first two letters: a typed prefix looks in one or a few. */
function bucketOf(word: string): string {
  return word.slice(0, 2);
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

export class PupilListIndex {
  private readonly pupils = new Map<string, Pupil>();
  private readonly nameKeys = new Map<string, string>();
  private byName: Entry[] = [];
  private readonly words = new Map<string, WordEntry[]>();

  get size(): number {
    return this.pupils.size;
  }

  /** Replaces everything held with these records. */
  replaceAll(pupils: readonly Pupil[]): void {
    this.pupils.clear();
    this.nameKeys.clear();
    this.words.clear();
    const joined: string[] = [];
    for (const pupil of pupils) {
      const key = nameSortKey(pupil);
      this.pupils.set(pupil.id, pupil);
      this.nameKeys.set(pupil.id, key);
      joined.push(`${key}\u0000${pupil.id}`);
      this.addWords(pupil);
    }
    // The built-in sort without a comparator runs natively and orders "key NUL id" exactly as
    // compareByName does (NUL sorts before every character): at 100,000 names that is the
    // difference between a pause and a freeze.
    joined.sort();
    this.byName = joined.map((entry) => {
      const cut = entry.lastIndexOf('\u0000');
      return { key: entry.slice(0, cut), id: entry.slice(cut + 1) };
    });
  }

  /** Adds a record, or replaces the one with its id. */
  upsert(pupil: Pupil): void {
    this.remove(pupil.id);
    const key = nameSortKey(pupil);
    this.pupils.set(pupil.id, pupil);
    this.nameKeys.set(pupil.id, key);
    const entry = { key, id: pupil.id };
    this.byName.splice(lowerBound(this.byName, entry, compareByName), 0, entry);
    this.addWords(pupil);
  }

  remove(id: string): void {
    const old = this.pupils.get(id);
    if (!old) return;
    const entry = { key: this.nameKeys.get(id) ?? '', id };
    const at = lowerBound(this.byName, entry, compareByName);
    if (this.byName[at]?.id === id) this.byName.splice(at, 1);
    for (const word of old.searchWords) {
      const bucket = this.words.get(bucketOf(word));
      const found = bucket?.findIndex((w) => w.id === id && w.word === word) ?? -1;
      if (bucket && found >= 0) bucket.splice(found, 1);
    }
    this.pupils.delete(id);
    this.nameKeys.delete(id);
  }

  private addWords(pupil: Pupil): void {
    for (const word of pupil.searchWords) {
      const key = bucketOf(word);
      const bucket = this.words.get(key);
      if (bucket) bucket.push({ word, id: pupil.id });
      else this.words.set(key, [{ word, id: pupil.id }]);
    }
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
    const buckets = prefix.length >= 2
      ? [this.words.get(bucketOf(prefix)) ?? []]
      : [...this.words.entries()].filter(([key]) => key.startsWith(prefix)).map(([, bucket]) => bucket);
    const ids = new Set<string>();
    for (const bucket of buckets) {
      for (const entry of bucket) if (entry.word.startsWith(prefix)) ids.add(entry.id);
    }
    return ids;
  }
}
