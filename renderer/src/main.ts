import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './app/App.vue';
import { router } from './app/router';
import './ui/styles.css';

// User-timing marks for the benchmark's cold start (tests/bench/browser.spec.ts); they cost nothing.
performance.mark('app:script');
createApp(App).use(createPinia()).use(router).mount('#app');
performance.mark('app:mounted');
