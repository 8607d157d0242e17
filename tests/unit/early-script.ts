import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';

const root = resolve(import.meta.dirname, '../..');
const script = readFileSync(resolve(root, 'renderer/public/open-store-early.js'), 'utf8');

/**
 * Runs renderer/public/open-store-early.js as the page would, its tag naming database `name`, the settings rows
 * `rowKeys` and the range of keys `range` (its lower key and its upper key's prefix); its read is left where the
 * app looks for it (`careersDeskEarlyRead` on the global object). Resolves, once the open request has settled
 * (after the script's own handlers), with how.
 */
export function runEarlyScript(
  name: string,
  rowKeys: readonly string[] = [],
  range?: { lower: string; prefix: string },
): Promise<'success' | 'error'> {
  return new Promise((settled) => {
    const spy = {
      open(dbName: string) {
        const request = indexedDB.open(dbName);
        request.addEventListener('success', () => setTimeout(() => settled('success'), 0));
        request.addEventListener('error', () => setTimeout(() => settled('error'), 0));
        return request;
      },
    };
    const attributes: Record<string, string> = {
      'data-database': name,
      'data-list-rows': rowKeys.join(','),
      ...(range ? { 'data-list-range': `${range.lower},${range.prefix}` } : {}),
    };
    runInNewContext(script, {
      document: { currentScript: { getAttribute: (attribute: string) => attributes[attribute] ?? null } },
      indexedDB: spy,
      setTimeout,
      window: globalThis,
      IDBKeyRange,
    });
  });
}
