// Importing employers from a CSV list: the employer form's rules, and name-and-postcode duplicates.
import type { Employer } from '@shared/model';
import type { EmployerRecordInput } from '@shared/employers/form';
import { toRaw } from 'vue';
import { EMPLOYER_IMPORT_FIELDS, EMPLOYER_IMPORT_LABELS, checkEmployerRowAsUpdate, type EmployerMapping } from '@shared/import';
import type { CheckedEmployerImport } from '../../db/import-check';
import { singletonImporter } from './import-state';
import { useRepositories } from '../../db/repositories';

export const useEmployerImport = singletonImporter<EmployerRecordInput, Employer>(() => ({
  kind: 'employers',
  noun: { one: 'employer', many: 'employers' },
  fields: EMPLOYER_IMPORT_FIELDS,
  labels: EMPLOYER_IMPORT_LABELS,
  reasons: { nameAndPostcode: 'same name and postcode' },
  check: (parsed, mapping, onProgress) =>
    useRepositories().imports.check(
      { kind: 'employers', parsed, mapping: { ...toRaw(mapping) } },
      onProgress,
    ) as Promise<CheckedEmployerImport>,
  checkAsUpdate: (parsed, row, mapping, base) => checkEmployerRowAsUpdate(parsed, row, mapping as EmployerMapping, base),
  describe: (employer) => `${employer.name}${employer.postcode ? `, ${employer.postcode}` : ''}`,
  write: (operations, options) => useRepositories().imports.employers(operations, options),
}));
