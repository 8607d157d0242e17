// Reads the fuses back out of each packaged binary that `npm run dist` made, with @electron/fuses,
// and fails when one differs from electron-builder.yml or the app is not loaded from its asar.
// electron-builder flips the fuses itself; this proves it did, on the binary that ships.
// Where no packaged app exists (no Electron binary on this machine), it says so and passes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { parse } from 'yaml';

/** electron-builder.yml's electronFuses names (FuseOptionsV1) and their place in the fuse wire. */
export const FUSE_WIRE_INDEX = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};

/** @param {number | undefined} state */
function stateInWords(state) {
  if (state === FuseState.ENABLE) return 'on';
  if (state === FuseState.DISABLE) return 'off';
  if (state === FuseState.REMOVED) return 'removed from this Electron';
  if (state === undefined) return 'missing from the fuse wire';
  return 'left at its default';
}

/**
 * What differs between the fuses electron-builder.yml asks for and a fuse wire read from a binary.
 * @param {Record<string, unknown>} wanted electron-builder.yml's electronFuses
 * @param {Record<string | number, unknown>} wire what getCurrentFuseWire returned
 * @returns {string[]} one sentence per difference; empty when every fuse is as asked
 */
export function fuseProblems(wanted, wire) {
  const problems = [];
  if (wire.version !== '1') problems.push(`the fuse wire is version ${String(wire.version)}; this check knows version 1`);
  for (const [name, value] of Object.entries(wanted)) {
    const index = FUSE_WIRE_INDEX[/** @type {keyof typeof FUSE_WIRE_INDEX} */ (name)];
    if (index === undefined) {
      problems.push(`${name} is not a fuse this check knows`);
      continue;
    }
    const state = /** @type {number | undefined} */ (wire[index]);
    const expected = value ? FuseState.ENABLE : FuseState.DISABLE;
    if (state !== expected) problems.push(`${name} should be ${value ? 'on' : 'off'} but is ${stateInWords(state)}`);
  }
  return problems;
}

/**
 * The packaged binaries electron-builder leaves in its output folder, per platform, with the
 * resources folder each loads its app from.
 * @param {string} releaseDir
 * @param {string} productName
 * @returns {{ binary: string; resources: string }[]}
 */
export function packagedApps(releaseDir, productName) {
  if (!existsSync(releaseDir)) return [];
  const apps = [];
  for (const entry of readdirSync(releaseDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = join(releaseDir, entry.name);
    if (entry.name.endsWith('-unpacked')) {
      const names = readdirSync(dir);
      const binary = names.find((name) => name === `${productName}.exe`) ?? names.find((name) => name === 'careers-desk');
      if (binary) apps.push({ binary: join(dir, binary), resources: join(dir, 'resources') });
    } else if (entry.name.startsWith('mac')) {
      const bundle = join(dir, `${productName}.app`);
      if (existsSync(bundle)) apps.push({ binary: bundle, resources: join(bundle, 'Contents', 'Resources') });
    }
  }
  return apps;
}

/**
 * @param {string} resources the packaged app's resources folder
 * @returns {string[]} why the app would not be loaded from its integrity-checked asar, if it would not
 */
export function asarProblems(resources) {
  const problems = [];
  if (!existsSync(join(resources, 'app.asar'))) problems.push(`no app.asar in ${resources}`);
  if (existsSync(join(resources, 'app'))) problems.push(`${join(resources, 'app')} exists beside the asar and could be loaded instead`);
  return problems;
}

/**
 * @param {string} root the project folder
 * @param {(line: string) => void} say
 * @returns {Promise<number>} the exit code: 0 when every packaged app is as configured, or none exists
 */
export async function checkPackagedFuses(root, say = console.log) {
  const config = /** @type {Record<string, unknown>} */ (parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')));
  const wanted = /** @type {Record<string, unknown>} */ (config.electronFuses ?? {});
  const outputDir = /** @type {{ output?: string } | undefined} */ (config.directories)?.output ?? 'dist';
  const productName = String(config.productName ?? 'Careers Desk');
  const apps = packagedApps(resolve(root, outputDir), productName);
  if (apps.length === 0) {
    say(`check-fuses: no packaged app in ${outputDir}/ (electron-builder made none on this machine), so there are no fuses to read.`);
    return 0;
  }
  let failed = false;
  for (const app of apps) {
    const problems = [...fuseProblems(wanted, await getCurrentFuseWire(app.binary)), ...asarProblems(app.resources)];
    if (problems.length === 0) say(`check-fuses: ${app.binary}: every fuse as electron-builder.yml asks, app loaded from app.asar.`);
    else {
      failed = true;
      for (const problem of problems) say(`check-fuses: ${app.binary}: ${problem}`);
    }
  }
  return failed ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await checkPackagedFuses(process.cwd());
}
