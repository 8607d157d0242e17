import type { AllocateInput } from '@shared/matching';

/** What the page sends the allocation worker: plain data, no callbacks. */
export type AllocateRequest = Omit<AllocateInput, 'onProgress'>;
