import type { AllocateInput, AllocationResult } from '@shared/matching';

/** What the page sends the allocation worker: plain data, no callbacks. */
export type AllocateRequest = Omit<AllocateInput, 'onProgress'>;

/** What the worker sends back: progress as it goes, then the result or why it failed. */
export type AllocateReply =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; result: AllocationResult }
  | { type: 'failed'; message: string };
