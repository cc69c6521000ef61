import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { conditions, ideas, jobItems } from "../schema";

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

/**
 * Keys of the baseline (human) conditions holding submitted human ideas (written or imported, never
 * generated), in condition order: the same human ideas the run's "match the human mix" counts.
 */
export function listHumanConditionKeys({ studyId }: { studyId: string }): string[] {
  return withDbErrors(() =>
    getDb()
      .selectDistinct({ key: conditions.key, position: conditions.position })
      .from(ideas)
      .innerJoin(conditions, eq(conditions.id, ideas.conditionId))
      .where(
        and(
          eq(ideas.studyId, studyId),
          eq(ideas.status, "submitted"),
          inArray(ideas.provenance, ["written", "imported"]),
          eq(conditions.isBaseline, true),
        ),
      )
      .orderBy(asc(conditions.position))
      .all()
      .map((r) => r.key),
  );
}
