import { DEFAULT_ACTION_PLAN_PDF_OPTIONS, resolveDiscussedOptions, type ActionPlanPdfInput, type ActionPlanPdfOptions } from '@shared/pdf';
import type { ServiceDetails } from '@shared/model';
import { useRepositories } from '../../db/repositories';
import { localIsoDateTime } from '../../platform/clock';

/** What the PDF prints when the service has not been set up in Settings yet. */
const UNNAMED_SERVICE: ServiceDetails = {
  name: 'Careers guidance service',
  logoDataUrl: '',
  contact: { name: '', email: '', phone: '' },
  address: '',
};

/** Reads everything one plan's PDF needs, or says which record is missing. */
export async function loadPlanPdfInput(
  planId: string,
  options: ActionPlanPdfOptions = DEFAULT_ACTION_PLAN_PDF_OPTIONS,
  now: Date = new Date(),
): Promise<ActionPlanPdfInput> {
  const { plan, pupil, session, school, adviser, service, routes, providers, employers } = await useRepositories().plans.pdfRecords(planId);
  return {
    plan,
    pupil,
    session,
    school,
    adviser,
    service: service ?? UNNAMED_SERVICE,
    discussed: resolveDiscussedOptions(plan.discussed, { routes, providers, employers }),
    now: localIsoDateTime(now),
    options,
  };
}
