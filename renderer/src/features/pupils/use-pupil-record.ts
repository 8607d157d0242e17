import { computed, type Ref } from 'vue';
import { assessRisk, priorityReasons } from '@shared/risk';
import { db } from '../../db/database';
import { getSetting } from '../../db/settings';
import { listSessionsForPupil } from '../../db/sessions';
import { listPlansForPupil } from '../../db/action-plans';
import { useLiveQuery } from '../../platform/use-live-query';
import { todayIso } from '../../platform/clock';
import { yearGroupOf } from '@shared/academic-year';

/** Everything the pupil page shows about one young person, kept live as records change. */
export function usePupilRecord(pupilId: Ref<string>) {
  const record = useLiveQuery(async () => {
    const pupil = await db.pupils.get(pupilId.value);
    if (!pupil) return null;
    const [sessions, plans, placements, school, riskWeights, advisers] = await Promise.all([
      listSessionsForPupil(db, pupil.id),
      listPlansForPupil(db, pupil.id),
      db.placements.where('pupilId').equals(pupil.id).toArray(),
      pupil.schoolId ? db.schools.get(pupil.schoolId) : Promise.resolve(undefined),
      getSetting(db, 'riskWeights'),
      db.advisers.toArray(),
    ]);
    const employerIds = [...new Set(placements.map((p) => p.employerId))];
    const employers = await db.employers.bulkGet(employerIds);
    // Worked out on each read, never stored: it moves on every 1 September.
    const yearGroup = yearGroupOf(pupil, todayIso());
    return { pupil, yearGroup, sessions, plans, placements, school: school ?? null, riskWeights: riskWeights ?? {}, advisers, employers: employers.filter((e) => e !== undefined) };
  }, null, [pupilId]);

  const risk = computed(() => {
    const value = record.value.value;
    if (!value) return null;
    return assessRisk(value.pupil, value.riskWeights);
  });
  const priority = computed(() => {
    const value = record.value.value;
    return value ? priorityReasons({ ...value.pupil, riskBand: risk.value?.band ?? null }) : [];
  });
  return { record: record.value, loading: record.loading, error: record.error, risk, priority };
}
