import { nextTask } from './next-task';
import { bytesOfBlob } from './blob-bytes';
import { BYTES_PER_SLICE } from '@shared/byte-slices';

/** What a job worker sends back: progress as it goes, then the result or why it failed. */
export type WorkerJobReply<Result> =
  | { type: 'progress'; fraction: number }
  /** Part of a large answer sent ahead of the end: each message is read on the page in a task of its own. */
  | { type: 'part'; part: unknown }
  | { type: 'done'; result: Result }
  | { type: 'failed'; message: string; name?: string; innerName?: string };

/**
 * A worker's failure as an Error on the page, keeping the error's name (and that of the one inside a Dexie
 * error), so the words for a full disk or a record already stored are chosen as for work done on the page.
 */
function failureFrom(reply: { message: string; name?: string; innerName?: string }): Error {
  const error = new Error(reply.message) as Error & { inner?: { name: string } };
  if (reply.name) error.name = reply.name;
  if (reply.innerName) error.inner = { name: reply.innerName };
  return error;
}

/** The name of an error and of the one inside it, where they have them (DOMException, Dexie errors). */
function namesOf(error: unknown): { name?: string; innerName?: string } {
  const nameOf = (value: unknown) =>
    value && typeof value === 'object' && 'name' in value && typeof value.name === 'string' ? value.name : undefined;
  const inner = error && typeof error === 'object' && 'inner' in error ? nameOf(error.inner) : undefined;
  return { name: nameOf(error), ...(inner ? { innerName: inner } : {}) };
}

/**
 * Bytes from this size cross between a worker and the page as a Blob, which is passed by reference and read
 * back on the page without holding its thread: a structured clone of a county's backup (137 MB) held the window
 * for about 250 ms each way (tests/bench/README.md, round nine). Smaller bytes are cloned as they are. (From the
 * page to a worker they go in slices instead: making the Blob is itself a long task there, below.)
 */
export const BYTES_AS_BLOB_FROM = 1 << 20;
const BYTES_MARK = 'careersDeskBytesAsBlob';
type BytesAsBlob = { [BYTES_MARK]: Blob };

function isBytesAsBlob(value: unknown): value is BytesAsBlob {
  return typeof value === 'object' && value !== null && BYTES_MARK in value && value[BYTES_MARK] instanceof Blob;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * How deep packBytes looks for bytes among plain objects: a data job's bytes sit in its request's `job`
 * (`{ job: { kind, bytes }, address }`), and no request or result nests them deeper. Arrays are not searched:
 * a job's rows would cost a walk of a million items.
 */
const PACK_DEPTH = 3;

/** A result with its large bytes (itself, or a field of its plain objects) made Blobs for the crossing to the page. */
export function packBytes<T>(value: T): T {
  const pack = (item: unknown, depth: number): unknown => {
    // A Blob copies the bytes once, quickly, where a clone would serialise them in the posting task.
    if (item instanceof Uint8Array && item.byteLength >= BYTES_AS_BLOB_FROM) {
      return { [BYTES_MARK]: new Blob([item as Uint8Array<ArrayBuffer>]) };
    }
    if (depth >= PACK_DEPTH || !isPlainObject(item)) return item;
    return Object.fromEntries(Object.entries(item).map(([key, field]) => [key, pack(field, depth + 1)]));
  };
  return pack(value, 0) as T;
}

/** The result as it was before packBytes: each Blob read back into bytes (asynchronously). */
export async function unpackBytes<T>(value: T): Promise<T> {
  const unpack = async (item: unknown, depth: number): Promise<unknown> => {
    if (isBytesAsBlob(item)) return bytesOfBlob(item[BYTES_MARK]);
    if (depth >= PACK_DEPTH || !isPlainObject(item)) return item;
    const entries = await Promise.all(Object.entries(item).map(async ([key, field]) => [key, await unpack(field, depth + 1)] as const));
    return Object.fromEntries(entries);
  };
  return (await unpack(value, 0)) as T;
}

/**
 * Bytes from this size go from the page to a worker in slices of BYTES_PER_SLICE, each copied and transferred in a task
 * of its own, then put together in the worker: making one Blob of a county's backup (137 MB) on the page took
 * 740 ms in one task (CPU profile, bench round twelve), and cloning it about as long. The page keeps its bytes
 * (a restore follows its preview with the same file). A slice's copy is the whole of its task, and it is slow where
 * the page's bytes have sat untouched for minutes (a county's merge preview after its 13-minute restore: 75 to 121 ms
 * a slice of 4 MB, bench round thirteen), so slices are 1 MB: a 137 MB backup is 131 messages, each a short task.
 */
export const BYTES_IN_SLICES_FROM = BYTES_AS_BLOB_FROM;
/**
 * Lists from this length go the same way, ITEMS_SLICE items a message, each cloned in a task of its own: an
 * import's 10,000 operations cloned in one postMessage held the window for 379 ms at a county (bench round twelve).
 */
export const ITEMS_IN_SLICES_FROM = 1000;
export const ITEMS_SLICE = 500;
const SLICES_MARK = 'careersDeskInSlices';
type InSlices = { [SLICES_MARK]: number };

/** One slice of a request's large bytes or long list, sent before the request (messages to a worker arrive in order). */
export type SliceMessage = {
  type: 'slice';
  id: number;
  /** Which of the request's large values (its mark's number), how long it is, and where this slice goes. */
  index: number;
  length: number;
  offset: number;
} & ({ kind: 'bytes'; slice: Uint8Array } | { kind: 'items'; slice: unknown[] });

type LargeValue = Uint8Array | readonly unknown[];

function isInSlices(value: unknown): value is InSlices {
  return typeof value === 'object' && value !== null && SLICES_MARK in value && typeof value[SLICES_MARK] === 'number';
}

function isLarge(value: unknown): value is LargeValue {
  return (
    (value instanceof Uint8Array && value.byteLength >= BYTES_IN_SLICES_FROM) ||
    (Array.isArray(value) && value.length >= ITEMS_IN_SLICES_FROM)
  );
}

/** A request with its large bytes and long lists taken out (each replaced by a numbered mark), to send in slices. */
export function takeLargeValues<T>(value: T): { request: T; large: LargeValue[] } {
  const large: LargeValue[] = [];
  const take = (item: unknown, depth: number): unknown => {
    if (isLarge(item)) return { [SLICES_MARK]: large.push(item) - 1 };
    if (depth >= PACK_DEPTH || !isPlainObject(item)) return item;
    return Object.fromEntries(Object.entries(item).map(([key, field]) => [key, take(field, depth + 1)]));
  };
  return { request: take(value, 0) as T, large };
}

/** The slice messages for `large`, one at a time, so the caller can send each in a task of its own. */
export function* slicesOf(id: number, large: readonly LargeValue[]): Generator<SliceMessage> {
  for (const [index, value] of large.entries()) {
    if (value instanceof Uint8Array) {
      for (let offset = 0; offset < value.byteLength; offset += BYTES_PER_SLICE) {
        // A copy of its own, so its buffer can be transferred (not cloned) and the page keeps the bytes whole.
        const slice = value.slice(offset, offset + BYTES_PER_SLICE);
        yield { type: 'slice', kind: 'bytes', id, index, length: value.byteLength, offset, slice };
      }
    } else {
      for (let offset = 0; offset < value.length; offset += ITEMS_SLICE) {
        yield { type: 'slice', kind: 'items', id, index, length: value.length, offset, slice: value.slice(offset, offset + ITEMS_SLICE) };
      }
    }
  }
}

/** What a slice message transfers rather than clones: a slice of bytes' own buffer. */
export function transferOf(message: SliceMessage): Transferable[] {
  return message.kind === 'bytes' ? [message.slice.buffer as ArrayBuffer] : [];
}

/** The worker's side: each request's large values put together from their slices as they come, then put back in it. */
export class IncomingSlices {
  private readonly byJob = new Map<number, Map<number, Uint8Array | unknown[]>>();

  receive(message: SliceMessage): void {
    let values = this.byJob.get(message.id);
    if (!values) this.byJob.set(message.id, (values = new Map()));
    let value = values.get(message.index);
    if (!value)
      values.set(message.index, (value = message.kind === 'bytes' ? new Uint8Array(message.length) : new Array<unknown>(message.length)));
    if (message.kind === 'bytes') (value as Uint8Array).set(message.slice, message.offset);
    else for (const [at, item] of message.slice.entries()) (value as unknown[])[message.offset + at] = item;
  }

  /** Job `id`'s request with its values back in place of their marks; refused if a mark has no value. */
  restore<T>(id: number, request: T): T {
    const values = this.byJob.get(id) ?? new Map<number, Uint8Array | unknown[]>();
    this.byJob.delete(id);
    const put = (item: unknown, depth: number): unknown => {
      if (isInSlices(item)) {
        const value = values.get(item[SLICES_MARK]);
        if (!value) throw new Error(`The job's data (part ${item[SLICES_MARK] + 1}) did not arrive`);
        return value;
      }
      if (depth >= PACK_DEPTH || !isPlainObject(item)) return item;
      return Object.fromEntries(Object.entries(item).map(([key, field]) => [key, put(field, depth + 1)]));
    };
    return put(request, 0) as T;
  }
}

/** A request as posted to the worker, numbered so that a kept worker's replies find their job. */
export interface WorkerJobEnvelope<Request> {
  id: number;
  request: Request;
}

type NumberedReply<Result> = WorkerJobReply<Result> & { id: number };

/** Why a job stopped when the person asked it to: its worker was stopped, so nothing more it would have done happens. */
export class JobCancelled extends Error {
  constructor(what: string) {
    super(`${what} was cancelled`);
    this.name = 'JobCancelled';
  }
}

export interface WorkerJobKind<Request, Result> {
  /** Starts the worker; throws where workers are refused (a policy, an origin that may not start them). */
  start: () => Worker;
  /** The same work on the page's thread, for where the worker cannot start. */
  onPageThread: (
    request: Request,
    onProgress: (fraction: number) => void,
    signal?: AbortSignal,
    onPart?: (part: unknown) => void,
  ) => Promise<Result> | Result;
  /** Named in the error when the worker stops without saying why. */
  what: string;
  /** For a kept worker: stop it when no job has come for this long, letting go of what it holds. */
  stopWhenIdleMs?: number;
}

export interface WorkerJob<Request, Result> extends WorkerJobKind<Request, Result> {
  request: Request;
}

interface PendingJob<Request, Result> {
  request: Request;
  onProgress: (fraction: number) => void;
  signal?: AbortSignal;
  onPart?: (part: unknown) => void;
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

/**
 * One Web Worker kept for a kind of job, so that what it works out once (a prepared directory) serves
 * the next job too. Jobs are numbered; each gets its own progress and answer. If the worker cannot be
 * started or fails before it ever answered, its jobs run on the page instead, with the same result.
 * If it fails after answering, the jobs in hand are refused and the next job starts a fresh worker.
 */
export class JobWorker<Request, Result> {
  private worker: Worker | null = null;
  /** Whether the current worker has answered at least once, so it is known to load. */
  private answered = false;
  /** Set when a worker could not start or load: every job then runs on the page. */
  private onPageOnly = false;
  private nextId = 1;
  private readonly pending = new Map<number, PendingJob<Request, Result>>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly kind: WorkerJobKind<Request, Result>) {}

  /**
   * Runs one job. With a `signal`, aborting it stops the worker at once (every job in hand with it) and
   * the job is refused with `JobCancelled`: a write in the worker's open transaction is then never committed.
   * On the page, the work itself must look at the signal.
   */
  run(
    request: Request,
    onProgress: (fraction: number) => void = () => {},
    signal?: AbortSignal,
    onPart?: (part: unknown) => void,
  ): Promise<Result> {
    clearTimeout(this.idleTimer);
    if (signal?.aborted) return Promise.reject(new JobCancelled(this.kind.what));
    if (this.onPageOnly) return this.onPage(request, onProgress, signal, onPart);
    let worker: Worker;
    try {
      worker = this.worker ?? this.startWorker();
    } catch (error) {
      this.fallBack(error);
      return this.onPage(request, onProgress, signal, onPart);
    }
    const id = this.nextId++;
    return new Promise<Result>((resolve, reject) => {
      this.pending.set(id, { request, onProgress, signal, onPart, resolve, reject });
      signal?.addEventListener('abort', () => this.cancel(id), { once: true });
      this.send(worker, id, request).catch((error: unknown) => {
        // The request could not be copied to the worker (a value that cannot be cloned): this job alone runs here.
        if (!this.pending.delete(id)) return;
        this.fallBack(error, false);
        this.onPage(request, onProgress, signal, onPart).then(resolve, reject);
      });
    });
  }

  /**
   * Posts job `id`: its large bytes first, a slice per task, then the request. Stops sending if the job was
   * cancelled or its worker stopped meanwhile.
   */
  private async send(worker: Worker, id: number, request: Request): Promise<void> {
    const { request: marked, large } = takeLargeValues(request);
    for (const message of slicesOf(id, large)) {
      if (this.worker !== worker || !this.pending.has(id)) return;
      worker.postMessage(message, transferOf(message));
      await nextTask();
    }
    if (this.worker !== worker || !this.pending.has(id)) return;
    worker.postMessage({ id, request: marked } satisfies WorkerJobEnvelope<Request>);
  }

  /** Stops the worker for a cancelled job: the job is refused as cancelled, any others in hand as stopped. */
  private cancel(id: number): void {
    const job = this.pending.get(id);
    if (!job) return;
    this.pending.delete(id);
    this.stop();
    job.reject(new JobCancelled(this.kind.what));
  }

  /** Stops the worker; jobs still in hand are refused. */
  stop(): void {
    clearTimeout(this.idleTimer);
    this.worker?.terminate();
    this.worker = null;
    this.answered = false;
    const inHand = [...this.pending.values()];
    this.pending.clear();
    for (const job of inHand) job.reject(new Error(`${this.kind.what} was stopped`));
  }

  private startWorker(): Worker {
    const worker = this.kind.start();
    worker.onmessage = (event: MessageEvent<NumberedReply<Result>>) => {
      this.answered = true;
      const message = event.data;
      const job = this.pending.get(message.id);
      if (!job) return;
      if (message.type === 'progress') {
        job.onProgress(message.fraction);
        return;
      }
      if (message.type === 'part') {
        job.onPart?.(message.part);
        return;
      }
      this.pending.delete(message.id);
      if (message.type === 'done') unpackBytes(message.result).then(job.resolve, job.reject);
      else job.reject(failureFrom(message));
      this.stopLaterIfIdle();
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      const answered = this.answered;
      const inHand = [...this.pending.values()];
      this.pending.clear();
      worker.terminate();
      this.worker = null;
      this.answered = false;
      if (answered) {
        for (const job of inHand) job.reject(new Error(event.message || `${this.kind.what} stopped unexpectedly`));
      } else {
        this.fallBack(event.message || 'the worker failed to load');
        for (const job of inHand) void this.onPage(job.request, job.onProgress, job.signal, job.onPart).then(job.resolve, job.reject);
      }
    };
    this.worker = worker;
    return worker;
  }

  private stopLaterIfIdle(): void {
    const idleMs = this.kind.stopWhenIdleMs;
    if (idleMs === undefined || this.pending.size > 0) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.pending.size === 0) this.stop();
    }, idleMs);
  }

  /**
   * Before jobs run on the page instead (the caller runs them with onPage): says so once in the console, so a
   * worker that never starts is noticed, and for good unless only one request could not be sent.
   */
  private fallBack(why: unknown, forGood = true): void {
    console.warn(`${this.kind.what} ran on the page: its worker could not start (${why instanceof Error ? why.message : String(why)})`);
    if (forGood) this.onPageOnly = true;
  }

  private async onPage(
    request: Request,
    onProgress: (fraction: number) => void,
    signal?: AbortSignal,
    onPart?: (part: unknown) => void,
  ): Promise<Result> {
    await nextTask();
    if (signal?.aborted) throw new JobCancelled(this.kind.what);
    return this.kind.onPageThread(request, onProgress, signal, onPart);
  }
}

/**
 * Runs one long job in its own Web Worker so the window never freezes, reporting progress from 0 to 1,
 * and stops the worker after. If the worker cannot be started, the job runs on the page instead.
 */
export async function runWorkerJob<Request, Result>(
  job: WorkerJob<Request, Result>,
  onProgress: (fraction: number) => void = () => {},
  signal?: AbortSignal,
  onPart?: (part: unknown) => void,
): Promise<Result> {
  const worker = new JobWorker(job);
  try {
    return await worker.run(job.request, onProgress, signal, onPart);
  } finally {
    worker.stop();
  }
}

/**
 * The worker's side: runs the job on each numbered request and posts progress, then the result or the
 * failure, under the request's number. Requests may overlap; each is answered on its own.
 */
export function serveWorkerJob<Request, Result>(
  work: (request: Request, onProgress: (fraction: number) => void, onPart: (part: unknown) => void) => Promise<Result> | Result,
): void {
  const reply = (message: NumberedReply<Result>) => self.postMessage(message);
  const incoming = new IncomingSlices();
  self.onmessage = async (event: MessageEvent<WorkerJobEnvelope<Request> | SliceMessage>) => {
    const message = event.data;
    if ('type' in message) {
      incoming.receive(message);
      return;
    }
    const { id } = message;
    try {
      const request = incoming.restore(id, message.request);
      const onProgress = (fraction: number) => reply({ id, type: 'progress', fraction });
      const result = await work(request, onProgress, (part) => reply({ id, type: 'part', part }));
      reply({ id, type: 'done', result: packBytes(result) });
    } catch (error) {
      reply({ id, type: 'failed', message: error instanceof Error ? error.message : String(error), ...namesOf(error) });
    }
  };
}
