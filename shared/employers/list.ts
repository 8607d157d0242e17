/** What the employer directory filters, sorts and shows; the query lives in the renderer, the rules here. */
import type { Employer } from '../model/employer';
import type { AreaId } from '../reference/areas';
import type { SectorId } from '../reference/sectors';
import { townOf } from '../reference/outcodes';

export interface EmployerFilters {
  /** The start of the employer's name, in any case. */
  text: string;
  sector: SectorId | null;
  district: AreaId | null;
  /** The adviser's judgement on public transport: either verdict, or none recorded (journeys decide). */
  transport: PublicTransportFilter | null;
}

export const PUBLIC_TRANSPORT_FILTERS = [
  { id: 'not-reachable', label: 'Judged not reachable' },
  { id: 'reachable', label: 'Judged reachable' },
  { id: 'none', label: 'No judgement (journeys decide)' },
] as const;
export type PublicTransportFilter = (typeof PUBLIC_TRANSPORT_FILTERS)[number]['id'];

export function emptyEmployerFilters(): EmployerFilters {
  return { text: '', sector: null, district: null, transport: null };
}

export function hasEmployerFilters(filters: EmployerFilters): boolean {
  return filters.text.trim() !== '' || filters.sector !== null || filters.district !== null || filters.transport !== null;
}

/** True when the employer meets every filter (the name by prefix, ignoring case). */
export function matchesEmployerFilters(
  employer: Pick<Employer, 'name' | 'sector' | 'district' | 'requirements'>,
  filters: EmployerFilters,
): boolean {
  if (filters.sector && employer.sector !== filters.sector) return false;
  if (filters.district && employer.district !== filters.district) return false;
  if (filters.transport && (employer.requirements.publicTransportOverride?.verdict ?? 'none') !== filters.transport) return false;
  const text = filters.text.trim().toLowerCase();
  return text === '' || employer.name.toLowerCase().startsWith(text);
}

export function compareEmployers(a: Pick<Employer, 'name'>, b: Pick<Employer, 'name'>): number {
  return a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' });
}

/** The other ways an employer engages with young people; each counts as an encounter (Benchmark 5). */
export const ENGAGEMENTS = [
  { key: 'offersApprenticeships', label: 'Apprenticeships' },
  { key: 'offersWorkplaceVisits', label: 'Workplace visits' },
  { key: 'offersTalks', label: 'Talks in schools' },
  { key: 'attendsCareersFairs', label: 'Careers fairs' },
] as const satisfies readonly { key: keyof Employer; label: string }[];

/** What a placement there needs, and how easy it is to get to. */
export const REQUIREMENT_FLAGS = [
  { key: 'dbsNeeded', label: 'DBS check needed' },
  { key: 'protectiveEquipment', label: 'Protective equipment worn' },
  { key: 'stepFreeAccess', label: 'Step-free access' },
] as const satisfies readonly { key: keyof Employer['requirements']; label: string }[];

/** As the employer's page lists them: the flags, then the adviser's public-transport judgement. */
export const REQUIREMENTS = [
  ...REQUIREMENT_FLAGS,
  { key: 'publicTransportOverride', label: "Adviser's judgement on public transport" },
] as const satisfies readonly { key: keyof Employer['requirements']; label: string }[];

const ADVISER_JUDGED = 'The adviser judged it';

/** The adviser's judgement on public transport in words, with the note; null where there is none (journeys decide). */
export function publicTransportNote(employer: Pick<Employer, 'requirements'>): string | null {
  const override = employer.requirements.publicTransportOverride;
  if (!override) return null;
  const verdict = override.verdict === 'reachable' ? 'reachable' : 'not reachable';
  return `${ADVISER_JUDGED} ${verdict} by public transport: ${override.note}`;
}

/** One requirement as the employer's page lists it: "Step-free access: yes", or the adviser's public-transport note. */
export function requirementText(employer: Pick<Employer, 'requirements'>, key: (typeof REQUIREMENTS)[number]['key']): string {
  if (key === 'publicTransportOverride') {
    return publicTransportNote(employer) ?? "Adviser's judgement on public transport: none (journeys decide)";
  }
  const label = REQUIREMENTS.find((r) => r.key === key)?.label ?? key;
  return `${label}: ${employer.requirements[key] ? 'yes' : 'no'}`;
}

export function engagementLabels(employer: Pick<Employer, (typeof ENGAGEMENTS)[number]['key']>): string[] {
  return ENGAGEMENTS.filter((e) => employer[e.key]).map((e) => e.label);
}

/** "Work-experience week: 2 periods, 5 places" for each offer, or that there are none. */
export function offerSummary(employer: Pick<Employer, 'offers'>): string {
  if (employer.offers.length === 0) return 'No work-experience offers';
  return employer.offers
    .map((offer) => {
      const places = offer.periods.reduce((sum, p) => sum + p.capacity, 0);
      const periods = offer.periods.length === 1 ? '1 period' : `${offer.periods.length} periods`;
      return `${offer.title}: ${periods}, ${places === 1 ? '1 place' : `${places} places`}`;
    })
    .join('; ');
}

/** "Years 10, 11 and 12" for an offer's year groups. */
export function yearGroupsText(yearGroups: readonly number[]): string {
  const sorted = [...yearGroups].sort((a, b) => a - b);
  if (sorted.length === 0) return 'No year groups';
  if (sorted.length === 1) return `Year ${sorted[0]}`;
  return `Years ${sorted.slice(0, -1).join(', ')} and ${sorted[sorted.length - 1]}`;
}

/**
 * An employer as pickers and lists name it: with its town, because chains and care groups share a
 * name across Kent ("Seaview Care Home (Margate, Thanet)"). Without a known outcode, the name alone.
 */
export function employerLabel(employer: Pick<Employer, 'name' | 'outcode'>): string {
  const town = townOf(employer.outcode);
  return town ? `${employer.name} (${town})` : employer.name;
}
