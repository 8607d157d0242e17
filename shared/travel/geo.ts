/* eslint-disable @typescript-eslint/no-non-null-assertion --
   the stop grid reads coordinates by stop number from typed arrays of the feed's stop count */
/** Distances on the ground, and a grid of stops for "which stops are within a walk of here". */

export interface TravelPoint {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_M = 6_371_000;
const RAD = Math.PI / 180;

/** Straight-line (great-circle) distance in metres. */
export function metresBetween(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const dLat = (bLat - aLat) * RAD;
  const dLon = (bLon - aLon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * RAD) * Math.cos(bLat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function pointDistanceKm(a: TravelPoint, b: TravelPoint): number {
  return metresBetween(a.latitude, a.longitude, b.latitude, b.longitude) / 1000;
}

export function isUsableCoordinate(latitude: number, longitude: number): boolean {
  // 0,0 is what some exports write for "unknown": a stop in the Gulf of Guinea is not a Kent stop.
  return (
    Number.isFinite(latitude) &&
    Number.isFinite(longitude) &&
    Math.abs(latitude) <= 90 &&
    Math.abs(longitude) <= 180 &&
    !(latitude === 0 && longitude === 0)
  );
}

/** Cells of about a kilometre (0.01° of latitude is 1.1 km), keyed by row and column. */
const CELL_DEGREES = 0.01;

export interface StopGrid {
  cells: Map<number, number[]>;
  latitudes: Float64Array;
  longitudes: Float64Array;
}

function cellKey(row: number, column: number): number {
  return row * 100_000 + column;
}

export function buildStopGrid(latitudes: Float64Array, longitudes: Float64Array): StopGrid {
  const cells = new Map<number, number[]>();
  for (let s = 0; s < latitudes.length; s++) {
    const lat = latitudes[s]!;
    const lon = longitudes[s]!;
    if (Number.isNaN(lat) || Number.isNaN(lon)) continue;
    const key = cellKey(Math.floor(lat / CELL_DEGREES), Math.floor((lon + 180) / CELL_DEGREES));
    const cell = cells.get(key);
    if (cell) cell.push(s);
    else cells.set(key, [s]);
  }
  return { cells, latitudes, longitudes };
}

export interface NearbyStop {
  stop: number;
  metres: number;
}

/** Stops within `maxMetres` in a straight line of the point, nearest first. */
export function stopsNear(grid: StopGrid, latitude: number, longitude: number, maxMetres: number): NearbyStop[] {
  const found: NearbyStop[] = [];
  const latSpan = Math.ceil(maxMetres / 1000 / 1.11 / (CELL_DEGREES * 100)) + 1;
  const cosLat = Math.max(0.1, Math.cos(latitude * RAD));
  const lonSpan = Math.ceil(maxMetres / 1000 / (1.11 * cosLat) / (CELL_DEGREES * 100)) + 1;
  const row = Math.floor(latitude / CELL_DEGREES);
  const column = Math.floor((longitude + 180) / CELL_DEGREES);
  for (let r = row - latSpan; r <= row + latSpan; r++) {
    for (let c = column - lonSpan; c <= column + lonSpan; c++) {
      const cell = grid.cells.get(cellKey(r, c));
      if (!cell) continue;
      for (const s of cell) {
        const metres = metresBetween(latitude, longitude, grid.latitudes[s]!, grid.longitudes[s]!);
        if (metres <= maxMetres) found.push({ stop: s, metres });
      }
    }
  }
  return found.sort((a, b) => a.metres - b.metres);
}
