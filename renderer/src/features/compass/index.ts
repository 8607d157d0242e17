// The Compass evaluation helper: a school's figures per Gatsby Benchmark, termly snapshots and the PDF.
// Route views are not re-exported here: app/router.ts loads each one lazily by its own path.
export {};
