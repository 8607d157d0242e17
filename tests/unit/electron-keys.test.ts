// electron/ipc/keys.ts with a fake safeStorage: keys kept encrypted by the keychain on a real (temporary)
// disk, only the two known names, and the weak Linux backend or no keychain said plainly.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';

const electron = vi.hoisted(() => ({
  ipcMain: { handle: vi.fn() },
  app: { getPath: vi.fn(() => '/nonexistent') },
  safeStorage: {},
}));
vi.mock('electron', () => electron);

import { createIpcGuard } from '../../electron/ipc/guard';
import { keyProtection, readKey, registerKeyHandlers, writeKey, type KeyEncryption } from '../../electron/ipc/keys';
import { BRIDGE_CHANNELS, type IpcResult } from '../../shared/bridge';

/** A stand-in keychain: "encrypts" by reversing and marking, so the stored file never holds the key's text. */
function fakeKeychain(backend = 'gnome_libsecret', available = true): KeyEncryption {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from(`KC(${[...text].reverse().join('')})`),
    decryptString: (data) => [...data.toString().slice(3, -1)].reverse().join(''),
    getSelectedStorageBackend: () => backend,
  };
}

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'careers-desk-keys-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const key = new Uint8Array(32).map((_, i) => i * 7);
const keyText = Buffer.from(key).toString('base64');

describe('the key store (electron/ipc/keys.ts)', () => {
  it('keeps a key through the keychain: the file never holds it in clear, and it reads back the same', async () => {
    const keychain = fakeKeychain();
    await writeKey(folder, keychain, 'data-key', key);
    expect(readdirSync(folder)).toEqual(['data-key.key']);
    expect(readFileSync(join(folder, 'data-key.key')).toString()).not.toContain(keyText);
    expect(await readKey(folder, keychain, 'data-key')).toEqual(key);
    expect(await readKey(folder, keychain, 'auto-backup-key')).toBeNull();
  });

  it('refuses, saying why, a key kept in a keychain that is not available now', async () => {
    await writeKey(folder, fakeKeychain(), 'data-key', key);
    await expect(readKey(folder, fakeKeychain('gnome_libsecret', false), 'data-key')).rejects.toThrow(
      /keychain, which is not available now/,
    );
  });

  it('says when the protection is weak: the basic_text backend on Linux, or no keychain at all', () => {
    expect(keyProtection(fakeKeychain('gnome_libsecret'), 'linux').kind).toBe('os-keychain');
    expect(keyProtection(fakeKeychain('basic_text'), 'linux')).toMatchObject({
      kind: 'weak',
      detail: expect.stringMatching(/No Linux keyring/),
    });
    expect(keyProtection(fakeKeychain('unknown', false), 'linux')).toMatchObject({
      kind: 'weak',
      detail: expect.stringMatching(/no keychain/),
    });
    expect(keyProtection(fakeKeychain('unknown'), 'darwin').kind).toBe('os-keychain');
  });

  it('answers only the two key names over IPC, from the app window', async () => {
    electron.ipcMain.handle.mockClear();
    registerKeyHandlers(
      createIpcGuard((url) => url.startsWith('app://careers-desk/')),
      () => folder,
      fakeKeychain(),
    );
    const listeners = new Map(
      electron.ipcMain.handle.mock.calls.map(([channel, listener]) => [
        channel as string,
        listener as (event: IpcMainInvokeEvent, payload?: unknown) => Promise<IpcResult<unknown>>,
      ]),
    );
    const event = { senderFrame: { url: 'app://careers-desk/index.html', parent: null }, sender: {} } as unknown as IpcMainInvokeEvent;
    const call = (channel: string, payload?: unknown) => listeners.get(channel)!(event, payload);
    expect(await call(BRIDGE_CHANNELS.writeKey, { name: 'data-key', data: key })).toEqual({ ok: true, value: undefined });
    expect(await call(BRIDGE_CHANNELS.readKey, { name: 'data-key' })).toEqual({ ok: true, value: key });
    const refused = await call(BRIDGE_CHANNELS.readKey, { name: '../../.ssh/id_rsa' });
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/Only data-key and auto-backup-key are kept/) });
    expect(await call(BRIDGE_CHANNELS.removeKey, { name: 'data-key' })).toEqual({ ok: true, value: undefined });
    expect(await call(BRIDGE_CHANNELS.readKey, { name: 'data-key' })).toEqual({ ok: true, value: null });
    expect(await call(BRIDGE_CHANNELS.keyProtection)).toMatchObject({ ok: true, value: { kind: 'os-keychain' } });
  });
});
