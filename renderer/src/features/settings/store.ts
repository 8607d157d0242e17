import { defineStore } from 'pinia';
import { ref } from 'vue';
import { db } from '../../db/database';
import { getSetting, setSetting } from '../../db/settings';
import { clearDemoData, isDatabaseEmpty, loadDataset } from '../../db/demo';

/** The demo caseload is generated from a fixed seed, so every user sees the same young people. */
export const DEMO_SEED = 20261123;

export const useSettingsStore = defineStore('settings', () => {
  const currentAdviserId = ref<string | null>(null);
  const busy = ref(false);
  const message = ref('');

  async function load(): Promise<void> {
    currentAdviserId.value = (await getSetting(db, 'currentAdviserId')) ?? null;
  }

  /** Whether to offer demo data: the database is empty and the offer has not been answered. */
  async function shouldOfferDemoData(): Promise<boolean> {
    const answered = await getSetting(db, 'firstRunAnswered');
    return !answered && (await isDatabaseEmpty(db));
  }

  async function answerFirstRun(): Promise<void> {
    await setSetting(db, 'firstRunAnswered', true, currentAdviserId.value);
  }

  async function loadDemoData(): Promise<void> {
    busy.value = true;
    message.value = 'Loading demo data…';
    try {
      // The generator is only needed once, so it is loaded on demand.
      const { generateDemoDataset } = await import('@shared/demo');
      const dataset = generateDemoDataset({ seed: DEMO_SEED, today: new Date().toISOString().slice(0, 10) });
      await loadDataset(db, dataset, currentAdviserId.value);
      await setSetting(db, 'firstRunAnswered', true, currentAdviserId.value);
      message.value = `Demo data loaded: ${dataset.pupils.length} young people, ${dataset.schools.length} schools, ${dataset.employers.length} employers and ${dataset.routes.length} routes.`;
    } catch (error) {
      message.value = `Demo data could not be loaded: ${(error as Error).message}`;
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

  return { currentAdviserId, busy, message, load, shouldOfferDemoData, answerFirstRun, loadDemoData, removeDemoData };
});
