// The allocation as a list a coordinator keeps: its CSV rows and file, and its printable PDF (rendered
// with pdfmake in Node and read back with pdf.js through tests/support/pdf-node).
import { beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { formatUkDate, yearGroupOf } from '../../shared/academic-year';
import {
  ALLOCATION_CSV_HEADER,
  allocateCohort,
  allocationCsv,
  allocationCsvRows,
  allocationFileName,
  allocationListOf,
  linesByEmployer,
  placedLines,
  unplacedLines,
  type AllocationList,
  type AllocationListLine,
} from '../../shared/matching';
import { displayName } from '../../shared/model';
import { placementsOf } from '../../shared/experiences';
import { ALLOCATION_PDF_COLUMNS, ALLOCATION_PDF_HEADINGS, buildAllocationListDocument } from '../../shared/pdf/allocation-list';
import { pdfInfo, pdfText, renderPdf } from '../support/pdf-node';
import { SAMPLE_NOW, SAMPLE_TODAY, sampleDataset, sampleService } from '../support/render-sample-plan';

/** A Year 10 allocation worked out from the demo caseload: the school with the most Year 10s, in the most offered period. */
function demoAllocation(stage: AllocationList['stage'] = 'confirmed') {
  const data = sampleDataset();
  const periods = new Map<string, number>();
  for (const employer of data.employers)
    for (const offer of employer.offers)
      for (const period of offer.periods)
        if (period.start > SAMPLE_TODAY)
          periods.set(`${period.start}|${period.end}`, (periods.get(`${period.start}|${period.end}`) ?? 0) + 1);
  const [start, end] = [...periods.entries()].sort((a, b) => b[1] - a[1])[0]![0].split('|') as [string, string];
  const yearTen = (schoolId: string) => data.pupils.filter((p) => p.schoolId === schoolId && !p.leftOn && yearGroupOf(p, start) === 10);
  const school = [...data.schools].sort((a, b) => yearTen(b.id).length - yearTen(a.id).length)[0]!;
  const cohort = yearTen(school.id);
  const result = allocateCohort({
    pupils: cohort,
    employers: data.employers,
    placements: placementsOf(data.experiences),
    period: { start, end },
    today: SAMPLE_TODAY,
  });
  const byId = new Map(cohort.map((p) => [p.id, p]));
  const list = allocationListOf({
    stage,
    schoolName: school.name,
    yearGroup: 10,
    period: { start, end },
    on: SAMPLE_TODAY,
    lines: [
      ...result.unplaced.map((u) => ({
        pupilId: u.pupilId,
        name: displayName(byId.get(u.pupilId)!),
        choice: null,
        why: u.why,
        byHand: false,
      })),
      ...result.lines.map(({ pupilId, ...choice }) => ({ pupilId, name: displayName(byId.get(pupilId)!), choice, why: '', byHand: false })),
    ],
    employerNames: new Map(data.employers.map((e) => [e.id, e.name])),
    offerTitles: new Map(data.employers.flatMap((e) => e.offers.map((o) => [o.id, o.title] as const))),
  });
  return { list, cohort, result };
}

function line(name: string, employerName: string | null, changes: Partial<AllocationListLine> = {}): AllocationListLine {
  return {
    pupilId: crypto.randomUUID(),
    name,
    why: employerName ? '' : 'Every suitable offer is full',
    byHand: false,
    placement: employerName
      ? { employerName, offerTitle: 'Workshop week', start: '2027-06-14', end: '2027-06-18', score: 82, distanceKm: 4.2 }
      : null,
    ...changes,
  };
}

function smallList(lines: AllocationListLine[], stage: AllocationList['stage'] = 'confirmed'): AllocationList {
  return {
    stage,
    schoolName: 'Margate Coastal Academy',
    yearGroup: 10,
    period: { start: '2027-06-14', end: '2027-06-18' },
    on: '2027-05-03',
    lines,
  };
}

describe('the allocation list', () => {
  it('lists placed young people first, then those left unplaced, each by name, with employers and offers named', () => {
    const { list, result } = demoAllocation();
    expect(result.placed).toBeGreaterThan(1);
    expect(placedLines(list)).toHaveLength(result.placed);
    expect(unplacedLines(list)).toHaveLength(result.unplaced.length);
    const placedNames = placedLines(list).map((l) => l.name);
    expect(placedNames).toEqual([...placedNames].sort((a, b) => a.localeCompare(b, 'en-GB')));
    expect(list.lines.slice(0, result.placed).every((l) => l.placement !== null)).toBe(true);
    expect(placedLines(list).every((l) => l.placement.employerName.length > 0 && l.placement.offerTitle.length > 0)).toBe(true);
  });

  it('groups the placed young people by employer, employers by name', () => {
    const list = smallList([
      line('Zara Khan', 'Thanet Engineering'),
      line('Ali Begum', 'Broadstairs Boatyard'),
      line('Ben Ode', 'Thanet Engineering'),
    ]);
    expect(linesByEmployer(list).map((g) => [g.employerName, g.lines.map((l) => l.name)])).toEqual([
      ['Broadstairs Boatyard', ['Ali Begum']],
      ['Thanet Engineering', ['Ben Ode', 'Zara Khan']],
    ]);
  });
});

describe('the allocation CSV', () => {
  it('has a header and one row a young person: employer, offer, UK dates, fit and distance in words, or why not placed', () => {
    const list = smallList([line('Ali Begum', 'Broadstairs Boatyard', { byHand: true }), line('Cara Lee', null)]);
    const rows = allocationCsvRows(list);
    expect(rows[0]).toEqual([...ALLOCATION_CSV_HEADER]);
    expect(rows[1]).toEqual([
      'Ali Begum',
      'Margate Coastal Academy',
      'Year 10',
      true,
      'Broadstairs Boatyard',
      'Workshop week',
      '14/06/2027',
      '18/06/2027',
      82,
      '82 out of 100: very good fit',
      '4 km away',
      '',
      true,
    ]);
    expect(rows[2]).toEqual([
      'Cara Lee',
      'Margate Coastal Academy',
      'Year 10',
      false,
      '',
      '',
      '',
      '',
      null,
      '',
      '',
      'Every suitable offer is full',
      false,
    ]);
  });

  it('is written by the one CSV writer: a BOM, CRLF, Yes and No, and a name that looks like a formula made harmless', () => {
    const csv = allocationCsv(smallList([line('=HYPERLINK("http://x.example")', 'Boatyard, Broadstairs'), line('Cara Lee', null)]));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(parsed).toHaveLength(3);
    expect(parsed[1]![0]).toBe(`'=HYPERLINK("http://x.example")`);
    expect(parsed[1]![3]).toBe('Yes');
    expect(parsed[1]![4]).toBe('Boatyard, Broadstairs');
    expect(parsed[2]![3]).toBe('No');
  });

  it('holds no UPN, date of birth or priority characteristic of the young people it lists', () => {
    const { list, cohort } = demoAllocation();
    const csv = allocationCsv(list);
    for (const pupil of cohort) {
      if (pupil.upn) expect(csv).not.toContain(pupil.upn);
      expect(csv).not.toContain(pupil.dateOfBirth);
      expect(csv).not.toContain(formatUkDate(pupil.dateOfBirth));
    }
    expect(csv).not.toContain('Priority');
  });
});

describe('allocation file names', () => {
  it('names the year group, school and first day, and says when it is only a proposal', () => {
    const list = smallList([]);
    expect(allocationFileName(list, 'csv')).toBe('Allocation - Year 10 - Margate Coastal Academy - 2027-06-14.csv');
    expect(allocationFileName(list, 'pdf')).toBe('Allocation - Year 10 - Margate Coastal Academy - 2027-06-14.pdf');
    expect(allocationFileName({ ...list, stage: 'proposal' }, 'csv')).toBe(
      'Allocation proposal - Year 10 - Margate Coastal Academy - 2027-06-14.csv',
    );
  });

  it('makes a school name with characters a file system refuses safe', () => {
    expect(allocationFileName({ ...smallList([]), schoolName: 'St Mary\'s C/E: "Upper" School' }, 'csv')).toBe(
      "Allocation - Year 10 - St Mary's C E Upper School - 2027-06-14.csv",
    );
  });
});

describe('the allocation PDF', () => {
  let demo: ReturnType<typeof demoAllocation>;
  let pages: string[];
  let text: string;

  beforeAll(async () => {
    demo = demoAllocation();
    pages = await pdfText(await renderPdf(buildAllocationListDocument({ list: demo.list, service: sampleService(), now: SAMPLE_NOW })));
    text = pages.join('\n');
  });

  it('prints the service, the title, the school, year group and period, and the counts', () => {
    const { list } = demo;
    expect(pages[0]).toContain('Kent and Medway Careers Service');
    expect(pages[0]).toContain('Work-experience allocation');
    expect(pages[0]).toContain(`Year 10 at ${list.schoolName}, ${formatUkDate(list.period.start)} to ${formatUkDate(list.period.end)}`);
    expect(pages[0]).toContain(`${placedLines(list).length} of ${list.lines.length} young people placed`);
    expect(pages[0]).toContain(`Confirmed on ${formatUkDate(SAMPLE_TODAY)}`);
    expect(pages[0]).toContain('careers@example.org');
  });

  it('numbers every page "Page X of Y"', () => {
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it('has a table per employer, then every young person, the unplaced with the reason', () => {
    expect(text).toContain(ALLOCATION_PDF_HEADINGS.byEmployer);
    for (const group of linesByEmployer(demo.list)) expect(text).toContain(group.employerName);
    const second = pages.findIndex((page) => page.includes(ALLOCATION_PDF_HEADINGS.byYoungPerson));
    expect(second).toBeGreaterThan(0);
    const byYoungPerson = pages.slice(second).join('\n');
    expect(byYoungPerson).toContain(ALLOCATION_PDF_COLUMNS.byYoungPerson.join(' '));
    for (const l of demo.list.lines) expect(byYoungPerson).toContain(l.name);
    for (const l of unplacedLines(demo.list)) expect(byYoungPerson).toContain(`Not placed: ${l.why}`);
    const first = placedLines(demo.list)[0]!;
    expect(text).toContain(`${first.placement.score} out of 100`);
  });

  it('prints no UPN and no date of birth', () => {
    for (const pupil of demo.cohort) {
      if (pupil.upn) expect(text).not.toContain(pupil.upn);
      expect(text).not.toContain(formatUkDate(pupil.dateOfBirth));
    }
    expect(text).not.toContain('UPN');
    expect(text).not.toContain('Date of birth');
  });

  it('repeats the employer and the column headings on every page a long employer table runs onto', async () => {
    const many = Array.from({ length: 70 }, (_, i) => line(`Young Person ${String(i + 1).padStart(2, '0')}`, 'Thanet Engineering'));
    const long = await pdfText(
      await renderPdf(buildAllocationListDocument({ list: smallList(many), service: null, now: '2027-05-03T09:00:00' })),
    );
    const byYoungPerson = long.findIndex((page) => page.includes(ALLOCATION_PDF_HEADINGS.byYoungPerson));
    const employerPages = long.slice(0, byYoungPerson);
    expect(employerPages.length).toBeGreaterThan(2);
    for (const page of employerPages) {
      expect(page).toContain('Thanet Engineering');
      expect(page).toContain(ALLOCATION_PDF_COLUMNS.byEmployer.join(' '));
    }
    // Without the service's details from Settings, a plain name stands in.
    expect(long[0]).toContain('Careers guidance service');
  });

  it('marks a proposal as not confirmed, in its text and its title', async () => {
    const bytes = await renderPdf(
      buildAllocationListDocument({
        list: smallList([line('Ali Begum', 'Boatyard')], 'proposal'),
        service: sampleService(false),
        now: SAMPLE_NOW,
      }),
    );
    expect((await pdfText(bytes))[0]).toContain('Not confirmed yet');
    expect(String((await pdfInfo(bytes)).Title)).toContain('proposal');
  });
});
