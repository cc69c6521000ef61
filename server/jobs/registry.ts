import type { z } from "zod";
import { AppError } from "@/lib/errors";

export type JobContext<P = unknown> = {
  jobId: string;
  itemId: string;
  seq: number;
  /** 1 on the first run of this item; higher after a retry or a restart. */
  attempt: number;
  studyId: string | null;
  params: P;
  /** Aborted when the job is cancelled or the runner stops: pass it to every LLM call. */
  signal: AbortSignal;
};

export type JobHandler<I = unknown, O = unknown, P = unknown> = {
  kind: string;
  /** Checked at enqueue time and again before each item runs (the stored JSON may be old). */
  inputSchema?: z.ZodType<I>;
  /** Checked at enqueue time and before the job's items are claimed; must be synchronous. */
  paramsSchema?: z.ZodType<P>;
  /** Must be idempotent per item: an item interrupted by a restart runs again. */
  handle: (input: I, ctx: JobContext<P>) => Promise<O>;
};

// On globalThis because Next bundles instrumentation (where the runner starts) and routes (where
// jobs are enqueued) separately; one process must still see one registry.
const globalForJobs = globalThis as unknown as { ideationLabJobHandlers?: Map<string, JobHandler> };

function getHandlers() {
  globalForJobs.ideationLabJobHandlers ??= new Map();
  return globalForJobs.ideationLabJobHandlers;
}

/**
 * Makes a job kind runnable. Registering a kind again replaces its handler, so dev hot reloads
 * pick up edits. Import the registering module from server/jobs/index.ts so the runner sees it.
 */
export function registerJobHandler<I = unknown, O = unknown, P = unknown>(
  handler: JobHandler<I, O, P>,
): JobHandler<I, O, P> {
  if (handler.kind.trim() === "") throw new AppError("invalid:job", "A job handler needs a kind.");
  getHandlers().set(handler.kind, handler as unknown as JobHandler);
  return handler;
}

export function getJobHandler(kind: string): JobHandler | undefined {
  return getHandlers().get(kind);
}

export function listJobKinds(): string[] {
  return [...getHandlers().keys()].sort();
}

/** One line per zod issue, prefixed with its path, for item and job error messages. */
export function formatZodError(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}
