/**
 * Importing employers from a CSV list (a council's or a school's employer contacts). Each row is
 * read into the "add an employer" form, over the stored record when updating, and checked by that
 * form's own rules (shared/employers/form.ts). Offers and safety checks are never imported: they
 * are added on the employer's page.
 */
import type { Employer } from '../model/employer';
import { SECTORS, type SectorId } from '../reference/sectors';
import { areaIdFromLabel, type AreaId } from '../reference/areas';
import { normalisePostcode } from '../identifiers';
import { checkEmployerForm, emptyEmployerForm, formFromEmployer, type EmployerForm, type EmployerRecordInput } from '../employers/form';
import type { Problem } from '../model/problems';
import type { ColumnMapping, ImportField } from './mapping';
import type { ParsedCsv } from './csv';
import { withFileProblems, type CheckedRow } from './rows';
import { readFlag, shown, type Read } from './values';

export const EMPLOYER_IMPORT_FIELDS = [
  {
    id: 'name',
    label: 'Employer name',
    required: true,
    aliases: ['Employer', 'Employer Name', 'Name', 'Organisation', 'Organisation Name', 'Company', 'Business Name'],
  },
  {
    id: 'sector',
    label: 'Sector',
    required: true,
    aliases: ['Sector', 'Industry', 'Career Sector', 'Employment Sector'],
    hint: 'A sector name or a word from it, like Construction or Digital',
  },
  { id: 'address', label: 'Address', aliases: ['Address', 'Address Line 1', 'Street', 'Street Address'] },
  { id: 'postcode', label: 'Postcode', aliases: ['Postcode', 'Post Code', 'Postal Code'] },
  {
    id: 'district',
    label: 'District',
    aliases: ['District', 'Local Authority District', 'Borough'],
    hint: 'When blank, the district follows from the postcode',
  },
  { id: 'contactName', label: 'Contact name', aliases: ['Contact', 'Contact Name', 'Contact Person', 'Main Contact'] },
  { id: 'contactEmail', label: 'Contact email', aliases: ['Contact Email', 'Email', 'Email Address'] },
  { id: 'contactPhone', label: 'Contact phone', aliases: ['Contact Phone', 'Phone', 'Telephone', 'Tel', 'Phone Number'] },
  { id: 'offersApprenticeships', label: 'Offers apprenticeships', aliases: ['Apprenticeships', 'Offers Apprenticeships'] },
  { id: 'offersWorkplaceVisits', label: 'Offers workplace visits', aliases: ['Workplace Visits', 'Offers Workplace Visits'] },
  { id: 'offersTalks', label: 'Gives careers talks', aliases: ['Talks', 'Careers Talks', 'Gives Talks'] },
  { id: 'attendsCareersFairs', label: 'Attends careers fairs', aliases: ['Careers Fairs', 'Attends Careers Fairs'] },
  { id: 'dbsNeeded', label: 'DBS check needed', aliases: ['DBS Needed', 'DBS', 'DBS Check Needed'] },
  { id: 'stepFreeAccess', label: 'Step-free access', aliases: ['Step-free Access', 'Step Free', 'Wheelchair Access'] },
  {
    id: 'reachableByPublicTransport',
    label: 'Reachable by public transport',
    aliases: ['Public Transport', 'Reachable by Public Transport'],
  },
  { id: 'notes', label: 'Notes', aliases: ['Notes', 'Comments'] },
] as const satisfies readonly ImportField[];

export type EmployerImportFieldId = (typeof EMPLOYER_IMPORT_FIELDS)[number]['id'];
export type EmployerMapping = ColumnMapping<EmployerImportFieldId>;
export type CheckedEmployerRow = CheckedRow<EmployerRecordInput>;

export const EMPLOYER_IMPORT_LABELS: Record<string, string> = Object.fromEntries([
  ...EMPLOYER_IMPORT_FIELDS.map((f) => [f.id, f.label]),
  ['row', 'Row'],
  ['file', 'File'],
]);

const FLAGS = ['offersApprenticeships', 'offersWorkplaceVisits', 'offersTalks', 'attendsCareersFairs'] as const;
const REQUIREMENTS = ['dbsNeeded', 'stepFreeAccess'] as const;
/** The old hand-typed column: "no" becomes the adviser's 'not reachable', anything else no judgement. */
export const IMPORTED_NOT_REACHABLE_NOTE = 'Imported: not reachable by public transport';

const simplify = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Every sector's id, label, and each part of its label ("Health and social care": "health", "social care"). */
const SECTOR_WORDS = new Map<string, SectorId>();
for (const sector of SECTORS) {
  for (const word of [sector.id, sector.label, ...sector.label.split(/,| and /)]) {
    const key = simplify(word);
    if (key && !SECTOR_WORDS.has(key)) SECTOR_WORDS.set(key, sector.id);
  }
}
SECTOR_WORDS.set('it', 'digital');

export function readSector(text: string): Read<SectorId> {
  const key = simplify(text);
  const sector = SECTOR_WORDS.get(key) ?? SECTOR_WORDS.get(key.split(' ')[0] ?? '');
  if (sector) return { ok: true, value: sector };
  return {
    ok: false,
    message:
      key === ''
        ? 'Enter the sector the employer works in'
        : `${shown(text)} is not a sector Careers Desk knows: use one like Construction, Digital or Health and social care`,
  };
}

export function readDistrict(text: string): Read<AreaId | null> {
  if (text.trim() === '') return { ok: true, value: null };
  const area = areaIdFromLabel(text);
  return area ? { ok: true, value: area } : { ok: false, message: `${shown(text)} is not a Kent or Medway district` };
}

/** Employers are matched by name and postcode. */
export function employerKeysOf(name: string, postcode: string | null): { nameAndPostcode: string | null } {
  const key = simplify(name);
  return { nameAndPostcode: key ? `${key}|${normalisePostcode(postcode ?? '') ?? ''}` : null };
}

const FORM_TO_IMPORT: Record<string, string> = {
  'contact.name': 'contactName',
  'contact.email': 'contactEmail',
  'contact.phone': 'contactPhone',
};

/** Checks one row as a new employer, or as an update of `base` (blank cells keep what is stored). */
export function checkEmployerRow(
  record: { row: number; cells: readonly string[] },
  mapping: EmployerMapping,
  base?: Employer,
): CheckedEmployerRow {
  const problems: Problem[] = [];
  const form: EmployerForm = base ? formFromEmployer(base) : emptyEmployerForm();
  const updating = base !== undefined;
  const cell = (field: EmployerImportFieldId): string | null => {
    const column = mapping[field];
    return column === null || column === undefined ? null : (record.cells[column] ?? '').trim();
  };
  const text = (field: EmployerImportFieldId, set: (value: string) => void) => {
    const value = cell(field);
    if (value !== null && (value !== '' || !updating)) set(value);
  };
  text('name', (v) => {
    form.name = v;
  });
  text('address', (v) => {
    form.address = v;
  });
  text('postcode', (v) => {
    form.postcode = v;
  });
  text('contactName', (v) => {
    form.contact.name = v;
  });
  text('contactEmail', (v) => {
    form.contact.email = v;
  });
  text('contactPhone', (v) => {
    form.contact.phone = v;
  });
  text('notes', (v) => {
    form.notes = v;
  });
  const sector = cell('sector');
  if (sector !== null && (sector !== '' || !updating)) {
    const read = readSector(sector);
    if (read.ok) form.sector = read.value;
    else problems.push({ field: 'sector', message: read.message });
  }
  const district = cell('district');
  if (district !== null && district !== '') {
    const read = readDistrict(district);
    if (read.ok) form.district = read.value;
    else problems.push({ field: 'district', message: read.message });
  }
  for (const flag of [...FLAGS, ...REQUIREMENTS]) {
    const value = cell(flag);
    if (value === null || (value === '' && updating)) continue;
    const read = readFlag(value);
    if (!read.ok) {
      problems.push({ field: flag, message: read.message });
      continue;
    }
    if ((FLAGS as readonly string[]).includes(flag)) form[flag as (typeof FLAGS)[number]] = read.value;
    else form.requirements[flag as (typeof REQUIREMENTS)[number]] = read.value;
  }
  const reachable = cell('reachableByPublicTransport');
  if (reachable !== null && !(reachable === '' && updating)) {
    const read = readFlag(reachable);
    form.publicTransport =
      reachable.trim() !== '' && read.ok && !read.value
        ? { verdict: 'not-reachable', note: IMPORTED_NOT_REACHABLE_NOTE, recordedOn: '' }
        : { verdict: null, note: '', recordedOn: '' };
  }

  const checked = checkEmployerForm(form, { existing: base ? { isDemo: base.isDemo } : undefined });
  if (!checked.ok) {
    for (const problem of checked.problems) {
      const field = FORM_TO_IMPORT[problem.field] ?? problem.field;
      if (!problems.some((p) => p.field === field)) problems.push({ field, message: problem.message });
    }
  }
  const order = new Map<string, number>(EMPLOYER_IMPORT_FIELDS.map((f, i) => [f.id, i]));
  problems.sort((a, b) => (order.get(a.field) ?? 99) - (order.get(b.field) ?? 99));
  return {
    row: record.row,
    record: checked.ok && problems.length === 0 ? checked.value : null,
    problems: problems.map((p) => ({ ...p, row: record.row })),
    keys: employerKeysOf(cell('name') ?? '', cell('postcode')),
    name: cell('name') ?? '',
    detail: cell('postcode') ?? '',
  };
}

export function checkEmployerRows(parsed: ParsedCsv, mapping: EmployerMapping, from = 0, to = parsed.records.length): CheckedEmployerRow[] {
  return parsed.records.slice(from, to).map((record) => withFileProblems(parsed, checkEmployerRow(record, mapping)));
}

export function checkEmployerRowAsUpdate(
  parsed: ParsedCsv,
  row: number,
  mapping: EmployerMapping,
  base: Employer,
): CheckedEmployerRow | null {
  const record = parsed.records.find((r) => r.row === row);
  return record ? withFileProblems(parsed, checkEmployerRow(record, mapping, base)) : null;
}
