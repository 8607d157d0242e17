/**
 * Travel: "can they get there?". Reading a GTFS timetable into a compact stored feed, journeys from a
 * young person's home to the places they might go on a date, the answer in words, estimates when
 * there is no timetable, the travel-limit rules, and which travel pass applies. Pure: no DOM, no
 * Node, no database; the renderer stores the feed and runs the planner in a worker.
 */
export {
  readGtfsFeed,
  MAX_FEED_BYTES,
  MAX_FEED_FILE_BYTES,
  CHANGE_WALK_METRES,
  type ReadFeedOptions,
  type ReadFeedResult,
} from './read-feed';
export {
  TRAVEL_FEED_FORMAT,
  TRAVEL_MODES,
  TRAVEL_MODE_LABELS,
  ENDS_SOON_DAYS,
  feedFreshness,
  summariseFeed,
  modeOfRouteType,
  type TravelFeed,
  type TravelFeedSummary,
  type FeedFreshness,
  type TravelMode,
} from './feed';
export {
  prepareTravelDay,
  planJourneys,
  planJourney,
  servicesRunningOn,
  DEFAULT_JOURNEY_OPTIONS,
  DEFAULT_ARRIVE_BY,
  DEFAULT_LEAVE_AFTER,
  type TravelDay,
  type JourneyOptions,
  type PlaceQuery,
  type JourneyPlan,
  type Journey,
  type JourneyLeg,
  type StopAccess,
} from './planner';
export {
  journeyAnswer,
  JOURNEY_VERDICT_LABELS,
  DEFAULT_JOURNEY_ANSWER_RULES,
  type JourneyAnswer,
  type JourneyVerdict,
  type JourneyAnswerRules,
  type JourneyAnswerContext,
} from './answer';
export {
  estimateTravel,
  estimateTravelBetween,
  roadDistanceKm,
  judgeTravelLimit,
  ROAD_DETOUR_FACTOR,
  TYPICAL_SPEED_KMH,
  BUS_ACCESS_MINUTES,
  NEAR_LIMIT_SHARE,
  NEAR_LIMIT_PENALTY,
  LONG_JOURNEY_MINUTES,
  LONG_JOURNEY_STEP_MINUTES,
  LONG_JOURNEY_PENALTY,
  MAX_TRAVEL_PENALTY,
  type EstimateMode,
  type TravelEstimate,
  type TravelLimit,
  type LimitJudgement,
  type LimitOutcome,
} from './estimate';
export { travelPassFor, TRAVEL_PASS_LABELS, type TravelPassId, type TravelPassAdvice } from './passes';
export { pointDistanceKm, stopsNear, type TravelPoint, type NearbyStop } from './geo';
export { clockTime, parseClockTime, parseGtfsTime } from './gtfs-time';
export { searchStops, stopPoint, distanceWords, missingStopNote, STOP_SEARCH_LIMIT, type StopChoice } from './stops';
export { DEFAULT_WALKING, walkingOptionsFor } from './walking';
