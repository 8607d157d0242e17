// Large files arriving in parts (shared/uploads.ts says why): each part is copied out of its IPC message and kept
// until saveFile, writeBackup or replaceBackup names the file by its upload and writes the parts in order.
import { randomUUID } from 'node:crypto';
import { BRIDGE_CHANNELS, BRIDGE_SCHEMAS, type BeginUploadRequest, type FileData, type UploadPartRequest } from '@shared/bridge';
import { UploadsInHand } from '@shared/uploads';
import type { IpcGuard } from './guard';

const uploads = new UploadsInHand<Uint8Array>(randomUUID);

export function beginUpload(request: BeginUploadRequest): { upload: string } {
  return { upload: uploads.begin(request.sizeBytes) };
}

export function uploadPart(request: UploadPartRequest): void {
  // A copy of its own: the message's bytes may sit in a larger pooled buffer.
  uploads.add(request.upload, request.offset, request.data.byteLength, new Uint8Array(request.data));
}

/** A file's contents as parts to write in order, and its size: text as UTF-8, bytes as they are, an upload's parts. */
export function fileParts(data: FileData): { parts: Uint8Array[]; sizeBytes: number } {
  if (typeof data === 'string') {
    const bytes = new TextEncoder().encode(data);
    return { parts: [bytes], sizeBytes: bytes.byteLength };
  }
  if ('upload' in data) return uploads.take(data.upload);
  return { parts: [data], sizeBytes: data.byteLength };
}

export function registerUploadHandlers(guard: IpcGuard): void {
  guard.handle(BRIDGE_CHANNELS.beginUpload, BRIDGE_SCHEMAS.beginUpload.request, beginUpload);
  guard.handle(BRIDGE_CHANNELS.uploadPart, BRIDGE_SCHEMAS.uploadPart.request, uploadPart);
}
