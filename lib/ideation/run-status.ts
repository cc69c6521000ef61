import type { JobItemCounts, JobStatus } from "@/lib/jobs/types";
import type { RunStatus } from "./run-types";

// A run's shown status, derived from its current job and whether it stopped at its budget, so the
// status is never stored twice and cannot drift from the job's.

export function runStatus({
  jobStatus,
  counts,
  budgetStopped,
}: {
  jobStatus: JobStatus | null;
  counts: Pick<JobItemCounts, "total" | "done" | "error">;
  budgetStopped: boolean;
}): RunStatus {
  if (jobStatus === null || jobStatus === "queued") return "queued";
  if (jobStatus === "running") return "running";
  if (jobStatus === "cancelled") return "cancelled";
  if (budgetStopped) return "paused_at_budget";
  if (jobStatus === "failed" || (counts.total > 0 && counts.done === 0)) return "failed";
  return counts.error > 0 ? "done_with_failures" : "done";
}
