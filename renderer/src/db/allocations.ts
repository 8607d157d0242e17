// Confirmed allocations, kept to reopen from the placements desk. Only ids are stored: the names come
// from today's records when one is shown, so an erased young person or a renamed employer is honoured.
import { displayName, storedAllocationSchema, type School, type StoredAllocation } from '@shared/model';
// From their own modules, not the '@shared/matching' barrel: the barrel would bring all of matching into the app's first script.
import {
  allocationLineHeldAbout,
  allocationWithout,
  confirmedAllocationSummary,
  storedAllocationCounts,
  storedAllocationList,
} from '@shared/matching/stored-allocation';
import type { AllocationList } from '@shared/matching/allocation-list';
import type { PlacementStatusId } from '@shared/reference';
import { placementOf } from '@shared/experiences';
import type { CareersDeskDb } from './schema';
import { writeAudit } from './audit';

export const SCHOOL_NO_LONGER_RECORDED = 'School no longer recorded';

/** What confirmAllocation (./matching) keeps: the allocation as confirmed, each placed line with its new placement's id. */
export type AllocationToStore = Omit<StoredAllocation, 'id' | 'createdAt' | 'updatedAt' | 'isDemo'>;

/**
 * Stores a confirmed allocation with its audit entry (no young person named). Call inside the
 * transaction that proposes its placements, over allocations, schools and audit, so it is all or nothing.
 */
export async function storeConfirmedAllocation(
  db: CareersDeskDb,
  input: AllocationToStore,
  actorId: string | null,
  now: Date,
): Promise<StoredAllocation> {
  const stamp = now.toISOString();
  const allocation = storedAllocationSchema.parse({ ...input, id: crypto.randomUUID(), createdAt: stamp, updatedAt: stamp, isDemo: false });
  await db.allocations.add(allocation);
  const school = allocation.schoolId ? await db.schools.get(allocation.schoolId) : undefined;
  await writeAudit(
    db,
    {
      actorId,
      action: 'create',
      entity: 'allocation',
      recordId: allocation.id,
      pupilId: null,
      summary: confirmedAllocationSummary(allocation, school?.name ?? SCHOOL_NO_LONGER_RECORDED),
    },
    now,
  );
  return allocation;
}

/** One confirmed allocation as the placements desk lists it. */
export interface AllocationSummary {
  id: string;
  confirmedOn: string;
  schoolName: string;
  yearGroup: number;
  period: StoredAllocation['period'];
  placed: number;
  unplaced: number;
}

function schoolNameOf(schools: ReadonlyMap<string, School>, schoolId: string | null): string {
  return (schoolId ? schools.get(schoolId)?.name : undefined) ?? SCHOOL_NO_LONGER_RECORDED;
}

/** Every confirmed allocation, newest first (the confirmedOn index, then the time it was stored). */
export async function listAllocations(db: CareersDeskDb): Promise<AllocationSummary[]> {
  return db.transaction('r', [db.allocations, db.schools], async () => {
    const [allocations, schools] = await Promise.all([db.allocations.orderBy('confirmedOn').reverse().toArray(), db.schools.toArray()]);
    const byId = new Map(schools.map((s) => [s.id, s]));
    return allocations
      .sort((a, b) => b.confirmedOn.localeCompare(a.confirmedOn) || b.createdAt.localeCompare(a.createdAt))
      .map((a) => ({
        id: a.id,
        confirmedOn: a.confirmedOn,
        schoolName: schoolNameOf(byId, a.schoolId),
        yearGroup: a.yearGroup,
        period: a.period,
        ...storedAllocationCounts(a),
      }));
  });
}

/** A stored allocation reopened: the list as the allocation screen shows it, and each placed young person's placement today. */
export interface ReopenedAllocation {
  allocation: StoredAllocation;
  list: AllocationList;
  /** The adviser who confirmed it, as recorded today; null when not known. */
  confirmedBy: string | null;
  /** By young person: the status of the placement the allocation proposed, or null when it is no longer recorded. */
  statuses: Map<string, PlacementStatusId | null>;
}

/** The allocation with today's names and placement statuses, read in one transaction; null when it is not (or no longer) stored. */
export async function loadAllocation(db: CareersDeskDb, id: string): Promise<ReopenedAllocation | null> {
  return db.transaction('r', [db.allocations, db.schools, db.advisers, db.pupils, db.employers, db.experiences], async () => {
    const allocation = await db.allocations.get(id);
    if (!allocation) return null;
    const placed = allocation.lines.filter((line) => line.choice !== null);
    const employerIds = [...new Set(placed.flatMap((line) => (line.choice ? [line.choice.employerId] : [])))];
    const experienceIds = placed.flatMap((line) => (line.experienceId ? [line.experienceId] : []));
    const [school, adviser, pupils, employers, experiences] = await Promise.all([
      allocation.schoolId ? db.schools.get(allocation.schoolId) : undefined,
      allocation.adviserId ? db.advisers.get(allocation.adviserId) : undefined,
      db.pupils.bulkGet(allocation.lines.map((line) => line.pupilId)),
      db.employers.bulkGet(employerIds),
      db.experiences.bulkGet(experienceIds),
    ]);
    const held = new Map(experiences.flatMap((e) => (e ? [[e.id, e] as const] : [])));
    const statuses = new Map<string, PlacementStatusId | null>();
    for (const line of placed) {
      const experience = line.experienceId ? held.get(line.experienceId) : undefined;
      const placement = experience ? placementOf(experience) : null;
      statuses.set(line.pupilId, placement && placement.pupilId === line.pupilId ? placement.status : null);
    }
    const known = employers.filter((e) => e !== undefined);
    const list = storedAllocationList(allocation, {
      schoolName: school?.name ?? SCHOOL_NO_LONGER_RECORDED,
      pupilNames: new Map(pupils.flatMap((p) => (p ? [[p.id, displayName(p)] as const] : []))),
      employerNames: new Map(known.map((e) => [e.id, e.name])),
      offerTitles: new Map(known.flatMap((e) => e.offers.map((o) => [o.id, o.title] as const))),
    });
    return { allocation, list, confirmedBy: adviser?.name ?? null, statuses };
  });
}

/**
 * Takes a confirmed allocation off the placements desk, with its audit entry. Its placements stay on
 * the young people's records. False when it was already gone.
 */
export async function removeAllocation(db: CareersDeskDb, id: string, actorId: string | null, now: Date): Promise<boolean> {
  return db.transaction('rw', [db.allocations, db.schools, db.audit], async () => {
    const allocation = await db.allocations.get(id);
    if (!allocation) return false;
    await db.allocations.delete(id);
    const school = allocation.schoolId ? await db.schools.get(allocation.schoolId) : undefined;
    const { placed, unplaced } = storedAllocationCounts(allocation);
    await writeAudit(
      db,
      {
        actorId,
        action: 'delete',
        entity: 'allocation',
        recordId: id,
        pupilId: null,
        summary:
          `Removed the allocation for Year ${allocation.yearGroup} at ${school?.name ?? SCHOOL_NO_LONGER_RECORDED} ` +
          `(${placed} placed, ${unplaced} unplaced) from the list of confirmed allocations; its placements were kept`,
      },
      now,
    );
    return true;
  });
}

/**
 * Takes these young people off every stored allocation (erasure, retention, a restore re-erasing):
 * their lines and ids go, and an allocation left with nobody is deleted. Call inside a transaction over allocations.
 */
export async function removePupilsFromAllocations(db: CareersDeskDb, pupilIds: readonly string[]): Promise<void> {
  if (pupilIds.length === 0) return;
  const rows = await db.allocations
    .where('pupilIds')
    .anyOf([...pupilIds])
    .distinct()
    .toArray();
  for (const row of rows) {
    const left = allocationWithout(row, pupilIds);
    if (left === null) await db.allocations.delete(row.id);
    else if (left !== row) await db.allocations.put(left);
  }
}

/** The young person's own lines of confirmed allocations, for their subject access export: no one else's line or id. */
export async function allocationsHeldAbout(db: CareersDeskDb, pupilId: string): Promise<Record<string, unknown>[]> {
  const rows = await db.allocations.where('pupilIds').equals(pupilId).toArray();
  return rows.flatMap((row) => {
    const held = allocationLineHeldAbout(row, pupilId);
    return held ? [held] : [];
  });
}
