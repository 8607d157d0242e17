// Importing employers from a CSV list: the employer form's rules, and name-and-postcode duplicates.
import type { Employer } from '@shared/model';
import type { EmployerRecordInput } from '@shared/employers/form';
import {
  EMPLOYER_IMPORT_FIELDS,
  EMPLOYER_IMPORT_LABELS,
  checkEmployerRowAsUpdate,
  checkEmployerRows,
  type EmployerMapping,
} from '@shared/import';
import { singletonImporter } from './import-state';
import { useRepositories } from '../../db/repositories';

export const useEmployerImport = singletonImporter<EmployerRecordInput, Employer>(() => ({
  kind: 'employers',
  noun: { one: 'employer', many: 'employers' },
  fields: EMPLOYER_IMPORT_FIELDS,
  labels: EMPLOYER_IMPORT_LABELS,
  reasons: { nameAndPostcode: 'same name and postcode' },
  // An employer's name and postcode are not a sure identity: every match waits for the adviser.
  duplicateOptions: {},
  checkRows: (parsed, mapping, from, to) => checkEmployerRows(parsed, mapping as EmployerMapping, from, to),
  checkAsUpdate: (parsed, row, mapping, base) => checkEmployerRowAsUpdate(parsed, row, mapping as EmployerMapping, base),
  findStored: (rows) =>
    useRepositories().imports.storedEmployerMatches(
      rows.map((r) => r.name),
      rows.map((r) => r.keys),
    ),
  describe: (employer) => `${employer.name}${employer.postcode ? `, ${employer.postcode}` : ''}`,
  write: (operations, options) => useRepositories().imports.employers(operations, options),
}));
