import { actionPlanFileName, buildActionPlanDocument, uniqueFileNames, type ActionPlanPdfOptions } from '@shared/pdf';
import { displayName } from '@shared/model';
import { getBridge } from '../../bridge';
import { todayIso } from '../../platform/clock';
import { loadPlanPdfInput } from './inputs';
import { renderPdf } from './pdfmake';
import { useRepositories } from '../../db/repositories';
import { nextTask } from '../../platform/next-task';

/** Builds one plan's PDF: its file name and bytes. */
export async function actionPlanPdf(
  planId: string,
  options: ActionPlanPdfOptions,
): Promise<{ name: string; data: Uint8Array; pupilId: string }> {
  const input = await loadPlanPdfInput(planId, options);
  const data = await renderPdf(buildActionPlanDocument(input));
  return { name: actionPlanFileName(input.pupil, todayIso()), data, pupilId: input.pupil.id };
}

/** Saves one plan as a PDF through the save dialog (desktop) or a download (browser). */
export async function exportActionPlan(planId: string, options: ActionPlanPdfOptions): Promise<boolean> {
  const pdf = await actionPlanPdf(planId, options);
  const result = await getBridge().saveFile({ suggestedName: pdf.name, filters: [{ name: 'PDF', extensions: ['pdf'] }], data: pdf.data });
  if (result.saved)
    await useRepositories().plans.auditPdfExport(planId, pdf.pupilId, options.largePrint ? 'large print' : 'standard print');
  return result.saved;
}

export interface BatchProgress {
  done: number;
  total: number;
  current: string;
}

export interface BatchOutcome {
  saved: number;
  failed: { name: string; reason: string }[];
  /** Young people with no action plan to export. */
  withoutPlan: string[];
  cancelled: boolean;
  where: string | null;
}

/**
 * The newest plan of each chosen young person, one PDF each, saved together into one folder
 * (desktop) or one zip (browser). A failure on one plan is reported by name and the rest go on;
 * cancelling stops before the next plan and saves nothing.
 */
export async function exportActionPlansBatch(
  pupilIds: readonly string[],
  options: ActionPlanPdfOptions,
  onProgress: (progress: BatchProgress) => void,
  signal: AbortSignal,
): Promise<BatchOutcome> {
  const repos = useRepositories();
  const planOf = await repos.plans.latestIds(pupilIds);
  const pupils = await repos.pupils.getMany(pupilIds);
  const outcome: BatchOutcome = { saved: 0, failed: [], withoutPlan: [], cancelled: false, where: null };
  const files: { name: string; data: Uint8Array; planId: string; pupilId: string }[] = [];
  const withPlans = pupils.flatMap((pupil) => {
    const plan = planOf.get(pupil.id);
    if (plan) return [{ pupil, plan }];
    outcome.withoutPlan.push(displayName(pupil));
    return [];
  });
  for (const [index, { pupil, plan }] of withPlans.entries()) {
    if (signal.aborted) return { ...outcome, cancelled: true };
    onProgress({ done: index, total: withPlans.length, current: displayName(pupil) });
    try {
      const pdf = await actionPlanPdf(plan, options);
      files.push({ ...pdf, planId: plan });
    } catch (error) {
      outcome.failed.push({ name: displayName(pupil), reason: (error as Error).message });
    }
    // Let the window repaint and respond between plans.
    await nextTask();
  }
  if (signal.aborted) return { ...outcome, cancelled: true };
  onProgress({ done: withPlans.length, total: withPlans.length, current: '' });
  if (files.length === 0) return outcome;
  // One name for each file, in order (uniqueFileNames only adds a number where two would clash).
  const names = uniqueFileNames(files.map((f) => f.name));
  const nameOf = (i: number): string => names[i] ?? files[i]?.name ?? '';
  const result = await getBridge().saveFilesToFolder({
    files: files.map((f, i) => ({ name: nameOf(i), data: f.data })),
    zipName: `Action plans - ${todayIso()}.zip`,
  });
  for (const [i, file] of files.entries()) {
    const written = result.files[i];
    if (written && !written.ok) outcome.failed.push({ name: nameOf(i), reason: written.error ?? 'could not be written' });
    else if (result.saved) {
      outcome.saved += 1;
      await repos.plans.auditPdfExport(file.planId, file.pupilId, 'batch');
    }
  }
  outcome.where = result.folder ?? null;
  return outcome;
}
