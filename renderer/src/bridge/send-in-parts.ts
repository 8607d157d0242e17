// A large file handed to the bridge a part at a time (shared/uploads.ts says why): each part is read from the
// Blob and sent in a task of its own, and the bridge is then given `{ upload }` in place of the bytes.
import type { DesktopBridge, UploadedFile } from '@shared/bridge';
import { BYTES_PER_SLICE } from '@shared/byte-slices';

export async function sendInParts(bridge: DesktopBridge, file: Blob): Promise<UploadedFile> {
  const uploaded = await bridge.beginUpload({ sizeBytes: file.size });
  for (let offset = 0; offset < file.size; offset += BYTES_PER_SLICE) {
    const data = new Uint8Array(await file.slice(offset, offset + BYTES_PER_SLICE).arrayBuffer());
    await bridge.uploadPart({ upload: uploaded.upload, offset, data });
  }
  return uploaded;
}
