/**
 * The official codes of Kent and Medway's geographies, for returns the council loads as open data
 * (the DfE's Explore Education Statistics layout), and the one rule for which local authority a
 * young person is counted in.
 *
 * Codes: ONS Register of Geographic Codes (GSS). The 12 Kent districts are E07000105 to E07000116 in
 * alphabetical order of their 2018 names (Folkestone and Hythe, E07000112, was Shepway); Kent County
 * Council is E10000016, Medway E06000035, both in the South East region E12000008; the old
 * three-digit LA numbers (886, 887) are those UPNs carry.
 */
import { isValidUpn } from '../identifiers';
import { AREAS, LA_NUMBERS, type AreaId } from './areas';

export const ENGLAND = { code: 'E92000001', name: 'England' } as const;
export const SOUTH_EAST = { code: 'E12000008', name: 'South East' } as const;

export type LocalAuthorityId = keyof typeof LA_NUMBERS;

/** The two councils: the new (GSS) code, the old three-digit LA number, and the name. */
export const LOCAL_AUTHORITIES: readonly { id: LocalAuthorityId; newCode: string; oldCode: string; name: string }[] = [
  { id: 'kent', newCode: 'E10000016', oldCode: LA_NUMBERS.kent, name: 'Kent' },
  { id: 'medway', newCode: 'E06000035', oldCode: LA_NUMBERS.medway, name: 'Medway' },
];

/** GSS code of each local authority district (Medway is a district and a council at once). */
export const DISTRICT_CODES: Readonly<Record<AreaId, string>> = {
  ashford: 'E07000105',
  canterbury: 'E07000106',
  dartford: 'E07000107',
  dover: 'E07000108',
  'folkestone-and-hythe': 'E07000112',
  gravesham: 'E07000109',
  maidstone: 'E07000110',
  sevenoaks: 'E07000111',
  swale: 'E07000113',
  thanet: 'E07000114',
  'tonbridge-and-malling': 'E07000115',
  'tunbridge-wells': 'E07000116',
  medway: 'E06000035',
};

/** The council a district belongs to. */
export function localAuthorityOfDistrict(district: AreaId): LocalAuthorityId {
  return AREAS.find((a) => a.id === district)?.council === 'medway' ? 'medway' : 'kent';
}

/**
 * Where a young person is counted among the councils: 'kent' or 'medway', 'elsewhere' when their
 * UPN was issued by another LA, or null when nothing says.
 *
 * A valid UPN decides first (its three digits after the check letter are the issuing LA's number:
 * the record a council's own systems hold); otherwise the young person's district, then their
 * school's. A temporary UPN carries an LA number too, and counts.
 */
export function localAuthorityOf(facts: {
  upn: string | null;
  district: AreaId | null;
  schoolDistrict: AreaId | null;
}): LocalAuthorityId | 'elsewhere' | null {
  if (facts.upn !== null && isValidUpn(facts.upn)) {
    const number = facts.upn.slice(1, 4);
    return LOCAL_AUTHORITIES.find((la) => la.oldCode === number)?.id ?? 'elsewhere';
  }
  const district = facts.district ?? facts.schoolDistrict;
  return district === null ? null : localAuthorityOfDistrict(district);
}
