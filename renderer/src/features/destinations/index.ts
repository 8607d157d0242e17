// A young person's destinations history: the public surface of features/destinations. The entry page is a
// route view, loaded lazily by app/router.ts by its own path; the form is exported for recording from elsewhere.
export { default as DestinationsSection } from './DestinationsSection.vue';
export { default as DestinationEntryForm } from './DestinationEntryForm.vue';
