// Every IPC channel goes through here: the renderer is treated as untrusted input, so each request
// is checked for who sent it and what it carries before any handler code runs, and every outcome,
// including a bug, comes back as a value the preload turns into an Error in the renderer.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { describeIssues, type BridgeChannel, type IpcResult } from '@shared/bridge';

/** Decides whether a frame URL is the app's own page: same origin as app://careers-desk (see isAppUrl in electron/security.ts). */
export type SenderPolicy = (frameUrl: string) => boolean;

export type GuardedHandler<Request, Value> = (request: Request, event: IpcMainInvokeEvent) => Value | Promise<Value>;

export interface IpcGuard {
  /** Registers `fn` on `channel` behind the sender check and `schema`. */
  handle<S extends z.ZodType, Value>(channel: BridgeChannel, schema: S, fn: GuardedHandler<z.output<S>, Value>): void;
}

/**
 * The URL of the frame that sent the request, or null when it must be refused unread: the frame is
 * gone (senderFrame is null once it has navigated away or been destroyed) or it is not the window's
 * main frame. The app has no frames of its own, so a subframe is something the app did not put there.
 */
function mainFrameUrl(event: IpcMainInvokeEvent): string | null {
  try {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return null;
    return frame.url;
  } catch {
    return null;
  }
}

/** The listener ipcMain.handle receives, exported so tests can drive it with fake events. */
export function guardedListener<S extends z.ZodType, Value>(
  channel: BridgeChannel,
  schema: S,
  fn: GuardedHandler<z.output<S>, Value>,
  isTrustedSender: SenderPolicy,
): (event: IpcMainInvokeEvent, payload?: unknown) => Promise<IpcResult<Value>> {
  return async (event, payload) => {
    const url = mainFrameUrl(event);
    if (url === null || !isTrustedSender(url)) {
      return { ok: false, error: `Refused ${channel}: the request did not come from the Careers Desk window` };
    }
    let request: z.output<S>;
    try {
      const parsed = schema.safeParse(payload);
      if (!parsed.success) {
        return { ok: false, error: `Invalid request to ${channel}: ${describeIssues(parsed.error.issues)}` };
      }
      request = parsed.data;
    } catch (error) {
      // Only a hostile object (a throwing getter) gets here; IPC's structured clone cannot make one.
      return { ok: false, error: `Invalid request to ${channel}: ${error instanceof Error ? error.message : String(error)}` };
    }
    try {
      return { ok: true, value: await fn(request, event) };
    } catch (error) {
      // A handler failing is usually the disk (permissions, full, missing file): say so in words.
      console.error(`[ipc] ${channel} failed`, error);
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}

export function createIpcGuard(isTrustedSender: SenderPolicy): IpcGuard {
  return {
    handle(channel, schema, fn) {
      ipcMain.handle(channel, guardedListener(channel, schema, fn, isTrustedSender));
    },
  };
}
