/* eslint-disable @typescript-eslint/no-non-null-assertion --
   the connection scan over typed arrays sized up front (stops, trips, connections); every index is a stop,
   trip or connection number inside them, in the hot loop of each query */
/**
 * "Can they get there?": journeys between a young person's home and the places they might go, on
 * one date, from a stored TravelFeed. A compact Connection Scan (Dibbelt, Pajor, Strasser and
 * Wagner, 2013): the day's connections sorted by departure, scanned once per query. Why not a
 * library is in the README (Travel: which libraries, and why).
 *
 * Two questions, for every place at once:
 * - there: the LATEST departure from home that arrives by the start (08:50). Tried from the latest
 *   moment one could leave home to catch a vehicle near home, backwards: the first that reaches a
 *   place in time is that place's answer, so one scan serves all places still unanswered.
 * - home: the EARLIEST arrival home leaving after the end (16:00), and whether there is a second,
 *   later one. The same search run on the timetable played backwards (times negated, each
 *   connection's ends swapped): "earliest arrival" there is "latest departure" here.
 */
import { DAY_FINISHES_AT, DAY_STARTS_AT } from '../model/employer';
import type { TravelFeed, TravelMode } from './feed';
import { TRAVEL_MODES } from './feed';
import { buildStopGrid, metresBetween, stopsNear, type NearbyStop, type StopGrid, type TravelPoint } from './geo';
import { SECONDS_PER_DAY, clockTime, dayNumberOf, parseClockTime, weekdayOfDay } from './gtfs-time';
import { IntColumn, orderByKey } from './int-column';

export interface JourneyOptions {
  /** Walking pace; 4.5 km/h is an unhurried adult pace, lower for a young person who walks slowly. */
  walkingSpeedKmh: number;
  /** The farthest walk to or from a stop (and a place close enough is walked to). Lower for access needs. */
  maxWalkMetres: number;
  /** Time allowed to change between two vehicles at the same stop. */
  changeMinutes: number;
  /** How early before the start a journey may leave, and how late after the end one may arrive home. */
  searchWindowMinutes: number;
}

export const DEFAULT_JOURNEY_OPTIONS: JourneyOptions = {
  walkingSpeedKmh: 4.5,
  maxWalkMetres: 1000,
  changeMinutes: 2,
  searchWindowMinutes: 180,
};

/** The usual start and end of a work-experience day or a college day (shared/model, one place for both). */
export const DEFAULT_ARRIVE_BY = DAY_STARTS_AT;
export const DEFAULT_LEAVE_AFTER = DAY_FINISHES_AT;

export interface PlaceQuery {
  point: TravelPoint;
  /** Start time, "08:50" by default. */
  arriveBy?: string;
  /** End time, "16:00" by default. */
  leaveAfter?: string;
}

export interface JourneyLeg {
  kind: 'walk' | 'ride';
  mode: TravelMode | 'walk';
  /** The route's short name ("8", "Southeastern"), empty for a walk. */
  routeName: string;
  /** Stop names; null is the journey's own end (the home or the place). */
  fromStop: string | null;
  toStop: string | null;
  /** Seconds from midnight of the date. */
  departsAt: number;
  arrivesAt: number;
  departs: string;
  arrives: string;
  minutes: number;
}

export interface Journey {
  departsAt: number;
  arrivesAt: number;
  /** "07:12": leave home by then (rounded down); arrivals are rounded up. */
  departs: string;
  arrives: string;
  doorToDoorMinutes: number;
  changes: number;
  walkingMinutes: number;
  /** Modes ridden, in order, without repeats. */
  modes: TravelMode[];
  legs: JourneyLeg[];
}

/** What is near one end of the journey: nothing in walking distance, stops no trip calls at, or a service. */
export type StopAccess = 'none-within-walk' | 'not-served' | 'served';

export interface JourneyPlan {
  date: string;
  /** False when the date is outside the feed's dates: nothing can be said about it, yes or no. */
  dateCovered: boolean;
  arriveBy: string;
  leaveAfter: string;
  homeAccess: StopAccess;
  placeAccess: StopAccess;
  /** The latest departure that arrives by the start, or null. */
  there: Journey | null;
  /** The earliest journey home after the end, then a later one if there is one (at most two). */
  homeJourneys: Journey[];
}

/** Directed timetable: connections in scan order, with times on the scan's axis (negated when backwards). */
interface ScanTable {
  from: Int32Array;
  to: Int32Array;
  departures: Int32Array;
  arrivals: Int32Array;
  trips: Int32Array;
  /** The connection's position in the day's forward table. */
  original: Int32Array;
}

/** One date's timetable, ready for any number of queries. Build once per date with prepareTravelDay. */
export interface TravelDay {
  feed: TravelFeed;
  date: string;
  dateCovered: boolean;
  /** Connections running that day in departure order; trips that began the day before (times past 24:00) included. */
  forward: ScanTable;
  backward: ScanTable;
  /** Trip instances: today's trip t is t, yesterday's trip t running past midnight is t + trip count. */
  tripOfInstance: (instance: number) => number;
  instanceCount: number;
  grid: StopGrid;
}

const grids = new WeakMap<TravelFeed, StopGrid>();

function gridOf(feed: TravelFeed): StopGrid {
  let grid = grids.get(feed);
  if (!grid) {
    grid = buildStopGrid(feed.stops.latitudes, feed.stops.longitudes);
    grids.set(feed, grid);
  }
  return grid;
}

/** The first position in an ascending array holding `value` or more (binary search). */
function firstAtOrAfter(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Which services run on a day: calendar.txt's weekdays and dates, then calendar_dates.txt's exceptions (bank holidays). */
export function servicesRunningOn(feed: TravelFeed, dayNumber: number): Uint8Array {
  const { weekdays, starts, ends } = feed.services;
  const running = new Uint8Array(weekdays.length);
  const bit = 1 << weekdayOfDay(dayNumber);
  for (let s = 0; s < weekdays.length; s++) {
    if ((weekdays[s]! & bit) !== 0 && starts[s]! <= dayNumber && dayNumber <= ends[s]!) running[s] = 1;
  }
  const { days, services, added } = feed.exceptions;
  for (let i = firstAtOrAfter(days, dayNumber); i < days.length && days[i] === dayNumber; i++) running[services[i]!] = added[i]!;
  return running;
}

/** The date's connections in both directions. About a tenth of a second for a county's feed. */
export function prepareTravelDay(feed: TravelFeed, date: string): TravelDay {
  const dateCovered = feed.firstDate <= date && date <= feed.lastDate;
  // Outside the feed's dates nothing is searched (planJourneys answers "not covered"), so no connections are
  // needed: a route's start two years on would otherwise cost a pass over the whole timetable.
  if (!dateCovered) return emptyTravelDay(feed, date);
  const day = dayNumberOf(date);
  const today = servicesRunningOn(feed, day);
  const yesterday = servicesRunningOn(feed, day - 1);
  const tripCount = feed.trips.services.length;
  const { trips, fromStops, toStops, departures, arrivals } = feed.connections;
  const picked = new IntColumn(1 << 12);
  const shift = new IntColumn(1 << 12);
  for (let c = 0; c < trips.length; c++) {
    const service = feed.trips.services[trips[c]!]!;
    if (today[service]) {
      picked.push(c);
      shift.push(0);
    }
    // A trip of the day before that is still running after midnight (times from 24:00:00 on).
    if (yesterday[service] && departures[c]! >= SECONDS_PER_DAY) {
      picked.push(c);
      shift.push(1);
    }
  }
  const count = picked.length;
  const order = orderByKey(count, (i) => departures[picked.get(i)]! - shift.get(i) * SECONDS_PER_DAY);
  const forward: ScanTable = {
    from: new Int32Array(count),
    to: new Int32Array(count),
    departures: new Int32Array(count),
    arrivals: new Int32Array(count),
    trips: new Int32Array(count),
    original: new Int32Array(count),
  };
  for (let i = 0; i < count; i++) {
    const k = order[i]!;
    const c = picked.get(k);
    const back = shift.get(k) * SECONDS_PER_DAY;
    forward.from[i] = fromStops[c]!;
    forward.to[i] = toStops[c]!;
    forward.departures[i] = departures[c]! - back;
    forward.arrivals[i] = arrivals[c]! - back;
    forward.trips[i] = trips[c]! + shift.get(k) * tripCount;
    forward.original[i] = i;
  }
  // Played backwards: scanned by arrival, latest first, with times negated so "earliest" means "latest".
  const backOrder = orderByKey(count, (i) => -forward.arrivals[i]!);
  const backward: ScanTable = {
    from: Int32Array.from(backOrder, (i) => forward.to[i]!),
    to: Int32Array.from(backOrder, (i) => forward.from[i]!),
    departures: Int32Array.from(backOrder, (i) => -forward.arrivals[i]!),
    arrivals: Int32Array.from(backOrder, (i) => -forward.departures[i]!),
    trips: Int32Array.from(backOrder, (i) => forward.trips[i]!),
    original: backOrder,
  };
  return {
    feed,
    date,
    dateCovered,
    forward,
    backward,
    tripOfInstance: (instance) => instance % tripCount,
    instanceCount: tripCount * 2,
    grid: gridOf(feed),
  };
}

function emptyTravelDay(feed: TravelFeed, date: string): TravelDay {
  const table = (): ScanTable => ({
    from: new Int32Array(0),
    to: new Int32Array(0),
    departures: new Int32Array(0),
    arrivals: new Int32Array(0),
    trips: new Int32Array(0),
    original: new Int32Array(0),
  });
  const tripCount = feed.trips.services.length;
  return {
    feed,
    date,
    dateCovered: false,
    forward: table(),
    backward: table(),
    tripOfInstance: (instance) => instance % tripCount,
    instanceCount: tripCount * 2,
    grid: gridOf(feed),
  };
}

const UNREACHED = 0x3fffffff;

/** The working arrays of one scan, kept between scans so that 500 places do not mean 500 allocations. */
class ScanState {
  readonly arrival: Int32Array;
  readonly ready: Int32Array;
  readonly enter: Int32Array;
  readonly exit: Int32Array;
  readonly walkFrom: Int32Array;
  readonly boarded: Int32Array;
  /** The stops the last scan reached (origins first), each once: only places at these can have been reached. */
  readonly touched: Int32Array;
  touchedCount = 0;

  constructor(stopCount: number, instanceCount: number) {
    this.arrival = new Int32Array(stopCount);
    this.ready = new Int32Array(stopCount);
    this.enter = new Int32Array(stopCount);
    this.exit = new Int32Array(stopCount);
    this.walkFrom = new Int32Array(stopCount);
    this.boarded = new Int32Array(instanceCount);
    this.touched = new Int32Array(stopCount);
  }

  reset(): void {
    this.touchedCount = 0;
    this.arrival.fill(UNREACHED);
    this.ready.fill(UNREACHED);
    this.enter.fill(-1);
    this.exit.fill(-1);
    this.walkFrom.fill(-1);
    this.boarded.fill(-1);
  }
}

interface Walks {
  secondsPerMetre: number;
  changeSeconds: number;
}

/** Earliest arrival at every stop, on the table's axis, leaving the origin stops at `start` plus their walk. */
function scan(
  table: ScanTable,
  feed: TravelFeed,
  state: ScanState,
  origin: readonly StopWalk[],
  start: number,
  end: number,
  walks: Walks,
): void {
  state.reset();
  const { arrival, ready, enter, exit, walkFrom, boarded, touched } = state;
  let touchedCount = 0;
  for (const { stop, seconds } of origin) {
    if (arrival[stop] === UNREACHED) touched[touchedCount++] = stop;
    arrival[stop] = start + seconds;
    ready[stop] = start + seconds;
  }
  const { from, to, departures, arrivals, trips } = table;
  const { starts, toStops, metres } = feed.footpaths;
  for (let i = firstAtOrAfter(departures, start); i < departures.length; i++) {
    const departure = departures[i]!;
    if (departure > end) break;
    const trip = trips[i]!;
    if (boarded[trip]! < 0) {
      if (ready[from[i]!]! > departure) continue;
      boarded[trip] = i;
    }
    const stop = to[i]!;
    const reached = arrivals[i]!;
    if (reached >= arrival[stop]!) continue;
    if (arrival[stop] === UNREACHED) touched[touchedCount++] = stop;
    arrival[stop] = reached;
    ready[stop] = reached + walks.changeSeconds;
    enter[stop] = boarded[trip]!;
    exit[stop] = i;
    walkFrom[stop] = -1;
    // Changing on foot to a stop nearby: no change time on top of the walk.
    for (let f = starts[stop]!; f < starts[stop + 1]!; f++) {
      const next = toStops[f]!;
      const walked = reached + Math.ceil(metres[f]! * walks.secondsPerMetre);
      if (walked < arrival[next]!) {
        if (arrival[next] === UNREACHED) touched[touchedCount++] = next;
        arrival[next] = walked;
        ready[next] = walked;
        enter[next] = -1;
        exit[next] = -1;
        walkFrom[next] = stop;
      }
    }
  }
  state.touchedCount = touchedCount;
}

interface StopWalk {
  stop: number;
  seconds: number;
}

type AxisLeg =
  | { kind: 'walk-end'; stop: number; seconds: number }
  | { kind: 'walk-origin'; stop: number; seconds: number }
  | { kind: 'change'; from: number; to: number; seconds: number }
  | { kind: 'ride'; enter: number; exit: number };

/** Follows the pointers back from the best stop for the place to the origin, on the scan's axis. */
function traceBack(
  table: ScanTable,
  state: ScanState,
  lastStop: number,
  lastWalk: number,
  originWalk: Int32Array,
  walks: Walks,
  feed: TravelFeed,
): AxisLeg[] {
  const legs: AxisLeg[] = [{ kind: 'walk-end', stop: lastStop, seconds: lastWalk }];
  let stop = lastStop;
  // Every step goes back in time, so the chain ends; the cap only guards against a bug looping forever.
  for (let guard = 0; guard < 1000; guard++) {
    const exit = state.exit[stop]!;
    const walkFrom = state.walkFrom[stop]!;
    if (exit >= 0) {
      const enter = state.enter[stop]!;
      legs.push({ kind: 'ride', enter, exit });
      stop = table.from[enter]!;
    } else if (walkFrom >= 0) {
      legs.push({ kind: 'change', from: walkFrom, to: stop, seconds: changeWalkSeconds(feed, walkFrom, stop, walks) });
      stop = walkFrom;
    } else {
      legs.push({ kind: 'walk-origin', stop, seconds: originWalk[stop]! });
      return legs;
    }
  }
  throw new Error('Journey trace did not reach the origin');
}

function changeWalkSeconds(feed: TravelFeed, a: number, b: number, walks: Walks): number {
  const { starts, toStops, metres } = feed.footpaths;
  for (let f = starts[a]!; f < starts[a + 1]!; f++) if (toStops[f] === b) return Math.ceil(metres[f]! * walks.secondsPerMetre);
  return 0;
}

/** Turns legs found on a scan's axis into the journey as it is travelled. */
function journeyOf(day: TravelDay, table: ScanTable, axisLegs: AxisLeg[], backwards: boolean): Journey {
  const feed = day.feed;
  const f = day.forward;
  // Traced from the place back to the origin: forwards that is latest first; backwards it is already in travel order.
  const ordered = backwards ? axisLegs : [...axisLegs].reverse();
  type Draft = { kind: 'walk' | 'ride'; from: number; to: number; seconds: number; board: number; alight: number };
  const drafts: Draft[] = ordered.map((leg): Draft => {
    if (leg.kind === 'ride') {
      const [boardAt, alightAt] = backwards ? [leg.exit, leg.enter] : [leg.enter, leg.exit];
      const board = table.original[boardAt]!;
      const alight = table.original[alightAt]!;
      return { kind: 'ride', from: f.from[board]!, to: f.to[alight]!, seconds: 0, board, alight };
    }
    if (leg.kind === 'change') {
      const [a, b] = backwards ? [leg.to, leg.from] : [leg.from, leg.to];
      return { kind: 'walk', from: a, to: b, seconds: leg.seconds, board: -1, alight: -1 };
    }
    // The origin is home; going forwards the journey starts there, backwards it ends there. The place likewise.
    const atStart = (leg.kind === 'walk-origin') !== backwards;
    return atStart
      ? { kind: 'walk', from: -1, to: leg.stop, seconds: leg.seconds, board: -1, alight: -1 }
      : { kind: 'walk', from: leg.stop, to: -1, seconds: leg.seconds, board: -1, alight: -1 };
  });
  const legs: JourneyLeg[] = [];
  let previousArrival: number | null = null;
  for (let index = 0; index < drafts.length; index++) {
    const draft = drafts[index]!;
    if (draft.kind === 'ride') {
      const departsAt = f.departures[draft.board]!;
      const arrivesAt = f.arrivals[draft.alight]!;
      const trip = day.tripOfInstance(f.trips[draft.board]!);
      const route = feed.trips.routes[trip]!;
      const mode = TRAVEL_MODES[feed.routes.modes[route]!] ?? 'other';
      legs.push(legOf('ride', mode, feed.routes.names[route] ?? '', draft.from, draft.to, departsAt, arrivesAt, feed));
      previousArrival = arrivesAt;
      continue;
    }
    // Home exactly at the stop, or a change with no walk: nothing to say.
    if (draft.seconds === 0) continue;
    let departsAt: number;
    if (previousArrival !== null) departsAt = previousArrival;
    else {
      const next = drafts.slice(index + 1).find((d) => d.kind === 'ride');
      departsAt = (next ? f.departures[next.board]! : 0) - draft.seconds;
    }
    legs.push(legOf('walk', 'walk', '', draft.from, draft.to, departsAt, departsAt + draft.seconds, feed));
    previousArrival = departsAt + draft.seconds;
  }
  return journeyFromLegs(legs);
}

function legOf(
  kind: 'walk' | 'ride',
  mode: TravelMode | 'walk',
  routeName: string,
  from: number,
  to: number,
  departsAt: number,
  arrivesAt: number,
  feed: TravelFeed,
): JourneyLeg {
  return {
    kind,
    mode,
    routeName,
    fromStop: from >= 0 ? (feed.stops.names[from] ?? null) : null,
    toStop: to >= 0 ? (feed.stops.names[to] ?? null) : null,
    departsAt,
    arrivesAt,
    departs: clockTime(departsAt),
    arrives: clockTime(arrivesAt, 'up'),
    minutes: Math.ceil((arrivesAt - departsAt) / 60),
  };
}

function journeyFromLegs(legs: JourneyLeg[]): Journey {
  const first = legs[0];
  const last = legs[legs.length - 1];
  if (!first || !last) throw new Error('A journey needs at least one leg');
  const rides = legs.filter((l) => l.kind === 'ride');
  const modes: TravelMode[] = [];
  for (const ride of rides) if (ride.mode !== 'walk' && modes[modes.length - 1] !== ride.mode) modes.push(ride.mode);
  const walkingSeconds = legs.filter((l) => l.kind === 'walk').reduce((sum, l) => sum + (l.arrivesAt - l.departsAt), 0);
  return {
    departsAt: first.departsAt,
    arrivesAt: last.arrivesAt,
    departs: clockTime(first.departsAt),
    arrives: clockTime(last.arrivesAt, 'up'),
    doorToDoorMinutes: Math.round((last.arrivesAt - first.departsAt) / 60),
    changes: Math.max(0, rides.length - 1),
    walkingMinutes: Math.round(walkingSeconds / 60),
    modes,
    legs,
  };
}

interface Target {
  stops: readonly StopWalk[];
  /** On the scan's axis: the place must be reached by then. */
  deadline: number;
  /** On the scan's axis: no journey leaving the origin before this counts. */
  earliest: number;
  wanted: number;
  found: { value: number; legs: AxisLeg[] }[];
}

/**
 * Tries every moment one could leave the origin to catch a vehicle near it, latest first, and
 * records for each target the first journeys that reach it by its deadline. One scan per moment
 * serves every target still waiting; after each, only the targets at a stop the scan reached are
 * looked at (a county's places are thousands; one scan from a home reaches a few hundred stops).
 */
function searchAll(day: TravelDay, table: ScanTable, state: ScanState, origin: readonly StopWalk[], targets: Target[], walks: Walks): void {
  const pending = targets.filter((t) => t.stops.length > 0 && t.found.length < t.wanted);
  if (origin.length === 0 || pending.length === 0) return;
  const feed = day.feed;
  const stopCount = feed.stops.ids.length;
  const originWalk = new Int32Array(stopCount).fill(-1);
  let longestWalk = 0;
  for (const { stop, seconds } of origin) {
    originWalk[stop] = seconds;
    longestWalk = Math.max(longestWalk, seconds);
  }
  let low = Infinity;
  let high = -Infinity;
  for (const t of pending) {
    low = Math.min(low, t.earliest);
    high = Math.max(high, t.deadline);
  }
  // Leaving at departure - walk: only departures from low to high + the longest walk can give a moment in range.
  const moments = new Set<number>();
  const { departures, from } = table;
  for (let i = firstAtOrAfter(departures, low); i < departures.length && departures[i]! <= high + longestWalk; i++) {
    const walk = originWalk[from[i]!]!;
    if (walk < 0) continue;
    const leave = departures[i]! - walk;
    if (leave >= low && leave <= high) moments.add(leave);
  }
  const ordered = [...moments].sort((a, b) => b - a);
  // The targets at each stop (compressed rows), to find those a scan may have reached.
  const firstAt = new Int32Array(stopCount + 1);
  for (const t of pending) for (const { stop } of t.stops) firstAt[stop + 1]! += 1;
  for (let s = 0; s < stopCount; s++) firstAt[s + 1]! += firstAt[s]!;
  const atStop = new Int32Array(firstAt[stopCount]!);
  const filled = firstAt.slice(0, stopCount);
  pending.forEach((t, index) => {
    for (const { stop } of t.stops) atStop[filled[stop]!++] = index;
  });
  const lookedAt = new Int32Array(pending.length).fill(-1);
  for (let m = 0; m < ordered.length; m++) {
    const moment = ordered[m]!;
    // Those still waiting at this moment, and the latest deadline among them (how far the scan must go).
    let end = -Infinity;
    let waiting = 0;
    for (const t of pending) {
      if (t.found.length < t.wanted && moment >= t.earliest) {
        waiting += 1;
        end = Math.max(end, t.deadline);
      }
    }
    if (waiting === 0) break;
    scan(table, feed, state, origin, moment, end, walks);
    for (let k = 0; k < state.touchedCount; k++) {
      const touched = state.touched[k]!;
      for (let a = firstAt[touched]!; a < firstAt[touched + 1]!; a++) {
        const index = atStop[a]!;
        if (lookedAt[index] === m) continue;
        lookedAt[index] = m;
        const target = pending[index]!;
        if (target.found.length >= target.wanted || moment < target.earliest) continue;
        let best = UNREACHED;
        let bestStop = -1;
        let bestWalk = 0;
        for (const { stop, seconds } of target.stops) {
          const reached = state.arrival[stop]!;
          // Reached on foot from home alone is no journey by bus or train (walking is judged on its own).
          if (state.exit[stop]! < 0 && state.walkFrom[stop]! < 0) continue;
          if (reached !== UNREACHED && reached + seconds < best) {
            best = reached + seconds;
            bestStop = stop;
            bestWalk = seconds;
          }
        }
        if (bestStop < 0 || best > target.deadline) continue;
        const previous = target.found[target.found.length - 1];
        if (previous && best >= previous.value) continue;
        target.found.push({ value: best, legs: traceBack(table, state, bestStop, bestWalk, originWalk, walks, feed) });
      }
    }
  }
}

/** The stops within walking distance of a place, nearest first, and those a trip calls at with the walk to each. */
interface PlaceStops {
  near: readonly NearbyStop[];
  walks: readonly StopWalk[];
}

/** Points kept per timetable: every employer, campus and home asked about, a few hundred bytes each. */
const PLACES_KEPT = 50_000;
const placeStops = new WeakMap<StopGrid, Map<string, PlaceStops>>();

/**
 * The stops around a place, kept per timetable (its stop grid) and walk: the same employers and campuses
 * are asked about for every young person, and finding their stops was a tenth of matching with a timetable.
 * Shared between calls, so read only.
 */
function stopsAround(day: TravelDay, point: TravelPoint, maxWalkMetres: number, secondsPerMetre: number): PlaceStops {
  let kept = placeStops.get(day.grid);
  if (!kept) placeStops.set(day.grid, (kept = new Map()));
  const key = `${point.latitude} ${point.longitude} ${maxWalkMetres} ${secondsPerMetre}`;
  let found = kept.get(key);
  if (!found) {
    const near = stopsNear(day.grid, point.latitude, point.longitude, maxWalkMetres);
    const served = day.feed.stops.served;
    const walks = near.filter((n) => served[n.stop] === 1).map((n) => ({ stop: n.stop, seconds: Math.ceil(n.metres * secondsPerMetre) }));
    found = { near, walks };
    if (kept.size >= PLACES_KEPT) kept.clear();
    kept.set(key, found);
  }
  return found;
}

const scanStates = new WeakMap<TravelDay, ScanState>();

/** One set of working arrays per prepared day, reused by every search on it (searches never overlap: no await inside). */
function scanStateFor(day: TravelDay): ScanState {
  let state = scanStates.get(day);
  if (!state) scanStates.set(day, (state = new ScanState(day.feed.stops.ids.length, day.instanceCount)));
  return state;
}

function accessOf(feed: TravelFeed, near: readonly NearbyStop[]): StopAccess {
  if (near.length === 0) return 'none-within-walk';
  return near.some((n) => feed.stops.served[n.stop] === 1) ? 'served' : 'not-served';
}

function timeOrDefault(text: string | undefined, fallback: string): { text: string; seconds: number } {
  const chosen = text ?? fallback;
  const seconds = parseClockTime(chosen);
  if (seconds === null) throw new Error(`Not a time of day: ${chosen}`);
  return { text: chosen, seconds };
}

function walkOnly(departsAt: number, seconds: number): Journey {
  return journeyFromLegs([
    {
      kind: 'walk',
      mode: 'walk',
      routeName: '',
      fromStop: null,
      toStop: null,
      departsAt,
      arrivesAt: departsAt + seconds,
      departs: clockTime(departsAt),
      arrives: clockTime(departsAt + seconds, 'up'),
      minutes: Math.ceil(seconds / 60),
    },
  ]);
}

/**
 * One young person's journeys to many places on one date: the latest journey there by each place's
 * start time, and the earliest journeys home after its end time (up to two). Places within the
 * walking limit of home are walked to when that is as good.
 */
export function planJourneys(
  day: TravelDay,
  home: TravelPoint,
  places: readonly PlaceQuery[],
  options: Partial<JourneyOptions> = {},
): JourneyPlan[] {
  const o = { ...DEFAULT_JOURNEY_OPTIONS, ...options };
  const walks: Walks = { secondsPerMetre: 3.6 / o.walkingSpeedKmh, changeSeconds: Math.round(o.changeMinutes * 60) };
  const window = o.searchWindowMinutes * 60;
  const feed = day.feed;
  const { near: homeNear, walks: homeStops } = stopsAround(day, home, o.maxWalkMetres, walks.secondsPerMetre);
  const state = scanStateFor(day);
  const queries = places.map((place) => {
    const { near, walks: stops } = stopsAround(day, place.point, o.maxWalkMetres, walks.secondsPerMetre);
    const arriveBy = timeOrDefault(place.arriveBy, DEFAULT_ARRIVE_BY);
    const leaveAfter = timeOrDefault(place.leaveAfter, DEFAULT_LEAVE_AFTER);
    return {
      near,
      arriveBy,
      leaveAfter,
      directMetres: metresBetween(home.latitude, home.longitude, place.point.latitude, place.point.longitude),
      there: { stops, deadline: arriveBy.seconds, earliest: arriveBy.seconds - window, wanted: 1, found: [] } as Target,
      back: { stops, deadline: -leaveAfter.seconds, earliest: -(leaveAfter.seconds + window), wanted: 2, found: [] } as Target,
    };
  });
  if (day.dateCovered) {
    searchAll(
      day,
      day.forward,
      state,
      homeStops,
      queries.map((q) => q.there),
      walks,
    );
    searchAll(
      day,
      day.backward,
      state,
      homeStops,
      queries.map((q) => q.back),
      walks,
    );
  }

  return queries.map((q): JourneyPlan => {
    const found = q.there.found[0];
    let there = found ? journeyOf(day, day.forward, found.legs, false) : null;
    let homeJourneys = q.back.found.map((f) => journeyOf(day, day.backward, f.legs, true));
    if (q.directMetres <= o.maxWalkMetres) {
      const seconds = Math.ceil(q.directMetres * walks.secondsPerMetre);
      const walkThere = walkOnly(q.arriveBy.seconds - seconds, seconds);
      if (!there || walkThere.departsAt >= there.departsAt) there = walkThere;
      // A walk home can be taken at any time, so it is the only journey home worth naming.
      const walkHome = walkOnly(q.leaveAfter.seconds, seconds);
      if (!homeJourneys[0] || walkHome.arrivesAt <= homeJourneys[0].arrivesAt) homeJourneys = [walkHome];
    }
    return {
      date: day.date,
      dateCovered: day.dateCovered,
      arriveBy: q.arriveBy.text,
      leaveAfter: q.leaveAfter.text,
      homeAccess: accessOf(feed, homeNear),
      placeAccess: accessOf(feed, q.near),
      there,
      homeJourneys,
    };
  });
}

/** One place: planJourneys for a single destination. */
export function planJourney(day: TravelDay, home: TravelPoint, place: PlaceQuery, options: Partial<JourneyOptions> = {}): JourneyPlan {
  const [plan] = planJourneys(day, home, [place], options);
  if (!plan) throw new Error('planJourneys returned no plan');
  return plan;
}
