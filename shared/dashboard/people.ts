/** How a young person appears in the list behind a dashboard figure (on screen only, never exported). */
import { displayName } from '../model/pupil';
import { compareByName, nameSortKey } from '../pupils/list';
import type { PupilFacts } from '../returns/scope';

export interface PersonBehind {
  id: string;
  name: string;
  /** Orders the list by surname (shared/pupils/list nameSortKey). */
  sortKey: string;
  /** "Year 11, Oakwood School" or "Year 9, home educated". */
  detail: string;
}

export function personBehind(facts: PupilFacts): PersonBehind {
  const { pupil } = facts;
  return {
    id: pupil.id,
    name: displayName(pupil),
    sortKey: nameSortKey(pupil),
    detail: `Year ${facts.yearGroup}, ${pupil.homeEducated ? 'home educated' : (facts.schoolName ?? 'no school recorded')}`,
  };
}

/** The people behind one figure, in surname order; ids no longer in scope are left out. */
export function peopleBehind(pupilIds: readonly string[], people: ReadonlyMap<string, PersonBehind>): PersonBehind[] {
  return pupilIds
    .map((id) => people.get(id))
    .filter((person): person is PersonBehind => person !== undefined)
    .sort((a, b) => compareByName({ key: a.sortKey, id: a.id }, { key: b.sortKey, id: b.id }));
}
