// The built renderer is served from app://careers-desk/, a privileged custom scheme, instead of
// file://. file:// pages share the opaque origin "null" and can read any file the user can, so a
// flaw in the page would reach the whole disk; app:// has a real origin, and its handler below
// answers only files inside out/renderer. The path rule is a pure function so it can be tested hard.
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { readFile, realpath, stat } from 'node:fs/promises';
import type { CustomScheme, Protocol } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'careers-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * What the renderer needs from its scheme, and nothing more:
 * - standard: relative URLs resolve, the origin is app://careers-desk (so IndexedDB, 'self' in the CSP
 *   and same-origin module scripts and module workers behave as on https);
 * - secure: a secure context, which crypto.randomUUID and crypto.subtle (backups) require;
 * - supportFetchAPI: fetch() of the app's own files;
 * - codeCache: V8 caches the large bundles (pdfmake) between starts.
 * corsEnabled stays off: every request the app makes is same-origin, and leaving it off keeps other
 * origins from reading app:// responses. bypassCSP stays off so the CSP applies to this scheme.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    codeCache: true,
    corsEnabled: false,
    bypassCSP: false,
    allowServiceWorkers: false,
    stream: false,
  },
};

/** Only these kinds of file are served (the build makes .html, .js and .css; the rest are for assets Vite may emit). */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(fileName: string): string | null {
  return CONTENT_TYPES[extname(fileName).toLowerCase()] ?? null;
}

export type AssetResolution =
  { ok: true; relativePath: string; path: string; contentType: string } | { ok: false; status: 400 | 403 | 404; reason: string };

// Names Windows opens as devices whatever the folder or extension ("con.js" is the console).
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d|conin\$|conout\$)(\.|$)/i;

/** True when `path` is `root` itself or below it (both already resolved). */
function isInside(root: string, path: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot === '' || (!fromRoot.startsWith(`..${sep}`) && fromRoot !== '..' && !isAbsolute(fromRoot));
}

function refuse(status: 400 | 403 | 404, reason: string): AssetResolution {
  return { ok: false, status, reason };
}

/**
 * Maps a request URL to a file under `root`, or says why not. Pure: no disk access.
 * - Only app://careers-desk (no port, no user name); any other scheme or host is 403.
 * - The query string and the hash are ignored; "/" and any path ending in "/" mean index.html.
 * - Each path segment is percent-decoded once and then must be a plain name: no "." or "..",
 *   no "/", "\", ":" or NUL inside it (so %2e%2e, %2f, %5c, C: and alternate data streams are
 *   refused), no empty segment (so "//etc/passwd" cannot become an absolute path) and no Windows
 *   device name (con, nul, com1...).
 * - The result is checked to lie inside `root` once more, whatever the rules above missed.
 * - An extension the app does not ship is 404, so every answer has a right Content-Type.
 */
export function resolveAppAsset(requestUrl: string, root: string): AssetResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return refuse(400, 'not a URL');
  }
  // Compared by parts: Node gives non-special schemes the origin "null", which every such URL shares.
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') {
    return refuse(403, 'not the app origin');
  }
  // Chromium always sends a path for a standard scheme; Node leaves it empty for "app://careers-desk".
  const rawPath = url.pathname === '' ? '/' : url.pathname;
  if (!rawPath.startsWith('/') || rawPath.includes('\\')) return refuse(400, 'malformed path');

  const rawSegments = rawPath.slice(1).split('/');
  if (rawSegments.at(-1) === '') rawSegments[rawSegments.length - 1] = 'index.html';

  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return refuse(400, 'malformed percent-encoding');
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\:\0]/.test(segment) || WINDOWS_DEVICE.test(segment)) {
      return refuse(404, 'not a plain path');
    }
    segments.push(segment);
  }

  const path = join(root, ...segments);
  if (path === root || !isInside(root, path)) return refuse(404, 'outside the app');

  const contentType = contentTypeFor(path);
  if (!contentType) return refuse(404, 'not a kind of file the app serves');
  return { ok: true, relativePath: segments.join('/'), path, contentType };
}

function isMissing(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

export interface AppProtocolOptions {
  /** The built renderer folder (out/renderer); in a packaged app it lies inside app.asar. */
  root: string;
  /** Sent as the Content-Security-Policy header of HTML answers (the session's header hook may also set it). */
  contentSecurityPolicy: string;
}

/**
 * The protocol.handle handler. Beyond resolveAppAsset, it refuses anything but GET and HEAD,
 * follows symbolic links only when they stay inside the folder, and answers 404 for a folder or a
 * missing file (no fallback page: the router uses the hash). Electron's fs reads inside app.asar,
 * so the same code serves the packaged app.
 */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  let realRoot: Promise<string> | null = null;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plainResponse(405, 'Method not allowed');
    const resolved = resolveAppAsset(request.url, options.root);
    if (!resolved.ok) return plainResponse(resolved.status, resolved.reason);
    try {
      realRoot ??= realpath(options.root);
      // A symbolic link is followed only when it stays inside the folder.
      const target = await realpath(resolved.path);
      if (!isInside(await realRoot, target)) return plainResponse(404, 'outside the app');
      if (!(await stat(target)).isFile()) return plainResponse(404, 'not a file');
      const contentType = resolved.contentType;
      const body = await readFile(target);
      const headers: Record<string, string> = { 'Content-Type': contentType, 'X-Content-Type-Options': 'nosniff' };
      if (contentType.startsWith('text/html')) headers['Content-Security-Policy'] = options.contentSecurityPolicy;
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
    } catch (error) {
      if (isMissing(error)) return plainResponse(404, 'not found');
      console.error('[app-protocol] could not serve', request.url, error);
      return plainResponse(500, 'could not read the file');
    }
  };
}

/** Before `ready`: Chromium fixes its scheme table at start-up, so this cannot wait. Called once. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** After `ready`: serves the built renderer on app://careers-desk/. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, options: AppProtocolOptions): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(options));
}
