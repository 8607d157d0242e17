// The packaged app's hardening as electron-builder will apply it: the fuses flipped in the binary
// and the asar it loads. Read from electron-builder.yml itself, and each fuse name checked against
// the option schema of the electron-builder that is installed, so a misspelt name cannot pass.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = resolve(__dirname, '../..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const fuses = (config.electronFuses ?? {}) as Record<string, unknown>;

/** The FuseOptionsV1 properties of the installed app-builder-lib (electron-builder's engine). */
function fuseOptionNames(): string[] {
  const require = createRequire(join(root, 'package.json'));
  const builderDir = dirname(require.resolve('electron-builder/package.json'));
  const libDir = dirname(createRequire(join(builderDir, 'package.json')).resolve('app-builder-lib/package.json'));
  const schema = JSON.parse(readFileSync(join(libDir, 'scheme.json'), 'utf8')) as {
    definitions: Record<string, { properties?: Record<string, unknown>; additionalProperties?: boolean }>;
  };
  const fuseOptions = schema.definitions.FuseOptionsV1;
  // electron-builder rejects unknown keys here, which is what makes checking the names worthwhile.
  expect(fuseOptions?.additionalProperties).toBe(false);
  return Object.keys(fuseOptions?.properties ?? {});
}

describe('the fuses flipped in the packaged binary (electron-builder.yml)', () => {
  it('uses only option names electron-builder knows', () => {
    const known = fuseOptionNames();
    expect(Object.keys(fuses).length).toBeGreaterThan(0);
    for (const name of Object.keys(fuses)) expect(known, name).toContain(name);
    for (const value of Object.values(fuses)) expect(typeof value).toBe('boolean');
  });

  it('cannot be run as plain Node (ELECTRON_RUN_AS_NODE is ignored)', () => {
    expect(fuses.runAsNode).toBe(false);
  });

  it('ignores NODE_OPTIONS and the --inspect arguments', () => {
    expect(fuses.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(fuses.enableNodeCliInspectArguments).toBe(false);
  });

  it('encrypts the cookie store', () => {
    expect(fuses.enableCookieEncryption).toBe(true);
  });

  it('loads the app only from its asar, and checks that asar against its embedded hash', () => {
    expect(fuses.enableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(fuses.onlyLoadAppFromAsar).toBe(true);
    expect(config.asar).toBe(true);
  });

  it('gives file:// pages no extra privileges (the app is served on app://)', () => {
    expect(fuses.grantFileProtocolExtraPrivileges).toBe(false);
  });
});
