import type { Ref } from 'vue';
import type { Employer, Placement, Pupil } from '@shared/model';
import { db } from '../../db/database';
import { getEmployer } from '../../db/employers';
import { listPlacementsForEmployer } from '../../db/placements';
import { useLiveQuery } from '../../platform/use-live-query';

export interface EmployerRecord {
  employer: Employer;
  placements: Placement[];
  /** The young people on those placements, by id (an erased pupil's placements go with them). */
  pupils: Map<string, Pupil>;
}

/** Everything the employer page shows, kept live as the employer and its placements change. */
export function useEmployerRecord(employerId: Ref<string>) {
  const record = useLiveQuery<EmployerRecord | null>(async () => {
    const employer = await getEmployer(db, employerId.value);
    if (!employer) return null;
    const placements = await listPlacementsForEmployer(db, employer.id);
    const pupils = await db.pupils.bulkGet([...new Set(placements.map((p) => p.pupilId))]);
    return { employer, placements, pupils: new Map(pupils.filter((p) => p !== undefined).map((p) => [p.id, p])) };
  }, null, [employerId]);
  return { record: record.value, loading: record.loading, error: record.error };
}
