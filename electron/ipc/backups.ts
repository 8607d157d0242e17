// The rotating backup folder: <userData>/backups, newest 14 kept. Only names matching
// BACKUP_NAME_PATTERN are ever written, read, listed or deleted, so nothing else in the folder
// (or outside it) can be reached through these channels.
import { join, resolve, dirname } from 'node:path';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { app } from 'electron';
import {
  BACKUPS_TO_KEEP,
  BRIDGE_CHANNELS,
  BRIDGE_SCHEMAS,
  compareBackupsNewestFirst,
  parseBackupFileName,
  type BackupInfo,
  type DeleteBackupRequest,
  type ReadBackupRequest,
  type ReplaceBackupRequest,
  type WriteBackupRequest,
} from '@shared/bridge';
import type { IpcGuard } from './guard';
import { fileParts } from './uploads';

export function defaultBackupFolder(): string {
  return join(app.getPath('userData'), 'backups');
}

/** The path of a backup inside `folder`; refuses anything that is not a backup name in that folder. */
function backupPath(folder: string, name: string): string {
  const target = resolve(folder, name);
  if (parseBackupFileName(name) === null || dirname(target) !== resolve(folder)) {
    throw new Error(`Not a backup file name: ${name}`);
  }
  return target;
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}

/** Backups in the folder, newest first (by the time in the name). A missing folder has none. */
export async function listBackups(folder: string): Promise<BackupInfo[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  const backups: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseBackupFileName(name);
    if (!parsed) continue;
    const info = await stat(join(folder, name));
    if (!info.isFile()) continue;
    backups.push({ name, sizeBytes: info.size, createdAt: parsed.createdAt, reason: parsed.reason });
  }
  return backups.sort(compareBackupsNewestFirst);
}

/** Deletes all but the newest `keep` backups; returns the names deleted. */
export async function rotateBackups(folder: string, keep: number = BACKUPS_TO_KEEP): Promise<string[]> {
  const old = (await listBackups(folder)).slice(keep);
  for (const backup of old) await rm(backupPath(folder, backup.name), { force: true });
  return old.map((b) => b.name);
}

export async function writeBackup(folder: string, request: WriteBackupRequest, keep: number = BACKUPS_TO_KEEP): Promise<BackupInfo> {
  const parsed = parseBackupFileName(request.name);
  if (!parsed) throw new Error(`Not a backup file name: ${request.name}`);
  const target = backupPath(folder, request.name);
  await mkdir(folder, { recursive: true });
  const existing = await stat(target).catch(() => null);
  if (existing) throw new Error(`A backup called ${request.name} already exists`);
  // Written beside the target and renamed, so a crash mid-write never leaves a half backup that
  // looks complete (the temporary name does not match the backup pattern and is never listed).
  const { parts, sizeBytes } = fileParts(request.data);
  const temporary = join(folder, `.${request.name}.partial`);
  await writeFile(temporary, parts);
  await rename(temporary, target);
  await rotateBackups(folder, keep);
  return { name: request.name, sizeBytes, createdAt: parsed.createdAt, reason: parsed.reason };
}

export async function readBackup(folder: string, request: ReadBackupRequest): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(backupPath(folder, request.name)));
  } catch (error) {
    if (isMissing(error)) throw new Error(`There is no backup called ${request.name}`, { cause: error });
    throw error;
  }
}

/**
 * Writes new contents over a backup that exists (erasure rewrites backups without the young person).
 * Written beside it and renamed over it, so a crash leaves either the old or the new file, never half of one.
 */
export async function replaceBackup(folder: string, request: ReplaceBackupRequest): Promise<BackupInfo> {
  const parsed = parseBackupFileName(request.name);
  if (!parsed) throw new Error(`Not a backup file name: ${request.name}`);
  const target = backupPath(folder, request.name);
  const existing = await stat(target).catch(() => null);
  if (!existing?.isFile()) throw new Error(`There is no backup called ${request.name}`);
  const { parts, sizeBytes } = fileParts(request.data);
  const temporary = join(folder, `.${request.name}.partial`);
  await writeFile(temporary, parts);
  await rename(temporary, target);
  return { name: request.name, sizeBytes, createdAt: parsed.createdAt, reason: parsed.reason };
}

/** Deletes one backup; one already gone is not an error. */
export async function deleteBackup(folder: string, request: DeleteBackupRequest): Promise<void> {
  await rm(backupPath(folder, request.name), { force: true });
}

export function registerBackupHandlers(guard: IpcGuard, folder: () => string = defaultBackupFolder): void {
  guard.handle(BRIDGE_CHANNELS.writeBackup, BRIDGE_SCHEMAS.writeBackup.request, (request) => writeBackup(folder(), request));
  guard.handle(BRIDGE_CHANNELS.listBackups, BRIDGE_SCHEMAS.listBackups.request, () => listBackups(folder()));
  guard.handle(BRIDGE_CHANNELS.readBackup, BRIDGE_SCHEMAS.readBackup.request, (request) => readBackup(folder(), request));
  guard.handle(BRIDGE_CHANNELS.replaceBackup, BRIDGE_SCHEMAS.replaceBackup.request, (request) => replaceBackup(folder(), request));
  guard.handle(BRIDGE_CHANNELS.deleteBackup, BRIDGE_SCHEMAS.deleteBackup.request, (request) => deleteBackup(folder(), request));
}
