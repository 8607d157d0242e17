// The app's user interface at start: Vue, the router, the stores and the first page's code. main.ts imports this
// module on its own, after the records' code, so that evaluating each is a task of its own and this one overlaps
// the records opening (see main.ts).
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { followAddressChangedDuringStart, preloadFirstPage, router } from './router';
import { installAppRepositories, unlockAppRecords } from '../db/app-repositories';
import { systemClock } from '../platform/clock';
import { useSessionStore } from '../features/session';
import UnlockRecords from '../features/session/UnlockRecords.vue';
import type { KeyStore } from '../db/data-key';
import { reportUnexpectedFailure } from '../ui/unexpected-failure';

export { preloadFirstPage };

/** The interface mounted by mountApp, to unmount when the start turns out otherwise (locked, an upgrade, a failure). */
export interface MountedApp {
  unmount(): void;
}

export function mountApp(bridge: KeyStore): MountedApp {
  const pinia = createPinia();
  // The one data boundary: every write is recorded as the adviser using this computer at that moment.
  installAppRepositories(() => useSessionStore(pinia).currentAdviserId, systemClock, bridge);
  const app = createApp(App).use(pinia).use(router);
  // A failure that no screen caught is said in a banner (ui/unexpected-failure.ts), not only in the console.
  app.config.errorHandler = (error) => reportUnexpectedFailure(error);
  app.mount('#app');
  performance.mark('app:mounted');
  void followAddressChangedDuringStart();
  return { unmount: () => app.unmount() };
}

/** Locked: only the passphrase form, until it unwraps the key; then the app, as on any start. */
export function mountUnlock(bridge: KeyStore, onProgress: (done: number, total: number) => void): void {
  const unlockApp = createApp(UnlockRecords, {
    unlock: async (passphrase: string) => {
      const ok = await unlockAppRecords(bridge, passphrase, onProgress);
      if (ok) {
        unlockApp.unmount();
        mountApp(bridge);
      }
      return ok;
    },
  });
  unlockApp.mount('#app');
}
