// A large file handed to the bridge a part at a time (shared/uploads.ts says why): each part is read from the
// Blob and sent in a task of its own, and the bridge is then given `{ upload }` in place of the bytes. Here in
// platform/ rather than bridge/ so that db/ can send a file too (erasure's rewritten automatic backups).
import type { DesktopBridge, UploadedFile } from '@shared/bridge';
import { BYTES_PER_SLICE } from '@shared/byte-slices';

/** The bridge's two methods for a file sent in parts: all this needs. */
export type PartsReceiver = Pick<DesktopBridge, 'beginUpload' | 'uploadPart'>;

export async function sendInParts(bridge: PartsReceiver, file: Blob): Promise<UploadedFile> {
  const uploaded = await bridge.beginUpload({ sizeBytes: file.size });
  for (let offset = 0; offset < file.size; offset += BYTES_PER_SLICE) {
    const data = new Uint8Array(await file.slice(offset, offset + BYTES_PER_SLICE).arrayBuffer());
    await bridge.uploadPart({ upload: uploaded.upload, offset, data });
  }
  return uploaded;
}
