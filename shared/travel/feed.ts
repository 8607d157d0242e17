/**
 * The stored timetable: what reading a GTFS feed leaves, kept as plain data (strings, numbers and
 * typed arrays) so that IndexedDB stores it and a worker receives it by structured clone, with
 * nothing to rebuild on load but the day's connections (see planner.ts).
 */
import { addDays } from '../dates';

/** Bumped when the shape changes, so a stored feed of an older shape is read again, not misread. */
export const TRAVEL_FEED_FORMAT = 1;

/** How a route is travelled, from GTFS route_type: what the pass rules and the sentence need. */
export type TravelMode = 'bus' | 'rail' | 'tram' | 'ferry' | 'other';
export const TRAVEL_MODES: readonly TravelMode[] = ['bus', 'rail', 'tram', 'ferry', 'other'];

export const TRAVEL_MODE_LABELS: Record<TravelMode, string> = {
  bus: 'bus',
  rail: 'train',
  tram: 'tram',
  ferry: 'ferry',
  other: 'other transport',
};

export interface TravelFeed {
  format: typeof TRAVEL_FEED_FORMAT;
  /** Operators (agency.txt agency_name), in the feed's order. */
  operators: string[];
  /** First and last day any service runs, ISO. */
  firstDate: string;
  lastDate: string;
  stops: {
    ids: string[];
    names: string[];
    /** NaN where the feed gave no usable coordinates: such a stop is never walked to or from. */
    latitudes: Float64Array;
    longitudes: Float64Array;
    /** 1 where at least one trip calls at the stop on some day. */
    served: Uint8Array;
  };
  routes: {
    /** route_short_name, or route_long_name where there is no short name. */
    names: string[];
    /** An index into TRAVEL_MODES. */
    modes: Uint8Array;
  };
  services: {
    ids: string[];
    /** calendar.txt days: bit 0 Monday to bit 6 Sunday; 0 for a service only in calendar_dates.txt. */
    weekdays: Uint8Array;
    /** Day numbers (days since 1970-01-01) of start_date and end_date; 0 and -1 when not in calendar.txt. */
    starts: Int32Array;
    ends: Int32Array;
  };
  /** calendar_dates.txt, sorted by day: exception_type 1 adds the service that day, 2 removes it. */
  exceptions: {
    days: Int32Array;
    services: Int32Array;
    added: Uint8Array;
  };
  trips: {
    routes: Int32Array;
    services: Int32Array;
  };
  /**
   * Every hop of every trip from one stop to the next (a "connection"), sorted by departure. Times
   * are seconds from the midnight of the trip's service day and may pass 86,400.
   */
  connections: {
    trips: Int32Array;
    fromStops: Int32Array;
    toStops: Int32Array;
    departures: Int32Array;
    arrivals: Int32Array;
  };
  /** Short walks between nearby stops for changes: for stop s, entries starts[s] to starts[s + 1]. */
  footpaths: {
    starts: Int32Array;
    toStops: Int32Array;
    metres: Float32Array;
  };
  /** What the adviser should know about a feed that was read: stops skipped for walking, trips left out. */
  warnings: string[];
}

export interface TravelFeedSummary {
  operators: string[];
  stopCount: number;
  tripCount: number;
  firstDate: string;
  lastDate: string;
}

export function summariseFeed(feed: TravelFeed): TravelFeedSummary {
  return {
    operators: [...feed.operators],
    stopCount: feed.stops.ids.length,
    tripCount: feed.trips.routes.length,
    firstDate: feed.firstDate,
    lastDate: feed.lastDate,
  };
}

/** How long before its last day a feed is said to end soon: four weeks, time to download the next one. */
export const ENDS_SOON_DAYS = 28;

export type FeedFreshness = 'current' | 'ends-soon' | 'expired';

/**
 * 'expired' after the feed's last service day, 'ends-soon' when that day is within ENDS_SOON_DAYS of
 * today, 'current' otherwise (a feed that has not started yet is current: it is the next one).
 */
export function feedFreshness(feed: Pick<TravelFeed, 'lastDate'>, today: string, endsSoonDays = ENDS_SOON_DAYS): FeedFreshness {
  if (feedExpired(feed, today)) return 'expired';
  return feed.lastDate <= addDays(today, endsSoonDays) ? 'ends-soon' : 'current';
}

/** Whether the feed's last day has passed (feedFreshness 'expired'), without working out whether it ends soon. */
export function feedExpired(feed: Pick<TravelFeed, 'lastDate'>, today: string): boolean {
  return feed.lastDate < today;
}

/**
 * GTFS route_type (the basic 0 to 12 and the extended 100 to 1700 ranges) as a mode. Coaches (200s)
 * and demand-responsive buses (715) count as buses; what is left is 'other'.
 */
export function modeOfRouteType(routeType: number): TravelMode {
  if (routeType === 3 || routeType === 11 || (routeType >= 200 && routeType < 300) || (routeType >= 700 && routeType < 800)) return 'bus';
  if (
    routeType === 1 ||
    routeType === 2 ||
    routeType === 12 ||
    (routeType >= 100 && routeType < 200) ||
    (routeType >= 400 && routeType < 500)
  )
    return 'rail';
  if (routeType === 0 || routeType === 5 || routeType === 6 || routeType === 7 || (routeType >= 900 && routeType < 1000)) return 'tram';
  if (routeType === 4 || (routeType >= 1000 && routeType < 1300)) return 'ferry';
  return 'other';
}
