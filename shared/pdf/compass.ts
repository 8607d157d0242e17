/**
 * The Compass evaluation figures for one school as a PDF: what the coordinator types into Compass, per
 * benchmark, with the earlier snapshots beside them for comparison. Aggregates only: no young person is
 * named. Each benchmark's table is kept whole on a page with its heading.
 * pdfmake changes a definition while it lays it out: build a fresh one for every PDF.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { CompassSnapshot, ServiceDetails } from '../model';
import { formatUkDate } from '../academic-year';
import { compassFigureText, figureIn, rowsByBenchmark, type CompassRow } from '../compass';
import { letterhead } from './action-plan';
import { PDF_FONT_FAMILY } from './fonts';
import { serviceDocument } from './document';

export interface CompassPdfInput {
  schoolName: string;
  /** The day the figures are as at. */
  asAt: string;
  rows: readonly CompassRow[];
  /** Earlier snapshots to print beside the figures, newest first (at most three are printed). */
  earlier: readonly CompassSnapshot[];
  service: ServiceDetails | null;
  /** When the PDF is produced (ISO datetime, local time). */
  now: string;
}

export const COMPASS_PDF_TITLE = 'Figures for the Compass evaluation';
const COLOURS = { text: '#1a1a1a', heading: '#12355b', muted: '#454545', headerFill: '#dde6f0' };
const PAGE_MARGINS: [number, number, number, number] = [40, 50, 40, 56];
const UNNAMED: ServiceDetails = {
  name: 'Careers guidance service',
  logoDataUrl: '',
  contact: { name: '', email: '', phone: '' },
  address: '',
};

function benchmarkBlock(title: string, rows: readonly CompassRow[], asAt: string, earlier: readonly CompassSnapshot[]): Content {
  const header: TableCell[] = ['Figure', `As at ${formatUkDate(asAt)}`, ...earlier.map((s) => `Snapshot ${formatUkDate(s.takenOn)}`)].map(
    (text) => ({ text, style: 'tableHeader' }),
  );
  const body: TableCell[][] = [
    header,
    ...rows.map((r) => [
      { stack: [{ text: r.label }, { text: r.note, style: 'small' }] },
      { text: compassFigureText(r), alignment: 'right' as const },
      ...earlier.map((s) => {
        const figure = figureIn(s, r.benchmark, r.measure);
        return { text: figure ? compassFigureText(figure) : '–', alignment: 'right' as const };
      }),
    ]),
  ];
  return {
    unbreakable: true,
    stack: [
      { text: title, style: 'h1' },
      {
        table: { headerRows: 1, dontBreakRows: true, widths: ['*', ...header.slice(1).map(() => 80)], body },
        layout: {
          fillColor: (row: number) => (row === 0 ? COLOURS.headerFill : null),
          hLineWidth: () => 0.4,
          vLineWidth: () => 0,
          paddingTop: () => 3,
          paddingBottom: () => 3,
        },
      },
    ],
    margin: [0, 0, 0, 8],
  };
}

export function buildCompassDocument(input: CompassPdfInput): TDocumentDefinitions {
  const service = input.service ?? UNNAMED;
  const earlier = input.earlier.slice(0, 3);
  const produced = formatUkDate(input.now.slice(0, 10));
  const what = `${input.schoolName}, as at ${formatUkDate(input.asAt)}`;
  const content: Content[] = [
    letterhead(service),
    { text: COMPASS_PDF_TITLE, style: 'title' },
    { text: what, style: 'subtitle' },
    {
      text:
        'The figures Careers Desk can work out for the Careers & Enterprise Company\u2019s Compass evaluation, benchmark by ' +
        'benchmark (the Gatsby Benchmarks as refreshed in 2025), to type into Compass. Each is the number of young people ' +
        'who meet it, of those it is asked of, with a whole per cent. What Careers Desk does not record is said so.',
      margin: [0, 0, 0, 6],
    },
    ...rowsByBenchmark(input.rows).map((b) => benchmarkBlock(b.title, b.rows, input.asAt, earlier)),
  ];
  return {
    ...serviceDocument(service, PAGE_MARGINS, {
      title: `${COMPASS_PDF_TITLE} – ${what}`,
      subject: `Compass evaluation figures for ${what}, produced ${produced}`,
    }),
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: 9.5, lineHeight: 1.2, color: COLOURS.text },
    styles: {
      serviceName: { fontSize: 13, bold: true, color: COLOURS.heading },
      serviceAddress: { fontSize: 8.5, color: COLOURS.muted },
      title: { fontSize: 18, bold: true, color: COLOURS.heading, margin: [0, 14, 0, 2] },
      subtitle: { fontSize: 12, margin: [0, 0, 0, 6] },
      h1: { fontSize: 12, bold: true, color: COLOURS.heading, margin: [0, 8, 0, 3] },
      tableHeader: { bold: true, fontSize: 9 },
      small: { fontSize: 8, color: COLOURS.muted },
      running: { fontSize: 8.5, color: COLOURS.muted },
    },
    content,
    footer: (currentPage, pageCount) => ({
      columns: [
        { text: 'Aggregate figures: no young person is named', width: '*', style: 'running' },
        { text: `Produced ${produced}`, alignment: 'center', width: '*', style: 'running' },
        { text: `Page ${currentPage} of ${pageCount}`, alignment: 'right', width: '*', style: 'running' },
      ],
      margin: [PAGE_MARGINS[0], 20, PAGE_MARGINS[2], 0],
    }),
  };
}
