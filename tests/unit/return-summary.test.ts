import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '@shared/demo';
import { buildAggregateReturn } from '@shared/returns';
import { buildReturnSummaryDocument } from '@shared/pdf';
import { formatUkDate } from '@shared/academic-year';
import { pdfText, renderPdf } from '../support/pdf-node';

const today = '2026-11-24';
const dataset = generateDemoDataset({ seed: 11, today, pupils: 150 });
const report = buildAggregateReturn(dataset, {
  period: { start: '2025-09-01', end: '2026-08-31' },
  scope: { kind: 'all' },
  threshold: 5,
  roundToNearest5: false,
  now: `${today}T10:00:00`,
});

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
