/**
 * The careers action plan as a pdfmake document definition: plain data in, a definition out. No fonts,
 * files or clock are touched here; the caller renders it (pdfmake's browser build in the renderer,
 * pdfmake's Node API in tests) with the `Roboto` family registered (see ./fonts.ts).
 *
 * pdfmake changes a definition while it lays it out: build a fresh one for every PDF.
 */
import type { Column, Content, CustomTableLayout, StyleDictionary, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ActionPlan, GuidanceSession, PlanAction } from '../model/guidance';
import type { Adviser, School, ServiceDetails } from '../model/organisation';
import { displayName, type Pupil } from '../model/pupil';
import { formatUkDate, yearGroupLabelOf } from '../academic-year';
import { ACTION_OWNERS, ADVISER_ROLES, labelOf } from '../reference/lists';
import { destinationLabel } from '../reference/destinations';
import type { DiscussedOptionDetails } from './discussed';
import { relevantSignposts } from './signposts';
import { PDF_FONT_FAMILY } from './fonts';
import { hasLogo, serviceDocument } from './document';

export interface ActionPlanPdfOptions {
  /** Body text at 14 pt (instead of 11 pt) with headings scaled to match. */
  largePrint: boolean;
  includeDateOfBirth: boolean;
  /** The unique pupil number: printed only when asked for. */
  includeUpn: boolean;
}

export const DEFAULT_ACTION_PLAN_PDF_OPTIONS: Readonly<ActionPlanPdfOptions> = Object.freeze({
  largePrint: false,
  includeDateOfBirth: false,
  includeUpn: false,
});

export interface ActionPlanPdfInput {
  plan: ActionPlan;
  pupil: Pupil;
  /** The meeting the plan came from, when there was one: its date is printed. */
  session: GuidanceSession | null;
  school: School | null;
  adviser: Adviser | null;
  service: ServiceDetails;
  /** The plan's `discussed` entries resolved against the directory (see `resolveDiscussedOptions`). */
  discussed: readonly DiscussedOptionDetails[];
  /** When the PDF is produced: an ISO datetime in local time; its date is printed and decides what is overdue. */
  now: string;
  options: ActionPlanPdfOptions;
}

/** The section headings, in order. The UI and tests can rely on these words. */
export const ACTION_PLAN_HEADINGS = {
  aboutYou: 'About you',
  barriers: 'What could get in the way',
  goals: 'Your goals',
  nextSteps: 'Your next steps',
  destination: 'Where you plan to go next',
  planB: 'Plan B',
  discussed: 'Routes and employers we talked about',
  help: 'Where to get help',
  review: 'Next review',
} as const;

/** The wording printed for a service whose contact details are missing, and for which the export dialog warns. */
export const NO_SERVICE_CONTACT = 'Ask your school or adviser for our contact details.';

/**
 * What the family's copy would lack from the service's details (Settings): its name, or any way to
 * contact it. Empty when the plan can tell them how to reach the service. The export dialog warns with these.
 */
export function missingServiceDetails(service: ServiceDetails | null): string[] {
  const missing: string[] = [];
  if (!service || !service.name.trim()) missing.push("the service's name");
  const reachable =
    service !== null && [service.contact.email, service.contact.phone, service.address].some((part) => part.trim().length > 0);
  if (!reachable) missing.push('an email address, phone number or address for the family to contact');
  return missing;
}

export const ACTION_TABLE_HEADER = ['What', 'Who', 'By when', 'Done?'] as const;

/** Dark text on white throughout: every colour below has a contrast ratio of at least 7:1 on white or on the fills. */
const COLOURS = {
  text: '#1a1a1a',
  heading: '#12355b',
  muted: '#454545',
  rule: '#8a99aa',
  headerFill: '#dde6f0',
  stripe: '#f4f6f9',
  panel: '#f4f6f9',
} as const;

const PAGE_MARGINS: [number, number, number, number] = [50, 56, 50, 64];
/**
 * The room, in body-text heights, a heading needs below it on the page to stay there: a section heading
 * with its rule, a table's header row and a first row of two or three lines; a subheading and two lines.
 */
const KEEP_WITH_H1 = 11;
const KEEP_WITH_H2 = 5;
/** A4 is 595.28 pt wide. */
const CONTENT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];

interface Sizes {
  body: number;
  small: number;
  h2: number;
  h1: number;
  title: number;
  serviceName: number;
}

function sizesFor(largePrint: boolean): Sizes {
  return largePrint
    ? { body: 14, small: 12, h2: 16, h1: 19, title: 28, serviceName: 16 }
    : { body: 11, small: 9, h2: 12.5, h1: 15, title: 22, serviceName: 13 };
}

function stylesFor(sizes: Sizes): StyleDictionary {
  return {
    serviceName: { fontSize: sizes.serviceName, bold: true, color: COLOURS.heading },
    serviceAddress: { fontSize: sizes.small, color: COLOURS.muted },
    title: { fontSize: sizes.title, bold: true, color: COLOURS.heading, margin: [0, 18, 0, 2] },
    subtitle: { fontSize: sizes.h2, color: COLOURS.text, margin: [0, 0, 0, 12] },
    intro: { fontSize: sizes.body, color: COLOURS.text, margin: [0, 12, 0, 0] },
    h1: { fontSize: sizes.h1, bold: true, color: COLOURS.heading, margin: [0, 20, 0, 3] },
    h2: { fontSize: sizes.h2, bold: true, color: COLOURS.heading, margin: [0, 8, 0, 4] },
    body: { margin: [0, 0, 0, 6] },
    empty: { italics: true, color: COLOURS.muted, margin: [0, 0, 0, 6] },
    label: { bold: true },
    tableHeader: { bold: true, color: COLOURS.text },
    note: { fontSize: sizes.small, color: COLOURS.muted },
    small: { fontSize: sizes.small, color: COLOURS.muted },
    /** The running header and footer. */
    running: { fontSize: sizes.small, color: COLOURS.muted },
  };
}

const dataTableLayout: CustomTableLayout = {
  fillColor: (row) => (row === 0 ? COLOURS.headerFill : row % 2 === 0 ? COLOURS.stripe : null),
  // No line above the shaded header row (the section heading's rule is just above it); a firm line under it and at the end.
  hLineWidth: (line, node) => (line === 0 ? 0 : line === 1 || line === node.table.body.length ? 0.8 : 0.4),
  hLineColor: (line) => (line <= 1 ? COLOURS.heading : COLOURS.rule),
  vLineWidth: () => 0,
  paddingLeft: () => 6,
  paddingRight: () => 6,
  paddingTop: () => 5,
  paddingBottom: () => 5,
};

const panelLayout: CustomTableLayout = {
  fillColor: () => COLOURS.panel,
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: (column) => (column % 2 === 0 ? 10 : 4),
  paddingRight: (column) => (column % 2 === 1 ? 10 : 4),
  paddingTop: (row) => (row === 0 ? 8 : 3),
  paddingBottom: (row, node) => (row === node.table.body.length - 1 ? 8 : 3),
};

/**
 * A heading, marked with its level so that the page-break rule keeps it with what follows. Inside an
 * `unbreakable` stack pass `keep: false`: pdfmake loses a page break asked for inside such a stack (the
 * page comes out blank), and the stack keeps its heading with its content anyway.
 */
function heading(text: string, level: 1 | 2, keep = true): Content[] {
  const mark = keep ? { headlineLevel: level } : {};
  if (level === 2) return [{ text, style: 'h2', ...mark }];
  return [
    { text, style: 'h1', ...mark },
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.8, lineColor: COLOURS.rule }], margin: [0, 0, 0, 8] },
  ];
}

/** Free text as paragraphs (split at blank lines), or a plain "nothing yet" line. */
function paragraphs(text: string, whenEmpty: string): Content[] {
  const parts = text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (parts.length === 0) return [{ text: whenEmpty, style: 'empty' }];
  return parts.map((part) => ({ text: part, style: 'body' }));
}

function schoolLabel(pupil: Pupil, school: School | null): string {
  if (pupil.homeEducated) return 'Home educated';
  return school?.name ?? 'Not recorded';
}

function detailsPanel(input: ActionPlanPdfInput, name: string): Content {
  const { pupil, school, session, adviser, options, now } = input;
  const pairs: [string, string][] = [
    ['Name', name],
    ['Year group', yearGroupLabelOf(pupil, now.slice(0, 10))],
    ['School', schoolLabel(pupil, school)],
  ];
  if (options.includeDateOfBirth) pairs.push(['Date of birth', formatUkDate(pupil.dateOfBirth)]);
  if (options.includeUpn) pairs.push(['UPN', pupil.upn ?? 'Not known']);
  if (session) pairs.push(['Meeting date', formatUkDate(session.date)]);
  if (adviser) pairs.push(['Adviser', adviser.name]);

  const rows: TableCell[][] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const [left, right] = [pairs[i], pairs[i + 1]];
    if (!left) break;
    rows.push([
      { text: left[0], style: 'label', noWrap: true },
      { text: left[1] },
      right ? { text: right[0], style: 'label', noWrap: true } : { text: '' },
      right ? { text: right[1] } : { text: '' },
    ]);
  }
  return { table: { widths: ['auto', '*', 'auto', '*'], body: rows }, layout: panelLayout };
}

function goalsSection(plan: ActionPlan): Content[] {
  const section: Content[] = [];
  for (const [term, title, whenEmpty] of [
    ['long', 'Long-term goals', 'No long-term goal written yet.'],
    ['short', 'Short-term goals', 'No short-term goal written yet.'],
  ] as const) {
    const goals = plan.goals.filter((goal) => goal.term === term);
    section.push(...heading(title, 2));
    section.push(
      goals.length === 0 ? { text: whenEmpty, style: 'empty' } : { ul: goals.map((goal) => ({ text: goal.text })), margin: [0, 0, 0, 6] },
    );
  }
  return section;
}

/** The "Done?" cell in words, so nothing depends on colour: Done (date), Overdue, Not yet, No longer needed. */
function doneCell(action: PlanAction, today: string): TableCell {
  // Short words kept on one line ("Not yet" must not break into "Not / yet"); the "What" column takes what is left.
  if (action.status === 'done') return { text: action.doneOn ? `Done ${formatUkDate(action.doneOn)}` : 'Done', noWrap: true };
  if (action.status === 'dropped') return { text: 'No longer needed' };
  if (action.byWhen < today) return { text: 'Overdue', bold: true, noWrap: true };
  return { text: 'Not yet', noWrap: true };
}

function actionsSection(plan: ActionPlan, today: string): Content[] {
  if (plan.actions.length === 0) return [{ text: 'No next steps written yet.', style: 'empty' }];
  // By date, so the next thing to do comes first; ties keep the adviser's order.
  const actions = plan.actions
    .map((action, index) => ({ action, index }))
    .sort((a, b) => (a.action.byWhen < b.action.byWhen ? -1 : a.action.byWhen > b.action.byWhen ? 1 : a.index - b.index))
    .map(({ action }) => action);
  const header: TableCell[] = ACTION_TABLE_HEADER.map((text) => ({ text, style: 'tableHeader', noWrap: true }));
  const rows: TableCell[][] = actions.map((action) => [
    { text: action.what },
    { text: labelOf(ACTION_OWNERS, action.who), noWrap: true },
    { text: formatUkDate(action.byWhen), noWrap: true },
    doneCell(action, today),
  ]);
  return [
    {
      table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: ['*', 'auto', 'auto', 'auto'], body: [header, ...rows] },
      layout: dataTableLayout,
      margin: [0, 2, 0, 6],
    },
  ];
}

function discussedSection(discussed: readonly DiscussedOptionDetails[]): Content[] {
  if (discussed.length === 0) return [{ text: 'We did not look at particular courses or employers this time.', style: 'empty' }];
  const header: TableCell[] = ['Option', 'Where', 'How to apply'].map((text) => ({ text, style: 'tableHeader' }));
  const rows: TableCell[][] = discussed.map((option) => {
    const where = [option.provider, option.campus].filter((part) => part.length > 0);
    return [
      { stack: [{ text: option.title, bold: true }, ...(option.note ? [{ text: option.note, style: 'note' }] : [])] },
      { text: where.length > 0 ? where.join('\n') : 'Ask your adviser' },
      { text: option.howToApply },
    ];
  });
  return [
    {
      table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: ['*', '*', '*'], body: [header, ...rows] },
      layout: dataTableLayout,
      margin: [0, 2, 0, 6],
    },
  ];
}

/** Contact lines for a person or organisation; empty parts are left out. */
function contactLines(lines: [label: string, value: string][]): Content[] {
  return lines
    .filter(([, value]) => value.trim().length > 0)
    .map(([label, value]) => ({
      text: label ? [{ text: `${label}: `, style: 'label' }, value] : value,
      style: 'body',
      margin: [0, 0, 0, 2],
    }));
}

function helpSection(input: ActionPlanPdfInput, today: string): Content[] {
  const { plan, adviser, service, pupil } = input;
  const section: Content[] = [];
  if (plan.resources.trim()) {
    section.push(...heading('From our meeting', 2), ...paragraphs(plan.resources, ''));
  }

  section.push(...heading('Your adviser', 2));
  if (adviser) {
    section.push(
      ...contactLines([
        ['', adviser.role === 'other' ? adviser.name : `${adviser.name}, ${labelOf(ADVISER_ROLES, adviser.role).toLowerCase()}`],
        ['Email', adviser.email],
        ['Phone', adviser.phone],
      ]),
    );
    if (!adviser.email && !adviser.phone) section.push({ text: `Contact your adviser through ${service.name}.`, style: 'body' });
  } else {
    section.push({ text: `Contact ${service.name} using the details below.`, style: 'body' });
  }

  section.push(...heading(service.name, 2));
  const serviceLines = contactLines([
    ['Contact', service.contact.name],
    ['Email', service.contact.email],
    ['Phone', service.contact.phone],
    ['Address', service.address],
  ]);
  section.push(...(serviceLines.length > 0 ? serviceLines : [{ text: NO_SERVICE_CONTACT, style: 'body' }]));

  const signposts = relevantSignposts(pupil, today);
  if (signposts.length > 0) {
    section.push(...heading('Programmes and services', 2));
    section.push({
      ul: signposts.map((signpost) => ({
        text: [
          { text: signpost.name, bold: true },
          ` (${signpost.forWhom.replace(/^(Age|People)\b/, (word) => word.toLowerCase())}): ${signpost.about}`,
        ],
        margin: [0, 0, 0, 3],
      })),
      margin: [0, 0, 0, 6],
    });
  }
  return section;
}

/** Where the young person plans to go next: the meeting's intended destination, else the one on their record. */
function destinationSection(input: ActionPlanPdfInput): Content[] {
  const code = input.session?.intendedDestination ?? input.pupil.intendedDestination;
  if (!code) return [{ text: 'Not decided yet. We will talk about it again at your next review.', style: 'empty' }];
  // The NCCIS code is for the council's records; the family reads the words.
  return [{ text: destinationLabel(code).replace(/^\d+\s+/, ''), style: 'body', bold: true }];
}

/** The review date, what was agreed at the meeting and the "Agreed on" line: kept together on one page. */
function closingSection(plan: ActionPlan, session: GuidanceSession | null, name: string): Content {
  const agreed = plan.agreedWithYoungPerson
    ? plan.agreedOn
      ? `${formatUkDate(plan.agreedOn)}, with ${name}`
      : `with ${name} (date not recorded)`
    : 'Not yet agreed';
  const whatWasAgreed = session?.agreed.trim() ?? '';
  return {
    stack: [
      ...heading(ACTION_PLAN_HEADINGS.review, 1, false),
      plan.reviewOn
        ? { text: [`We will look at this plan again on `, { text: formatUkDate(plan.reviewOn), bold: true }, '.'], style: 'body' }
        : { text: 'No review date set yet. Your adviser will arrange one.', style: 'body' },
      {
        table: {
          widths: ['*'],
          body: [
            ...(whatWasAgreed ? [[{ stack: [{ text: 'What you agreed', bold: true }, ...paragraphs(whatWasAgreed, '')] }]] : []),
            [{ text: [{ text: 'Agreed on: ', bold: true }, agreed] }],
          ],
        },
        layout: { ...panelLayout, paddingLeft: () => 10, paddingRight: () => 10 },
        margin: [0, 20, 0, 0],
      },
    ],
    // The last section and the agreement never part: no page holding only "Agreed on".
    unbreakable: true,
  };
}

/** Text that counts as content after a heading: not a rule, another heading, a table's header row or the running header and footer. */
function isBodyText(node: { text?: unknown; canvas?: unknown; headlineLevel?: unknown; style?: unknown }): boolean {
  if (node.text === undefined || node.canvas !== undefined || node.headlineLevel !== undefined) return false;
  const styles = Array.isArray(node.style) ? node.style : [node.style];
  return !styles.includes('running') && !styles.includes('tableHeader');
}

/**
 * The service's logo (when it has one) and name, top left: shared by every document the service sends out.
 * Needs the styles `serviceName` and `serviceAddress`, and the image `serviceLogo` when hasLogo says so.
 */
export function letterhead(service: ServiceDetails): Content {
  const nameBlock = (margin: [number, number, number, number]): Column => ({
    stack: [{ text: service.name, style: 'serviceName' }, ...(service.address ? [{ text: service.address, style: 'serviceAddress' }] : [])],
    width: '*',
    margin,
  });
  const logo: Column = { stack: [{ image: 'serviceLogo', fit: [56, 56] }], width: 56 };
  return {
    columns: hasLogo(service) ? [logo, nameBlock([0, 4, 0, 0])] : [nameBlock([0, 0, 0, 0])],
    columnGap: 12,
  };
}

/** Builds the careers action plan for one young person, ready for `pdfmake.createPdf`. */
export function buildActionPlanDocument(input: ActionPlanPdfInput): TDocumentDefinitions {
  const { plan, pupil, service, options, now } = input;
  const name = displayName(pupil);
  const today = now.slice(0, 10);
  const produced = formatUkDate(today);
  const sizes = sizesFor(options.largePrint);
  const created = new Date(now);

  const content: Content[] = [
    letterhead(service),
    {
      canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 1.5, lineColor: COLOURS.heading }],
      margin: [0, 10, 0, 0],
    },
    { text: 'Careers action plan', style: 'title' },
    { text: `for ${name}`, style: 'subtitle' },
    detailsPanel(input, name),
    {
      text:
        'This plan sets out what we talked about and the steps we agreed. ' +
        'Keep it somewhere safe and look at it again before your next review.',
      style: 'intro',
    },

    ...heading(ACTION_PLAN_HEADINGS.aboutYou, 1),
    ...heading('Your situation', 2),
    ...paragraphs(plan.situation, 'Nothing written here yet.'),
    ...heading('Your strengths', 2),
    ...paragraphs(plan.strengths, 'Nothing written here yet.'),

    ...heading(ACTION_PLAN_HEADINGS.barriers, 1),
    ...paragraphs(plan.barriers, 'Nothing written here yet.'),

    ...heading(ACTION_PLAN_HEADINGS.goals, 1),
    ...goalsSection(plan),

    ...heading(ACTION_PLAN_HEADINGS.nextSteps, 1),
    ...actionsSection(plan, today),

    ...heading(ACTION_PLAN_HEADINGS.destination, 1),
    ...destinationSection(input),

    ...heading(ACTION_PLAN_HEADINGS.planB, 1),
    ...paragraphs(plan.backupPlan, 'No plan B written yet.'),

    ...heading(ACTION_PLAN_HEADINGS.discussed, 1),
    ...discussedSection(input.discussed),

    ...heading(ACTION_PLAN_HEADINGS.help, 1),
    ...helpSection(input, today),

    closingSection(plan, input.session, name),
  ];

  return {
    ...serviceDocument(service, PAGE_MARGINS, {
      title: `Careers action plan – ${name}`,
      subject: `Careers guidance action plan for ${name}, produced ${produced}`,
      keywords: 'careers, action plan, guidance',
      created,
    }),
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: sizes.body, lineHeight: 1.25, color: COLOURS.text },
    styles: stylesFor(sizes),
    content,
    header: (currentPage) =>
      currentPage > 1
        ? { text: `Careers action plan – ${name}`, style: 'running', margin: [PAGE_MARGINS[0], 24, PAGE_MARGINS[2], 0] }
        : null,
    // Every header and footer node carries the style `running`, so the page-break rule below can tell it from content.
    footer: (currentPage, pageCount) => ({
      stack: [
        { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.5, lineColor: COLOURS.rule }], style: 'running' },
        {
          columns: [
            { text: 'Confidential', bold: true, width: '*', style: 'running' },
            { text: `Produced ${produced}`, alignment: 'center', width: '*', style: 'running' },
            { text: `Page ${currentPage} of ${pageCount}`, alignment: 'right', width: '*', style: 'running' },
          ],
          margin: [0, 6, 0, 0],
          style: 'running',
        },
      ],
      style: 'running',
      margin: [PAGE_MARGINS[0], 20, PAGE_MARGINS[2], 0],
    }),
    // Keep a heading with what follows it: move it to the next page when no body text follows it there, or
    // when too little of the page is left for the start of its section. The second test is needed because
    // pdfmake keeps the first positions of a table row it then moved whole to the next page (dontBreakRows),
    // so a row can look as if it followed the heading on this page. Rules, other headings, a table's header
    // row and the running header and footer (pdfmake lists their nodes with the content's) are not body text.
    pageBreakBefore: (node, queries) => {
      if (node.headlineLevel === undefined) return false;
      const { pageInnerHeight, verticalRatio } = node.startPosition;
      const spaceLeft = pageInnerHeight * (1 - verticalRatio);
      if (spaceLeft < (node.headlineLevel === 1 ? KEEP_WITH_H1 : KEEP_WITH_H2) * sizes.body) return true;
      return !queries.getFollowingNodesOnPage().some(isBodyText);
    },
  };
}
