// Action plan PDFs: built in shared/pdf, rendered with pdfmake in Node and read back with pdf.js.
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatUkDate, yearGroupOf } from '../../shared/academic-year';
import { actionPlanSchema, type ActionPlan, type PlanAction } from '../../shared/model/guidance';
import { displayName, type Pupil } from '../../shared/model/pupil';
import { ACTION_OWNERS, labelOf } from '../../shared/reference/lists';
import {
  ACTION_PLAN_HEADINGS,
  ACTION_TABLE_HEADER,
  buildActionPlanDocument,
  missingServiceDetails,
  NO_SERVICE_CONTACT,
  type ActionPlanPdfInput,
} from '../../shared/pdf/action-plan';
import { actionPlanFileName, safeFileNamePart, uniqueFileNames } from '../../shared/file-names';
import { fileNameKey, isReservedFileName, safeFileName } from '../../shared/file-names';
import { relevantSignposts } from '../../shared/pdf/signposts';
import { pdfInfo, pdfText, pdfTextItems, renderPdf } from '../support/pdf-node';
import { SAMPLE_NOW, SAMPLE_TODAY, sampleActionPlanInput, sampleDataset, sampleService } from '../support/render-sample-plan';

async function render(input: ActionPlanPdfInput): Promise<Buffer> {
  return renderPdf(buildActionPlanDocument(input));
}

/** All pages' text as one string. */
async function textOf(input: ActionPlanPdfInput): Promise<string> {
  return (await pdfText(await render(input))).join('\n');
}

function withPlan(input: ActionPlanPdfInput, changes: Partial<ActionPlan>): ActionPlanPdfInput {
  return { ...input, plan: { ...input.plan, ...changes } };
}

function withPupil(input: ActionPlanPdfInput, changes: Partial<Pupil>): ActionPlanPdfInput {
  return { ...input, pupil: { ...input.pupil, ...changes } };
}

function manyActions(count: number): PlanAction[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    return {
      id: `00000000-0000-4000-8000-0000000001${n}`,
      what:
        i % 3 === 0
          ? `Step ${n}: visit the open evening, ask about entry requirements and write down the questions to take to the next meeting`
          : `Step ${n}: look up course ${n} on Kent Choices`,
      who: ACTION_OWNERS[i % ACTION_OWNERS.length]!.id,
      byWhen: addDays(SAMPLE_TODAY, i + 1),
      status: 'open',
      doneOn: null,
    };
  });
}

describe('action plan PDF', () => {
  let sample: ActionPlanPdfInput;
  let pages: string[];
  let text: string;

  beforeAll(async () => {
    sample = sampleActionPlanInput();
    pages = await pdfText(await render(sample));
    text = pages.join('\n');
  });

  it('starts from a plan the schema accepts', () => {
    expect(actionPlanSchema.safeParse(sample.plan).success).toBe(true);
  });

  it("prints the title, the service, and the young person's name, year group and school", () => {
    expect(pages[0]).toContain('Careers action plan');
    expect(pages[0]).toContain('Kent and Medway Careers Service');
    expect(pages[0]).toContain(`for ${displayName(sample.pupil)}`);
    expect(pages[0]).toContain(`Year ${yearGroupOf(sample.pupil, SAMPLE_TODAY)}`);
    expect(pages[0]).toContain(sample.school!.name);
  });

  it('prints every section heading in plain English, and the agreed-on line', () => {
    for (const heading of Object.values(ACTION_PLAN_HEADINGS)) expect(text).toContain(heading);
    expect(text).toContain('About you');
    expect(text).toContain('What could get in the way');
    expect(text).toContain('Your goals');
    expect(text).toContain('Your next steps');
    expect(text).toContain('Plan B');
    expect(text).toContain('Routes and employers we talked about');
    expect(text).toContain('Where to get help');
    expect(text).toContain('Next review');
    expect(text).toContain(`Agreed on: ${formatUkDate(sample.plan.agreedOn)}`);
  });

  it('prints the situation, strengths, barriers, goals, plan B and review date', () => {
    expect(text).toContain('Helps run the school’s lunchtime club.');
    expect(text).toContain('The bus to the nearest college campus takes over an hour.');
    for (const goal of sample.plan.goals) expect(text).toContain(goal.text);
    expect(text).toContain('Long-term goals');
    expect(text).toContain('Short-term goals');
    expect(text).toContain(sample.plan.backupPlan);
    expect(text).toContain(`We will look at this plan again on ${formatUkDate(sample.plan.reviewOn)}`);
  });

  it('lists every action with what, who and by when, under the table header', () => {
    expect(text).toContain(ACTION_TABLE_HEADER.join(' '));
    for (const action of sample.plan.actions) {
      expect(text).toContain(action.what);
      expect(text).toContain(`${action.what} ${labelOf(ACTION_OWNERS, action.who)} ${formatUkDate(action.byWhen)}`);
    }
  });

  it('says "Overdue" in words for an open action past its date, and "Done" with the date for a finished one', () => {
    expect(text).toContain(
      `Write a first CV with help from the form tutor Young person ${formatUkDate(addDays(SAMPLE_TODAY, -3))} Overdue`,
    );
    expect(text).toContain(`Book a practice interview with the careers team School ${formatUkDate(addDays(SAMPLE_TODAY, 10))} Not yet`);
    const done = sample.plan.actions.find((a) => a.status === 'done' && a.doneOn)!;
    expect(text).toContain(`Done ${formatUkDate(done.doneOn)}`);
  });

  it('lists the routes and employers talked about with provider, campus and how to apply', () => {
    expect(sample.discussed.length).toBe(4);
    for (const option of sample.discussed) {
      expect(text).toContain(option.title);
      if (option.provider) expect(text).toContain(option.provider);
      if (option.campus) expect(text).toContain(option.campus);
      expect(text).toContain(option.howToApply.split(' ').slice(0, 3).join(' '));
    }
    expect(text).toContain('Apply through Kent Choices');
    expect(text).toContain('First choice: open evening in January');
  });

  it("tells the young person where to get help: the plan's resources, the adviser, the service and the programmes for their age", () => {
    expect(text).toContain(sample.plan.resources);
    expect(text).toContain(sample.adviser!.name);
    expect(text).toContain(sample.adviser!.email);
    expect(text).toContain(sample.adviser!.phone);
    expect(text).toContain('careers@example.org');
    expect(text).toContain('03000 000 100');
    expect(text).toContain('Kent Choices (Year 11 and 12 leavers)');
  });

  it('puts "Page X of N", "Confidential" and the date produced in the footer of every page', () => {
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(page).toContain('Confidential');
      expect(page).toContain('Produced 24/11/2026');
    });
  });

  it('writes dates the UK way', () => {
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(text).toMatch(/\b\d{2}\/\d{2}\/\d{4}\b/);
  });

  it('uses the preferred name, never the legal forename when a preferred one is given', async () => {
    const input = withPupil(sample, { preferredForename: 'Jaz', legalForename: 'Jasmine' });
    const preferred = await textOf(input);
    expect(preferred).toContain(`for Jaz ${sample.pupil.legalSurname}`);
    expect(preferred).not.toContain('Jasmine');
  });

  it('says "Home educated" in place of a school', async () => {
    const data = sampleDataset();
    const pupil = data.pupils.find((p) => p.homeEducated)!;
    const homeText = await textOf({ ...sample, pupil, school: null, plan: { ...sample.plan, pupilId: pupil.id } });
    expect(homeText).toContain('Home educated');
  });

  it('says "Not yet agreed" when the young person has not agreed the plan', async () => {
    const notAgreed = await textOf(withPlan(sample, { agreedWithYoungPerson: false, agreedOn: null }));
    expect(notAgreed).toContain('Agreed on: Not yet agreed');
  });

  it('still reads well when the plan is nearly empty', async () => {
    const empty = await textOf(
      withPlan(sample, {
        situation: '',
        strengths: '',
        barriers: '',
        goals: [],
        actions: [],
        backupPlan: '',
        resources: '',
        discussed: [],
        reviewOn: null,
      }),
    );
    for (const heading of Object.values(ACTION_PLAN_HEADINGS)) expect(empty).toContain(heading);
    expect(empty).toContain('No next steps written yet.');
    expect(empty).toContain('No review date set yet.');
  });
});

describe('page breaks and what is printed', () => {
  const sample = sampleActionPlanInput();
  const name = displayName(sample.pupil);
  /** Every heading the plan prints, at both levels. */
  const headings = new Set<string>([
    ...Object.values(ACTION_PLAN_HEADINGS),
    'Your situation',
    'Your strengths',
    'Long-term goals',
    'Short-term goals',
    'From our meeting',
    'Your adviser',
    'Programmes and services',
    sample.service.name,
  ]);
  /** The running header and footer, which are on every page whatever the content. */
  const isRunning = (item: string): boolean =>
    item === `Careers action plan – ${name}` || item === 'Confidential' || /^Produced \d/.test(item) || /^Page \d+ of \d+$/.test(item);
  const sentence = 'Talked about what a typical day at college looks like and how the timetable fits around a part-time job.';

  /** The sample with `lines` extra paragraphs of situation, pushing every later section further down the pages. */
  function padded(lines: number, input: ActionPlanPdfInput = sample): ActionPlanPdfInput {
    return withPlan(input, { situation: [input.plan.situation, ...Array.from({ length: lines }, () => sentence)].join('\n\n') });
  }

  it('never leaves a heading at the foot of a page with what follows it on the next', async () => {
    // Each extra paragraph moves the sections below it by a line or two, so across these plans every heading
    // comes near a page foot at least once (checked: a heading lands last on a page for several of them without the rule).
    const plans = [
      ...Array.from({ length: 31 }, (_, lines) => ({ lines, largePrint: false })),
      ...Array.from({ length: 16 }, (_, i) => ({ lines: i * 2, largePrint: true })),
    ];
    for (const { lines, largePrint } of plans) {
      const pages = await pdfTextItems(await render(padded(lines, sampleActionPlanInput({ largePrint }))));
      pages.forEach((items, index) => {
        const where = `plan with ${lines} extra paragraphs${largePrint ? ' in large print' : ''}, page ${index + 1}`;
        const content = items.map((item) => item.trim()).filter((item) => !isRunning(item));
        expect(content.length, `${where} is blank`).toBeGreaterThan(0);
        if (index < pages.length - 1) expect(headings.has(content.at(-1)!), `${where} ends with "${content.at(-1)}"`).toBe(false);
      });
    }
  }, 90_000);

  it('keeps the agreement with the last section: no last page holding only "Agreed on"', async () => {
    for (let lines = 0; lines <= 30; lines++) {
      const pages = await pdfText(await render(padded(lines)));
      const last = pages.at(-1)!;
      expect(last, `plan with ${lines} extra paragraphs`).toContain('Agreed on:');
      expect(last, `plan with ${lines} extra paragraphs`).toContain(`${ACTION_PLAN_HEADINGS.review} We will look at this plan again on`);
    }
  }, 60_000);

  it('keeps "Not yet", "Overdue" and the dates on one line, in large print too', async () => {
    for (const largePrint of [false, true]) {
      const items = (await pdfTextItems(await render(sampleActionPlanInput({ largePrint })))).flat().map((item) => item.trim());
      expect(items, `large print ${largePrint}`).toContain('Not yet');
      expect(items, `large print ${largePrint}`).toContain('Overdue');
      expect(items, `large print ${largePrint}`).not.toContain('Not');
      expect(items, `large print ${largePrint}`).not.toContain('yet');
      expect(items, `large print ${largePrint}`).toContain(formatUkDate(addDays(SAMPLE_TODAY, 10)));
    }
  });

  it('prints the intended destination in words and what the young person agreed at the meeting', async () => {
    const session = {
      ...sample.session!,
      intendedDestination: '310' as const,
      agreed: 'To ask two employers about apprenticeships before half term.',
    };
    const text = await textOf({ ...sample, session });
    expect(text).toContain(`${ACTION_PLAN_HEADINGS.destination} Apprenticeship`);
    expect(text).not.toContain('310');
    expect(text).toContain('What you agreed To ask two employers about apprenticeships before half term.');
    // With no meeting, the destination on the young person's record.
    const fromRecord = await textOf({ ...sample, session: null, pupil: { ...sample.pupil, intendedDestination: '230' } });
    expect(fromRecord).toContain(`${ACTION_PLAN_HEADINGS.destination} Further education`);
    const none = await textOf({ ...sample, session: null, pupil: { ...sample.pupil, intendedDestination: null } });
    expect(none).toContain(`${ACTION_PLAN_HEADINGS.destination} Not decided yet.`);
  });

  it('says which service details are missing, the ones the family would otherwise be told to ask for', async () => {
    expect(missingServiceDetails(sampleService())).toEqual([]);
    const empty = { ...sampleService(false), name: '', contact: { name: '', email: '', phone: '' }, address: '' };
    expect(missingServiceDetails(empty)).toEqual([
      "the service's name",
      'an email address, phone number or address for the family to contact',
    ]);
    expect(missingServiceDetails(null)).toHaveLength(2);
    expect(missingServiceDetails({ ...empty, name: 'Kent Careers', contact: { name: 'Careers team', email: '', phone: '' } })).toHaveLength(
      1,
    );
    expect(missingServiceDetails({ ...empty, name: 'Kent Careers', contact: { name: '', email: '', phone: '01234 567890' } })).toEqual([]);
    // What the PDF says when they are missing, and does not say when they are there.
    expect(await textOf({ ...sample, service: { ...empty, name: 'Careers guidance service' } })).toContain(NO_SERVICE_CONTACT);
    expect(await textOf(sample)).not.toContain(NO_SERVICE_CONTACT);
  });
});

describe('optional details', () => {
  const sample = sampleActionPlanInput();
  const dateOfBirth = formatUkDate(sample.pupil.dateOfBirth);
  const upn = sample.pupil.upn!;

  it('leaves out the date of birth and the UPN by default', async () => {
    expect(upn).toMatch(/^[A-Z]\d{11}[0-9A-Z]$/);
    const text = await textOf(sample);
    expect(text).not.toContain('Date of birth');
    expect(text).not.toContain(dateOfBirth);
    expect(text).not.toContain('UPN');
    expect(text).not.toContain(upn);
  });

  it('prints the date of birth only when asked, without the UPN', async () => {
    const text = await textOf(sampleActionPlanInput({ includeDateOfBirth: true }));
    expect(text).toContain(`Date of birth ${dateOfBirth}`);
    expect(text).not.toContain(upn);
  });

  it('prints the UPN when asked', async () => {
    const text = await textOf(sampleActionPlanInput({ includeUpn: true }));
    expect(text).toContain(`UPN ${upn}`);
    expect(text).not.toContain(dateOfBirth);
  });
});

describe('a plan with 60 actions', () => {
  const actions = manyActions(60);
  let pageItems: string[][];
  let pages: string[];

  beforeAll(async () => {
    const buffer = await render(withPlan(sampleActionPlanInput(), { actions }));
    pageItems = await pdfTextItems(buffer);
    pages = await pdfText(buffer);
  });

  it('spans several pages, numbered "Page 1 of N" to "Page N of N"', () => {
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of ${pages.length}`));
  });

  it('repeats the table header on every page that has actions', () => {
    const pagesWithActions = pages.map((page, index) => ({ page, index })).filter(({ page }) => /Step \d\d:/.test(page));
    expect(pagesWithActions.length).toBeGreaterThan(1);
    for (const { index } of pagesWithActions) {
      const items = pageItems[index]!.map((item) => item.trim());
      for (const cell of ACTION_TABLE_HEADER) expect(items, `page ${index + 1}`).toContain(cell);
    }
  });

  it('prints each action once, whole on one page, with who and by when', () => {
    for (const action of actions) {
      const row = `${action.what} ${labelOf(ACTION_OWNERS, action.who)} ${formatUkDate(action.byWhen)} Not yet`;
      const pagesWithRow = pages.filter((page) => page.includes(row));
      expect(pagesWithRow, action.what).toHaveLength(1);
      expect(pages.join('\n').split(`${action.what.slice(0, 9)}`).length - 1, action.what).toBe(1);
    }
  });
});

describe('document definition', () => {
  it('is A4 in British English, with the Roboto font at 11 pt', () => {
    const doc = buildActionPlanDocument(sampleActionPlanInput());
    expect(doc.pageSize).toBe('A4');
    expect(doc.language).toBe('en-GB');
    expect(doc.defaultStyle).toMatchObject({ font: 'Roboto', fontSize: 11 });
  });

  it('uses at least 14 pt body text and larger headings in large print', () => {
    const normal = buildActionPlanDocument(sampleActionPlanInput());
    const large = buildActionPlanDocument(sampleActionPlanInput({ largePrint: true }));
    expect(large.defaultStyle?.fontSize).toBeGreaterThanOrEqual(14);
    for (const style of ['title', 'h1', 'h2', 'running', 'note'] as const) {
      expect(large.styles?.[style]?.fontSize, style).toBeGreaterThan(normal.styles?.[style]?.fontSize ?? Infinity);
    }
    for (const style of Object.values(large.styles ?? {}))
      if (style.fontSize !== undefined) expect(style.fontSize).toBeGreaterThanOrEqual(12);
  });

  it('comes out the same from the same input (no clock, no randomness)', () => {
    const a = buildActionPlanDocument(sampleActionPlanInput());
    const b = buildActionPlanDocument(sampleActionPlanInput());
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('embeds the logo only when the service has one', () => {
    const withLogo = buildActionPlanDocument(sampleActionPlanInput());
    expect(withLogo.images?.serviceLogo).toMatch(/^data:image\/png;base64,/);
    const without = buildActionPlanDocument({ ...sampleActionPlanInput(), service: sampleService(false) });
    expect(without.images).toBeUndefined();
    expect(JSON.stringify(without.content)).not.toContain('serviceLogo');
  });

  it('renders without a logo too', async () => {
    const text = await textOf({ ...sampleActionPlanInput(), service: sampleService(false) });
    expect(text).toContain('Kent and Medway Careers Service');
  });
});

describe('PDF metadata', () => {
  it('names the young person in the title and the service as author, in en-GB', async () => {
    const input = sampleActionPlanInput();
    const buffer = await render(input);
    const info = await pdfInfo(buffer);
    expect(info.Title).toBe(`Careers action plan – ${displayName(input.pupil)}`);
    expect(info.Author).toBe('Kent and Medway Careers Service');
    expect(info.Creator).toBe('Careers Desk');
    expect(String(info.Subject)).toContain('action plan');
    expect(buffer.toString('latin1')).toContain('/Lang (en-GB)');
    expect(buffer.toString('latin1')).toMatch(/\/DisplayDocTitle true/);
    expect(SAMPLE_NOW.startsWith(SAMPLE_TODAY)).toBe(true);
  });
});

describe('programmes to signpost', () => {
  const base = { characteristics: sampleActionPlanInput().pupil.characteristics };
  const ids = (pupil: Parameters<typeof relevantSignposts>[0]) => relevantSignposts(pupil, SAMPLE_TODAY).map((s) => s.id);

  it('names Kent Choices for Year 11 and 12', () => {
    expect(ids({ ...base, yearGroupOverride: null, dateOfBirth: '2011-03-05' })).toContain('kent-choices');
    expect(ids({ ...base, yearGroupOverride: null, dateOfBirth: '2013-03-05' })).not.toContain('kent-choices');
  });

  it('names Youth Hubs and Jobcentre Plus from 18, and Skills Bootcamps from 19', () => {
    const eighteen = ids({ ...base, yearGroupOverride: null, dateOfBirth: '2008-06-01' });
    expect(eighteen).toEqual(expect.arrayContaining(['youth-hubs', 'jobcentre-plus']));
    expect(eighteen).not.toContain('skills-bootcamps');
    expect(ids({ ...base, yearGroupOverride: null, dateOfBirth: '2007-06-01' })).toContain('skills-bootcamps');
  });

  it('names Connect to Work and supported internships for a young person with an EHCP', () => {
    const ehcp = { ...base, characteristics: { ...base.characteristics, ehcp: true } };
    expect(ids({ ...ehcp, yearGroupOverride: null, dateOfBirth: '2010-01-10' })).toEqual(
      expect.arrayContaining(['connect-to-work', 'supported-internships']),
    );
    expect(
      ids({
        ...base,
        characteristics: { ...base.characteristics, ehcp: false, healthCondition: false },
        yearGroupOverride: null,
        dateOfBirth: '2010-01-10',
      }),
    ).not.toContain('connect-to-work');
  });
});

describe('file name', () => {
  const pupil = { legalForename: 'Jasmine', legalSurname: 'Smith', preferredForename: 'Jaz', preferredSurname: '' };

  it('reads "Action plan - Preferred Surname - date.pdf"', () => {
    expect(actionPlanFileName(pupil, '2026-11-23')).toBe('Action plan - Jaz Smith - 2026-11-23.pdf');
    expect(actionPlanFileName({ ...pupil, preferredSurname: 'Okoro' }, '2026-11-23')).toBe('Action plan - Jaz Okoro - 2026-11-23.pdf');
  });

  it('falls back to the legal name', () => {
    expect(actionPlanFileName({ ...pupil, preferredForename: '' }, '2026-11-23')).toBe('Action plan - Jasmine Smith - 2026-11-23.pdf');
  });

  it('takes the date part of a datetime', () => {
    expect(actionPlanFileName(pupil, '2026-11-23T16:05:00+00:00')).toBe('Action plan - Jaz Smith - 2026-11-23.pdf');
  });

  it('strips characters Windows and macOS do not allow, and control characters', () => {
    const name = actionPlanFileName(
      { legalForename: 'A/B\\C:D*E?F"G<H>I|J', legalSurname: "O'Brien\u0000\u001f\u007f.", preferredForename: '', preferredSurname: '' },
      '2026-11-23',
    );
    expect(name).toBe("Action plan - A B C D E F G H I J O'Brien - 2026-11-23.pdf");
    expect([...name].some((ch) => '\\/:*?"<>|'.includes(ch) || ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127)).toBe(false);
    expect(safeFileNamePart('  ..hidden  name.. ')).toBe('hidden name');
  });

  it('drops the invisible right-to-left override that would make a name end in .exe', () => {
    const name = actionPlanFileName(
      { legalForename: 'Ali\u202Efdp.exe', legalSurname: 'Khan', preferredForename: '', preferredSurname: '' },
      '2026-11-23',
    );
    expect(name).toBe('Action plan - Ali fdp.exe Khan - 2026-11-23.pdf');
    expect([...name].some((ch) => /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u0080-\u009f]/.test(ch))).toBe(false);
  });

  it('never names a file after a Windows device, and keeps names to a length every system takes', () => {
    for (const device of ['CON', 'nul', 'Com1', 'LPT9', 'aux']) {
      const name = safeFileName(device, 'json');
      expect(isReservedFileName(name), name).toBe(false);
      expect(name.endsWith('.json')).toBe(true);
    }
    expect(isReservedFileName('CON.pdf')).toBe(true);
    expect(safeFileName('x'.repeat(400), 'csv').length).toBeLessThanOrEqual(160);
    expect(safeFileName('\u0007\u202e', 'csv')).toBe('Careers Desk.csv');
  });

  it('treats two spellings of Zoë, or a change of case or accent, as the same file in a batch', () => {
    const composed = actionPlanFileName(
      { legalForename: 'Zo\u00eb', legalSurname: 'Hart', preferredForename: '', preferredSurname: '' },
      '2026-11-23',
    );
    const decomposed = `Action plan - Zoe\u0308 Hart - 2026-11-23.pdf`;
    expect(fileNameKey(composed)).toBe(fileNameKey(decomposed));
    expect(uniqueFileNames([composed, decomposed, 'ACTION PLAN - ZOE HART - 2026-11-23.pdf'])).toEqual([
      composed,
      'Action plan - Zoe\u0308 Hart - 2026-11-23 (2).pdf',
      'ACTION PLAN - ZOE HART - 2026-11-23 (3).pdf',
    ]);
  });

  it('keeps letters with accents and names with hyphens or apostrophes', () => {
    expect(
      actionPlanFileName(
        { legalForename: 'Zoë', legalSurname: 'Ní Bhriain-Smith', preferredForename: '', preferredSurname: '' },
        '2026-11-23',
      ),
    ).toBe('Action plan - Zoë Ní Bhriain-Smith - 2026-11-23.pdf');
  });

  it('never leaves the name empty', () => {
    expect(
      actionPlanFileName({ legalForename: '???', legalSurname: '***', preferredForename: '', preferredSurname: '' }, '2026-11-23'),
    ).toBe('Action plan - Young person - 2026-11-23.pdf');
  });

  it('makes names in a batch unique, ignoring case', () => {
    expect(uniqueFileNames(['A.pdf', 'B.pdf', 'a.pdf', 'A.pdf'])).toEqual(['A.pdf', 'B.pdf', 'a (2).pdf', 'A (3).pdf']);
  });
});
