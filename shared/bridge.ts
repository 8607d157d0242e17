// The one contract between the Vue app and the desktop shell. The renderer calls `DesktopBridge`;
// in Electron the preload forwards each call over IPC and electron/ipc/* parses the payload with the
// schemas below (the renderer is not trusted); in a plain browser renderer/src/bridge/web.ts
// implements the same interface with downloads, a file input and IndexedDB.
// Pure TypeScript: zod only, so main, preload, renderer and tests can all import it.
import { z } from 'zod';
import { hasUnsafeFileNameCharacter, isReservedFileName } from './file-names';
import { BRIDGE_CHANNELS, type BridgeKind } from './bridge-channels';
import { MOST_UPLOAD_BYTES, MOST_UPLOAD_PART_BYTES } from './uploads';

export { BRIDGE_CHANNELS, MENU_EVENTS, type MenuEvent, type BridgeChannel, type BridgeKind, type IpcResult } from './bridge-channels';

/** Automatic backups kept by writeBackup; older ones are deleted. */
export const BACKUPS_TO_KEEP = 14;

// ---------------------------------------------------------------------------------------------
// Building blocks

/**
 * Bytes, checked without `instanceof` because a Uint8Array that crossed contextBridge or IPC may
 * come from another realm (Node's Buffer is a Uint8Array too and passes).
 */
export const bytesSchema = z.custom<Uint8Array>(
  (value) => ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]',
  { message: 'Expected bytes (a Uint8Array)' },
);

/** The name beginUpload gives a file sent in parts (a random UUID). */
export const uploadIdSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { message: 'Not the name of a file being sent' });

/** A file sent ahead in parts (beginUpload, uploadPart; shared/uploads.ts says why), named by its upload. */
export const uploadedFileSchema = z.object({ upload: uploadIdSchema }).strict();
export type UploadedFile = z.infer<typeof uploadedFileSchema>;

/** File contents: bytes, text that is written as UTF-8, or a large file sent ahead in parts. */
export const fileDataSchema = z.union([bytesSchema, z.string(), uploadedFileSchema], {
  message: 'Expected bytes (a Uint8Array), text or a file sent in parts',
});
export type FileData = z.infer<typeof fileDataSchema>;

/** A backup's contents: bytes, or a large one sent ahead in parts. */
export const backupDataSchema = z.union([bytesSchema, uploadedFileSchema], {
  message: 'Expected bytes (a Uint8Array) or a file sent in parts',
});
export type BackupData = z.infer<typeof backupDataSchema>;

/** A plain file name (no folder part), safe to join onto a folder the user chose on any OS. */
export const plainFileNameSchema = z
  .string()
  .min(1, { message: 'File name is empty' })
  .max(200, { message: 'File name is longer than 200 characters' })
  .refine((name) => !hasUnsafeFileNameCharacter(name), {
    message: 'File name must not contain / \\ : * ? " < > |, control characters or bidirectional controls',
  })
  .refine((name) => !isReservedFileName(name), { message: 'File name must not be a name Windows keeps for a device (CON, NUL, COM1…)' })
  .refine((name) => name !== '.' && name !== '..' && !/[. ]$/.test(name), {
    message: 'File name must not be . or .. or end with a dot or space',
  });

/** One entry in a native dialog's file-type list, e.g. { name: 'PDF', extensions: ['pdf'] }. */
export const fileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,10})$/, { message: 'Extension must be letters and digits without a dot, or *' }))
    .min(1)
    .max(20),
});
export type FileFilter = z.infer<typeof fileFilterSchema>;

const filtersSchema = z.array(fileFilterSchema).max(20);

// ---------------------------------------------------------------------------------------------
// Save and open

export const saveFileRequestSchema = z.object({
  suggestedName: plainFileNameSchema,
  filters: filtersSchema,
  data: fileDataSchema,
});
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;

export const saveFileResultSchema = z.object({
  saved: z.boolean(),
  /** Where it went (desktop only; a browser download does not say). */
  path: z.string().optional(),
});
export type SaveFileResult = z.infer<typeof saveFileResultSchema>;

export const saveFilesToFolderRequestSchema = z.object({
  files: z
    .array(z.object({ name: plainFileNameSchema, data: fileDataSchema }))
    .min(1, { message: 'No files to save' })
    .max(5000)
    .superRefine((files, ctx) => {
      const seen = new Set<string>();
      files.forEach((file, index) => {
        // Case-insensitive: Windows and macOS would make the second silently replace the first.
        const key = file.name.toLowerCase();
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `Duplicate file name ${file.name}` });
        seen.add(key);
      });
    }),
  /** The browser saves one zip instead of a folder; this names it. The desktop ignores it. */
  zipName: plainFileNameSchema.optional(),
});
export type SaveFilesToFolderRequest = z.infer<typeof saveFilesToFolderRequestSchema>;

export const savedFileOutcomeSchema = z.object({
  name: z.string(),
  ok: z.boolean(),
  path: z.string().optional(),
  error: z.string().optional(),
});
export type SavedFileOutcome = z.infer<typeof savedFileOutcomeSchema>;

export const saveFilesToFolderResultSchema = z.object({
  saved: z.boolean(),
  /** The folder chosen (desktop) or the zip's name (web). */
  folder: z.string().optional(),
  files: z.array(savedFileOutcomeSchema),
});
export type SaveFilesToFolderResult = z.infer<typeof saveFilesToFolderResultSchema>;

export const openFileRequestSchema = z.object({ filters: filtersSchema });
export type OpenFileRequest = z.infer<typeof openFileRequestSchema>;

/** null when the person cancelled. */
export const openFileResultSchema = z.object({ name: z.string(), data: bytesSchema }).nullable();
export type OpenFileResult = z.infer<typeof openFileResultSchema>;

// ---------------------------------------------------------------------------------------------
// Automatic backups

export const backupReasonSchema = z.enum(['daily', 'before-restore', 'before-import', 'manual']);
export type BackupReason = z.infer<typeof backupReasonSchema>;

/**
 * careers-desk-backup-2026-11-24T13-48-05-123Z-daily.cdbackup: the time (UTC, with the colons and dot of ISO
 * replaced so Windows accepts it) and the reason are in the name, so a listing needs no separate index and
 * sorting by time never depends on file-system timestamps. Backups made before format 2 end in .json (or
 * .json.gz) and are still listed and read; what a file holds is told by its contents, not its name.
 */
export const BACKUP_NAME_PATTERN = new RegExp(
  '^careers-desk-backup-(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z-' +
    '(daily|before-restore|before-import|manual)\\.(cdbackup|json|json\\.gz)$',
);

/** A backup file's extension: its header line is JSON, what follows is sealed binary, so it is not named .json. */
export const BACKUP_FILE_EXTENSION = 'cdbackup';

/** What the open and save dialogs offer for backups: today's files, and .json ones made before. */
export const BACKUP_FILE_FILTERS: FileFilter[] = [{ name: 'Careers Desk backup', extensions: [BACKUP_FILE_EXTENSION, 'json'] }];

/** The name writeBackup expects for a backup taken at `now` (pass the clock in: shared/ reads none). */
export function backupFileName(reason: BackupReason, now: Date): string {
  const stamp = now.toISOString().replace(/:/g, '-').replace('.', '-');
  return `careers-desk-backup-${stamp}-${reason}.${BACKUP_FILE_EXTENSION}`;
}

/** The time and reason a backup name carries, or null when it is not a backup name. */
export function parseBackupFileName(name: string): { createdAt: string; reason: BackupReason } | null {
  const match = BACKUP_NAME_PATTERN.exec(name);
  if (!match) return null;
  const [, date, hh, mm, ss, ms, reason] = match;
  const createdAt = `${date}T${hh}:${mm}:${ss}.${ms}Z`;
  if (Number.isNaN(Date.parse(createdAt))) return null;
  return { createdAt, reason: reason as BackupReason };
}

export const backupNameSchema = z
  .string()
  .max(120)
  .refine((name) => parseBackupFileName(name) !== null, {
    message: 'Not a backup file name (expected careers-desk-backup-<time>-<reason>.cdbackup)',
  });

export const writeBackupRequestSchema = z
  .object({ name: backupNameSchema, data: backupDataSchema, reason: backupReasonSchema })
  .refine((req) => parseBackupFileName(req.name)?.reason === req.reason, {
    path: ['reason'],
    message: 'Reason does not match the reason in the backup name',
  });
export type WriteBackupRequest = z.infer<typeof writeBackupRequestSchema>;

export const backupInfoSchema = z.object({
  name: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  createdAt: z.string(),
  reason: backupReasonSchema,
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export const listBackupsResultSchema = z.array(backupInfoSchema);

export const readBackupRequestSchema = z.object({ name: backupNameSchema });
export type ReadBackupRequest = z.infer<typeof readBackupRequestSchema>;

/** New contents for a backup that exists (erasure rewrites each automatic backup without the young person). */
export const replaceBackupRequestSchema = z.object({ name: backupNameSchema, data: backupDataSchema });
export type ReplaceBackupRequest = z.infer<typeof replaceBackupRequestSchema>;

export const deleteBackupRequestSchema = z.object({ name: backupNameSchema });
export type DeleteBackupRequest = z.infer<typeof deleteBackupRequestSchema>;

/** Newest first; the order listBackups returns and rotation keeps. */
export function compareBackupsNewestFirst(a: { name: string; createdAt: string }, b: { name: string; createdAt: string }): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.name < b.name ? 1 : a.name > b.name ? -1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Large files, in parts

export const beginUploadRequestSchema = z.object({ sizeBytes: z.number().int().nonnegative().max(MOST_UPLOAD_BYTES) });
export type BeginUploadRequest = z.infer<typeof beginUploadRequestSchema>;
export const beginUploadResultSchema = uploadedFileSchema;

export const uploadPartRequestSchema = z.object({
  upload: uploadIdSchema,
  offset: z.number().int().nonnegative(),
  data: bytesSchema.refine((bytes) => bytes.byteLength <= MOST_UPLOAD_PART_BYTES, `A part is at most ${MOST_UPLOAD_PART_BYTES} bytes`),
});
export type UploadPartRequest = z.infer<typeof uploadPartRequestSchema>;

// ---------------------------------------------------------------------------------------------
// Links

/** Only https links leave the app: http could be tampered with on the way, other schemes launch programs. */
export const externalUrlSchema = z
  .string()
  .max(2048)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
      } catch {
        return false;
      }
    },
    { message: 'Only https:// links can be opened' },
  );

export const openExternalRequestSchema = z.object({ url: externalUrlSchema });
export type OpenExternalRequest = z.infer<typeof openExternalRequestSchema>;

// ---------------------------------------------------------------------------------------------
// Keys

/** The only keys the key store keeps: the records' data key and the automatic backups' key. */
export const storedKeyNameSchema = z.enum(['data-key', 'auto-backup-key'], { message: 'Only data-key and auto-backup-key are kept' });
export type StoredKeyName = z.infer<typeof storedKeyNameSchema>;

export const readKeyRequestSchema = z.object({ name: storedKeyNameSchema });
export type ReadKeyRequest = z.infer<typeof readKeyRequestSchema>;
export const writeKeyRequestSchema = z.object({
  name: storedKeyNameSchema,
  data: bytesSchema.refine((b) => b.length <= 4096, 'Too long for a key'),
});
export type WriteKeyRequest = z.infer<typeof writeKeyRequestSchema>;
export const removeKeyRequestSchema = z.object({ name: storedKeyNameSchema });
export type RemoveKeyRequest = z.infer<typeof removeKeyRequestSchema>;

/**
 * How well the stored keys are protected: by the OS keychain (safeStorage), only weakly (Linux without a
 * keyring: safeStorage's basic_text, or no encryption at all), or not at all (the web build's demonstration).
 */
export const keyProtectionSchema = z.object({ kind: z.enum(['os-keychain', 'weak', 'demo']), detail: z.string() });
export type KeyProtection = z.infer<typeof keyProtectionSchema>;

// ---------------------------------------------------------------------------------------------
// The interface

export interface DesktopBridge {
  readonly kind: BridgeKind;
  /** The app's version (package.json). */
  appVersion(): Promise<string>;
  /** Native save dialog (desktop) or a download (web). */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Asks for a folder once and writes every file into it (desktop) or downloads one zip (web). */
  saveFilesToFolder(request: SaveFilesToFolderRequest): Promise<SaveFilesToFolderResult>;
  /**
   * Begins a large file sent in parts (shared/uploads.ts): each part follows the last with uploadPart, then
   * saveFile, writeBackup or replaceBackup takes the whole file as `{ upload }`, once. sendInParts does all this.
   */
  beginUpload(request: BeginUploadRequest): Promise<UploadedFile>;
  uploadPart(request: UploadPartRequest): Promise<void>;
  /** Native open dialog (desktop) or a file input (web); null when cancelled. */
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  /** Keeps an automatic backup in the app's own store and deletes all but the newest 14. */
  writeBackup(request: WriteBackupRequest): Promise<BackupInfo>;
  /** Automatic backups, newest first. */
  listBackups(): Promise<BackupInfo[]>;
  readBackup(request: ReadBackupRequest): Promise<Uint8Array>;
  /** Writes new contents over an automatic backup that exists, keeping its name (and so its time and reason). */
  replaceBackup(request: ReplaceBackupRequest): Promise<BackupInfo>;
  /** Deletes an automatic backup; one that is already gone is not an error. */
  deleteBackup(request: DeleteBackupRequest): Promise<void>;
  /** Opens an https link in the system browser. */
  openExternal(request: OpenExternalRequest): Promise<void>;
  /** A key kept outside the database (the OS keychain on the desktop); null when none is kept. */
  readKey(request: ReadKeyRequest): Promise<Uint8Array | null>;
  writeKey(request: WriteKeyRequest): Promise<void>;
  /** Forgets a key; one not kept is not an error. */
  removeKey(request: RemoveKeyRequest): Promise<void>;
  keyProtection(): Promise<KeyProtection>;
  /**
   * Calls `listener` when the desktop menu's "Help, Keyboard shortcuts" is chosen; answers the way to stop.
   * In the browser nothing sends it: the "?" key and the header's button open the list there.
   */
  onShowShortcuts(listener: () => void): () => void;
}

/** Request and result schema of every channel, for the IPC guard and for tests. */
export const BRIDGE_SCHEMAS = {
  appVersion: { request: z.undefined(), result: z.string() },
  saveFile: { request: saveFileRequestSchema, result: saveFileResultSchema },
  saveFilesToFolder: { request: saveFilesToFolderRequestSchema, result: saveFilesToFolderResultSchema },
  beginUpload: { request: beginUploadRequestSchema, result: beginUploadResultSchema },
  uploadPart: { request: uploadPartRequestSchema, result: z.undefined() },
  openFile: { request: openFileRequestSchema, result: openFileResultSchema },
  writeBackup: { request: writeBackupRequestSchema, result: backupInfoSchema },
  listBackups: { request: z.undefined(), result: listBackupsResultSchema },
  readBackup: { request: readBackupRequestSchema, result: bytesSchema },
  replaceBackup: { request: replaceBackupRequestSchema, result: backupInfoSchema },
  deleteBackup: { request: deleteBackupRequestSchema, result: z.undefined() },
  openExternal: { request: openExternalRequestSchema, result: z.undefined() },
  readKey: { request: readKeyRequestSchema, result: bytesSchema.nullable() },
  writeKey: { request: writeKeyRequestSchema, result: z.undefined() },
  removeKey: { request: removeKeyRequestSchema, result: z.undefined() },
  keyProtection: { request: z.undefined(), result: keyProtectionSchema },
} as const satisfies Record<keyof typeof BRIDGE_CHANNELS, { request: z.ZodType; result: z.ZodType }>;

/** Formats zod issues as "field: message; field: message" for error values the user can read. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : '(request)'}: ${issue.message}`).join('; ');
}
