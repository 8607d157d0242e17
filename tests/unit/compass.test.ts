// The Compass evaluation helper (shared/compass): the termly measuring days, the figures as at a day
// (31 March against 1 April, the academic year's turn on 1 September, a school with no Year 11), and
// snapshots kept once per school and day (renderer/src/db/compass).
import { afterEach, describe, expect, it } from 'vitest';
import { compassSnapshotSchema, destinationEntrySchema, type DestinationEntry, type GuidanceSession, type Pupil } from '@shared/model';
import {
  compassEvaluation,
  compassFigureText,
  compassPercent,
  compassTermDates,
  dueSnapshotDate,
  latestTermDate,
  snapshotFigures,
  type CompassRow,
  type CompassSource,
} from '@shared/compass';
import { CareersDeskDb } from '@renderer/db/schema';
import { compassSnapshotsOf, saveCompassSnapshot } from '@renderer/db/compass';
import { buildCompassDocument } from '@shared/pdf';
import { createFactories } from '../support/factories';
import { pdfText, renderPdf } from '../support/pdf-node';
import { testDatabaseOptions } from './test-database';

let serial = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`;
const stamp = '2027-01-15T09:00:00.000Z';
const make = createFactories({ ids: { uuid }, stamp });

const school = make.school({ name: 'Margate Harbour School', district: 'thanet', phase: 'secondary-with-sixth-form' });
const other = make.school({ name: 'Chatham Hill Academy', district: 'medway', phase: 'secondary-with-sixth-form' });
const qualified = make.adviser({ name: 'Quinn Adviser', role: 'careers-adviser', qualificationLevel: 'level-6-or-above' });

/** Born so as to be in this year group in 2026/27. */
const bornFor = (yearGroup: number) => `${2026 - yearGroup - 5}-11-15`;
const pupil = (name: string, yearGroup: number, fields: Partial<Pupil> = {}): Pupil =>
  make.pupil({ legalForename: name, legalSurname: 'Testperson', dateOfBirth: bornFor(yearGroup), schoolId: school.id, ...fields });

const amy = pupil('Amy', 11); // intended destination recorded on 31 March; a guidance meeting on 31 March
const bea = pupil('Bea', 11); // intended destination recorded on 1 April
const cal = pupil('Cal', 11, { leftOn: '2027-02-01' }); // left the school in February
const dan = pupil('Dan', 12, { leftOn: '2026-07-20' }); // left Year 11 in summer 2026; his activity recorded in September
const eve = pupil('Eve', 12); // left Year 11 in summer 2026, stayed on; nothing recorded since
const fin = pupil('Fin', 9); // an employer encounter in October
const gil = pupil('Gil', 11, { schoolId: other.id, intendedDestination: '230' }); // another school
const hal = pupil('Hal', 11, { homeEducated: true }); // home educated: not the school's

function entry(fields: Record<string, unknown>): DestinationEntry {
  return destinationEntrySchema.parse({ id: uuid(), createdAt: stamp, updatedAt: stamp, source: 'school', ...fields });
}
const session = (who: Pupil, date: string, fields: Partial<GuidanceSession> = {}) =>
  make.session({
    pupilId: who.id,
    adviserId: qualified.id,
    date,
    kind: 'personal-guidance',
    mode: 'in-person',
    durationMinutes: 30,
    ...fields,
  });

const source: CompassSource = {
  schools: [school, other],
  advisers: [qualified],
  pupils: [amy, bea, cal, dan, eve, fin, gil, hal],
  sessions: [
    session(amy, '2027-03-31'),
    session(fin, '2026-10-01', {
      kind: 'group',
      encounters: [{ kind: 'employer', name: 'Port of Ramsgate', employerId: null, providerId: null }],
    }),
  ],
  experiences: [],
  destinations: [
    entry({ pupilId: amy.id, kind: 'intended', code: '230', recordedOn: '2027-03-31' }),
    entry({ pupilId: bea.id, kind: 'intended', code: '310', recordedOn: '2027-04-01' }),
    entry({ pupilId: cal.id, kind: 'intended', code: '230', recordedOn: '2026-10-01' }),
    entry({ pupilId: dan.id, kind: 'activity', code: '230', recordedOn: '2026-09-15', startOn: '2026-09-07' }),
    entry({ pupilId: gil.id, kind: 'intended', code: '230', recordedOn: '2026-10-01' }),
  ],
};

function figure(rows: readonly CompassRow[], measure: string): CompassRow {
  const found = rows.find((r) => r.measure === measure);
  if (!found) throw new Error(`No figure ${measure}`);
  return found;
}
const asAt = (day: string) => compassEvaluation(source, { schoolId: school.id, asAt: day });

describe('the termly measuring days', () => {
  it('are 31 December, 31 March and 31 July of each academic year', () => {
    expect(compassTermDates(2026)).toEqual(['2026-12-31', '2027-03-31', '2027-07-31']);
  });

  it('the last one on or before a day: 31 March is its own, 30 March goes back to 31 December', () => {
    expect(latestTermDate('2027-03-31')).toBe('2027-03-31');
    expect(latestTermDate('2027-03-30')).toBe('2026-12-31');
    expect(latestTermDate('2027-04-01')).toBe('2027-03-31');
    expect(latestTermDate('2027-01-01')).toBe('2026-12-31');
    // The autumn, before the first of the new academic year's: 31 July of the one before.
    expect(latestTermDate('2026-09-01')).toBe('2026-07-31');
    expect(latestTermDate('2026-12-30')).toBe('2026-07-31');
    expect(latestTermDate('2027-08-31')).toBe('2027-07-31');
  });

  it('a snapshot is due for the last one until it is kept', () => {
    expect(dueSnapshotDate('2027-04-10', [])).toBe('2027-03-31');
    expect(dueSnapshotDate('2027-04-10', [{ takenOn: '2026-12-31' }])).toBe('2027-03-31');
    expect(dueSnapshotDate('2027-04-10', [{ takenOn: '2027-03-31' }])).toBeNull();
    // A snapshot taken on another day (a "now" one) does not stand for the termly one.
    expect(dueSnapshotDate('2027-04-10', [{ takenOn: '2027-04-02' }])).toBe('2027-03-31');
  });
});

describe('the figures as at a day', () => {
  it('count what was recorded by the end of 31 March, and on 1 April what came on 1 April', () => {
    const march = asAt('2027-03-31');
    // Year 11 on the roll: Amy and Bea (Cal left in February; Gil is at another school; Hal is home educated).
    expect(figure(march, 'year-11-planned')).toMatchObject({ benchmark: 3, numerator: 1, denominator: 2 });
    expect(figure(march, 'year-11-guidance')).toMatchObject({ benchmark: 8, numerator: 1, denominator: 2 });
    const april = asAt('2027-04-01');
    expect(figure(april, 'year-11-planned')).toMatchObject({ numerator: 2, denominator: 2 });
    const day = asAt('2027-03-30');
    expect(figure(day, 'year-11-planned')).toMatchObject({ numerator: 0, denominator: 2 });
    expect(figure(day, 'year-11-guidance')).toMatchObject({ numerator: 0, denominator: 2 });
  });

  it('count a young person who left later but not one who had left by the day', () => {
    expect(figure(asAt('2027-01-31'), 'year-11-planned')).toMatchObject({ numerator: 1, denominator: 3 });
    expect(figure(asAt('2027-02-01'), 'year-11-planned')).toMatchObject({ numerator: 0, denominator: 2 });
  });

  it("count last summer's Year 11 leavers, on the roll or not, with a destination recorded since", () => {
    expect(figure(asAt('2026-12-31'), 'left-1-years-ago')).toMatchObject({ benchmark: 3, numerator: 1, denominator: 2 });
    expect(figure(asAt('2026-12-31'), 'left-1-years-ago').label).toContain('summer 2026');
    // Before Dan's activity was recorded.
    expect(figure(asAt('2026-09-14'), 'left-1-years-ago')).toMatchObject({ numerator: 0, denominator: 2 });
  });

  it('turn with the academic year on 1 September: this Year 11 become last summer\u2019s leavers, and the school has no Year 11', () => {
    const august = asAt('2027-08-31');
    expect(figure(august, 'year-11-planned')).toMatchObject({ numerator: 2, denominator: 2 });
    expect(figure(august, 'year-9-employer')).toMatchObject({ numerator: 1, denominator: 1 });
    const september = asAt('2027-09-01');
    const noYear11 = figure(september, 'year-11-planned');
    expect(noYear11).toMatchObject({ numerator: 0, denominator: 0 });
    expect(compassPercent(noYear11)).toBeNull();
    expect(compassFigureText(noYear11)).toBe('Nobody to count');
    expect(figure(september, 'year-11-guidance').denominator).toBe(0);
    // Amy, Bea (and Cal, who left in February, but was in Year 11 that summer) are now last summer's leavers.
    expect(figure(september, 'left-1-years-ago')).toMatchObject({ numerator: 0, denominator: 3 });
    expect(figure(september, 'left-2-years-ago')).toMatchObject({ numerator: 1, denominator: 2 });
    // A new academic year: Fin is in Year 10, and his October encounter was last year's.
    expect(figure(september, 'year-10-employer')).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it('say what Careers Desk does not record, and give every benchmark in order', () => {
    const rows = asAt('2027-03-31');
    expect([...new Set(rows.map((r) => r.benchmark))]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const benchmark of [1, 2, 4]) {
      const row = rows.find((r) => r.benchmark === benchmark);
      expect(row).toMatchObject({ numerator: null, denominator: null });
      expect(row && compassFigureText(row)).toBe('Not recorded in Careers Desk');
    }
    expect(compassFigureText(figure(rows, 'year-11-planned'))).toBe('1 of 2 (50%)');
  });
});

describe('snapshots kept', () => {
  let db: CareersDeskDb | null = null;
  afterEach(async () => {
    db?.close();
    await db?.delete();
    db = null;
  });

  it('one per school and day: taking it again replaces it, each write audited', async () => {
    db = new CareersDeskDb('careers-desk-compass-snapshots', testDatabaseOptions());
    const figures = snapshotFigures(asAt('2027-03-31'));
    const first = await saveCompassSnapshot(
      db,
      { schoolId: school.id, schoolName: school.name, takenOn: '2027-03-31', figures },
      null,
      new Date('2027-04-02T10:00:00Z'),
    );
    const again = snapshotFigures(asAt('2027-04-01'));
    const second = await saveCompassSnapshot(
      db,
      { schoolId: school.id, schoolName: school.name, takenOn: '2027-03-31', figures: again },
      null,
      new Date('2027-04-03T10:00:00Z'),
    );
    await saveCompassSnapshot(db, { schoolId: school.id, schoolName: school.name, takenOn: '2026-12-31', figures }, null, new Date());
    const kept = await compassSnapshotsOf(db, school.id);
    expect(kept.map((s) => s.takenOn)).toEqual(['2027-03-31', '2026-12-31']);
    expect(second.id).toBe(first.id);
    expect(kept[0]?.figures.find((f) => f.measure === 'year-11-planned')?.numerator).toBe(2);
    expect(await compassSnapshotsOf(db, other.id)).toEqual([]);
    const audits = (await db.audit.toArray()).filter((entry) => entry.entity === 'compass-snapshot');
    expect(audits.map((a) => a.action).sort()).toEqual(['create', 'create', 'update']);
    expect(audits.every((a) => a.pupilId === null)).toBe(true);
  });
});

describe('the PDF', () => {
  it('prints every benchmark with its figures and the snapshots beside, each table kept whole, and names nobody', async () => {
    const rows = asAt('2027-04-10');
    const earlier = [
      compassSnapshotSchema.parse({
        id: uuid(),
        createdAt: stamp,
        updatedAt: stamp,
        schoolId: school.id,
        takenOn: '2027-03-31',
        figures: snapshotFigures(asAt('2027-03-31')),
      }),
    ];
    const doc = buildCompassDocument({
      schoolName: school.name,
      asAt: '2027-04-10',
      rows,
      earlier,
      service: null,
      now: '2027-04-10T09:00:00',
    });
    const blocks = (doc.content as { unbreakable?: boolean; stack?: unknown[] }[]).filter((c) => c.stack && c.unbreakable !== undefined);
    expect(blocks).toHaveLength(8);
    expect(blocks.every((b) => b.unbreakable)).toBe(true);
    const text = (await pdfText(await renderPdf(doc))).join('\n');
    expect(text).toContain('Figures for the Compass evaluation');
    expect(text).toContain('Margate Harbour School, as at 10/04/2027');
    expect(text).toContain('Snapshot 31/03/2027');
    expect(text).toContain('Benchmark 8: Personal guidance');
    expect(text).toContain('2 of 2 (100%)'); // Year 11 planned destinations now
    expect(text).toContain('1 of 2 (50%)'); // and as at 31 March
    expect(text).toContain('Not recorded in Careers Desk');
    for (const p of source.pupils) expect(text).not.toContain(p.legalForename);
  });
});
