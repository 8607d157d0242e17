/** The one list of career sectors, used for pupils' interests, employers and routes alike. */
export const SECTORS = [
  { id: 'agriculture', label: 'Agriculture, environment and animal care' },
  { id: 'business', label: 'Business, finance and administration' },
  { id: 'care', label: 'Health and social care' },
  { id: 'construction', label: 'Construction and the built environment' },
  { id: 'creative', label: 'Creative, media and design' },
  { id: 'digital', label: 'Digital and IT' },
  { id: 'education', label: 'Education and childcare' },
  { id: 'engineering', label: 'Engineering and manufacturing' },
  { id: 'hair-beauty', label: 'Hair and beauty' },
  { id: 'hospitality', label: 'Hospitality, catering and tourism' },
  { id: 'legal', label: 'Legal, public services and security' },
  { id: 'logistics', label: 'Transport and logistics' },
  { id: 'retail', label: 'Retail and customer service' },
  { id: 'science', label: 'Science and research' },
  { id: 'sport', label: 'Sport and leisure' },
] as const;
export type SectorId = (typeof SECTORS)[number]['id'];
export const SECTOR_IDS = SECTORS.map((s) => s.id) as unknown as readonly [SectorId, ...SectorId[]];

export function sectorLabel(id: string | null | undefined): string {
  return SECTORS.find((s) => s.id === id)?.label ?? 'Not given';
}
