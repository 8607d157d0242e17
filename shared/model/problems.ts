import type { z } from 'zod';

/** A problem the user can fix: which field (dotted path), and what to do. */
export interface Problem {
  field: string;
  message: string;
  /** 1-based row of an imported file, where the problem came from one. */
  row?: number;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/**
 * A save refused because the record changed elsewhere (another window, an import, a merge) since its
 * form opened it: nothing was written, and `stored` is the version now kept, to compare side by side.
 */
export interface Conflicted<S> {
  ok: false;
  conflict: { stored: S };
}

/** What a save checked against the version its form opened answers: saved, problems to fix, or a conflict. */
export type CheckedSave<T, S = T> = Checked<T> | Conflicted<S>;

/** Whether a save was refused because the record changed elsewhere. */
export function isConflicted<T, S>(result: CheckedSave<T, S>): result is Conflicted<S> {
  return !result.ok && 'conflict' in result;
}

/** Turns a zod failure into one problem per field (the first message for each), in form order. */
export function problemsFromZod(error: z.ZodError): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    problems.push({ field, message: issue.message });
  }
  return problems;
}

/** Parses with a schema and returns problems as values, for forms and imports. */
export function check<S extends z.ZodType>(schema: S, value: unknown): Checked<z.infer<S>> {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: problemsFromZod(result.error) };
}

/** Problems keyed by field, for showing each message beside its field. */
export function problemsByField(problems: readonly Problem[]): Record<string, string> {
  return Object.fromEntries(problems.map((p) => [p.field, p.message]));
}
