import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ArticleAnalysisResult } from '../core/index';
import type { AnalysisReply, AnalysisRequest, AnalysisWorkerData } from './analysisProtocol';

/**
 * Default number of workers: one per core, two at most. No core is set aside for the thread that
 * owns the pool: during a build it only reads, hashes and links, and was idle three quarters of the
 * time when measured with two workers on two cores (the OS shares the cores; the extension host
 * thread stays free to answer hovers either way). Two at most, because each worker holds its own
 * copy of the model and a workspace is indexed once, then kept up to date one file at a time.
 */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

/** How to start an {@link AnalysisPool}. */
export interface AnalysisPoolOptions {
  /** Path of the worker script (`dist/analysisWorker.js` beside the bundle that starts the pool). */
  workerScript: string;
  /** The NER model file's bytes; each worker loads its own copy once. Empty: entities off. */
  modelBytes: Uint8Array;
  /** Number of worker threads (default {@link defaultPoolSize}). */
  size?: number;
  /**
   * Workers beyond the first stop after this many milliseconds without work (default 30 s): once a
   * build is over, one worker serves edits and open documents, and the memory of the others (each
   * holds a model) goes back. They start again when jobs queue up.
   */
  idleMs?: number;
}

interface Job {
  id: number;
  text: string;
  folder?: Readonly<Record<string, number>>;
  resolve: (result: ArticleAnalysisResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
}

/** Results kept for a text asked again soon (the open articles; each holds its text as the key). */
const RECENT_RESULTS = 8;
/** Texts longer than this (characters) are not kept: their key alone would weigh megabytes. */
const RECENT_MAX_TEXT_LENGTH = 1_000_000;

/** Workers that die this many times in a row without finishing a job are not started again. */
const MAX_CONSECUTIVE_CRASHES = 3;

/**
 * A small pool of worker threads that parse and analyse articles off the calling thread, each with
 * the model loaded once. Jobs wait in one queue and go to whichever worker is free, one at a time,
 * so a crashed worker fails only the job it was running (with a clear error); it is then replaced.
 */
export class AnalysisPool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private consecutiveCrashes = 0;
  private disposed = false;
  private brokenReason: string | undefined;
  /** Workers the pool may run: `size`, less those given up after repeated crashes. */
  private capacity: number;
  private readonly retired = new WeakSet<Slot>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Jobs queued or running, by request (text and folder hints). */
  private readonly inFlight = new Map<string, Promise<ArticleAnalysisResult>>();
  /** The last results, by request, oldest first. */
  private readonly recent = new Map<string, ArticleAnalysisResult>();

  constructor(private readonly options: AnalysisPoolOptions) {
    this.size = Math.max(1, options.size ?? defaultPoolSize());
    this.capacity = this.size;
    for (let i = 0; i < this.size; i++) this.slots.push(this.startWorker());
  }

  /** Workers running now (fewer than `size` after an idle spell). */
  get running(): number {
    return this.slots.length;
  }

  /**
   * Parses and analyses one article in a worker. Rejects if the worker fails or the pool is disposed.
   * A request already queued or running, or among the last few analysed, is not analysed again: when
   * an article opens, the editor (for its highlighting) and the workspace index ask for the same
   * text within a second, and on a fresh start that second analysis would stand between opening the
   * folder and the first cross-file hover. The folder's line counts are part of the request (they
   * change what reads as boilerplate); none and an empty set are the same request.
   */
  analyze(text: string, folder?: Readonly<Record<string, number>>): Promise<ArticleAnalysisResult> {
    if (this.disposed) return Promise.reject(new Error('the analysis pool is disposed'));
    if (this.brokenReason) return Promise.reject(new Error(this.brokenReason));
    const hints = folder && Object.keys(folder).length ? folder : undefined;
    const key = hints ? `${text}\u0000${JSON.stringify(hints)}` : text;
    const done = this.recent.get(key);
    // Each caller owns its result (a caller may keep or change it).
    if (done) return Promise.resolve(structuredClone(done));
    const running = this.inFlight.get(key);
    if (running) return running.then((result) => structuredClone(result));
    const job = new Promise<ArticleAnalysisResult>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, text, folder: hints, resolve, reject });
      this.dispatch();
    });
    this.inFlight.set(key, job);
    const settled = () => {
      if (this.inFlight.get(key) === job) this.inFlight.delete(key);
    };
    job.then((result) => {
      settled();
      this.remember(key, result);
    }, settled);
    return job;
  }

  /** Keeps the result of a request whose text is not too big among the last {@link RECENT_RESULTS}. */
  private remember(key: string, result: ArticleAnalysisResult): void {
    if (key.length > RECENT_MAX_TEXT_LENGTH) return;
    this.recent.delete(key);
    this.recent.set(key, structuredClone(result));
    for (const oldest of this.recent.keys()) {
      if (this.recent.size <= RECENT_RESULTS) break;
      this.recent.delete(oldest);
    }
  }

  /** Stops the workers; queued and running jobs are rejected. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.idleTimer);
    const stopped = new Error('the analysis pool is disposed');
    for (const job of this.queue.splice(0)) job.reject(stopped);
    for (const slot of this.slots) {
      slot.job?.reject(stopped);
      slot.job = undefined;
    }
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private startWorker(): Slot {
    const workerData: AnalysisWorkerData = { modelBytes: this.options.modelBytes };
    const slot: Slot = { worker: new Worker(this.options.workerScript, { workerData }), job: undefined };
    // An idle pool must not keep a command-line process alive.
    slot.worker.unref();
    slot.worker.on('message', (reply: AnalysisReply) => this.onReply(slot, reply));
    let failure: Error | undefined;
    slot.worker.on('error', (err) => (failure = err));
    slot.worker.on('exit', (code) => this.onExit(slot, code, failure));
    return slot;
  }

  private dispatch(): void {
    clearTimeout(this.idleTimer);
    // Work waiting and workers stopped while idle: start them again.
    const idle = this.slots.filter((slot) => !slot.job).length;
    for (let i = idle; i < this.queue.length && this.slots.length < this.capacity; i++) this.slots.push(this.startWorker());
    for (const slot of this.slots) {
      if (slot.job || !this.queue.length) continue;
      const job = this.queue.shift() as Job;
      slot.job = job;
      slot.worker.ref(); // busy: keep the process alive until the answer arrives
      const request: AnalysisRequest = { id: job.id, text: job.text, folder: job.folder };
      slot.worker.postMessage(request);
    }
    if (!this.queue.length && this.slots.length > 1 && this.slots.every((slot) => !slot.job)) {
      this.idleTimer = setTimeout(() => this.stopExtraWorkers(), this.options.idleMs ?? 30_000);
      this.idleTimer.unref();
    }
  }

  private stopExtraWorkers(): void {
    if (this.disposed || this.queue.length || this.slots.some((slot) => slot.job)) return;
    for (const slot of this.slots.splice(1)) {
      this.retired.add(slot);
      void slot.worker.terminate();
    }
  }

  private onReply(slot: Slot, reply: AnalysisReply): void {
    const job = slot.job;
    if (!job || job.id !== reply.id) return;
    slot.job = undefined;
    slot.worker.unref();
    this.consecutiveCrashes = 0;
    if (reply.ok) job.resolve({ article: reply.article, analysis: reply.analysis });
    else job.reject(new Error(reply.error));
    this.dispatch();
  }

  private onExit(slot: Slot, code: number, failure: Error | undefined): void {
    if (this.disposed || this.retired.has(slot)) return;
    const job = slot.job;
    slot.job = undefined;
    const why = failure ? failure.message : `exit code ${code}`;
    job?.reject(new Error(`the analysis worker stopped while analysing this file (${why})`));
    const at = this.slots.indexOf(slot);
    if (++this.consecutiveCrashes > MAX_CONSECUTIVE_CRASHES) {
      // Workers that cannot start (a missing script, no memory) would otherwise restart forever:
      // this one is not replaced, and once none is left every job fails with the reason.
      if (at >= 0) this.slots.splice(at, 1);
      this.capacity--;
      if (!this.capacity) {
        this.brokenReason = `analysis workers keep stopping (${why})`;
        for (const queued of this.queue.splice(0)) queued.reject(new Error(this.brokenReason));
      }
    } else if (at >= 0) this.slots[at] = this.startWorker();
    this.dispatch();
  }
}
