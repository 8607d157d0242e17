import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { check, serviceDetailsSchema, type Adviser, type Checked, type School, type ServiceDetails } from '@shared/model';
import type { AdviserInput, AdviserRemoval, SchoolInput } from '../../db/organisation';
import { useRepositories } from '../../db/repositories';
import { useLiveQuery } from '../../db/use-live-query';
import { useSessionStore } from '../session';

/** The organisation set up in Settings: the service's details, the schools served and the advisers. */
export const useOrganisationStore = defineStore('organisation', () => {
  const repos = useRepositories();
  const computerSession = useSessionStore();
  /** The service's identity for PDFs and returns; null until it has been set up. */
  const service = ref<ServiceDetails | null>(null);
  /** True once the service's details have been read, so "not set up" is never said before then. */
  const loaded = ref(false);

  // Schools and advisers follow the database, so demo data, imports and other windows show at once.
  const schoolsQuery = useLiveQuery(() => repos.organisation.schools(), [] as School[]);
  const advisersQuery = useLiveQuery(() => repos.organisation.advisers(), [] as Adviser[]);
  const schools = computed(() => schoolsQuery.value.value);
  /** True until the schools have first been read, so an empty list is not taken for "no schools". */
  const schoolsLoading = computed(() => schoolsQuery.loading.value);
  const advisers = computed(() => advisersQuery.value.value);
  const activeAdvisers = computed(() => advisers.value.filter((adviser) => adviser.active));
  /** The adviser using this computer, while they are recorded and active. */
  const currentAdviser = computed(() => activeAdvisers.value.find((adviser) => adviser.id === computerSession.currentAdviserId) ?? null);

  async function load(): Promise<void> {
    service.value = (await repos.settings.get('service')) ?? null;
    loaded.value = true;
  }

  /** Saves the service's details; problems come back for the form and nothing is stored. */
  async function saveService(details: unknown): Promise<Checked<ServiceDetails>> {
    const checked = check(serviceDetailsSchema, details);
    if (!checked.ok) return checked;
    await repos.settings.set('service', checked.value);
    service.value = checked.value;
    return checked;
  }

  function saveSchool(input: SchoolInput): Promise<Checked<School>> {
    return repos.organisation.saveSchool(input);
  }

  function removeSchool(schoolId: string): Promise<Checked<School>> {
    return repos.organisation.removeSchool(schoolId);
  }

  async function saveAdviser(input: AdviserInput): Promise<Checked<Adviser>> {
    const saved = await repos.organisation.saveAdviser(input);
    if (saved.ok && !saved.value.active) await computerSession.forgetIfCurrent(saved.value.id);
    return saved;
  }

  async function removeAdviser(adviserId: string): Promise<AdviserRemoval> {
    const removal = await repos.organisation.removeAdviser(adviserId);
    await computerSession.forgetIfCurrent(adviserId);
    return removal;
  }

  return {
    service,
    loaded,
    schools,
    schoolsLoading,
    advisers,
    activeAdvisers,
    currentAdviser,
    load,
    saveService,
    saveSchool,
    removeSchool,
    saveAdviser,
    removeAdviser,
  };
});
