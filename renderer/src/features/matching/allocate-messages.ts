import type { AllocateInput } from '@shared/matching';

/**
 * What the page sends the allocation worker: plain data, no callbacks. The timetable is not sent: the
 * worker opens its database by name and plans the journeys itself.
 */
export type AllocateRequest = Omit<AllocateInput, 'onProgress' | 'journeys'> & { timetableDatabaseName: string };
