// What the Electron tests share: where the built app and the Electron binary are.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

export const root = resolve(__dirname, '../..');
export const mainJs = join(root, 'out/main/main.js');

/** The path `require('electron')` gives, or null when the binary was never downloaded. */
export function electronBinary(): string | null {
  try {
    // The electron package's main export is the binary's path; it throws when path.txt is missing.
    const path: unknown = createRequire(__filename)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}
