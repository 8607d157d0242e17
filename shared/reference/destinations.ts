/**
 * NCCIS destination and activity codes, used by councils to track 16 and 17 year olds; here for
 * intended and actual destinations. Groups drive the returns' "by destination group" tables.
 */
export const DESTINATION_GROUPS = [
  { id: 'pre-16', label: 'Pre-16' },
  { id: 'education', label: 'Education' },
  { id: 'employment', label: 'Employment' },
  { id: 'training', label: 'Training' },
  { id: 'neet', label: 'Not in education, employment or training (NEET)' },
  { id: 'not-known', label: 'Not known' },
] as const;
export type DestinationGroupId = (typeof DESTINATION_GROUPS)[number]['id'];

export const DESTINATIONS = [
  { code: '110', group: 'pre-16', label: 'On a school roll' },
  { code: '120', group: 'pre-16', label: 'Electively home educated' },
  { code: '140', group: 'pre-16', label: 'On no school roll' },
  { code: '150', group: 'pre-16', label: 'Not known (pre-16)' },
  { code: '210', group: 'education', label: 'School sixth form' },
  { code: '220', group: 'education', label: 'Sixth-form college' },
  { code: '230', group: 'education', label: 'Further education' },
  { code: '240', group: 'education', label: 'Higher education' },
  { code: '250', group: 'education', label: 'Part-time education' },
  { code: '260', group: 'education', label: 'Gap year' },
  { code: '270', group: 'education', label: 'Other full-time education' },
  { code: '280', group: 'education', label: 'Special post-16 institution' },
  { code: '310', group: 'employment', label: 'Apprenticeship' },
  { code: '320', group: 'employment', label: 'Employment with regulated study' },
  { code: '330', group: 'employment', label: 'Employment without training' },
  { code: '340', group: 'employment', label: 'Employment with other training' },
  { code: '350', group: 'employment', label: 'Temporary employment' },
  { code: '360', group: 'employment', label: 'Part-time employment' },
  { code: '380', group: 'employment', label: 'Self-employed' },
  { code: '410', group: 'training', label: 'Work-based learning' },
  { code: '430', group: 'training', label: 'Other training' },
  { code: '440', group: 'training', label: 'DWP programme' },
  { code: '460', group: 'training', label: 'Supported internship' },
  { code: '530', group: 'training', label: 'Re-engagement provision' },
  { code: '610', group: 'neet', label: 'Not ready for work or learning' },
  { code: '615', group: 'neet', label: 'Start date agreed (other)' },
  { code: '616', group: 'neet', label: 'Start date agreed (RPA compliant)' },
  { code: '619', group: 'neet', label: 'Seeking employment, education or training' },
  { code: '620', group: 'neet', label: 'Young carer' },
  { code: '630', group: 'neet', label: 'Teenage parent' },
  { code: '640', group: 'neet', label: 'Illness' },
  { code: '650', group: 'neet', label: 'Pregnancy' },
  { code: '670', group: 'neet', label: 'Unlikely ever to be economically active' },
  { code: '680', group: 'neet', label: 'Other reason' },
  { code: '810', group: 'not-known', label: 'Not known' },
  { code: '820', group: 'not-known', label: 'Cannot be contacted' },
  { code: '830', group: 'not-known', label: 'Refused to disclose' },
] as const satisfies readonly { code: string; group: DestinationGroupId; label: string }[];

export type DestinationCode = (typeof DESTINATIONS)[number]['code'];
export const DESTINATION_CODES = DESTINATIONS.map((d) => d.code) as unknown as readonly [DestinationCode, ...DestinationCode[]];

const BY_CODE = new Map<string, (typeof DESTINATIONS)[number]>(DESTINATIONS.map((d) => [d.code, d]));

export function destinationLabel(code: string | null | undefined): string {
  if (!code) return 'Not recorded';
  const found = BY_CODE.get(code);
  return found ? `${found.code} ${found.label}` : `Unknown code ${code}`;
}

export function destinationGroup(code: string | null | undefined): DestinationGroupId | null {
  return (code && BY_CODE.get(code)?.group) || null;
}
