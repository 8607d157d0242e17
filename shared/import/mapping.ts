/**
 * Which column of a file holds which field. Column headings differ between MIS packages and
 * versions, so each field lists the headings it is known by; anything else the user maps by hand.
 */
import type { Problem } from '../model/problems';

export interface ImportField<Id extends string = string> {
  id: Id;
  label: string;
  /** Headings this field is known by, compared without case, spaces or punctuation. */
  aliases: readonly string[];
  required?: boolean;
  hint?: string;
}

/** Field id → the index of the column that holds it, or null when the file does not have it. */
export type ColumnMapping<Id extends string = string> = Record<Id, number | null>;

/** "NC Year Actual" and "nc_year_actual" compare equal; "% Attendance" and "Attendance %" too. */
export function normaliseHeading(heading: string): string {
  return heading.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The columns the headings suggest: for each field in order, the first alias that some unused
 * column carries. A column is given to one field at most.
 */
export function suggestMapping<Id extends string>(headers: readonly string[], fields: readonly ImportField<Id>[]): ColumnMapping<Id> {
  const normalised = headers.map(normaliseHeading);
  const taken = new Set<number>();
  const mapping = {} as ColumnMapping<Id>;
  for (const field of fields) {
    mapping[field.id] = null;
    for (const alias of field.aliases) {
      const index = normalised.findIndex((heading, i) => heading === normaliseHeading(alias) && !taken.has(i));
      if (index >= 0) {
        mapping[field.id] = index;
        taken.add(index);
        break;
      }
    }
  }
  return mapping;
}

/** Required fields with no column, and a column given to two fields. */
export function mappingProblems<Id extends string>(
  mapping: ColumnMapping<Id>,
  fields: readonly ImportField<Id>[],
  headers: readonly string[],
): Problem[] {
  const problems: Problem[] = [];
  const users = new Map<number, string>();
  for (const field of fields) {
    const column = mapping[field.id];
    if (column === null || column === undefined) {
      if (field.required) problems.push({ field: field.id, message: `Choose the column that holds ${field.label.toLowerCase()}` });
      continue;
    }
    if (column < 0 || column >= headers.length) {
      problems.push({ field: field.id, message: 'That column is not in the file' });
      continue;
    }
    const other = users.get(column);
    if (other) problems.push({ field: field.id, message: `The column "${headers[column]}" is already used for ${other.toLowerCase()}` });
    else users.set(column, field.label);
  }
  return problems;
}

/** Headings no field uses, so the user can see what will be left out. */
export function unmappedHeadings<Id extends string>(mapping: ColumnMapping<Id>, headers: readonly string[]): string[] {
  const used = new Set(Object.values(mapping).filter((v): v is number => typeof v === 'number'));
  return headers.filter((_, index) => !used.has(index));
}
