/**
 * The groups returns break figures down by: districts, the characteristic groups named for
 * returns, and risk-of-NEET bands. Labels come from shared/reference where a list exists there.
 */
import type { Pupil } from '../model/pupil';
import { AREAS, type AreaId } from '../reference/areas';
import { LOCAL_AUTHORITIES, type LocalAuthorityId } from '../reference/geography';
import { RISK_BANDS } from '../risk';

/** The characteristic groups returns and extracts report, in the order they are shown. */
export const RETURN_CHARACTERISTICS = [
  { id: 'sen-support', label: 'SEN support', has: (p: Pupil) => p.characteristics.senSupport },
  { id: 'ehcp', label: 'Education, health and care plan', has: (p: Pupil) => p.characteristics.ehcp },
  { id: 'free-school-meals', label: 'Free school meals', has: (p: Pupil) => p.characteristics.freeSchoolMeals },
  { id: 'looked-after', label: 'Looked after', has: (p: Pupil) => p.characteristics.lookedAfter },
  { id: 'young-carer', label: 'Young carer', has: (p: Pupil) => p.characteristics.youngCarer },
  { id: 'health-condition', label: 'Long-term health condition', has: (p: Pupil) => p.characteristics.healthCondition },
  { id: 'home-educated', label: 'Home educated', has: (p: Pupil) => p.homeEducated },
] as const;
export type ReturnCharacteristicId = (typeof RETURN_CHARACTERISTICS)[number]['id'];

export const NOT_KNOWN = { id: 'not-known', label: 'Not known' } as const;
export const NOT_RECORDED = { id: 'not-recorded', label: 'Not recorded' } as const;

/** The 13 districts and a row for young people whose district is not known. */
export const DISTRICT_ROWS: readonly { id: string; label: string }[] = [...AREAS.map((a) => ({ id: a.id, label: a.label })), NOT_KNOWN];
const DISTRICT_INDEX = new Map<string, number>(AREAS.map((a, i) => [a.id, i]));

export function districtRow(district: AreaId | null): number {
  return (district === null ? undefined : DISTRICT_INDEX.get(district)) ?? AREAS.length;
}

export const RISK_ROWS: readonly { id: string; label: string }[] = [...RISK_BANDS, NOT_RECORDED];

export function riskRow(band: Pupil['riskBand']): number {
  const index = RISK_BANDS.findIndex((b) => b.id === band);
  return index >= 0 ? index : RISK_BANDS.length;
}

/** The council a district belongs to, for generalising a rare district: Kent, Medway or Not known. */
export function councilLabel(district: AreaId | null): string {
  const area = AREAS.find((a) => a.id === district);
  if (!area) return NOT_KNOWN.label;
  return area.council === 'medway' ? 'Medway' : 'Kent';
}

/** The two councils and a row for young people counted elsewhere or where nothing says. */
export const LOCAL_AUTHORITY_ROWS: readonly { id: string; label: string }[] = [
  ...LOCAL_AUTHORITIES.map((la) => ({ id: la.id, label: la.name })),
  { id: 'elsewhere-or-not-known', label: 'Elsewhere or not known' },
];

export function localAuthorityRow(la: LocalAuthorityId | 'elsewhere' | null): number {
  const index = LOCAL_AUTHORITIES.findIndex((l) => l.id === la);
  return index >= 0 ? index : LOCAL_AUTHORITIES.length;
}
