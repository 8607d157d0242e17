import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './app/App.vue';
import { router } from './app/router';
import { db } from './db/database';
import { createRepositories, installRepositories } from './db/repositories';
import { systemClock } from './platform/clock';
import { useSettingsStore } from './features/settings';
import './ui/styles.css';

// User-timing marks for the benchmark's cold start (tests/bench/browser.spec.ts); they cost nothing.
performance.mark('app:script');
const pinia = createPinia();
// The one data boundary: every write is recorded as the adviser using this computer at that moment.
installRepositories(createRepositories(db, { actor: () => useSettingsStore(pinia).currentAdviserId, clock: systemClock }));
createApp(App).use(pinia).use(router).mount('#app');
performance.mark('app:mounted');
