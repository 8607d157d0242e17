// The service, schools, advisers, risk weights, demo data and the current adviser: the public surface of features/settings.
// Route views are not re-exported here: app/router.ts loads each one lazily by its own path, so that
// every view stays its own chunk. A re-export from this file would pull it into every chunk that imports this.
export { useSettingsStore } from './store';
export { default as CurrentAdviserPicker } from './CurrentAdviserPicker.vue';
