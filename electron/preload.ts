// The only door between the page and the main process. It exposes one narrow function per
// capability on window.careersDesk; ipcRenderer itself never reaches the page. The main process
// validates every request (electron/ipc/guard.ts), so this file only forwards and unwraps.
// Bundled to CommonJS with its imports inlined: a sandboxed preload cannot require packages.
import { contextBridge, ipcRenderer } from 'electron';
// Channel names from the zod-free module, so zod is not bundled in here; the type is erased.
import { BRIDGE_CHANNELS, MENU_EVENTS, type BridgeChannel, type IpcResult } from '@shared/bridge-channels';
import type { DesktopBridge } from '@shared/bridge';

async function invoke<T>(channel: BridgeChannel, request?: unknown): Promise<T> {
  const result = (await ipcRenderer.invoke(channel, request)) as IpcResult<T> | undefined;
  if (!result || typeof result !== 'object' || typeof result.ok !== 'boolean') {
    throw new Error(`No answer from ${channel}`);
  }
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const bridge: DesktopBridge = {
  kind: 'desktop',
  appVersion: () => invoke(BRIDGE_CHANNELS.appVersion),
  saveFile: (request) => invoke(BRIDGE_CHANNELS.saveFile, request),
  saveFilesToFolder: (request) => invoke(BRIDGE_CHANNELS.saveFilesToFolder, request),
  beginUpload: (request) => invoke(BRIDGE_CHANNELS.beginUpload, request),
  uploadPart: (request) => invoke(BRIDGE_CHANNELS.uploadPart, request),
  openFile: (request) => invoke(BRIDGE_CHANNELS.openFile, request),
  writeBackup: (request) => invoke(BRIDGE_CHANNELS.writeBackup, request),
  listBackups: () => invoke(BRIDGE_CHANNELS.listBackups),
  readBackup: (request) => invoke(BRIDGE_CHANNELS.readBackup, request),
  replaceBackup: (request) => invoke(BRIDGE_CHANNELS.replaceBackup, request),
  deleteBackup: (request) => invoke(BRIDGE_CHANNELS.deleteBackup, request),
  openExternal: (request) => invoke(BRIDGE_CHANNELS.openExternal, request),
  readKey: (request) => invoke(BRIDGE_CHANNELS.readKey, request),
  writeKey: (request) => invoke(BRIDGE_CHANNELS.writeKey, request),
  removeKey: (request) => invoke(BRIDGE_CHANNELS.removeKey, request),
  keyProtection: () => invoke(BRIDGE_CHANNELS.keyProtection),
  // Only the main process sends on a renderer's ipcRenderer; the event itself is never handed to the page.
  onShowShortcuts: (listener) => {
    const forward = (): void => listener();
    ipcRenderer.on(MENU_EVENTS.showShortcuts, forward);
    return () => void ipcRenderer.removeListener(MENU_EVENTS.showShortcuts, forward);
  },
};

contextBridge.exposeInMainWorld('careersDesk', bridge);
