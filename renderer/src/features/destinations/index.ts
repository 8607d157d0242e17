// Destinations: the work lists of who needs asking where they are going or went, and recording from them.
// Route views are loaded lazily by app/router.ts through their own paths, so only composables are re-exported.
export { useDestinationWorkLists } from './use-work-lists';
