// Young people: the list, the form and each one's page.
// Route views are not re-exported here: app/router.ts loads each one lazily by its own path, so that
// every view stays its own chunk. A re-export from this file would pull it into every chunk that imports this.
// Nothing else in this folder is used outside it yet.
export {};
