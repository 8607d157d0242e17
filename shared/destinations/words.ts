import { formatUkDate } from '../dates';
import { DESTINATION_ENTRY_KIND_LABELS, DESTINATION_SOURCE_LABELS, GUARANTEE_OFFER_STATUS_LABELS, type DestinationEntry } from '../model';
import { destinationLabel } from '../reference';

/** The names of the directory's providers, employers and routes an entry may point at, by id. */
export interface DestinationPlaceNames {
  providers: ReadonlyMap<string, string>;
  employers: ReadonlyMap<string, string>;
  routes: ReadonlyMap<string, string>;
}

export const NO_PLACE_NAMES: DestinationPlaceNames = { providers: new Map(), employers: new Map(), routes: new Map() };

/** "1 year after Year 11", "2 years after Year 11". */
export function yearsAfterInWords(yearsAfter: 1 | 2 | 3): string {
  return `${yearsAfter} ${yearsAfter === 1 ? 'year' : 'years'} after Year 11`;
}

/** One entry as the young person's page and timeline say it, every part in words. */
export interface DestinationEntryWords {
  /** "September Guarantee offer for September 2027", "Destination check, 1 year after Year 11". */
  kind: string;
  /** The code in words ("230 Further education"), or "Not recorded". */
  destination: string;
  /** What else the kind records: the offer's status and who made it when, a check's outcome, an activity's dates. */
  details: string;
  /** The route, provider, employer or place, joined; '' when none is recorded. */
  where: string;
  /** Who said so. */
  source: string;
}

export function destinationEntryInWords(entry: DestinationEntry, names: DestinationPlaceNames = NO_PLACE_NAMES): DestinationEntryWords {
  const label = DESTINATION_ENTRY_KIND_LABELS[entry.kind];
  const gone = 'no longer recorded';
  const where = [
    entry.routeId ? (names.routes.get(entry.routeId) ?? `A route ${gone}`) : '',
    entry.providerId ? (names.providers.get(entry.providerId) ?? `A provider ${gone}`) : '',
    entry.employerId ? (names.employers.get(entry.employerId) ?? `An employer ${gone}`) : '',
    entry.placeName,
  ]
    .filter(Boolean)
    .join(', ');
  const base = { destination: destinationLabel(entry.code), where, source: DESTINATION_SOURCE_LABELS[entry.source] };
  switch (entry.kind) {
    case 'intended':
      return { ...base, kind: label, details: '' };
    case 'guarantee-offer': {
      const by = entry.offeredBy ? ` by ${entry.offeredBy}` : '';
      const on = entry.offeredOn ? ` on ${formatUkDate(entry.offeredOn)}` : '';
      return {
        ...base,
        kind: `${label} for September ${entry.guaranteeYear}`,
        details:
          entry.status === 'none-yet'
            ? GUARANTEE_OFFER_STATUS_LABELS[entry.status]
            : `${GUARANTEE_OFFER_STATUS_LABELS[entry.status]}${by}${on}`,
      };
    }
    case 'november-activity':
      return { ...base, kind: `Activity on 1 November ${entry.surveyYear}`, details: '' };
    case 'activity':
      return {
        ...base,
        kind: label,
        details: [
          entry.startOn ? `Started ${formatUkDate(entry.startOn)}` : '',
          entry.reviewOn ? `review by ${formatUkDate(entry.reviewOn)}` : '',
        ]
          .filter(Boolean)
          .join(', '),
      };
    case 'sustained-check':
      return {
        ...base,
        kind: `${label}, ${yearsAfterInWords(entry.yearsAfter)}`,
        details: entry.sustained ? 'Sustained' : 'Not sustained',
      };
  }
}
