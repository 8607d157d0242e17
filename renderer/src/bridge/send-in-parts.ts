// A large file handed to the bridge a part at a time (shared/uploads.ts says why): each part is read from the
// Blob and sent in a task of its own, and the bridge is then given `{ upload }` in place of the bytes.
import type { DesktopBridge, UploadedFile } from '@shared/bridge';
import { UPLOAD_PART_BYTES } from '@shared/uploads';

export async function sendInParts(bridge: DesktopBridge, file: Blob): Promise<UploadedFile> {
  const uploaded = await bridge.beginUpload({ sizeBytes: file.size });
  for (let offset = 0; offset < file.size; offset += UPLOAD_PART_BYTES) {
    const data = new Uint8Array(await file.slice(offset, offset + UPLOAD_PART_BYTES).arrayBuffer());
    await bridge.uploadPart({ upload: uploaded.upload, offset, data });
  }
  return uploaded;
}
