// The renderer's only way to the desktop: getBridge() answers with the Electron bridge inside the
// app and with the plain-browser implementation anywhere else (npm run web, the Playwright tests).
import type { DesktopBridge } from '@shared/bridge';
import { desktopBridge } from './desktop';
import { createWebBridge } from './web';

export type {
  BackupInfo,
  BackupReason,
  BridgeKind,
  DesktopBridge,
  FileFilter,
  OpenFileResult,
  SaveFileResult,
  SaveFilesToFolderResult,
} from '@shared/bridge';
export { BACKUP_FILE_EXTENSION, BACKUP_FILE_FILTERS, backupFileName } from '@shared/bridge';
export { sendInParts } from '../platform/send-in-parts';

let webBridge: DesktopBridge | null = null;

export function getBridge(): DesktopBridge {
  const desktop = desktopBridge();
  if (desktop) return desktop;
  webBridge ??= createWebBridge();
  return webBridge;
}
