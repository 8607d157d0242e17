/** What the pupil list filters and sorts on; the query lives in the renderer, the rules here. */
import type { Pupil } from '../model/pupil';
import { displayName } from '../model/pupil';

export interface PupilFilters {
  text: string;
  schoolId: string | null;
  yearGroup: number | null;
  district: string | null;
  riskBand: 'low' | 'medium' | 'high' | null;
  homeEducatedOnly: boolean;
  noGuidanceYet: boolean;
}

export type PupilSort = 'name' | 'year-group' | 'risk' | 'last-guidance';

export function emptyPupilFilters(): PupilFilters {
  return { text: '', schoolId: null, yearGroup: null, district: null, riskBand: null, homeEducatedOnly: false, noGuidanceYet: false };
}

/** Typed text that looks like the start of a UPN (a letter then digits) searches UPNs, not names. */
export function looksLikeUpn(text: string): boolean {
  return /^[a-z]\d{2,}[0-9a-z]*$/i.test(text.trim());
}

/** The words of the search box, lower case, for prefix matching against name words. */
export function searchWordsOf(text: string): string[] {
  return text.trim().toLowerCase().split(/[\s'-]+/).filter(Boolean);
}

/** True when the pupil meets every filter other than the one an index already answered. */
export function matchesFilters(pupil: Pupil, filters: PupilFilters): boolean {
  if (filters.schoolId && pupil.schoolId !== filters.schoolId) return false;
  if (filters.yearGroup !== null && pupil.yearGroup !== filters.yearGroup) return false;
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
  return `${(pupil.preferredSurname || pupil.legalSurname).toLowerCase()} ${(pupil.preferredForename || pupil.legalForename).toLowerCase()}`;
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base' });

/**
 * Sorts a list for display. Each pupil's name key is worked out once, not in every comparison:
 * with thousands of matches that is most of the time a keystroke takes.
 */
export function sortPupils(pupils: Pupil[], sort: PupilSort): Pupil[] {
  const keyed = pupils.map((pupil) => ({ pupil, name: sortKeyName(pupil) }));
  const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
  const rank = (p: Pupil) => RISK_ORDER[p.riskBand ?? 'low'];
  keyed.sort((a, b) => {
    switch (sort) {
      case 'year-group': return a.pupil.yearGroup - b.pupil.yearGroup || byName(a, b);
      case 'risk': return rank(a.pupil) - rank(b.pupil) || byName(a, b);
      case 'last-guidance': return (a.pupil.lastGuidanceOn ?? '').localeCompare(b.pupil.lastGuidanceOn ?? '') || byName(a, b);
      default: return byName(a, b);
    }
  });
  return keyed.map((k) => k.pupil);
}

export { displayName };
