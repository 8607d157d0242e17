// A backup sent to the browser bridge in parts is kept as a Blob in IndexedDB and read back whole. In Node, not
// happy-dom: fake-indexeddb clones values with Node's structuredClone, which keeps Node's Blob but not happy-dom's.
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createWebBridge } from '../../renderer/src/bridge/web';
import { sendInParts } from '../../renderer/src/platform/send-in-parts';
import { backupFileName } from '../../shared/bridge';
import { BYTES_PER_SLICE } from '../../shared/byte-slices';

/** Two and a half parts, each byte telling where it sits, so a part out of place or missing would show. */
function fileOfParts(parts: number): Uint8Array<ArrayBuffer> {
  const file = new Uint8Array(Math.floor(BYTES_PER_SLICE * parts));
  for (let i = 0; i < file.length; i++) file[i] = (i * 7 + Math.floor(i / BYTES_PER_SLICE)) % 251;
  return file;
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

describe('a backup sent in parts to the browser bridge', () => {
  it('is kept, read back byte for byte and listed at its size; its upload is used once', async () => {
    const bridge = createWebBridge({ indexedDB: new IDBFactory() });
    const name = backupFileName('daily', new Date(Date.UTC(2026, 11, 7, 9)));
    const file = fileOfParts(2.5);
    const data = await sendInParts(bridge, new Blob([file]));
    expect(await bridge.writeBackup({ name, data, reason: 'daily' })).toMatchObject({ name, sizeBytes: file.byteLength });
    const read = await bridge.readBackup({ name });
    expect(read.byteLength).toBe(file.byteLength);
    expect(same(read, file)).toBe(true);
    expect((await bridge.listBackups())[0]?.sizeBytes).toBe(file.byteLength);
    await expect(bridge.replaceBackup({ name, data })).rejects.toThrow('That file is not being sent');
    expect(same(await bridge.readBackup({ name }), file)).toBe(true);
  });

  it('replaces a backup with one sent in parts', async () => {
    const bridge = createWebBridge({ indexedDB: new IDBFactory() });
    const name = backupFileName('daily', new Date(Date.UTC(2026, 11, 7, 9)));
    await bridge.writeBackup({ name, data: new Uint8Array([1, 2, 3]), reason: 'daily' });
    const file = fileOfParts(1.25);
    expect(await bridge.replaceBackup({ name, data: await sendInParts(bridge, new Blob([file])) })).toMatchObject({
      sizeBytes: file.byteLength,
    });
    expect(same(await bridge.readBackup({ name }), file)).toBe(true);
  });
});
