import "server-only";
import { inArray } from "drizzle-orm";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { jobItems } from "../schema";

// Wall time and outcome of a run's job items (one per agent × topic, across the run's jobs), for
// the agents comparison on the ideation page. Organizer data; the caller passes a run it already
// read through the study-scoped getIdeationRun/listIdeationRuns.

export type RunItemTiming = {
  input: unknown;
  status: string;
  error: string | null;
  startedAt: number | null;
  finishedAt: number | null;
};

export function listRunItemTimings({ jobIds }: { jobIds: string[] }): RunItemTiming[] {
  if (jobIds.length === 0) return [];
  return withDbErrors(() =>
    getDb()
      .select({
        input: jobItems.input,
        status: jobItems.status,
        error: jobItems.error,
        startedAt: jobItems.startedAt,
        finishedAt: jobItems.finishedAt,
      })
      .from(jobItems)
      .where(inArray(jobItems.jobId, jobIds))
      .all()
      .map((r) => ({
        ...r,
        startedAt: r.startedAt === null ? null : Number(r.startedAt),
        finishedAt: r.finishedAt === null ? null : Number(r.finishedAt),
      })),
  );
}
