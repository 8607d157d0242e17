import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './app/App.vue';
import { router } from './app/router';
import { installAppRepositories } from './db/app-repositories';
import { systemClock } from './platform/clock';
import { useSessionStore } from './features/session';
import './ui/styles.css';

// User-timing marks for the benchmark's cold start (tests/bench/browser.spec.ts); they cost nothing.
performance.mark('app:script');
const pinia = createPinia();
// The one data boundary: every write is recorded as the adviser using this computer at that moment.
installAppRepositories(() => useSessionStore(pinia).currentAdviserId, systemClock);
createApp(App).use(pinia).use(router).mount('#app');
performance.mark('app:mounted');
