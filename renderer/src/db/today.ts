import type { Pupil } from '@shared/model';
import { emptyPupilFilters } from '@shared/pupils/list';
import { deskFacts } from '@shared/placements';
import { KEY_YEAR_GROUPS, weekOf, type TodayFacts, type TodayPlan } from '@shared/today';
import type { CareersDeskDb } from './schema';
import { findInPupilList } from './pupil-list';
import { loadPlacementsDesk } from './placements';

/** The tables the Today page reads: a change to any of them brings its lists up to date. */
export const TODAY_TABLES = ['pupils', 'sessions', 'actionPlans', 'experiences', 'employers', 'drafts', 'settings'] as const;

/**
 * What the Today page's rules (shared/today) need, read through indexes: plans with a review due by
 * Sunday (reviewOn) or an action overdue (openActionDueDates) and the other plans of those young people,
 * Years 11 and 13 from the pupil list's index, the placements desk, the drafts, and whom the adviser has met.
 */
export async function loadTodayFacts(
  db: CareersDeskDb,
  options: { adviserId: string | null; today: string; now: Date },
): Promise<TodayFacts> {
  const { adviserId, today, now } = options;
  const week = weekOf(today);
  const [reviewPlans, overduePlans, desk, drafts, metInSessions, ...yearGroups] = await Promise.all([
    db.actionPlans.where('reviewOn').belowOrEqual(week.end).toArray(),
    db.actionPlans.where('openActionDueDates').below(today).distinct().toArray(),
    loadPlacementsDesk(db),
    db.drafts.toArray(),
    adviserId === null ? Promise.resolve([]) : db.sessions.where('adviserId').equals(adviserId).toArray(),
    ...KEY_YEAR_GROUPS.map((yearGroup) => findInPupilList(db, { ...emptyPupilFilters(), yearGroup }, 'name', today)),
  ]);

  // Every plan of the young people concerned: a later plan takes over the review of an earlier one.
  const planPupilIds = [...new Set([...reviewPlans, ...overduePlans].map((plan) => plan.pupilId))];
  const plans: TodayPlan[] = await db.actionPlans.where('pupilId').anyOf(planPupilIds).toArray();

  // The list's index holds the list's fields only: the whole records of Years 11 and 13 are read by id.
  const pupils = new Map<string, Pupil>();
  for (const pupil of await db.pupils.bulkGet(yearGroups.flat().map((row) => row.id))) if (pupil) pupils.set(pupil.id, pupil);
  for (const row of desk.rows) if (row.pupil) pupils.set(row.pupil.id, row.pupil);
  const missing = [...new Set([...planPupilIds, ...drafts.map((d) => d.pupilId)])].filter((id) => !pupils.has(id));
  for (const pupil of await db.pupils.bulkGet(missing)) if (pupil) pupils.set(pupil.id, pupil);

  const metByAdviser = new Set(metInSessions.map((session) => session.pupilId));
  if (adviserId !== null) for (const plan of plans) if (plan.adviserId === adviserId) metByAdviser.add(plan.pupilId);

  return {
    today,
    now,
    adviserId,
    pupils: [...pupils.values()],
    metByAdviser,
    plans,
    placements: desk.rows.map((row) => ({
      facts: deskFacts(row.experience, row.pupil),
      pupilId: row.placement.pupilId,
      employer: row.employer,
      employerName: row.employer?.name ?? 'Employer no longer recorded',
    })),
    drafts,
    reuseMonths: desk.reuseMonths,
  };
}
