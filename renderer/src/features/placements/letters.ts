import { buildPlacementLetter, placementLetterFileName, PLACEMENT_LETTERS, type PlacementLetterKind } from '@shared/pdf';
import type { Checked } from '@shared/model';
import { getBridge } from '../../bridge';
import { useRepositories } from '../../db/repositories';
import { localIsoDateTime } from '../../platform/clock';
import { renderPdf } from '../pdf';

/**
 * Saves one of a placement's letters as a PDF, through the save dialog (desktop) or a download
 * (browser), from the paperwork as last saved, and audits it once it is saved: which letter, never
 * whose. The file's name when saved, null when the adviser cancelled; refused, in words, when the
 * placement, its young person or its employer is no longer recorded.
 */
export async function exportPlacementLetter(placementId: string, kind: PlacementLetterKind): Promise<Checked<string | null>> {
  const repos = useRepositories();
  const records = await repos.placements.letterRecords(placementId);
  if (!records.ok) return records;
  const { experience, pupil, employer } = records.value;
  const letter = PLACEMENT_LETTERS[kind];
  const data = await renderPdf(buildPlacementLetter(kind, { ...records.value, now: localIsoDateTime() }));
  const name = placementLetterFileName(letter.fileTitle, employer.name, pupil);
  const result = await getBridge().saveFile({ suggestedName: name, filters: [{ name: 'PDF', extensions: ['pdf'] }], data });
  if (!result.saved) return { ok: true, value: null };
  await repos.placements.auditLetterExport(
    { id: experience.id, pupilId: pupil.id },
    `${letter.fileTitle.toLowerCase()} for ${letter.forWhom}`,
  );
  return { ok: true, value: name };
}
