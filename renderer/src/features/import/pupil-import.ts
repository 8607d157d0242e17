// Importing young people from a school MIS export: the pupil form's rules, UPN and name-and-birth
// duplicates, and the school the file is for.
import { ref, toRaw } from 'vue';
import { displayName, type Pupil } from '@shared/model';
import { formatUkDate } from '@shared/academic-year';
import type { PupilRecordInput } from '@shared/pupils/form';
import { PUPIL_IMPORT_FIELDS, PUPIL_IMPORT_LABELS, checkRowAsUpdate, type PupilImportContext, type PupilMapping } from '@shared/import';
import type { CheckedPupilImport } from '../../db/import-check';
import { todayIso } from '../../platform/clock';
import { useOrganisationStore } from '../settings';
import { useRiskWeightsStore } from '../risk';
import { singletonImporter } from './import-state';
import { useRepositories } from '../../db/repositories';

/** The school for rows with no School column (or a blank one), chosen on the mapping step. */
export const pupilImportSchoolId = ref<string | null>(null);

function context(): PupilImportContext {
  // Plain objects (not the stores' reactive proxies), so the context can be sent to the data worker.
  const schools = toRaw(useOrganisationStore().schools).map((s) => toRaw(s));
  return {
    today: todayIso(),
    riskWeights: toRaw(useRiskWeightsStore().riskWeights),
    schools: schools.map(({ id, name, urn, establishmentNumber }) => ({ id, name, urn, establishmentNumber })),
    defaultSchoolId: pupilImportSchoolId.value,
  };
}

export const usePupilImport = singletonImporter<PupilRecordInput, Pupil>(() => ({
  kind: 'pupils',
  noun: { one: 'young person', many: 'young people' },
  fields: PUPIL_IMPORT_FIELDS,
  labels: PUPIL_IMPORT_LABELS,
  reasons: { upn: 'same UPN', nameAndBirth: 'same name and date of birth' },
  check: (parsed, mapping, onProgress) =>
    useRepositories().imports.check(
      { kind: 'pupils', parsed, mapping: { ...toRaw(mapping) }, context: context() },
      onProgress,
    ) as Promise<CheckedPupilImport>,
  checkAsUpdate: (parsed, row, mapping, base) => checkRowAsUpdate(parsed, row, mapping as PupilMapping, context(), base),
  describe: (pupil) => `${displayName(pupil)}, born ${formatUkDate(pupil.dateOfBirth)}`,
  write: (operations, options) => useRepositories().imports.pupils(operations, options),
  onLoaded: () => {
    const schools = useOrganisationStore().schools;
    pupilImportSchoolId.value = schools.length === 1 ? (schools[0]?.id ?? null) : null;
  },
}));
