// Matching: ranked employers and routes for one young person, and a year group allocated to places.
// Route views are not re-exported here: app/router.ts loads each one lazily by its own path, so that
// every view stays its own chunk. A re-export from this file would pull it into every chunk that imports this.
// The placements desk lists the confirmed allocations (each reopens at /placements/allocations/:id).
export { default as ConfirmedAllocations } from './ConfirmedAllocations.vue';
