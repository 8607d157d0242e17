/**
 * The action plan form as the adviser fills it in and its check into a record. A form is also what
 * a draft holds, so it is plain JSON.
 */
import type { ACTION_OWNERS, ACTION_STATUSES } from '../reference/lists';
import { actionPlanSchema, type ActionPlan } from '../model/guidance';
import { check, type Checked, type Problem } from '../model/problems';
import { normaliseActions } from './rules';
import { merged, order } from './form-helpers';

type ActionOwnerId = (typeof ACTION_OWNERS)[number]['id'];
type ActionStatusId = (typeof ACTION_STATUSES)[number]['id'];

export interface GoalRow {
  id: string;
  term: 'long' | 'short';
  text: string;
}

export interface ActionRow {
  id: string;
  what: string;
  who: ActionOwnerId | null;
  byWhen: string;
  status: ActionStatusId;
  doneOn: string | null;
}

export interface DiscussedRow {
  kind: 'route' | 'employer';
  refId: string | null;
  label: string;
  note: string;
}

export interface PlanForm {
  situation: string;
  strengths: string;
  barriers: string;
  goals: GoalRow[];
  actions: ActionRow[];
  backupPlan: string;
  resources: string;
  discussed: DiscussedRow[];
  /** ISO date, or '' for none yet. */
  reviewOn: string;
  agreedWithYoungPerson: boolean;
  agreedOn: string;
}

/** What a saved plan holds apart from the fields every record carries and the derived index. */
export type PlanInput = Omit<ActionPlan, 'id' | 'createdAt' | 'updatedAt' | 'isDemo' | 'openActionDueDates'> & { id?: string };

const planInputSchema = actionPlanSchema.omit({ id: true, createdAt: true, updatedAt: true, isDemo: true, openActionDueDates: true });

export const PLAN_FIELD_LABELS: Record<string, string> = {
  situation: 'Situation',
  strengths: 'Strengths',
  barriers: 'Barriers',
  goals: 'Goals',
  actions: 'Actions',
  backupPlan: 'Back-up plan',
  resources: 'Resources and contacts',
  discussed: 'Routes and employers discussed',
  reviewOn: 'Review date',
  agreedOn: 'Date agreed',
};

export function emptyPlanForm(): PlanForm {
  return {
    situation: '',
    strengths: '',
    barriers: '',
    goals: [],
    actions: [],
    backupPlan: '',
    resources: '',
    discussed: [],
    reviewOn: '',
    agreedWithYoungPerson: false,
    agreedOn: '',
  };
}

export function planFormFrom(plan: ActionPlan): PlanForm {
  return {
    situation: plan.situation,
    strengths: plan.strengths,
    barriers: plan.barriers,
    goals: plan.goals.map((g) => ({ ...g })),
    actions: plan.actions.map((a) => ({ ...a })),
    backupPlan: plan.backupPlan,
    resources: plan.resources,
    discussed: plan.discussed.map((d) => ({ ...d })),
    reviewOn: plan.reviewOn ?? '',
    agreedWithYoungPerson: plan.agreedWithYoungPerson,
    agreedOn: plan.agreedOn ?? '',
  };
}

/** Checks a plan form. Actions marked done get today's date; an agreed plan needs the date it was agreed. */
export function checkPlanForm(
  form: PlanForm,
  context: { pupilId: string; sessionId: string | null; adviserId: string | null; today: string },
): Checked<PlanInput> {
  const first: Problem[] = [];
  if (form.goals.length === 0 && form.actions.length === 0) first.push({ field: 'actions', message: 'Add at least one goal or action' });
  form.actions.forEach((action, i) => {
    if (action.byWhen.trim() === '') first.push({ field: `actions.${i}.byWhen`, message: 'Enter the date it will be done by' });
  });
  if (form.agreedWithYoungPerson) {
    if (form.agreedOn.trim() === '') first.push({ field: 'agreedOn', message: 'Enter the date the plan was agreed' });
    else if (form.agreedOn > context.today) first.push({ field: 'agreedOn', message: 'The date agreed cannot be in the future' });
  }

  const input = {
    pupilId: context.pupilId,
    sessionId: context.sessionId,
    adviserId: context.adviserId,
    situation: form.situation,
    strengths: form.strengths,
    barriers: form.barriers,
    goals: form.goals,
    actions: normaliseActions(form.actions, context.today),
    backupPlan: form.backupPlan,
    resources: form.resources,
    discussed: form.discussed,
    reviewOn: form.reviewOn.trim() === '' ? null : form.reviewOn,
    agreedWithYoungPerson: form.agreedWithYoungPerson,
    agreedOn: form.agreedWithYoungPerson && form.agreedOn.trim() !== '' ? form.agreedOn : null,
  };
  const result = check(planInputSchema, input);
  const problems = merged(first, result.ok ? [] : result.problems);
  if (problems.length > 0) return { ok: false, problems: order(problems, Object.keys(PLAN_FIELD_LABELS)) };
  if (!result.ok) return result;
  return { ok: true, value: result.value };
}

/** Labels for the error summary, rows included: "Action 2, by when", "Long-term goal 1". */
export function planProblemLabels(form: PlanForm): Record<string, string> {
  const labels: Record<string, string> = { ...PLAN_FIELD_LABELS };
  const counts = { long: 0, short: 0 };
  form.goals.forEach((goal, i) => {
    counts[goal.term] += 1;
    labels[`goals.${i}.text`] = `${goal.term === 'long' ? 'Long-term' : 'Short-term'} goal ${counts[goal.term]}`;
  });
  form.actions.forEach((_action, i) => {
    for (const [part, label] of [
      ['what', 'what'],
      ['who', 'who'],
      ['byWhen', 'by when'],
      ['status', 'status'],
    ] as const) {
      labels[`actions.${i}.${part}`] = `Action ${i + 1}, ${label}`;
    }
  });
  form.discussed.forEach((_row, i) => {
    labels[`discussed.${i}.label`] = `Route or employer ${i + 1}, name`;
    labels[`discussed.${i}.note`] = `Route or employer ${i + 1}, note`;
  });
  return labels;
}
