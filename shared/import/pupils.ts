/**
 * One row of an MIS export → a young person's record. The row's values are read (dates, flags,
 * codes), laid over an empty form (adding) or over the stored record's form (updating), and then
 * checked by the very rules of the "add a young person" form (shared/pupils/form.ts), so an
 * imported record can never be one the form would refuse.
 */
import type { School } from '../model/organisation';
import { foldName, type Pupil } from '../model/pupil';
import type { Problem } from '../model/problems';
import type { RiskWeights } from '../risk';
import { formatUkDate, yearGroupLabel } from '../academic-year';
import { normaliseUpn } from '../identifiers';
import { checkPupilForm, derivedYearGroup, emptyPupilForm, formFromPupil, type PupilForm, type PupilRecordInput } from '../pupils/form';
import type { ColumnMapping } from './mapping';
import type { CheckedRow } from './rows';
import { PUPIL_IMPORT_FIELDS, type PupilImportFieldId } from './pupil-fields';
import { readFlag, readGender, readPercent, readSenStatus, readUkDate, readYearGroup, shown, type Read, type SenStatus } from './values';

export type PupilMapping = ColumnMapping<PupilImportFieldId>;

export interface PupilImportContext {
  /** Today (ISO): year groups and ages are worked out on this day. */
  today: string;
  riskWeights?: RiskWeights;
  /** Schools set up in Settings, to match a School column against. */
  schools: readonly Pick<School, 'id' | 'name' | 'urn' | 'establishmentNumber'>[];
  /** The school for rows with no School column or a blank one. */
  defaultSchoolId: string | null;
}

/** What one row says, read into the types the record needs; a field is absent when the file does not have it. */
export interface PupilRowValues {
  upn: string;
  legalSurname: string;
  legalForename: string;
  preferredForename: string;
  preferredSurname: string;
  dateOfBirth: string;
  gender: Pupil['gender'];
  yearGroup: number | null;
  postcode: string;
  sen: SenStatus;
  freeSchoolMeals: boolean;
  pupilPremium: boolean;
  lookedAfter: boolean;
  eal: boolean;
  youngCarer: boolean;
  attendancePercent: number | null;
  uln: string;
  email: string;
  schoolId: string | null;
}

/** The keys duplicates are looked for by: the UPN, then the legal name with the date of birth. */
export type DuplicateKeys = {
  upn: string | null;
  nameAndBirth: string | null;
};

/** One stored UPN match is updated by default: the same pupils exported again. */
export const PUPIL_DUPLICATE_OPTIONS = { updateByDefault: ['upn'] } as const;

export type CheckedPupilRow = CheckedRow<PupilRecordInput>;

const TEXT_FIELDS = ['upn', 'legalSurname', 'legalForename', 'preferredForename', 'preferredSurname', 'postcode', 'uln', 'email'] as const;
const FLAG_FIELDS = ['freeSchoolMeals', 'pupilPremium', 'lookedAfter', 'eal', 'youngCarer'] as const;

/** Matches a School value against the schools set up: by URN, establishment number (or LAESTAB), or name. */
export function matchSchool(value: string, schools: PupilImportContext['schools']): Read<string> {
  const text = value.trim();
  const digits = text.replace(/\s+/g, '');
  const byUrn = /^\d{6}$/.test(digits) ? schools.find((s) => s.urn === digits) : undefined;
  if (byUrn) return { ok: true, value: byUrn.id };
  // LAESTAB is the LA number and the establishment number together: 8864000.
  const establishment = /^\d{4}$/.test(digits) ? digits : /^88[67]\d{4}$/.test(digits) ? digits.slice(3) : null;
  const byEstablishment = establishment ? schools.find((s) => s.establishmentNumber === establishment) : undefined;
  if (byEstablishment) return { ok: true, value: byEstablishment.id };
  const byName = schools.find((s) => s.name.trim().toLowerCase() === text.toLowerCase());
  if (byName) return { ok: true, value: byName.id };
  return {
    ok: false,
    message:
      `No school ${shown(value)} is set up: add it in Settings, ` + 'or map the School column to "Not in this file" and choose the school',
  };
}

/** The row's values for the fields the mapping gives a column, with a problem for each value that cannot be read. */
export function readPupilRow(
  cells: readonly string[],
  mapping: PupilMapping,
  context: PupilImportContext,
): { values: Partial<PupilRowValues>; problems: Problem[] } {
  const values: Partial<PupilRowValues> = {};
  const problems: Problem[] = [];
  const cell = (field: PupilImportFieldId): string | null => {
    const column = mapping[field];
    return column === null || column === undefined ? null : (cells[column] ?? '');
  };
  const take = <T>(field: PupilImportFieldId, read: Read<T>, set: (value: T) => void): void => {
    if (read.ok) set(read.value);
    else problems.push({ field, message: read.message });
  };

  for (const field of TEXT_FIELDS) {
    const text = cell(field);
    if (text !== null) values[field] = text.trim();
  }
  for (const field of FLAG_FIELDS) {
    const text = cell(field);
    if (text !== null)
      take(field, readFlag(text), (v) => {
        values[field] = v;
      });
  }
  const dob = cell('dateOfBirth');
  if (dob !== null && dob.trim() !== '')
    take('dateOfBirth', readUkDate(dob), (v) => {
      values.dateOfBirth = v;
    });
  const gender = cell('gender');
  if (gender !== null)
    take('gender', readGender(gender), (v) => {
      values.gender = v;
    });
  const year = cell('yearGroup');
  if (year !== null)
    take('yearGroup', readYearGroup(year), (v) => {
      values.yearGroup = v;
    });
  const sen = cell('senStatus');
  if (sen !== null)
    take('senStatus', readSenStatus(sen), (v) => {
      values.sen = v;
    });
  const attendance = cell('attendancePercent');
  if (attendance !== null)
    take('attendancePercent', readPercent(attendance), (v) => {
      values.attendancePercent = v;
    });
  const school = cell('school');
  if (school !== null && school.trim() !== '')
    take('school', matchSchool(school, context.schools), (v) => {
      values.schoolId = v;
    });
  return { values, problems };
}

/**
 * Lays the row's values over a form. Adding starts from an empty form; updating starts from the
 * stored record and changes only what the file has a value for, so a blank cell never wipes
 * what an adviser recorded.
 */
export function pupilFormFromRow(values: Partial<PupilRowValues>, context: PupilImportContext, base?: Pupil): PupilForm {
  const form = base ? formFromPupil(base, context.today) : emptyPupilForm();
  const updating = base !== undefined;
  const set = <K extends keyof PupilForm>(key: K, value: PupilForm[K] | undefined, blank = false): void => {
    if (value === undefined) return;
    if (updating && blank) return;
    form[key] = value;
  };
  for (const field of TEXT_FIELDS) set(field, values[field], values[field] === '');
  set('dateOfBirth', values.dateOfBirth);
  set('gender', values.gender, values.gender === 'not-recorded');
  if (!updating || values.upn) form.upnNotKnown = !form.upn;
  const characteristics = form.characteristics;
  if (values.sen) {
    characteristics.senSupport = values.sen.senSupport;
    characteristics.ehcp = values.sen.ehcp;
  }
  for (const flag of FLAG_FIELDS) {
    const value = values[flag];
    if (value !== undefined) characteristics[flag] = value;
  }
  if (values.attendancePercent !== undefined && (values.attendancePercent !== null || !updating))
    characteristics.attendancePercent = values.attendancePercent;

  if (values.schoolId) {
    form.schoolId = values.schoolId;
    form.homeEducated = false;
  } else if (!updating || !form.schoolId) {
    if (context.defaultSchoolId) {
      form.schoolId = context.defaultSchoolId;
      form.homeEducated = false;
    }
  }

  // The MIS year group is the school's own record: when it differs from the one the date of
  // birth gives (a year repeated or skipped), it is kept as an override, as the form would.
  if (values.yearGroup !== undefined && values.yearGroup !== null) {
    const derived = derivedYearGroup(form.dateOfBirth, context.today);
    form.yearGroupOverridden = derived !== values.yearGroup;
    form.yearGroup = values.yearGroup;
  }
  return form;
}

/**
 * When the file's year group differs from the one the date of birth gives on `today`, what the
 * preview says and what is kept: the file's, as the school's own record (stored as an override
 * for this academic year). Null when they agree or either is missing.
 */
export function yearGroupDifferenceNote(values: Partial<PupilRowValues>, today: string): string | null {
  if (values.yearGroup === undefined || values.yearGroup === null || !values.dateOfBirth) return null;
  const derived = derivedYearGroup(values.dateOfBirth, today);
  if (derived === null || derived === values.yearGroup) return null;
  return (
    `Year ${values.yearGroup} in the file, but the date of birth gives ${yearGroupLabel(derived)}. ` +
    `Year ${values.yearGroup} is kept, as the school's record, and moves on each September.`
  );
}

/** The form's field names as the import names its fields, so each problem sits beside its column. */
const FORM_TO_IMPORT_FIELD: Record<string, PupilImportFieldId> = {
  schoolId: 'school',
  'characteristics.attendancePercent': 'attendancePercent',
};

/** Names compare without case, accents or extra spaces: "Zoë  Hart" and "zoe hart" are one young person. */
function nameKey(value: string): string {
  return foldName(value).trim().replace(/\s+/g, ' ');
}

export function duplicateKeysOf(values: Partial<PupilRowValues>): DuplicateKeys {
  const upn = values.upn ? normaliseUpn(values.upn) : '';
  const forename = nameKey(values.legalForename ?? '');
  const surname = nameKey(values.legalSurname ?? '');
  return {
    upn: upn === '' ? null : upn,
    nameAndBirth: forename && surname && values.dateOfBirth ? `${forename}|${surname}|${values.dateOfBirth}` : null,
  };
}

/** The same keys for a stored record. */
export function duplicateKeysOfPupil(pupil: Pick<Pupil, 'upn' | 'legalForename' | 'legalSurname' | 'dateOfBirth'>): DuplicateKeys {
  return duplicateKeysOf({
    upn: pupil.upn ?? '',
    legalForename: pupil.legalForename,
    legalSurname: pupil.legalSurname,
    dateOfBirth: pupil.dateOfBirth,
  });
}

/**
 * Checks one row: reads it, builds the form (over `base` when updating that record) and applies
 * the pupil form's rules. Every problem carries the row number and the import field.
 */
export function checkPupilRow(
  record: { row: number; cells: readonly string[] },
  mapping: PupilMapping,
  context: PupilImportContext,
  base?: Pupil,
): CheckedPupilRow {
  const { values, problems } = readPupilRow(record.cells, mapping, context);
  const form = pupilFormFromRow(values, context, base);
  const checked = checkPupilForm(form, {
    today: context.today,
    riskWeights: context.riskWeights,
    existing: base ? { lastGuidanceOn: base.lastGuidanceOn, isDemo: base.isDemo } : undefined,
  });
  if (!checked.ok) {
    for (const problem of checked.problems) {
      const field = FORM_TO_IMPORT_FIELD[problem.field] ?? problem.field;
      // A value that could not be read is already reported in the import's own words.
      if (problems.some((p) => p.field === field)) continue;
      const message = field === 'school' ? 'No school: choose the school for this file, or map a School column' : problem.message;
      problems.push({ field, message });
    }
  }
  const order = new Map<string, number>(PUPIL_IMPORT_FIELDS.map((f, i) => [f.id, i]));
  problems.sort((a, b) => (order.get(a.field) ?? 99) - (order.get(b.field) ?? 99));
  return {
    row: record.row,
    record: checked.ok && problems.length === 0 ? checked.value : null,
    problems: problems.map((p) => ({ ...p, row: record.row })),
    keys: duplicateKeysOf(values),
    name: [values.legalForename, values.legalSurname].filter(Boolean).join(' '),
    detail: values.dateOfBirth ? `Born ${formatUkDate(values.dateOfBirth)}` : '',
    notes: [yearGroupDifferenceNote(values, context.today)].filter((note): note is string => note !== null),
  };
}
