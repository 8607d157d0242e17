import {
  actionPlanSchema,
  displayName,
  type ActionPlan,
  type Adviser,
  type CheckedSave,
  type Employer,
  type GuidanceSession,
  type Provider,
  type Pupil,
  type Route,
  type School,
  type ServiceDetails,
} from '@shared/model';
import {
  compareOpenActions,
  markActionDone as withActionDone,
  openActionDueDates,
  openActionsOf,
  reopenAction as withActionReopened,
  type OpenAction,
  type PlanInput,
} from '@shared/sessions';
import type { CareersDeskDb } from './schema';
import { writeAudit } from './audit';
import { putAudited, changedSinceOpened, stampsFor } from './audited-save';
import type { SaveOptions } from './sessions';
import { getSetting } from './settings';

export function listPlansForPupil(db: CareersDeskDb, pupilId: string): Promise<ActionPlan[]> {
  return db.actionPlans.where('pupilId').equals(pupilId).toArray();
}

export function getPlan(db: CareersDeskDb, id: string): Promise<ActionPlan | undefined> {
  return db.actionPlans.get(id);
}

/**
 * Saves an action plan, or an edit of one, with its audit entry (an edit keeps the previous version)
 * and the open actions' due dates recomputed for the overdue index; the form's draft is removed in
 * the same transaction.
 */
export async function savePlan(
  db: CareersDeskDb,
  input: PlanInput,
  actorId: string | null,
  options: SaveOptions = {},
): Promise<ActionPlan> {
  return db.transaction('rw', [db.actionPlans, db.pupils, db.audit, db.drafts], async () => writePlan(db, input, actorId, options));
}

/** savePlan's writes, inside a transaction over action plans, pupils, audit and drafts. */
async function writePlan(db: CareersDeskDb, input: PlanInput, actorId: string | null, options: SaveOptions): Promise<ActionPlan> {
  const now = options.now ?? new Date();
  const existing = input.id ? await db.actionPlans.get(input.id) : undefined;
  if (existing && existing.pupilId !== input.pupilId) throw new Error('A plan cannot be moved to another young person.');
  if (!(await db.pupils.get(input.pupilId))) throw new Error("That young person's record no longer exists.");
  const plan = actionPlanSchema.parse({
    ...input,
    ...stampsFor(existing, input.id, now),
    isDemo: existing?.isDemo ?? false,
    openActionDueDates: openActionDueDates(input.actions),
  });
  await putAudited(
    db,
    db.actionPlans,
    plan,
    {
      actorId,
      entity: 'action-plan',
      pupilId: plan.pupilId,
      existing,
      summary: (added) => (added ? 'Agreed an action plan' : 'Edited an action plan'),
    },
    now,
  );
  if (options.draftId) await db.drafts.delete(options.draftId);
  return plan;
}

/**
 * The form's save: as savePlan, unless the plan changed elsewhere since the form opened the version
 * `opened` (its updatedAt; null for a new plan). Then nothing is written (the draft is kept) and the
 * stored plan is answered.
 */
export function savePlanUnlessChanged(
  db: CareersDeskDb,
  input: PlanInput,
  opened: string | null,
  actorId: string | null,
  options: SaveOptions = {},
): Promise<CheckedSave<ActionPlan>> {
  return db.transaction('rw', [db.actionPlans, db.pupils, db.audit, db.drafts], async () => {
    const conflict = await changedSinceOpened(db.actionPlans, input.id, opened);
    return conflict ?? { ok: true, value: await writePlan(db, input, actorId, options) };
  });
}

/**
 * Ticks one action off, dated `today`, with an audit entry holding the plan as it was. Returns the
 * updated plan, or null when the action was already done or removed (nothing is written then).
 */
export async function markActionDone(
  db: CareersDeskDb,
  planId: string,
  actionId: string,
  today: string,
  actorId: string | null,
  now: Date = new Date(),
): Promise<ActionPlan | null> {
  return changeAction(db, planId, actionId, (plan) => withActionDone(plan, actionId, today), 'Marked an action done', actorId, now);
}

/**
 * Undo after "Mark done": the action is open again, with an audit entry. Null (and nothing written) when the
 * plan or the action is gone, or the action is no longer done.
 */
export async function reopenAction(
  db: CareersDeskDb,
  planId: string,
  actionId: string,
  actorId: string | null,
  now: Date = new Date(),
): Promise<ActionPlan | null> {
  return changeAction(
    db,
    planId,
    actionId,
    (plan) => withActionReopened(plan, actionId),
    'Opened an action again (undid "Mark done")',
    actorId,
    now,
  );
}

/** One action of a plan changed by `change` (null: nothing to do), saved with an audit entry naming the action, together. */
function changeAction(
  db: CareersDeskDb,
  planId: string,
  actionId: string,
  change: (plan: ActionPlan) => ActionPlan | null,
  what: string,
  actorId: string | null,
  now: Date,
): Promise<ActionPlan | null> {
  return db.transaction('rw', db.actionPlans, db.audit, async () => {
    const plan = await db.actionPlans.get(planId);
    if (!plan) return null;
    const updated = change(plan);
    if (!updated) return null;
    const saved = { ...updated, updatedAt: now.toISOString() };
    await db.actionPlans.put(saved);
    const action = plan.actions.find((a) => a.id === actionId)?.what ?? '';
    await writeAudit(
      db,
      {
        actorId,
        action: 'update',
        entity: 'action-plan',
        recordId: plan.id,
        pupilId: plan.pupilId,
        summary: `${what}: ${action}`.slice(0, 500),
        before: plan,
      },
      now,
    );
    return saved;
  });
}

export interface OpenActionRow extends OpenAction {
  pupilName: string;
}

/**
 * Open actions across plans, overdue first, for one adviser's plans (or everyone's when
 * `adviserId` is null). Plans come from the open-due-date index, so plans with nothing open are
 * never read.
 */
export async function listOpenActions(db: CareersDeskDb, options: { adviserId: string | null; today: string }): Promise<OpenActionRow[]> {
  const plans = await db.actionPlans
    .where('openActionDueDates')
    .aboveOrEqual('')
    .distinct()
    .filter((plan) => options.adviserId === null || plan.adviserId === options.adviserId)
    .toArray();
  return withPupilNames(db, plans.flatMap((plan) => openActionsOf(plan, options.today)).sort(compareOpenActions));
}

/** Only the overdue actions (due before `today`), from the index range below today. */
export async function listOverdueActions(
  db: CareersDeskDb,
  options: { adviserId: string | null; today: string; pupilId?: string },
): Promise<OpenActionRow[]> {
  const plans = await db.actionPlans
    .where('openActionDueDates')
    .below(options.today)
    .distinct()
    .filter(
      (plan) =>
        (options.adviserId === null || plan.adviserId === options.adviserId) &&
        (options.pupilId === undefined || plan.pupilId === options.pupilId),
    )
    .toArray();
  const rows = plans
    .flatMap((plan) => openActionsOf(plan, options.today))
    .filter((row) => row.overdue)
    .sort(compareOpenActions);
  return withPupilNames(db, rows);
}

async function withPupilNames(db: CareersDeskDb, rows: OpenAction[]): Promise<OpenActionRow[]> {
  const pupils = await db.pupils.bulkGet([...new Set(rows.map((r) => r.pupilId))]);
  const names = new Map(pupils.filter((p): p is Pupil => p !== undefined).map((p) => [p.id, displayName(p)]));
  return rows.map((row) => ({ ...row, pupilName: names.get(row.pupilId) ?? 'Unknown young person' }));
}

/** The records one plan's PDF prints: the plan, its young person and what it refers to. */
export interface PlanPdfRecords {
  plan: ActionPlan;
  pupil: Pupil;
  session: GuidanceSession | null;
  school: School | null;
  adviser: Adviser | null;
  service: ServiceDetails | null;
  routes: Route[];
  providers: Provider[];
  employers: Employer[];
}

/** Reads everything one plan's PDF needs, or says which record is missing. */
export async function loadPlanPdfRecords(db: CareersDeskDb, planId: string): Promise<PlanPdfRecords> {
  const plan = await db.actionPlans.get(planId);
  if (!plan) throw new Error('the action plan no longer exists');
  const pupil = await db.pupils.get(plan.pupilId);
  if (!pupil) throw new Error("the young person's record no longer exists");
  const [session, school, adviser, service] = await Promise.all([
    plan.sessionId ? db.sessions.get(plan.sessionId) : undefined,
    pupil.schoolId ? db.schools.get(pupil.schoolId) : undefined,
    plan.adviserId ? db.advisers.get(plan.adviserId) : undefined,
    getSetting(db, 'service'),
  ]);
  const refsOf = (kind: 'route' | 'employer') => plan.discussed.flatMap((d) => (d.kind === kind && d.refId ? [d.refId] : []));
  const routes = (await db.routes.bulkGet(refsOf('route'))).filter((r) => r !== undefined);
  const providers = (await db.providers.bulkGet([...new Set(routes.map((r) => r.providerId))])).filter((p) => p !== undefined);
  const employers = (await db.employers.bulkGet(refsOf('employer'))).filter((e) => e !== undefined);
  return {
    plan,
    pupil,
    session: session ?? null,
    school: school ?? null,
    adviser: adviser ?? null,
    service: service ?? null,
    routes,
    providers,
    employers,
  };
}

/** The newest plan of each young person (by the day agreed, else last change), for batch export. */
export async function latestPlanIds(db: CareersDeskDb, pupilIds: readonly string[]): Promise<Map<string, string>> {
  const latest = new Map<string, { id: string; at: string }>();
  const plans = await db.actionPlans
    .where('pupilId')
    .anyOf([...pupilIds])
    .toArray();
  for (const plan of plans) {
    const at = plan.agreedOn ?? plan.updatedAt;
    const current = latest.get(plan.pupilId);
    if (!current || at > current.at) latest.set(plan.pupilId, { id: plan.id, at });
  }
  return new Map([...latest].map(([pupilId, { id }]) => [pupilId, id]));
}
