// A work placement's three letters: built in shared/pdf, rendered with pdfmake in Node and read back with pdf.js.
import { testDatabaseOptions } from './test-database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CareersDeskDb } from '@renderer/db/schema';
import { auditPlacementLetterExport, loadPlacementLetterRecords } from '@renderer/db/placements';
import {
  buildPlacementLetter,
  PLACEMENT_LETTER_HEADINGS,
  PLACEMENT_LETTER_KINDS,
  PLACEMENT_LETTERS,
  USUAL_THINGS_TO_BRING,
  type PlacementLetterInput,
  type PlacementLetterKind,
} from '../../shared/pdf/placement-letters';
import { placementLetterFileName } from '../../shared/file-names';
import { formatUkDate } from '../../shared/academic-year';
import { NO_TRAVEL_PLAN, type PlacementPaperwork } from '../../shared/model/experience';
import type { ServiceDetails } from '../../shared/model/organisation';
import { createFactories } from '../support/factories';
import { pdfText, pdfTextItems, renderPdf } from '../support/pdf-node';

const f = createFactories();
const NOW = '2026-11-24T10:30:00+00:00';

const SERVICE: ServiceDetails = {
  name: 'Kent and Medway Careers Service',
  logoDataUrl: '',
  contact: { name: 'Jo Placement', email: 'placements@example.org.uk', phone: '01622 000111' },
  address: 'Sessions House, Maidstone ME14 1XQ',
};

const NOTES = 'Asthma: carries an inhaler. Needs step-free access.';

function sample(paperwork: Partial<PlacementPaperwork> = {}, changes: Partial<PlacementLetterInput> = {}): PlacementLetterInput {
  const school = f.school({ name: 'Medway Park Academy', district: 'medway', phase: 'secondary' });
  const offer = f.offer({ title: 'Kitchen assistant', periods: [{ start: '2027-06-14', end: '2027-06-18', capacity: 2 }] });
  const employer = f.employer({
    name: 'Harbour Kitchens',
    sector: 'hospitality',
    address: '4 Quay Street, Rochester ME1 1AA',
    contact: { name: 'Dana Chef', email: 'dana@harbour.example', phone: '01634 222333' },
    offers: [offer],
    checks: {
      riskAssessmentOn: '2026-10-01',
      insuranceExpiresOn: '2027-09-30',
      safeguardingConfirmed: true,
      riskControls: 'No knives; supervised near the ovens.',
    },
  });
  const pupil = f.pupil({
    legalForename: 'Amira',
    legalSurname: 'Khan',
    preferredForename: 'Mira',
    dateOfBirth: '2011-03-02',
    upn: 'A123456789012',
    schoolId: school.id,
    characteristics: { freeSchoolMeals: true, senSupport: true, lookedAfter: true },
  });
  const experience = f.experience({
    kind: 'work-placement',
    pupilIds: [pupil.id],
    employerId: employer.id,
    offerId: offer.id,
    start: '2027-06-14',
    end: '2027-06-18',
    status: 'confirmed',
    hours: { basis: 'per-day', value: 6 },
    paperwork: {
      consent: { givenBy: 'Sara Khan', relationship: 'Mother', on: '2027-05-20', how: 'form' },
      emergencyContacts: [{ name: 'Sara Khan', phone: '07700 900123' }],
      accessNotes: NOTES,
      shareNotesWithEmployer: false,
      travelPlan: 'Bus 140 from Chatham at 8.10am; home on the 3.40pm.',
      reportTo: '',
      times: '9am to 3pm',
      whatToBring: '',
      ...paperwork,
    },
  });
  return { experience, pupil, employer, school, service: SERVICE, now: NOW, ...changes };
}

async function textOf(kind: PlacementLetterKind, input: PlacementLetterInput): Promise<string> {
  return (await pdfText(await renderPdf(buildPlacementLetter(kind, input)))).join('\n');
}

describe('placement letters', () => {
  it('gives every letter the service, its title, the preferred name and never the UPN, date of birth or characteristics', async () => {
    const input = sample();
    for (const kind of PLACEMENT_LETTER_KINDS) {
      const text = await textOf(kind, input);
      expect(text).toContain(PLACEMENT_LETTERS[kind].title);
      expect(text).toContain('Kent and Medway Careers Service');
      expect(text).toContain('Sessions House, Maidstone');
      expect(text).toContain('Mira Khan');
      expect(text).not.toContain('Amira');
      expect(text).not.toContain('A123456789012');
      expect(text).not.toContain('02/03/2011');
      expect(text).not.toMatch(/free school meals|SEN support|looked after|special educational/i);
    }
  });

  it("confirms the placement to the employer: school, dates, hours, offer, what is asked of them, the service's number", async () => {
    const text = await textOf('employer-confirmation', sample());
    expect(text).toContain('To Dana Chef');
    expect(text).toContain('Medway Park Academy');
    expect(text).toContain('14/06/2027 to 18/06/2027 (5 days)');
    expect(text).toContain('6 hours a day');
    expect(text).toContain('9am to 3pm');
    expect(text).toContain('Kitchen assistant');
    expect(text).toContain(PLACEMENT_LETTER_HEADINGS.askOfEmployer);
    expect(text).toContain('induction on the first morning');
    expect(text).toContain('supervise Mira');
    expect(text).toContain(`risk assessment of ${formatUkDate('2026-10-01')} is on file`);
    expect(text).toContain('the controls agreed: No knives; supervised near the ovens. Please tell us');
    expect(text).toContain('no more than 8 hours a day');
    expect(text).toContain('Jo Placement at Kent and Medway Careers Service on 01622 000111');
    // The family's own numbers stay with the service.
    expect(text).not.toContain('07700 900123');
    expect(text).not.toContain('Sara Khan');
  });

  it("leaves the medical or access notes off the employer's letter unless sharing them was ticked", async () => {
    const hidden = await textOf('employer-confirmation', sample({ shareNotesWithEmployer: false }));
    expect(hidden).not.toContain('inhaler');
    expect(hidden).not.toContain(PLACEMENT_LETTER_HEADINGS.needs);
    const shared = await textOf('employer-confirmation', sample({ shareNotesWithEmployer: true }));
    expect(shared).toContain(PLACEMENT_LETTER_HEADINGS.needs);
    expect(shared).toContain('Asthma: carries an inhaler.');
  });

  it('asks for the risk assessment and insurance when none is on file, and says when it is not confirmed', async () => {
    const input = sample();
    const employer = { ...input.employer, checks: { ...input.employer.checks, riskAssessmentOn: null, insuranceExpiresOn: null } };
    const text = await textOf('employer-confirmation', { ...input, employer, experience: { ...input.experience, status: 'contacted' } });
    expect(text).toContain('We do not have your risk assessment on file yet');
    expect(text).toContain("copy of your employer's liability insurance certificate");
    expect(text).toContain('This placement is not confirmed yet');
  });

  it('tells the parent or carer what, where, when and how to get there, says the consent recorded, and gives a slip', async () => {
    const text = await textOf('parent-consent', sample());
    expect(text).toContain('To the parent or carer of Mira Khan');
    expect(text).toContain('Harbour Kitchens');
    expect(text).toContain('4 Quay Street, Rochester ME1 1AA');
    expect(text).toContain('14/06/2027 to 18/06/2027');
    expect(text).toContain('6 hours a day');
    expect(text).toContain('Bus 140 from Chatham at 8.10am');
    expect(text).toContain('01622 000111');
    expect(text).toContain('Consent recorded: given by Sara Khan (mother) on 20/05/2027, consent form returned.');
    expect(text).toContain(PLACEMENT_LETTER_HEADINGS.slip);
    for (const line of ['Your name', 'Relationship to the young person', 'Emergency contact 1: name', 'Signature', 'Date']) {
      expect(text).toContain(line);
    }
    expect(text).toContain('Consent already recorded on 20/05/2027');
  });

  it("prints the ways of travel ticked before the details on the young person's letter", async () => {
    const text = await textOf(
      'young-person-sheet',
      sample({ travelPlan: { kinds: ['school-bus', 'family-lift'], details: 'The 08:05 school bus; Mum collects at 3pm.' } }),
    );
    expect(text).toContain('Getting there: school bus; a lift from family or a carer.');
    expect(text).toContain('The 08:05 school bus; Mum collects at 3pm.');
  });

  it('asks the parent or carer to return the slip when no consent is recorded, and for the travel plan when there is none', async () => {
    const text = await textOf(
      'parent-consent',
      sample({ consent: null, travelPlan: NO_TRAVEL_PLAN, emergencyContacts: [], accessNotes: '' }),
    );
    expect(text).toContain('fill in the consent slip at the end and return it');
    expect(text).not.toContain('Consent recorded');
    expect(text).toContain('Not agreed yet: please tell us on the slip how Mira will get there and back.');
    expect(text).not.toContain(PLACEMENT_LETTER_HEADINGS.onRecord);
  });

  it('gives the young person where, when, whom to ask for, what to bring, how to get there and whom to call', async () => {
    const text = await textOf('young-person-sheet', sample());
    for (const heading of ['where', 'when', 'askFor', 'bring', 'howToGetThere', 'wrong'] as const) {
      expect(text).toContain(PLACEMENT_LETTER_HEADINGS[heading]);
    }
    expect(text).toContain('4 Quay Street, Rochester ME1 1AA');
    expect(text).toContain('9am to 3pm');
    expect(text).toContain('ask for Dana Chef');
    expect(text).toContain('01634 222333');
    expect(text).toContain(USUAL_THINGS_TO_BRING[0]);
    expect(text).toContain('Bus 140 from Chatham');
    expect(text).toContain('Jo Placement at Kent and Medway Careers Service on 01622 000111');
    expect(text).not.toContain('inhaler');
  });

  it("prints the adviser's own 'ask for' and what to bring instead of the defaults", async () => {
    const text = await textOf(
      'young-person-sheet',
      sample({ reportTo: 'Reception, then Lee', whatToBring: '- Black trousers\n- Hair tie' }),
    );
    expect(text).toContain('ask for Reception, then Lee');
    expect(text).toContain('Black trousers');
    expect(text).toContain('Hair tie');
    expect(text).not.toContain(USUAL_THINGS_TO_BRING[0]);
  });

  it('prints a plain service name and a way to ask when the service is not set up', async () => {
    const text = await textOf('young-person-sheet', sample({}, { service: null }));
    expect(text).toContain('Careers guidance service');
  });

  it('never leaves a heading at the foot of a page with what follows it on the next', async () => {
    // Longer risk controls, travel plans and lists of things to bring move the sections below them down a line
    // or two at a time, so across these inputs headings come near a page foot (checked: some land last on a
    // page without the rule).
    const headings = new Set<string>(Object.values(PLACEMENT_LETTER_HEADINGS));
    const sentence = 'Take the number 8 bus into town.';
    const isRunning = (item: string): boolean =>
      Object.values(PLACEMENT_LETTERS).some((letter) => item.startsWith(`${letter.title} – `)) ||
      item === 'Confidential' ||
      item === 'Private' ||
      /^Produced \d/.test(item) ||
      /^Page \d+ of \d+$/.test(item);
    for (let lines = 0; lines <= 14; lines++) {
      const input = sample({
        shareNotesWithEmployer: true,
        travelPlan: { kinds: [], details: Array.from({ length: lines }, () => sentence).join('\n\n') },
        whatToBring: Array.from({ length: lines }, (_, i) => `Thing ${i + 1} to bring`).join('\n'),
      });
      const employer = {
        ...input.employer,
        checks: {
          ...input.employer.checks,
          riskControls: Array(lines * 2)
            .fill(sentence)
            .join(' '),
        },
      };
      for (const kind of PLACEMENT_LETTER_KINDS) {
        const pages = await pdfTextItems(await renderPdf(buildPlacementLetter(kind, { ...input, employer })));
        pages.forEach((items, index) => {
          const where = `${kind} padded by ${lines}, page ${index + 1}`;
          const content = items.map((item) => item.trim()).filter((item) => item !== '' && !isRunning(item));
          expect(content.length, `${where} is blank`).toBeGreaterThan(0);
          if (index < pages.length - 1) expect(headings.has(content.at(-1)!), `${where} ends with "${content.at(-1)}"`).toBe(false);
        });
      }
    }
  }, 120_000);

  it('names each file for the letter, the employer and the young person', () => {
    const { pupil } = sample();
    expect(placementLetterFileName(PLACEMENT_LETTERS['employer-confirmation'].fileTitle, 'Harbour Kitchens', pupil)).toBe(
      'Placement confirmation - Harbour Kitchens - Mira Khan.pdf',
    );
    expect(placementLetterFileName('Placement sheet', 'A/B: Ltd?', pupil)).toBe('Placement sheet - A B Ltd - Mira Khan.pdf');
  });
});

describe("a placement letter's records and audit entry", () => {
  let db: CareersDeskDb;
  let input: PlacementLetterInput;

  beforeEach(async () => {
    db = new CareersDeskDb(`careers-desk-letters-${crypto.randomUUID()}`, testDatabaseOptions());
    await db.open();
    input = sample();
    await db.pupils.add(input.pupil);
    await db.employers.add(input.employer);
    await db.schools.add(input.school!);
    await db.experiences.add(input.experience);
    await db.settings.put({ key: 'service', value: SERVICE });
  });

  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('reads the placement, young person, employer, school and service together', async () => {
    const records = await loadPlacementLetterRecords(db, input.experience.id);
    expect(records).toEqual({
      ok: true,
      value: { experience: input.experience, pupil: input.pupil, employer: input.employer, school: input.school, service: SERVICE },
    });
  });

  it('says in words which record is missing', async () => {
    await db.pupils.delete(input.pupil.id);
    const records = await loadPlacementLetterRecords(db, input.experience.id);
    expect(records.ok).toBe(false);
    expect(!records.ok && records.problems[0]!.message).toMatch(/young person's record is no longer kept/);
    const gone = await loadPlacementLetterRecords(db, crypto.randomUUID());
    expect(!gone.ok && gone.problems[0]!.message).toBe('This placement is no longer recorded');
  });

  it("audits a letter saved as an export in the young person's trail, naming the letter and no one", async () => {
    await auditPlacementLetterExport(
      db,
      { id: input.experience.id, pupilId: input.pupil.id },
      'placement sheet for the young person',
      null,
    );
    const [entry] = await db.audit.toArray();
    expect(entry).toMatchObject({
      action: 'export',
      entity: 'placement',
      recordId: input.experience.id,
      pupilId: input.pupil.id,
      summary: 'Exported a placement letter as PDF (placement sheet for the young person)',
    });
  });
});
