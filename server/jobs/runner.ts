import "server-only";
import {
  type ClaimedItem,
  claimNextItems,
  completeItem,
  failItem,
  recoverInterruptedJobs,
  releaseItem,
  retryFailedItems,
} from "@/db/queries/job-items";
import {
  type CreateJobInput,
  createJob,
  failJob,
  finishJobIfDone,
  getJob,
  listRunnableJobs,
  type RunnableJob,
  requestJobCancel,
} from "@/db/queries/jobs";
import type { Job } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatZodError, getJobHandler, type JobHandler } from "./registry";
import { wakeAnyRunner } from "./runner-link";

export type JobRunnerOptions = {
  /** Most items in flight across all jobs; defaults to JOB_CONCURRENCY. */
  concurrency?: number;
  /** How often to look for new work and for cancels when nobody calls wake(). */
  pollIntervalMs?: number;
  now?: () => number;
};

export type JobEvent = { jobId: string; type: "progress" | "finished" };

type InFlight = {
  jobId: string;
  controller: AbortController;
  stopReason?: "cancelled" | "shutdown";
  done?: Promise<void>;
};

type Outcome = { ok: true; output: unknown } | { ok: false; error: unknown };

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === "string" ? error : String(error);
}

/**
 * Processes queued job items in this process. All state lives in SQLite, so the runner can be
 * killed at any point: the next start() puts interrupted items back to pending and carries on.
 */
export class JobRunner {
  readonly concurrency: number;
  readonly pollIntervalMs: number;
  private readonly now: () => number;
  private readonly inFlight = new Map<string, InFlight>();
  private readonly inFlightByJob = new Map<string, number>();
  private readonly listeners = new Set<(event: JobEvent) => void>();
  private idleWaiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  private loop: Promise<void> | undefined;
  private wakeLoop: (() => void) | undefined;
  private idleTimer: ReturnType<typeof setInterval> | undefined;
  private stopping = false;
  /** When the loop last looked for work (epoch ms); /api/health reads it to tell a stuck loop. */
  lastTickAt: number | null = null;
  private pumping = false;
  private pumpAgain = false;

  constructor(options: JobRunnerOptions = {}) {
    this.concurrency = options.concurrency ?? getEnv().JOB_CONCURRENCY;
    if (!Number.isInteger(this.concurrency) || this.concurrency < 1) {
      throw new AppError("invalid:job_runner", "Job runner concurrency must be a positive integer.");
    }
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.now = options.now ?? (() => Date.now());
  }

  /** Items currently being processed by this runner. */
  get activeCount() {
    return this.inFlight.size;
  }

  get isRunning() {
    return this.loop !== undefined && !this.stopping;
  }

  /** Recovers what a previous process left running, then keeps processing until stop(). */
  start() {
    if (this.loop) return;
    this.stopping = false;
    // Only safe while this runner holds no items: every 'running' row then belongs to a dead process.
    if (this.inFlight.size === 0) recoverInterruptedJobs();
    this.loop = this.runLoop();
  }

  /** Stops claiming, aborts in-flight handlers and hands their items back to the queue. */
  async stop() {
    this.stopping = true;
    this.wakeLoop?.();
    for (const entry of this.inFlight.values()) {
      if (entry.stopReason) continue;
      entry.stopReason = "shutdown";
      entry.controller.abort(new DOMException("The job runner is stopping.", "AbortError"));
    }
    await Promise.allSettled([...this.inFlight.values()].map((e) => e.done));
    await this.loop;
    this.loop = undefined;
    this.settleIdleWaiters();
  }

  /** Looks for work now instead of at the next poll (call after enqueueing or cancelling). */
  wake() {
    if (this.stopping) return;
    if (this.pumping) this.pumpAgain = true;
    else if (this.wakeLoop) this.wakeLoop();
    else if (this.idleWaiters.length > 0) this.pump();
  }

  /** Processes until nothing is runnable and nothing is in flight. Does not recover: start() does. */
  runUntilIdle(): Promise<void> {
    const idle = new Promise<void>((resolve, reject) => this.idleWaiters.push({ resolve, reject }));
    if (!this.loop && !this.idleTimer) {
      // Without start() nothing polls, and cancels must still be noticed while waiting.
      this.idleTimer = setInterval(() => this.pump(), this.pollIntervalMs);
      this.idleTimer.unref?.();
    }
    this.pump();
    return idle;
  }

  /** Called after each claim and each settled item, so a progress stream need not poll. */
  subscribe(listener: (event: JobEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // The loop, not wake()'s caller, calls pump(), so handlers never inherit a request's async
  // context (Next's per-request storage and its patched fetch) from a server action that enqueued.
  private async runLoop() {
    while (!this.stopping) {
      this.lastTickAt = this.now();
      this.pump();
      await new Promise<void>((resolve) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const wake = () => {
          clearTimeout(timer);
          this.wakeLoop = undefined;
          resolve();
        };
        timer = setTimeout(wake, this.pollIntervalMs);
        timer.unref?.();
        this.wakeLoop = wake;
      });
    }
  }

  private pump() {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        this.abortStoppedJobs();
        if (!this.stopping) this.claimWork();
      } while (this.pumpAgain && !this.stopping);
    } catch (error) {
      console.error("[jobs] runner error", error);
      this.settleIdleWaiters(error);
    } finally {
      this.pumping = false;
    }
    if (this.inFlight.size === 0) this.settleIdleWaiters();
  }

  private abortStoppedJobs() {
    for (const jobId of this.inFlightByJob.keys()) {
      const job = getJob({ jobId });
      const active = job && (job.status === "queued" || job.status === "running") && !job.cancelRequestedAt;
      if (active) continue;
      let aborted = false;
      for (const entry of this.inFlight.values()) {
        if (entry.jobId !== jobId || entry.stopReason) continue;
        entry.stopReason = "cancelled";
        entry.controller.abort(new DOMException("The job was cancelled.", "AbortError"));
        aborted = true;
      }
      if (aborted) this.emit({ jobId, type: "finished" });
    }
  }

  private claimWork() {
    for (const job of listRunnableJobs()) {
      const handler = getJobHandler(job.kind);
      if (!handler) {
        this.failWholeJob(job.id, `No handler is registered for job kind "${job.kind}".`);
        continue;
      }
      let params: unknown = job.params;
      if (handler.paramsSchema) {
        const parsed = handler.paramsSchema.safeParse(job.params);
        if (!parsed.success) {
          this.failWholeJob(job.id, `Invalid job params: ${formatZodError(parsed.error)}`);
          continue;
        }
        params = parsed.data;
      }
      const running = this.inFlightByJob.get(job.id) ?? 0;
      const free = Math.min(this.concurrency - this.inFlight.size, job.concurrency - running);
      if (free > 0) {
        const claimed = claimNextItems({ jobId: job.id, limit: free, now: this.now() });
        for (const item of claimed) this.launch(job, handler, params, item);
        if (claimed.length > 0) {
          this.emit({ jobId: job.id, type: "progress" });
          continue;
        }
      }
      if (running === 0 && finishJobIfDone({ jobId: job.id, now: this.now() })) {
        this.emit({ jobId: job.id, type: "finished" });
      }
    }
  }

  private failWholeJob(jobId: string, error: string) {
    if (failJob({ jobId, error, now: this.now() })) this.emit({ jobId, type: "finished" });
  }

  private launch(job: RunnableJob, handler: JobHandler, params: unknown, item: ClaimedItem) {
    const entry: InFlight = { jobId: job.id, controller: new AbortController() };
    this.inFlight.set(item.id, entry);
    this.inFlightByJob.set(job.id, (this.inFlightByJob.get(job.id) ?? 0) + 1);
    entry.done = this.runItem(job, handler, params, item, entry).catch((error) =>
      console.error("[jobs] item bookkeeping failed", error),
    );
  }

  private async runItem(
    job: RunnableJob,
    handler: JobHandler,
    params: unknown,
    item: ClaimedItem,
    entry: InFlight,
  ) {
    // Yield first so handler code never runs inside pump().
    await Promise.resolve();
    const signal = entry.controller.signal;
    let outcome: Outcome;
    try {
      signal.throwIfAborted();
      let input = item.input;
      if (handler.inputSchema) {
        const parsed = await handler.inputSchema.safeParseAsync(item.input);
        if (!parsed.success) throw new Error(`Invalid item input: ${formatZodError(parsed.error)}`);
        input = parsed.data;
      }
      const ctx = { jobId: job.id, itemId: item.id, seq: item.seq, attempt: item.attempt, signal };
      const output = await handler.handle(input, { ...ctx, studyId: job.studyId, params });
      outcome = { ok: true, output };
    } catch (error) {
      outcome = { ok: false, error };
    }
    try {
      this.settle(item, entry, outcome);
    } catch (error) {
      // The item stays 'running' in the database; the next start() puts it back to pending.
      console.error(`[jobs] could not record item ${item.id} of job ${job.id}`, error);
    } finally {
      this.inFlight.delete(item.id);
      const left = (this.inFlightByJob.get(job.id) ?? 1) - 1;
      if (left > 0) this.inFlightByJob.set(job.id, left);
      else this.inFlightByJob.delete(job.id);
      this.emit({ jobId: job.id, type: "progress" });
    }
    this.pump();
  }

  private settle(item: ClaimedItem, entry: InFlight, outcome: Outcome) {
    const claim = { itemId: item.id, attempt: item.attempt, now: this.now() };
    if (outcome.ok) {
      // Kept even when stopping: the work is done. A no-op if the job was cancelled meanwhile.
      try {
        completeItem({ ...claim, output: outcome.output });
      } catch (error) {
        failItem({ ...claim, error: `Could not save the output: ${errorMessage(error)}` });
      }
      return;
    }
    if (entry.stopReason === "shutdown") {
      releaseItem(claim);
      return;
    }
    // A cancelled job's items are already 'cancelled'; failItem would change nothing anyway.
    if (entry.stopReason === "cancelled") return;
    failItem({ ...claim, error: errorMessage(outcome.error) });
  }

  private settleIdleWaiters(error?: unknown) {
    if (this.idleTimer) clearInterval(this.idleTimer);
    this.idleTimer = undefined;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) {
      if (error === undefined) w.resolve();
      else w.reject(error);
    }
  }

  private emit(event: JobEvent) {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error("[jobs] job event listener failed", error);
      }
    }
  }
}

// One runner per server process, shared by every bundle Next builds (see registry.ts).
const globalForRunner = globalThis as unknown as { ideationLabJobRunner?: JobRunner };

export function getJobRunner(): JobRunner {
  globalForRunner.ideationLabJobRunner ??= new JobRunner();
  return globalForRunner.ideationLabJobRunner;
}

/** Idempotent; meant for instrumentation.ts `register()` on the Node.js runtime. */
export function startJobRunner(): JobRunner {
  const runner = getJobRunner();
  runner.start();
  return runner;
}

// The runner may live in another server process (WEB_CONCURRENCY > 1): it also polls the database
// every second, so a lost wake only delays work, never loses it.
function wakeRunner() {
  wakeAnyRunner();
}

/** Validates items and params against the kind's handler, stores the job and wakes the runner. */
export async function enqueueJob(input: CreateJobInput): Promise<Job> {
  const handler = getJobHandler(input.kind);
  if (!handler) throw new AppError("invalid:job", `Unknown job kind "${input.kind}".`);
  const problems: string[] = [];
  if (handler.paramsSchema) {
    const parsed = await handler.paramsSchema.safeParseAsync(input.params ?? {});
    if (!parsed.success) problems.push(`Params: ${formatZodError(parsed.error)}`);
  }
  if (handler.inputSchema) {
    for (const [i, item] of input.items.entries()) {
      const parsed = await handler.inputSchema.safeParseAsync(item);
      if (!parsed.success) problems.push(`Item ${i + 1}: ${formatZodError(parsed.error)}`);
      if (problems.length >= 10) break;
    }
  }
  if (problems.length > 0) {
    throw new AppError("invalid:job", problems.join("\n"), { fieldErrors: { items: problems } });
  }
  const job = createJob(input);
  wakeRunner();
  return job;
}

/** Cancels in the database, then lets the runner abort the job's in-flight handlers right away. */
export function cancelJob({ jobId }: { jobId: string }): Job {
  const job = requestJobCancel({ jobId });
  wakeRunner();
  return job;
}

/** Re-queues a job's failed items and wakes the runner. */
export function retryJob({ jobId }: { jobId: string }): { retried: number } {
  const result = retryFailedItems({ jobId });
  wakeRunner();
  return result;
}
