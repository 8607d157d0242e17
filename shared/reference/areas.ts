/**
 * The 13 local authority areas of Kent and Medway: the 12 Kent districts and Medway (a unitary
 * council). Coastal and rural flags mark where weak transport limits what a young person can reach.
 */
export const AREAS = [
  { id: 'ashford', label: 'Ashford', council: 'kent', coastal: false, mostlyRural: true },
  { id: 'canterbury', label: 'Canterbury', council: 'kent', coastal: true, mostlyRural: false },
  { id: 'dartford', label: 'Dartford', council: 'kent', coastal: false, mostlyRural: false },
  { id: 'dover', label: 'Dover', council: 'kent', coastal: true, mostlyRural: true },
  { id: 'folkestone-and-hythe', label: 'Folkestone and Hythe', council: 'kent', coastal: true, mostlyRural: true },
  { id: 'gravesham', label: 'Gravesham', council: 'kent', coastal: false, mostlyRural: false },
  { id: 'maidstone', label: 'Maidstone', council: 'kent', coastal: false, mostlyRural: true },
  { id: 'sevenoaks', label: 'Sevenoaks', council: 'kent', coastal: false, mostlyRural: true },
  { id: 'swale', label: 'Swale', council: 'kent', coastal: true, mostlyRural: true },
  { id: 'thanet', label: 'Thanet', council: 'kent', coastal: true, mostlyRural: false },
  { id: 'tonbridge-and-malling', label: 'Tonbridge and Malling', council: 'kent', coastal: false, mostlyRural: true },
  { id: 'tunbridge-wells', label: 'Tunbridge Wells', council: 'kent', coastal: false, mostlyRural: true },
  { id: 'medway', label: 'Medway', council: 'medway', coastal: true, mostlyRural: false },
] as const;

export type AreaId = (typeof AREAS)[number]['id'];
export const AREA_IDS = AREAS.map((a) => a.id) as unknown as readonly [AreaId, ...AreaId[]];

const AREA_BY_ID = new Map<string, (typeof AREAS)[number]>(AREAS.map((a) => [a.id, a]));
const AREA_BY_LABEL = new Map<string, AreaId>(AREAS.map((a) => [a.label.toLowerCase(), a.id]));

export function areaLabel(id: AreaId | null | undefined): string {
  return (id && AREA_BY_ID.get(id)?.label) || 'Not known';
}

/** The area id for a district name as people write it ("Folkestone and Hythe"), or null. */
export function areaIdFromLabel(label: string): AreaId | null {
  return AREA_BY_LABEL.get(label.trim().toLowerCase()) ?? null;
}

export function isCoastal(id: AreaId): boolean {
  return AREA_BY_ID.get(id)?.coastal ?? false;
}

/** Local authority numbers used in UPNs: Kent 886, Medway 887. */
export const LA_NUMBERS = { kent: '886', medway: '887' } as const;
