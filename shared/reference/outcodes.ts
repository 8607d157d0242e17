import { areaLabel, type AreaId } from './areas';
import { OUTCODES, type Outcode } from './outcodes-data';

export { OUTCODES, type Outcode };

const BY_OUTCODE = new Map(OUTCODES.map((o) => [o.outcode, o]));

/** The outward code of a normalised postcode ("CT9 1AA" gives "CT9"). */
export function outcodeOf(normalisedPostcode: string): string {
  return normalisedPostcode.split(' ')[0] ?? normalisedPostcode;
}

export function findOutcode(outcode: string | null | undefined): Outcode | undefined {
  return outcode ? BY_OUTCODE.get(outcode.toUpperCase()) : undefined;
}

/** The district an outcode mostly lies in, as the default for a pupil's or employer's district. */
export function defaultDistrictFor(outcode: string | null | undefined): AreaId | null {
  return findOutcode(outcode)?.primaryDistrict ?? null;
}

/**
 * Where an outcode is, as a card shows it: its main town and, when the town's name is not the district's,
 * the district too ("Sheerness, Swale", "Canterbury"); null when the outcode is not in Kent or Medway.
 */
export function townOf(outcode: string | null | undefined): string | null {
  const found = findOutcode(outcode);
  if (!found) return null;
  const district = areaLabel(found.primaryDistrict);
  return found.place === district ? found.place : `${found.place}, ${district}`;
}

const EARTH_RADIUS_KM = 6371;

/**
 * Straight-line distance in km between two outcode centroids (haversine), or null when either
 * is not a Kent or Medway outcode. Centroids are good to about a kilometre: fine for "can they get there".
 */
export function distanceBetweenOutcodesKm(from: string | null | undefined, to: string | null | undefined): number | null {
  const a = findOutcode(from);
  const b = findOutcode(to);
  if (!a || !b) return null;
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}
