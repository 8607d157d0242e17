/**
 * What the routes directory filters, sorts and shows; the query lives in the renderer, the rules here.
 */
import { formatUkDate } from '../academic-year';
import { areaLabel } from '../reference/areas';
import type { RouteKindId } from '../reference/lists';
import type { SectorId } from '../reference/sectors';
import type { Campus, Provider, Route } from '../model/routes';

export interface RouteFilters {
  /** Words to find in the route's title or its provider's name, in any case. */
  text: string;
  kind: RouteKindId | null;
  sector: SectorId | null;
  providerId: string | null;
  level: number | null;
}

export function emptyRouteFilters(): RouteFilters {
  return { text: '', kind: null, sector: null, providerId: null, level: null };
}

export function hasRouteFilters(filters: RouteFilters): boolean {
  return (
    filters.text.trim() !== '' || filters.kind !== null || filters.sector !== null || filters.providerId !== null || filters.level !== null
  );
}

/** True when the route meets every filter; each word typed must appear in the title or the provider's name. */
export function matchesRouteFilters(
  route: Pick<Route, 'title' | 'kind' | 'sector' | 'providerId' | 'level'>,
  providerName: string,
  filters: RouteFilters,
): boolean {
  if (filters.kind && route.kind !== filters.kind) return false;
  if (filters.sector && route.sector !== filters.sector) return false;
  if (filters.providerId && route.providerId !== filters.providerId) return false;
  if (filters.level !== null && route.level !== filters.level) return false;
  const words = filters.text
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) return true;
  const haystack = `${route.title} ${providerName}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** By provider name, then title, then level. */
export function compareRoutes(
  a: { route: Pick<Route, 'title' | 'level'>; providerName: string },
  b: { route: Pick<Route, 'title' | 'level'>; providerName: string },
): number {
  return (
    a.providerName.localeCompare(b.providerName, 'en-GB', { sensitivity: 'base' }) ||
    a.route.title.localeCompare(b.route.title, 'en-GB', { sensitivity: 'base' }) ||
    a.route.level - b.route.level
  );
}

export function compareProviders(a: Pick<Provider, 'name'>, b: Pick<Provider, 'name'>): number {
  return a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' });
}

/**
 * The GCSE grades asked for, as an adviser would say them: "GCSE grade 4 in English and maths",
 * "GCSE grade 5 in English and grade 4 in maths", with any other requirements after.
 */
export function entryRequirementsText(requirements: Route['entryRequirements']): string {
  const { englishGrade: english, mathsGrade: maths, notes } = requirements;
  let grades: string;
  if (english !== null && maths !== null) {
    grades =
      english === maths ? `GCSE grade ${english} in English and maths` : `GCSE grade ${english} in English and grade ${maths} in maths`;
  } else if (english !== null) {
    grades = `GCSE grade ${english} in English`;
  } else if (maths !== null) {
    grades = `GCSE grade ${maths} in maths`;
  } else {
    grades = notes.trim() === '' ? 'No GCSE grades asked for' : '';
  }
  return [grades, notes.trim()].filter((part) => part !== '').join('; ');
}

/** Start dates in UK format, earliest first, or that it starts any time. */
export function startDatesText(startDates: readonly string[]): string {
  if (startDates.length === 0) return 'Starts at any time';
  return [...startDates].sort().map(formatUkDate).join(', ');
}

/** The campus a route names, or the provider's only campus when it names none. */
export function campusOf(route: Pick<Route, 'campusId'>, provider: Pick<Provider, 'campuses'> | undefined): Campus | undefined {
  if (!provider) return undefined;
  if (route.campusId !== null) return provider.campuses.find((c) => c.id === route.campusId);
  return provider.campuses.length === 1 ? provider.campuses[0] : undefined;
}

/** "Ashford College, TN23 (Ashford)"; the parts not known are left out. */
export function campusText(campus: Pick<Campus, 'name' | 'outcode' | 'district'> | undefined): string {
  if (!campus) return 'No particular campus';
  const where = [campus.outcode, campus.district ? `(${areaLabel(campus.district)})` : ''].filter((p) => p).join(' ');
  return where ? `${campus.name}, ${where}` : campus.name;
}
