// The careers leader's dashboard (its own page; Today is the landing page): charts and tables whose figures are built in a worker.
// Route views are not re-exported here: app/router.ts loads each one lazily by its own path, so that
// every view stays its own chunk. A re-export from this file would pull it into every chunk that imports this.
// Nothing else in this folder is used outside it yet.
export {};
