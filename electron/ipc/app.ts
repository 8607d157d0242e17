// The app's version and opening links in the system browser.
import { app, shell } from 'electron';
import { BRIDGE_CHANNELS, BRIDGE_SCHEMAS } from '@shared/bridge';
import type { IpcGuard } from './guard';

export function registerAppHandlers(guard: IpcGuard): void {
  guard.handle(BRIDGE_CHANNELS.appVersion, BRIDGE_SCHEMAS.appVersion.request, () => app.getVersion());
  // The schema admits https URLs only (shared/bridge.ts externalUrlSchema).
  guard.handle(BRIDGE_CHANNELS.openExternal, BRIDGE_SCHEMAS.openExternal.request, async ({ url }) => {
    await shell.openExternal(url);
  });
}
