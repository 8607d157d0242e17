/**
 * The pupil list's search index, held in memory: every young person in name order, and every
 * name word filed by its first two letters for prefix search. A keystroke is then a look in one
 * bucket and a walk over the matches, not a database read (tests/bench/README.md, "search per
 * keystroke"). Pure: the renderer loads it and keeps it current (renderer/src/db/pupil-list.ts).
 */
import {
  compareByName,
  compareForSort,
  keepsEveryone,
  looksLikeUpn,
  matchesFilters,
  nameSortKey,
  pupilListRowOf,
  searchWordsOf,
  type PupilListRow,
  type PupilFilters,
  type PupilSort,
} from './list';

interface Entry {
  key: string;
  id: string;
}
interface WordEntry {
  word: string;
  id: string;
}

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

function fileWords(words: Map<string, WordEntry[]>, pupil: PupilListRow): void {
  for (const word of pupil.searchWords) {
    const key = bucketOf(word);
    const bucket = words.get(key);
    if (bucket) bucket.push({ word, id: pupil.id });
    else words.set(key, [{ word, id: pupil.id }]);
  }
}

/** Two arrays each in order, as one in order (stable: `a`'s first where they tie). */
function mergeSorted<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): T[] {
  const merged: T[] = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let at = 0;
  while (i < a.length && j < b.length) merged[at++] = compare(b[j] as T, a[i] as T) < 0 ? (b[j++] as T) : (a[i++] as T);
  while (i < a.length) merged[at++] = a[i++] as T;
  while (j < b.length) merged[at++] = b[j++] as T;
  return merged;
}

/** The rows of these entries, in their order. */
function rowsOf(entries: readonly Entry[], pupils: ReadonlyMap<string, PupilListRow>): PupilListRow[] {
  const rows: PupilListRow[] = [];
  for (const { id } of entries) {
    const row = pupils.get(id);
    if (row) rows.push(row);
  }
  return rows;
}

/**
 * Builds an index in steps, so that no single step holds the window for long: `add` each batch of
 * records as it is read (keys and words worked out there, the batch's names sorted and merged with those
 * before), then one `adopt` merges the few runs left. Sorting every name at the end instead took one task of
 * 220 ms at a county read in record order (bench round ten). Whole records are cut to the
 * list's fields (pupilListRowOf), so the index never holds more than the list shows.
 */
export class PupilListIndexBuilder {
  private readonly pupils = new Map<string, PupilListRow>();
  private readonly nameKeys = new Map<string, string>();
  private readonly words = new Map<string, WordEntry[]>();
  /** The names added so far, as runs each in name order, longest first. */
  private readonly runs: Entry[][] = [];

  add(records: readonly PupilListRow[]): void {
    const run: Entry[] = [];
    for (const record of records) {
      const pupil = pupilListRowOf(record);
      const key = nameSortKey(pupil);
      this.pupils.set(pupil.id, pupil);
      this.nameKeys.set(pupil.id, key);
      run.push({ key, id: pupil.id });
      fileWords(this.words, pupil);
    }
    if (run.length === 0) return;
    this.runs.push(run.sort(compareByName));
    // Merged as they come, whenever the one before is no longer than the new one (as a binary counter
    // carries): each name is moved about log2(batches) times in all, and the runs left are few and shrinking.
    while (
      this.runs.length >= 2 &&
      (this.runs[this.runs.length - 2] as Entry[]).length <= (this.runs[this.runs.length - 1] as Entry[]).length
    ) {
      const last = this.runs.pop() as Entry[];
      const before = this.runs.pop() as Entry[];
      this.runs.push(mergeSorted(before, last, compareByName));
    }
  }

  /** The rows gathered so far, in the order they were added (a snapshot's rows need no order). */
  rows(): PupilListRow[] {
    return [...this.pupils.values()];
  }

  /** What the index takes over; the batches' sorted names merged into one order, here. */
  finish(): { pupils: Map<string, PupilListRow>; nameKeys: Map<string, string>; words: Map<string, WordEntry[]>; byName: Entry[] } {
    // The few runs left, smallest first into the next.
    const byName = this.runs.reduceRight<Entry[]>((merged, run) => mergeSorted(run, merged, compareByName), []);
    return { pupils: this.pupils, nameKeys: this.nameKeys, words: this.words, byName };
  }
}

/**
 * The rows of a list being read, without an index: for making the snapshot again in the background, which needs
 * the rows and the first screen's few names in order, not the words and name order of every young person (at a
 * county, building those only to throw them away made hundreds of megabytes of garbage). Batches are added as
 * they are read; the first `firstCount` by name are kept in order as they come.
 */
export class PupilListRowsCollector {
  private readonly collected: PupilListRow[] = [];
  private first: (Entry & { row: PupilListRow })[] = [];

  constructor(private readonly firstCount: number) {}

  add(records: readonly PupilListRow[]): void {
    for (const record of records) {
      const row = pupilListRowOf(record);
      this.collected.push(row);
      const entry = { key: nameSortKey(row), id: row.id, row };
      const last = this.first[this.first.length - 1];
      if (this.first.length >= this.firstCount && last && compareByName(entry, last) >= 0) continue;
      this.first.splice(lowerBound(this.first, entry, compareByName), 0, entry);
      if (this.first.length > this.firstCount) this.first.pop();
    }
  }

  /** Every row added, in the order added. */
  rows(): PupilListRow[] {
    return this.collected;
  }

  /** The first rows by name, up to the count given. */
  firstByName(): PupilListRow[] {
    return this.first.map((entry) => entry.row);
  }
}

export class PupilListIndex {
  private pupils = new Map<string, PupilListRow>();
  private nameKeys = new Map<string, string>();
  private byName: Entry[] = [];
  private words = new Map<string, WordEntry[]>();

  get size(): number {
    return this.pupils.size;
  }

  /** Replaces everything held with these records (in one go; see PupilListIndexBuilder for steps). */
  replaceAll(pupils: readonly PupilListRow[]): void {
    const builder = new PupilListIndexBuilder();
    builder.add(pupils);
    this.adopt(builder);
  }

  /** Takes over what a builder gathered, replacing everything held. */
  adopt(builder: PupilListIndexBuilder): void {
    const built = builder.finish();
    this.pupils = built.pupils;
    this.nameKeys = built.nameKeys;
    this.words = built.words;
    this.byName = built.byName;
  }

  /** Every row held, in name order (what a snapshot of the list stores). */
  rows(): PupilListRow[] {
    return rowsOf(this.byName, this.pupils);
  }

  /** The first `count` rows in name order (a snapshot's first screen). */
  firstByName(count: number): PupilListRow[] {
    return rowsOf(this.byName.slice(0, count), this.pupils);
  }

  /** Adds a record, or replaces the one with its id. */
  upsert(record: PupilListRow): void {
    const pupil = pupilListRowOf(record);
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

  private addWords(pupil: PupilListRow): void {
    fileWords(this.words, pupil);
  }

  /**
   * The young people who meet the filters, sorted: the same answer as
   * `sortPupils(all.filter((p) => matchesFilters(p, filters, today)), sort)`. Year groups are worked
   * out for `today` at each query, so the index holds nothing that goes stale on 1 September.
   */
  find(filters: PupilFilters, sort: PupilSort, today: string): PupilListRow[] {
    // The list as first opened: everyone, with no test to run on each (a county's 100,000 at start-up).
    if (keepsEveryone(filters)) {
      const everyone = this.rows();
      return sort === 'name' ? everyone : everyone.sort(compareForSort(sort));
    }
    const candidates = this.candidatesFor(filters.text.trim());
    // A few name matches are quicker to sort than to pick out of the whole list in name order.
    const inNameOrder =
      candidates && candidates.size * 8 < this.byName.length
        ? [...candidates].map((id) => ({ key: this.nameKeys.get(id) ?? '', id })).sort(compareByName)
        : this.byName;
    const found: PupilListRow[] = [];
    for (const { id } of inNameOrder) {
      if (candidates && !candidates.has(id)) continue;
      const pupil = this.pupils.get(id);
      if (pupil && matchesFilters(pupil, filters, today)) found.push(pupil);
    }
    return sort === 'name' ? found : found.sort(compareForSort(sort));
  }

  /** Ids whose name words start with the first typed word; null when the text does not narrow by name. */
  private candidatesFor(text: string): Set<string> | null {
    if (text === '' || looksLikeUpn(text)) return null;
    const prefix = searchWordsOf(text)[0];
    if (!prefix) return null;
    const buckets =
      prefix.length >= 2
        ? [this.words.get(bucketOf(prefix)) ?? []]
        : [...this.words.entries()].filter(([key]) => key.startsWith(prefix)).map(([, bucket]) => bucket);
    const ids = new Set<string>();
    for (const bucket of buckets) {
      for (const entry of bucket) if (entry.word.startsWith(prefix)) ids.add(entry.id);
    }
    return ids;
  }
}
