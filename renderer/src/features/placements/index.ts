// Work-experience placements on an employer's page: the public surface of features/placements.
export { default as PlacementList } from './PlacementList.vue';
export { default as ProposePlacementForm } from './ProposePlacementForm.vue';
