import { DEFAULT_ACTION_PLAN_PDF_OPTIONS, resolveDiscussedOptions, type ActionPlanPdfInput, type ActionPlanPdfOptions } from '@shared/pdf';
import type { ServiceDetails } from '@shared/model';
import { db } from '../../db/database';
import { getSetting } from '../../db/settings';

/** What the PDF prints when the service has not been set up in Settings yet. */
const UNNAMED_SERVICE: ServiceDetails = { name: 'Careers guidance service', logoDataUrl: '', contact: { name: '', email: '', phone: '' }, address: '' };

/** Reads everything one plan's PDF needs, or says which record is missing. */
export async function loadPlanPdfInput(planId: string, options: ActionPlanPdfOptions = DEFAULT_ACTION_PLAN_PDF_OPTIONS, now: Date = new Date()): Promise<ActionPlanPdfInput> {
  const plan = await db.actionPlans.get(planId);
  if (!plan) throw new Error('the action plan no longer exists');
  const pupil = await db.pupils.get(plan.pupilId);
  if (!pupil) throw new Error('the young person\'s record no longer exists');
  const [session, school, adviser, service] = await Promise.all([
    plan.sessionId ? db.sessions.get(plan.sessionId) : undefined,
    pupil.schoolId ? db.schools.get(pupil.schoolId) : undefined,
    plan.adviserId ? db.advisers.get(plan.adviserId) : undefined,
    getSetting(db, 'service'),
  ]);
  const routeIds = plan.discussed.filter((d) => d.kind === 'route' && d.refId).map((d) => d.refId!);
  const employerIds = plan.discussed.filter((d) => d.kind === 'employer' && d.refId).map((d) => d.refId!);
  const routes = (await db.routes.bulkGet(routeIds)).filter((r) => r !== undefined);
  const providers = (await db.providers.bulkGet([...new Set(routes.map((r) => r.providerId))])).filter((p) => p !== undefined);
  const employers = (await db.employers.bulkGet(employerIds)).filter((e) => e !== undefined);
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
  return {
    plan,
    pupil,
    session: session ?? null,
    school: school ?? null,
    adviser: adviser ?? null,
    service: service ?? UNNAMED_SERVICE,
    discussed: resolveDiscussedOptions(plan.discussed, { routes, providers, employers }),
    now: local,
    options,
  };
}

/** The newest plan of each young person, for batch export. */
export async function latestPlanIds(pupilIds: readonly string[]): Promise<Map<string, string>> {
  const latest = new Map<string, { id: string; at: string }>();
  const plans = await db.actionPlans.where('pupilId').anyOf([...pupilIds]).toArray();
  for (const plan of plans) {
    const at = plan.agreedOn ?? plan.updatedAt;
    const current = latest.get(plan.pupilId);
    if (!current || at > current.at) latest.set(plan.pupilId, { id: plan.id, at });
  }
  return new Map([...latest].map(([pupilId, { id }]) => [pupilId, id]));
}
