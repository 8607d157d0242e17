/**
 * A cohort allocation as a printable list: a table per employer (to hand to each employer or to
 * check places by), then one table of every young person (for the school), including those left
 * unplaced and why. Plain data in (shared/matching AllocationList), a pdfmake definition out; the
 * caller renders it with the `Roboto` family registered (see ./fonts.ts).
 *
 * No UPN, no date of birth and no priority characteristics are printed: the list only names people.
 * pdfmake changes a definition while it lays it out: build a fresh one for every PDF.
 */
import type { Content, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ServiceDetails } from '../model/organisation';
import { formatUkDate } from '../academic-year';
import {
  allocationCounts,
  allocationTitle,
  linesByEmployer,
  type AllocationList,
  type AllocationListLine,
  type PlacedLine,
} from '../matching/allocation-list';
import { distanceWords, scoreText } from '../matching/words';
import { letterhead } from './action-plan';
import { PDF_FONT_FAMILY } from './fonts';
import { serviceDocument } from './document';

export interface AllocationListPdfInput {
  list: AllocationList;
  /** The service's details from Settings; null before they are set up (a plain name is printed then). */
  service: ServiceDetails | null;
  /** When the PDF is produced: an ISO datetime in local time; its date is printed. */
  now: string;
}

/** The headings the UI and tests can rely on. */
export const ALLOCATION_PDF_HEADINGS = {
  byEmployer: 'By employer',
  byYoungPerson: 'By young person',
} as const;

export const ALLOCATION_PDF_COLUMNS = {
  byEmployer: ['Young person', 'Offer', 'Dates', 'Fit', 'Distance from home'],
  byYoungPerson: ['Young person', 'Placement', 'Dates', 'Fit', 'Distance from home'],
} as const;

const UNNAMED_SERVICE_NAME = 'Careers guidance service';

/** Dark text on white or on the light fills: every pair has a contrast ratio of at least 7:1. */
const COLOURS = { text: '#1a1a1a', heading: '#12355b', muted: '#454545', rule: '#8a99aa', headerFill: '#dde6f0', groupFill: '#c9d7e6' };

const PAGE_MARGINS: [number, number, number, number] = [40, 50, 40, 56];
/** A4 is 595.28 pt wide. */
const CONTENT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];

/** Shaded header rows (repeated on every page the table runs onto), thin rules between young people. */
function tableLayout(headerRows: number): CustomTableLayout {
  return {
    fillColor: (row) => (row < headerRows ? (row === 0 && headerRows === 2 ? COLOURS.groupFill : COLOURS.headerFill) : null),
    hLineWidth: (line, node) => (line === 0 ? 0 : line === headerRows || line === node.table.body.length ? 0.8 : 0.3),
    hLineColor: (line) => (line <= headerRows ? COLOURS.heading : COLOURS.rule),
    vLineWidth: () => 0,
    paddingLeft: () => 5,
    paddingRight: () => 5,
    paddingTop: () => 4,
    paddingBottom: () => 4,
  };
}

function headerRow(labels: readonly string[]): TableCell[] {
  return labels.map((text) => ({ text, style: 'tableHeader' }));
}

function datesText(start: string, end: string): string {
  return `${formatUkDate(start)} to ${formatUkDate(end)}`;
}

/**
 * One employer's young people. The employer's name is the table's first header row, so it repeats
 * with the column headings on every page a long list runs onto, and never stands alone at a page foot.
 */
function employerTable(employerName: string, lines: readonly PlacedLine[]): Content {
  const columns = ALLOCATION_PDF_COLUMNS.byEmployer;
  const count = lines.length === 1 ? '1 young person' : `${lines.length} young people`;
  const groupRow: TableCell[] = [
    {
      text: [
        { text: employerName, bold: true },
        { text: `  ${count}`, color: COLOURS.muted },
      ],
      colSpan: columns.length,
      style: 'group',
    },
    ...columns.slice(1).map(() => ({ text: '' })),
  ];
  const rows: TableCell[][] = lines.map((line) => [
    { text: line.name, bold: true },
    { text: line.placement.offerTitle },
    { text: datesText(line.placement.start, line.placement.end) },
    { text: scoreText(line.placement.score) },
    { text: distanceWords(line.placement.distanceKm) },
  ]);
  return {
    table: {
      headerRows: 2,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: ['*', '*', 70, 70, 70],
      body: [groupRow, headerRow(columns), ...rows],
    },
    layout: tableLayout(2),
    margin: [0, 0, 0, 12],
  };
}

function youngPersonRow(line: AllocationListLine): TableCell[] {
  const name: TableCell = { text: line.name, bold: true };
  if (!line.placement) {
    return [
      name,
      { text: [{ text: 'Not placed: ', bold: true }, line.why || 'No reason recorded'], colSpan: 4 },
      { text: '' },
      { text: '' },
      { text: '' },
    ];
  }
  const p = line.placement;
  return [
    name,
    { stack: [{ text: p.employerName }, { text: p.offerTitle, style: 'small' }] },
    { text: datesText(p.start, p.end) },
    { text: scoreText(p.score) },
    { text: distanceWords(p.distanceKm) },
  ];
}

function youngPersonTable(list: AllocationList): Content {
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: ['*', '*', 70, 70, 70],
      body: [headerRow(ALLOCATION_PDF_COLUMNS.byYoungPerson), ...list.lines.map(youngPersonRow)],
    },
    layout: tableLayout(1),
  };
}

function rule(width: number, margin: [number, number, number, number]): Content {
  return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: width, lineColor: COLOURS.heading }], margin };
}

function serviceContact(service: ServiceDetails): Content[] {
  const parts = [service.contact.name, service.contact.email, service.contact.phone].filter((part) => part.trim().length > 0);
  return parts.length > 0 ? [{ text: `Questions about this list: ${parts.join(', ')}`, style: 'small', margin: [0, 0, 0, 6] }] : [];
}

/** Builds the allocation list, ready for `pdfmake.createPdf`. */
export function buildAllocationListDocument(input: AllocationListPdfInput): TDocumentDefinitions {
  const { list, now } = input;
  const service: ServiceDetails = input.service ?? {
    name: UNNAMED_SERVICE_NAME,
    logoDataUrl: '',
    contact: { name: '', email: '', phone: '' },
    address: '',
  };
  const title = list.stage === 'confirmed' ? 'Work-experience allocation' : 'Work-experience allocation: proposal';
  const what = allocationTitle(list);
  const produced = formatUkDate(now.slice(0, 10));
  const stageText =
    list.stage === 'confirmed'
      ? `Confirmed on ${formatUkDate(list.on)}: each placement is proposed on the young person's record.`
      : 'Not confirmed yet: this is the proposal under review, and it may still change.';
  const groups = linesByEmployer(list);

  const content: Content[] = [
    letterhead(service),
    rule(1.5, [0, 10, 0, 0]),
    { text: title, style: 'title' },
    { text: what, style: 'subtitle' },
    { text: `${allocationCounts(list)}. ${stageText}`, margin: [0, 0, 0, 4] },
    ...serviceContact(service),

    { text: ALLOCATION_PDF_HEADINGS.byEmployer, style: 'h1' },
    rule(0.8, [0, 0, 0, 8]),
    ...(groups.length > 0
      ? groups.map((group) => employerTable(group.employerName, group.lines))
      : [{ text: 'Nobody is placed in this allocation.', style: 'empty' }]),

    { text: ALLOCATION_PDF_HEADINGS.byYoungPerson, style: 'h1', pageBreak: 'before' },
    rule(0.8, [0, 0, 0, 8]),
    list.lines.length > 0 ? youngPersonTable(list) : { text: 'No young people in this allocation.', style: 'empty' },
  ];

  return {
    ...serviceDocument(service, PAGE_MARGINS, {
      title: `${title} – ${what}`,
      subject: `Work-experience placements for ${what}, produced ${produced}`,
      keywords: 'careers, work experience, allocation',
    }),
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: 9.5, lineHeight: 1.2, color: COLOURS.text },
    styles: {
      serviceName: { fontSize: 13, bold: true, color: COLOURS.heading },
      serviceAddress: { fontSize: 8.5, color: COLOURS.muted },
      title: { fontSize: 19, bold: true, color: COLOURS.heading, margin: [0, 14, 0, 2] },
      subtitle: { fontSize: 12, margin: [0, 0, 0, 6] },
      h1: { fontSize: 14, bold: true, color: COLOURS.heading, margin: [0, 14, 0, 3] },
      group: { fontSize: 10.5, color: COLOURS.text },
      tableHeader: { bold: true, color: COLOURS.text },
      small: { fontSize: 8.5, color: COLOURS.muted },
      empty: { italics: true, color: COLOURS.muted },
      running: { fontSize: 8.5, color: COLOURS.muted },
    },
    content,
    header: (currentPage) =>
      currentPage > 1 ? { text: `${title} – ${what}`, style: 'running', margin: [PAGE_MARGINS[0], 24, PAGE_MARGINS[2], 0] } : null,
    footer: (currentPage, pageCount) => ({
      columns: [
        { text: 'Confidential: names of young people', bold: true, width: '*', style: 'running' },
        { text: `Produced ${produced}`, alignment: 'center', width: '*', style: 'running' },
        { text: `Page ${currentPage} of ${pageCount}`, alignment: 'right', width: '*', style: 'running' },
      ],
      margin: [PAGE_MARGINS[0], 20, PAGE_MARGINS[2], 0],
    }),
  };
}
