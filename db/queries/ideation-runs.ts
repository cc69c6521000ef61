import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { RunAgentSpec, RunKeepMode, RunTopicPlan } from "@/lib/ideation/run-types";
import type { JobItemStatus } from "@/lib/jobs/types";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { type IdeationRun, ideationRuns, jobItems } from "../schema";

// Ideation runs themselves: create, read, point at their current job, record a budget stop. The
// run's status is derived from its job (lib/ideation/run-status.ts), so nothing here stores it.

export function createIdeationRun(input: {
  studyId: string;
  createdBy: string | null;
  agents: RunAgentSpec[];
  topics: RunTopicPlan[];
  topicMode: "chosen" | "match";
  model: string;
  budgetUsd: number;
  seed: number;
  keep: RunKeepMode;
}): IdeationRun {
  return withDbErrors(() => getDb().insert(ideationRuns).values(input).returning().get(), {
    action: "creating an ideation run",
  });
}

/** The run if it belongs to the study (a run id from another study is simply not found). */
export function getIdeationRun({ studyId, runId }: { studyId: string; runId: string }): IdeationRun {
  const run = withDbErrors(() =>
    getDb()
      .select()
      .from(ideationRuns)
      .where(and(eq(ideationRuns.id, runId), eq(ideationRuns.studyId, studyId)))
      .get(),
  );
  if (!run) throw new AppError("not_found:ideation_run", "This ideation run does not exist in this study.");
  return run;
}

/** For the job handler, which knows only the run id from its params. */
export function getIdeationRunById(runId: string): IdeationRun | undefined {
  return withDbErrors(() => getDb().select().from(ideationRuns).where(eq(ideationRuns.id, runId)).get());
}

export function listIdeationRuns({ studyId }: { studyId: string }): IdeationRun[] {
  return withDbErrors(() =>
    getDb()
      .select()
      .from(ideationRuns)
      .where(eq(ideationRuns.studyId, studyId))
      .orderBy(desc(ideationRuns.createdAt))
      .limit(200)
      .all(),
  );
}

/** Points the run at a new job (start or resume), clearing a budget stop; a new budget may be set. */
export function attachRunJob({
  runId,
  jobId,
  budgetUsd,
}: {
  runId: string;
  jobId: string;
  budgetUsd?: number;
}): void {
  withDbErrors(() =>
    getDb().transaction((tx) => {
      const run = tx
        .select({ jobIds: ideationRuns.jobIds })
        .from(ideationRuns)
        .where(eq(ideationRuns.id, runId))
        .get();
      if (!run) throw new AppError("not_found:ideation_run", "This ideation run does not exist.");
      tx.update(ideationRuns)
        .set({
          jobId,
          jobIds: [...run.jobIds, jobId],
          budgetStoppedAt: null,
          ...(budgetUsd === undefined ? {} : { budgetUsd }),
        })
        .where(eq(ideationRuns.id, runId))
        .run();
    }),
  );
}

export function updateRunAgents({ runId, agents }: { runId: string; agents: RunAgentSpec[] }): void {
  withDbErrors(() => getDb().update(ideationRuns).set({ agents }).where(eq(ideationRuns.id, runId)).run());
}

export function markRunBudgetStopped({ runId, now = Date.now() }: { runId: string; now?: number }): void {
  withDbErrors(() =>
    getDb().update(ideationRuns).set({ budgetStoppedAt: now }).where(eq(ideationRuns.id, runId)).run(),
  );
}

export type RunJobItem = {
  jobId: string;
  seq: number;
  input: unknown;
  status: JobItemStatus;
  error: string | null;
};

/** The items of the run's jobs (oldest job first), for per-topic status and failures. */
export function listRunJobItems({ jobIds }: { jobIds: string[] }): RunJobItem[] {
  if (jobIds.length === 0) return [];
  return withDbErrors(() =>
    getDb()
      .select({
        jobId: jobItems.jobId,
        seq: jobItems.seq,
        input: jobItems.input,
        status: jobItems.status,
        error: jobItems.error,
      })
      .from(jobItems)
      .where(inArray(jobItems.jobId, jobIds))
      .orderBy(asc(jobItems.seq))
      .all()
      .sort((a, b) => jobIds.indexOf(a.jobId) - jobIds.indexOf(b.jobId) || a.seq - b.seq),
  );
}
