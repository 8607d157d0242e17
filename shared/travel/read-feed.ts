/* eslint-disable @typescript-eslint/no-non-null-assertion --
   building the timetable walks typed arrays and per-trip lists by index within their lengths (stop numbers,
   connection numbers, a trip's own stop times), millions of times for a county's feed */
/**
 * Reading a GTFS feed (the .zip the Bus Open Data Service publishes, or a rail timetable converted
 * to GTFS) into a TravelFeed, checking it as it goes. Problems that make the feed untrustworthy
 * (a file missing, a time that is not a time, a trip calling at a stop that does not exist) refuse
 * the whole feed, so the previous one stays in use; each names the file and the line. Things that
 * only make a few answers poorer (a stop with no coordinates, a trip that goes back in time) are
 * kept out and listed as warnings.
 *
 * The zip is read with fflate (see the README, Travel: which libraries, and why): it lists a zip's files and their
 * unpacked sizes without unpacking them, so an over-large feed is refused before it fills memory.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import type { Problem } from '../model/problems';
import { TRAVEL_FEED_FORMAT, TRAVEL_MODES, modeOfRouteType, type TravelFeed } from './feed';
import { buildStopGrid, isUsableCoordinate, stopsNear } from './geo';
import { readGtfsCsv } from './gtfs-csv';
import { isoDateOfDay, parseGtfsDate, parseGtfsTime } from './gtfs-time';
import { IntColumn, orderByKey } from './int-column';

const MB = 1024 * 1024;
/**
 * The largest .zip read: 200 MB. A county's buses and trains compress to a few tens of MB; a whole
 * region of England is bigger than an adviser needs and than a laptop's browser process should unpack.
 */
export const MAX_FEED_BYTES = 200 * MB;
/** The largest single file once unpacked (stop_times.txt is the big one); also keeps a zip bomb out. */
export const MAX_FEED_FILE_BYTES = 400 * MB;
/** Changes on foot between stops up to this far apart: across a road, or from the station to the bus stops. */
export const CHANGE_WALK_METRES = 400;
/** Beyond this many problems reading stops: the rest are probably the same mistake. */
export const MAX_FEED_PROBLEMS = 20;

const REQUIRED_FILES = ['agency.txt', 'stops.txt', 'routes.txt', 'trips.txt', 'stop_times.txt'] as const;
const CALENDAR_FILES = ['calendar.txt', 'calendar_dates.txt'] as const;
const GTFS_FILES = new Set<string>([
  ...REQUIRED_FILES,
  ...CALENDAR_FILES,
  'feed_info.txt',
  'shapes.txt',
  'frequencies.txt',
  'transfers.txt',
  'fare_attributes.txt',
  'fare_rules.txt',
]);
const WEEKDAY_COLUMNS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const NO_TIME = -1;

export interface ReadFeedOptions {
  /** Called now and then with the fraction done (0 to 1), for a worker to pass to a progress bar. */
  onProgress?: (fraction: number) => void;
}

export type ReadFeedResult = { ok: true; feed: TravelFeed } | { ok: false; problems: Problem[] };

/** A problem in one line of one file: the message says both, so it reads on its own. */
function lineProblem(file: string, line: number, message: string): Problem {
  return { field: file, row: line, message: `${file} line ${line}: ${message}` };
}

function fileProblem(file: string, message: string): Problem {
  return { field: file, message };
}

class TooManyProblems extends Error {}

/** Collects problems and warnings; stops the read once there are too many problems to be useful. */
class Findings {
  readonly problems: Problem[] = [];
  readonly warnings: string[] = [];
  private readonly warningCounts = new Map<string, { count: number; first: string }>();

  problem(p: Problem): void {
    this.problems.push(p);
    if (this.problems.length >= MAX_FEED_PROBLEMS) {
      this.problems.push(fileProblem('file', `Reading stopped after ${MAX_FEED_PROBLEMS} problems; the feed has more.`));
      throw new TooManyProblems();
    }
  }

  /** Warnings of one kind are counted and shown once, with the first line they came from. */
  warn(kind: string, first: string): void {
    const seen = this.warningCounts.get(kind);
    if (seen) seen.count += 1;
    else this.warningCounts.set(kind, { count: 1, first });
  }

  warningList(): string[] {
    return [
      ...this.warnings,
      ...[...this.warningCounts.values()].map(({ count, first }) => (count === 1 ? first : `${first} (and ${count - 1} more like it)`)),
    ];
  }
}

function sizeText(bytes: number): string {
  return `${Math.round(bytes / MB)} MB`;
}

interface ZipEntries {
  /** The entry's full name in the zip, by GTFS file name (a feed zipped inside a folder is read too). */
  byFile: Map<string, UnzipFileInfo>;
}

function listZip(bytes: Uint8Array, findings: Findings): ZipEntries | null {
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
  if (!isZip) {
    findings.problem(
      fileProblem(
        'file',
        'This file is not a .zip archive. A GTFS timetable is a .zip holding stops.txt, stop_times.txt and other text files.',
      ),
    );
    return null;
  }
  const entries: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (info) => {
        entries.push(info);
        return false;
      },
    });
  } catch {
    findings.problem(fileProblem('file', 'This .zip file is damaged and cannot be opened. Download the feed again.'));
    return null;
  }
  const byFile = new Map<string, UnzipFileInfo>();
  for (const info of entries) {
    if (info.name.startsWith('__MACOSX/') || info.name.endsWith('/')) continue;
    const base = info.name.slice(info.name.lastIndexOf('/') + 1).toLowerCase();
    if (GTFS_FILES.has(base) && !byFile.has(base)) byFile.set(base, info);
  }
  if (byFile.size === 0) {
    findings.problem(
      fileProblem(
        'file',
        'This .zip is not a GTFS timetable: it has none of the files one holds (stops.txt, stop_times.txt, trips.txt, ' +
          'routes.txt, agency.txt, calendar.txt).',
      ),
    );
    return null;
  }
  const list = 'agency.txt, stops.txt, routes.txt, trips.txt, stop_times.txt, and calendar.txt or calendar_dates.txt';
  for (const file of REQUIRED_FILES) {
    if (!byFile.has(file)) findings.problem(fileProblem(file, `${file} is missing from the feed. A GTFS timetable needs ${list}.`));
  }
  if (!CALENDAR_FILES.some((f) => byFile.has(f))) {
    findings.problem(
      fileProblem(
        'calendar.txt',
        `calendar.txt and calendar_dates.txt are both missing from the feed, so it says on no day which services run. A ` +
          `GTFS timetable needs ${list}.`,
      ),
    );
  }
  for (const [file, info] of byFile) {
    if (info.originalSize > MAX_FEED_FILE_BYTES) {
      findings.problem(
        fileProblem(
          file,
          `${file} is ${sizeText(info.originalSize)} unpacked; Careers Desk reads files up to ` +
            `${sizeText(MAX_FEED_FILE_BYTES)}. Use a feed for Kent and Medway only.`,
        ),
      );
    }
  }
  return findings.problems.length > 0 ? null : { byFile };
}

function unpackText(bytes: Uint8Array, info: UnzipFileInfo): string {
  const files = unzipSync(bytes, { filter: (entry) => entry.name === info.name });
  const data = files[info.name];
  if (!data) throw new Error(`${info.name} vanished from the zip`);
  return new TextDecoder('utf-8').decode(data);
}

/** Reads a GTFS .zip into a TravelFeed, or says what is wrong with it. Pure: bytes in, value out. */
export function readGtfsFeed(bytes: Uint8Array, options: ReadFeedOptions = {}): ReadFeedResult {
  const findings = new Findings();
  try {
    const feed = readChecked(bytes, findings, options.onProgress ?? (() => {}));
    return feed && findings.problems.length === 0 ? { ok: true, feed } : { ok: false, problems: findings.problems };
  } catch (error) {
    if (error instanceof TooManyProblems) return { ok: false, problems: findings.problems };
    throw error;
  }
}

function readChecked(bytes: Uint8Array, findings: Findings, onProgress: (fraction: number) => void): TravelFeed | null {
  if (bytes.byteLength > MAX_FEED_BYTES) {
    findings.problem(
      fileProblem(
        'file',
        `The feed is ${sizeText(bytes.byteLength)}; Careers Desk reads feeds up to ${sizeText(MAX_FEED_BYTES)}. Download ` +
          `the feed for Kent and Medway (or your region) only, not the whole country.`,
      ),
    );
    return null;
  }
  const zip = listZip(bytes, findings);
  if (!zip) return null;
  onProgress(0.02);

  // Progress: unpacking and reading each file in proportion to its size, up to 90%; the rest is sorting.
  const total = [...zip.byFile.values()].reduce((sum, info) => sum + info.originalSize, 0) || 1;
  let done = 0;
  const readFile = (file: string, handle: (text: string, progress: (f: number) => void) => void): boolean => {
    const info = zip.byFile.get(file);
    if (!info) return false;
    const share = info.originalSize / total;
    const base = done;
    const progress = (f: number) => onProgress(0.02 + 0.88 * (base + share * f));
    const text = unpackText(bytes, info);
    progress(0.3);
    handle(text, (f) => progress(0.3 + 0.7 * f));
    done += share;
    onProgress(0.02 + 0.88 * done);
    return true;
  };

  const operators: string[] = [];
  readTable(readFile, findings, 'agency.txt', ['agency_name'], (col) => (values) => {
    const name = values[col.agency_name] ?? '';
    if (name && !operators.includes(name)) operators.push(name);
  });

  const stops = readStops(readFile, findings);
  const routes = readRoutes(readFile, findings);
  const services = readServices(readFile, findings);
  if (findings.problems.length > 0) return null;
  const trips = readTrips(readFile, findings, routes.index, services.index);
  if (findings.problems.length > 0) return null;
  const connections = readStopTimes(readFile, findings, trips, stops.index);
  if (findings.problems.length > 0) return null;

  const served = new Uint8Array(stops.ids.length);
  for (let c = 0; c < connections.fromStops.length; c++) {
    served[connections.fromStops[c]!] = 1;
    served[connections.toStops[c]!] = 1;
  }
  onProgress(0.95);
  const footpaths = changeWalks(stops.latitudes, stops.longitudes);
  onProgress(1);

  return {
    format: TRAVEL_FEED_FORMAT,
    operators,
    firstDate: isoDateOfDay(services.firstDay),
    lastDate: isoDateOfDay(services.lastDay),
    stops: { ids: stops.ids, names: stops.names, latitudes: stops.latitudes, longitudes: stops.longitudes, served },
    routes: { names: routes.names, modes: routes.modes },
    services: { ids: services.ids, weekdays: services.weekdays, starts: services.starts, ends: services.ends },
    exceptions: services.exceptions,
    trips: { routes: trips.routes, services: trips.services },
    connections,
    footpaths,
    warnings: findings.warningList(),
  };
}

type ReadFile = (file: string, handle: (text: string, progress: (f: number) => void) => void) => boolean;
type Columns<K extends string> = Record<K, number>;

/**
 * Reads one file: checks that the header has the `required` columns (a problem on line 1 for each
 * one missing) and hands each record to the handler `begin` returns, with the column positions
 * (-1 for an optional column the file lacks). Returns false when the file is absent, empty or lacks a column.
 */
function readTable<R extends string, O extends string = never>(
  readFile: ReadFile,
  findings: Findings,
  file: string,
  required: readonly R[],
  begin: (columns: Columns<R | O>) => (values: string[], line: number) => void,
  optional: readonly O[] = [],
): boolean {
  let ok = false;
  const present = readFile(file, (text, progress) => {
    const header = readGtfsCsv(
      text,
      (h) => {
        const missing = required.filter((c) => h.indexOf(c) < 0);
        for (const column of missing) findings.problem(lineProblem(file, 1, `the column ${column} is missing.`));
        if (missing.length > 0) return null;
        ok = true;
        const columns = Object.fromEntries([...required, ...optional].map((name) => [name, h.indexOf(name)])) as Columns<R | O>;
        return begin(columns);
      },
      progress,
    );
    if (header.names.length === 0) findings.problem(fileProblem(file, `${file} is empty: it needs a header line naming its columns.`));
  });
  return present && ok;
}

function readStops(readFile: ReadFile, findings: Findings) {
  const ids: string[] = [];
  const names: string[] = [];
  const lats: number[] = [];
  const lons: number[] = [];
  const index = new Map<string, number>();
  let located = 0;
  readTable(
    readFile,
    findings,
    'stops.txt',
    ['stop_id'],
    (c) => (values, line) => {
      const id = values[c.stop_id] ?? '';
      if (!id) return findings.problem(lineProblem('stops.txt', line, 'stop_id is empty.'));
      if (index.has(id)) return findings.problem(lineProblem('stops.txt', line, `stop_id "${id}" is listed twice.`));
      const name = values[c.stop_name] || id;
      const latText = values[c.stop_lat] ?? '';
      const lonText = values[c.stop_lon] ?? '';
      const lat = latText === '' ? NaN : Number(latText);
      const lon = lonText === '' ? NaN : Number(lonText);
      const usable = isUsableCoordinate(lat, lon);
      if (usable) located += 1;
      // Entrances, nodes and boarding areas (location_type 2 to 4) may go without coordinates; stops and stations may not.
      else if (Number(values[c.location_type] || 0) <= 1) {
        findings.warn(
          'no-coordinates',
          `stops.txt line ${line}: stop "${name}" has no usable stop_lat and stop_lon, so no journey starts or ends there; ` +
            `buses and trains calling there still count`,
        );
      }
      index.set(id, ids.length);
      ids.push(id);
      names.push(name);
      lats.push(usable ? lat : NaN);
      lons.push(usable ? lon : NaN);
    },
    ['stop_name', 'stop_lat', 'stop_lon', 'location_type'],
  );
  if (ids.length > 0 && located === 0) {
    findings.problem(
      fileProblem(
        'stops.txt',
        'No stop in stops.txt has coordinates (stop_lat and stop_lon), so no journey from a home or a workplace can be ' +
          'planned with this feed.',
      ),
    );
  }
  return { ids, names, latitudes: Float64Array.from(lats), longitudes: Float64Array.from(lons), index };
}

function readRoutes(readFile: ReadFile, findings: Findings) {
  const names: string[] = [];
  const modes: number[] = [];
  const index = new Map<string, number>();
  readTable(
    readFile,
    findings,
    'routes.txt',
    ['route_id', 'route_type'],
    (c) => (values, line) => {
      const id = values[c.route_id] ?? '';
      if (!id) return findings.problem(lineProblem('routes.txt', line, 'route_id is empty.'));
      const typeText = values[c.route_type] ?? '';
      const type = Number(typeText);
      if (typeText === '' || !Number.isInteger(type) || type < 0) {
        return findings.problem(
          lineProblem('routes.txt', line, `route_type "${typeText}" is not a GTFS route type (3 is a bus, 2 a train).`),
        );
      }
      index.set(id, names.length);
      names.push(values[c.route_short_name] || values[c.route_long_name] || '');
      modes.push(TRAVEL_MODES.indexOf(modeOfRouteType(type)));
    },
    ['route_short_name', 'route_long_name'],
  );
  return { names, modes: Uint8Array.from(modes), index };
}

function readServices(readFile: ReadFile, findings: Findings) {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const weekdays: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let firstDay = Infinity;
  let lastDay = -Infinity;
  const serviceOf = (id: string): number => {
    let s = index.get(id);
    if (s === undefined) {
      s = ids.length;
      index.set(id, s);
      ids.push(id);
      weekdays.push(0);
      starts.push(0);
      ends.push(-1);
    }
    return s;
  };
  const dateIn = (file: string, column: string, text: string, line: number): number | null => {
    const day = parseGtfsDate(text);
    if (day === null) findings.problem(lineProblem(file, line, `${column} "${text}" is not a date like 20260901.`));
    return day;
  };

  readTable(readFile, findings, 'calendar.txt', ['service_id', ...WEEKDAY_COLUMNS, 'start_date', 'end_date'], (c) => (values, line) => {
    const id = values[c.service_id] ?? '';
    if (!id) return findings.problem(lineProblem('calendar.txt', line, 'service_id is empty.'));
    const start = dateIn('calendar.txt', 'start_date', values[c.start_date] ?? '', line);
    const end = dateIn('calendar.txt', 'end_date', values[c.end_date] ?? '', line);
    let days = 0;
    WEEKDAY_COLUMNS.forEach((day, bit) => {
      const flag = values[c[day]] ?? '';
      if (flag !== '0' && flag !== '1')
        findings.problem(lineProblem('calendar.txt', line, `${day} is "${flag}"; it must be 1 (runs) or 0 (does not).`));
      if (flag === '1') days |= 1 << bit;
    });
    if (start === null || end === null) return;
    const s = serviceOf(id);
    weekdays[s] = days;
    starts[s] = start;
    ends[s] = end;
    if (days !== 0 && end >= start) {
      firstDay = Math.min(firstDay, start);
      lastDay = Math.max(lastDay, end);
    }
  });

  const exceptionDays = new IntColumn();
  const exceptionServices = new IntColumn();
  const exceptionAdded = new IntColumn();
  readTable(readFile, findings, 'calendar_dates.txt', ['service_id', 'date', 'exception_type'], (c) => (values, line) => {
    const id = values[c.service_id] ?? '';
    if (!id) return findings.problem(lineProblem('calendar_dates.txt', line, 'service_id is empty.'));
    const day = dateIn('calendar_dates.txt', 'date', values[c.date] ?? '', line);
    const type = values[c.exception_type] ?? '';
    if (type !== '1' && type !== '2') {
      return findings.problem(
        lineProblem('calendar_dates.txt', line, `exception_type is "${type}"; it must be 1 (service added that day) or 2 (removed).`),
      );
    }
    if (day === null) return;
    exceptionDays.push(day);
    exceptionServices.push(serviceOf(id));
    exceptionAdded.push(type === '1' ? 1 : 0);
    if (type === '1') {
      firstDay = Math.min(firstDay, day);
      lastDay = Math.max(lastDay, day);
    }
  });
  if (findings.problems.length === 0 && !Number.isFinite(firstDay)) {
    findings.problem(fileProblem('calendar.txt', 'calendar.txt and calendar_dates.txt name no day on which any service runs.'));
  }
  const order = orderByKey(exceptionDays.length, (i) => exceptionDays.get(i));
  return {
    ids,
    index,
    weekdays: Uint8Array.from(weekdays),
    starts: Int32Array.from(starts),
    ends: Int32Array.from(ends),
    exceptions: {
      days: Int32Array.from(order, (i) => exceptionDays.get(i)),
      services: Int32Array.from(order, (i) => exceptionServices.get(i)),
      added: Uint8Array.from(order, (i) => exceptionAdded.get(i)),
    },
    firstDay,
    lastDay,
  };
}

function readTrips(readFile: ReadFile, findings: Findings, routeIndex: Map<string, number>, serviceIndex: Map<string, number>) {
  const routes = new IntColumn();
  const services = new IntColumn();
  const index = new Map<string, number>();
  const ids: string[] = [];
  readTable(readFile, findings, 'trips.txt', ['route_id', 'service_id', 'trip_id'], (c) => (values, line) => {
    const id = values[c.trip_id] ?? '';
    if (!id) return findings.problem(lineProblem('trips.txt', line, 'trip_id is empty.'));
    if (index.has(id)) return findings.problem(lineProblem('trips.txt', line, `trip_id "${id}" is listed twice.`));
    const routeId = values[c.route_id] ?? '';
    const route = routeIndex.get(routeId);
    if (route === undefined) return findings.problem(lineProblem('trips.txt', line, `route_id "${routeId}" is not in routes.txt.`));
    const serviceId = values[c.service_id] ?? '';
    const service = serviceIndex.get(serviceId);
    if (service === undefined)
      return findings.problem(
        lineProblem(
          'trips.txt',
          line,
          `service_id "${serviceId}" is in neither calendar.txt nor calendar_dates.txt, so the trip runs on no day.`,
        ),
      );
    index.set(id, routes.length);
    ids.push(id);
    routes.push(route);
    services.push(service);
  });
  return { routes: routes.toArray(), services: services.toArray(), index, ids };
}

/**
 * stop_times.txt into connections. Times left blank between timed stops (allowed in GTFS) are
 * spread evenly; a trip whose times go backwards is left out with a warning.
 */
function readStopTimes(
  readFile: ReadFile,
  findings: Findings,
  trips: { index: Map<string, number>; ids: string[] },
  stopIndex: Map<string, number>,
) {
  const rowTrip = new IntColumn(1 << 16);
  const rowStop = new IntColumn(1 << 16);
  const rowSequence = new IntColumn(1 << 16);
  const rowArrival = new IntColumn(1 << 16);
  const rowDeparture = new IntColumn(1 << 16);
  const rowLine = new IntColumn(1 << 16);
  let lastTripId = '';
  let lastTrip = -1;
  let inOrder = true;
  const timeIn = (column: string, text: string, line: number): number => {
    if (text === '') return NO_TIME;
    const seconds = parseGtfsTime(text);
    if (seconds === null) {
      findings.problem(
        lineProblem(
          'stop_times.txt',
          line,
          `${column} "${text}" is not a time like 08:05:00 (times after midnight go on past 24:00:00, such as 25:10:00).`,
        ),
      );
      return NO_TIME;
    }
    return seconds;
  };
  readTable(
    readFile,
    findings,
    'stop_times.txt',
    ['trip_id', 'stop_id', 'stop_sequence', 'arrival_time', 'departure_time'],
    (c) => (values, line) => {
      const tripId = values[c.trip_id] ?? '';
      let trip = lastTrip;
      if (tripId !== lastTripId) {
        const found = trips.index.get(tripId);
        if (found === undefined) return findings.problem(lineProblem('stop_times.txt', line, `trip_id "${tripId}" is not in trips.txt.`));
        trip = found;
        lastTripId = tripId;
        lastTrip = found;
      }
      const stopId = values[c.stop_id] ?? '';
      const stop = stopIndex.get(stopId);
      if (stop === undefined) return findings.problem(lineProblem('stop_times.txt', line, `stop_id "${stopId}" is not in stops.txt.`));
      const sequenceText = values[c.stop_sequence] ?? '';
      const sequence = Number(sequenceText);
      if (sequenceText === '' || !Number.isInteger(sequence) || sequence < 0) {
        return findings.problem(lineProblem('stop_times.txt', line, `stop_sequence "${sequenceText}" is not a whole number.`));
      }
      let arrival = timeIn('arrival_time', values[c.arrival_time] ?? '', line);
      let departure = timeIn('departure_time', values[c.departure_time] ?? '', line);
      if (arrival === NO_TIME) arrival = departure;
      if (departure === NO_TIME) departure = arrival;
      const n = rowTrip.length;
      if (n > 0 && (rowTrip.get(n - 1) > trip || (rowTrip.get(n - 1) === trip && rowSequence.get(n - 1) >= sequence))) inOrder = false;
      rowTrip.push(trip);
      rowStop.push(stop);
      rowSequence.push(sequence);
      rowArrival.push(arrival);
      rowDeparture.push(departure);
      rowLine.push(line);
    },
  );
  if (findings.problems.length > 0) return emptyConnections();

  // Feeds usually list each trip's stops together and in order; sort only when this one does not.
  const rows = inOrder ? null : orderRowsByTripAndSequence(rowTrip, rowSequence);
  const rowAt = (i: number) => (rows ? rows[i]! : i);
  const cTrips = new IntColumn(rowTrip.length);
  const cFrom = new IntColumn(rowTrip.length);
  const cTo = new IntColumn(rowTrip.length);
  const cDeparture = new IntColumn(rowTrip.length);
  const cArrival = new IntColumn(rowTrip.length);
  const arrivals: number[] = [];
  const departures: number[] = [];
  for (let start = 0; start < rowTrip.length;) {
    const trip = rowTrip.get(rowAt(start));
    let end = start + 1;
    while (end < rowTrip.length && rowTrip.get(rowAt(end)) === trip) end += 1;
    const count = end - start;
    arrivals.length = 0;
    departures.length = 0;
    for (let i = start; i < end; i++) {
      const r = rowAt(i);
      if (i > start && rowSequence.get(r) === rowSequence.get(rowAt(i - 1))) {
        findings.problem(
          lineProblem('stop_times.txt', rowLine.get(r), `stop_sequence ${rowSequence.get(r)} appears twice on trip "${trips.ids[trip]}".`),
        );
      }
      arrivals.push(rowArrival.get(r));
      departures.push(rowDeparture.get(r));
    }
    const firstLine = rowLine.get(rowAt(start));
    const lastLine = rowLine.get(rowAt(end - 1));
    if (count >= 2 && (departures[0] === NO_TIME || arrivals[count - 1] === NO_TIME)) {
      const line = departures[0] === NO_TIME ? firstLine : lastLine;
      findings.problem(
        lineProblem(
          'stop_times.txt',
          line,
          `the ${departures[0] === NO_TIME ? 'first' : 'last'} stop of trip "${trips.ids[trip]}" has no time; a trip's ` +
            `first and last stops must have one.`,
        ),
      );
    } else if (count < 2) {
      findings.warn('short-trip', `stop_times.txt line ${firstLine}: trip "${trips.ids[trip]}" calls at only one stop, so it was left out`);
    } else if (fillMissingTimes(arrivals, departures)) {
      for (let i = 0; i + 1 < count; i++) {
        cTrips.push(trip);
        cFrom.push(rowStop.get(rowAt(start + i)));
        cTo.push(rowStop.get(rowAt(start + i + 1)));
        cDeparture.push(departures[i]!);
        cArrival.push(arrivals[i + 1]!);
      }
    } else {
      findings.warn(
        'backwards',
        `stop_times.txt line ${firstLine}: the times of trip "${trips.ids[trip]}" go backwards, so it was left out`,
      );
    }
    start = end;
  }
  const order = orderByKey(cTrips.length, (i) => cDeparture.get(i));
  const pick = (column: IntColumn) => Int32Array.from(order, (i) => column.get(i));
  return { trips: pick(cTrips), fromStops: pick(cFrom), toStops: pick(cTo), departures: pick(cDeparture), arrivals: pick(cArrival) };
}

function emptyConnections() {
  const none = new Int32Array(0);
  return { trips: none, fromStops: none, toStops: none, departures: none, arrivals: none };
}

function orderRowsByTripAndSequence(rowTrip: IntColumn, rowSequence: IntColumn): Int32Array {
  const order = Array.from({ length: rowTrip.length }, (_, i) => i);
  order.sort((a, b) => rowTrip.get(a) - rowTrip.get(b) || rowSequence.get(a) - rowSequence.get(b));
  return Int32Array.from(order);
}

/**
 * Spreads blank times evenly between the timed stops either side (GTFS leaves non-timing points
 * blank), in place. False when the times go backwards along the trip.
 */
function fillMissingTimes(arrivals: number[], departures: number[]): boolean {
  let lastTimed = 0;
  for (let i = 1; i < arrivals.length; i++) {
    if (arrivals[i] === NO_TIME) continue;
    const from = departures[lastTimed]!;
    const to = arrivals[i]!;
    for (let j = lastTimed + 1; j < i; j++) {
      const t = Math.round(from + ((to - from) * (j - lastTimed)) / (i - lastTimed));
      arrivals[j] = t;
      departures[j] = t;
    }
    lastTimed = i;
  }
  for (let i = 0; i < arrivals.length; i++) {
    if (departures[i]! < arrivals[i]!) return false;
    if (i > 0 && arrivals[i]! < departures[i - 1]!) return false;
  }
  return true;
}

/** Stops within CHANGE_WALK_METRES of each other, for changing on foot. */
function changeWalks(latitudes: Float64Array, longitudes: Float64Array): TravelFeed['footpaths'] {
  const grid = buildStopGrid(latitudes, longitudes);
  const starts = new Int32Array(latitudes.length + 1);
  const to = new IntColumn();
  const metres: number[] = [];
  for (let s = 0; s < latitudes.length; s++) {
    starts[s] = to.length;
    const lat = latitudes[s]!;
    if (Number.isNaN(lat)) continue;
    for (const near of stopsNear(grid, lat, longitudes[s]!, CHANGE_WALK_METRES)) {
      if (near.stop === s) continue;
      to.push(near.stop);
      metres.push(near.metres);
    }
  }
  starts[latitudes.length] = to.length;
  return { starts, toStops: to.toArray(), metres: Float32Array.from(metres) };
}
