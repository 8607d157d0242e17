// Everything that decides what the window may load, run, open or ask for, in one place so that
// tests/unit/electron-security.test.ts can check each rule without starting Electron.
import type { App, HandlerDetails, Session, WebContents, WebPreferences, WindowOpenHandlerResponse } from 'electron';
import { externalUrlSchema } from '@shared/bridge';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME } from './app-protocol';

/** Where the renderer comes from: Vite's dev server (npm start) or the built folder, served on app://careers-desk/. */
export type AppLocation = { kind: 'dev-server'; url: string } | { kind: 'app'; rendererDir: string };

/**
 * The dev server is used only in an unpackaged app and only when it is plain http on this machine,
 * so a stray ELECTRON_RENDERER_URL cannot point an installed app at a remote page.
 */
export function resolveAppLocation(env: Record<string, string | undefined>, isPackaged: boolean, rendererDir: string): AppLocation {
  const devUrl = env.ELECTRON_RENDERER_URL;
  if (!isPackaged && devUrl) {
    try {
      const url = new URL(devUrl);
      if (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) {
        return { kind: 'dev-server', url: url.href };
      }
    } catch {
      // Not a URL: fall through to the built files.
    }
  }
  return { kind: 'app', rendererDir };
}

/** The URL the window loads. */
export function appEntryUrl(location: AppLocation): string {
  return location.kind === 'dev-server' ? location.url : APP_ENTRY_URL;
}

/**
 * The origin of a URL as Chromium sees it, or null when it has none worth comparing. Node's URL
 * gives every non-special scheme (app: included) the origin "null", so comparing `.origin` alone
 * would make app://careers-desk equal to evil://anything; app: is therefore spelled out here.
 * URLs carrying a user name or password are never the app.
 */
export function originOf(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
  if (url.protocol === `${APP_SCHEME}:` && url.hostname !== '') return `${url.protocol}//${url.host}`;
  return null;
}

/** The app's own origin: app://careers-desk, or the dev server's in development. */
export function appOrigin(location: AppLocation): string {
  return location.kind === 'dev-server' ? new URL(location.url).origin : APP_ORIGIN;
}

/** True when `candidate` is a page of the app itself: same origin, any path, query or hash route. */
export function isAppUrl(candidate: string, location: AppLocation): boolean {
  const origin = originOf(candidate);
  return origin !== null && origin === appOrigin(location);
}

/** The window's settings: Electron's security checklist, each one spelled out even where it is the default. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
  };
}

// The <meta> tag in renderer/index.html is this policy without frame-ancestors (a test compares them):
// the meta tag covers the page before any header handler runs (and the browser build), the header is
// the delivery browsers prefer. Browsers ignore frame-ancestors in a meta tag and log a console error
// for it, so it is sent only in the header.
// style-src needs 'unsafe-inline' for Vue's style bindings and Vite's injected styles; scripts never do.
const PRODUCTION_CSP: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/**
 * The Content-Security-Policy for the window. In development the only addition is the dev
 * server's WebSocket (hot reload) in connect-src; scripts stay 'self', never 'unsafe-eval'.
 */
export function contentSecurityPolicy(location: AppLocation): string {
  return PRODUCTION_CSP.map(([directive, sources]) => {
    if (directive === 'connect-src' && location.kind === 'dev-server') {
      const dev = new URL(location.url);
      return `${directive} ${sources} ws://${dev.host}`;
    }
    return `${directive} ${sources}`;
  }).join('; ');
}

/** Adds the CSP header to every response the session receives, replacing any other CSP header. */
export function installContentSecurityPolicy(session: Session, location: AppLocation): void {
  const policy = contentSecurityPolicy(location);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });
}

/**
 * The one rule for links leaving the app: https only. Plain http is refused rather than upgraded
 * because the pages an adviser links to (gov.uk, colleges, employers) all serve https, and an
 * http link is more likely a mistake or tampering than something to honour. Other schemes
 * (file:, smb:, custom protocol handlers) could launch programs and are never passed on.
 */
export function vettedExternalUrl(url: string): string | null {
  return externalUrlSchema.safeParse(url).success ? url : null;
}

export type OpenExternal = (url: string) => Promise<void>;

/** window.open and target=_blank never make an Electron window; vetted https links go to the system browser. */
export function createWindowOpenHandler(openExternal: OpenExternal): (details: HandlerDetails) => WindowOpenHandlerResponse {
  return (details) => {
    const url = vettedExternalUrl(details.url);
    if (url) void openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  };
}

/** The navigation event as Electron passes it: `details.url` now, the separate url argument is deprecated. */
export type NavigationEvent = { preventDefault(): void; url?: string };

/** will-navigate / will-redirect: the window only ever shows the app; an https link goes to the system browser instead. */
export function createNavigationGuard(
  location: AppLocation,
  openExternal: OpenExternal,
): (event: NavigationEvent, legacyUrl?: string) => void {
  return (event, legacyUrl) => {
    const url = event.url ?? legacyUrl ?? '';
    if (isAppUrl(url, location)) return;
    event.preventDefault();
    const external = vettedExternalUrl(url);
    if (external) void openExternal(external).catch(() => undefined);
  };
}

/** Every webContents (the main window and anything else that appears) gets the same guards. */
export function hardenWebContents(contents: WebContents, location: AppLocation, openExternal: OpenExternal): void {
  const guard = createNavigationGuard(location, openExternal);
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  // No <webview> is ever wanted; webviewTag is off, and this refuses one even if that changed.
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(createWindowOpenHandler(openExternal));
}

/** app.on('web-contents-created'): runs before any page in a new webContents can act. */
export function installWebContentsGuard(app: Pick<App, 'on'>, location: AppLocation, openExternal: OpenExternal): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, location, openExternal));
}

/** The app needs no camera, microphone, location, notifications, USB, HID or serial: every request and check is refused. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
