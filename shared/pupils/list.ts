/** What the pupil list filters and sorts on; the query lives in the renderer, the rules here. */
import type { Pupil } from '../model/pupil';
import { displayName, foldName, nameWords } from '../model/pupil';
import { hasLeftSchool, receptionYearOf, yearGroupOf } from '../academic-year';

/** A year group, or everyone who has left school (past Year 13). */
export type YearGroupFilter = number | 'left';

export interface PupilFilters {
  text: string;
  schoolId: string | null;
  yearGroup: YearGroupFilter | null;
  district: string | null;
  riskBand: 'low' | 'medium' | 'high' | null;
  homeEducatedOnly: boolean;
  noGuidanceYet: boolean;
}

export type PupilSort = 'name' | 'year-group' | 'risk' | 'last-guidance';

/**
 * What the pupil list shows, filters, sorts and searches on: a young person's record cut to the list's
 * fields. The list's index holds these, not whole records, so a start can open them from one small sealed
 * snapshot (renderer/src/db/pupil-list.ts) instead of opening every record; a screen that needs the whole
 * record reads it by id.
 */
export const PUPIL_LIST_FIELDS = [
  'id',
  'legalForename',
  'legalSurname',
  'preferredForename',
  'preferredSurname',
  'dateOfBirth',
  'yearGroupOverride',
  'schoolId',
  'homeEducated',
  'upn',
  'district',
  'riskBand',
  'lastGuidanceOn',
  'searchWords',
] as const satisfies readonly (keyof Pupil)[];

export type PupilListRow = Pick<Pupil, (typeof PUPIL_LIST_FIELDS)[number]>;

/** The list's fields of a record (a new object, so the list never holds the whole record). */
export function pupilListRowOf(pupil: PupilListRow): PupilListRow {
  return {
    id: pupil.id,
    legalForename: pupil.legalForename,
    legalSurname: pupil.legalSurname,
    preferredForename: pupil.preferredForename,
    preferredSurname: pupil.preferredSurname,
    dateOfBirth: pupil.dateOfBirth,
    yearGroupOverride: pupil.yearGroupOverride,
    schoolId: pupil.schoolId,
    homeEducated: pupil.homeEducated,
    upn: pupil.upn,
    district: pupil.district,
    riskBand: pupil.riskBand,
    lastGuidanceOn: pupil.lastGuidanceOn,
    searchWords: pupil.searchWords,
  };
}

export function emptyPupilFilters(): PupilFilters {
  return { text: '', schoolId: null, yearGroup: null, district: null, riskBand: null, homeEducatedOnly: false, noGuidanceYet: false };
}

/** Typed text that looks like the start of a UPN (a letter then digits) searches UPNs, not names. */
export function looksLikeUpn(text: string): boolean {
  return /^[a-z]\d{2,}[0-9a-z]*$/i.test(text.trim());
}

/** The words of the search box, lower case, for prefix matching against name words. */
export function searchWordsOf(text: string): string[] {
  return nameWords(text);
}

/** How many filters other than the search box are chosen (a small screen shows them behind one button, with this count). */
export function filtersChosen(filters: PupilFilters): number {
  return [
    filters.schoolId,
    filters.yearGroup !== null,
    filters.district,
    filters.riskBand,
    filters.homeEducatedOnly,
    filters.noGuidanceYet,
  ].filter(Boolean).length;
}

/** True when the filters leave everyone in: nothing typed and nothing chosen. */
export function keepsEveryone(filters: PupilFilters): boolean {
  return filters.text.trim() === '' && filtersChosen(filters) === 0;
}

/** True when the young person is in the chosen year group on `today` (or has left school, for 'left'). */
export function inYearGroup(pupil: Pick<Pupil, 'dateOfBirth' | 'yearGroupOverride'>, wanted: YearGroupFilter, today: string): boolean {
  const yearGroup = yearGroupOf(pupil, today);
  return wanted === 'left' ? hasLeftSchool(yearGroup) : yearGroup === wanted;
}

/** True when the pupil meets every filter other than the one an index already answered; year groups as they are on `today`. */
export function matchesFilters(pupil: PupilListRow, filters: PupilFilters, today: string): boolean {
  if (filters.schoolId && pupil.schoolId !== filters.schoolId) return false;
  if (filters.yearGroup !== null && !inYearGroup(pupil, filters.yearGroup, today)) return false;
  if (filters.district && pupil.district !== filters.district) return false;
  if (filters.riskBand && pupil.riskBand !== filters.riskBand) return false;
  if (filters.homeEducatedOnly && !pupil.homeEducated) return false;
  if (filters.noGuidanceYet && pupil.lastGuidanceOn !== null) return false;
  const text = filters.text.trim();
  if (text === '') return true;
  if (looksLikeUpn(text)) return (pupil.upn ?? '').startsWith(text.toUpperCase());
  const words = searchWordsOf(text);
  return words.every((word) => pupil.searchWords.some((w) => w.startsWith(word)));
}

const RISK_ORDER = { high: 0, medium: 1, low: 2 } as const;

export function sortKeyName(pupil: Pick<Pupil, 'legalForename' | 'legalSurname' | 'preferredForename' | 'preferredSurname'>): string {
  const surname = (pupil.preferredSurname || pupil.legalSurname).toLowerCase();
  const forename = (pupil.preferredForename || pupil.legalForename).toLowerCase();
  return `${surname} ${forename}`;
}

/**
 * The name a list is ordered by, as a plain string that compares with `<`: lower case, accents
 * taken off ("Zoë" sorts with "Zoe"). Plain comparison is many times faster than a collator,
 * which matters when a keystroke re-sorts a thousand names.
 */
export function nameSortKey(pupil: Pick<Pupil, 'legalForename' | 'legalSurname' | 'preferredForename' | 'preferredSurname'>): string {
  return foldName(sortKeyName(pupil));
}

/** Orders two pupils by name, then by id so that equal names always come out the same way. */
export function compareByName(a: { key: string; id: string }, b: { key: string; id: string }): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The order of the other sorts; ties keep the order they came in (by name), since Array sort is stable. */
export function compareForSort(sort: Exclude<PupilSort, 'name'>): (a: PupilListRow, b: PupilListRow) => number {
  const rank = (p: PupilListRow) => RISK_ORDER[p.riskBand ?? 'low'];
  switch (sort) {
    // Whatever the date, a later Reception year is a lower year group.
    case 'year-group':
      return (a, b) => receptionYearOf(b) - receptionYearOf(a);
    case 'risk':
      return (a, b) => rank(a) - rank(b);
    case 'last-guidance':
      return (a, b) => {
        const x = a.lastGuidanceOn ?? '';
        const y = b.lastGuidanceOn ?? '';
        return x < y ? -1 : x > y ? 1 : 0;
      };
  }
}

/**
 * Sorts a list for display: by name (see nameSortKey), or by year group, risk or time since
 * guidance with name as the tie-break. Each name key is worked out once, not in every comparison.
 */
export function sortPupils<T extends PupilListRow>(pupils: T[], sort: PupilSort): T[] {
  const byName = pupils
    .map((pupil) => ({ pupil, key: nameSortKey(pupil), id: pupil.id }))
    .sort(compareByName)
    .map((k) => k.pupil);
  return sort === 'name' ? byName : byName.sort(compareForSort(sort));
}

export { displayName };
