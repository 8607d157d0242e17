import { computed, type Ref } from 'vue';
import { assessRisk, priorityReasons } from '@shared/risk';
import { useLiveQuery } from '../../db/use-live-query';
import { todayIso } from '../../platform/clock';
import { yearGroupOf } from '@shared/academic-year';
import { useRepositories } from '../../db/repositories';

/** Everything the pupil page shows about one young person, kept live as records change. */
export function usePupilRecord(pupilId: Ref<string>) {
  const repos = useRepositories();
  const record = useLiveQuery(
    async () => {
      const found = await repos.pupils.record(pupilId.value);
      if (!found) return null;
      // Worked out on each read, never stored: it moves on every 1 September.
      return { ...found, yearGroup: yearGroupOf(found.pupil, todayIso()) };
    },
    null,
    [pupilId],
  );

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
