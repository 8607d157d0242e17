// Hundreds of mutated MIS exports fed through the whole import: each gives either problems the
// adviser can read (with a field, and a row number where one applies) or a valid import; a failed
// or refused import leaves every table exactly as it was.
import { testDatabaseOptions } from './test-database';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom, type RandomSource } from '@shared/random';
import {
  PUPIL_DUPLICATE_OPTIONS,
  PUPIL_IMPORT_FIELDS,
  checkPupilRows,
  decodeCsvBytes,
  findDuplicates,
  parseCsv,
  planPupilImport,
  suggestMapping,
  type PupilImportContext,
} from '@shared/import';
import type { Problem, School } from '@shared/model';
import { CareersDeskDb } from '@renderer/db/schema';
import { findStoredMatches, importPupils } from '@renderer/db/import';
import { loadDataset } from '@renderer/db/demo';
import { generateDemoDataset } from '@shared/demo';
import { digestTables } from '../fixtures/db-digest';

const MUTATIONS = 300;
const messy = new Uint8Array(readFileSync(resolve(import.meta.dirname, '../fixtures/mis-pupils-messy.csv')));
const clean = new TextEncoder().encode(
  [
    'Legal Surname,Legal Forename,DOB,Gender,Postcode,SEN Status,FSM Eligible,Notes',
    ...Array.from({ length: 8 }, (_, i) => `Fuzz${i},Pupil${i},0${i + 1}/03/2011,F,CT9 1AA,N,N,"free text, with ""quotes"" ${i}"`),
  ].join('\r\n'),
);
const PALETTE = ['"', ',', '\r\n', '\n', '\r', '""', ';', '\t', '\u0000', 'é', '\uFEFF', '31/02/2011', 'Y', ' ', 'X'];

function mutate(bytes: Uint8Array, random: RandomSource): Uint8Array {
  const copy = [...bytes];
  const at = () => random.int(0, Math.max(0, copy.length - 1));
  const times = random.int(1, 4);
  for (let i = 0; i < times; i++) {
    switch (random.int(0, 5)) {
      case 0:
        copy.splice(at(), random.int(1, 30));
        break;
      case 1:
        copy.splice(at(), 0, ...new TextEncoder().encode(random.pick(PALETTE)));
        break;
      case 2:
        copy.length = at();
        break;
      case 3: {
        const a = at();
        const b = at();
        [copy[a], copy[b]] = [copy[b]!, copy[a]!];
        break;
      }
      case 4:
        copy[at()] = random.int(0, 255);
        break;
      default: {
        const start = at();
        copy.splice(at(), 0, ...copy.slice(start, start + random.int(5, 80)));
      }
    }
  }
  return new Uint8Array(copy);
}

function expectClear(problems: readonly Problem[]): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const problem of problems) {
    expect(problem.field).toMatch(/^[a-zA-Z.]+$/);
    expect(problem.message.length).toBeGreaterThan(10);
    expect(problem.message).not.toMatch(/undefined|NaN|\[object|null/);
    if (problem.row !== undefined) expect(Number.isInteger(problem.row) && problem.row >= 2).toBe(true);
  }
}

describe('a fuzz of mutated CSV files through the import', () => {
  let db: CareersDeskDb;
  let context: PupilImportContext;

  beforeAll(async () => {
    db = new CareersDeskDb('careers-desk-import-fuzz', testDatabaseOptions());
    await db.open();
    const dataset = generateDemoDataset({ seed: 11, today: '2026-11-24', pupils: 40 });
    await loadDataset(db, dataset, null);
    const school: School = dataset.schools[0]!;
    context = { today: '2026-11-24', schools: dataset.schools, defaultSchoolId: school.id };
  });

  afterAll(async () => {
    db.close();
    await db.delete();
  });

  it(`gives a clear answer for each of ${MUTATIONS} mutated files, and changes nothing when it refuses or fails`, async () => {
    const random = createRandom(20261124);
    const outcomes = { fileRefused: 0, rowsRefused: 0, imported: 0, failedMidway: 0 };
    for (let i = 0; i < MUTATIONS; i++) {
      const bytes = mutate(random.chance(0.5) ? messy : clean, random);
      const before = await digestTables(db);
      const decoded = decodeCsvBytes(bytes);
      const parsed = decoded.ok ? parseCsv(decoded.text) : decoded;
      if (!parsed.ok) {
        expectClear(parsed.problems);
        outcomes.fileRefused += 1;
        expect(await digestTables(db)).toEqual(before);
        continue;
      }
      const rows = checkPupilRows(parsed.value, suggestMapping(parsed.value.headers, PUPIL_IMPORT_FIELDS), context);
      for (const row of rows) if (row.problems.length > 0) expectClear(row.problems);
      const findings = findDuplicates(
        rows,
        await findStoredMatches(
          db,
          rows.map((r) => r.keys),
        ),
        PUPIL_DUPLICATE_OPTIONS,
      );
      // Every row as if the adviser chose to add it: the strictest case, since nothing is skipped.
      const plan = planPupilImport(
        rows.map((checked) => ({ checked, choice: 'add', updateTarget: findings.get(checked.row)?.updateTarget ?? null })),
        { leaveOutRowsWithProblems: false },
      );
      if (!plan.ok) {
        expectClear(plan.problems);
        outcomes.rowsRefused += 1;
        expect(await digestTables(db)).toEqual(before);
        continue;
      }
      const count = await db.pupils.count();
      if (random.chance(0.5)) {
        await expect(
          importPupils(db, plan.value.operations, {
            actorId: null,
            fileName: 'fuzz.csv',
            onProgress: () => {
              throw new Error('Power cut');
            },
          }),
        ).rejects.toThrow('Power cut');
        expect(await digestTables(db)).toEqual(before);
        outcomes.failedMidway += 1;
      } else {
        await importPupils(db, plan.value.operations, { actorId: null, fileName: 'fuzz.csv' });
        expect(await db.pupils.count()).toBe(count + plan.value.added);
        outcomes.imported += 1;
      }
    }
    // The mutations reach every outcome, so each path above was exercised.
    expect(outcomes.fileRefused).toBeGreaterThan(10);
    expect(outcomes.rowsRefused).toBeGreaterThan(10);
    expect(outcomes.imported + outcomes.failedMidway).toBeGreaterThan(0);
  }, 120_000);
});
