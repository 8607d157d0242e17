/**
 * The eight Gatsby Benchmarks of good career guidance (refreshed for use from September 2025).
 * Benchmark 8 expects a personal guidance meeting with a qualified adviser by 16 and another by 18.
 */
export const GATSBY_BENCHMARKS = [
  { id: 1, label: 'A stable careers programme' },
  { id: 2, label: 'Learning from career and labour market information' },
  { id: 3, label: 'Addressing the needs of each young person' },
  { id: 4, label: 'Linking curriculum learning to careers' },
  { id: 5, label: 'Encounters with employers and employees' },
  { id: 6, label: 'Experiences of workplaces' },
  { id: 7, label: 'Encounters with further and higher education' },
  { id: 8, label: 'Personal guidance' },
] as const;
export type BenchmarkId = (typeof GATSBY_BENCHMARKS)[number]['id'];

export function benchmarkLabel(id: number): string {
  const found = GATSBY_BENCHMARKS.find((b) => b.id === id);
  return found ? `Benchmark ${found.id}: ${found.label}` : `Benchmark ${id}`;
}

/**
 * Provider Access Legislation: encounters with providers of technical education or apprenticeships,
 * two in each pair of year groups (Years 12 and 13 are offered to all rather than required).
 */
export const PROVIDER_ACCESS_TARGETS = [
  { id: 'years-8-9', label: 'Years 8 to 9', yearGroups: [8, 9], encounters: 2, required: true },
  { id: 'years-10-11', label: 'Years 10 to 11', yearGroups: [10, 11], encounters: 2, required: true },
  { id: 'years-12-13', label: 'Years 12 to 13', yearGroups: [12, 13], encounters: 2, required: false },
] as const;
