/**
 * A generated GTFS feed the size of Kent's buses and trains (about 8,000 stops and 3,000 trips on a
 * weekday), for the travel benchmark. Seeded, so every run reads the same feed. Towns share hub
 * stops that many routes call at, so journeys with changes exist; each bus route has its own stops
 * between two towns; a few rail lines join the bigger towns. Browser-safe: no Node imports.
 */
import { zipSync, strToU8 } from 'fflate';
import { createRandom, type RandomSource } from '../../shared/random';
import type { TravelPoint } from '../../shared/travel';

export interface TravelBenchSize {
  towns: number;
  busRoutes: number;
  stopsPerRoute: number;
  /** Trips each way on a weekday, per bus route. */
  busTripsEachWay: number;
  railLines: number;
  railTripsEachWay: number;
  /** Places one young person's journeys are planned to. */
  places: number;
}

export const TRAVEL_BENCH_SIZES: Record<'smoke' | 'kent', TravelBenchSize> = {
  smoke: { towns: 8, busRoutes: 20, stopsPerRoute: 15, busTripsEachWay: 4, railLines: 2, railTripsEachWay: 6, places: 50 },
  // 60 towns × 5 hubs + 300 routes × 25 stops of their own + rail: about 7,900 stops; 300 × 2 × 4.5 + 10 × 2 × 15 = 3,000 weekday trips.
  kent: { towns: 60, busRoutes: 300, stopsPerRoute: 27, busTripsEachWay: 4.5, railLines: 10, railTripsEachWay: 15, places: 500 },
};

const HUBS_PER_TOWN = 5;
/** Kent and Medway, roughly: Dartford to Dover, Sheerness to the Sussex border. */
const SOUTH = 50.95;
const NORTH = 51.47;
const WEST = 0.1;
const EAST = 1.4;

interface Stop extends TravelPoint {
  id: string;
  name: string;
}

function time(seconds: number): string {
  const s = Math.round(seconds);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

function kmBetween(a: TravelPoint, b: TravelPoint): number {
  const dLat = (b.latitude - a.latitude) * 111.2;
  const dLon = (b.longitude - a.longitude) * 111.2 * Math.cos((a.latitude * Math.PI) / 180);
  return Math.hypot(dLat, dLon);
}

function jitter(random: RandomSource, point: TravelPoint, km: number): TravelPoint {
  return {
    latitude: point.latitude + ((random.next() - 0.5) * 2 * km) / 111.2,
    longitude: point.longitude + ((random.next() - 0.5) * 2 * km) / (111.2 * 0.63),
  };
}

export interface GeneratedFeed {
  zip: Uint8Array;
  stopCount: number;
  weekdayTrips: number;
  /** A home in a town, and places near stops across the county, for one young person's journeys. */
  homes: TravelPoint[];
  places: TravelPoint[];
}

export function generateTravelFeed(size: TravelBenchSize, seed = 2026): GeneratedFeed {
  const random = createRandom(seed);
  const stops: Stop[] = [];
  const towns = Array.from({ length: size.towns }, (_, t) => {
    const centre = { latitude: SOUTH + random.next() * (NORTH - SOUTH), longitude: WEST + random.next() * (EAST - WEST) };
    const hubs = Array.from({ length: HUBS_PER_TOWN }, (_, h) => {
      const stop = { id: `T${t}H${h}`, name: `Town ${t} stop ${h}`, ...jitter(random, centre, 0.4) };
      stops.push(stop);
      return stop;
    });
    return { centre, hubs };
  });

  const trips: string[] = ['route_id,service_id,trip_id'];
  const stopTimes: string[] = ['trip_id,arrival_time,departure_time,stop_id,stop_sequence'];
  const routes: string[] = ['route_id,agency_id,route_short_name,route_type'];
  let weekdayTrips = 0;
  let tripNumber = 0;
  const addTrips = (route: string, path: Stop[], kmh: number, eachWay: number, service: string, first: number, last: number) => {
    const count = Math.floor(eachWay) + (random.next() < eachWay % 1 ? 1 : 0);
    for (const direction of [path, [...path].reverse()]) {
      for (let k = 0; k < count; k++) {
        const id = `trip${tripNumber++}`;
        trips.push(`${route},${service},${id}`);
        if (service === 'WEEKDAY') weekdayTrips += 1;
        let clock = first + ((last - first) * (k + random.next() * 0.8)) / Math.max(1, count);
        direction.forEach((stop, i) => {
          if (i > 0) clock += (kmBetween(direction[i - 1]!, stop) / kmh) * 3600 + 30;
          stopTimes.push(`${id},${time(clock)},${time(clock)},${stop.id},${i + 1}`);
        });
      }
    }
  };

  for (let r = 0; r < size.busRoutes; r++) {
    const a = random.pick(towns);
    let b = random.pick(towns);
    if (b === a) b = towns[(towns.indexOf(a) + 1) % towns.length]!;
    const path: Stop[] = [random.pick(a.hubs)];
    for (let i = 1; i < size.stopsPerRoute - 1; i++) {
      const f = i / (size.stopsPerRoute - 1);
      const along = {
        latitude: a.centre.latitude + (b.centre.latitude - a.centre.latitude) * f,
        longitude: a.centre.longitude + (b.centre.longitude - a.centre.longitude) * f,
      };
      const stop = { id: `R${r}S${i}`, name: `Route ${r} stop ${i}`, ...jitter(random, along, 0.3) };
      stops.push(stop);
      path.push(stop);
    }
    path.push(random.pick(b.hubs));
    const route = `B${r}`;
    routes.push(`${route},A1,${r + 1},3`);
    addTrips(route, path, 20, size.busTripsEachWay, 'WEEKDAY', 6 * 3600, 23.5 * 3600);
    addTrips(route, path, 20, size.busTripsEachWay / 2, 'SATURDAY', 7 * 3600, 22 * 3600);
  }
  for (let l = 0; l < size.railLines; l++) {
    const calls = towns.filter(() => random.next() < 8 / size.towns).slice(0, 12);
    if (calls.length < 2) calls.push(towns[0]!, towns[1]!);
    const path = calls.map((town, i) => {
      const station = { id: `L${l}S${i}`, name: `Line ${l} station ${i}`, ...jitter(random, town.centre, 0.3) };
      stops.push(station);
      return station;
    });
    const route = `L${l}`;
    routes.push(`${route},A2,Line ${l},2`);
    addTrips(route, path, 60, size.railTripsEachWay, 'WEEKDAY', 5.5 * 3600, 24.5 * 3600);
  }

  const files = {
    'agency.txt':
      'agency_id,agency_name,agency_url,agency_timezone\r\nA1,Bench Buses,https://example.org,Europe/London\r\nA2,Bench ' +
      'Rail,https://example.org,Europe/London\r\n',
    'stops.txt': [
      'stop_id,stop_name,stop_lat,stop_lon',
      ...stops.map((s) => `${s.id},${s.name},${s.latitude.toFixed(6)},${s.longitude.toFixed(6)}`),
    ].join('\r\n'),
    'routes.txt': routes.join('\r\n'),
    'trips.txt': trips.join('\r\n'),
    'stop_times.txt': stopTimes.join('\r\n'),
    'calendar.txt':
      'service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\r\n' +
      'WEEKDAY,1,1,1,1,1,0,0,20260901,20270831\r\nSATURDAY,0,0,0,0,0,1,0,20260901,20270831\r\n',
    'calendar_dates.txt':
      'service_id,date,exception_type\r\nWEEKDAY,20261225,2\r\nWEEKDAY,20261228,2\r\nWEEKDAY,20270101,2\r\n' +
      'WEEKDAY,20270329,2\r\nWEEKDAY,20270503,2\r\nWEEKDAY,20270531,2\r\n',
  };
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])), { level: 6 });
  const homes = towns.slice(0, 20).map((t) => jitter(random, t.centre, 0.5));
  const places = Array.from({ length: size.places }, () => {
    const stop = random.pick(stops);
    return jitter(random, stop, 0.2);
  });
  return { zip, stopCount: stops.length, weekdayTrips, homes, places };
}
