// The IPC channel names and the reply envelope, apart from the zod schemas in bridge.ts so the
// sandboxed preload can import them without bundling zod (bridge.ts re-exports all of this).

/** Which implementation is answering: the Electron shell or the plain-browser fallback. */
export type BridgeKind = 'desktop' | 'web';

/** IPC channel names, one per capability; namespaced so they cannot clash with a library's. */
export const BRIDGE_CHANNELS = {
  appVersion: 'careers-desk:app-version',
  saveFile: 'careers-desk:save-file',
  saveFilesToFolder: 'careers-desk:save-files-to-folder',
  beginUpload: 'careers-desk:begin-upload',
  uploadPart: 'careers-desk:upload-part',
  openFile: 'careers-desk:open-file',
  writeBackup: 'careers-desk:write-backup',
  listBackups: 'careers-desk:list-backups',
  readBackup: 'careers-desk:read-backup',
  replaceBackup: 'careers-desk:replace-backup',
  deleteBackup: 'careers-desk:delete-backup',
  openExternal: 'careers-desk:open-external',
  readKey: 'careers-desk:read-key',
  writeKey: 'careers-desk:write-key',
  removeKey: 'careers-desk:remove-key',
  keyProtection: 'careers-desk:key-protection',
} as const;

/**
 * Messages the main process sends to the page (the other way from the channels above), each without a
 * payload: the desktop menu's "Help, Keyboard shortcuts" asks the page to list the shortcuts.
 */
export const MENU_EVENTS = {
  showShortcuts: 'careers-desk:menu-show-shortcuts',
} as const;

export type MenuEvent = (typeof MENU_EVENTS)[keyof typeof MENU_EVENTS];

export type BridgeChannel = (typeof BRIDGE_CHANNELS)[keyof typeof BRIDGE_CHANNELS];

/** What every IPC handler sends back: errors travel as values so the main process never throws at the renderer. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };
