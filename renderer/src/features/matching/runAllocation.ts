import { allocateCohort, type AllocationResult } from '@shared/matching';
import type { AllocateReply, AllocateRequest } from './allocate-messages';

/** Lets the page paint (the progress bar) before long work on its own thread. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The fallback where a worker cannot start: the same allocation, on the page's thread. */
async function onPageThread(input: AllocateRequest, onProgress: (fraction: number) => void): Promise<AllocationResult> {
  await nextFrame();
  return allocateCohort({ ...input, onProgress });
}

/**
 * Allocates a cohort in a Web Worker, reporting progress from 0 to 1. If the worker cannot be started
 * (a policy or file:// origin refusing it), the allocation runs on the page instead, with the same result.
 */
export function runAllocation(input: AllocateRequest, onProgress: (fraction: number) => void): Promise<AllocationResult> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./allocate.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return onPageThread(input, onProgress);
  }
  return new Promise<AllocationResult>((resolve, reject) => {
    let heard = false;
    worker.onmessage = (event: MessageEvent<AllocateReply>) => {
      heard = true;
      const message = event.data;
      if (message.type === 'progress') {
        onProgress(message.fraction);
        return;
      }
      worker.terminate();
      if (message.type === 'done') resolve(message.result);
      else reject(new Error(message.message));
    };
    worker.onerror = (event: ErrorEvent) => {
      worker.terminate();
      event.preventDefault();
      if (heard) reject(new Error(event.message || 'The allocation stopped unexpectedly'));
      else onPageThread(input, onProgress).then(resolve, reject);
    };
    try {
      worker.postMessage(input);
    } catch {
      worker.terminate();
      onPageThread(input, onProgress).then(resolve, reject);
    }
  });
}
