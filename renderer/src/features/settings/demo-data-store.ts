import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useRepositories } from '../../db/repositories';
import { useOrganisationStore } from './organisation-store';

/** The demo caseload is generated from a fixed seed, so every user sees the same young people. */
export const DEMO_SEED = 20261123;

/** Demo data, and the first-run offer of it. */
export const useDemoDataStore = defineStore('demo-data', () => {
  const repos = useRepositories();
  const busy = ref(false);
  const message = ref('');
  /** How far the demo load running now has got, from 0 to 1 (null: none running). */
  const progress = ref<number | null>(null);
  let stopLoad: AbortController | null = null;

  /** Whether to offer demo data: the database is empty and the offer has not been answered. */
  async function shouldOfferDemoData(): Promise<boolean> {
    const answered = await repos.settings.get('firstRunAnswered');
    return !answered && (await repos.demo.isDatabaseEmpty());
  }

  async function answerFirstRun(): Promise<void> {
    await repos.settings.set('firstRunAnswered', true);
  }

  /**
   * Loads the demo caseload, unless demo records are already stored (its fixed ids would clash):
   * then nothing is written and 'already-loaded' comes back. It is generated and written in the data
   * worker, with progress; stopped part way (`stopLoading`), nothing is loaded and 'cancelled' comes back.
   * A failure throws and leaves the message empty, so the panel can say what happened in its own words, in error styling.
   */
  async function loadDemoData(): Promise<'loaded' | 'already-loaded' | 'cancelled'> {
    busy.value = true;
    message.value = 'Loading demo data…';
    try {
      if (await repos.demo.isLoaded()) {
        message.value = 'Demo data is already loaded. Nothing was added.';
        return 'already-loaded';
      }
      stopLoad = new AbortController();
      progress.value = 0;
      const loaded = await repos.demo.load(DEMO_SEED, true, (fraction) => (progress.value = fraction), stopLoad.signal);
      await repos.settings.set('firstRunAnswered', true);
      // The demo service's name and logo may now be in Settings, for the panel and the PDFs.
      await useOrganisationStore().load();
      message.value =
        `Demo data loaded: ${loaded.pupils} young people, ${loaded.schools} schools, ` +
        `${loaded.employers} employers and ${loaded.routes} routes.`;
      return 'loaded';
    } catch (error) {
      if (stopLoad?.signal.aborted) {
        message.value = 'Loading demo data was stopped. Nothing was added.';
        return 'cancelled';
      }
      message.value = '';
      throw error;
    } finally {
      busy.value = false;
      progress.value = null;
      stopLoad = null;
    }
  }

  /** Stops the demo load running now: its one transaction is never committed, so nothing is added. */
  function stopLoading(): void {
    stopLoad?.abort();
  }

  async function removeDemoData(): Promise<void> {
    busy.value = true;
    try {
      const { DEMO_SERVICE } = await import('@shared/demo');
      const removed = await repos.demo.clear(DEMO_SERVICE);
      await useOrganisationStore().load();
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

  return { busy, message, progress, stopLoading, shouldOfferDemoData, answerFirstRun, loadDemoData, removeDemoData, replaceDemoData };
});
