/**
 * Small GTFS feeds for the travel tests, written as CSV text and zipped with jszip (a different zip
 * library from the one the app reads with, so the test also checks that they agree). No binary
 * fixtures: each feed is a few lines anyone can read here.
 *
 * Places are real Kent places, roughly; distances that the tests depend on are set exactly by
 * moving a point north of a stop (`northOf`).
 */
import JSZip from 'jszip';

export type FeedFiles = Record<string, string>;

function cell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV text from rows (the first is the header), quoted where a value holds a comma or a quote. */
export function csv(rows: readonly (readonly (string | number)[])[]): string {
  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

export async function zipFeed(files: FeedFiles, folder = ''): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(`${folder}${name}`, text);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Metres per degree of latitude on the sphere the planner uses (radius 6,371 km). */
const METRES_PER_DEGREE = (2 * Math.PI * 6_371_000) / 360;

export interface Point {
  latitude: number;
  longitude: number;
}

/** A point `metres` due north of `point`. */
export function northOf(point: Point, metres: number): Point {
  return { latitude: point.latitude + metres / METRES_PER_DEGREE, longitude: point.longitude };
}

export interface FeedStop extends Point {
  id: string;
  name: string;
}

function stopsCsv(stops: readonly FeedStop[]): string {
  return csv([
    ['stop_id', 'stop_name', 'stop_lat', 'stop_lon'],
    ...stops.map((s) => [s.id, s.name, s.latitude.toFixed(6), s.longitude.toFixed(6)]),
  ]);
}

/** A trip: its id, route, service and the stops it calls at with one time each ("07:15:00"). */
export interface FeedTrip {
  id: string;
  route: string;
  service: string;
  calls: readonly (readonly [stop: string, time: string])[];
}

function tripsCsv(trips: readonly FeedTrip[]): string {
  return csv([['route_id', 'service_id', 'trip_id'], ...trips.map((t) => [t.route, t.service, t.id])]);
}

function stopTimesCsv(trips: readonly FeedTrip[]): string {
  return csv([
    ['trip_id', 'arrival_time', 'departure_time', 'stop_id', 'stop_sequence'],
    ...trips.flatMap((t) => t.calls.map(([stop, time], i) => [t.id, time, time, stop, i + 1])),
  ]);
}

export interface FeedSpec {
  agencies?: string[];
  stops: readonly FeedStop[];
  /** route_id, short name, route_type (3 bus, 2 rail). */
  routes: readonly (readonly [id: string, shortName: string, type: number])[];
  /** service_id, days Monday to Sunday as "1111100", start, end (YYYYMMDD). */
  calendar?: readonly (readonly [id: string, days: string, start: string, end: string])[];
  /** service_id, date, 1 added or 2 removed. */
  calendarDates?: readonly (readonly [id: string, date: string, type: 1 | 2])[];
  trips: readonly FeedTrip[];
}

export function feedFiles(spec: FeedSpec): FeedFiles {
  const files: FeedFiles = {
    'agency.txt': csv([
      ['agency_id', 'agency_name', 'agency_url', 'agency_timezone'],
      ...(spec.agencies ?? ['Stagecoach South East']).map((name, i) => [`A${i + 1}`, name, 'https://example.org', 'Europe/London']),
    ]),
    'stops.txt': stopsCsv(spec.stops),
    'routes.txt': csv([
      ['route_id', 'agency_id', 'route_short_name', 'route_type'],
      ...spec.routes.map(([id, name, type]) => [id, 'A1', name, type]),
    ]),
    'trips.txt': tripsCsv(spec.trips),
    'stop_times.txt': stopTimesCsv(spec.trips),
  };
  if (spec.calendar) {
    files['calendar.txt'] = csv([
      ['service_id', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'start_date', 'end_date'],
      ...spec.calendar.map(([id, days, start, end]) => [id, ...days.split(''), start, end]),
    ]);
  }
  if (spec.calendarDates) files['calendar_dates.txt'] = csv([['service_id', 'date', 'exception_type'], ...spec.calendarDates]);
  return files;
}

const WEEKDAYS_2026_27: readonly [string, string, string, string] = ['WEEKDAYS', '1111100', '20260901', '20270831'];

// Thanet: a coastal line from Margate to Ramsgate, two buses each way a weekday.
export const MARGATE: FeedStop = { id: 'MGT', name: 'Margate, Clock Tower', latitude: 51.3893, longitude: 1.3805 };
export const BROADSTAIRS: FeedStop = { id: 'BDS', name: 'Broadstairs, Pierremont Park', latitude: 51.3596, longitude: 1.4337 };
export const RAMSGATE: FeedStop = { id: 'RAM', name: 'Ramsgate, Harbour', latitude: 51.3322, longitude: 1.4196 };

/**
 * Loop buses Margate to Ramsgate at 07:15 and 08:00 (arriving 07:55 and 08:35), back at 16:35 and
 * 18:10; weekdays of 2026/27, with the spring bank holiday (31/05/2027) taken out in calendar_dates.txt.
 */
export function coastalLine(): FeedSpec {
  return {
    agencies: ['Stagecoach South East'],
    stops: [MARGATE, BROADSTAIRS, RAMSGATE],
    routes: [['LOOP', 'Loop', 3]],
    calendar: [WEEKDAYS_2026_27],
    calendarDates: [['WEEKDAYS', '20270531', 2]],
    trips: [
      {
        id: 'out-1',
        route: 'LOOP',
        service: 'WEEKDAYS',
        calls: [
          ['MGT', '07:15:00'],
          ['BDS', '07:35:00'],
          ['RAM', '07:55:00'],
        ],
      },
      {
        id: 'out-2',
        route: 'LOOP',
        service: 'WEEKDAYS',
        calls: [
          ['MGT', '08:00:00'],
          ['BDS', '08:18:00'],
          ['RAM', '08:35:00'],
        ],
      },
      {
        id: 'back-1',
        route: 'LOOP',
        service: 'WEEKDAYS',
        calls: [
          ['RAM', '16:35:00'],
          ['BDS', '16:55:00'],
          ['MGT', '17:15:00'],
        ],
      },
      {
        id: 'back-2',
        route: 'LOOP',
        service: 'WEEKDAYS',
        calls: [
          ['RAM', '18:10:00'],
          ['BDS', '18:30:00'],
          ['MGT', '18:50:00'],
        ],
      },
    ],
  };
}

// The Weald: a village bus into Ashford in the morning, and back only at lunchtime.
export const SMARDEN: FeedStop = { id: 'SMD', name: 'Smarden, The Street', latitude: 51.1486, longitude: 0.6861 };
export const BIDDENDEN: FeedStop = { id: 'BID', name: 'Biddenden, Village Green', latitude: 51.1148, longitude: 0.6417 };
export const ASHFORD: FeedStop = { id: 'ASH', name: 'Ashford, Bank Street', latitude: 51.1465, longitude: 0.875 };

export function ruralRoute(): FeedSpec {
  return {
    agencies: ['Stagecoach South East', 'Kent County Council'],
    stops: [BIDDENDEN, SMARDEN, ASHFORD],
    routes: [['R12', '12', 3]],
    calendar: [WEEKDAYS_2026_27],
    trips: [
      {
        id: 'am',
        route: 'R12',
        service: 'WEEKDAYS',
        calls: [
          ['BID', '07:05:00'],
          ['SMD', '07:15:00'],
          ['ASH', '07:50:00'],
        ],
      },
      {
        id: 'lunch',
        route: 'R12',
        service: 'WEEKDAYS',
        calls: [
          ['ASH', '13:30:00'],
          ['SMD', '14:05:00'],
          ['BID', '14:15:00'],
        ],
      },
    ],
  };
}

// Swale and Canterbury by train: the Sheppey line to Sittingbourne, then the main line.
export const SHEERNESS: FeedStop = { id: 'SSS', name: 'Sheerness-on-Sea', latitude: 51.441, longitude: 0.7588 };
export const SITTINGBOURNE: FeedStop = { id: 'SIT', name: 'Sittingbourne', latitude: 51.3421, longitude: 0.7347 };
export const CANTERBURY_EAST: FeedStop = { id: 'CBE', name: 'Canterbury East', latitude: 51.274, longitude: 1.076 };

/**
 * Sheppey line 07:12 and 07:42 from Sheerness (Sittingbourne 07:35 and 08:05); main line from
 * Sittingbourne at 07:45, 08:06 (one minute after the second Sheppey train: too tight to change)
 * and 08:20, reaching Canterbury East at 08:10, 08:31 and 08:44. Back at 16:30, change, home 17:28.
 */
export function railWithChange(): FeedSpec {
  return {
    agencies: ['Southeastern'],
    stops: [SHEERNESS, SITTINGBOURNE, CANTERBURY_EAST],
    routes: [
      ['SHEP', 'Sheppey line', 2],
      ['MAIN', 'Main line', 2],
    ],
    calendar: [WEEKDAYS_2026_27],
    trips: [
      {
        id: 'shep-1',
        route: 'SHEP',
        service: 'WEEKDAYS',
        calls: [
          ['SSS', '07:12:00'],
          ['SIT', '07:35:00'],
        ],
      },
      {
        id: 'shep-2',
        route: 'SHEP',
        service: 'WEEKDAYS',
        calls: [
          ['SSS', '07:42:00'],
          ['SIT', '08:05:00'],
        ],
      },
      {
        id: 'main-1',
        route: 'MAIN',
        service: 'WEEKDAYS',
        calls: [
          ['SIT', '07:45:00'],
          ['CBE', '08:10:00'],
        ],
      },
      {
        id: 'main-2',
        route: 'MAIN',
        service: 'WEEKDAYS',
        calls: [
          ['SIT', '08:06:00'],
          ['CBE', '08:31:00'],
        ],
      },
      {
        id: 'main-3',
        route: 'MAIN',
        service: 'WEEKDAYS',
        calls: [
          ['SIT', '08:20:00'],
          ['CBE', '08:44:00'],
        ],
      },
      {
        id: 'main-back',
        route: 'MAIN',
        service: 'WEEKDAYS',
        calls: [
          ['CBE', '16:30:00'],
          ['SIT', '16:55:00'],
        ],
      },
      {
        id: 'shep-back',
        route: 'SHEP',
        service: 'WEEKDAYS',
        calls: [
          ['SIT', '17:05:00'],
          ['SSS', '17:28:00'],
        ],
      },
    ],
  };
}

/** The coastal line with its calendar ending on 31/07/2026: out of date by the autumn. */
export function expiredCoastalLine(): FeedSpec {
  return { ...coastalLine(), calendar: [['WEEKDAYS', '1111100', '20260401', '20260731']], calendarDates: [] };
}

// The coastal line again, its Margate and Ramsgate stops a short walk from the CT9 and CT11 outcode
// centroids (shared/reference/outcodes), where matching starts and ends journeys.
export const MARGATE_CT9: FeedStop = { id: 'MGT', name: 'Margate, Cecil Square', latitude: 51.3844, longitude: 1.3906 };
export const RAMSGATE_CT11: FeedStop = { id: 'RAM', name: 'Ramsgate, King Street', latitude: 51.337, longitude: 1.41438 };

/** The coastal line (two buses each way a weekday of 2026/27) between stops by the CT9 and CT11 centroids. */
export function outcodeCoastalLine(): FeedSpec {
  return { ...coastalLine(), stops: [MARGATE_CT9, BROADSTAIRS, RAMSGATE_CT11] };
}

/** The same line with the buses back taken off: there in the morning, no way home. */
export function outcodeCoastalLineNoReturn(): FeedSpec {
  const line = outcodeCoastalLine();
  return { ...line, trips: line.trips.filter((trip) => !trip.id.startsWith('back')) };
}

/** The same line with its calendar ending on 31/03/2027: current in the autumn, ended by a June placement. */
export function outcodeCoastalLineEndingInMarch(): FeedSpec {
  return { ...outcodeCoastalLine(), calendar: [['WEEKDAYS', '1111100', '20260901', '20270331']], calendarDates: [] };
}

// Westgate-on-Sea, 3.7 km west of the CT9 centroid: too far to walk to from there, so its buses are
// used only by a young person whose home stop was picked there.
export const WESTGATE: FeedStop = { id: 'WGT', name: 'Westgate-on-Sea, Station Road', latitude: 51.3815, longitude: 1.338 };

/**
 * The CT9/CT11 coastal line with a Westgate feeder: 07:40 from Westgate to Margate (change to the
 * 08:00 to Ramsgate), and home by the 16:35 to Margate and the 17:25 feeder (Westgate 17:43), or the
 * 17:05 direct from Ramsgate (Westgate 17:50).
 */
export function westgateFeeder(): FeedSpec {
  const line = outcodeCoastalLine();
  return {
    ...line,
    stops: [...line.stops, WESTGATE],
    routes: [...line.routes, ['W', 'W', 3], ['X', 'X', 3]],
    trips: [
      ...line.trips,
      {
        id: 'w-in',
        route: 'W',
        service: 'WEEKDAYS',
        calls: [
          ['WGT', '07:40:00'],
          ['MGT', '07:55:00'],
        ],
      },
      {
        id: 'w-out',
        route: 'W',
        service: 'WEEKDAYS',
        calls: [
          ['MGT', '17:25:00'],
          ['WGT', '17:43:00'],
        ],
      },
      {
        id: 'x-back',
        route: 'X',
        service: 'WEEKDAYS',
        calls: [
          ['RAM', '17:05:00'],
          ['WGT', '17:50:00'],
        ],
      },
    ],
  };
}

/** The Westgate feeder with nothing back to Westgate: there in the morning, no way home to that stop. */
export function westgateFeederNoReturn(): FeedSpec {
  const line = westgateFeeder();
  return { ...line, trips: line.trips.filter((trip) => trip.id !== 'w-out' && trip.id !== 'x-back') };
}

/**
 * A feed running on weekdays until 31/08/2029, so that it covers the September 2028 start of a post-16
 * route for a young person in Year 10 in 2026/27 (the bank holidays of the feed given are dropped).
 */
export function runningUntil2029(spec: FeedSpec): FeedSpec {
  return { ...spec, calendar: [['WEEKDAYS', '1111100', '20260901', '20290831']], calendarDates: [] };
}
