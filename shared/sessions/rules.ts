/**
 * Rules of guidance sessions and action plans: which benchmarks a session evidences, whether it
 * counts as personal guidance, what a session tells us about the young person, and which actions
 * are open or overdue. Pure: dates come in as ISO strings, nothing reads the clock.
 */
import type { SessionKindId } from '../reference/lists';
import type { DestinationCode } from '../reference/destinations';
import type { ActionPlan, Encounter, GuidanceSession, PlanAction } from '../model/guidance';

/** Kinds of session that are a personal guidance meeting (Benchmark 8), a home visit included. */
export const PERSONAL_GUIDANCE_KINDS: readonly SessionKindId[] = ['personal-guidance', 'home-visit'];

/** Benchmark 8 (personal guidance), 5 (employers) and 7 (further and higher education). */
export const PERSONAL_GUIDANCE_BENCHMARK = 8;
export const EMPLOYER_ENCOUNTER_BENCHMARK = 5;
export const PROVIDER_ENCOUNTER_BENCHMARK = 7;

export function countsAsPersonalGuidance(kind: SessionKindId | null | undefined): boolean {
  return kind != null && PERSONAL_GUIDANCE_KINDS.includes(kind);
}

/** The benchmarks a kind of session evidences on its own: 8 for personal guidance and home visits. */
export function defaultBenchmarksFor(kind: SessionKindId | null | undefined): number[] {
  return countsAsPersonalGuidance(kind) ? [PERSONAL_GUIDANCE_BENCHMARK] : [];
}

/** The benchmarks encounters evidence: an employer encounter 5, a provider encounter 7. */
export function benchmarksForEncounters(encounters: readonly Pick<Encounter, 'kind'>[]): number[] {
  const found = new Set<number>();
  for (const encounter of encounters)
    found.add(encounter.kind === 'employer' ? EMPLOYER_ENCOUNTER_BENCHMARK : PROVIDER_ENCOUNTER_BENCHMARK);
  return [...found].sort((a, b) => a - b);
}

export interface BenchmarkBasis {
  kind: SessionKindId | null;
  encounters: readonly Pick<Encounter, 'kind'>[];
}

/** What a session with this kind and these encounters evidences, before the adviser changes it. */
export function suggestedBenchmarks(basis: BenchmarkBasis): number[] {
  return [...new Set([...defaultBenchmarksFor(basis.kind), ...benchmarksForEncounters(basis.encounters)])].sort((a, b) => a - b);
}

/**
 * Moves the ticked benchmarks with a change of kind or encounters: a suggestion that no longer
 * applies is taken off, a new one is ticked, and whatever the adviser chose by hand otherwise stays.
 */
export function rebaseBenchmarks(current: readonly number[], before: BenchmarkBasis, after: BenchmarkBasis): number[] {
  const was = new Set(suggestedBenchmarks(before));
  const now = new Set(suggestedBenchmarks(after));
  const result = new Set(current.filter((b) => !(was.has(b) && !now.has(b))));
  for (const b of now) if (!was.has(b)) result.add(b);
  return [...result].sort((a, b) => a - b);
}

type SessionFacts = Pick<GuidanceSession, 'date' | 'startTime' | 'kind' | 'intendedDestination'>;

function laterFirst(a: SessionFacts, b: SessionFacts): number {
  return a.date === b.date ? b.startTime.localeCompare(a.startTime) : b.date.localeCompare(a.date);
}

/** The date of the latest personal guidance meeting or home visit, or null when there has been none. */
export function latestGuidanceDate(sessions: readonly Pick<GuidanceSession, 'date' | 'kind'>[]): string | null {
  let latest: string | null = null;
  for (const session of sessions) {
    if (countsAsPersonalGuidance(session.kind) && (latest === null || session.date > latest)) latest = session.date;
  }
  return latest;
}

/** The intended destination recorded in the most recent session that recorded one. */
export function latestIntendedDestination(sessions: readonly SessionFacts[]): DestinationCode | null {
  return [...sessions].sort(laterFirst).find((s) => s.intendedDestination !== null)?.intendedDestination ?? null;
}

/** Due dates of the actions still open, sorted and without repeats (the plan's multi-entry index). */
export function openActionDueDates(actions: readonly Pick<PlanAction, 'status' | 'byWhen'>[]): string[] {
  return [...new Set(actions.filter((a) => a.status === 'open').map((a) => a.byWhen))].sort();
}

/** An open action is overdue from the day after its due date. */
export function isOverdue(action: Pick<PlanAction, 'status' | 'byWhen'>, today: string): boolean {
  return action.status === 'open' && action.byWhen < today;
}

export interface OpenAction {
  planId: string;
  pupilId: string;
  adviserId: string | null;
  action: PlanAction;
  overdue: boolean;
}

/** Overdue actions first, then by due date, then by what is to be done. */
export function compareOpenActions(a: OpenAction, b: OpenAction): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  return a.action.byWhen.localeCompare(b.action.byWhen) || a.action.what.localeCompare(b.action.what);
}

/** The open actions of one plan, overdue first. */
export function openActionsOf(plan: Pick<ActionPlan, 'id' | 'pupilId' | 'adviserId' | 'actions'>, today: string): OpenAction[] {
  return plan.actions
    .filter((action) => action.status === 'open')
    .map((action) => ({ planId: plan.id, pupilId: plan.pupilId, adviserId: plan.adviserId, action, overdue: isOverdue(action, today) }))
    .sort(compareOpenActions);
}

/**
 * Keeps each action's done date in step with its status: an action marked done gets today's date
 * unless it already has one; an action that is not done has none.
 */
export function normaliseActions<A extends Pick<PlanAction, 'status' | 'doneOn'>>(actions: readonly A[], today: string): A[] {
  return actions.map((action) => {
    if (action.status === 'done') return action.doneOn ? action : { ...action, doneOn: today };
    return action.doneOn === null ? action : { ...action, doneOn: null };
  });
}

/**
 * The plan with one action ticked off today and its open due dates recomputed, or null when that
 * action is not in the plan or is no longer open (someone else got there first).
 */
export function markActionDone(plan: ActionPlan, actionId: string, today: string): ActionPlan | null {
  const target = plan.actions.find((a) => a.id === actionId);
  if (!target || target.status !== 'open') return null;
  const actions = plan.actions.map((a) => (a.id === actionId ? { ...a, status: 'done' as const, doneOn: today } : a));
  return { ...plan, actions, openActionDueDates: openActionDueDates(actions) };
}

/** Undoes "Mark done": the action is open again with no date done, or null when it is not done. */
export function reopenAction(plan: ActionPlan, actionId: string): ActionPlan | null {
  const target = plan.actions.find((a) => a.id === actionId);
  if (!target || target.status !== 'done') return null;
  const actions = plan.actions.map((a) => (a.id === actionId ? { ...a, status: 'open' as const, doneOn: null } : a));
  return { ...plan, actions, openActionDueDates: openActionDueDates(actions) };
}

// Moved to dates.ts; still offered here for the renderer's callers, which import them from @shared/sessions.
export { localClockTime, localIsoDate } from '../dates';
