/** What a job worker sends back: progress as it goes, then the result or why it failed. */
export type WorkerJobReply<Result> =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; result: Result }
  | { type: 'failed'; message: string };

/** Lets the page paint (a progress bar, a status line) before long work on its own thread. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface WorkerJob<Request, Result> {
  /** Starts the worker; throws where workers are refused (a policy, a file:// origin). */
  start: () => Worker;
  request: Request;
  /** The same work on the page's thread, for where the worker cannot start. */
  onPageThread: (request: Request, onProgress: (fraction: number) => void) => Promise<Result> | Result;
  /** Named in the error when the worker stops without saying why. */
  what: string;
}

/**
 * Runs one long job in a Web Worker so the window never freezes, reporting progress from 0 to 1.
 * If the worker cannot be started, the job runs on the page instead, with the same result.
 */
export function runWorkerJob<Request, Result>(job: WorkerJob<Request, Result>, onProgress: (fraction: number) => void = () => {}): Promise<Result> {
  const fallback = async (why: unknown): Promise<Result> => {
    // Said in the console so that a worker that never starts (a build or policy problem) is noticed.
    console.warn(`${job.what} ran on the page: its worker could not start (${why instanceof Error ? why.message : String(why)})`);
    await nextFrame();
    return job.onPageThread(job.request, onProgress);
  };
  let worker: Worker;
  try {
    worker = job.start();
  } catch (error) {
    return fallback(error);
  }
  return new Promise<Result>((resolve, reject) => {
    let heard = false;
    worker.onmessage = (event: MessageEvent<WorkerJobReply<Result>>) => {
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
      if (heard) reject(new Error(event.message || `${job.what} stopped unexpectedly`));
      else fallback(event.message || 'the worker failed to load').then(resolve, reject);
    };
    try {
      worker.postMessage(job.request);
    } catch (error) {
      worker.terminate();
      fallback(error).then(resolve, reject);
    }
  });
}

/** The worker's side: runs the job on each request and posts progress, then the result or the failure. */
export function serveWorkerJob<Request, Result>(work: (request: Request, onProgress: (fraction: number) => void) => Promise<Result> | Result): void {
  const reply = (message: WorkerJobReply<Result>) => self.postMessage(message);
  self.onmessage = async (event: MessageEvent<Request>) => {
    try {
      reply({ type: 'done', result: await work(event.data, (fraction) => reply({ type: 'progress', fraction })) });
    } catch (error) {
      reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
}
