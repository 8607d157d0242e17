import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvDocument, csvField } from '@shared/csv';
import { auditCsv } from '@renderer/features/audit/audit-log';
import { auditEntrySchema } from '@shared/model';

/** The cells as a spreadsheet would read the file back (the byte-order mark taken off first). */
function cellsOf(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ',', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('the CSV writer', () => {
  it('never lets a name beginning = + - or @ reach the file as a formula', () => {
    const names = ['=HYPERLINK("http://x","Click")', '+44 7700 900000', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '=1+1\nsecond line'];
    const cells = cellsOf(csvDocument([['Name'], ...names.map((name) => [name])]));
    expect(cells.slice(1).map(([cell]) => cell)).toEqual(names.map((name) => `'${name}`));
    for (const [cell] of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('keeps a negative number a number', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvDocument([['Change', -3, 2.5]])).toBe('\uFEFFChange,-3,2.5\r\n');
  });

  it('round-trips a value holding a comma, a quote and a new line', () => {
    const awkward = 'Flat 2, "The Old Forge"\r\nHigh Street';
    const csv = csvDocument([
      ['Address', 'Note'],
      [awkward, 'plain'],
    ]);
    expect(cellsOf(csv)).toEqual([
      ['Address', 'Note'],
      [awkward, 'plain'],
    ]);
  });

  it('writes a byte-order mark, CRLF line ends, Yes/No for flags and empty cells for nothing', () => {
    expect(csvDocument([['a', true, false], [], [null, undefined, Number.NaN]])).toBe('\uFEFFa,Yes,No\r\n\r\n,,\r\n');
  });
});

describe('the audit log export', () => {
  it('writes its summary through the same guard', () => {
    const entry = auditEntrySchema.parse({
      id: '00000000-0000-4000-8000-000000000001',
      seq: 1,
      at: '2026-11-24T09:00:00.000Z',
      adviserId: null,
      action: 'create',
      entity: 'pupil',
      recordId: '00000000-0000-4000-8000-000000000002',
      pupilId: '00000000-0000-4000-8000-000000000002',
      summary: '=cmd|calc, added',
      before: null,
    });
    const cells = cellsOf(auditCsv([entry], () => 'Nobody'));
    expect(cells[0]).toEqual(['When', 'Adviser', 'Action', 'Record type', 'Record id', 'Young person id', 'Summary']);
    expect(cells[1]!.at(-1)).toBe("'=cmd|calc, added");
  });
});
