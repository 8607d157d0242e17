// Today, the landing page: what is waiting on the adviser using the computer. The view is loaded lazily by
// app/router.ts through its own path, so nothing is re-exported here yet.
export {};
