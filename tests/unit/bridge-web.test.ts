// @vitest-environment happy-dom
// The browser bridge really works: downloads carry the right name and bytes, a batch becomes a
// readable zip, the file input resolves with the file or null, and backups rotate in IndexedDB.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import JSZip from 'jszip';
import { IDBFactory } from 'fake-indexeddb';
import { acceptAttribute, createWebBridge } from '../../renderer/src/bridge/web';
import { getBridge, sendInParts } from '../../renderer/src/bridge';
import { BYTES_PER_SLICE } from '../../shared/byte-slices';
import { backupFileName, type DesktopBridge } from '../../shared/bridge';
import packageJson from '../../package.json';

interface Download {
  name: string;
  href: string;
  blob: Blob;
}

let downloads: Download[];

beforeEach(() => {
  downloads = [];
  const blobs = new Map<string, Blob>();
  let next = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:careers-desk/${next++}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  // Record what a click on a download link would save instead of navigating.
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    expect(this.isConnected).toBe(true);
    downloads.push({ name: this.download, href: this.href, blob: blobs.get(this.getAttribute('href') ?? '') as Blob });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  delete window.careersDesk;
});

async function bytesOf(blob: Blob): Promise<number[]> {
  return [...new Uint8Array(await blob.arrayBuffer())];
}

describe('saving in the browser', () => {
  it('downloads a file sent in parts as one file', async () => {
    const bridge = createWebBridge();
    const file = Uint8Array.from({ length: BYTES_PER_SLICE + 3 }, (_, i) => i % 253);
    const data = await sendInParts(bridge, new Blob([file]));
    await expect(bridge.saveFile({ suggestedName: 'careers-desk-backup-2026-12-07.cdbackup', filters: [], data })).resolves.toEqual({
      saved: true,
    });
    expect(downloads).toHaveLength(1);
    expect(new Uint8Array(await (downloads[0] as Download).blob.arrayBuffer())).toEqual(file);
  });

  it('downloads the bytes under the suggested name', async () => {
    const bridge = createWebBridge();
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x00, 0xff]);
    await expect(
      bridge.saveFile({ suggestedName: 'Action plan - Amy Ng.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }], data: pdf }),
    ).resolves.toEqual({ saved: true });

    expect(downloads).toHaveLength(1);
    const [download] = downloads as [Download];
    expect(download.name).toBe('Action plan - Amy Ng.pdf');
    expect(download.blob.type).toBe('application/pdf');
    expect(await bytesOf(download.blob)).toEqual([...pdf]);
    // The link is gone once the download has started.
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
  });

  it('encodes text as UTF-8', async () => {
    await createWebBridge().saveFile({ suggestedName: 'return.csv', filters: [], data: 'district,count\nThanet,c\nMédway,12\n' });
    const [download] = downloads as [Download];
    expect(download.blob.type).toBe('text/csv');
    expect(new TextDecoder().decode(new Uint8Array(await download.blob.arrayBuffer()))).toBe('district,count\nThanet,c\nMédway,12\n');
  });

  it('refuses a bad request with the same message as the desktop', async () => {
    await expect(createWebBridge().saveFile({ suggestedName: '../evil.pdf', filters: [], data: 'x' })).rejects.toThrow(
      /^Invalid request to saveFile: suggestedName: File name must not contain/,
    );
    expect(downloads).toHaveLength(0);
  });

  it('puts a batch of files in one zip that reads back intact', async () => {
    const bridge = createWebBridge();
    const result = await bridge.saveFilesToFolder({
      zipName: 'Year 11 action plans',
      files: [
        { name: 'Amy Ng.pdf', data: new Uint8Array([1, 2, 3, 255]) },
        { name: 'Ben Ola.txt', data: 'Next review 23/11/2026' },
      ],
    });
    expect(result).toEqual({
      saved: true,
      folder: 'Year 11 action plans.zip',
      files: [
        { name: 'Amy Ng.pdf', ok: true },
        { name: 'Ben Ola.txt', ok: true },
      ],
    });

    expect(downloads.map((d) => d.name)).toEqual(['Year 11 action plans.zip']);
    const zip = await JSZip.loadAsync(await (downloads[0] as Download).blob.arrayBuffer());
    expect(Object.keys(zip.files).sort()).toEqual(['Amy Ng.pdf', 'Ben Ola.txt']);
    expect([...(await zip.file('Amy Ng.pdf')!.async('uint8array'))]).toEqual([1, 2, 3, 255]);
    expect(await zip.file('Ben Ola.txt')!.async('string')).toBe('Next review 23/11/2026');
  });

  it('names the zip itself when the caller does not', async () => {
    await createWebBridge().saveFilesToFolder({ files: [{ name: 'a.csv', data: 'a' }] });
    expect(downloads.map((d) => d.name)).toEqual(['careers-desk-files.zip']);
  });
});

describe('opening a file in the browser', () => {
  function nextFileInput(): Promise<HTMLInputElement> {
    return new Promise((resolve) => {
      vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
        resolve(this);
      });
    });
  }

  it('resolves with the chosen file and its bytes', async () => {
    const bridge = createWebBridge();
    const input = nextFileInput();
    const opened = bridge.openFile({ filters: [{ name: 'CSV', extensions: ['csv', 'CSV'] }] });
    const element = await input;
    expect(element.type).toBe('file');
    expect(element.accept).toBe('.csv');
    const file = new File(['upn,name\n'], 'pupils.csv', { type: 'text/csv' });
    Object.defineProperty(element, 'files', { value: [file] });
    element.dispatchEvent(new Event('change'));
    await expect(opened).resolves.toEqual({ name: 'pupils.csv', data: new Uint8Array(new TextEncoder().encode('upn,name\n')) });
    expect(element.isConnected).toBe(false);
  });

  it('resolves null when the picker is cancelled', async () => {
    const bridge = createWebBridge();
    const input = nextFileInput();
    const opened = bridge.openFile({ filters: [] });
    (await input).dispatchEvent(new Event('cancel'));
    await expect(opened).resolves.toBeNull();
  });

  it('builds the accept list from the filters', () => {
    expect(acceptAttribute([{ name: 'Data', extensions: ['json', 'csv'] }])).toBe('.json,.csv');
    expect(acceptAttribute([{ name: 'Any', extensions: ['*'] }])).toBe('');
  });
});

describe('automatic backups in the browser', () => {
  let bridge: DesktopBridge;
  const start = Date.UTC(2026, 8, 1, 8, 0, 0);
  const nameFor = (day: number) => backupFileName('daily', new Date(start + day * 86_400_000));

  beforeEach(() => {
    bridge = createWebBridge({ indexedDB: new IDBFactory() });
  });

  it('keeps the newest 14 in IndexedDB, newest first', async () => {
    for (const day of [5, 0, 16, 3, 9, 1, 12, 7, 15, 2, 10, 4, 14, 6, 11, 8, 13]) {
      await bridge.writeBackup({ name: nameFor(day), data: new Uint8Array([day, 0, day]), reason: 'daily' });
    }
    const listed = await bridge.listBackups();
    expect(listed.map((b) => b.name)).toEqual(Array.from({ length: 14 }, (_, i) => nameFor(16 - i)));
    expect(listed[0]).toEqual({
      name: nameFor(16),
      sizeBytes: 3,
      createdAt: new Date(start + 16 * 86_400_000).toISOString(),
      reason: 'daily',
    });
    await expect(bridge.readBackup({ name: nameFor(0) })).rejects.toThrow(`There is no backup called ${nameFor(0)}`);
  });

  it('refuses a backup whose parts did not all arrive, keeping nothing', async () => {
    const name = backupFileName('daily', new Date(start));
    const { upload } = await bridge.beginUpload({ sizeBytes: 3 });
    await bridge.uploadPart({ upload, offset: 0, data: new Uint8Array([1]) });
    await expect(bridge.uploadPart({ upload, offset: 2, data: new Uint8Array([3]) })).rejects.toThrow(
      'expected the one from byte 1, not 2',
    );
    await expect(bridge.writeBackup({ name, data: { upload }, reason: 'daily' })).rejects.toThrow(
      'The file did not arrive whole: 1 of 3 bytes',
    );
    expect(await bridge.listBackups()).toEqual([]);
  });

  it('reads a backup back byte for byte', async () => {
    const name = backupFileName('before-import', new Date(start));
    await bridge.writeBackup({ name, data: new Uint8Array([9, 8, 7]), reason: 'before-import' });
    expect([...(await bridge.readBackup({ name }))]).toEqual([9, 8, 7]);
  });

  it('names new backups .cdbackup and still lists and reads those made before as .json', async () => {
    const name = backupFileName('manual', new Date(start));
    expect(name).toBe('careers-desk-backup-2026-09-01T08-00-00-000Z-manual.cdbackup');
    const older = 'careers-desk-backup-2026-08-31T08-00-00-000Z-daily.json';
    await bridge.writeBackup({ name: older, data: new Uint8Array([1, 2]), reason: 'daily' });
    await bridge.writeBackup({ name, data: new Uint8Array([3]), reason: 'manual' });
    expect((await bridge.listBackups()).map((b) => b.name)).toEqual([name, older]);
    expect([...(await bridge.readBackup({ name: older }))]).toEqual([1, 2]);
    await expect(bridge.readBackup({ name: name.replace('.cdbackup', '.cdbackup.txt') })).rejects.toThrow(/Not a backup file name/);
  });

  it('refuses a duplicate name and a name that is not a backup', async () => {
    await bridge.writeBackup({ name: nameFor(1), data: new Uint8Array([1]), reason: 'daily' });
    await expect(bridge.writeBackup({ name: nameFor(1), data: new Uint8Array([2]), reason: 'daily' })).rejects.toThrow('already exists');
    await expect(bridge.readBackup({ name: '../x' })).rejects.toThrow(/^Invalid request to readBackup: name: /);
    expect([...(await bridge.readBackup({ name: nameFor(1) }))]).toEqual([1]);
  });

  it('replaces a backup under its own name and deletes one, and refuses to replace one that is not there', async () => {
    await bridge.writeBackup({ name: nameFor(1), data: new Uint8Array([1]), reason: 'daily' });
    await bridge.writeBackup({ name: nameFor(2), data: new Uint8Array([2]), reason: 'daily' });
    expect(await bridge.replaceBackup({ name: nameFor(1), data: new Uint8Array([7, 7]) })).toEqual({
      name: nameFor(1),
      sizeBytes: 2,
      createdAt: new Date(start + 86_400_000).toISOString(),
      reason: 'daily',
    });
    expect([...(await bridge.readBackup({ name: nameFor(1) }))]).toEqual([7, 7]);
    await bridge.deleteBackup({ name: nameFor(2) });
    expect((await bridge.listBackups()).map((b) => [b.name, b.sizeBytes])).toEqual([[nameFor(1), 2]]);
    await expect(bridge.replaceBackup({ name: nameFor(2), data: new Uint8Array([3]) })).rejects.toThrow(
      `There is no backup called ${nameFor(2)}`,
    );
    expect(await bridge.listBackups()).toHaveLength(1);
    await expect(bridge.deleteBackup({ name: '../x' })).rejects.toThrow(/^Invalid request to deleteBackup: name: /);
  });
});

describe('choosing the bridge', () => {
  it('uses the web bridge in a plain browser, with the package version', async () => {
    const bridge = getBridge();
    expect(bridge.kind).toBe('web');
    await expect(bridge.appVersion()).resolves.toBe(packageJson.version);
  });

  it('uses window.careersDesk inside the desktop app', () => {
    const desktop = { kind: 'desktop' } as DesktopBridge;
    window.careersDesk = desktop;
    expect(getBridge()).toBe(desktop);
  });
});
