import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AREAS,
  DESTINATIONS,
  GATSBY_BENCHMARKS,
  OUTCODES,
  areaIdFromLabel,
  defaultDistrictFor,
  destinationGroup,
  distanceBetweenOutcodesKm,
  townOf,
} from '@shared/reference';

describe('reference data', () => {
  it('has the 13 Kent and Medway areas', () => {
    expect(AREAS).toHaveLength(13);
    expect(AREAS.filter((a) => a.council === 'kent')).toHaveLength(12);
    expect(areaIdFromLabel('Folkestone and Hythe')).toBe('folkestone-and-hythe');
  });

  it('keeps the outcodes identical to resources/kent-medway-outcodes.csv', () => {
    const rows = readFileSync(resolve(__dirname, '../../resources/kent-medway-outcodes.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
    expect(OUTCODES).toHaveLength(rows.length);
    rows.forEach((row, i) => {
      const [outcode, lat, lon, place, district] = row.split(',');
      expect(OUTCODES[i]).toEqual({
        outcode,
        latitude: Number(lat),
        longitude: Number(lon),
        place,
        primaryDistrict: areaIdFromLabel(district!),
      });
    });
  });

  it('defaults a district from an outcode and measures straight-line distance', () => {
    expect(defaultDistrictFor('CT9')).toBe('thanet');
    expect(defaultDistrictFor('SW1A')).toBeNull();
    expect(distanceBetweenOutcodesKm('CT9', 'CT9')).toBe(0);
    const margateToMaidstone = distanceBetweenOutcodesKm('CT9', 'ME14')!;
    expect(margateToMaidstone).toBeGreaterThan(55);
    expect(margateToMaidstone).toBeLessThan(70);
    expect(distanceBetweenOutcodesKm('CT9', 'XX1')).toBeNull();
  });

  it("names an outcode's town, with its district when the names differ", () => {
    expect(townOf('CT9')).toBe('Margate, Thanet');
    expect(townOf('ME12')).toBe('Sheerness, Swale');
    expect(townOf('CT11')).toBe('Ramsgate, Thanet');
    expect(townOf('CT1')).toBe('Canterbury');
    expect(townOf('TN27')).toBe('Smarden, Ashford');
    expect(townOf('SW1A')).toBeNull();
    expect(townOf(null)).toBeNull();
  });

  it('lists the NCCIS codes with their groups, and the eight Gatsby Benchmarks', () => {
    expect(new Set(DESTINATIONS.map((d) => d.code)).size).toBe(DESTINATIONS.length);
    expect(destinationGroup('310')).toBe('employment');
    expect(destinationGroup('619')).toBe('neet');
    expect(destinationGroup('999')).toBeNull();
    expect(GATSBY_BENCHMARKS.map((b) => b.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
