import { describe, expect, it } from 'vitest';
import { bestAssignment, type Assignment } from '@shared/matching/assignment';
import { createRandom, type RandomSource } from '@shared/random';

type Scores = (number | null)[][];

/** Every assignment tried: the most placed, then the highest total. */
function bruteForce(scores: Scores, capacities: number[]): { placed: number; total: number } {
  let best = { placed: 0, total: 0 };
  const left = [...capacities];
  function go(p: number, placed: number, total: number): void {
    if (p === scores.length) {
      if (placed > best.placed || (placed === best.placed && total > best.total + 1e-9)) best = { placed, total };
      return;
    }
    go(p + 1, placed, total);
    scores[p]!.forEach((score, o) => {
      if (score === null || left[o]! === 0) return;
      left[o]! -= 1;
      go(p + 1, placed + 1, total + score);
      left[o]! += 1;
    });
  }
  go(0, 0, 0);
  return best;
}

/** The result is a real assignment: allowed pairs only, capacities held, and placed and total add up. */
function expectFeasible(result: Assignment, scores: Scores, capacities: number[]): void {
  expect(result.offerOfPupil).toHaveLength(scores.length);
  const used = capacities.map(() => 0);
  let placed = 0;
  let total = 0;
  result.offerOfPupil.forEach((offer, p) => {
    if (offer === null) return;
    const score = scores[p]![offer];
    expect(score, `pupil ${p} was given a pair that is not allowed`).not.toBeNull();
    used[offer]! += 1;
    placed += 1;
    total += score!;
  });
  used.forEach((n, o) => expect(n).toBeLessThanOrEqual(capacities[o]!));
  expect(result.placed).toBe(placed);
  expect(result.total).toBeCloseTo(total, 9);
}

function randomInstance(
  random: RandomSource,
  maxPupils: number,
  maxOffers: number,
  integerScores: boolean,
): { scores: Scores; capacities: number[] } {
  const pupils = random.int(0, maxPupils);
  const offers = random.int(0, maxOffers);
  const capacities = Array.from({ length: offers }, () => random.int(0, 2));
  const nullChance = random.pick([0, 0.3, 0.6, 0.9]);
  const scores = Array.from({ length: pupils }, () =>
    Array.from({ length: offers }, () => {
      if (random.chance(nullChance)) return null;
      return integerScores ? random.int(-3, 5) : Math.round((random.next() * 140 - 40) * 1000) / 1000;
    }),
  );
  return { scores, capacities };
}

describe('best assignment of pupils to offers', () => {
  it('equals the exhaustive optimum on many small random instances with fractional scores', () => {
    const random = createRandom(20261124);
    for (let i = 0; i < 600; i++) {
      const { scores, capacities } = randomInstance(random, 6, 4, false);
      const result = bestAssignment(scores, capacities);
      const optimum = bruteForce(scores, capacities);
      expectFeasible(result, scores, capacities);
      expect(result.placed, `instance ${i}`).toBe(optimum.placed);
      expect(result.total, `instance ${i}`).toBeCloseTo(optimum.total, 6);
    }
  });

  it('equals the exhaustive optimum when many assignments tie on small whole-number scores', () => {
    const random = createRandom(7);
    for (let i = 0; i < 600; i++) {
      const { scores, capacities } = randomInstance(random, 7, 3, true);
      const result = bestAssignment(scores, capacities);
      const optimum = bruteForce(scores, capacities);
      expectFeasible(result, scores, capacities);
      expect(result.placed).toBe(optimum.placed);
      expect(result.total).toBe(optimum.total);
    }
  });

  it('places as many pupils as possible before looking at the total score', () => {
    // Pupil 0 loves offer 0, but only offer 0 will take pupil 1: both are placed, at a cost.
    const scores: Scores = [
      [100, -50],
      [1, null],
    ];
    const result = bestAssignment(scores, [1, 1]);
    expect(result).toEqual({ offerOfPupil: [1, 0], placed: 2, total: -49 });
  });

  it('still places pupils whose only scores are negative', () => {
    const result = bestAssignment([[-10], [-30]], [2]);
    expect(result).toEqual({ offerOfPupil: [0, 0], placed: 2, total: -40 });
  });

  it('gives the better-scoring pupil the last place when only one can go', () => {
    const result = bestAssignment([[40], [70], [55]], [1]);
    expect(result).toEqual({ offerOfPupil: [null, 0, null], placed: 1, total: 70 });
  });

  it('never uses a pair that is not allowed, even when it would place more', () => {
    const scores: Scores = [
      [null, 5],
      [null, 9],
    ];
    const result = bestAssignment(scores, [5, 1]);
    expect(result).toEqual({ offerOfPupil: [null, 1], placed: 1, total: 9 });
  });

  it('handles no pupils, no offers, zero capacity and nothing allowed', () => {
    expect(bestAssignment([], [1, 2])).toEqual({ offerOfPupil: [], placed: 0, total: 0 });
    expect(bestAssignment([[], []], [])).toEqual({ offerOfPupil: [null, null], placed: 0, total: 0 });
    expect(
      bestAssignment(
        [
          [10, 20],
          [30, 40],
        ],
        [0, 0],
      ),
    ).toEqual({ offerOfPupil: [null, null], placed: 0, total: 0 });
    expect(
      bestAssignment(
        [
          [null, null],
          [null, null],
        ],
        [3, 3],
      ),
    ).toEqual({ offerOfPupil: [null, null], placed: 0, total: 0 });
    expect(bestAssignment([[10, 20]], [0, 1])).toEqual({ offerOfPupil: [1], placed: 1, total: 20 });
  });

  it('treats a capacity larger than the cohort as room for everyone', () => {
    const result = bestAssignment([[1], [2], [3]], [500]);
    expect(result).toEqual({ offerOfPupil: [0, 0, 0], placed: 3, total: 6 });
  });

  it('rejects malformed input as a bug in the caller', () => {
    expect(() => bestAssignment([[1, 2]], [1])).toThrow(RangeError);
    expect(() => bestAssignment([[1]], [-1])).toThrow(RangeError);
    expect(() => bestAssignment([[1]], [1.5])).toThrow(RangeError);
    expect(() => bestAssignment([[Number.NaN]], [1])).toThrow(RangeError);
  });

  it('allocates 300 pupils to 500 offers, filling what the constraints allow', () => {
    const random = createRandom(300500);
    const capacities = Array.from({ length: 500 }, () => random.int(1, 4));
    const scores: Scores = Array.from({ length: 300 }, () =>
      Array.from({ length: 500 }, () => (random.chance(0.7) ? null : random.int(0, 10_000) / 100)),
    );
    const result = bestAssignment(scores, capacities);
    expectFeasible(result, scores, capacities);
    expect(result.placed).toBe(300);
  });

  it('matches a maximum matching on a large sparse instance where not everyone can be placed', () => {
    // 200 pupils who all want the same 3 offers of 10 places each, plus a few with a private offer.
    const random = createRandom(99);
    const scores: Scores = Array.from({ length: 200 }, (_, p) =>
      Array.from({ length: 23 }, (_, o) => (o < 3 ? random.int(0, 100) : o - 3 === p ? 1 : null)),
    );
    const capacities = [10, 10, 10, ...Array.from({ length: 20 }, () => 1)];
    const result = bestAssignment(scores, capacities);
    expectFeasible(result, scores, capacities);
    expect(result.placed).toBe(50);
  });
});
