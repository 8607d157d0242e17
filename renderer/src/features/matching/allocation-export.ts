import { allocationCounts, allocationCsv, allocationFileName, allocationTitle, type AllocationList } from '@shared/matching';
import { buildAllocationListDocument } from '@shared/pdf';
import type { ServiceDetails } from '@shared/model';
import { getBridge } from '../../bridge';
import { useRepositories } from '../../db/repositories';
import { localIsoDateTime } from '../../platform/clock';
import { renderPdf } from '../pdf';

export type AllocationFormat = 'csv' | 'pdf';

/** The audit entry's words: what was saved, for whom and in which format; never a young person's name. */
function exportSummary(list: AllocationList, format: AllocationFormat): string {
  const what = list.stage === 'confirmed' ? 'the confirmed allocation' : 'an allocation proposal (not confirmed)';
  return `Exported ${what} as ${format.toUpperCase()}: ${allocationTitle(list)}; ${allocationCounts(list)}`;
}

/**
 * Saves an allocation as CSV or as a printable PDF, through the save dialog (desktop) or a download
 * (browser), and audits it once it is saved. False when the adviser cancelled the save.
 */
export async function exportAllocation(list: AllocationList, format: AllocationFormat, service: ServiceDetails | null): Promise<boolean> {
  const data =
    format === 'csv' ? allocationCsv(list) : await renderPdf(buildAllocationListDocument({ list, service, now: localIsoDateTime() }));
  const result = await getBridge().saveFile({
    suggestedName: allocationFileName(list, format),
    filters: [format === 'csv' ? { name: 'CSV', extensions: ['csv'] } : { name: 'PDF', extensions: ['pdf'] }],
    data,
  });
  if (result.saved) await useRepositories().matching.auditExport(exportSummary(list, format));
  return result.saved;
}
