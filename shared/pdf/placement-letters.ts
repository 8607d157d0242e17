/**
 * The three letters of a work placement, as pdfmake document definitions: plain data in, a definition
 * out, rendered by the caller with the `Roboto` family registered (see ./fonts.ts).
 * - the confirmation to the employer: the young person, the dates and hours, what we ask of them, whom
 *   to call in an emergency (the service, never the family), and the medical or access notes only
 *   when the adviser ticked "share with the employer";
 * - the information and consent form for the parent or carer, with a slip to fill in, or the consent
 *   already recorded;
 * - the young person's own sheet: where, when, whom to ask for, what to bring, how to get there, and
 *   whom to call when something goes wrong.
 *
 * None prints a UPN, a date of birth or a characteristic. pdfmake changes a definition while it lays
 * it out: build a fresh one for every PDF.
 */
import type { Content, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Employer } from '../model/employer';
import { travelPlanText, type WorkplaceExperience } from '../model/experience';
import type { School, ServiceDetails } from '../model/organisation';
import { displayName, type Pupil } from '../model/pupil';
import { ageOn, formatUkDate } from '../academic-year';
import { CONSENT_WAYS, labelOf } from '../reference/lists';
import { daysAttendedOf, formatHours } from '../experiences/hours';
import { letterhead, NO_SERVICE_CONTACT } from './action-plan';
import { PDF_FONT_FAMILY } from './fonts';
import { serviceDocument } from './document';

export const PLACEMENT_LETTER_KINDS = ['employer-confirmation', 'parent-consent', 'young-person-sheet'] as const;
export type PlacementLetterKind = (typeof PLACEMENT_LETTER_KINDS)[number];

/** Each letter's title (printed, and the start of its file name) and whom it is for (the audit entry and the buttons). */
export const PLACEMENT_LETTERS: Readonly<Record<PlacementLetterKind, { title: string; fileTitle: string; forWhom: string }>> = {
  'employer-confirmation': { title: 'Work placement confirmation', fileTitle: 'Placement confirmation', forWhom: 'the employer' },
  'parent-consent': {
    title: 'Work placement: information and consent',
    fileTitle: 'Placement information and consent',
    forWhom: 'the parent or carer',
  },
  'young-person-sheet': { title: 'Your work placement', fileTitle: 'Placement sheet', forWhom: 'the young person' },
};

/** The headings the UI and tests can rely on. */
export const PLACEMENT_LETTER_HEADINGS = {
  placement: 'The placement',
  askOfEmployer: 'What we ask of you',
  needs: 'Medical or access needs',
  emergency: 'In an emergency',
  travel: 'Getting there and back',
  contact: 'Who to contact',
  onRecord: 'What we have on record',
  slip: 'Consent slip',
  where: 'Where',
  when: 'When',
  askFor: 'Who to ask for',
  bring: 'What to bring',
  howToGetThere: 'How to get there',
  wrong: 'If something goes wrong',
} as const;

/** Printed on the young person's sheet when the adviser has not written what to bring. */
export const USUAL_THINGS_TO_BRING = [
  'A packed lunch and a drink, or money to buy lunch',
  'Clothes suitable for the workplace: ask if you are not sure',
  'A notebook and pen',
  'Your phone, charged, with the numbers on this sheet saved in it',
  'Any medicine you need during the day',
] as const;

export interface PlacementLetterInput {
  /** The work placement (a workplace experience of kind work-placement) with its paperwork. */
  experience: WorkplaceExperience;
  pupil: Pupil;
  employer: Employer;
  school: School | null;
  /** The service's details from Settings; null before they are set up (a plain name is printed then). */
  service: ServiceDetails | null;
  /** When the letter is produced: an ISO datetime in local time; its date is printed. */
  now: string;
}

const UNNAMED_SERVICE: ServiceDetails = {
  name: 'Careers guidance service',
  logoDataUrl: '',
  contact: { name: '', email: '', phone: '' },
  address: '',
};

/** Dark text on white or on the light fill: every pair has a contrast ratio of at least 7:1. */
const COLOURS = { text: '#1a1a1a', heading: '#12355b', muted: '#454545', rule: '#8a99aa', panel: '#f4f6f9' } as const;
const PAGE_MARGINS: [number, number, number, number] = [50, 56, 50, 64];
/** A4 is 595.28 pt wide. */
const CONTENT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];
const BODY_SIZE = 11;
/** The room, in body-text heights, a heading needs below it to stay on its page: its rule and a few lines. */
const KEEP_WITH_HEADING = 7;

const panelLayout: CustomTableLayout = {
  fillColor: () => COLOURS.panel,
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: (column) => (column === 0 ? 10 : 4),
  paddingRight: (column, node) => (column === (node.table.widths?.length ?? 1) - 1 ? 10 : 4),
  paddingTop: (row) => (row === 0 ? 8 : 3),
  paddingBottom: (row, node) => (row === node.table.body.length - 1 ? 8 : 3),
};

function rule(width: number, margin: [number, number, number, number], colour: string = COLOURS.rule): Content {
  return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: width, lineColor: colour }], margin };
}

/** A section heading with its rule, marked so that the page-break rule keeps it with what follows. */
function heading(text: string): Content[] {
  return [{ text, style: 'h1', headlineLevel: 1 }, rule(0.8, [0, 0, 0, 5])];
}

function para(text: string, style = 'body'): Content {
  return { text, style };
}

/** Free text as paragraphs (split at blank lines). */
function paragraphs(text: string): Content[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => para(part));
}

/** The travel plan (the ways ticked, then the details), or what to say when there is none yet. */
function travelPlanParagraphs(paperwork: WorkplaceExperience['paperwork'], notYet: string): Content[] {
  const text = travelPlanText(paperwork.travelPlan);
  return text ? paragraphs(text) : [para(notYet, 'empty')];
}

function bullets(items: readonly (string | Content)[]): Content {
  return { ul: items.map((item) => (typeof item === 'string' ? { text: item } : item)), margin: [0, 0, 0, 6] };
}

/** Label and value pairs in a shaded panel; pairs with no value are left out. */
function panel(pairs: [label: string, value: string][]): Content {
  const rows: TableCell[][] = pairs
    .filter(([, value]) => value.trim().length > 0)
    .map(([label, value]) => [{ text: label, style: 'label', noWrap: true }, { text: value }]);
  return { table: { widths: ['auto', '*'], body: rows, dontBreakRows: true }, layout: panelLayout, margin: [0, 2, 0, 8] };
}

function forenameOf(pupil: Pupil): string {
  return pupil.preferredForename || pupil.legalForename;
}

function schoolLabel(pupil: Pupil, school: School | null): string {
  if (pupil.homeEducated) return 'Home educated';
  return school?.name ?? '';
}

function offerTitleOf(input: PlacementLetterInput): string {
  return input.employer.offers.find((offer) => offer.id === input.experience.offerId)?.title ?? '';
}

function datesText(experience: WorkplaceExperience): string {
  const days = daysAttendedOf(experience);
  const range =
    experience.start === experience.end
      ? formatUkDate(experience.start)
      : `${formatUkDate(experience.start)} to ${formatUkDate(experience.end)}`;
  return `${range} (${days === 1 ? '1 day' : `${days} days`})`;
}

/** The hours in words, or '' when not recorded. */
export function placementHoursText(experience: Pick<WorkplaceExperience, 'hours'>): string {
  const hours = experience.hours;
  if (!hours) return '';
  return hours.basis === 'per-day' ? `${formatHours(hours.value)} a day` : `${formatHours(hours.value)} in all`;
}

/** Whom to ask for on arrival: the name the adviser wrote, else the employer's contact; '' when neither is known. */
export function askForName(input: Pick<PlacementLetterInput, 'experience' | 'employer'>): string {
  return input.experience.paperwork.reportTo.trim() || input.employer.contact.name.trim();
}

/** The service's ways to be reached, as labelled lines; empty parts are left out. */
function serviceContactLines(service: ServiceDetails): Content[] {
  const lines = (
    [
      ['Contact', service.contact.name],
      ['Phone', service.contact.phone],
      ['Email', service.contact.email],
      ['Address', service.address],
    ] as const
  ).filter(([, value]) => value.trim().length > 0);
  if (lines.length === 0) return [para(NO_SERVICE_CONTACT)];
  return lines.map(([label, value]) => ({ text: [{ text: `${label}: `, style: 'label' }, value], style: 'line' }));
}

/** "Kent Careers on 01622 000000 (Sam Adviser)" or the name alone: how to reach the service in one phrase. */
function servicePhrase(service: ServiceDetails): string {
  const ways = [service.contact.phone && `on ${service.contact.phone}`, service.contact.email && `at ${service.contact.email}`]
    .filter((part) => part)
    .join(' or ');
  const who = service.contact.name ? `${service.contact.name} at ${service.name}` : service.name;
  return ways ? `${who} ${ways}` : who;
}

function notConfirmedNote(experience: WorkplaceExperience): Content[] {
  if (experience.status === 'proposed' || experience.status === 'contacted') {
    return [para('This placement is not confirmed yet: these are the details proposed, and they may still change.', 'note')];
  }
  if (experience.status === 'cancelled') return [para('This placement has been cancelled.', 'note')];
  return [];
}

function employerConfirmation(input: PlacementLetterInput, service: ServiceDetails): Content[] {
  const { experience, pupil, employer, school } = input;
  const name = displayName(pupil);
  const paperwork = experience.paperwork;
  const checks = employer.checks;
  const under18 = ageOn(pupil.dateOfBirth, experience.start) < 18;
  const askOf: (string | Content)[] = [
    'An induction on the first morning: the people they will work with, the site, fire exits, first aid, and the rules of the workplace.',
    `A named member of staff to supervise ${forenameOf(pupil)} throughout, and tasks set by you, ` +
      'with a little time at the end to tell them how they did.',
  ];
  if (under18) {
    askOf.push(
      'Hours within the limits for a young person under 18: no more than 8 hours a day or 40 a week, ' +
        'and a break of 30 minutes after 4.5 hours.',
    );
  }
  askOf.push(
    checks.riskAssessmentOn
      ? `Your risk assessment of ${formatUkDate(checks.riskAssessmentOn)} is on file` +
          (checks.riskControls.trim() ? `, with the controls agreed: ${checks.riskControls.trim().replace(/[.\s]+$/, '')}` : '') +
          '. Please tell us before the placement if anything in it changes.'
      : 'We do not have your risk assessment on file yet: please send it to us before the placement starts.',
  );
  askOf.push(
    checks.insuranceExpiresOn
      ? `Your employer's liability insurance is on file, valid until ${formatUkDate(checks.insuranceExpiresOn)}.`
      : "Please send us a copy of your employer's liability insurance certificate.",
  );
  askOf.push(`A few words of feedback at the end on how ${forenameOf(pupil)} got on, for their record.`);

  const content: Content[] = [
    {
      stack: [
        para(employer.contact.name ? `To ${employer.contact.name}` : 'To the placement contact', 'line'),
        para(employer.name, 'line'),
        ...(employer.address ? [para(employer.address, 'line')] : []),
      ],
      margin: [0, 0, 0, 8],
    },
    para(
      `Thank you for offering ${name} a work placement. This letter confirms what we have arranged together; please keep it ` +
        'with your records and pass it to whoever will look after them.',
    ),
    ...notConfirmedNote(experience),
    ...heading(PLACEMENT_LETTER_HEADINGS.placement),
    panel([
      ['Young person', name],
      ['School', schoolLabel(pupil, school)],
      ['Placement', offerTitleOf(input)],
      ['Dates', datesText(experience)],
      ['Hours', placementHoursText(experience)],
      ['Times', paperwork.times],
      ['They will ask for', askForName(input)],
    ]),
    ...heading(PLACEMENT_LETTER_HEADINGS.askOfEmployer),
    bullets(askOf),
  ];
  if (paperwork.shareNotesWithEmployer && paperwork.accessNotes.trim()) {
    content.push(
      ...heading(PLACEMENT_LETTER_HEADINGS.needs),
      para('Shared with you so that you can plan for them. Please keep this to the people who need to know.', 'note'),
      ...paragraphs(paperwork.accessNotes),
    );
  }
  content.push(
    ...heading(PLACEMENT_LETTER_HEADINGS.emergency),
    para(
      `If ${forenameOf(pupil)} is hurt or taken ill, get help first, then call ${servicePhrase(service)}. ` +
        'We hold their emergency contacts and will reach their family straight away. Call us too if they do not arrive.',
    ),
    // The sentence above gives the service's phone and email; without either, say where to ask.
    ...(service.contact.phone || service.contact.email ? [] : [para(NO_SERVICE_CONTACT)]),
    {
      stack: [para('Yours sincerely,', 'line'), para(service.contact.name || service.name, 'signature'), para(service.name, 'line')],
      unbreakable: true,
      margin: [0, 16, 0, 0],
    },
  );
  return content;
}

/** A line to write on: its label, then a rule the width of the page (or of its column). */
function writeOnLine(label: string, width = CONTENT_WIDTH): Content {
  return {
    stack: [
      { text: label, style: 'slipLabel' },
      { canvas: [{ type: 'line', x1: 0, y1: 18, x2: width, y2: 18, lineWidth: 0.6, lineColor: COLOURS.muted }] },
    ],
    margin: [0, 4, 0, 6],
  };
}

function consentSlip(input: PlacementLetterInput, service: ServiceDetails): Content {
  const { experience, pupil, employer } = input;
  const name = displayName(pupil);
  const half = (CONTENT_WIDTH - 16) / 2;
  const consent = experience.paperwork.consent;
  return {
    stack: [
      { text: 'Cut here and return this slip to the school or to us', style: 'note', alignment: 'center', margin: [0, 8, 0, 2] },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.8, dash: { length: 4 }, lineColor: COLOURS.muted }] },
      { text: PLACEMENT_LETTER_HEADINGS.slip, style: 'h1', margin: [0, 10, 0, 4] },
      para(`Young person: ${name}`, 'line'),
      para(`Placement: ${employer.name}, ${datesText(experience)}`, 'line'),
      ...(consent
        ? [para(`Consent already recorded on ${formatUkDate(consent.on)}: fill this in only if something has changed.`, 'note')]
        : []),
      writeOnLine('Your name'),
      writeOnLine('Relationship to the young person'),
      { columns: [writeOnLine('Emergency contact 1: name', half), writeOnLine('Phone', half)], columnGap: 16 },
      { columns: [writeOnLine('Emergency contact 2: name', half), writeOnLine('Phone', half)], columnGap: 16 },
      writeOnLine('Medical or access needs the placement should know about (or "none")'),
      writeOnLine(''),
      {
        text:
          `I give my consent for ${name} to take part in this work placement, and to ${service.name} sharing ` +
          'the medical or access needs above with the employer where they need to know.',
        style: 'body',
        margin: [0, 8, 0, 0],
      },
      { columns: [writeOnLine('Signature', half), writeOnLine('Date', half)], columnGap: 16 },
    ],
    // The slip is cut off and returned: never split across two pages.
    unbreakable: true,
  };
}

function parentConsentForm(input: PlacementLetterInput, service: ServiceDetails): Content[] {
  const { experience, pupil, employer, school } = input;
  const name = displayName(pupil);
  const forename = forenameOf(pupil);
  const paperwork = experience.paperwork;
  const consent = paperwork.consent;
  const content: Content[] = [
    para(`To the parent or carer of ${name}`),
    para(
      `${forename} has a work placement at ${employer.name}. This letter tells you what it involves and whom to contact. ` +
        (consent ? 'Thank you for your consent.' : 'Please read it, then fill in the consent slip at the end and return it.'),
      'intro',
    ),
    ...notConfirmedNote(experience),
  ];
  if (consent) {
    content.push({
      table: {
        widths: ['*'],
        body: [
          [
            {
              text: [
                { text: 'Consent recorded: ', bold: true },
                `given by ${consent.givenBy} (${consent.relationship.toLowerCase()}) on ${formatUkDate(consent.on)}, ` +
                  `${labelOf(CONSENT_WAYS, consent.how).toLowerCase()}.`,
              ],
            },
          ],
        ],
      },
      layout: panelLayout,
      margin: [0, 4, 0, 4],
    });
  }
  content.push(
    ...heading(PLACEMENT_LETTER_HEADINGS.placement),
    panel([
      ['Employer', employer.name],
      ['Address', employer.address],
      ['Placement', offerTitleOf(input)],
      ['Dates', datesText(experience)],
      ['Hours', placementHoursText(experience)],
      ['Times', paperwork.times],
      ['Ask for', askForName(input)],
      ['School', schoolLabel(pupil, school)],
    ]),
    para(
      "Before a placement goes ahead we check the employer's liability insurance, their risk assessment " +
        'and how they keep young people safe. ' +
        `The employer is asked to give ${forename} an induction on the first morning and a named supervisor throughout.`,
    ),
    ...heading(PLACEMENT_LETTER_HEADINGS.travel),
    ...travelPlanParagraphs(paperwork, `Not agreed yet: please tell us on the slip how ${forename} will get there and back.`),
    ...heading(PLACEMENT_LETTER_HEADINGS.contact),
    para(`For anything about the placement, before or during it, contact ${service.name}:`),
    ...serviceContactLines(service),
    para(`If ${forename} is ill and cannot go, please tell the employer and the school before the start of the day.`),
  );
  if (paperwork.emergencyContacts.length > 0 || paperwork.accessNotes.trim()) {
    content.push(
      ...heading(PLACEMENT_LETTER_HEADINGS.onRecord),
      para('Please check these and correct them on the slip if anything has changed.', 'note'),
      panel([
        ...paperwork.emergencyContacts.map((c, i): [string, string] => [`Emergency contact ${i + 1}`, `${c.name}, ${c.phone}`]),
        ['Medical or access needs', paperwork.accessNotes.trim()],
        [
          'Shared with the employer',
          paperwork.accessNotes.trim() ? (paperwork.shareNotesWithEmployer ? 'Yes' : 'No, kept by the service') : '',
        ],
      ]),
    );
  }
  content.push(consentSlip(input, service));
  return content;
}

function youngPersonSheet(input: PlacementLetterInput, service: ServiceDetails): Content[] {
  const { experience, employer } = input;
  const paperwork = experience.paperwork;
  const askFor = askForName(input);
  const employerPhone = employer.contact.phone.trim();
  const hours = placementHoursText(experience);
  const bring: (string | Content)[] = paperwork.whatToBring.trim()
    ? paperwork.whatToBring
        .split('\n')
        .map((line) => line.replace(/^\s*[-*•]\s*/, '').trim())
        .filter((line) => line.length > 0)
    : [...USUAL_THINGS_TO_BRING];
  if (employer.requirements.protectiveEquipment) {
    bring.push(`Protective equipment is needed at ${employer.name}: ask ${askFor || 'them'} what they give you and what to wear.`);
  }
  return [
    para(`Keep this sheet with you, and save the phone numbers in your phone before your first day.`, 'intro'),
    ...notConfirmedNote(experience),
    ...heading(PLACEMENT_LETTER_HEADINGS.where),
    para(employer.name, 'strong'),
    ...(employer.address ? [para(employer.address)] : []),
    ...(offerTitleOf(input) ? [para(`Your placement: ${offerTitleOf(input)}`)] : []),
    ...heading(PLACEMENT_LETTER_HEADINGS.when),
    panel([
      ['Dates', datesText(experience)],
      ['Times', paperwork.times || 'Your adviser or the employer will tell you before your first day'],
      ['Hours', hours],
    ]),
    ...heading(PLACEMENT_LETTER_HEADINGS.askFor),
    para(
      askFor
        ? `When you arrive, say who you are and ask for ${askFor}.`
        : 'When you arrive, say who you are and that you are there for work experience; ask for the person looking after you.',
    ),
    ...(employerPhone ? [{ text: [{ text: 'Their phone: ', style: 'label' }, employerPhone], style: 'line' } as Content] : []),
    ...heading(PLACEMENT_LETTER_HEADINGS.bring),
    bullets(bring),
    ...heading(PLACEMENT_LETTER_HEADINGS.howToGetThere),
    ...travelPlanParagraphs(paperwork, 'Not planned yet: talk to your adviser or your school about how you will get there and back.'),
    para('Try the journey before your first day if you can, and leave time to spare.', 'note'),
    ...heading(PLACEMENT_LETTER_HEADINGS.wrong),
    bullets([
      employerPhone
        ? `If you are ill or running late, phone ${askFor || employer.name} on ${employerPhone} before your start time, ` +
          'and tell your school.'
        : `If you are ill or running late, phone ${employer.name} before your start time, and tell your school.`,
      `If you are worried, feel unsafe, or something is not right, tell someone you trust and call ${servicePhrase(service)}.`,
      'In an emergency, call 999.',
    ]),
  ];
}

/** Text that counts as content after a heading: not a rule, another heading, or the running header and footer. */
function isBodyText(node: { text?: unknown; canvas?: unknown; headlineLevel?: unknown; style?: unknown }): boolean {
  if (node.text === undefined || node.canvas !== undefined || node.headlineLevel !== undefined) return false;
  const styles = Array.isArray(node.style) ? node.style : [node.style];
  return !styles.includes('running');
}

/** Builds one of a placement's letters, ready for `pdfmake.createPdf`. */
export function buildPlacementLetter(kind: PlacementLetterKind, input: PlacementLetterInput): TDocumentDefinitions {
  const service = input.service ?? UNNAMED_SERVICE;
  const { title } = PLACEMENT_LETTERS[kind];
  const name = displayName(input.pupil);
  const subtitle = kind === 'young-person-sheet' ? `for ${name}` : `${name} at ${input.employer.name}`;
  const produced = formatUkDate(input.now.slice(0, 10));
  const created = new Date(input.now);
  const body =
    kind === 'employer-confirmation'
      ? employerConfirmation(input, service)
      : kind === 'parent-consent'
        ? parentConsentForm(input, service)
        : youngPersonSheet(input, service);

  return {
    ...serviceDocument(service, PAGE_MARGINS, {
      title: `${title} – ${subtitle.replace(/^for /, '')}`,
      subject: `${title}, produced ${produced}`,
      keywords: 'careers, work experience, placement',
      created,
    }),
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: BODY_SIZE, lineHeight: 1.2, color: COLOURS.text },
    styles: {
      serviceName: { fontSize: 13, bold: true, color: COLOURS.heading },
      serviceAddress: { fontSize: 9, color: COLOURS.muted },
      date: { fontSize: 9, color: COLOURS.muted, alignment: 'right' },
      title: { fontSize: 20, bold: true, color: COLOURS.heading, margin: [0, 8, 0, 2] },
      subtitle: { fontSize: 12.5, margin: [0, 0, 0, 10] },
      intro: { margin: [0, 0, 0, 6] },
      h1: { fontSize: 13.5, bold: true, color: COLOURS.heading, margin: [0, 9, 0, 2] },
      body: { margin: [0, 0, 0, 5] },
      line: { margin: [0, 0, 0, 2] },
      strong: { bold: true, margin: [0, 0, 0, 2] },
      signature: { bold: true, margin: [0, 18, 0, 2] },
      empty: { italics: true, color: COLOURS.muted, margin: [0, 0, 0, 6] },
      note: { fontSize: 9.5, color: COLOURS.muted, margin: [0, 0, 0, 6] },
      label: { bold: true },
      slipLabel: { fontSize: 9.5, color: COLOURS.muted },
      running: { fontSize: 9, color: COLOURS.muted },
    },
    content: [
      letterhead(service),
      rule(1.5, [0, 10, 0, 4], COLOURS.heading),
      { text: produced, style: 'date' },
      { text: title, style: 'title' },
      { text: subtitle, style: 'subtitle' },
      ...body,
    ],
    header: (currentPage) =>
      currentPage > 1 ? { text: `${title} – ${subtitle}`, style: 'running', margin: [PAGE_MARGINS[0], 24, PAGE_MARGINS[2], 0] } : null,
    footer: (currentPage, pageCount) => ({
      columns: [
        { text: kind === 'employer-confirmation' ? 'Confidential' : 'Private', bold: true, width: '*', style: 'running' },
        { text: `Produced ${produced}`, alignment: 'center', width: '*', style: 'running' },
        { text: `Page ${currentPage} of ${pageCount}`, alignment: 'right', width: '*', style: 'running' },
      ],
      style: 'running',
      margin: [PAGE_MARGINS[0], 20, PAGE_MARGINS[2], 0],
    }),
    // Keep a heading with what follows it: move it to the next page when no body text follows it there,
    // or when too little of the page is left for the start of its section (as the action plan does).
    pageBreakBefore: (node, queries) => {
      if (node.headlineLevel === undefined) return false;
      const { pageInnerHeight, verticalRatio } = node.startPosition;
      if (pageInnerHeight * (1 - verticalRatio) < KEEP_WITH_HEADING * BODY_SIZE) return true;
      return !queries.getFollowingNodesOnPage().some(isBodyText);
    },
  };
}
