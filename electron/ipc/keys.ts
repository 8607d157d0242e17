// The key store: the records' data key and the automatic backups' key, each in its own file under
// <userData>/keys, encrypted by the OS keychain through safeStorage. Only the two names in
// storedKeyNameSchema can be read or written, so nothing else on disk is reachable through these channels.
import { join } from 'node:path';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { app, safeStorage } from 'electron';
import { BRIDGE_CHANNELS, BRIDGE_SCHEMAS, type KeyProtection, type StoredKeyName } from '@shared/bridge';
import type { IpcGuard } from './guard';

/** The part of Electron's safeStorage used here, so tests can give a fake one. */
export interface KeyEncryption {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export function defaultKeyFolder(): string {
  return join(app.getPath('userData'), 'keys');
}

/** What protects the keys: the OS keychain, or on Linux without a keyring only a fixed key (basic_text), or nothing. */
export function keyProtection(encryption: KeyEncryption, platform: NodeJS.Platform = process.platform): KeyProtection {
  if (!encryption.isEncryptionAvailable())
    return {
      kind: 'weak',
      detail: 'This computer offers no keychain to Careers Desk, so the key to the records is kept unprotected in its folder.',
    };
  if (platform === 'linux' && encryption.getSelectedStorageBackend?.() === 'basic_text')
    return {
      kind: 'weak',
      detail:
        'No Linux keyring (GNOME Keyring or KWallet) was available, ' +
        'so the key to the records is protected only by a fixed password built into Chromium.',
    };
  return { kind: 'os-keychain', detail: 'The key to the records is kept in this computer’s keychain.' };
}

// Each file starts with how it was written, so a key stored before a keyring appeared (or after it went) still reads.
const SEALED_MARK = 'safeStorage:';
const PLAIN_MARK = 'plain:';

function keyPath(folder: string, name: StoredKeyName): string {
  return join(folder, `${name}.key`);
}

export async function writeKey(folder: string, encryption: KeyEncryption, name: StoredKeyName, data: Uint8Array): Promise<void> {
  const base64 = Buffer.from(data).toString('base64');
  const contents = encryption.isEncryptionAvailable()
    ? Buffer.concat([Buffer.from(SEALED_MARK), encryption.encryptString(base64)])
    : Buffer.from(PLAIN_MARK + base64);
  await mkdir(folder, { recursive: true });
  // Written beside it and renamed over it: a crash never leaves half a key (which would lose the records).
  const temporary = `${keyPath(folder, name)}.partial`;
  await writeFile(temporary, contents, { mode: 0o600 });
  await rename(temporary, keyPath(folder, name));
}

export async function readKey(folder: string, encryption: KeyEncryption, name: StoredKeyName): Promise<Uint8Array | null> {
  let contents: Buffer;
  try {
    contents = await readFile(keyPath(folder, name));
  } catch (error) {
    if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT') return null;
    throw error;
  }
  if (contents.subarray(0, SEALED_MARK.length).toString() === SEALED_MARK) {
    if (!encryption.isEncryptionAvailable())
      throw new Error(
        `The ${name} was kept in this computer's keychain, which is not available now: unlock your desktop session and start again`,
      );
    return new Uint8Array(Buffer.from(encryption.decryptString(contents.subarray(SEALED_MARK.length)), 'base64'));
  }
  if (contents.subarray(0, PLAIN_MARK.length).toString() === PLAIN_MARK)
    return new Uint8Array(Buffer.from(contents.subarray(PLAIN_MARK.length).toString(), 'base64'));
  throw new Error(`The stored ${name} is damaged`);
}

export async function removeKey(folder: string, name: StoredKeyName): Promise<void> {
  await rm(keyPath(folder, name), { force: true });
}

export function registerKeyHandlers(
  guard: IpcGuard,
  folder: () => string = defaultKeyFolder,
  encryption: KeyEncryption = safeStorage,
): void {
  guard.handle(BRIDGE_CHANNELS.readKey, BRIDGE_SCHEMAS.readKey.request, ({ name }) => readKey(folder(), encryption, name));
  guard.handle(BRIDGE_CHANNELS.writeKey, BRIDGE_SCHEMAS.writeKey.request, ({ name, data }) => writeKey(folder(), encryption, name, data));
  guard.handle(BRIDGE_CHANNELS.removeKey, BRIDGE_SCHEMAS.removeKey.request, ({ name }) => removeKey(folder(), name));
  guard.handle(BRIDGE_CHANNELS.keyProtection, BRIDGE_SCHEMAS.keyProtection.request, () => keyProtection(encryption));
}
