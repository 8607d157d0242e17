// The packaging step that reads the fuses back out of the shipped binary (electron/packaging/check-fuses.mjs),
// run on stand-in binaries that carry a fuse wire exactly as Electron lays it out.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkPackagedFuses, FUSE_WIRE_INDEX } from '../../electron/packaging/check-fuses.mjs';

const root = resolve(__dirname, '../..');
const wanted = (parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { electronFuses: Record<string, boolean> })
  .electronFuses;

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ON = 0x31;
const OFF = 0x30;

/** Bytes that stand in for an Electron binary: filler, the sentinel, version 1, the wire length, the wire. */
function fakeBinary(fuses: Record<string, boolean>): Buffer {
  const wire = Buffer.alloc(9, OFF);
  for (const [name, on] of Object.entries(fuses)) {
    const index = FUSE_WIRE_INDEX[name];
    if (index === undefined) throw new Error(`electron-builder.yml names a fuse the check does not know: ${name}`);
    wire[index] = on ? ON : OFF;
  }
  return Buffer.concat([Buffer.alloc(4096, 0x90), Buffer.from(SENTINEL), Buffer.from([1, wire.length]), wire, Buffer.alloc(512)]);
}

let project: string;
const said: string[] = [];

function projectWith(fuses: Record<string, boolean> | null, options: { asar?: boolean; appFolder?: boolean } = {}): string {
  project = mkdtempSync(join(tmpdir(), 'fuses-'));
  writeFileSync(join(project, 'electron-builder.yml'), readFileSync(join(root, 'electron-builder.yml')));
  if (fuses) {
    const unpacked = join(project, 'release', 'linux-unpacked');
    mkdirSync(join(unpacked, 'resources'), { recursive: true });
    writeFileSync(join(unpacked, 'careers-desk'), fakeBinary(fuses));
    if (options.asar ?? true) writeFileSync(join(unpacked, 'resources', 'app.asar'), 'asar');
    if (options.appFolder) mkdirSync(join(unpacked, 'resources', 'app'));
  }
  return project;
}

afterEach(() => {
  said.length = 0;
  rmSync(project, { recursive: true, force: true });
});

describe('reading the fuses of the packaged app', () => {
  it('passes a binary whose every fuse is as electron-builder.yml asks, loading its app from app.asar', async () => {
    expect(await checkPackagedFuses(projectWith(wanted), (line) => said.push(line))).toBe(0);
    expect(said.join('\n')).toContain('every fuse as electron-builder.yml asks');
  });

  it('fails, naming the fuse, when one was not flipped (runAsNode left on)', async () => {
    expect(await checkPackagedFuses(projectWith({ ...wanted, runAsNode: true }), (line) => said.push(line))).toBe(1);
    expect(said.join('\n')).toContain('runAsNode should be off but is on');
  });

  it('fails when the app could be loaded from a plain folder instead of the asar', async () => {
    expect(await checkPackagedFuses(projectWith(wanted, { asar: false, appFolder: true }), (line) => said.push(line))).toBe(1);
    expect(said.join('\n')).toMatch(/no app\.asar[\s\S]*exists beside the asar/);
  });

  it('says there is nothing to read, and passes, where no packaged app was made', async () => {
    expect(await checkPackagedFuses(projectWith(null), (line) => said.push(line))).toBe(0);
    expect(said.join('\n')).toContain('no packaged app in release/');
  });
});
