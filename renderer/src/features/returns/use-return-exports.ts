/**
 * Saving a previewed return, each way it can leave: the readable CSV (or the extract's CSV), the tidy
 * data for the council with its metadata file, and the PDF. Every save that happens is written to the
 * audit log with what left (never the figures).
 */
import type { ComputedRef, Ref, ShallowRef } from 'vue';
import {
  extractToCsv,
  returnToCsv,
  tidyDataToCsv,
  tidyFileNames,
  tidyMetadataToCsv,
  type AggregateReturn,
  type PupilExtract,
  type TidyData,
} from '@shared/returns';
import { buildReturnSummaryDocument } from '@shared/pdf';
import { safeFileName } from '@shared/file-names';
import { getBridge } from '../../bridge';
import { todayIso } from '../../platform/clock';
import { useRepositories } from '../../db/repositories';
import { useOrganisationStore } from '../settings';
import { renderPdf } from '../pdf';

export function useReturnExports(state: {
  preview: ShallowRef<AggregateReturn | PupilExtract | null>;
  tidy: ComputedRef<TidyData | null>;
  /** Who an extract is for, in words. */
  recipientName: () => string;
  busy: Ref<string>;
  message: Ref<string>;
}) {
  const organisation = useOrganisationStore();
  const repos = useRepositories();
  const today = todayIso();

  function describe(report: AggregateReturn | PupilExtract, format: string): string {
    const what = report.kind === 'aggregate' ? 'an aggregate return' : 'a pseudonymised extract';
    const recipient = report.kind === 'extract' ? ` for ${state.recipientName()}` : '';
    const rounded = report.kind === 'aggregate' && report.roundToNearest5 ? ', rounded to the nearest 5' : '';
    return (
      `Exported ${what}${recipient} as ${format}: ${report.scopeLabel}, ${report.periodLabel}, ` +
      `counts below ${report.threshold} suppressed${rounded}`
    );
  }

  async function exportCsv(): Promise<void> {
    const report = state.preview.value;
    if (!report) return;
    const serviceName = organisation.service?.name;
    const csv = report.kind === 'aggregate' ? returnToCsv(report, { serviceName }) : extractToCsv(report, { serviceName });
    const title = report.kind === 'aggregate' ? 'Anonymised return' : 'Pseudonymised extract';
    const name = safeFileName(`${title} - ${report.periodLabel.replaceAll('/', '-')} - ${today}`, 'csv');
    const result = await getBridge().saveFile({ suggestedName: name, filters: [{ name: 'CSV', extensions: ['csv'] }], data: csv });
    if (result.saved) {
      await repos.returns.auditExport(describe(report, 'CSV'));
      state.message.value = 'The CSV file was saved.';
    }
  }

  /** The tidy data and its metadata file: into a folder on the desktop, or one zip in a browser (see the bridge). */
  async function exportTidy(): Promise<void> {
    const report = state.preview.value;
    if (!report || report.kind !== 'aggregate' || !state.tidy.value) return;
    const names = tidyFileNames(report);
    const result = await getBridge().saveFilesToFolder({
      files: [
        { name: names.data, data: tidyDataToCsv(state.tidy.value) },
        { name: names.metadata, data: tidyMetadataToCsv(state.tidy.value) },
      ],
      zipName: names.data.replace(/\.csv$/, '.zip'),
    });
    const failed = result.files.filter((f) => !f.ok);
    if (result.saved && failed.length === 0) {
      await repos.returns.auditExport(describe(report, 'tidy data (CSV and metadata file)'));
      state.message.value = 'The tidy data and its metadata file were saved.';
    } else if (failed.length > 0)
      state.message.value = `Not saved: ${failed.map((f) => `${f.name} (${f.error ?? 'could not be written'})`).join(', ')}.`;
  }

  async function exportPdf(): Promise<void> {
    const report = state.preview.value;
    if (!report || report.kind !== 'aggregate') return;
    state.busy.value = 'Making the PDF…';
    try {
      const data = await renderPdf(
        buildReturnSummaryDocument(report, {
          serviceName: organisation.service?.name ?? 'Careers guidance service',
          now: new Date().toISOString(),
        }),
      );
      const result = await getBridge().saveFile({
        suggestedName: safeFileName(`Anonymised return - ${today}`, 'pdf'),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        data,
      });
      if (result.saved) {
        await repos.returns.auditExport(describe(report, 'PDF'));
        state.message.value = 'The PDF summary was saved.';
      }
    } finally {
      state.busy.value = '';
    }
  }

  return { exportCsv, exportTidy, exportPdf };
}
