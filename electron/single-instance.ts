// One Careers Desk at a time: two windows on one IndexedDB would race each other's drafts.
import type { App, BrowserWindow } from 'electron';

/**
 * Takes the single-instance lock. Without it this process quits at once (another instance is
 * running and has been told); with it, a later launch brings the existing window to the front.
 * Returns whether this process should carry on starting up.
 */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>,
  getWindow: () => BrowserWindow | null,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const win = getWindow();
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  return true;
}
