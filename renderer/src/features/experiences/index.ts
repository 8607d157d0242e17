// Workplace experiences of every kind: the public surface of features/experiences. The form and the
// cohort view are route views, loaded lazily by app/router.ts by their own paths.
export { default as WorkplaceExperienceSection } from './WorkplaceExperienceSection.vue';
