import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useRepositories } from '../../db/repositories';

/** The demo caseload is generated from a fixed seed, so every user sees the same young people. */
export const DEMO_SEED = 20261123;

/** Demo data, and the first-run offer of it. */
export const useDemoDataStore = defineStore('demo-data', () => {
  const repos = useRepositories();
  const busy = ref(false);
  const message = ref('');

  /** Whether to offer demo data: the database is empty and the offer has not been answered. */
  async function shouldOfferDemoData(): Promise<boolean> {
    const answered = await repos.settings.get('firstRunAnswered');
    return !answered && (await repos.demo.isDatabaseEmpty());
  }

  async function answerFirstRun(): Promise<void> {
    await repos.settings.set('firstRunAnswered', true);
  }

  async function loadDemoData(): Promise<void> {
    busy.value = true;
    message.value = 'Loading demo data…';
    try {
      // The generator is only needed once, so it is loaded on demand.
      const { generateDemoDataset } = await import('@shared/demo');
      const dataset = generateDemoDataset({ seed: DEMO_SEED, today: new Date().toISOString().slice(0, 10) });
      await repos.demo.load(dataset);
      await repos.settings.set('firstRunAnswered', true);
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
      const removed = await repos.demo.clear();
      message.value = `Demo data cleared: ${removed} records removed. Records you entered yourself are kept.`;
    } finally {
      busy.value = false;
    }
  }

  return { busy, message, shouldOfferDemoData, answerFirstRun, loadDemoData, removeDemoData };
});
