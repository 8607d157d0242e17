import { actionPlanSchema, displayName, type ActionPlan, type Pupil } from '@shared/model';
import { compareOpenActions, markActionDone as withActionDone, openActionDueDates, openActionsOf, type OpenAction, type PlanInput } from '@shared/sessions';
import type { CareersDeskDb } from './schema';
import { writeAudit } from './audit';
import { putAudited, stampsFor } from './audited-save';
import type { SaveOptions } from './sessions';

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
export async function savePlan(db: CareersDeskDb, input: PlanInput, actorId: string | null, options: SaveOptions = {}): Promise<ActionPlan> {
  const now = options.now ?? new Date();
  return db.transaction('rw', [db.actionPlans, db.pupils, db.audit, db.drafts], async () => {
    const existing = input.id ? await db.actionPlans.get(input.id) : undefined;
    if (existing && existing.pupilId !== input.pupilId) throw new Error('A plan cannot be moved to another young person.');
    if (!(await db.pupils.get(input.pupilId))) throw new Error('That young person\'s record no longer exists.');
    const plan = actionPlanSchema.parse({
      ...input,
      ...stampsFor(existing, input.id, now),
      isDemo: existing?.isDemo ?? false,
      openActionDueDates: openActionDueDates(input.actions),
    });
    await putAudited(db, db.actionPlans, plan, {
      actorId, entity: 'action-plan', pupilId: plan.pupilId, existing,
      summary: (added) => (added ? 'Agreed an action plan' : 'Edited an action plan'),
    }, now);
    if (options.draftId) await db.drafts.delete(options.draftId);
    return plan;
  });
}

/**
 * Ticks one action off, dated `today`, with an audit entry holding the plan as it was. Returns the
 * updated plan, or null when the action was already done or removed (nothing is written then).
 */
export async function markActionDone(db: CareersDeskDb, planId: string, actionId: string, today: string, actorId: string | null, now: Date = new Date()): Promise<ActionPlan | null> {
  return db.transaction('rw', db.actionPlans, db.audit, async () => {
    const plan = await db.actionPlans.get(planId);
    if (!plan) return null;
    const updated = withActionDone(plan, actionId, today);
    if (!updated) return null;
    const saved = { ...updated, updatedAt: now.toISOString() };
    await db.actionPlans.put(saved);
    const what = plan.actions.find((a) => a.id === actionId)?.what ?? '';
    await writeAudit(db, {
      actorId,
      action: 'update',
      entity: 'action-plan',
      recordId: plan.id,
      pupilId: plan.pupilId,
      summary: `Marked an action done: ${what}`.slice(0, 500),
      before: plan,
    }, now);
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
    .where('openActionDueDates').aboveOrEqual('')
    .distinct()
    .filter((plan) => options.adviserId === null || plan.adviserId === options.adviserId)
    .toArray();
  return withPupilNames(db, plans.flatMap((plan) => openActionsOf(plan, options.today)).sort(compareOpenActions));
}

/** Only the overdue actions (due before `today`), from the index range below today. */
export async function listOverdueActions(db: CareersDeskDb, options: { adviserId: string | null; today: string; pupilId?: string }): Promise<OpenActionRow[]> {
  const plans = await db.actionPlans
    .where('openActionDueDates').below(options.today)
    .distinct()
    .filter((plan) => (options.adviserId === null || plan.adviserId === options.adviserId) && (options.pupilId === undefined || plan.pupilId === options.pupilId))
    .toArray();
  const rows = plans.flatMap((plan) => openActionsOf(plan, options.today)).filter((row) => row.overdue).sort(compareOpenActions);
  return withPupilNames(db, rows);
}

async function withPupilNames(db: CareersDeskDb, rows: OpenAction[]): Promise<OpenActionRow[]> {
  const pupils = await db.pupils.bulkGet([...new Set(rows.map((r) => r.pupilId))]);
  const names = new Map(pupils.filter((p): p is Pupil => p !== undefined).map((p) => [p.id, displayName(p)]));
  return rows.map((row) => ({ ...row, pupilName: names.get(row.pupilId) ?? 'Unknown young person' }));
}
