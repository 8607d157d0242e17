// Destinations: a young person's history (its section and entry form) and the work lists of who needs asking
// where they are going or went. Route views are loaded lazily by app/router.ts through their own paths.
export { useDestinationWorkLists } from './use-work-lists';
export { default as DestinationsSection } from './DestinationsSection.vue';
export { default as DestinationEntryForm } from './DestinationEntryForm.vue';
