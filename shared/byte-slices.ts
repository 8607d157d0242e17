/**
 * The size of the pieces a large file is copied in on the page, each piece a short task of its own: a file sent to
 * the bridge (shared/uploads.ts), bytes sent to a worker (renderer/src/platform/worker-job.ts) and a Blob read back
 * (renderer/src/platform/blob-bytes.ts). A county's backup (137 MB) copied whole held the window for 250 to 740 ms
 * in one task; a 1 MB copy is a few milliseconds even where the bytes have sat untouched for minutes (4 MB took 75 to
 * 121 ms there: tests/bench/README.md, rounds twelve and thirteen).
 */
export const BYTES_PER_SLICE = 1 << 20;
