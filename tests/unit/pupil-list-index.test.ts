import { testDatabaseOptions } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CareersDeskDb } from '@renderer/db/schema';
import { erasePupil, findPupils, savePupil, type PupilInput } from '@renderer/db/pupils';
import { loadDataset } from '@renderer/db/demo';
import { onPupilListChange } from '@renderer/db/pupil-list';
import { generateDemoDataset } from '@shared/demo';
import { createRandom } from '@shared/random';
import { searchWordsFor, type Pupil } from '@shared/model';
import { PupilListIndex, PupilListIndexBuilder, PupilListRowsCollector } from '@shared/pupils/list-index';
import { yearGroupOf } from '@shared/academic-year';
import {
  emptyPupilFilters,
  filtersChosen,
  keepsEveryone,
  matchesFilters,
  sortPupils,
  type PupilFilters,
  type PupilSort,
} from '@shared/pupils/list';

const TODAY = '2026-11-24';
const dataset = generateDemoDataset({ seed: 7, today: TODAY, pupils: 400, sessionsPerPupil: 1 });
const SORTS: PupilSort[] = ['name', 'year-group', 'risk', 'last-guidance'];

/** What the list must show: every match, in the order sortPupils gives. */
function expected(all: Pupil[], filters: PupilFilters, sort: PupilSort, today = TODAY): string[] {
  return sortPupils(
    all.filter((p) => matchesFilters(p, filters, today)),
    sort,
  ).map((p) => p.id);
}

function randomFilters(random: ReturnType<typeof createRandom>, pupils: Pupil[], today: string): PupilFilters {
  const someone = random.pick(pupils);
  const word = random.pick(someone.searchWords);
  const text = random.pick([
    '',
    word.slice(0, 1),
    word.slice(0, 2),
    word,
    `${word.slice(0, 2)} ${someone.searchWords[0]?.slice(0, 1) ?? ''}`,
    (someone.upn ?? '').slice(0, 4),
    'zzq',
  ]);
  return {
    ...emptyPupilFilters(),
    text,
    schoolId: random.next() < 0.2 ? someone.schoolId : null,
    yearGroup: random.next() < 0.2 ? (random.next() < 0.2 ? 'left' : yearGroupOf(someone, today)) : null,
    riskBand: random.next() < 0.15 ? random.pick(['low', 'medium', 'high'] as const) : null,
    homeEducatedOnly: random.next() < 0.1,
    noGuidanceYet: random.next() < 0.1,
  };
}

describe('the pupil list index (shared/pupils/list-index)', () => {
  it('answers every filter and sort exactly as filtering and sorting the whole caseload would', () => {
    const index = new PupilListIndex();
    index.replaceAll(dataset.pupils);
    const random = createRandom(11);
    let nonEmpty = 0;
    for (let round = 0; round < 300; round++) {
      // Today, and two academic years on (when the Year 12s and 13s have left school).
      const today = round % 2 === 0 ? TODAY : '2028-10-02';
      const filters = randomFilters(random, dataset.pupils, today);
      const sort = random.pick(SORTS);
      const found = index.find(filters, sort, today).map((p) => p.id);
      expect(found, JSON.stringify({ filters, sort, today })).toEqual(expected(dataset.pupils, filters, sort, today));
      if (found.length > 0) nonEmpty += 1;
    }
    // The comparison means something only if most queries found somebody.
    expect(nonEmpty).toBeGreaterThan(150);
  });

  it('built from batches in any order (as a read in record order gives them), answers as one built all at once', () => {
    const random = createRandom(23);
    const shuffled = [...dataset.pupils].sort(() => random.next() - 0.5);
    for (const batch of [1, 7, 64, 1000]) {
      const builder = new PupilListIndexBuilder();
      for (let at = 0; at < shuffled.length; at += batch) builder.add(shuffled.slice(at, at + batch));
      builder.add([]);
      // The first screen of a snapshot, from rows collected batch by batch without an index, and from the index.
      const firstByName = expected(dataset.pupils, emptyPupilFilters(), 'name').slice(0, 30);
      const collector = new PupilListRowsCollector(30);
      for (let at = 0; at < shuffled.length; at += batch) collector.add(shuffled.slice(at, at + batch));
      expect(
        collector.firstByName().map((p) => p.id),
        `first screen, batches of ${batch}`,
      ).toEqual(firstByName);
      expect(collector.rows().map((p) => p.id)).toEqual(shuffled.map((p) => p.id));
      const index = new PupilListIndex();
      index.adopt(builder);
      const blank = emptyPupilFilters();
      for (const sort of SORTS) {
        expect(
          index.find(blank, sort, TODAY).map((p) => p.id),
          `batches of ${batch}, ${sort}`,
        ).toEqual(expected(dataset.pupils, blank, sort));
      }
      expect(index.rows()).toHaveLength(dataset.pupils.length);
      expect(index.firstByName(30).map((p) => p.id)).toEqual(firstByName);
    }
    const empty = new PupilListIndex();
    empty.adopt(new PupilListIndexBuilder());
    expect(empty.find(emptyPupilFilters(), 'name', TODAY)).toEqual([]);
  });

  it('gives everyone, in each sort, when nothing is typed or chosen, and only then', () => {
    const index = new PupilListIndex();
    index.replaceAll(dataset.pupils);
    const blank = { ...emptyPupilFilters(), text: '   ' };
    expect(keepsEveryone(blank)).toBe(true);
    for (const sort of SORTS) expect(index.find(blank, sort, TODAY).map((p) => p.id)).toEqual(expected(dataset.pupils, blank, sort));
    expect(index.find(blank, 'name', TODAY)).toHaveLength(dataset.pupils.length);
    const someone = dataset.pupils.find((p) => p.schoolId !== null)!;
    const narrowing: Partial<PupilFilters>[] = [
      { text: 'a' },
      { schoolId: someone.schoolId },
      { yearGroup: 10 },
      { district: 'thanet' },
      { riskBand: 'high' },
      { homeEducatedOnly: true },
      { noGuidanceYet: true },
    ];
    for (const change of narrowing) expect(keepsEveryone({ ...emptyPupilFilters(), ...change }), JSON.stringify(change)).toBe(false);
  });

  it('counts the filters chosen besides the search box, for the "More filters (2 set)" button', () => {
    expect(filtersChosen({ ...emptyPupilFilters(), text: 'Ali' })).toBe(0);
    expect(filtersChosen({ ...emptyPupilFilters(), yearGroup: 'left', homeEducatedOnly: true })).toBe(2);
    expect(filtersChosen({ ...emptyPupilFilters(), yearGroup: 0 })).toBe(1);
    const all = { ...emptyPupilFilters(), schoolId: 's', yearGroup: 11, district: 'thanet', riskBand: 'high' as const };
    expect(filtersChosen({ ...all, homeEducatedOnly: true, noGuidanceYet: true })).toBe(6);
  });

  it('stays right as records are added, renamed and removed one at a time', () => {
    const index = new PupilListIndex();
    const [first, ...rest] = dataset.pupils;
    index.replaceAll(rest.slice(0, 200));
    const held = new Map(rest.slice(0, 200).map((p) => [p.id, p]));
    const random = createRandom(5);
    for (let step = 0; step < 200; step++) {
      const roll = random.next();
      if (roll < 0.4) {
        const added = rest[200 + step] ?? (first as Pupil);
        index.upsert(added);
        held.set(added.id, added);
      } else if (roll < 0.7) {
        const victim = random.pick([...held.values()]);
        index.remove(victim.id);
        held.delete(victim.id);
      } else {
        const renamed = random.pick([...held.values()]);
        const changed = { ...renamed, preferredSurname: random.pick(['Ábel', 'Zoë', "O'Brien", 'Smith-Jones', 'aaron']) };
        const withWords = { ...changed, searchWords: searchWordsFor(changed) };
        index.upsert(withWords);
        held.set(withWords.id, withWords);
      }
    }
    expect(index.size).toBe(held.size);
    const all = [...held.values()];
    for (const text of ['', 'a', 'ab', 'zo', 'o', 'smith', 'jones', "o'b"]) {
      for (const sort of SORTS) {
        const filters = { ...emptyPupilFilters(), text };
        expect(
          index.find(filters, sort, TODAY).map((p) => p.id),
          `${text} ${sort}`,
        ).toEqual(expected(all, filters, sort));
      }
    }
  });

  it('sorts accented names with the unaccented ones', () => {
    const [a, b] = dataset.pupils as [Pupil, Pupil];
    const zoe = { ...a, preferredSurname: 'Zoë', preferredForename: 'Ann' };
    const zoa = { ...b, preferredSurname: 'Zoa', preferredForename: 'Ann' };
    expect(sortPupils([zoe, zoa], 'name').map((p) => p.preferredSurname)).toEqual(['Zoa', 'Zoë']);
  });
});

describe('the pupil list read from the database (renderer/src/db/pupil-list)', () => {
  let db: CareersDeskDb;
  let counter = 0;

  beforeEach(async () => {
    counter += 1;
    db = new CareersDeskDb(`careers-desk-list-${counter}`, testDatabaseOptions());
    await db.open();
  });

  afterEach(async () => {
    db.close();
    await db.delete();
  });

  function inputFrom(pupil: Pupil, overrides: Partial<PupilInput> = {}): PupilInput {
    const { createdAt: _c, updatedAt: _u, searchWords: _s, ...fields } = pupil;
    return { ...fields, ...overrides };
  }

  it('follows saves, renames, erasure and bulk loads, and says when pupils change', async () => {
    const filters = emptyPupilFilters();
    expect(await findPupils(db, filters, 'name', TODAY)).toEqual([]);
    let changes = 0;
    const stop = onPupilListChange(db, () => {
      changes += 1;
    });

    const [one, two] = dataset.pupils as [Pupil, Pupil];
    await savePupil(db, inputFrom(one, { preferredSurname: 'Quennell' }), null);
    expect((await findPupils(db, { ...filters, text: 'quen' }, 'name', TODAY)).map((p) => p.id)).toEqual([one.id]);
    expect(changes).toBe(1);

    await savePupil(db, inputFrom(one, { preferredSurname: 'Marlow' }), null);
    expect(await findPupils(db, { ...filters, text: 'quen' }, 'name', TODAY)).toEqual([]);
    expect((await findPupils(db, { ...filters, text: 'marl' }, 'name', TODAY))[0]?.preferredSurname).toBe('Marlow');

    await savePupil(db, inputFrom(two), null);
    await erasePupil(db, one.id, null);
    expect((await findPupils(db, filters, 'name', TODAY)).map((p) => p.id)).toEqual([two.id]);
    expect(changes).toBe(4);

    // More than 500 changed records are not patched one by one: the index reads everything again.
    await loadDataset(db, generateDemoDataset({ seed: 8, today: TODAY, pupils: 600, sessionsPerPupil: 1 }), null);
    const all = await db.pupils.toArray();
    expect((await findPupils(db, filters, 'risk', TODAY)).map((p) => p.id)).toEqual(sortPupils(all, 'risk').map((p) => p.id));
    const heard = changes;
    stop();
    await savePupil(db, inputFrom(two, { preferredSurname: 'Afterwards' }), null);
    expect(changes).toBe(heard);
    expect((await findPupils(db, { ...filters, text: 'afterw' }, 'name', TODAY)).map((p) => p.id)).toEqual([two.id]);
  });

  it('moves a young person saved in July into the next year group in September, with nothing written', async () => {
    const july = '2026-07-15';
    const [one, two] = dataset.pupils as [Pupil, Pupil];
    // Born in June 2011: Year 10 in 2025/26. The other was held back a year by hand that July.
    const born2011 = await savePupil(
      db,
      inputFrom(one, { dateOfBirth: '2011-06-20', yearGroupOverride: null, leftOn: null }),
      null,
      new Date(`${july}T10:00:00`),
    );
    const heldBack = await savePupil(
      db,
      inputFrom(two, { dateOfBirth: '2011-02-01', yearGroupOverride: { yearGroup: 9, academicYearStart: 2025 }, leftOn: null }),
      null,
      new Date(`${july}T10:00:00`),
    );
    const yearOf = async (yearGroup: number | 'left', day: string) =>
      (await findPupils(db, { ...emptyPupilFilters(), yearGroup }, 'name', day)).map((p) => p.id);
    expect(await yearOf(10, july)).toEqual([born2011.id]);
    expect(await yearOf(9, july)).toEqual([heldBack.id]);

    let changes = 0;
    const stop = onPupilListChange(db, () => {
      changes += 1;
    });
    const auditBefore = await db.audit.count();
    const september = '2026-09-01';
    expect(await yearOf(11, september)).toEqual([born2011.id]);
    expect(await yearOf(10, september)).toEqual([heldBack.id]);
    expect(await yearOf(10, '2026-08-31')).toEqual([born2011.id]);
    // Two years on, Year 13; three years on, past Year 13: shown as left school, not Year 14.
    expect(await yearOf(13, '2028-09-01')).toEqual([born2011.id]);
    expect(await yearOf('left', '2029-09-01')).toEqual([born2011.id]);
    expect(await yearOf(14, '2029-09-01')).toEqual([born2011.id]);
    stop();
    // Nothing was written to move them on: the records and the audit log are as they were.
    expect(changes).toBe(0);
    expect(await db.audit.count()).toBe(auditBefore);
    expect((await db.pupils.get(born2011.id))?.updatedAt).toBe(born2011.updatedAt);
    expect(await db.pupils.get(heldBack.id)).toEqual(heldBack);
  });

  it('sees what another connection to the same database wrote', async () => {
    expect(await findPupils(db, emptyPupilFilters(), 'name', TODAY)).toEqual([]);
    const other = new CareersDeskDb(db.name, testDatabaseOptions());
    await other.open();
    const [one] = dataset.pupils as [Pupil];
    await savePupil(other, inputFrom(one), null);
    expect((await findPupils(db, emptyPupilFilters(), 'name', TODAY)).map((p) => p.id)).toEqual([one.id]);
    other.close();
  });
});
