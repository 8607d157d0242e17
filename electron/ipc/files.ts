// Native save and open dialogs, and writing a batch of files into one folder the person chose.
// Nothing here touches a path the person did not pick in a dialog.
import { basename, join, resolve, dirname } from 'node:path';
import { readFile, stat, writeFile } from 'node:fs/promises';
import {
  app,
  BrowserWindow,
  dialog,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
  type OpenDialogReturnValue,
  type SaveDialogOptions,
  type SaveDialogReturnValue,
} from 'electron';
import {
  BRIDGE_CHANNELS,
  BRIDGE_SCHEMAS,
  type OpenFileRequest,
  type OpenFileResult,
  type SaveFileRequest,
  type SaveFileResult,
  type SaveFilesToFolderRequest,
  type SaveFilesToFolderResult,
  type SavedFileOutcome,
} from '@shared/bridge';
import type { IpcGuard } from './guard';
import { fileParts } from './uploads';

/** Larger files are refused before reading: nothing the app imports comes near this. */
export const MAX_OPEN_FILE_BYTES = 256 * 1024 * 1024;

function parentWindow(event: IpcMainInvokeEvent): BrowserWindow | null {
  return BrowserWindow.fromWebContents(event.sender);
}

// The dialogs are modal to the app window when there is one.
function showSaveDialog(win: BrowserWindow | null, options: SaveDialogOptions): Promise<SaveDialogReturnValue> {
  return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
}

function showOpenDialog(win: BrowserWindow | null, options: OpenDialogOptions): Promise<OpenDialogReturnValue> {
  return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options);
}

export async function saveFile(request: SaveFileRequest, event: IpcMainInvokeEvent): Promise<SaveFileResult> {
  const { canceled, filePath } = await showSaveDialog(parentWindow(event), {
    defaultPath: join(app.getPath('documents'), request.suggestedName),
    filters: request.filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (canceled || !filePath) return { saved: false };
  await writeFile(filePath, fileParts(request.data).parts);
  return { saved: true, path: filePath };
}

/**
 * Asks for a folder once, then writes every file. Existing files of the same name are replaced
 * (re-exporting a year group's action plans to the same folder is the normal case); each file
 * reports its own outcome so one failure does not hide the others.
 */
export async function saveFilesToFolder(request: SaveFilesToFolderRequest, event: IpcMainInvokeEvent): Promise<SaveFilesToFolderResult> {
  const { canceled, filePaths } = await showOpenDialog(parentWindow(event), {
    title: `Choose a folder for ${request.files.length} file${request.files.length === 1 ? '' : 's'}`,
    buttonLabel: 'Save here',
    properties: ['openDirectory', 'createDirectory'],
  });
  const folder = filePaths[0];
  if (canceled || !folder) return { saved: false, files: [] };

  const files: SavedFileOutcome[] = [];
  for (const file of request.files) {
    const target = resolve(folder, file.name);
    // The schema already refuses separators; this is the last line if it ever stopped doing so.
    if (dirname(target) !== resolve(folder)) {
      files.push({ name: file.name, ok: false, error: 'Not a plain file name' });
      continue;
    }
    try {
      await writeFile(target, fileParts(file.data).parts);
      files.push({ name: file.name, ok: true, path: target });
    } catch (error) {
      files.push({ name: file.name, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return { saved: files.some((f) => f.ok), folder, files };
}

export async function openFile(request: OpenFileRequest, event: IpcMainInvokeEvent): Promise<OpenFileResult> {
  const { canceled, filePaths } = await showOpenDialog(parentWindow(event), {
    filters: request.filters,
    properties: ['openFile'],
  });
  const path = filePaths[0];
  if (canceled || !path) return null;
  const info = await stat(path);
  if (info.size > MAX_OPEN_FILE_BYTES) {
    throw new Error(`${basename(path)} is too large to open (${Math.round(info.size / 1024 / 1024)} MB)`);
  }
  // A copy, so IPC sends exactly these bytes and not a larger pooled buffer behind them.
  return { name: basename(path), data: new Uint8Array(await readFile(path)) };
}

export function registerFileHandlers(guard: IpcGuard): void {
  guard.handle(BRIDGE_CHANNELS.saveFile, BRIDGE_SCHEMAS.saveFile.request, saveFile);
  guard.handle(BRIDGE_CHANNELS.saveFilesToFolder, BRIDGE_SCHEMAS.saveFilesToFolder.request, saveFilesToFolder);
  guard.handle(BRIDGE_CHANNELS.openFile, BRIDGE_SCHEMAS.openFile.request, openFile);
}
