// Guidance sessions, action plans and drafts: the public surface of features/sessions.
// Route views are not re-exported here: app/router.ts loads each one lazily by its own path, so that
// every view stays its own chunk. A re-export from this file would pull it into every chunk that imports this.
export { useSessionsStore } from './store';
export { default as DestinationField } from './DestinationField.vue';
