import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './app/App.vue';
import { followAddressChangedDuringStart, preloadFirstPage, router } from './app/router';
import { installAppRepositories, openAppRecords, unlockAppRecords } from './db/app-repositories';
import { systemClock } from './platform/clock';
import { useSessionStore } from './features/session';
import UnlockRecords from './features/session/UnlockRecords.vue';
import { getBridge } from './bridge';
import type { KeyStore } from './db/data-key';
import './ui/styles.css';

// User-timing marks for the benchmark's cold start (tests/bench/browser.spec.ts); they cost nothing.
performance.mark('app:script');
const root = document.getElementById('app');

/** A line in the empty window while the records open (and, once after the update, are sealed). */
function showStartStatus(text: string, role: 'status' | 'alert' = 'status'): void {
  if (!root) return;
  const line = document.createElement('p');
  line.className = 'start-status';
  line.setAttribute('role', role);
  line.textContent = text;
  root.replaceChildren(line);
}

function sealingProgress(done: number, total: number): void {
  showStartStatus(`Protecting your records… ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}`);
}

function mountApp(bridge: KeyStore): void {
  const pinia = createPinia();
  // The one data boundary: every write is recorded as the adviser using this computer at that moment.
  installAppRepositories(() => useSessionStore(pinia).currentAdviserId, systemClock, bridge);
  createApp(App).use(pinia).use(router).mount('#app');
  performance.mark('app:mounted');
  void followAddressChangedDuringStart();
}

async function start(): Promise<void> {
  const bridge = getBridge();
  preloadFirstPage();
  const atStart = await openAppRecords(bridge, sealingProgress);
  performance.mark('app:records-open');
  if (atStart.state === 'unlocked') {
    mountApp(bridge);
    return;
  }
  // Locked: only the passphrase form, until it unwraps the key; then the app, as on any start.
  const unlockApp = createApp(UnlockRecords, {
    unlock: async (passphrase: string) => {
      const ok = await unlockAppRecords(bridge, passphrase, sealingProgress);
      if (ok) {
        unlockApp.unmount();
        mountApp(bridge);
      }
      return ok;
    },
  });
  unlockApp.mount('#app');
}

start().catch((error: unknown) => {
  showStartStatus(`Careers Desk could not open the records: ${error instanceof Error ? error.message : String(error)}`, 'alert');
});
