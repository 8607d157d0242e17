import type { WalkingSettings } from '../model/settings';
import { DEFAULT_JOURNEY_OPTIONS, type JourneyOptions } from './planner';

/** An unhurried pace; a kilometre for most, 400 m for a young person with access needs. */
export const DEFAULT_WALKING: WalkingSettings = {
  speedKmh: DEFAULT_JOURNEY_OPTIONS.walkingSpeedKmh,
  maxWalkMetres: DEFAULT_JOURNEY_OPTIONS.maxWalkMetres,
  accessNeedsMaxWalkMetres: 400,
};

/**
 * The walking legs of one young person's journeys: the service's pace, and the farthest walk to or from
 * a stop, lower where their record says they have access needs (step-free access, a support worker).
 */
export function walkingOptionsFor(
  travel: { needsStepFreeAccess: boolean },
  walking: WalkingSettings = DEFAULT_WALKING,
): Pick<JourneyOptions, 'walkingSpeedKmh' | 'maxWalkMetres'> {
  return {
    walkingSpeedKmh: walking.speedKmh,
    maxWalkMetres: travel.needsStepFreeAccess ? walking.accessNeedsMaxWalkMetres : walking.maxWalkMetres,
  };
}
