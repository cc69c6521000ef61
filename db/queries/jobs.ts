import "server-only";
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { withDbErrors } from "@/db/errors";
import { type Job, jobItems, jobs } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { JobItemCounts, JobItemStatus, JobStatus } from "@/lib/jobs/types";

// The job runner's storage. Rows are the source of truth for progress, cancel and resume, so every
// state change is a conditional UPDATE that only applies from the expected state: a late or stale
// writer (a cancelled handler, a runner from before a restart) changes nothing. This module holds the
// jobs themselves (create, progress, cancel, finish); job-items.ts claims and settles their items.

export const ACTIVE_JOB_STATUSES: JobStatus[] = ["queued", "running"];
const MAX_ERROR_LENGTH = 2000;
const INSERT_CHUNK = 500;

const jobColumns = {
  id: jobs.id,
  kind: jobs.kind,
  studyId: jobs.studyId,
  status: jobs.status,
  params: jobs.params,
  concurrency: jobs.concurrency,
  createdBy: jobs.createdBy,
  createdAt: jobs.createdAt,
  startedAt: jobs.startedAt,
  finishedAt: jobs.finishedAt,
  cancelRequestedAt: jobs.cancelRequestedAt,
  error: jobs.error,
};

export type JobItemView = {
  seq: number;
  status: JobItemStatus;
  error: string | null;
  attempts: number;
  output?: unknown;
};

// `job` is nested rather than spread because `error` would mean two things (message vs count).
export type JobProgress = JobItemCounts & {
  job: Job;
  /** Settled items (done + error + cancelled) over total, floored: 100 only when nothing is left. */
  percent: number;
  items?: JobItemView[];
};

export type RunnableJob = Pick<Job, "id" | "kind" | "studyId" | "params" | "concurrency" | "status">;

const jobErrors = {
  SQLITE_CONSTRAINT_FOREIGNKEY: () =>
    new AppError("invalid:job", "The study or user this job refers to does not exist."),
};

export function withJobDbErrors<T>(action: string, fn: () => T): T {
  return withDbErrors(fn, { map: jobErrors, action });
}

export function truncate(message: string) {
  return message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH - 1)}…` : message;
}

function emptyCounts(): JobItemCounts {
  return { total: 0, pending: 0, running: 0, done: 0, error: 0, cancelled: 0 };
}

function countItemsByJob(jobIds: string[]): Map<string, JobItemCounts> {
  const result = new Map<string, JobItemCounts>(jobIds.map((id) => [id, emptyCounts()]));
  if (jobIds.length === 0) return result;
  const rows = getDb()
    .select({ jobId: jobItems.jobId, status: jobItems.status, n: sql<number>`count(*)` })
    .from(jobItems)
    .where(inArray(jobItems.jobId, jobIds))
    .groupBy(jobItems.jobId, jobItems.status)
    .all();
  for (const row of rows) {
    const counts = result.get(row.jobId)!;
    counts[row.status] += row.n;
    counts.total += row.n;
  }
  return result;
}

function toProgress(job: Job, counts: JobItemCounts): JobProgress {
  const settled = counts.done + counts.error + counts.cancelled;
  const finished = !ACTIVE_JOB_STATUSES.includes(job.status);
  const percent = counts.total === 0 ? (finished ? 100 : 0) : Math.floor((settled * 100) / counts.total);
  return { job, ...counts, percent };
}

const createJobSchema = z.object({
  kind: z.string().trim().min(1, "Job kind is required.").max(100),
  studyId: z.string().min(1).nullish(),
  createdBy: z.string().min(1).nullish(),
  concurrency: z.number().int().min(1).max(32).optional(),
  items: z.array(z.unknown()).max(100_000, "A job may have at most 100,000 items."),
});

export type CreateJobInput = {
  kind: string;
  studyId?: string | null;
  params?: unknown;
  items: unknown[];
  createdBy?: string | null;
  /** Most items of this job in flight at once; defaults to JOB_CONCURRENCY. */
  concurrency?: number;
  now?: number;
};

/** Inserts a queued job and its items (seq = array index) in one transaction. */
export function createJob(input: CreateJobInput): Job {
  const parsed = createJobSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "job");
      fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
    }
    throw new AppError("invalid:job", parsed.error.issues[0]?.message, { fieldErrors });
  }
  const { kind, studyId, createdBy, concurrency, items } = parsed.data;
  const now = input.now ?? Date.now();
  return withJobDbErrors("creating a job", () =>
    getDb().transaction((tx) => {
      const job = tx
        .insert(jobs)
        .values({
          kind,
          studyId: studyId ?? null,
          createdBy: createdBy ?? null,
          params: input.params ?? {},
          concurrency: concurrency ?? getEnv().JOB_CONCURRENCY,
          status: "queued",
          createdAt: now,
        })
        .returning(jobColumns)
        .get();
      for (let start = 0; start < items.length; start += INSERT_CHUNK) {
        const chunk = items.slice(start, start + INSERT_CHUNK);
        tx.insert(jobItems)
          .values(chunk.map((item, i) => ({ jobId: job.id, seq: start + i, input: item ?? null })))
          .run();
      }
      return job;
    }),
  );
}

export function getJob({ jobId }: { jobId: string }): Job | null {
  return withJobDbErrors("loading a job", () => {
    const [job] = getDb().select(jobColumns).from(jobs).where(eq(jobs.id, jobId)).limit(1).all();
    return job ?? null;
  });
}

/** Counts per item status for a progress bar; items (in seq order) only when asked for. */
export function getJobProgress({
  jobId,
  includeItems = false,
  includeOutput = false,
}: {
  jobId: string;
  includeItems?: boolean;
  includeOutput?: boolean;
}): JobProgress | null {
  return withJobDbErrors("loading job progress", () => {
    const job = getJob({ jobId });
    if (!job) return null;
    const progress = toProgress(job, countItemsByJob([jobId]).get(jobId)!);
    if (includeItems) {
      const rows = getDb()
        .select({
          seq: jobItems.seq,
          status: jobItems.status,
          error: jobItems.error,
          attempts: jobItems.attempts,
          output: jobItems.output,
        })
        .from(jobItems)
        .where(eq(jobItems.jobId, jobId))
        .orderBy(asc(jobItems.seq))
        .all();
      progress.items = rows.map(({ output, ...rest }) => (includeOutput ? { ...rest, output } : rest));
    }
    return progress;
  });
}

/** Newest first, with item counts. `studyId: null` lists jobs that belong to no study. */
export function listJobs({
  studyId,
  kind,
  limit,
}: {
  studyId?: string | null;
  kind?: string;
  limit: number;
}): JobProgress[] {
  return withJobDbErrors("listing jobs", () => {
    const filters: SQL[] = [];
    if (studyId === null) filters.push(isNull(jobs.studyId));
    else if (studyId !== undefined) filters.push(eq(jobs.studyId, studyId));
    if (kind !== undefined) filters.push(eq(jobs.kind, kind));
    const rows = getDb()
      .select(jobColumns)
      .from(jobs)
      .where(and(...filters))
      .orderBy(desc(jobs.createdAt), desc(sql`rowid`))
      .limit(Math.min(Math.max(Math.trunc(limit), 1), 500))
      .all();
    const counts = countItemsByJob(rows.map((j) => j.id));
    return rows.map((job) => toProgress(job, counts.get(job.id)!));
  });
}

/**
 * Cancels at once in the database (job and every pending or running item become 'cancelled'), so
 * cancel works even with no runner alive; the runner notices and aborts its in-flight handlers,
 * whose late results are then discarded. Finished jobs are returned unchanged.
 */
export function requestJobCancel({ jobId, now = Date.now() }: { jobId: string; now?: number }): Job {
  return withJobDbErrors("cancelling a job", () =>
    getDb().transaction(
      (tx) => {
        const [job] = tx.select(jobColumns).from(jobs).where(eq(jobs.id, jobId)).all();
        if (!job) throw new AppError("not_found:job", "This job does not exist.");
        if (!ACTIVE_JOB_STATUSES.includes(job.status)) return job;
        tx.update(jobItems)
          .set({ status: "cancelled", finishedAt: now })
          .where(and(eq(jobItems.jobId, jobId), inArray(jobItems.status, ["pending", "running"])))
          .run();
        // The job was read in this transaction, so the update returns its row.
        return tx
          .update(jobs)
          .set({ status: "cancelled", cancelRequestedAt: now, finishedAt: now })
          .where(eq(jobs.id, jobId))
          .returning(jobColumns)
          .get();
      },
      { behavior: "immediate" },
    ),
  );
}

/**
 * Ends an active job with nothing pending or running. It is 'failed' only when every item failed
 * (nothing useful came out); otherwise 'completed', and the error count is in its progress.
 * Returns the new status, or null when the job is not finished (or not active).
 */
export function finishJobIfDone({
  jobId,
  now = Date.now(),
}: {
  jobId: string;
  now?: number;
}): JobStatus | null {
  return withJobDbErrors("finishing a job", () =>
    getDb().transaction(
      (tx) => {
        const [job] = tx.select({ status: jobs.status }).from(jobs).where(eq(jobs.id, jobId)).all();
        if (!job || !ACTIVE_JOB_STATUSES.includes(job.status)) return null;
        const counts = emptyCounts();
        const rows = tx
          .select({ status: jobItems.status, n: sql<number>`count(*)` })
          .from(jobItems)
          .where(eq(jobItems.jobId, jobId))
          .groupBy(jobItems.status)
          .all();
        for (const row of rows) {
          counts[row.status] += row.n;
          counts.total += row.n;
        }
        if (counts.pending > 0 || counts.running > 0) return null;
        const allFailed = counts.total > 0 && counts.error === counts.total;
        const status: JobStatus = allFailed ? "failed" : "completed";
        let error: string | null = null;
        if (allFailed) {
          const [first] = tx
            .select({ error: jobItems.error })
            .from(jobItems)
            .where(and(eq(jobItems.jobId, jobId), eq(jobItems.status, "error")))
            .orderBy(asc(jobItems.seq))
            .limit(1)
            .all();
          error = truncate(`All ${counts.total} items failed. First error: ${first?.error ?? "unknown"}`);
        }
        tx.update(jobs)
          .set({ status, finishedAt: now, error, startedAt: sql`coalesce(${jobs.startedAt}, ${now})` })
          .where(eq(jobs.id, jobId))
          .run();
        return status;
      },
      { behavior: "immediate" },
    ),
  );
}

/** Fails an active job outright (e.g. no handler for its kind); its unfinished items get the error. */
export function failJob({ jobId, error, now = Date.now() }: { jobId: string; error: string; now?: number }) {
  return withJobDbErrors("failing a job", () =>
    getDb().transaction(
      (tx) => {
        const [job] = tx.select({ status: jobs.status }).from(jobs).where(eq(jobs.id, jobId)).all();
        if (!job || !ACTIVE_JOB_STATUSES.includes(job.status)) return false;
        const message = truncate(error);
        tx.update(jobItems)
          .set({ status: "error", error: message, finishedAt: now })
          .where(and(eq(jobItems.jobId, jobId), inArray(jobItems.status, ["pending", "running"])))
          .run();
        tx.update(jobs)
          .set({ status: "failed", error: message, finishedAt: now })
          .where(eq(jobs.id, jobId))
          .run();
        return true;
      },
      { behavior: "immediate" },
    ),
  );
}

/** Active jobs, oldest first (the runner serves them in this order). */
export function listRunnableJobs(): RunnableJob[] {
  return withJobDbErrors("listing runnable jobs", () =>
    getDb()
      .select({
        id: jobs.id,
        kind: jobs.kind,
        studyId: jobs.studyId,
        params: jobs.params,
        concurrency: jobs.concurrency,
        status: jobs.status,
      })
      .from(jobs)
      .where(and(inArray(jobs.status, ACTIVE_JOB_STATUSES), isNull(jobs.cancelRequestedAt)))
      .orderBy(asc(jobs.createdAt), asc(sql`rowid`))
      .all(),
  );
}
