import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { check, serviceDetailsSchema, type Adviser, type Checked, type School, type ServiceDetails } from '@shared/model';
import { defaultRiskWeights, type RiskFactorId } from '@shared/risk';
import { db } from '../../db/database';
import { getSetting, setSetting } from '../../db/settings';
import { clearDemoData, hasDemoData, isDatabaseEmpty, loadDataset } from '../../db/demo';
import {
  listAdvisers, listSchools, removeAdviser as removeAdviserRecord, removeSchool as removeSchoolRecord, saveAdviser as saveAdviserRecord,
  saveRiskWeights as saveRiskWeightsRecord, saveSchool as saveSchoolRecord, type AdviserInput, type AdviserRemoval, type RiskRecomputation, type SchoolInput,
} from '../../db/organisation';
import { useLiveQuery } from '../../app/use-live-query';

/** The demo caseload is generated from a fixed seed, so every user sees the same young people. */
export const DEMO_SEED = 20261123;

export type RiskWeightValues = Record<RiskFactorId, number>;

export const useSettingsStore = defineStore('settings', () => {
  const currentAdviserId = ref<string | null>(null);
  const busy = ref(false);
  const message = ref('');
  const loaded = ref(false);
  /** The service's identity for PDFs and returns; null until it has been set up. */
  const service = ref<ServiceDetails | null>(null);
  const riskWeights = ref<RiskWeightValues>(defaultRiskWeights());
  /** "Recomputing risk bands: 2,000 of 10,000 young people…" while weights are being applied. */
  const riskProgress = ref('');

  // Schools and advisers follow the database, so demo data, imports and other windows show at once.
  const schoolsQuery = useLiveQuery(() => listSchools(db), [] as School[]);
  const advisersQuery = useLiveQuery(() => listAdvisers(db), [] as Adviser[]);
  const schools = computed(() => schoolsQuery.value.value);
  const advisers = computed(() => advisersQuery.value.value);
  const activeAdvisers = computed(() => advisers.value.filter((adviser) => adviser.active));
  /** The adviser using this computer, while they are recorded and active. */
  const currentAdviser = computed(() => activeAdvisers.value.find((adviser) => adviser.id === currentAdviserId.value) ?? null);

  async function load(): Promise<void> {
    const [adviserId, details, weights] = await Promise.all([getSetting(db, 'currentAdviserId'), getSetting(db, 'service'), getSetting(db, 'riskWeights')]);
    currentAdviserId.value = adviserId ?? null;
    service.value = details ?? null;
    riskWeights.value = { ...defaultRiskWeights(), ...(weights as Partial<RiskWeightValues> | undefined) };
    loaded.value = true;
  }

  /** Whether to offer demo data: the database is empty and the offer has not been answered. */
  async function shouldOfferDemoData(): Promise<boolean> {
    const answered = await getSetting(db, 'firstRunAnswered');
    return !answered && (await isDatabaseEmpty(db));
  }

  async function answerFirstRun(): Promise<void> {
    await setSetting(db, 'firstRunAnswered', true, currentAdviserId.value);
  }

  /**
   * Loads the demo caseload, unless demo records are already stored (its fixed ids would clash):
   * then nothing is written and 'already-loaded' comes back. A failure throws and leaves the message
   * empty, so the panel can say what happened in its own words, in error styling.
   */
  async function loadDemoData(): Promise<'loaded' | 'already-loaded'> {
    busy.value = true;
    message.value = 'Loading demo data…';
    try {
      if (await hasDemoData(db)) {
        message.value = 'Demo data is already loaded. Nothing was added.';
        return 'already-loaded';
      }
      // The generator is only needed once, so it is loaded on demand.
      const { generateDemoDataset } = await import('@shared/demo');
      const dataset = generateDemoDataset({ seed: DEMO_SEED, today: new Date().toISOString().slice(0, 10) });
      await loadDataset(db, dataset, currentAdviserId.value);
      await setSetting(db, 'firstRunAnswered', true, currentAdviserId.value);
      message.value = `Demo data loaded: ${dataset.pupils.length} young people, ${dataset.schools.length} schools, ${dataset.employers.length} employers and ${dataset.routes.length} routes.`;
      return 'loaded';
    } catch (error) {
      message.value = '';
      throw error;
    } finally {
      busy.value = false;
    }
  }

  async function removeDemoData(): Promise<void> {
    busy.value = true;
    try {
      const removed = await clearDemoData(db, currentAdviserId.value);
      message.value = `Demo data cleared: ${removed} records removed. Records you entered yourself are kept.`;
    } finally {
      busy.value = false;
    }
  }

  /** Clears the demo records (with any changes made to them) and loads the demo caseload afresh. */
  async function replaceDemoData(): Promise<void> {
    await removeDemoData();
    await loadDemoData();
  }

  /** Chooses who is using this computer; sessions and audit entries record them from now on. */
  async function setCurrentAdviser(adviserId: string | null): Promise<void> {
    if (adviserId !== null && !activeAdvisers.value.some((adviser) => adviser.id === adviserId)) {
      throw new Error('Only an active adviser can be chosen.');
    }
    await setSetting(db, 'currentAdviserId', adviserId, adviserId ?? currentAdviserId.value);
    currentAdviserId.value = adviserId;
  }

  /** Saves the service's details; problems come back for the form and nothing is stored. */
  async function saveService(details: unknown): Promise<Checked<ServiceDetails>> {
    const checked = check(serviceDetailsSchema, details);
    if (!checked.ok) return checked;
    await setSetting(db, 'service', checked.value, currentAdviserId.value);
    service.value = checked.value;
    return checked;
  }

  function saveSchool(input: SchoolInput): Promise<Checked<School>> {
    return saveSchoolRecord(db, input, currentAdviserId.value);
  }

  function removeSchool(schoolId: string): Promise<Checked<School>> {
    return removeSchoolRecord(db, schoolId, currentAdviserId.value);
  }

  async function saveAdviser(input: AdviserInput): Promise<Checked<Adviser>> {
    const saved = await saveAdviserRecord(db, input, currentAdviserId.value);
    if (saved.ok && !saved.value.active) await forgetIfCurrent(saved.value.id);
    return saved;
  }

  async function removeAdviser(adviserId: string): Promise<AdviserRemoval> {
    const removal = await removeAdviserRecord(db, adviserId, currentAdviserId.value);
    await forgetIfCurrent(adviserId);
    return removal;
  }

  /** An adviser who is no longer active cannot stay the one using this computer. */
  async function forgetIfCurrent(adviserId: string): Promise<void> {
    if (currentAdviserId.value === adviserId) await setCurrentAdviser(null);
  }

  /** Stores new weights and recomputes every young person's risk band with them. */
  async function saveRiskWeights(weights: RiskWeightValues): Promise<Checked<RiskRecomputation>> {
    busy.value = true;
    riskProgress.value = 'Recomputing risk bands…';
    try {
      const result = await saveRiskWeightsRecord(db, weights, currentAdviserId.value, {
        onProgress: (done, total) => {
          riskProgress.value = `Recomputing risk bands: ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} young people…`;
        },
      });
      if (result.ok) riskWeights.value = { ...weights };
      return result;
    } finally {
      riskProgress.value = '';
      busy.value = false;
    }
  }

  return {
    currentAdviserId, busy, message, loaded, service, riskWeights, riskProgress,
    schools, advisers, activeAdvisers, currentAdviser,
    load, shouldOfferDemoData, answerFirstRun, loadDemoData, removeDemoData, replaceDemoData,
    setCurrentAdviser, saveService, saveSchool, removeSchool, saveAdviser, removeAdviser, saveRiskWeights,
  };
});
