/**
 * Helpers shared by the session and action-plan forms: problems merged, placed and ordered as the
 * form shows them, and a form refilled from a draft.
 */
import type { Problem } from '../model/problems';

/** Problems from several sources, one per field (the first wins), in the order given. */
export function merged(...lists: Problem[][]): Problem[] {
  const seen = new Set<string>();
  return lists.flat().filter((p) => (seen.has(p.field) ? false : (seen.add(p.field), true)));
}

/** Collapses list element paths that the form shows as one field ("topics.3" shows beside "topics"). */
export function onField(problems: Problem[], listFields: readonly string[]): Problem[] {
  return problems.map((p) => {
    const head = p.field.split('.')[0] ?? p.field;
    return listFields.includes(head) ? { ...p, field: head } : p;
  });
}

/** Puts problems in the order the form shows its fields (rows of a list keep their order). */
export function order(problems: Problem[], fields: readonly string[]): Problem[] {
  const rank = (p: Problem) => {
    const i = fields.indexOf(p.field.split('.')[0] ?? p.field);
    return i === -1 ? fields.length : i;
  };
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || rowOf(a.p) - rowOf(b.p) || a.i - b.i)
    .map(({ p }) => p);
}

function rowOf(problem: Problem): number {
  const row = Number(problem.field.split('.')[1]);
  return Number.isInteger(row) ? row : -1;
}

/**
 * A form filled from a draft's stored data, field by field over `base`: a field the draft lacks,
 * or holds with the wrong shape (an older version of the form), keeps its value from `base`.
 */
export function formFromDraft<T extends object>(base: T, data: Record<string, unknown>): T {
  const result = { ...base } as Record<string, unknown>;
  for (const [key, fallback] of Object.entries(base)) {
    if (!(key in data)) continue;
    const value = data[key];
    const sameShape =
      fallback === null || value === null ? true : Array.isArray(fallback) ? Array.isArray(value) : typeof value === typeof fallback;
    if (sameShape) result[key] = value;
  }
  return result as T;
}
