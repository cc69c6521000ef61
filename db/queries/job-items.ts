import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jobItems, jobs } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { ACTIVE_JOB_STATUSES, truncate, withJobDbErrors } from "./jobs";

// A job's items as the runner works through them: claim a batch, settle each claim (done, error or
// handed back), retry failed ones, recover items a dead process left running. Every settle applies
// only to the claim that holds the item's current attempt, so a stale writer changes nothing.

export type ClaimedItem = { id: string; jobId: string; seq: number; input: unknown; attempt: number };

/**
 * Atomically moves up to `limit` pending items (lowest seq first) to 'running', bumping `attempts`.
 * The returned `attempt` fences later writes: only the claim that holds it may settle the item.
 */
export function claimNextItems({
  jobId,
  limit,
  now = Date.now(),
}: {
  jobId: string;
  limit: number;
  now?: number;
}): ClaimedItem[] {
  if (limit < 1) return [];
  return withJobDbErrors("claiming job items", () =>
    getDb().transaction(
      (tx) => {
        const [job] = tx
          .select({ status: jobs.status, cancelRequestedAt: jobs.cancelRequestedAt })
          .from(jobs)
          .where(eq(jobs.id, jobId))
          .all();
        if (!job || !ACTIVE_JOB_STATUSES.includes(job.status) || job.cancelRequestedAt !== null) return [];
        const next = tx
          .select({ id: jobItems.id })
          .from(jobItems)
          .where(and(eq(jobItems.jobId, jobId), eq(jobItems.status, "pending")))
          .orderBy(asc(jobItems.seq))
          .limit(limit)
          .all();
        if (next.length === 0) return [];
        const claimed = tx
          .update(jobItems)
          .set({
            status: "running",
            attempts: sql`${jobItems.attempts} + 1`,
            startedAt: now,
            finishedAt: null,
            error: null,
          })
          .where(
            and(
              inArray(
                jobItems.id,
                next.map((r) => r.id),
              ),
              eq(jobItems.status, "pending"),
            ),
          )
          .returning({
            id: jobItems.id,
            jobId: jobItems.jobId,
            seq: jobItems.seq,
            input: jobItems.input,
            attempt: jobItems.attempts,
          })
          .all();
        if (job.status === "queued") {
          tx.update(jobs)
            .set({ status: "running", startedAt: sql`coalesce(${jobs.startedAt}, ${now})` })
            .where(eq(jobs.id, jobId))
            .run();
        }
        return claimed.sort((a, b) => a.seq - b.seq);
      },
      { behavior: "immediate" },
    ),
  );
}

type SettleInput = { itemId: string; attempt: number; now?: number };

function runningClaim(itemId: string, attempt: number) {
  return and(eq(jobItems.id, itemId), eq(jobItems.status, "running"), eq(jobItems.attempts, attempt));
}

/** Records a handler's output; false when the claim is stale (item cancelled or re-claimed). */
export function completeItem({
  itemId,
  attempt,
  output,
  now = Date.now(),
}: SettleInput & { output: unknown }) {
  return withJobDbErrors("saving a job item's output", () => {
    const result = getDb()
      .update(jobItems)
      .set({ status: "done", output: output ?? null, error: null, finishedAt: now })
      .where(runningClaim(itemId, attempt))
      .run();
    return result.changes > 0;
  });
}

/** Records a handler's error; false when the claim is stale. */
export function failItem({ itemId, attempt, error, now = Date.now() }: SettleInput & { error: string }) {
  return withJobDbErrors("saving a job item's error", () => {
    const result = getDb()
      .update(jobItems)
      .set({ status: "error", error: truncate(error), finishedAt: now })
      .where(runningClaim(itemId, attempt))
      .run();
    return result.changes > 0;
  });
}

/** Hands an item back to the queue (runner shutdown): it runs again after the next start. */
export function releaseItem({ itemId, attempt }: { itemId: string; attempt: number }) {
  return withJobDbErrors("releasing a job item", () => {
    const result = getDb()
      .update(jobItems)
      .set({ status: "pending", startedAt: null })
      .where(runningClaim(itemId, attempt))
      .run();
    return result.changes > 0;
  });
}

/** Puts failed items back to pending and the job back in the queue; done items are kept. */
export function retryFailedItems({ jobId }: { jobId: string }): { retried: number } {
  return withJobDbErrors("retrying failed job items", () =>
    getDb().transaction(
      (tx) => {
        const [job] = tx.select({ status: jobs.status }).from(jobs).where(eq(jobs.id, jobId)).all();
        if (!job) throw new AppError("not_found:job", "This job does not exist.");
        if (job.status === "cancelled") {
          throw new AppError("conflict:job", "A cancelled job cannot be retried; start a new job instead.");
        }
        const result = tx
          .update(jobItems)
          .set({ status: "pending", error: null, startedAt: null, finishedAt: null })
          .where(and(eq(jobItems.jobId, jobId), eq(jobItems.status, "error")))
          .run();
        if (result.changes > 0 && !ACTIVE_JOB_STATUSES.includes(job.status)) {
          tx.update(jobs)
            .set({ status: "queued", finishedAt: null, error: null })
            .where(eq(jobs.id, jobId))
            .run();
        }
        return { retried: result.changes };
      },
      { behavior: "immediate" },
    ),
  );
}

/**
 * Called once when a runner starts: items left 'running' by a dead process go back to 'pending'.
 * Their jobs keep status 'running' and are picked up again; 'done' items are never touched.
 */
export function recoverInterruptedJobs(): { items: number } {
  return withJobDbErrors("recovering interrupted jobs", () => {
    const result = getDb()
      .update(jobItems)
      .set({ status: "pending", startedAt: null })
      .where(eq(jobItems.status, "running"))
      .run();
    return { items: result.changes };
  });
}
