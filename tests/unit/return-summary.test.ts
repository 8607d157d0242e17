import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '@shared/demo';
import { buildAggregateReturn, buildAggregateReturnWithSummary, type ReturnOptions } from '@shared/returns';
import { buildReturnSummaryDocument } from '@shared/pdf';
import { formatUkDate } from '@shared/academic-year';
import { pdfText, pdfTextItems, renderPdf } from '../support/pdf-node';

const today = '2026-11-24';
const dataset = generateDemoDataset({ seed: 11, today, pupils: 150 });
const options: ReturnOptions = {
  period: { start: '2025-09-01', end: '2026-08-31' },
  scope: { kind: 'all' },
  threshold: 5,
  roundToNearest5: false,
  now: `${today}T10:00:00`,
};
const report = buildAggregateReturn(dataset, options);

describe('the return summary PDF', () => {
  it('prints every measure with the notes on what was applied', async () => {
    const pages = await pdfText(
      await renderPdf(buildReturnSummaryDocument(report, { serviceName: 'Kent Careers Service', now: `${today}T10:00:00` })),
    );
    const text = pages.join('\n');
    expect(text).toContain('Anonymised return');
    expect(text).toContain('Counts of 1 to 4 are shown as c');
    for (const title of new Set(report.tables.map((t) => t.title.replace(/ by .*$/, '')))) expect(text).toContain(title);
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
  });

  it('holds no name, UPN, ULN, postcode, date of birth, email or phone number', async () => {
    const text = (
      await pdfText(await renderPdf(buildReturnSummaryDocument(report, { serviceName: 'Kent Careers Service', now: `${today}T10:00:00` })))
    ).join('\n');
    const identifying = dataset.pupils
      .flatMap((p) => [
        `${p.legalForename} ${p.legalSurname}`,
        p.upn,
        p.uln,
        p.postcode,
        p.dateOfBirth,
        formatUkDate(p.dateOfBirth),
        p.email,
        p.phone,
        p.parentCarer.phone,
      ])
      .filter((v): v is string => typeof v === 'string' && v.length > 0);
    expect(identifying.filter((value) => text.includes(value))).toEqual([]);
  });

  it('shows a hidden figure as c and never its raw count', () => {
    const definition = JSON.stringify(buildReturnSummaryDocument(report, { serviceName: 'S', now: `${today}T10:00:00` }).content);
    const hidden = report.tables.flatMap((t) => t.protected.cells.flat()).filter((c) => c === 'c').length;
    expect(hidden).toBeGreaterThan(0);
    expect(definition).toContain('"text":"c"');
  });
});

describe('the return summary PDF, made to be read', () => {
  const withSummary = buildAggregateReturnWithSummary(dataset, options);
  const pages = renderPdf(buildReturnSummaryDocument(withSummary, { serviceName: 'Kent Careers Service', now: `${today}T10:00:00` })).then(
    pdfTextItems,
  );

  it('opens with a summary page: headline figures beside the same period last year', async () => {
    const first = (await pages)[0]!.join(' ');
    expect(first).toContain('Summary');
    expect(first).toContain('Same period last year (01/09/2024 to 31/08/2025)');
    expect(first).toContain('Young people on the caseload');
    expect(first).toContain('What was applied');
    // The measures' tables start on the next page.
    expect(first).not.toContain(withSummary.tables[0]!.title);
    const caseload = withSummary.summary!.figures.find((f) => f.id === 'caseload-total')!;
    expect(caseload.change).toBe((caseload.current as number) - (caseload.lastYear as number));
  });

  it('never splits a table: its title, every row and its total row are on one page', async () => {
    const all = await pages;
    for (const table of withSummary.tables) {
      const page = all.findIndex((items) => items.includes(table.title));
      expect(page, table.title).toBeGreaterThan(0);
      const items = all[page]!;
      const after = items.slice(items.indexOf(table.title) + 1);
      const next = after.findIndex((item) => withSummary.tables.some((t) => t.title === item));
      // A long label wraps into two text runs: read the table's runs as one text.
      const own = (next < 0 ? after : after.slice(0, next)).join(' ');
      for (const label of [...table.rowLabels, table.totalLabel]) expect(own, `${table.title}: ${label}`).toContain(label);
    }
  });

  it('prints each note once, not under every table', async () => {
    const text = (await pages).map((items) => items.join(' ')).join(' ');
    const count = (needle: string) => text.split(needle).length - 1;
    expect(count('Counts of 1 to 4 are shown as c.')).toBe(1);
    expect(count('Year groups are as at the end of the period.')).toBe(1);
    expect(count('Seen means at least one guidance session')).toBe(1);
  });
});
