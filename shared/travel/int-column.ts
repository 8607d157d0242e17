/* eslint-disable @typescript-eslint/no-non-null-assertion --
   a typed-array column: every index read is below its length, checked by the callers' loops */
/** A growing column of 32-bit integers: a feed's millions of stop times without a JS object each. */
export class IntColumn {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  get(index: number): number {
    return this.data[index]!;
  }

  /** The values pushed, trimmed to their number. */
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Indices 0..count-1 ordered by an integer key (ties keep index order). Packs key and index into one
 * float so that the typed array's own numeric sort does the work: far quicker than a comparator on a
 * million entries. Keys must lie within ±2^27 (times in seconds do) and counts below 2^24.
 */
export function orderByKey(count: number, keyOf: (index: number) => number): Int32Array {
  const INDEX_SPAN = 2 ** 24;
  const KEY_SHIFT = 2 ** 27;
  if (count >= INDEX_SPAN) throw new Error(`Too many entries to order: ${count}`);
  const packed = new Float64Array(count);
  for (let i = 0; i < count; i++) packed[i] = (keyOf(i) + KEY_SHIFT) * INDEX_SPAN + i;
  packed.sort();
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = packed[i]! % INDEX_SPAN;
  return order;
}
