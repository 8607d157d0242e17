// The app:// scheme that serves the built renderer: which URLs map to which files (a pure function,
// tried against traversal tricks), and the handler on a real temporary folder with symbolic links.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  contentTypeFor,
  createAppProtocolHandler,
  handleAppProtocol,
  registerAppScheme,
  resolveAppAsset,
} from '../../electron/app-protocol';

const root = resolve(tmpdir(), 'careers-desk-renderer-fixture');

function resolved(url: string) {
  return resolveAppAsset(url, root);
}

/** The file a URL maps to, relative to the root with forward slashes, or the refusal status. */
function target(url: string): string | number {
  const result = resolved(url);
  return result.ok ? relative(root, result.path).split(sep).join('/') : result.status;
}

describe('the app scheme registration', () => {
  it('is app://careers-desk, with the entry page at its root', () => {
    expect(APP_ORIGIN).toBe('app://careers-desk');
    expect(APP_ENTRY_URL).toBe('app://careers-desk/index.html');
  });

  it('is standard and secure with fetch, and neither bypasses the CSP nor opens itself to other origins', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      bypassCSP: false,
      corsEnabled: false,
      allowServiceWorkers: false,
    });
  });

  it('registers the privileges and the handler with Electron', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    handleAppProtocol(protocol, { root, contentSecurityPolicy: "default-src 'self'" });
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});

describe('which file an app:// URL names', () => {
  it('maps paths to files under the renderer folder with their content type', () => {
    expect(resolved('app://careers-desk/assets/index-AQDzCD68.js')).toEqual({
      ok: true,
      relativePath: 'assets/index-AQDzCD68.js',
      path: join(root, 'assets', 'index-AQDzCD68.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(target('app://careers-desk/open-store-early.js')).toBe('open-store-early.js');
    expect(target('app://careers-desk/assets/match.worker-D_faiXOI.js')).toBe('assets/match.worker-D_faiXOI.js');
  });

  it('serves index.html for the root and for a path ending in a slash', () => {
    expect(target('app://careers-desk/')).toBe('index.html');
    expect(target('app://careers-desk')).toBe('index.html');
    expect(target('app://careers-desk/assets/')).toBe('assets/index.html');
    const index = resolved('app://careers-desk/');
    expect(index.ok && index.contentType).toBe('text/html; charset=utf-8');
  });

  it('ignores the query string and the hash route', () => {
    expect(target('app://careers-desk/index.html?v=2#/pupils/123')).toBe('index.html');
    expect(target('app://careers-desk/#/settings')).toBe('index.html');
    expect(target('app://careers-desk/assets/app.css?../../../etc/passwd')).toBe('assets/app.css');
    expect(target('app://careers-desk/assets/app.css#/../../secret.js')).toBe('assets/app.css');
  });

  it('decodes percent-encoded names once', () => {
    expect(target('app://careers-desk/assets/a%20b.js')).toBe('assets/a b.js');
    // A name that merely starts with two dots is a name, not a step up.
    expect(target('app://careers-desk/..hidden.js')).toBe('..hidden.js');
    // Double encoding decodes to a literal "%2e%2e" name, which is harmless (and not a file here).
    expect(target('app://careers-desk/%252e%252e/x.js')).toBe('%2e%2e/x.js');
  });

  it('never names a file outside the renderer folder, whatever the traversal trick', () => {
    const vectors = [
      'app://careers-desk/../main/main.js',
      'app://careers-desk/../../../../etc/passwd',
      'app://careers-desk/assets/../../main/main.js',
      'app://careers-desk/%2e%2e/main/main.js',
      'app://careers-desk/%2E%2E/%2E%2E/etc/hosts.txt',
      'app://careers-desk/.%2e/main/main.js',
      'app://careers-desk/..%2fmain%2fmain.js',
      'app://careers-desk/..%2Fmain/main.js',
      'app://careers-desk/..%5cmain%5cmain.js',
      'app://careers-desk/..\\main\\main.js',
      'app://careers-desk/assets\\..\\..\\main.js',
      'app://careers-desk//etc/passwd.txt',
      'app://careers-desk/%2fetc%2fpasswd.txt',
      'app://careers-desk/C:/Windows/win.ini.txt',
      'app://careers-desk/C%3a%5cWindows%5cwin.ini.txt',
      'app://careers-desk/%5c%5cserver%5cshare%5cx.js',
      'app://careers-desk/index.html%00.js',
      'app://careers-desk/index.html:stream.js',
      'app://careers-desk/assets/con.js',
      'app://careers-desk/NUL.txt',
      'app://careers-desk/%',
      'app://careers-desk/%e0%a4%a.js',
    ];
    for (const url of vectors) {
      const result = resolved(url);
      if (result.ok) {
        // The URL parser itself removed the dot segments: what is left must still be inside the root.
        expect(result.path.startsWith(root + sep), url).toBe(true);
        expect(result.relativePath.split('/'), url).not.toContain('..');
      } else {
        expect([400, 403, 404], url).toContain(result.status);
      }
    }
    // The plain forms are refused outright rather than resolved somewhere harmless.
    expect(target('app://careers-desk/..%2fmain%2fmain.js')).toBe(404);
    expect(target('app://careers-desk/..%5cmain%5cmain.js')).toBe(404);
    expect(target('app://careers-desk/..\\main\\main.js')).toBe(400);
    expect(target('app://careers-desk//etc/passwd.txt')).toBe(404);
    expect(target('app://careers-desk/C%3a%5cWindows%5cwin.ini.txt')).toBe(404);
    expect(target('app://careers-desk/index.html%00.js')).toBe(404);
    expect(target('app://careers-desk/assets/con.js')).toBe(404);
    expect(target('app://careers-desk/%')).toBe(400);
    // The dot segments that the URL parser resolves stay at the root, never above it.
    expect(target('app://careers-desk/../main/main.js')).toBe('main/main.js');
    expect(target('app://careers-desk/%2e%2e/main/main.js')).toBe('main/main.js');
  });

  it('answers only for app://careers-desk', () => {
    expect(target('app://evil.example/index.html')).toBe(403);
    expect(target('app://careers-desk.evil.example/index.html')).toBe(403);
    expect(target('app://careers-desk:8080/index.html')).toBe(403);
    expect(target('app://user:pass@careers-desk/index.html')).toBe(403);
    expect(target('file:///etc/passwd')).toBe(403);
    expect(target('https://careers-desk/index.html')).toBe(403);
    expect(target('evil://careers-desk/index.html')).toBe(403);
    expect(target('not a url')).toBe(400);
  });

  it('serves only the kinds of file the build makes, each with its content type', () => {
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('Roboto-Regular.ttf')).toBe('font/ttf');
    expect(contentTypeFor('logo.svg')).toBe('image/svg+xml');
    expect(target('app://careers-desk/assets/index.js.map')).toBe(404);
    expect(target('app://careers-desk/package.json.bak')).toBe(404);
    expect(target('app://careers-desk/assets')).toBe(404);
    expect(target('app://careers-desk/backup.exe')).toBe(404);
  });
});

describe('the app:// handler on disk', () => {
  const base = mkdtempSync(join(tmpdir(), 'careers-desk-protocol-'));
  const renderer = join(base, 'out', 'renderer');
  const csp = "default-src 'self'; script-src 'self'";
  const handler = createAppProtocolHandler({ root: renderer, contentSecurityPolicy: csp });
  const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

  beforeAll(() => {
    mkdirSync(join(renderer, 'assets', 'nested.js'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Careers Desk</title>');
    writeFileSync(join(renderer, 'assets', 'index.js'), 'export const answer = 42;');
    writeFileSync(join(renderer, 'assets', 'index.css'), 'body { margin: 0 }');
    mkdirSync(join(base, 'out', 'main'), { recursive: true });
    writeFileSync(join(base, 'out', 'main', 'main.js'), 'the main process');
    writeFileSync(join(base, 'secret.txt'), 'a pupil record');
    // One link that stays inside the folder, two that lead out of it.
    symlinkSync(join(renderer, 'assets', 'index.js'), join(renderer, 'alias.js'));
    symlinkSync(join(base, 'secret.txt'), join(renderer, 'assets', 'leak.txt'));
    symlinkSync(base, join(renderer, 'up'));
  });

  afterAll(() => {
    rmSync(base, { recursive: true, force: true });
  });

  it('serves index.html with its content type and the CSP header', async () => {
    for (const url of ['app://careers-desk/', 'app://careers-desk/index.html?x=1#/pupils']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(csp);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toContain('<title>Careers Desk</title>');
    }
  });

  it('serves scripts and styles with their content types and no CSP of their own', async () => {
    const script = await get('app://careers-desk/assets/index.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBeNull();
    expect(await script.text()).toBe('export const answer = 42;');
    const style = await get('app://careers-desk/assets/index.css');
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for a missing file or a folder, with no fallback page', async () => {
    expect((await get('app://careers-desk/assets/missing.js')).status).toBe(404);
    expect((await get('app://careers-desk/assets/nested.js')).status).toBe(404);
    expect((await get('app://careers-desk/assets/')).status).toBe(404);
  });

  it('never reads outside the renderer folder', async () => {
    for (const url of [
      'app://careers-desk/../main/main.js',
      'app://careers-desk/%2e%2e/main/main.js',
      'app://careers-desk/..%2fmain%2fmain.js',
      'app://careers-desk/..%5c..%5csecret.txt',
      'app://careers-desk/assets/leak.txt',
      'app://careers-desk/up/secret.txt',
      'app://careers-desk/up/out/main/main.js',
      'app://evil/index.html',
    ]) {
      const response = await get(url);
      expect([400, 403, 404], url).toContain(response.status);
      const body = await response.text();
      expect(body, url).not.toContain('a pupil record');
      expect(body, url).not.toContain('the main process');
    }
  });

  it('follows a symbolic link that stays inside the folder', async () => {
    const response = await get('app://careers-desk/alias.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('export const answer = 42;');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://careers-desk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await head.text()).toBe('');
    expect((await get('app://careers-desk/index.html', 'POST')).status).toBe(405);
  });
});
