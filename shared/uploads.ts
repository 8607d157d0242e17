// A large file handed to the bridge in parts (beginUpload, uploadPart), then named in saveFile or writeBackup as
// { upload }. A county's backup is 137 MB: sent whole, its copy (into a Blob on the web, a structured clone over
// IPC on the desktop) held the window for 250 to 740 ms in one task (tests/bench/README.md, rounds nine and
// twelve). In parts of BYTES_PER_SLICE (shared/byte-slices.ts) each copy is a short task of its own. Both bridges
// keep their parts with UploadsInHand, so a file is refused the same way in each when a part is missing, repeated
// or too many.

import { BYTES_PER_SLICE } from './byte-slices';

/** The largest part a bridge accepts (a part of the page's own size, with room to spare). */
export const MOST_UPLOAD_PART_BYTES = 4 * BYTES_PER_SLICE;
/** The largest file sent in parts: a county's backup is about 137 MB. */
export const MOST_UPLOAD_BYTES = 1 << 30;
/** Files begun and not yet used at once; beginning another lets go of the oldest (an upload abandoned part way). */
export const MOST_UPLOADS_IN_HAND = 4;

interface Upload<Part> {
  sizeBytes: number;
  received: number;
  parts: Part[];
}

/** The files being sent in parts: each part must follow the last, and a file is used once, whole. */
export class UploadsInHand<Part> {
  private readonly uploads = new Map<string, Upload<Part>>();

  constructor(private readonly newId: () => string) {}

  begin(sizeBytes: number): string {
    if (!Number.isSafeInteger(sizeBytes) || sizeBytes < 0 || sizeBytes > MOST_UPLOAD_BYTES) {
      throw new Error(`A file of ${sizeBytes} bytes cannot be sent (at most ${MOST_UPLOAD_BYTES})`);
    }
    while (this.uploads.size >= MOST_UPLOADS_IN_HAND) {
      const oldest = this.uploads.keys().next().value;
      if (oldest === undefined) break;
      this.uploads.delete(oldest);
    }
    const id = this.newId();
    this.uploads.set(id, { sizeBytes, received: 0, parts: [] });
    return id;
  }

  /** Adds the part that starts at `offset`, `length` bytes long. */
  add(id: string, offset: number, length: number, part: Part): void {
    const upload = this.uploads.get(id);
    if (!upload) throw new Error('That file is not being sent (it was finished, or let go after too long)');
    if (offset !== upload.received) {
      throw new Error(`A part of the file came out of order: expected the one from byte ${upload.received}, not ${offset}`);
    }
    if (length > MOST_UPLOAD_PART_BYTES) throw new Error(`A part of ${length} bytes is larger than ${MOST_UPLOAD_PART_BYTES}`);
    if (offset + length > upload.sizeBytes) {
      throw new Error(`A part of the file goes past its end (${offset + length} of ${upload.sizeBytes} bytes)`);
    }
    upload.parts.push(part);
    upload.received += length;
  }

  /** The whole file's parts in order, once; refused (and let go) if any part is missing. */
  take(id: string): { sizeBytes: number; parts: Part[] } {
    const upload = this.uploads.get(id);
    if (!upload) throw new Error('That file is not being sent (it was finished, or let go after too long)');
    this.uploads.delete(id);
    if (upload.received !== upload.sizeBytes) {
      throw new Error(`The file did not arrive whole: ${upload.received} of ${upload.sizeBytes} bytes`);
    }
    return { sizeBytes: upload.sizeBytes, parts: upload.parts };
  }
}
