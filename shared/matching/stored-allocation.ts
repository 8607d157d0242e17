/**
 * A confirmed allocation as it is kept (shared/model/allocation.ts): counted, summed up for the audit
 * log, turned back into the list the screen and the files show, and cut when a young person leaves it
 * (erasure, retention). Names are never stored: the list is rebuilt from today's records.
 */
import type { StoredAllocation, StoredAllocationLine } from '../model/allocation';
import { allocationListOf, type AllocationList } from './allocation-list';

export interface AllocationCounts {
  placed: number;
  unplaced: number;
}

export function storedAllocationCounts(allocation: Pick<StoredAllocation, 'lines'>): AllocationCounts {
  const placed = allocation.lines.filter((line) => line.choice !== null).length;
  return { placed, unplaced: allocation.lines.length - placed };
}

/** "Confirmed an allocation for Year 10 at Margate Coastal Academy: 28 placed, 3 unplaced": no young person named. */
export function confirmedAllocationSummary(allocation: Pick<StoredAllocation, 'lines' | 'yearGroup'>, schoolName: string): string {
  const { placed, unplaced } = storedAllocationCounts(allocation);
  return `Confirmed an allocation for Year ${allocation.yearGroup} at ${schoolName}: ${placed} placed, ${unplaced} unplaced`;
}

/** What a stored allocation needs from today's records to be shown: names, looked up by id. */
export interface StoredAllocationNames {
  schoolName: string;
  pupilNames: ReadonlyMap<string, string>;
  employerNames: ReadonlyMap<string, string>;
  offerTitles: ReadonlyMap<string, string>;
}

export const PUPIL_NO_LONGER_RECORDED = 'Young person no longer recorded';

/** The stored allocation as the list the screen, the CSV file and the PDF show (allocationListOf), with today's names. */
export function storedAllocationList(allocation: StoredAllocation, names: StoredAllocationNames): AllocationList {
  return allocationListOf({
    stage: 'confirmed',
    schoolName: names.schoolName,
    yearGroup: allocation.yearGroup,
    period: allocation.period,
    on: allocation.confirmedOn,
    lines: allocation.lines.map((line) => ({
      pupilId: line.pupilId,
      name: names.pupilNames.get(line.pupilId) ?? PUPIL_NO_LONGER_RECORDED,
      choice: line.choice ? { ...line.choice, reasons: [] } : null,
      why: line.why,
      byHand: line.byHand,
    })),
    employerNames: names.employerNames,
    offerTitles: names.offerTitles,
  });
}

/**
 * The allocation without these young people (erasure, retention): their lines and ids go. Null when
 * nobody is left, so the caller deletes it; the same object when none of them was on it.
 */
export function allocationWithout<T extends Pick<StoredAllocation, 'pupilIds' | 'lines'>>(
  allocation: T,
  pupilIds: Iterable<string>,
): T | null {
  const gone = new Set(pupilIds);
  if (!allocation.pupilIds.some((id) => gone.has(id)) && !allocation.lines.some((line) => gone.has(line.pupilId))) return allocation;
  const lines = allocation.lines.filter((line) => !gone.has(line.pupilId));
  const ids = allocation.pupilIds.filter((id) => !gone.has(id));
  return lines.length === 0 && ids.length === 0 ? null : { ...allocation, pupilIds: ids, lines };
}

/** One young person's line of an allocation, for their subject access export: nobody else's line or id. */
export function allocationLineHeldAbout(allocation: StoredAllocation, pupilId: string): Record<string, unknown> | null {
  const line: StoredAllocationLine | undefined = allocation.lines.find((l) => l.pupilId === pupilId);
  if (!line) return null;
  const { pupilIds, lines, ...rest } = allocation;
  return { ...rest, line, listSize: Math.max(pupilIds.length, lines.length) };
}
