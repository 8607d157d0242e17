/**
 * A record changed elsewhere (another window, an import, a merge) while a form had it open. Compared
 * as the form holds it, so every field is one the adviser can see, and the record built from their
 * choices goes back through the form's own rules before it is saved.
 *
 * - `differingFields`: the fields whose values differ between two versions (also used by backup merging);
 * - `compareVersions`: each differing field with the value saved elsewhere, the adviser's, and which
 *   of them changed it since the form opened;
 * - `defaultChoices`: the adviser's value, except where only the other side changed the field;
 * - `withChoices`: the adviser's version with the values they chose to take from the other.
 */
import { canonicalJson } from '../backup/format';

export type Side = 'elsewhere' | 'yours';

export interface FieldDifference {
  /** The field, dotted within nested groups ("consent.dataSharing"). */
  field: string;
  /** The field's name as the form shows it. */
  label: string;
  elsewhere: unknown;
  yours: unknown;
  /** Whether the version saved elsewhere changed it since the form opened (true when that version is not known). */
  changedElsewhere: boolean;
  /** Whether the adviser changed it since the form opened (true when that version is not known). */
  changedHere: boolean;
}

function isGroup(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function valueAt(record: unknown, field: string): unknown {
  let value = record;
  for (const key of field.split('.')) value = isGroup(value) ? value[key] : undefined;
  return value;
}

/** Every field path of a record: groups (plain objects) opened one level at a time when `nested`, lists kept whole. */
function fieldsOf(a: unknown, b: unknown, nested: boolean, prefix = ''): string[] {
  const keys = new Set([...(isGroup(a) ? Object.keys(a) : []), ...(isGroup(b) ? Object.keys(b) : [])]);
  return [...keys].flatMap((key) => {
    const av = isGroup(a) ? a[key] : undefined;
    const bv = isGroup(b) ? b[key] : undefined;
    const path = `${prefix}${key}`;
    return nested && (isGroup(av) || isGroup(bv)) ? fieldsOf(av, bv, nested, `${path}.`) : [path];
  });
}

export interface DifferingOptions {
  /** Fields the adviser does not choose between (bookkeeping such as `updatedAt`). */
  ignore?: readonly string[];
  /** Compare inside groups (plain objects) field by field, rather than each group as one value. */
  nested?: boolean;
}

/** The fields whose values differ between two versions of a record, in the order they first appear. */
export function differingFields(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
  options: DifferingOptions = {},
): string[] {
  const ignore = new Set(options.ignore ?? []);
  return fieldsOf(a, b, options.nested ?? false).filter((field) => !ignore.has(field) && !same(valueAt(a, field), valueAt(b, field)));
}

/**
 * A field's name in words: its own label, else its group's label with the field's name ("Consent: data sharing").
 * Labels are the form's, keyed by dotted field.
 */
export function fieldLabel(field: string, labels: Readonly<Record<string, string>>): string {
  const own = labels[field];
  if (own) return own;
  const dot = field.lastIndexOf('.');
  const name = field
    .slice(dot + 1)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  if (dot < 0) return name.charAt(0).toUpperCase() + name.slice(1);
  return `${fieldLabel(field.slice(0, dot), labels)}: ${name}`;
}

export interface Versions<T> {
  /** The version the form opened, as the form held it; null when not known (a draft kept from an older version). */
  opened: T | null;
  /** The version saved elsewhere since, as the form would hold it. */
  elsewhere: T;
  /** The form as the adviser has it now. */
  yours: T;
  labels: Readonly<Record<string, string>>;
}

/** Each field in which the version saved elsewhere and the adviser's differ, side by side. */
export function compareVersions<T extends object>(versions: Versions<T>): FieldDifference[] {
  const { opened, elsewhere, yours } = versions;
  const asRecord = (value: T) => value as Readonly<Record<string, unknown>>;
  return differingFields(asRecord(elsewhere), asRecord(yours), { nested: true }).map((field) => ({
    field,
    label: fieldLabel(field, versions.labels),
    elsewhere: valueAt(elsewhere, field),
    yours: valueAt(yours, field),
    changedElsewhere: opened === null || !same(valueAt(opened, field), valueAt(elsewhere, field)),
    changedHere: opened === null || !same(valueAt(opened, field), valueAt(yours, field)),
  }));
}

/** The adviser's value for every field, except one only the other side changed: its change is kept. */
export function defaultChoices(differences: readonly FieldDifference[]): Record<string, Side> {
  return Object.fromEntries(differences.map((d) => [d.field, d.changedHere ? 'yours' : 'elsewhere'] as const));
}

/** The adviser's version with each field chosen from the other side taken from it. A field not chosen stays the adviser's. */
export function withChoices<T extends object>(yours: T, elsewhere: T, choices: Readonly<Record<string, Side>>): T {
  // A form is plain JSON (its drafts are stored so); copied that way, a live (proxied) form can be given.
  const result = JSON.parse(JSON.stringify(yours)) as Record<string, unknown>;
  for (const [field, side] of Object.entries(choices)) {
    if (side !== 'elsewhere') continue;
    const keys = field.split('.');
    const last = keys.pop() ?? field;
    let group: Record<string, unknown> = result;
    for (const key of keys) {
      const inner = group[key];
      if (!isGroup(inner)) group[key] = {};
      group = group[key] as Record<string, unknown>;
    }
    const chosen = valueAt(elsewhere, field);
    group[last] = chosen === undefined ? undefined : (JSON.parse(JSON.stringify(chosen)) as unknown);
  }
  return result as T;
}

/** A value as the comparison shows it, in words: "Not recorded", "Yes", a list's items. */
export function valueInWords(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'Not recorded';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.length === 0 ? 'None' : value.map(valueInWords).join('; ');
  if (isGroup(value)) {
    // A row of a list (an action, a goal, an encounter): its words, without ids.
    const words = ['what', 'text', 'name', 'label', 'byWhen', 'note']
      .map((key) => value[key])
      .filter((v): v is string => typeof v === 'string' && v !== '');
    return words.length > 0 ? words.join(', ') : 'Recorded';
  }
  return String(value);
}
