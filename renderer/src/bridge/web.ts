// The bridge in a plain browser: a real implementation, not a mock. Files leave through
// downloads, come in through a file input, and automatic backups live in their own small
// IndexedDB database so the Data page can list and restore them in the browser too.
import { version as packageVersion } from '../../../package.json';
import {
  BACKUPS_TO_KEEP,
  BRIDGE_SCHEMAS,
  compareBackupsNewestFirst,
  describeIssues,
  parseBackupFileName,
  type BackupData,
  type BackupInfo,
  type DesktopBridge,
  type FileData,
  type FileFilter,
} from '@shared/bridge';
import { UploadsInHand } from '@shared/uploads';
import { bytesOfBlob } from '../platform/blob-bytes';
import type { z } from 'zod';

export const WEB_BACKUP_DATABASE = 'careers-desk-backups';
const META_STORE = 'backups';
const DATA_STORE = 'backupData';
const DEFAULT_ZIP_NAME = 'careers-desk-files.zip';

export interface WebBridgeOptions {
  /** Defaults to the page's indexedDB; tests pass their own. */
  indexedDB?: IDBFactory;
  document?: Document;
  /** How many automatic backups to keep (BACKUPS_TO_KEEP). */
  keepBackups?: number;
}

type Method = keyof typeof BRIDGE_SCHEMAS;

/** The same check the main process makes, so a bad call fails the same way in both builds. */
function parseRequest<M extends Method>(method: M, request: unknown): z.output<(typeof BRIDGE_SCHEMAS)[M]['request']> {
  const parsed = BRIDGE_SCHEMAS[method].request.safeParse(request);
  if (!parsed.success) throw new Error(`Invalid request to ${method}: ${describeIssues(parsed.error.issues)}`);
  // Indexing BRIDGE_SCHEMAS with a generic key loses the link between key and schema; this restores it.
  return parsed.data as z.output<(typeof BRIDGE_SCHEMAS)[M]['request']>;
}

const MIME_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv',
  json: 'application/json',
  zip: 'application/zip',
  txt: 'text/plain',
  gz: 'application/gzip',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

function mimeTypeFor(name: string): string {
  const extension = name.split('.').pop()?.toLowerCase() ?? '';
  return MIME_TYPES[extension] ?? 'application/octet-stream';
}

/** Files sent in parts, each part kept as a small Blob: the whole is then a Blob of them, made without a copy. */
type WebUploads = UploadsInHand<Blob>;

function blobPart(data: FileData, uploads: WebUploads): string | Blob | Uint8Array<ArrayBuffer> {
  if (typeof data === 'string') return data;
  if ('upload' in data) return new Blob(uploads.take(data.upload).parts);
  // A copy backed by a plain ArrayBuffer: Blob refuses views over a SharedArrayBuffer.
  return new Uint8Array(data);
}

/** Starts a browser download of `data` under `name`. */
function download(doc: Document, name: string, data: BlobPart): void {
  const url = URL.createObjectURL(new Blob([data], { type: mimeTypeFor(name) }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers start reading the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The accept attribute for a file input: ".csv,.json", or anything when a filter allows *. */
export function acceptAttribute(filters: readonly FileFilter[]): string {
  const extensions = filters.flatMap((f) => f.extensions);
  if (extensions.length === 0 || extensions.includes('*')) return '';
  return [...new Set(extensions.map((e) => `.${e.toLowerCase()}`))].join(',');
}

function pickFile(doc: Document, filters: readonly FileFilter[]): Promise<File | null> {
  return new Promise((resolve) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept = acceptAttribute(filters);
    input.style.display = 'none';
    const finish = (file: File | null): void => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => finish(input.files?.[0] ?? null), { once: true });
    // Fired when the person closes the picker without choosing (Chromium 113+, Firefox 91+, Safari 16.4+).
    input.addEventListener('cancel', () => finish(null), { once: true });
    doc.body.append(input);
    input.click();
  });
}

// ---------------------------------------------------------------------------------------------
// Backups in IndexedDB: metadata and bytes in two stores, so listing never loads the bytes.

/**
 * A backup as stored: bytes, or a Blob where it was sent in parts (IndexedDB keeps a Blob by reference, so
 * storing a county's 137 MB backup copies nothing on the page). Backups stored before parts are bytes.
 */
type StoredBackup = Uint8Array | Blob;

function storedBackup(data: BackupData, uploads: WebUploads): { value: StoredBackup; sizeBytes: number } {
  if ('upload' in data) {
    const { parts, sizeBytes } = uploads.take(data.upload);
    return { value: new Blob(parts), sizeBytes };
  }
  return { value: new Uint8Array(data), sizeBytes: data.byteLength };
}

function openBackupDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(WEB_BACKUP_DATABASE, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore(META_STORE, { keyPath: 'name' });
      db.createObjectStore(DATA_STORE);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Let a future version (another tab after an update) upgrade instead of being blocked.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('Could not open the backup store'));
    request.onblocked = () => reject(new Error('The backup store is in use by another tab; close it and try again'));
  });
}

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function createBackupStore(factory: () => IDBFactory, keep: number) {
  let database: Promise<IDBDatabase> | null = null;
  const db = (): Promise<IDBDatabase> => {
    database ??= openBackupDatabase(factory()).catch((error: unknown) => {
      database = null;
      throw error;
    });
    return database;
  };

  return {
    async write(info: BackupInfo, data: StoredBackup): Promise<void> {
      const connection = await db();
      // One transaction adds the backup and trims the oldest, so the store never holds more than `keep`.
      await new Promise<void>((resolve, reject) => {
        const tx = connection.transaction([META_STORE, DATA_STORE], 'readwrite');
        const meta = tx.objectStore(META_STORE);
        const bytes = tx.objectStore(DATA_STORE);
        const added = meta.add(info);
        bytes.put(data, info.name);
        const all = meta.getAll() as IDBRequest<BackupInfo[]>;
        all.onsuccess = () => {
          for (const old of all.result.sort(compareBackupsNewestFirst).slice(keep)) {
            meta.delete(old.name);
            bytes.delete(old.name);
          }
        };
        tx.oncomplete = () => resolve();
        tx.onabort = () => {
          // The add's own error says whether the name was taken; reading it can throw if the add never ran.
          let addError: DOMException | null;
          try {
            addError = added.error;
          } catch {
            addError = null;
          }
          reject(
            addError?.name === 'ConstraintError'
              ? new Error(`A backup called ${info.name} already exists`)
              : (tx.error ?? new Error('Could not save the backup')),
          );
        };
      });
    },
    async list(): Promise<BackupInfo[]> {
      const connection = await db();
      const all = await requestResult(connection.transaction(META_STORE).objectStore(META_STORE).getAll() as IDBRequest<BackupInfo[]>);
      return all.sort(compareBackupsNewestFirst);
    },
    async read(name: string): Promise<Uint8Array> {
      const connection = await db();
      const data = await requestResult(
        connection.transaction(DATA_STORE).objectStore(DATA_STORE).get(name) as IDBRequest<StoredBackup | undefined>,
      );
      if (!data) throw new Error(`There is no backup called ${name}`);
      return data instanceof Blob ? bytesOfBlob(data) : data;
    },
    /** New bytes for a backup that exists, its listing's size with them, in one transaction. */
    async replace(name: string, data: StoredBackup, sizeBytes: number): Promise<BackupInfo> {
      const connection = await db();
      return new Promise<BackupInfo>((resolve, reject) => {
        const tx = connection.transaction([META_STORE, DATA_STORE], 'readwrite');
        const meta = tx.objectStore(META_STORE);
        let info: BackupInfo | null = null;
        const found = meta.get(name) as IDBRequest<BackupInfo | undefined>;
        found.onsuccess = () => {
          if (!found.result) {
            tx.abort();
            return;
          }
          info = { ...found.result, sizeBytes };
          meta.put(info);
          tx.objectStore(DATA_STORE).put(data, name);
        };
        tx.oncomplete = () => (info ? resolve(info) : reject(new Error(`There is no backup called ${name}`)));
        tx.onabort = () =>
          reject(info ? (tx.error ?? new Error('Could not save the backup')) : new Error(`There is no backup called ${name}`));
      });
    },
    async remove(name: string): Promise<void> {
      const connection = await db();
      await new Promise<void>((resolve, reject) => {
        const tx = connection.transaction([META_STORE, DATA_STORE], 'readwrite');
        tx.objectStore(META_STORE).delete(name);
        tx.objectStore(DATA_STORE).delete(name);
        tx.oncomplete = () => resolve();
        tx.onabort = () => reject(tx.error ?? new Error('Could not delete the backup'));
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Keys in IndexedDB: a demonstration only. The key sits beside the records it protects, so anyone who
// can read the browser's profile can read both; the app says so (DEMO_KEY_PROTECTION).

export const WEB_KEY_DATABASE = 'careers-desk-keys';
const KEY_STORE = 'keys';

export const DEMO_KEY_PROTECTION = {
  kind: 'demo',
  detail: 'Demonstration mode: the key that protects these records is kept beside them in this browser.',
} as const;

function openKeyDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(WEB_KEY_DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(KEY_STORE);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('Could not open the key store'));
    request.onblocked = () => reject(new Error('The key store is in use by another tab; close it and try again'));
  });
}

function createKeyStore(factory: () => IDBFactory) {
  const inStore = async <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const db = await openKeyDatabase(factory());
    try {
      const transaction = db.transaction(KEY_STORE, mode);
      const result = await requestResult(work(transaction.objectStore(KEY_STORE)));
      await new Promise<void>((resolve, reject) => {
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error ?? new Error('The key store could not be written'));
      });
      return result;
    } finally {
      db.close();
    }
  };
  return {
    async read(name: string): Promise<Uint8Array | null> {
      const value: unknown = await inStore('readonly', (store) => store.get(name));
      return value instanceof Uint8Array ? value : null;
    },
    write: (name: string, data: Uint8Array) => inStore('readwrite', (store) => store.put(data, name)).then(() => undefined),
    remove: (name: string) => inStore('readwrite', (store) => store.delete(name)).then(() => undefined),
  };
}

// ---------------------------------------------------------------------------------------------

export function createWebBridge(options: WebBridgeOptions = {}): DesktopBridge {
  const doc = (): Document => options.document ?? document;
  const backups = createBackupStore(() => options.indexedDB ?? indexedDB, options.keepBackups ?? BACKUPS_TO_KEEP);
  const keys = createKeyStore(() => options.indexedDB ?? indexedDB);
  const uploads: WebUploads = new UploadsInHand(() => crypto.randomUUID());

  return {
    kind: 'web',

    async appVersion() {
      return packageVersion;
    },

    async saveFile(request) {
      const { suggestedName, data } = parseRequest('saveFile', request);
      download(doc(), suggestedName, blobPart(data, uploads));
      // The browser does not say whether the person kept the download.
      return { saved: true };
    },

    async saveFilesToFolder(request) {
      const { files, zipName } = parseRequest('saveFilesToFolder', request);
      // A browser cannot write into a folder: the files go into one zip instead.
      const { default: JSZip } = await import('jszip');
      const zip = new JSZip();
      for (const file of files) zip.file(file.name, blobPart(file.data, uploads));
      const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
      const name = zipName ? (/\.zip$/i.test(zipName) ? zipName : `${zipName}.zip`) : DEFAULT_ZIP_NAME;
      // JSZip's bytes are its own new buffer, never a SharedArrayBuffer.
      download(doc(), name, bytes as Uint8Array<ArrayBuffer>);
      return { saved: true, folder: name, files: files.map((f) => ({ name: f.name, ok: true })) };
    },

    async beginUpload(request) {
      const { sizeBytes } = parseRequest('beginUpload', request);
      return { upload: uploads.begin(sizeBytes) };
    },

    async uploadPart(request) {
      const { upload, offset, data } = parseRequest('uploadPart', request);
      uploads.add(upload, offset, data.byteLength, new Blob([new Uint8Array(data)]));
    },

    async openFile(request) {
      const { filters } = parseRequest('openFile', request);
      const file = await pickFile(doc(), filters);
      if (!file) return null;
      return { name: file.name, data: new Uint8Array(await file.arrayBuffer()) };
    },

    async writeBackup(request) {
      const { name, data, reason } = parseRequest('writeBackup', request);
      const parsed = parseBackupFileName(name);
      if (!parsed) throw new Error(`Not a backup file name: ${name}`);
      const stored = storedBackup(data, uploads);
      const info: BackupInfo = { name, sizeBytes: stored.sizeBytes, createdAt: parsed.createdAt, reason };
      await backups.write(info, stored.value);
      return info;
    },

    async listBackups() {
      return backups.list();
    },

    async readBackup(request) {
      const { name } = parseRequest('readBackup', request);
      return backups.read(name);
    },

    async replaceBackup(request) {
      const { name, data } = parseRequest('replaceBackup', request);
      const stored = storedBackup(data, uploads);
      return backups.replace(name, stored.value, stored.sizeBytes);
    },

    async deleteBackup(request) {
      const { name } = parseRequest('deleteBackup', request);
      await backups.remove(name);
    },

    async openExternal(request) {
      const { url } = parseRequest('openExternal', request);
      window.open(url, '_blank', 'noopener,noreferrer');
    },
    async readKey(request) {
      const { name } = parseRequest('readKey', request);
      return keys.read(name);
    },

    async writeKey(request) {
      const { name, data } = parseRequest('writeKey', request);
      await keys.write(name, new Uint8Array(data));
    },

    async removeKey(request) {
      const { name } = parseRequest('removeKey', request);
      await keys.remove(name);
    },

    async keyProtection() {
      return { ...DEMO_KEY_PROTECTION };
    },

    // There is no menu in the browser: "?" and the header's "Keyboard shortcuts" open the list.
    onShowShortcuts() {
      return () => undefined;
    },
  };
}
