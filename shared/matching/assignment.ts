/* eslint-disable @typescript-eslint/no-non-null-assertion --
   min-cost flow over arrays sized up front (nodes, edges, heap slots); every index is a node or edge number
   inside them, in the hot loop of the allocation */
/**
 * Optimal capacitated assignment, generic and free of domain rules: pupils to offers, each pupil to
 * at most one offer, each offer taking at most its capacity. Optimal means lexicographic: first the
 * most pupils placed, then, among all assignments placing that many, the highest total score.
 *
 * Min-cost max-flow by successive shortest paths on source → pupils → offers → sink. Successive
 * shortest paths gives a cheapest flow of every size k on the way, so running it until no augmenting
 * path is left gives the cheapest maximum flow: exactly the lexicographic optimum, with no big-M.
 */

export interface Assignment {
  /** The offer index given to each pupil, or null. */
  offerOfPupil: (number | null)[];
  placed: number;
  /** Sum of the scores of the pairs used. */
  total: number;
}

// Every index below is a node or edge number this function made, in range by construction: typed-array
// reads carry `!` (noUncheckedIndexedAccess) rather than checks on the hot path.

/** Scores are compared to this precision: costs become exact integers, so Dijkstra never sees rounding. */
const TARGET_SCALE = 1e6;

/**
 * `scores[p][o]` is pupil p's score for offer o (higher is better; null means not allowed);
 * `capacities[o]` how many pupils offer o takes. Throws on malformed input, which is a bug in the caller.
 */
export function bestAssignment(scores: (number | null)[][], capacities: number[]): Assignment {
  const pupilCount = scores.length;
  const offerCount = capacities.length;
  for (const capacity of capacities) {
    if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError(`Capacity must be a whole number of 0 or more, not ${capacity}`);
  }
  let maxScore = -Infinity;
  let maxAbs = 0;
  let edgeCount = 0;
  for (const row of scores) {
    if (row.length !== offerCount) throw new RangeError(`Each row of scores needs ${offerCount} entries, not ${row.length}`);
    for (let o = 0; o < offerCount; o++) {
      const s = row[o];
      if (s === null || s === undefined || capacities[o] === 0) continue;
      if (!Number.isFinite(s)) throw new RangeError(`Scores must be finite numbers or null, not ${s}`);
      if (s > maxScore) maxScore = s;
      if (Math.abs(s) > maxAbs) maxAbs = Math.abs(s);
      edgeCount++;
    }
  }
  const offerOfPupil: (number | null)[] = new Array<number | null>(pupilCount).fill(null);
  if (edgeCount === 0) return { offerOfPupil, placed: 0, total: 0 };

  // Keep every path length below 2^53 so integer costs stay exact in doubles.
  const scale = Math.min(TARGET_SCALE, 2 ** 50 / ((2 * maxAbs + 1) * (2 * pupilCount + 2)));

  const source = 0;
  const sink = pupilCount + offerCount + 1;
  const nodeCount = sink + 1;
  const maxEdges = 2 * (pupilCount + edgeCount + offerCount);
  const to = new Int32Array(maxEdges);
  const cap = new Int32Array(maxEdges);
  const cost = new Float64Array(maxEdges);
  const next = new Int32Array(maxEdges);
  const head = new Int32Array(nodeCount).fill(-1);
  let m = 0;
  function addEdge(u: number, v: number, capacity: number, c: number): number {
    to[m] = v;
    cap[m] = capacity;
    cost[m] = c;
    next[m] = head[u]!;
    head[u] = m;
    m++;
    to[m] = u;
    cap[m] = 0;
    cost[m] = -c;
    next[m] = head[v]!;
    head[v] = m;
    m++;
    return m - 2;
  }

  // Costs are (best score − score), all ≥ 0: every augmenting path adds exactly one pupil–offer pair
  // net, so a constant shift per pair changes no comparison between flows of the same size, and
  // lets Dijkstra start with zero potentials.
  const pairEdges: { pupil: number; offer: number; edge: number }[] = [];
  for (let p = 0; p < pupilCount; p++) {
    const row = scores[p]!;
    let any = false;
    for (let o = 0; o < offerCount; o++) {
      const s = row[o];
      if (s === null || s === undefined || capacities[o] === 0) continue;
      pairEdges.push({ pupil: p, offer: o, edge: addEdge(1 + p, 1 + pupilCount + o, 1, Math.round((maxScore - s) * scale)) });
      any = true;
    }
    if (any) addEdge(source, 1 + p, 1, 0);
  }
  for (let o = 0; o < offerCount; o++) {
    const capacity = capacities[o]!;
    if (capacity > 0) addEdge(1 + pupilCount + o, sink, Math.min(capacity, pupilCount), 0);
  }

  const potential = new Float64Array(nodeCount);
  const dist = new Float64Array(nodeCount);
  const prevEdge = new Int32Array(nodeCount);
  const done = new Uint8Array(nodeCount);
  const heap = new MinHeap(m + nodeCount);

  for (;;) {
    dist.fill(Infinity);
    done.fill(0);
    heap.clear();
    dist[source] = 0;
    heap.push(0, source);
    while (heap.size > 0) {
      const d = heap.topKey();
      const u = heap.pop();
      if (done[u] || d > dist[u]!) continue;
      done[u] = 1;
      if (u === sink) break; // stopping early is safe with the capped potential update below
      const pu = potential[u]!;
      for (let e = head[u]!; e !== -1; e = next[e]!) {
        if (cap[e]! <= 0) continue;
        const v = to[e]!;
        if (done[v]) continue;
        const nd = d + cost[e]! + pu - potential[v]!;
        if (nd < dist[v]!) {
          dist[v] = nd;
          prevEdge[v] = e;
          heap.push(nd, v);
        }
      }
    }
    if (!done[sink]) break;
    // Nodes not settled get the sink's distance: reduced costs stay ≥ 0 either way.
    const reach = dist[sink]!;
    for (let v = 0; v < nodeCount; v++) potential[v]! += done[v] ? dist[v]! : reach;
    // Source edges have capacity 1, so each path carries one pupil.
    for (let v = sink; v !== source; v = to[prevEdge[v]! ^ 1]!) {
      const e = prevEdge[v]!;
      cap[e]! -= 1;
      cap[e ^ 1]! += 1;
    }
  }

  let placed = 0;
  let total = 0;
  for (const { pupil, offer, edge } of pairEdges) {
    if (cap[edge] === 0) {
      offerOfPupil[pupil] = offer;
      placed++;
      total += scores[pupil]![offer]!;
    }
  }
  return { offerOfPupil, placed, total };
}

/** A binary min-heap of (key, node) with lazy deletion: stale entries are skipped by the caller. */
class MinHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(1, capacity));
    this.nodes = new Int32Array(Math.max(1, capacity));
  }

  clear(): void {
    this.size = 0;
  }

  topKey(): number {
    return this.keys[0]!;
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.keys[i] = this.keys[parent]!;
      this.nodes[i] = this.nodes[parent]!;
      i = parent;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  pop(): number {
    const top = this.nodes[0]!;
    const last = --this.size;
    if (last > 0) {
      const key = this.keys[last]!;
      const node = this.nodes[last]!;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= last) break;
        if (child + 1 < last && this.keys[child + 1]! < this.keys[child]!) child++;
        if (this.keys[child]! >= key) break;
        this.keys[i] = this.keys[child]!;
        this.nodes[i] = this.nodes[child]!;
        i = child;
      }
      this.keys[i] = key;
      this.nodes[i] = node;
    }
    return top;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const nodes = new Int32Array(this.nodes.length * 2);
    keys.set(this.keys);
    nodes.set(this.nodes);
    this.keys = keys;
    this.nodes = nodes;
  }
}
