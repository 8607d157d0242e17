// The import's reading and checking as the data worker runs them (renderer/src/db/import-check.ts): the same
// rows, problems and likely duplicates as checking on the page, in a form that survives being sent between threads.
import { testDatabaseOptions } from './test-database';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PUPIL_DUPLICATE_OPTIONS, checkPupilRows, findDuplicates, type PupilImportContext, type PupilMapping } from '@shared/import';
import { pupilInput, school as schoolFactory } from '../support/factories';
import { CareersDeskDb } from '@renderer/db/schema';
import { findStoredMatches } from '@renderer/db/import';
import { checkImport, checkedImportCollector, readImportFile, type CheckedImportPart } from '@renderer/db/import-check';
import { savePupil } from '@renderer/db/pupils';

const school = schoolFactory({ name: 'Margate Coastal Academy', urn: '118000', establishmentNumber: '4000' });
const context: PupilImportContext = { today: '2026-11-24', schools: [school], defaultSchoolId: school.id };
const messyBytes = () => new Uint8Array(readFileSync(resolve(import.meta.dirname, '../fixtures/mis-pupils-messy.csv')));

describe('reading and checking an import in the data worker', () => {
  let db: CareersDeskDb;
  let counter = 0;
  beforeEach(async () => {
    counter += 1;
    db = new CareersDeskDb(`careers-desk-import-check-${counter}`, testDatabaseOptions());
    await db.open();
    await db.schools.add(school);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('says why a file cannot be read, and reads one that can with its columns matched', () => {
    expect(readImportFile('pupils', new Uint8Array())).toEqual({
      ok: false,
      problems: [expect.objectContaining({ message: 'The file is empty.' })],
    });
    const read = readImportFile('pupils', messyBytes());
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.parsed.records.length).toBeGreaterThan(5);
    expect(read.mapping.upn).toBe(read.parsed.headers.indexOf('UPN'));
  });

  it('gives the rows, problems (with row and field) and duplicates the page gave, and survives a copy between threads', async () => {
    const sam = await savePupil(
      db,
      pupilInput({
        legalForename: 'Sam',
        legalSurname: 'Green',
        dateOfBirth: '2013-09-01',
        schoolId: school.id,
        upn: 'R886400015107',
        upnNotKnown: false,
      }),
      null,
    );
    const read = readImportFile('pupils', messyBytes());
    if (!read.ok) throw new Error('not read');
    const progress: number[] = [];
    const checked = await checkImport(db, { kind: 'pupils', parsed: read.parsed, mapping: read.mapping, context }, (f) => progress.push(f));

    const rows = checkPupilRows(read.parsed, read.mapping as PupilMapping, context);
    const matches = await findStoredMatches(
      db,
      rows.map((r) => r.keys),
    );
    expect(checked.rows).toEqual(rows);
    expect(checked.findings).toEqual(findDuplicates(rows, matches, PUPIL_DUPLICATE_OPTIONS));
    const withProblem = checked.rows.find((r) => r.problems.length > 0);
    expect(withProblem?.problems[0]).toEqual(expect.objectContaining({ field: expect.any(String), message: expect.any(String) }));
    // Row 10 has Sam Green's UPN: updated by default, and checked as that update already.
    const samRow = [...checked.findings.values()].find((f) => f.updateTarget === sam.id);
    expect(samRow?.defaultChoice).toBe('update');
    expect(checked.asUpdate.get(samRow!.row)?.record).not.toBeNull();
    expect(progress.at(-1)).toBe(1);
    expect(structuredClone(checked)).toEqual(checked);

    // Sent in parts (as from the data worker) and put together again, it is the same answer.
    const parts: CheckedImportPart[] = [];
    const rest = await checkImport(
      db,
      { kind: 'pupils', parsed: read.parsed, mapping: read.mapping, context },
      () => {},
      (part) => parts.push(structuredClone(part)),
    );
    expect(rest.rows).toEqual([]);
    expect(parts.length).toBeGreaterThan(0);
    const collector = checkedImportCollector();
    for (const part of parts) collector.onPart(part);
    expect(collector.done(structuredClone(rest))).toEqual(checked);
  });
});
