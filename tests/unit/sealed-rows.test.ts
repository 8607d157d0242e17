// shared/crypto/sealed-rows.ts: what a record looks like at rest, and that only the right key opens it.
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import {
  newDataKey,
  openBytes,
  openRow,
  openRowAhead,
  openRowsAhead,
  sealBytes,
  sealRow,
  sealRowsAhead,
  SealedRecordError,
  SEALED_PROPERTY,
  SEALED_TABLES,
} from '@shared/crypto/sealed-rows';
import { CareersDeskDb } from '@renderer/db/schema';
import { PUPIL_LIST_STAMP_KEY } from '@renderer/db/pupil-list-stamp';
import type { Pupil } from '@shared/model';
import { TEST_DATA_KEY, testDatabaseOptions } from './test-database';

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

describe('sealing ahead with Web Crypto (sealRowsAhead, openRowAhead), for bulk writes', () => {
  const rows: Record<string, unknown>[] = [pupil, { ...pupil, id: 'p-2', legalForename: 'Ottoline', notes: undefined }, { id: 'p-3' }];

  it('makes rows laid out as sealRow makes them, which openRow opens', async () => {
    const ahead = await sealRowsAhead('pupils', rows, key);
    rows.forEach((row, at) => {
      const stored = ahead[at] as Record<string, unknown>;
      const synchronous = sealRow('pupils', row, key);
      expect(Object.keys(stored).sort()).toEqual(Object.keys(synchronous).sort());
      // IV first, then ciphertext and tag: the same length as the synchronous cipher's for the same record.
      expect((stored[SEALED_PROPERTY] as Uint8Array).length).toBe((synchronous[SEALED_PROPERTY] as Uint8Array).length);
      // A field left undefined is not stored, as with sealRow.
      expect(openRow('pupils', stored, key)).toStrictEqual(
        Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined)),
      );
    });
    const text = new TextDecoder('latin1').decode((ahead[0] as Record<string, unknown>)[SEALED_PROPERTY] as Uint8Array);
    for (const secret of ['Zephyrine', 'Quillfeather', 'A123456789012']) expect(text).not.toContain(secret);
    // Fresh IVs, row by row.
    const ivs = ahead.map((row) => Array.from((row[SEALED_PROPERTY] as Uint8Array).subarray(0, 12)).join());
    expect(new Set(ivs).size).toBe(rows.length);
  });

  it('opens what sealRow made, and refuses a wrong key or a sealed value moved onto another record', async () => {
    const stored = sealRow('pupils', pupil, key);
    expect(await openRowAhead('pupils', stored, key)).toEqual(pupil);
    await expect(openRowAhead('pupils', stored, newDataKey())).rejects.toBeInstanceOf(SealedRecordError);
    await expect(openRowAhead('pupils', { ...stored, id: 'p-2' }, key)).rejects.toThrow(/pupils p-2/);
    const [ahead] = await sealRowsAhead('settings', [{ key: 'service', value: { name: 'Kent' } }], key);
    await expect(openRowAhead('settings', { ...ahead, key: 'other' }, key)).rejects.toBeInstanceOf(SealedRecordError);
    expect(openRow('settings', ahead, key)).toEqual({ key: 'service', value: { name: 'Kent' } });
  });

  it('opens many rows over several rounds (openRowsAhead), in order, leaving missing rows missing, refusing a damaged one', async () => {
    const many = Array.from({ length: 700 }, (_, at) => ({ ...pupil, id: `p-${at}`, legalForename: `Forename ${at}` }));
    const stored: unknown[] = await sealRowsAhead('pupils', many, key);
    stored[5] = undefined;
    const opened = await openRowsAhead('pupils', stored, key);
    expect(opened).toHaveLength(700);
    expect(opened).toEqual(many.map((row, at) => (at === 5 ? undefined : row)));
    // A row of a later round damaged: the whole opening fails, naming that record.
    const damaged = (stored[600] as Record<string, unknown>)[SEALED_PROPERTY] as Uint8Array;
    stored[600] = {
      ...(stored[600] as Record<string, unknown>),
      [SEALED_PROPERTY]: damaged.map((byte, at) => (at === 30 ? byte ^ 1 : byte)),
    };
    await expect(openRowsAhead('pupils', stored, key)).rejects.toThrow(/pupils p-600/);
  });

  it('stops between rounds when its signal is aborted', async () => {
    const stop = new AbortController();
    stop.abort(new Error('Stopped'));
    await expect(sealRowsAhead('pupils', rows, key, { signal: stop.signal })).rejects.toThrow('Stopped');
  });

  it('is stored as it is by sealRow, while a sealed value beside any field not on the clear list is refused', async () => {
    const [ahead] = (await sealRowsAhead('pupils', [pupil], key)) as [Record<string, unknown>];
    expect(sealRow('pupils', ahead, key)).toBe(ahead);
    // Nothing secret may pass in clear next to a sealed value, nor a "sealed" that holds no bytes.
    expect(() => sealRow('pupils', { ...ahead, legalSurname: 'Quillfeather' }, key)).toThrow(/may not have a field named "sealed"/);
    expect(() => sealRow('pupils', { ...pupil, sealed: 'not bytes' }, key)).toThrow(/may not have a field named "sealed"/);
  });
});

describe('the encryption middleware with rows sealed ahead', () => {
  it('stores them as they are, opens them on reading, renews the stamp, and refuses one with a secret field in clear', async () => {
    const name = 'careers-desk-sealed-ahead';
    const db = new CareersDeskDb(name, testDatabaseOptions());
    const raw = new CareersDeskDb(name, { unencryptedForBenchComparison: true });
    try {
      await db.open();
      const stamp = async () => (await db.settings.get(PUPIL_LIST_STAMP_KEY))?.value;
      await db.settings.put({ key: PUPIL_LIST_STAMP_KEY, value: '' });
      const before = await stamp();
      const [ahead] = (await sealRowsAhead('pupils', [pupil], TEST_DATA_KEY)) as [Record<string, unknown>];
      await db.pupils.bulkAdd([ahead as unknown as Pupil]);
      expect(await db.pupils.get('p-1')).toEqual(pupil);
      await raw.open();
      const stored = (await raw.pupils.get('p-1')) as unknown as Record<string, unknown>;
      expect(stored[SEALED_PROPERTY]).toEqual(ahead[SEALED_PROPERTY]);
      expect(JSON.stringify(stored)).not.toContain('Quillfeather');
      expect(await stamp()).not.toBe(before);

      const leaking = { ...ahead, id: 'p-9', legalSurname: 'Quillfeather' } as unknown as Pupil;
      await expect(db.pupils.put(leaking)).rejects.toThrow(/may not have a field named "sealed"/);
      expect(await raw.pupils.get('p-9')).toBeUndefined();
    } finally {
      db.close();
      raw.close();
      await Dexie.delete(name);
    }
  });
});
