/**
 * Which NCCIS intended-destination code choosing a post-16 route means. Some routes say it for
 * certain (an apprenticeship is 310 wherever it is); for others the adviser is asked, with the
 * likeliest code offered first.
 */
import { DESTINATIONS, type DestinationCode } from '../reference/destinations';
import type { RouteKindId } from '../reference/lists';
import type { Provider } from '../model/routes';

export interface DestinationSuggestion {
  code: DestinationCode;
  /** True when the route settles the code; false when the adviser should choose, starting from `code`. */
  certain: boolean;
  /** Why this code, in words for the adviser. */
  why: string;
}

type ProviderKindId = Provider['kind'];

/** Full-time study: where it is studied decides the code. */
const STUDY_BY_PROVIDER: Partial<Record<ProviderKindId, { code: DestinationCode; where: string }>> = {
  'school-sixth-form': { code: '210', where: 'a school sixth form' },
  'sixth-form-college': { code: '220', where: 'a sixth-form college' },
  'fe-college': { code: '230', where: 'a further education college' },
};

const STUDY_KINDS: ReadonlySet<RouteKindId> = new Set<RouteKindId>(['a-levels', 't-level', 'vocational', 'foundation']);

export function intendedDestinationFor(routeKind: RouteKindId, providerKind: ProviderKindId | null): DestinationSuggestion {
  if (routeKind === 'apprenticeship') return { code: '310', certain: true, why: 'An apprenticeship is recorded as 310 wherever it is' };
  if (routeKind === 'supported-internship') return { code: '460', certain: true, why: 'A supported internship is recorded as 460' };
  if (STUDY_KINDS.has(routeKind)) {
    const study = providerKind ? STUDY_BY_PROVIDER[providerKind] : undefined;
    if (study) return { code: study.code, certain: true, why: `Full-time study at ${study.where}` };
    if (providerKind === 'training-provider')
      return {
        code: '410',
        certain: false,
        why: 'A course with a training provider is usually work-based learning (410); check with the provider',
      };
    return {
      code: routeKind === 'a-levels' ? '210' : '230',
      certain: false,
      why: 'The kind of provider does not settle where this is studied; choose the code that fits',
    };
  }
  if (routeKind === 'skills-bootcamp')
    return {
      code: '430',
      certain: false,
      why: 'A Skills Bootcamp is usually other training (430); choose employment if it comes with a job',
    };
  if (routeKind === 'connect-to-work')
    return {
      code: '440',
      certain: false,
      why: 'Connect to Work is usually recorded as a DWP programme (440); choose employment once they are in work',
    };
  if (routeKind === 'youth-hub')
    return { code: '440', certain: false, why: 'Youth Hub support is usually recorded as a DWP programme (440)' };
  return { code: '230', certain: false, why: 'Choose the code that fits' };
}

/** Codes that make sense as a post-16 intended destination: education, employment and training. */
export const POST16_DESTINATIONS = DESTINATIONS.filter(
  (d) => d.group === 'education' || d.group === 'employment' || d.group === 'training',
);
