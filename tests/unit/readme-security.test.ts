// The README's table of Electron's security checklist names, for each item, the tests that prove it.
// This keeps the table honest: every test it names must exist, under that name, in the file it names.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

interface Row {
  number: number;
  item: string;
  provedBy: string;
}

function checklistRows(): Row[] {
  const lines = readme.split('\n');
  const header = lines.findIndex((line) => line.startsWith('| # | checklist item |'));
  expect(header, 'the checklist table is missing from the README').toBeGreaterThan(-1);
  const rows: Row[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split(' | ').map((cell) => cell.replace(/^\| ?| ?\|$/g, '').trim());
    rows.push({ number: Number(cells[0]), item: cells[1] ?? '', provedBy: cells.at(-1) ?? '' });
  }
  return rows;
}

/** The titles of it(...) and test(...) calls in a test file, with \' unescaped. */
function testTitles(file: string): Set<string> {
  const source = readFileSync(join(root, file), 'utf8');
  const titles = new Set<string>();
  for (const match of source.matchAll(/\b(?:it|test)\(\s*(['"])((?:\\.|(?!\1).)*)\1/g)) {
    titles.add((match[2] ?? '').replace(/\\(.)/g, '$1'));
  }
  return titles;
}

describe('the README security checklist', () => {
  const rows = checklistRows();

  it("has every one of the 20 items of Electron's checklist, in order", () => {
    expect(rows.map((row) => row.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const itemsInOrder = new RegExp(
      [
        'secure content',
        'Node\\.js integration',
        'context isolation',
        'sandboxing',
        'permission',
        'webSecurity',
        'Content Security Policy',
        'allowRunningInsecureContent',
        'experimental',
        'enableBlinkFeatures',
        'allowpopups',
        'verify options',
        'navigation',
        'new windows',
        'openExternal',
        'current version',
        'sender',
        'file:\\/\\/',
        'fuses',
        'Electron APIs',
      ].join('[\\s\\S]*'),
    );
    expect(rows.map((row) => row.item).join('\n')).toMatch(itemsInOrder);
  });

  it('names, for each item, tests that exist under those names in those files', () => {
    let named = 0;
    for (const row of rows) {
      const files = [...row.provedBy.matchAll(/`(tests\/[^`]+\.test\.ts)`/g)].map((m) => m[1] as string);
      const names = [...row.provedBy.matchAll(/\*([^*]+)\*/g)].map((m) => m[1] as string);
      if (row.number === 16) {
        // Keeping Electron current is a version pin, not a test.
        expect(row.provedBy).toContain('package.json');
        continue;
      }
      expect(files.length, `row ${row.number} names no test file`).toBeGreaterThan(0);
      for (const file of files) expect(existsSync(join(root, file)), file).toBe(true);
      const titles = new Set(files.flatMap((file) => [...testTitles(file)]));
      for (const name of names) {
        expect(titles.has(name), `row ${row.number}: no test called "${name}" in ${files.join(', ')}`).toBe(true);
        named += 1;
      }
    }
    expect(named).toBeGreaterThan(20);
  });
});
