// shared/crypto/sealed-rows.ts: what a record looks like at rest, and that only the right key opens it.
import { describe, expect, it } from 'vitest';
import { newDataKey, openBytes, openRow, sealBytes, sealRow, SEALED_PROPERTY, SEALED_TABLES } from '@shared/crypto/sealed-rows';
import { CareersDeskDb } from '@renderer/db/schema';
import { testDatabaseOptions } from './test-database';

const key = newDataKey();
const pupil = {
  id: 'p-1',
  schoolId: 's-1',
  district: 'thanet',
  updatedAt: '2026-11-24T09:00:00.000Z',
  legalForename: 'Zephyrine',
  legalSurname: 'Quillfeather',
  upn: 'A123456789012',
  dateOfBirth: '2011-03-04',
  notes: 'Asked about apprenticeships in boat building',
};

describe('sealing a record', () => {
  it('keeps the allowlisted fields in clear, seals the rest, and opens to the same record', () => {
    const stored = sealRow('pupils', pupil, key);
    expect(stored).toMatchObject({ id: 'p-1', schoolId: 's-1', updatedAt: pupil.updatedAt });
    // Where they live is sealed too (since version 7 no index needs it in clear).
    expect(Object.keys(stored).sort()).toEqual(['id', SEALED_PROPERTY, 'schoolId', 'updatedAt'].sort());
    const text = new TextDecoder('latin1').decode(stored[SEALED_PROPERTY] as Uint8Array);
    for (const secret of ['Zephyrine', 'Quillfeather', 'A123456789012', '2011-03-04', 'boat building', 'thanet'])
      expect(text).not.toContain(secret);
    expect(openRow('pupils', stored, key)).toEqual(pupil);
  });

  it('seals a field nobody has listed yet (allowlist, not denylist)', () => {
    const stored = sealRow('pupils', { ...pupil, someNewField: 'Quillfeather again' }, key);
    expect(stored).not.toHaveProperty('someNewField');
    expect(openRow('pupils', stored, key)).toMatchObject({ someNewField: 'Quillfeather again' });
  });

  it('refuses a wrong key, a changed byte, or a sealed value moved onto another record, naming the record', () => {
    const stored = sealRow('pupils', pupil, key);
    expect(() => openRow('pupils', stored, newDataKey())).toThrow('A stored record (pupils p-1) could not be opened');
    const tampered = (stored[SEALED_PROPERTY] as Uint8Array).slice();
    tampered[20] = (tampered[20] ?? 0) ^ 1;
    expect(() => openRow('pupils', { ...stored, [SEALED_PROPERTY]: tampered }, key)).toThrow(/could not be opened/);
    expect(() => openRow('pupils', { ...stored, id: 'p-2' }, key)).toThrow(/pupils p-2/);
  });

  it('uses a fresh IV each time, and passes a row written before sealing through as it is', () => {
    const a = sealRow('pupils', pupil, key)[SEALED_PROPERTY] as Uint8Array;
    const b = sealRow('pupils', pupil, key)[SEALED_PROPERTY] as Uint8Array;
    expect(a.subarray(0, 12)).not.toEqual(b.subarray(0, 12));
    expect(openRow('pupils', pupil, key)).toBe(pupil);
  });

  it('says clearly what is wrong with a key of the wrong size or a value too short', () => {
    expect(() => sealBytes(new Uint8Array(16), new Uint8Array(1))).toThrow('The data key must be 32 bytes, not 16');
    expect(() => openBytes(key, new Uint8Array(5))).toThrow('too short');
  });

  it('keeps in clear every field an index of the database needs', () => {
    const db = new CareersDeskDb('careers-desk-sealed-indexes', testDatabaseOptions());
    for (const [table, spec] of Object.entries(SEALED_TABLES)) {
      const schema = db.table(table).schema;
      const paths = [schema.primKey, ...schema.indexes].flatMap((index) =>
        Array.isArray(index.keyPath) ? index.keyPath : [index.keyPath],
      );
      const clear: readonly string[] = spec.clear;
      for (const path of paths) expect(clear, `${table}.${String(path)}`).toContain(path);
    }
  });
});
