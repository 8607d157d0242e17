// The IPC layer with a mocked `electron`: who may call, what a call may carry, the files and the
// rotating backup folder written on a real (temporary) disk, and the preload that unwraps replies.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';

const electron = vi.hoisted(() => ({
  ipcMain: { handle: vi.fn() },
  dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
  shell: { openExternal: vi.fn(() => Promise.resolve()) },
  app: { getVersion: () => '0.1.0', getPath: vi.fn(() => '/nonexistent') },
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
}));

vi.mock('electron', () => ({
  ...electron,
  BrowserWindow: { fromWebContents: () => null },
}));

import { createIpcGuard, guardedListener } from '../../electron/ipc/guard';
import { registerAppHandlers } from '../../electron/ipc/app';
import { registerFileHandlers } from '../../electron/ipc/files';
import { listBackups, registerBackupHandlers } from '../../electron/ipc/backups';
import { registerKeyHandlers } from '../../electron/ipc/keys';
import { registerUploadHandlers } from '../../electron/ipc/uploads';
import { isAppUrl, type AppLocation } from '../../electron/security';
import {
  BACKUPS_TO_KEEP,
  BRIDGE_CHANNELS,
  MENU_EVENTS,
  BRIDGE_SCHEMAS,
  backupFileName,
  type BridgeChannel,
  type DesktopBridge,
  type IpcResult,
} from '../../shared/bridge';

const location: AppLocation = { kind: 'app', rendererDir: '/opt/careers-desk/resources/app.asar/out/renderer' };
const appUrl = 'app://careers-desk/index.html#/data';

/** An invoke event from a frame at `url`: the window's main frame (no parent) unless `parent` is given. */
function eventFrom(url: string | null, parent: { url: string } | null = null): IpcMainInvokeEvent {
  return { senderFrame: url === null ? null : { url, parent }, sender: {} } as unknown as IpcMainInvokeEvent;
}

type Listener = (event: IpcMainInvokeEvent, payload?: unknown) => Promise<IpcResult<unknown>>;

let folder: string;
let listeners: Map<string, Listener>;

/** Registers every handler as main.ts does, with the backup folder in a temp dir. */
function registerAll(): Map<string, Listener> {
  electron.ipcMain.handle.mockClear();
  const guard = createIpcGuard((url) => isAppUrl(url, location));
  registerAppHandlers(guard);
  registerFileHandlers(guard);
  registerUploadHandlers(guard);
  registerBackupHandlers(guard, () => join(folder, 'backups'));
  registerKeyHandlers(guard, () => join(folder, 'keys'), {
    isEncryptionAvailable: () => false,
    encryptString: () => Buffer.alloc(0),
    decryptString: () => '',
  });
  return new Map(electron.ipcMain.handle.mock.calls.map(([channel, listener]) => [channel as string, listener as Listener]));
}

function call(channel: BridgeChannel, payload?: unknown, url: string | null = appUrl): Promise<IpcResult<unknown>> {
  const listener = listeners.get(channel);
  if (!listener) throw new Error(`no handler for ${channel}`);
  return listener(eventFrom(url), payload);
}

beforeEach(() => {
  vi.clearAllMocks();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  folder = mkdtempSync(join(tmpdir(), 'careers-desk-ipc-'));
  listeners = registerAll();
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('the IPC guard', () => {
  it('registers a guarded handler for every bridge channel', () => {
    expect([...listeners.keys()].sort()).toEqual(Object.values(BRIDGE_CHANNELS).sort());
  });

  it('refuses a request from a frame that is not the app, before running the handler', async () => {
    const fn = vi.fn(() => 'secret');
    const listener = guardedListener(BRIDGE_CHANNELS.appVersion, BRIDGE_SCHEMAS.appVersion.request, fn, (url) => isAppUrl(url, location));

    const foreigners = [
      'https://evil.example/',
      'file:///tmp/evil.html',
      // The built app used to be file://; that page is not the app any more.
      `${pathToFileURL(`${location.rendererDir}/index.html`).href}#/data`,
      'http://localhost:5173/',
      'about:blank',
      'app://evil.example/index.html',
      'app://careers-desk.evil.example/index.html',
      'app://careers-desk:8080/index.html',
      'app://user@careers-desk/index.html',
      // Node gives every non-special scheme the origin "null": another scheme must not pass for app:.
      'evil://careers-desk/index.html',
      'blob:app://careers-desk/5f0c4c1e-0000-4000-8000-000000000000',
      'data:text/html,<p>hi</p>',
    ];
    for (const foreign of foreigners) {
      const result = await listener(eventFrom(foreign), undefined);
      expect(result).toEqual({
        ok: false,
        error: 'Refused careers-desk:app-version: the request did not come from the Careers Desk window',
      });
    }
    expect((await listener(eventFrom(null), undefined)).ok).toBe(false);
    expect(fn).not.toHaveBeenCalled();

    expect(await listener(eventFrom(appUrl), undefined)).toEqual({ ok: true, value: 'secret' });
    expect(await listener(eventFrom('app://careers-desk/?from=backup#/pupils'), undefined)).toEqual({ ok: true, value: 'secret' });
  });

  it('refuses a request from a frame inside the window, even one showing the app, before running the handler', async () => {
    const fn = vi.fn(() => 'secret');
    const listener = guardedListener(BRIDGE_CHANNELS.appVersion, BRIDGE_SCHEMAS.appVersion.request, fn, (url) => isAppUrl(url, location));
    const result = await listener(eventFrom(appUrl, { url: appUrl }), undefined);
    expect(result).toEqual({
      ok: false,
      error: 'Refused careers-desk:app-version: the request did not come from the Careers Desk window',
    });
    expect(fn).not.toHaveBeenCalled();
    expect(await listener(eventFrom(appUrl), undefined)).toEqual({ ok: true, value: 'secret' });
  });

  it('answers malformed payloads with an error naming the channel and field, and never throws', async () => {
    const cases: [BridgeChannel, unknown, RegExp][] = [
      [BRIDGE_CHANNELS.saveFile, undefined, /^Invalid request to careers-desk:save-file: \(request\): /],
      [BRIDGE_CHANNELS.saveFile, { filters: [], data: 'x' }, /^Invalid request to careers-desk:save-file: suggestedName: /],
      [BRIDGE_CHANNELS.saveFile, { suggestedName: '../../.bashrc', filters: [], data: 'x' }, /suggestedName: File name must not contain/],
      [BRIDGE_CHANNELS.saveFile, { suggestedName: 'plan.pdf', filters: [], data: 42 }, /data: Expected bytes/],
      [
        BRIDGE_CHANNELS.saveFile,
        { suggestedName: 'plan.pdf', filters: [{ name: 'PDF', extensions: ['.pdf'] }], data: 'x' },
        /filters\.0\.extensions\.0: /,
      ],
      [BRIDGE_CHANNELS.saveFilesToFolder, { files: [] }, /files: No files to save/],
      [
        BRIDGE_CHANNELS.saveFilesToFolder,
        {
          files: [
            { name: 'a.pdf', data: 'x' },
            { name: 'A.pdf', data: 'y' },
          ],
        },
        /files\.1\.name: Duplicate file name A\.pdf/,
      ],
      [BRIDGE_CHANNELS.openFile, 'everything', /^Invalid request to careers-desk:open-file: /],
      [BRIDGE_CHANNELS.writeBackup, { name: 'x.json', data: new Uint8Array(1), reason: 'daily' }, /name: Not a backup file name/],
      [
        BRIDGE_CHANNELS.writeBackup,
        { name: backupFileName('daily', new Date()), data: new Uint8Array(1), reason: 'manual' },
        /reason: Reason does not match/,
      ],
      [BRIDGE_CHANNELS.readBackup, null, /^Invalid request to careers-desk:read-backup: /],
      [BRIDGE_CHANNELS.openExternal, { url: 'http://example.org/' }, /url: Only https:\/\/ links can be opened/],
      [BRIDGE_CHANNELS.openExternal, { url: 'file:///etc/passwd' }, /url: Only https/],
      [BRIDGE_CHANNELS.appVersion, { please: true }, /^Invalid request to careers-desk:app-version: /],
    ];
    for (const [channel, payload, expected] of cases) {
      const result = await call(channel, payload);
      expect(result.ok, `${channel} ${JSON.stringify(payload)}`).toBe(false);
      if (!result.ok) expect(result.error).toMatch(expected);
    }
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('survives a payload that throws when read', async () => {
    const hostile = {
      get suggestedName(): string {
        throw new Error('boom');
      },
    };
    await expect(call(BRIDGE_CHANNELS.saveFile, hostile)).resolves.toEqual({
      ok: false,
      error: 'Invalid request to careers-desk:save-file: boom',
    });
  });

  it('turns a handler failure into an error value', async () => {
    const listener = guardedListener(
      BRIDGE_CHANNELS.listBackups,
      BRIDGE_SCHEMAS.listBackups.request,
      () => {
        throw new Error('The disk is full');
      },
      () => true,
    );
    await expect(listener(eventFrom(appUrl))).resolves.toEqual({ ok: false, error: 'The disk is full' });
  });

  it('answers the app version and opens only https links', async () => {
    expect(await call(BRIDGE_CHANNELS.appVersion)).toEqual({ ok: true, value: '0.1.0' });
    expect(await call(BRIDGE_CHANNELS.openExternal, { url: 'https://www.kentchoices.co.uk/' })).toEqual({ ok: true, value: undefined });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://www.kentchoices.co.uk/');
  });
});

describe('saving and opening files', () => {
  it('writes text and bytes where the person chose, and reports a cancel', async () => {
    const target = join(folder, 'plan.csv');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(
      await call(BRIDGE_CHANNELS.saveFile, {
        suggestedName: 'plan.csv',
        filters: [{ name: 'CSV', extensions: ['csv'] }],
        data: 'name,école\n',
      }),
    ).toEqual({
      ok: true,
      value: { saved: true, path: target },
    });
    expect(readFileSync(target, 'utf8')).toBe('name,école\n');

    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await call(BRIDGE_CHANNELS.saveFile, { suggestedName: 'plan.csv', filters: [], data: 'x' })).toEqual({
      ok: true,
      value: { saved: false },
    });
  });

  it('asks for a folder once and writes every file into it', async () => {
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [folder] });
    const result = await call(BRIDGE_CHANNELS.saveFilesToFolder, {
      files: [
        { name: 'Amy Ng.pdf', data: new Uint8Array([37, 80, 68, 70]) },
        { name: 'Ben Ola.pdf', data: 'text' },
      ],
    });
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledTimes(1);
    expect(electron.dialog.showOpenDialog.mock.calls[0]?.[0].properties).toContain('openDirectory');
    expect(result).toMatchObject({
      ok: true,
      value: {
        saved: true,
        folder,
        files: [
          { name: 'Amy Ng.pdf', ok: true },
          { name: 'Ben Ola.pdf', ok: true },
        ],
      },
    });
    expect([...readFileSync(join(folder, 'Amy Ng.pdf'))]).toEqual([37, 80, 68, 70]);
    expect(readFileSync(join(folder, 'Ben Ola.pdf'), 'utf8')).toBe('text');
  });

  it('returns the chosen file as bytes, or null on cancel', async () => {
    writeFileSync(join(folder, 'pupils.csv'), 'upn\n');
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [join(folder, 'pupils.csv')] });
    const opened = await call(BRIDGE_CHANNELS.openFile, { filters: [{ name: 'CSV', extensions: ['csv'] }] });
    expect(opened.ok && opened.value).toEqual({ name: 'pupils.csv', data: new Uint8Array(Buffer.from('upn\n')) });

    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await call(BRIDGE_CHANNELS.openFile, { filters: [] })).toEqual({ ok: true, value: null });
  });
});

describe('the automatic backup folder', () => {
  const start = Date.UTC(2026, 10, 1, 17, 30, 0);
  const nameFor = (day: number) => backupFileName('daily', new Date(start + day * 86_400_000));

  it('keeps only the newest 14 backups and leaves other files alone', async () => {
    const backups = join(folder, 'backups');
    // Written out of order, so rotation must go by the time in the name, not by write order.
    const days = [3, 0, 19, 7, 1, 12, 5, 18, 2, 9, 15, 4, 11, 6, 17, 8, 14, 10, 16, 13];
    for (const [i, day] of days.entries()) {
      const result = await call(BRIDGE_CHANNELS.writeBackup, { name: nameFor(day), data: new Uint8Array([day]), reason: 'daily' });
      expect(result.ok, JSON.stringify(result)).toBe(true);
      if (i === 0) writeFileSync(join(backups, 'notes.txt'), 'mine');
    }

    const listed = await call(BRIDGE_CHANNELS.listBackups);
    expect(listed.ok).toBe(true);
    const names = (listed.ok ? listed.value : []) as { name: string; createdAt: string; reason: string; sizeBytes: number }[];
    expect(BACKUPS_TO_KEEP).toBe(14);
    expect(names.map((b) => b.name)).toEqual(Array.from({ length: 14 }, (_, i) => nameFor(19 - i)));
    expect(names[0]).toEqual({
      name: nameFor(19),
      sizeBytes: 1,
      createdAt: new Date(start + 19 * 86_400_000).toISOString(),
      reason: 'daily',
    });
    expect(readdirSync(backups).sort()).toEqual([...names.map((b) => b.name), 'notes.txt'].sort());
  });

  it('reads a backup back byte for byte', async () => {
    const name = backupFileName('before-restore', new Date(start));
    await call(BRIDGE_CHANNELS.writeBackup, { name, data: new Uint8Array([1, 2, 3, 250]), reason: 'before-restore' });
    expect(await call(BRIDGE_CHANNELS.readBackup, { name })).toEqual({ ok: true, value: new Uint8Array([1, 2, 3, 250]) });
    expect(await listBackups(join(folder, 'backups'))).toHaveLength(1);
  });

  it('refuses to overwrite a backup of the same name', async () => {
    const name = nameFor(1);
    await call(BRIDGE_CHANNELS.writeBackup, { name, data: new Uint8Array([1]), reason: 'daily' });
    expect(await call(BRIDGE_CHANNELS.writeBackup, { name, data: new Uint8Array([2]), reason: 'daily' })).toEqual({
      ok: false,
      error: `A backup called ${name} already exists`,
    });
  });

  it('refuses names that step outside the folder or are not backups', async () => {
    writeFileSync(join(folder, 'x'), 'outside');
    for (const name of ['../x', `../${nameFor(1)}`, `sub/${nameFor(1)}`, `..\\${nameFor(1)}`, join(folder, nameFor(1)), 'x', '']) {
      const result = await call(BRIDGE_CHANNELS.readBackup, { name });
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/^Invalid request to careers-desk:read-backup: name: /);
    }
  });

  it('says plainly when a backup does not exist', async () => {
    expect(await call(BRIDGE_CHANNELS.readBackup, { name: nameFor(2) })).toEqual({
      ok: false,
      error: `There is no backup called ${nameFor(2)}`,
    });
    expect(await call(BRIDGE_CHANNELS.listBackups)).toEqual({ ok: true, value: [] });
  });

  it('replaces a backup in place and deletes one, only backups inside the folder', async () => {
    await call(BRIDGE_CHANNELS.writeBackup, { name: nameFor(1), data: new Uint8Array([1]), reason: 'daily' });
    await call(BRIDGE_CHANNELS.writeBackup, { name: nameFor(2), data: new Uint8Array([2]), reason: 'daily' });
    expect(await call(BRIDGE_CHANNELS.replaceBackup, { name: nameFor(1), data: new Uint8Array([5, 6]) })).toEqual({
      ok: true,
      value: { name: nameFor(1), sizeBytes: 2, createdAt: new Date(start + 86_400_000).toISOString(), reason: 'daily' },
    });
    expect(await call(BRIDGE_CHANNELS.readBackup, { name: nameFor(1) })).toEqual({ ok: true, value: new Uint8Array([5, 6]) });
    expect(await call(BRIDGE_CHANNELS.deleteBackup, { name: nameFor(2) })).toEqual({ ok: true, value: undefined });
    expect(readdirSync(join(folder, 'backups'))).toEqual([nameFor(1)]);
    expect(await call(BRIDGE_CHANNELS.replaceBackup, { name: nameFor(2), data: new Uint8Array([3]) })).toEqual({
      ok: false,
      error: `There is no backup called ${nameFor(2)}`,
    });
    writeFileSync(join(folder, 'x'), 'outside');
    for (const name of ['../x', `../${nameFor(1)}`, 'x']) {
      const deleted = await call(BRIDGE_CHANNELS.deleteBackup, { name });
      expect(deleted.ok, name).toBe(false);
      if (!deleted.ok) expect(deleted.error).toMatch(/^Invalid request to careers-desk:delete-backup: name: /);
      const replaced = await call(BRIDGE_CHANNELS.replaceBackup, { name, data: new Uint8Array([1]) });
      expect(replaced.ok, name).toBe(false);
    }
    expect(existsSync(join(folder, 'x'))).toBe(true);
  });
});

describe('a large file sent in parts', () => {
  const name = backupFileName('daily', new Date(Date.UTC(2026, 10, 2, 9, 0, 0)));

  /** Begins a file of `size` bytes and sends `parts` in order; answers its upload. */
  async function sendParts(size: number, parts: number[][]): Promise<{ upload: string }> {
    const begun = await call(BRIDGE_CHANNELS.beginUpload, { sizeBytes: size });
    if (!begun.ok) throw new Error(begun.error);
    const uploaded = begun.value as { upload: string };
    let offset = 0;
    for (const part of parts) {
      const sent = await call(BRIDGE_CHANNELS.uploadPart, { upload: uploaded.upload, offset, data: new Uint8Array(part) });
      expect(sent, JSON.stringify(sent)).toEqual({ ok: true, value: undefined });
      offset += part.length;
    }
    return uploaded;
  }

  it('writes an automatic backup from its parts, in order, and the upload is used once', async () => {
    const data = await sendParts(5, [[1, 2], [3], [4, 250]]);
    const written = await call(BRIDGE_CHANNELS.writeBackup, { name, data, reason: 'daily' });
    expect(written).toMatchObject({ ok: true, value: { name, sizeBytes: 5 } });
    expect([...readFileSync(join(folder, 'backups', name))]).toEqual([1, 2, 3, 4, 250]);
    const again = await call(BRIDGE_CHANNELS.replaceBackup, { name, data });
    expect(again).toEqual({ ok: false, error: 'That file is not being sent (it was finished, or let go after too long)' });
    expect([...readFileSync(join(folder, 'backups', name))]).toEqual([1, 2, 3, 4, 250]);
  });

  it('saves a file from its parts where the person chose', async () => {
    const target = join(folder, 'backup.cdbackup');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const data = await sendParts(4, [
      [9, 8],
      [7, 6],
    ]);
    expect(await call(BRIDGE_CHANNELS.saveFile, { suggestedName: 'backup.cdbackup', filters: [], data })).toEqual({
      ok: true,
      value: { saved: true, path: target },
    });
    expect([...readFileSync(target)]).toEqual([9, 8, 7, 6]);
  });

  it('refuses a part out of order or past the end, and a file that did not arrive whole, writing nothing', async () => {
    const begun = await call(BRIDGE_CHANNELS.beginUpload, { sizeBytes: 4 });
    const { upload } = (begun.ok ? begun.value : {}) as { upload: string };
    expect(await call(BRIDGE_CHANNELS.uploadPart, { upload, offset: 2, data: new Uint8Array([1]) })).toEqual({
      ok: false,
      error: 'A part of the file came out of order: expected the one from byte 0, not 2',
    });
    expect(await call(BRIDGE_CHANNELS.uploadPart, { upload, offset: 0, data: new Uint8Array(5) })).toEqual({
      ok: false,
      error: 'A part of the file goes past its end (5 of 4 bytes)',
    });
    await call(BRIDGE_CHANNELS.uploadPart, { upload, offset: 0, data: new Uint8Array([1, 2]) });
    expect(await call(BRIDGE_CHANNELS.writeBackup, { name, data: { upload }, reason: 'daily' })).toEqual({
      ok: false,
      error: 'The file did not arrive whole: 2 of 4 bytes',
    });
    expect(existsSync(join(folder, 'backups', name))).toBe(false);
    expect(readdirSync(join(folder, 'backups'))).toEqual([]);
  });

  it('refuses what is not an upload, and a file larger than it may be', async () => {
    const wrong = await call(BRIDGE_CHANNELS.writeBackup, { name, data: { upload: '../../etc' }, reason: 'daily' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error).toBe('Invalid request to careers-desk:write-backup: data.upload: Not the name of a file being sent');
    const huge = await call(BRIDGE_CHANNELS.beginUpload, { sizeBytes: 2 ** 31 });
    expect(huge.ok).toBe(false);
    if (!huge.ok) expect(huge.error).toMatch(/^Invalid request to careers-desk:begin-upload: sizeBytes: /);
  });
});

describe('the preload', () => {
  async function loadPreload(): Promise<DesktopBridge> {
    vi.resetModules();
    await import('../../electron/preload');
    const [name, bridge] = electron.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
    expect(name).toBe('careersDesk');
    return bridge as DesktopBridge;
  }

  it('exposes narrow functions only, never ipcRenderer', async () => {
    const bridge = await loadPreload();
    expect(Object.keys(bridge).sort()).toEqual([
      'appVersion',
      'beginUpload',
      'deleteBackup',
      'keyProtection',
      'kind',
      'listBackups',
      'onShowShortcuts',
      'openExternal',
      'openFile',
      'readBackup',
      'readKey',
      'removeKey',
      'replaceBackup',
      'saveFile',
      'saveFilesToFolder',
      'uploadPart',
      'writeBackup',
      'writeKey',
    ]);
    expect(bridge.kind).toBe('desktop');
    expect(Object.values(bridge)).not.toContain(electron.ipcRenderer);
    expect(Object.values(bridge)).not.toContain(electron.ipcRenderer.invoke);
  });

  it("passes the menu's Help, Keyboard shortcuts on to the page without the event, and stops when asked", async () => {
    const bridge = await loadPreload();
    const listener = vi.fn();
    const stop = bridge.onShowShortcuts(listener);
    const [channel, forward] = electron.ipcRenderer.on.mock.calls.at(-1) ?? [];
    expect(channel).toBe(MENU_EVENTS.showShortcuts);
    (forward as (event: unknown) => void)({ sender: electron.ipcRenderer });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith();
    stop();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(MENU_EVENTS.showShortcuts, forward);
  });

  it('unwraps replies: the value on success, an Error with the message otherwise', async () => {
    const bridge = await loadPreload();
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: '0.1.0' });
    await expect(bridge.appVersion()).resolves.toBe('0.1.0');
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(BRIDGE_CHANNELS.appVersion, undefined);

    electron.ipcRenderer.invoke.mockResolvedValueOnce({
      ok: false,
      error: 'Invalid request to careers-desk:read-backup: name: Not a backup file name',
    });
    await expect(bridge.readBackup({ name: '../x' })).rejects.toThrow(
      'Invalid request to careers-desk:read-backup: name: Not a backup file name',
    );
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(BRIDGE_CHANNELS.readBackup, { name: '../x' });
  });
});
