/**
 * The screens' long jobs on the bench page (issue 21, item 1): a 10,000-row CSV import, confirming a
 * cohort allocation, building the aggregate return (with its tidy data), the destinations file and a
 * school's Compass figures. Each runs as its screen runs it (the import through the import screen's own
 * state, the rest through the same worker jobs), against a database holding the data set at this size;
 * the figure that matters is the longest main-thread task while each runs.
 */
import { createPinia, setActivePinia } from 'pinia';
import { toRaw } from 'vue';
import { allocateCohort } from '../../../shared/matching';
import { generateDemoDataset } from '../../../shared/demo';
import { formatUkDate } from '../../../shared/academic-year';
import { buildTidyData, type AggregateReturn } from '../../../shared/returns';
import {
  checkPupilRows,
  decodeCsvBytes,
  findDuplicates,
  parseCsv,
  PUPIL_DUPLICATE_OPTIONS,
  suggestMapping,
  PUPIL_IMPORT_FIELDS,
  type PupilMapping,
} from '../../../shared/import';
import type { CareersDeskDb } from '../../../renderer/src/db/schema';
import { getBridge } from '../../../renderer/src/bridge';
import { createRepositories, installRepositories, type Repositories } from '../../../renderer/src/db/repositories';
import { findStoredMatches } from '../../../renderer/src/db/import';
import { fixedClock } from '../../../renderer/src/platform/clock';
import { pupilImportSchoolId, usePupilImport } from '../../../renderer/src/features/import/pupil-import';
import { buildReturn } from '../../../renderer/src/features/returns/build-return';
import { allocationInput } from '../datasets';
import { BENCH_SEED, BENCH_TODAY } from '../sizes';
import type { ScreenJobTimings, StepTiming } from './api';

type Timed = (step: () => Promise<unknown>) => Promise<StepTiming>;

export const IMPORT_ROWS = 10_000;
/** The smoke run (part of the tests, two minutes in all) imports fewer rows. */
const SMOKE_IMPORT_ROWS = 500;
const NOW = new Date(`${BENCH_TODAY}T12:00:00`);

/** A school's MIS export of `rows` young people (a data set of their own, so every row is new here). */
function misExport(rows: number): Uint8Array {
  const { pupils } = generateDemoDataset({ seed: BENCH_SEED + 1, today: BENCH_TODAY, pupils: rows, sessionsPerPupil: 0, schools: 1 });
  const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const lines = ['UPN,Surname,Forename,DOB,Gender,Postcode,SEN Status,FSM Eligible,In Care'];
  for (const p of pupils.slice(0, rows)) {
    const gender = p.gender === 'female' ? 'F' : p.gender === 'male' ? 'M' : '';
    lines.push(
      [
        p.upn ?? '',
        p.legalSurname,
        p.legalForename,
        formatUkDate(p.dateOfBirth),
        gender,
        p.postcode ?? '',
        'N',
        p.characteristics.freeSchoolMeals ? 'Y' : 'N',
        p.characteristics.lookedAfter ? 'Y' : 'N',
      ]
        .map(cell)
        .join(','),
    );
  }
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

/** Every step on `db` (which holds the data set at `size`); `onPageToo` adds the import as it ran before (on the page). */
export async function measureScreenJobs(
  db: CareersDeskDb,
  smoke: boolean,
  onPageToo: boolean,
  timed: Timed,
  profiled: (name: string) => Timed = () => timed,
): Promise<ScreenJobTimings> {
  const say = (what: string) => console.info(`bench page: screen jobs: ${what}`);
  const timings: ScreenJobTimings = { worker: {}, page: {}, notes: {} };
  const repos: Repositories = createRepositories(db, { actor: () => null, clock: fixedClock(NOW), keyStore: getBridge() });
  const before = installRepositories(repos);
  setActivePinia(createPinia());
  try {
    const school = (await db.schools.toArray())[0];
    if (!school) throw new Error('The data set has no school');
    // No School column: every row is for the school chosen on the mapping step, as for one school's export.
    const importRows = smoke ? SMOKE_IMPORT_ROWS : IMPORT_ROWS;
    timings.notes['import: rows'] = importRows;
    const bytes = misExport(importRows);

    if (onPageToo) {
      say(`import of ${importRows} rows as before: read and checked on the page`);
      timings.page['import-10k'] = await timed(async () => {
        const decoded = decodeCsvBytes(bytes);
        if (!decoded.ok) throw new Error(decoded.problems[0]?.message);
        const parsed = parseCsv(decoded.text);
        if (!parsed.ok) throw new Error(parsed.problems[0]?.message);
        const mapping = suggestMapping(parsed.value.headers, PUPIL_IMPORT_FIELDS) as PupilMapping;
        const context = { today: BENCH_TODAY, schools: [school], defaultSchoolId: school.id };
        const rows = [];
        // As the import screen checked them until now: 250 rows between pauses.
        for (let from = 0; from < parsed.value.records.length; from += 250) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          rows.push(...checkPupilRows(parsed.value, mapping, context, from, from + 250));
        }
        const matches = await findStoredMatches(
          db,
          rows.map((r) => r.keys),
        );
        findDuplicates(rows, matches, PUPIL_DUPLICATE_OPTIONS);
      });
    }

    say(`import of ${importRows} rows through the import screen's state (read, checked and written in the data worker)`);
    const importer = usePupilImport();
    timings.worker['import-10k'] = await profiled('import-10k')(async () => {
      await importer.loadFile('bench-mis-export.csv', bytes);
      if (importer.fileProblems.value.length > 0) throw new Error(importer.fileProblems.value[0]!.message);
      pupilImportSchoolId.value = school.id;
      await importer.checkRows();
      // What the preview draws: the summary, the rows needing attention, and the plan.
      const summary = importer.summary.value;
      timings.notes['import: rows with problems'] = summary.withProblems;
      timings.notes['import: likely duplicates'] = summary.duplicates;
      void importer.attentionRows.value.length;
      if (!importer.plan.value.ok) throw new Error('The bench import cannot run: its rows have problems');
      await importer.runImport();
      if (importer.failure.value) throw new Error(importer.failure.value);
    });
    timings.notes['import: outcome'] = importer.outcome.value;

    say('confirming a cohort allocation');
    const data = {
      pupils: await db.pupils.toArray(),
      employers: await db.employers.toArray(),
    };
    const input = allocationInput({ ...data } as Parameters<typeof allocationInput>[0]);
    // The employers' checks brought up to date, as allocationInput assumes, so the confirm is not refused for them.
    await db.employers.bulkPut(input.employers);
    const bySchool = new Map<string, typeof input.pupils>();
    const schoolOf = new Map(data.pupils.map((p) => [p.id, p.schoolId ?? '']));
    for (const pupil of input.pupils) {
      const at = schoolOf.get(pupil.id) ?? '';
      bySchool.set(at, [...(bySchool.get(at) ?? []), pupil]);
    }
    const [schoolId, cohort] = [...bySchool].sort((a, b) => b[1].length - a[1].length)[0]!;
    const result = allocateCohort({ pupils: cohort, employers: input.employers, placements: [], period: input.period, today: BENCH_TODAY });
    const placedIds = new Set(result.lines.map((l) => l.pupilId));
    const lines = [
      ...result.lines.map(({ pupilId, employerId, offerId, periodStart, periodEnd, score, distanceKm }) => ({
        pupilId,
        choice: { employerId, offerId, periodStart, periodEnd, score, distanceKm },
        why: '',
        byHand: false,
      })),
      ...cohort.filter((p) => !placedIds.has(p.id)).map((p) => ({ pupilId: p.id, choice: null, why: 'No place', byHand: false })),
    ];
    const yearGroup = 10;
    timings.notes['confirm: lines'] = lines.length;
    timings.notes['confirm: placed'] = result.lines.length;
    timings.worker['confirm-allocation'] = await profiled('confirm-allocation')(async () => {
      const confirmed = await repos.matching.confirmAllocation({ schoolId, yearGroup, period: input.period, lines }, BENCH_TODAY);
      if (!confirmed.ok) throw new Error(`The allocation was refused: ${confirmed.problems[0]?.message}`);
    });

    say('building the aggregate return and its tidy data');
    timings.worker['return-aggregate'] = await profiled('return-aggregate')(async () => {
      const built = (await buildReturn(
        {
          kind: 'aggregate',
          options: {
            period: { start: '2025-09-01', end: BENCH_TODAY },
            scope: { kind: 'all' },
            threshold: 5,
            roundToNearest5: true,
            now: BENCH_TODAY,
          },
        },
        db,
      )) as AggregateReturn;
      // The Returns page previews the tidy data beside it.
      timings.notes['return: tidy data rows'] = buildTidyData(toRaw(built)).rows.length;
    });

    say('building the destinations file');
    timings.worker['destinations-file'] = await timed(() => repos.returns.councilFile('destinations-file', 'kent', BENCH_TODAY));
    say("working out a school's Compass figures");
    timings.worker['compass-figures'] = await timed(() => repos.compass.evaluation(school.id, BENCH_TODAY));
    return timings;
  } finally {
    installRepositories(before);
  }
}
