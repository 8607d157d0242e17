// The window's security settings, CSP, navigation and permission rules, the single-instance lock
// and the menu, checked with a mocked `electron` (no binary is needed, or installed in CI).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, MenuItemConstructorOptions, Session, WebContents } from 'electron';

// One fake electron whose parts each test can inspect; vi.hoisted so the vi.mock factory can see it.
const electron = vi.hoisted(() => {
  const listeners = new Map<string, ((...args: unknown[]) => unknown)[]>();
  const session = {
    webRequest: { onHeadersReceived: vi.fn() },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  };
  const windows: { options: unknown; loadFile: ReturnType<typeof vi.fn>; loadURL: ReturnType<typeof vi.fn> }[] = [];
  // The order in which main.ts reached Electron, to prove what happens before ready.
  const steps: string[] = [];
  let ready = false;
  return {
    listeners,
    session,
    windows,
    steps,
    setReady: (value: boolean) => {
      ready = value;
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() =>
        steps.push(ready ? 'registerSchemesAsPrivileged after ready' : 'registerSchemesAsPrivileged'),
      ),
      handle: vi.fn(() => steps.push(ready ? 'handle' : 'handle before ready')),
    },
    app: {
      isPackaged: false,
      commandLine: {
        appendSwitch: vi.fn((name: string) => steps.push(ready ? `appendSwitch ${name} after ready` : `appendSwitch ${name}`)),
      },
      enableSandbox: vi.fn(),
      requestSingleInstanceLock: vi.fn(),
      quit: vi.fn(),
      on: vi.fn((event: string, listener: (...args: unknown[]) => unknown) => {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      }),
      whenReady: vi.fn(() =>
        Promise.resolve().then(() => {
          ready = true;
        }),
      ),
      getName: () => 'Careers Desk',
      getVersion: () => '0.1.0',
      getPath: () => '/tmp/careers-desk-test',
    },
    ipcMain: { handle: vi.fn() },
    menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => ({ template })) },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
  };
});

vi.mock('electron', () => {
  class FakeBrowserWindow {
    static getAllWindows = () => electron.windows;
    static fromWebContents = () => null;
    loadFile = vi.fn(() => Promise.resolve());
    loadURL = vi.fn(() => Promise.resolve());
    once = vi.fn();
    on = vi.fn();
    show = vi.fn();
    constructor(public options: unknown) {
      electron.windows.push(this);
    }
  }
  return {
    app: electron.app,
    BrowserWindow: FakeBrowserWindow,
    Menu: electron.menu,
    session: { defaultSession: electron.session },
    protocol: electron.protocol,
    shell: electron.shell,
    ipcMain: electron.ipcMain,
    dialog: {},
    // The key store's keychain (electron/ipc/keys.ts); its handlers are tested in electron-keys.test.ts.
    safeStorage: { isEncryptionAvailable: () => false },
  };
});

import {
  appEntryUrl,
  appOrigin,
  contentSecurityPolicy,
  createNavigationGuard,
  createWindowOpenHandler,
  denyAllPermissions,
  guardFrameNavigation,
  hardenWebContents,
  installContentSecurityPolicy,
  installWebContentsGuard,
  isAppUrl,
  originOf,
  resolveAppLocation,
  secureWebPreferences,
  vettedExternalUrl,
  type AppLocation,
} from '../../electron/security';
import { applicationMenuTemplate, buildApplicationMenu } from '../../electron/menu';
import { claimSingleInstance } from '../../electron/single-instance';
import { BRIDGE_CHANNELS } from '../../shared/bridge';

const root = resolve(__dirname, '../..');
const rendererDir = resolve(root, 'out/renderer');
const built: AppLocation = { kind: 'app', rendererDir };
const dev: AppLocation = { kind: 'dev-server', url: 'http://localhost:5173/' };

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

beforeEach(() => {
  vi.clearAllMocks();
  electron.listeners.clear();
  electron.windows.length = 0;
  electron.steps.length = 0;
  electron.setReady(false);
});

describe('the window web preferences', () => {
  const prefs = secureWebPreferences('/app/out/preload/preload.js');

  it('isolates the page from Node and from the preload', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps the web security model and refuses insecure or experimental features', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
  });

  it('turns on no Blink features and sets nothing beyond the reviewed list', () => {
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'sandbox',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });

  it('loads the given preload', () => {
    expect(prefs.preload).toBe('/app/out/preload/preload.js');
  });
});

describe('the Content-Security-Policy', () => {
  const policy = contentSecurityPolicy(built);
  const parsed = directives(policy);

  it('allows scripts from the app only, never eval or inline script', () => {
    expect(parsed.get('script-src')).toEqual(["'self'"]);
    expect(parsed.get('default-src')).toEqual(["'self'"]);
    expect(policy).not.toContain('unsafe-eval');
    expect(parsed.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('names no remote origin and blocks plugins, base and form targets', () => {
    expect(policy).not.toMatch(/https?:|wss?:|\*/);
    expect(parsed.get('object-src')).toEqual(["'none'"]);
    expect(parsed.get('base-uri')).toEqual(["'none'"]);
    expect(parsed.get('form-action')).toEqual(["'none'"]);
    expect(parsed.get('frame-ancestors')).toEqual(["'none'"]);
    expect(parsed.get('connect-src')).toEqual(["'self'"]);
  });

  it("is the meta tag's policy in renderer/index.html plus frame-ancestors, which browsers ignore in a meta tag", () => {
    const html = readFileSync(resolve(root, 'renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).not.toContain('frame-ancestors');
    expect(`${meta?.[1]}; frame-ancestors 'none'`).toBe(policy);
  });

  it('in development adds only the dev server WebSocket, and still no eval', () => {
    const devPolicy = directives(contentSecurityPolicy(dev));
    expect(devPolicy.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(devPolicy.get('script-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy(dev)).not.toContain('unsafe-eval');
  });

  it('is sent as a response header, replacing any CSP the response carried', () => {
    const session = { webRequest: { onHeadersReceived: vi.fn() } };
    installContentSecurityPolicy(session as unknown as Session, built);
    const listener = session.webRequest.onHeadersReceived.mock.calls[0]?.[0] as (
      details: { responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    const callback = vi.fn();
    listener(
      { responseHeaders: { 'content-security-policy': ["default-src *; script-src 'unsafe-eval'"], 'Content-Type': ['text/html'] } },
      callback,
    );
    const headers = callback.mock.calls[0]?.[0].responseHeaders as Record<string, string[]>;
    expect(headers['Content-Security-Policy']).toEqual([policy]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Type']).toEqual(['text/html']);
  });
});

describe('where the app comes from', () => {
  it('uses the dev server only when unpackaged and only on this machine', () => {
    expect(resolveAppLocation({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false, rendererDir)).toEqual(dev);
    expect(resolveAppLocation({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true, rendererDir)).toEqual(built);
    expect(resolveAppLocation({ ELECTRON_RENDERER_URL: 'https://evil.example/' }, false, rendererDir)).toEqual(built);
    expect(resolveAppLocation({}, false, rendererDir)).toEqual(built);
  });

  it('loads the built app from app://careers-desk, not from file://', () => {
    expect(appEntryUrl(built)).toBe('app://careers-desk/index.html');
    expect(appOrigin(built)).toBe('app://careers-desk');
    expect(appEntryUrl(dev)).toBe('http://localhost:5173/');
  });

  it('treats every page of the app://careers-desk origin (any path, query or hash route) as the app', () => {
    expect(isAppUrl('app://careers-desk/index.html#/pupils/123', built)).toBe(true);
    expect(isAppUrl('app://careers-desk/', built)).toBe(true);
    expect(isAppUrl('app://careers-desk/index.html?x=1', built)).toBe(true);
    expect(isAppUrl(pathToFileURL(resolve(rendererDir, 'index.html')).href, built)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', built)).toBe(false);
    expect(isAppUrl('https://evil.example/index.html', built)).toBe(false);
    expect(isAppUrl('https://careers-desk/index.html', built)).toBe(false);
    expect(isAppUrl('app://evil.example/index.html', built)).toBe(false);
    expect(isAppUrl('app://careers-desk:1/index.html', built)).toBe(false);
    expect(isAppUrl('app://me:secret@careers-desk/index.html', built)).toBe(false);
    expect(isAppUrl('not a url', built)).toBe(false);
  });

  it('compares origins by scheme and host, not by the "null" origin Node gives custom schemes', () => {
    // The trap: Node says every non-special URL has the origin "null", so .origin alone would match these.
    expect(new URL('app://careers-desk/').origin).toBe(new URL('evil://anything/').origin);
    expect(originOf('app://careers-desk/index.html#/x')).toBe('app://careers-desk');
    expect(originOf('evil://careers-desk/')).toBeNull();
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('data:text/html,hi')).toBeNull();
    expect(isAppUrl('evil://careers-desk/index.html', built)).toBe(false);
    expect(isAppUrl('blob:app://careers-desk/1f0e', built)).toBe(false);
  });

  it('treats the dev server origin as the app in development', () => {
    expect(isAppUrl('http://localhost:5173/#/settings', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
  });
});

describe('navigation and new windows', () => {
  it('blocks navigation away from the app and sends only https links to the system browser', () => {
    const openExternal = vi.fn(() => Promise.resolve());
    const guard = createNavigationGuard(built, openExternal);
    const attempt = (url: string) => {
      const event = { preventDefault: vi.fn() };
      guard(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };

    expect(attempt(`${appEntryUrl(built)}#/pupils`)).toBe(false);
    // Electron 41 puts the URL on the event; the second argument is deprecated.
    const modern = { preventDefault: vi.fn(), url: 'https://evil.example/modern' };
    guard(modern);
    expect(modern.preventDefault).toHaveBeenCalled();
    openExternal.mockClear();
    expect(attempt('https://evil.example/')).toBe(true);
    expect(attempt('http://example.org/')).toBe(true);
    expect(attempt('file:///etc/passwd')).toBe(true);
    expect(openExternal.mock.calls).toEqual([['https://evil.example/']]);
  });

  it('denies every window.open and opens only https URLs externally', () => {
    const openExternal = vi.fn(() => Promise.resolve());
    const handler = createWindowOpenHandler(openExternal);
    const urls = [
      'https://www.gov.uk/careers-advice',
      'http://example.org/',
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'ms-settings:privacy',
      'smb://server/share',
      'https://user:pass@example.org/',
    ];
    for (const url of urls) {
      expect(handler({ url } as Parameters<typeof handler>[0])).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls).toEqual([['https://www.gov.uk/careers-advice']]);
  });

  it('vets external URLs by scheme', () => {
    expect(vettedExternalUrl('https://kentchoices.co.uk/')).toBe('https://kentchoices.co.uk/');
    expect(vettedExternalUrl('http://kentchoices.co.uk/')).toBeNull();
    expect(vettedExternalUrl('HTTPS://example.org/')).toBe('HTTPS://example.org/');
    expect(vettedExternalUrl('data:text/html,hi')).toBeNull();
  });

  it('guards every new webContents the moment it is created', () => {
    const app = { on: vi.fn() };
    const openExternal = vi.fn(() => Promise.resolve());
    installWebContentsGuard(app, built, openExternal);
    expect(app.on).toHaveBeenCalledWith('web-contents-created', expect.any(Function));

    const on = vi.fn();
    const setWindowOpenHandler = vi.fn();
    const contents = { on, setWindowOpenHandler } as unknown as WebContents;
    const created = app.on.mock.calls[0]?.[1] as (event: unknown, contents: WebContents) => void;
    created({}, contents);

    const events = on.mock.calls.map(([name]) => name);
    expect(events).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect', 'will-frame-navigate', 'will-attach-webview']));
    const willFrameNavigate = on.mock.calls.find(([name]) => name === 'will-frame-navigate')?.[1];
    expect(willFrameNavigate).toBe(guardFrameNavigation);
    const willNavigate = on.mock.calls.find(([name]) => name === 'will-navigate')?.[1] as (
      event: { preventDefault(): void },
      url: string,
    ) => void;
    const event = { preventDefault: vi.fn() };
    willNavigate(event, 'https://evil.example/');
    expect(event.preventDefault).toHaveBeenCalled();

    const openHandler = setWindowOpenHandler.mock.calls[0]?.[0] as (details: { url: string }) => unknown;
    expect(openHandler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('stops any frame inside the window navigating, even to the app, and leaves the main frame to will-navigate', () => {
    const inFrame = (url: string, isMainFrame: boolean) => ({ url, isMainFrame, preventDefault: vi.fn() });
    for (const url of ['https://evil.example/', 'app://careers-desk/index.html#/pupils', 'about:blank', 'javascript:alert(1)']) {
      const event = inFrame(url, false);
      guardFrameNavigation(event);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
    // The main frame's navigation is judged once, by will-navigate (which opens https links outside):
    // cancelling it here would stop that event firing.
    const main = inFrame('https://www.kentchoices.co.uk/', true);
    guardFrameNavigation(main);
    expect(main.preventDefault).not.toHaveBeenCalled();
  });

  it('refuses to attach any webview, whatever it asks for', () => {
    const on = vi.fn();
    hardenWebContents(
      { on, setWindowOpenHandler: vi.fn() } as unknown as WebContents,
      built,
      vi.fn(() => Promise.resolve()),
    );
    const listeners = on.mock.calls
      .filter(([name]) => name === 'will-attach-webview')
      .map(([, listener]) => listener as (...args: unknown[]) => void);
    expect(listeners).toHaveLength(1);
    const attach = listeners[0]!;
    for (const [webPreferences, params] of [
      [{}, { src: 'app://careers-desk/index.html' }],
      [
        { nodeIntegration: true, contextIsolation: false, preload: '/tmp/evil.js' },
        { src: 'https://evil.example/', allowpopups: 'true' },
      ],
    ]) {
      const event = { preventDefault: vi.fn() };
      attach(event, webPreferences, params);
      expect(event.preventDefault).toHaveBeenCalledTimes(1);
    }
  });

  it('hardens a webContents directly too', () => {
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    hardenWebContents(
      contents as unknown as WebContents,
      dev,
      vi.fn(() => Promise.resolve()),
    );
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
  });
});

describe('permissions', () => {
  // Every permission Electron names for request or check handlers (and the device ones), asked by the app itself.
  const permissions = [
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'fullscreen',
    'geolocation',
    'idle-detection',
    'media',
    'mediaKeySystem',
    'midi',
    'midiSysex',
    'notifications',
    'pointerLock',
    'keyboardLock',
    'openExternal',
    'speaker-selection',
    'storage-access',
    'top-level-storage-access',
    'window-management',
    'unknown',
    'fileSystem',
    'hid',
    'serial',
    'usb',
    'background-sync',
    'persistent-storage',
  ];

  function installed() {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
    denyAllPermissions(session as unknown as Session);
    return session;
  }

  it('refuses every permission request', () => {
    const session = installed();
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      wc: unknown,
      permission: string,
      cb: (granted: boolean) => void,
      details: unknown,
    ) => void;
    for (const permission of permissions) {
      const callback = vi.fn();
      request({}, permission, callback, { requestingUrl: 'app://careers-desk/index.html', isMainFrame: true });
      expect(callback, permission).toHaveBeenCalledWith(false);
    }
  });

  it("answers every permission check with no, the app's own origin included", () => {
    const session = installed();
    expect(session.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    for (const permission of permissions) {
      for (const origin of ['app://careers-desk', 'http://localhost:5173', 'https://evil.example', 'null']) {
        expect(check({}, permission, origin, { requestingUrl: `${origin}/`, isMainFrame: true }), `${permission} ${origin}`).toBe(false);
        // Checks can arrive with no webContents at all (a service worker, a destroyed page).
        expect(check(null, permission, origin, {}), `${permission} ${origin} without webContents`).toBe(false);
      }
    }
  });

  it('refuses every USB, HID, serial and Bluetooth device', () => {
    const session = installed();
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    for (const deviceType of ['usb', 'hid', 'serial', 'bluetooth']) {
      expect(device({ deviceType, origin: 'app://careers-desk', device: {} }), deviceType).toBe(false);
    }
  });
});

describe('one instance at a time', () => {
  function fakeApp(lock: boolean) {
    const handlers = new Map<string, () => void>();
    return {
      handlers,
      requestSingleInstanceLock: vi.fn(() => lock),
      quit: vi.fn(),
      on: vi.fn((event: string, handler: () => void) => handlers.set(event, handler)),
    };
  }

  function fakeWindow(minimized: boolean) {
    return { isDestroyed: () => false, isMinimized: () => minimized, restore: vi.fn(), show: vi.fn(), focus: vi.fn() };
  }

  it('quits a second copy that cannot take the lock', () => {
    const app = fakeApp(false);
    expect(claimSingleInstance(app as never, () => null)).toBe(false);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.handlers.has('second-instance')).toBe(false);
  });

  it('restores and focuses the existing window when someone starts a second copy', () => {
    const app = fakeApp(true);
    const win = fakeWindow(true);
    expect(claimSingleInstance(app as never, () => win as unknown as BrowserWindow)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();

    app.handlers.get('second-instance')?.();
    expect(win.restore).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('does not restore a window that is not minimised', () => {
    const app = fakeApp(true);
    const win = fakeWindow(false);
    claimSingleInstance(app as never, () => win as unknown as BrowserWindow);
    app.handlers.get('second-instance')?.();
    expect(win.restore).not.toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });
});

describe('the application menu', () => {
  function roles(items: MenuItemConstructorOptions[]): string[] {
    return items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);
  }

  it('has File, Edit, View, Window and Help with the usual roles', () => {
    const found = roles(applicationMenuTemplate({ isDev: false, platform: 'win32' }));
    expect(found).toEqual(
      expect.arrayContaining([
        'fileMenu',
        'quit',
        'editMenu',
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'selectAll',
        'viewMenu',
        'reload',
        'resetZoom',
        'zoomIn',
        'zoomOut',
        'togglefullscreen',
        'windowMenu',
        'minimize',
        'help',
      ]),
    );
  });

  it('offers developer tools only in development', () => {
    expect(roles(applicationMenuTemplate({ isDev: false, platform: 'linux' }))).not.toContain('toggleDevTools');
    expect(roles(applicationMenuTemplate({ isDev: true, platform: 'linux' }))).toContain('toggleDevTools');
  });

  it('follows macOS conventions there', () => {
    const mac = applicationMenuTemplate({ isDev: false, platform: 'darwin' });
    expect(mac[0]?.role).toBe('appMenu');
    expect(roles(mac)).toContain('quit');
  });

  it('lists the keyboard shortcuts from Help, by asking the window to show them, with no accelerator of its own', () => {
    const showShortcuts = vi.fn();
    const help = applicationMenuTemplate({ isDev: false, platform: 'win32', showShortcuts }).find((item) => item.role === 'help');
    const item = (Array.isArray(help?.submenu) ? help.submenu : []).find((entry) => entry.label === 'Keyboard shortcuts');
    expect(item?.accelerator).toBeUndefined();
    item?.click?.({} as never, undefined, {} as never);
    expect(showShortcuts).toHaveBeenCalledTimes(1);
  });

  it('builds the menu through Electron', () => {
    buildApplicationMenu({ isDev: false, platform: 'linux' });
    expect(electron.menu.buildFromTemplate).toHaveBeenCalledTimes(1);
  });
});

describe('the main process start-up (electron/main.ts)', () => {
  async function startMain(lock: boolean) {
    electron.app.requestSingleInstanceLock.mockReturnValue(lock);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    vi.resetModules();
    await import('../../electron/main');
    // Let app.whenReady().then(...) run.
    await new Promise((r) => setTimeout(r, 0));
  }

  it('opens one locked-down window on the built renderer with the CSP, permission rules, IPC and menu in place', async () => {
    await startMain(true);
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.windows).toHaveLength(1);
    const win = electron.windows[0]!;
    const prefs = (win.options as { webPreferences: Record<string, unknown> }).webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    // Exactly the reviewed preferences: nothing added on the way (enableBlinkFeatures, a partition...).
    expect(prefs).toEqual(secureWebPreferences(String(prefs.preload)));
    expect(String(prefs.preload).replace(/\\/g, '/')).toMatch(/\/preload\/preload\.js$/);
    expect(win.loadURL.mock.calls).toEqual([['app://careers-desk/index.html']]);
    expect(win.loadFile).not.toHaveBeenCalled();

    expect(electron.session.webRequest.onHeadersReceived).toHaveBeenCalledTimes(1);
    expect(electron.session.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(electron.session.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    expect(electron.session.setDevicePermissionHandler).toHaveBeenCalledTimes(1);
    expect(electron.listeners.has('web-contents-created')).toBe(true);
    expect(electron.listeners.has('second-instance')).toBe(true);
    expect(electron.menu.setApplicationMenu).toHaveBeenCalledTimes(1);

    const channels = electron.ipcMain.handle.mock.calls.map(([channel]) => channel).sort();
    expect(channels).toEqual(Object.values(BRIDGE_CHANNELS).sort());
  });

  it('forces the en-GB interface language and makes app:// privileged before ready, and serves it after', async () => {
    await startMain(true);
    expect(electron.app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'en-GB');
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }),
      }),
    ]);
    expect(electron.steps).toEqual(['appendSwitch lang', 'registerSchemesAsPrivileged', 'handle']);
    // The page says so too, for screen readers and spelling.
    expect(readFileSync(resolve(root, 'renderer/index.html'), 'utf8')).toMatch(/<html lang="en-GB">/);
  });

  it('serves the renderer folder next to main.js on app:// with the CSP header', async () => {
    await startMain(true);
    const [scheme, handler] = electron.protocol.handle.mock.calls[0] as unknown as [string, (request: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    // Under test main.ts sits in electron/, so "../renderer" is the source renderer folder with its index.html.
    const page = await handler(new Request('app://careers-desk/index.html#/pupils'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy(built));
    expect(await page.text()).toBe(readFileSync(resolve(root, 'renderer/index.html'), 'utf8'));
    expect((await handler(new Request('app://careers-desk/../electron/main.ts'))).status).toBe(404);
    expect((await handler(new Request('app://careers-desk/%2e%2e/package.json'))).status).toBe(404);
  });

  it('loads the dev server in development and does not serve app:// there', async () => {
    const saved = process.env.ELECTRON_RENDERER_URL;
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    try {
      await startMain(true);
    } finally {
      if (saved === undefined) delete process.env.ELECTRON_RENDERER_URL;
      else process.env.ELECTRON_RENDERER_URL = saved;
    }
    expect(electron.windows[0]?.loadURL.mock.calls).toEqual([['http://localhost:5173/']]);
    expect(electron.protocol.handle).not.toHaveBeenCalled();
    expect(electron.app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'en-GB');
  });

  it('quits without opening a window when another copy holds the lock', async () => {
    await startMain(false);
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.windows).toHaveLength(0);
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
  });
});
