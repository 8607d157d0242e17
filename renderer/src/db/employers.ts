import type { Collection, InsertType } from 'dexie';
import { employerSchema, type Employer, type Placement, type Pupil } from '@shared/model';
import { compareEmployers, matchesEmployerFilters, type EmployerFilters } from '@shared/employers/list';
import type { CareersDeskDb } from './schema';
import { putAudited, stampsFor } from './audited-save';
import { listPlacementsForEmployer } from './placements';

export type EmployerInput = Omit<Employer, 'id' | 'createdAt' | 'updatedAt'> & { id?: string };

/**
 * Adds or updates an employer, with its audit entry, in one transaction. The previous version of an
 * edited record is kept in the audit entry. Throws (and writes nothing) when the record is invalid:
 * forms check it first with checkEmployerForm (shared/employers/form).
 */
export async function saveEmployer(
  db: CareersDeskDb,
  input: EmployerInput,
  actorId: string | null,
  now: Date = new Date(),
): Promise<Employer> {
  return db.transaction('rw', db.employers, db.audit, async () => {
    const existing = input.id ? await db.employers.get(input.id) : undefined;
    const employer = employerSchema.parse({ ...input, ...stampsFor(existing, input.id, now) });
    return putAudited(
      db,
      db.employers,
      employer,
      {
        actorId,
        entity: 'employer',
        pupilId: null,
        existing,
        summary: (added) => `${added ? 'Added' : 'Updated'} the employer ${employer.name}`,
      },
      now,
    );
  });
}

export function getEmployer(db: CareersDeskDb, id: string): Promise<Employer | undefined> {
  return db.employers.get(id);
}

/**
 * The employer directory: the most selective index answers first (name prefix, ignoring case, then
 * sector, then district), and only that subset is checked against the other filters. Sorted by name.
 */
export async function findEmployers(db: CareersDeskDb, filters: EmployerFilters): Promise<Employer[]> {
  const text = filters.text.trim();
  let candidates: Collection<Employer, string, InsertType<Employer, 'id'>>;
  if (text !== '') candidates = db.employers.where('name').startsWithIgnoreCase(text);
  else if (filters.sector) candidates = db.employers.where('sector').equals(filters.sector);
  else if (filters.district) candidates = db.employers.where('district').equals(filters.district);
  else candidates = db.employers.toCollection();
  const rows = await candidates.filter((employer) => matchesEmployerFilters(employer, filters)).toArray();
  return rows.sort(compareEmployers);
}

/** Employers by name for pickers: the first whose names start with the text, ignoring case. */
export async function searchEmployers(db: CareersDeskDb, text: string, limit = 50): Promise<Employer[]> {
  return (await db.employers.where('name').startsWithIgnoreCase(text.trim()).limit(limit).toArray()).sort(compareEmployers);
}

/** Every employer (allocation needs each one's offers). */
export function listEmployers(db: CareersDeskDb): Promise<Employer[]> {
  return db.employers.toArray();
}

export interface EmployerRecord {
  employer: Employer;
  placements: Placement[];
  /** The young people on those placements, by id (an erased pupil's placements go with them). */
  pupils: Map<string, Pupil>;
}

/** Everything the employer page shows, or null when the employer is not recorded. */
export async function loadEmployerRecord(db: CareersDeskDb, employerId: string): Promise<EmployerRecord | null> {
  const employer = await db.employers.get(employerId);
  if (!employer) return null;
  const placements = await listPlacementsForEmployer(db, employer.id);
  const pupils = await db.pupils.bulkGet([...new Set(placements.map((p) => p.pupilId))]);
  return { employer, placements, pupils: new Map(pupils.filter((p) => p !== undefined).map((p) => [p.id, p])) };
}
