import type { AllocateInput } from '@shared/matching';
import type { WalkingSettings } from '@shared/model';

/**
 * What the page sends the allocation worker: plain data, no callbacks. The timetable is not sent: the
 * worker opens its database by name and plans the journeys itself.
 */
export type AllocateRequest = Omit<AllocateInput, 'onProgress' | 'journeys'> & {
  timetableDatabaseName: string;
  /** The service's walking settings (Settings), for each young person's walks to and from stops. */
  walking: WalkingSettings | undefined;
};
