// The organisation (service, schools, advisers) and demo data: the public surface of features/settings.
// The risk weights are in features/risk, their panel shown on the Settings page.
// Route views are not re-exported here: app/router.ts loads each one lazily by its own path, so that
// every view stays its own chunk. A re-export from this file would pull it into every chunk that imports this.
export { useOrganisationStore } from './organisation-store';
export { useDemoDataStore, DEMO_SEED } from './demo-data-store';
export { loadSettings } from './load-settings';
export { default as CurrentAdviserPicker } from './CurrentAdviserPicker.vue';
export { default as DemoLoadProgress } from './DemoLoadProgress.vue';
