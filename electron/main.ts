// The main process: one locked-down window, the menu, and the IPC handlers behind the bridge.
// The rules themselves live in small modules (security, menu, ipc/*) that are unit-tested.
import { join } from 'node:path';
import { app, BrowserWindow, Menu, protocol, session, shell } from 'electron';
import {
  appEntryUrl,
  contentSecurityPolicy,
  denyAllPermissions,
  installContentSecurityPolicy,
  installWebContentsGuard,
  isAppUrl,
  resolveAppLocation,
  secureWebPreferences,
  type AppLocation,
} from './security';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { MENU_EVENTS } from '@shared/bridge-channels';
import { buildApplicationMenu } from './menu';
import { claimSingleInstance } from './single-instance';
import { createIpcGuard } from './ipc/guard';
import { registerAppHandlers } from './ipc/app';
import { registerFileHandlers } from './ipc/files';
import { registerBackupHandlers } from './ipc/backups';
import { registerKeyHandlers } from './ipc/keys';
import { registerUploadHandlers } from './ipc/uploads';

// Built layout: out/main/main.js, out/preload/preload.js, out/renderer/ (served on app://careers-desk/).
const location: AppLocation = resolveAppLocation(process.env, app.isPackaged, join(__dirname, '../renderer'));
const isDev = location.kind === 'dev-server';
const openExternal = (url: string): Promise<void> => shell.openExternal(url);

let mainWindow: BrowserWindow | null = null;

function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Careers Desk',
    // The app's own icon in the window and the taskbar (Windows, Linux); macOS takes the bundle's.
    icon: join(__dirname, '../renderer/icon.png'),
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/preload.js')),
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(appEntryUrl(location));
  return win;
}

/** Help, Keyboard shortcuts: sent only to the app's window, and only while it shows the app's own page. */
function showShortcuts(): void {
  const win = mainWindow;
  if (win && !win.isDestroyed() && isAppUrl(win.webContents.getURL(), location)) win.webContents.send(MENU_EVENTS.showShortcuts);
}

// Sandbox every renderer, including any the app did not create itself.
app.enableSandbox();

// The interface in British English whatever the machine's language: a school laptop left on US
// English must still show <input type="date"> as dd/mm/yyyy. Chromium reads this before ready.
const UI_LANGUAGE = 'en-GB';
app.commandLine.appendSwitch('lang', UI_LANGUAGE);

// app:// must be privileged before ready (Chromium fixes its scheme table at start-up).
registerAppScheme(protocol);

if (claimSingleInstance(app, () => mainWindow)) {
  installWebContentsGuard(app, location, openExternal);

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    if (location.kind === 'app') {
      handleAppProtocol(protocol, { root: location.rendererDir, contentSecurityPolicy: contentSecurityPolicy(location) });
    }
    installContentSecurityPolicy(session.defaultSession, location);
    denyAllPermissions(session.defaultSession);

    const guard = createIpcGuard((url) => isAppUrl(url, location));
    registerAppHandlers(guard);
    registerFileHandlers(guard);
    registerUploadHandlers(guard);
    registerBackupHandlers(guard);
    registerKeyHandlers(guard);

    Menu.setApplicationMenu(buildApplicationMenu({ isDev, platform: process.platform, showShortcuts }));
    mainWindow = createMainWindow();

    app.on('activate', () => {
      // macOS: clicking the dock icon with no window open makes one.
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
    });
  });
}

// For logs when something goes wrong in a user's install.
console.info(`[careers-desk] ${app.getName()} ${app.getVersion()} loading ${appEntryUrl(location)}`);
