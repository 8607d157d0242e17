import type { Ref } from 'vue';
import type { EmployerRecord } from '../../db/employers';
import { useRepositories } from '../../db/repositories';
import { useLiveQuery } from '../../db/use-live-query';

export type { EmployerRecord };

/** Everything the employer page shows, kept live as the employer and its placements change. */
export function useEmployerRecord(employerId: Ref<string>) {
  const repos = useRepositories();
  const record = useLiveQuery<EmployerRecord | null>(() => repos.employers.record(employerId.value), null, [employerId]);
  return { record: record.value, loading: record.loading, error: record.error };
}
