import { testDatabaseOptions } from './test-database';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EMPLOYER_IMPORT_FIELDS,
  checkEmployerRowAsUpdate,
  checkEmployerRows,
  decodeCsvBytes,
  findDuplicates,
  parseCsv,
  planImport,
  readSector,
  suggestMapping,
  type EmployerMapping,
  type ParsedCsv,
} from '@shared/import';
import { employer } from '../support/factories';
import { CareersDeskDb } from '@renderer/db/schema';
import { findStoredEmployerMatches, importEmployers } from '@renderer/db/import';
import { digestTables } from '../fixtures/db-digest';

function file(): ParsedCsv {
  const decoded = decodeCsvBytes(new Uint8Array(readFileSync(resolve(import.meta.dirname, '../fixtures/employers-messy.csv'))));
  if (!decoded.ok) throw new Error('decode');
  const parsed = parseCsv(decoded.text);
  if (!parsed.ok) throw new Error('parse');
  return parsed.value;
}

describe('importing employers from a CSV list', () => {
  it('reads sectors by name, by a word of their name, or as IT', () => {
    expect(readSector('Hospitality')).toEqual({ ok: true, value: 'hospitality' });
    expect(readSector('Health and social care')).toEqual({ ok: true, value: 'care' });
    expect(readSector('construction')).toEqual({ ok: true, value: 'construction' });
    expect(readSector('IT')).toEqual({ ok: true, value: 'digital' });
    expect(readSector('Underwater basket weaving')).toMatchObject({ ok: false, message: expect.stringContaining('not a sector') });
  });

  it("maps the usual headings, and shows each row's problems in the employer form's words", () => {
    const parsed = file();
    const mapping = suggestMapping(parsed.headers, EMPLOYER_IMPORT_FIELDS) as EmployerMapping;
    expect(mapping).toMatchObject({
      name: 0,
      sector: 1,
      address: 2,
      postcode: 3,
      contactName: 4,
      contactEmail: 5,
      contactPhone: 6,
      offersApprenticeships: 7,
      dbsNeeded: 8,
      notes: 9,
    });
    const rows = checkEmployerRows(parsed, mapping);
    expect(rows.flatMap((r) => r.problems).map((p) => `${p.row} ${p.field}: ${p.message}`)).toEqual([
      '4 contactEmail: Enter an email address like name@example.org',
      '4 offersApprenticeships: "maybe" is not yes or no: use Y or N',
      '5 sector: "Underwater basket weaving" is not a sector Careers Desk knows: ' +
        'use one like Construction, Digital or Health and social care',
    ]);
    expect(rows[0]!.record).toMatchObject({
      name: 'Harbour Cafe, Margate',
      sector: 'hospitality',
      postcode: 'CT9 1AA',
      district: 'thanet',
      offersApprenticeships: true,
      contact: { name: 'Sam Lee', phone: '01843 000000' },
    });
    expect(rows[1]!.record).toMatchObject({
      postcode: 'CT10 2BB',
      requirements: { dbsNeeded: true },
      notes: 'Takes Year 10 only,\r\nnever in August',
    });
    const findings = findDuplicates(rows, []);
    expect(findings.get(6)).toMatchObject({ inFile: [{ row: 2, reason: 'nameAndPostcode' }], defaultChoice: 'skip' });
  });

  it('reads the old public-transport column: "no" as the adviser\'s not reachable, anything else as no judgement', () => {
    const parsed = parseCsv('Name,Sector,Public Transport\nFarm Shop,Retail,no\nHigh Street Bank,Finance,yes\nMill,Retail,\n');
    if (!parsed.ok) throw new Error('parse');
    const mapping = suggestMapping(parsed.value.headers, EMPLOYER_IMPORT_FIELDS) as EmployerMapping;
    const rows = checkEmployerRows(parsed.value, mapping);
    expect(rows.map((r) => r.record?.requirements.publicTransportOverride ?? null)).toEqual([
      { verdict: 'not-reachable', note: 'Imported: not reachable by public transport', recordedOn: '' },
      null,
      null,
    ]);
  });

  describe('into the database', () => {
    let db: CareersDeskDb;
    let counter = 0;
    beforeEach(async () => {
      counter += 1;
      db = new CareersDeskDb(`careers-desk-employer-import-${counter}`, testDatabaseOptions());
      await db.open();
    });
    afterEach(async () => {
      db.close();
      await db.delete();
    });

    it('finds a stored employer by name and postcode, updates only what the file holds, and writes all or nothing', async () => {
      const stored = employer({
        name: 'HARBOUR CAFE, MARGATE',
        sector: 'hospitality',
        postcode: 'CT9 1AA',
        notes: 'Ask for Jo',
        offersTalks: true,
      });
      await db.employers.add(stored);
      const parsed = file();
      const mapping = suggestMapping(parsed.headers, EMPLOYER_IMPORT_FIELDS) as EmployerMapping;
      const rows = checkEmployerRows(parsed, mapping);
      const matches = await findStoredEmployerMatches(
        db,
        rows.map((r) => r.name),
        rows.map((r) => r.keys),
      );
      expect(matches.map((m) => m.id)).toEqual([stored.id]);
      const findings = findDuplicates(rows, matches);
      expect(findings.get(2)).toMatchObject({ stored: [{ recordId: stored.id }], defaultChoice: 'skip', updateTarget: stored.id });

      const asUpdate = checkEmployerRowAsUpdate(parsed, 2, mapping, stored)!;
      expect(asUpdate.record).toMatchObject({
        name: 'Harbour Cafe, Margate',
        notes: 'Ask for Jo',
        offersTalks: true,
        contact: { name: 'Sam Lee' },
      });
      const planned = rows.map((checked) => {
        const choice = checked.row === 2 ? ('update' as const) : checked.row === 6 ? ('skip' as const) : ('add' as const);
        return { checked: checked.row === 2 ? asUpdate : checked, choice, updateTarget: findings.get(checked.row)?.updateTarget ?? null };
      });
      expect(planImport(planned, { leaveOutRowsWithProblems: false }).ok).toBe(false);
      const plan = planImport(planned, { leaveOutRowsWithProblems: true });
      if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
      expect(plan.value).toMatchObject({ added: 1, updated: 1, skipped: 1, leftOut: [4, 5] });

      const before = await digestTables(db);
      await expect(
        importEmployers(db, plan.value.operations, {
          actorId: null,
          fileName: 'employers.csv',
          onProgress: () => {
            throw new Error('Disk full');
          },
        }),
      ).rejects.toThrow('Disk full');
      expect(await digestTables(db)).toEqual(before);

      expect(await importEmployers(db, plan.value.operations, { actorId: null, fileName: 'employers.csv' })).toEqual({
        added: 1,
        updated: 1,
      });
      expect(await db.employers.count()).toBe(2);
      expect((await db.employers.get(stored.id))!.notes).toBe('Ask for Jo');
      const audit = await db.audit.toArray();
      expect(audit.map((e) => e.summary).sort()).toEqual([
        'Added an employer from employers.csv, row 3',
        'Imported employers from employers.csv: 1 added, 1 updated',
        "Updated an employer's record from employers.csv, row 2",
      ]);
    });
  });
});
