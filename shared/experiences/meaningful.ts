/**
 * Which Gatsby Benchmark an experience evidences, worked out from its kind, how it was attended and the
 * "meaningful" checklist; never stored, so a ticked box or a changed kind is reflected everywhere at once.
 */
import type { WorkplaceExperience } from '../model/experience';
import { EXPERIENCE_KINDS, MEANINGFUL_CRITERIA, labelOf, type MeaningfulCriterionId } from '../reference/lists';

export type EvidencedBenchmark = 5 | 6 | null;

const ENCOUNTER_CRITERIA: readonly MeaningfulCriterionId[] = MEANINGFUL_CRITERIA.filter((c) => c.benchmark === 5).map((c) => c.id);
const EXPERIENCE_CRITERIA: readonly MeaningfulCriterionId[] = MEANINGFUL_CRITERIA.map((c) => c.id);

type Evidence = Pick<WorkplaceExperience, 'kind' | 'mode' | 'meaningful'>;

/**
 * Benchmark 6 (an experience of a workplace) when every criterion is ticked; Benchmark 5 (a meaningful
 * encounter) when the first three are; otherwise null, not meaningful. A talk or workshop attended
 * virtually was not at the workplace, so it is at most an encounter; virtual work experience, designed
 * as a workplace experience, can reach Benchmark 6.
 */
export function benchmarkEvidenced(experience: Evidence): EvidencedBenchmark {
  const ticked = new Set(experience.meaningful);
  const has = (criteria: readonly MeaningfulCriterionId[]) => criteria.every((c) => ticked.has(c));
  if (!has(ENCOUNTER_CRITERIA)) return null;
  const atTheWorkplace = !(experience.kind === 'workplace-talk' && experience.mode === 'virtual');
  return atTheWorkplace && has(EXPERIENCE_CRITERIA) ? 6 : 5;
}

export function isMeaningful(experience: Evidence): boolean {
  return benchmarkEvidenced(experience) !== null;
}

/** "Benchmark 6", "Benchmark 5" or "Not meaningful yet", for lists. */
export function benchmarkLabel(benchmark: EvidencedBenchmark): string {
  return benchmark === null ? 'Not meaningful yet' : `Benchmark ${benchmark}`;
}

/** The criteria still missing for Benchmark 6, in checklist order, for the adviser to see why. */
export function missingCriteria(experience: Pick<WorkplaceExperience, 'meaningful'>): MeaningfulCriterionId[] {
  const ticked = new Set(experience.meaningful);
  return EXPERIENCE_CRITERIA.filter((c) => !ticked.has(c));
}

export function experienceKindLabel(kind: WorkplaceExperience['kind']): string {
  return labelOf(EXPERIENCE_KINDS, kind);
}
