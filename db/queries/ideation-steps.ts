import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { RunStageProgress } from "@/lib/ideation/run-types";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { ideationCheckpoints, ideationMetrics, ideationProgress } from "../schema";

// What an agent's context writes while it works: step checkpoints (resume skips finished steps),
// staged progress for the run page, and metric series.

type Slot = { runId: string; agentIndex: number; topicId: string };

/** The stored result of a finished step, or { found: false }. */
export function readCheckpoint({ key, ...slot }: Slot & { key: string }): { found: boolean; value: unknown } {
  const row = withDbErrors(() =>
    getDb()
      .select({ value: ideationCheckpoints.value })
      .from(ideationCheckpoints)
      .where(
        and(
          eq(ideationCheckpoints.runId, slot.runId),
          eq(ideationCheckpoints.agentIndex, slot.agentIndex),
          eq(ideationCheckpoints.topicId, slot.topicId),
          eq(ideationCheckpoints.key, key),
        ),
      )
      .get(),
  );
  return row ? { found: true, value: row.value } : { found: false, value: undefined };
}

/** Stores a step's result; a second write of the same key keeps the first (steps are idempotent). */
export function writeCheckpoint({ key, value, ...slot }: Slot & { key: string; value: unknown }): void {
  withDbErrors(() =>
    getDb()
      .insert(ideationCheckpoints)
      .values({ ...slot, key, value: value ?? null })
      .onConflictDoNothing()
      .run(),
  );
}

/** The run's finished steps as "agentIndex/topicId/key". */
export function listCheckpointKeys({ runId }: { runId: string }): string[] {
  return withDbErrors(() =>
    getDb()
      .select({
        a: ideationCheckpoints.agentIndex,
        t: ideationCheckpoints.topicId,
        k: ideationCheckpoints.key,
      })
      .from(ideationCheckpoints)
      .where(eq(ideationCheckpoints.runId, runId))
      .all()
      .map((r) => `${r.a}/${r.t}/${r.k}`),
  );
}

export function saveProgress(p: RunStageProgress & { runId: string; now?: number }): void {
  const row = { ...p, updatedAt: p.now ?? Date.now() };
  withDbErrors(() =>
    getDb()
      .insert(ideationProgress)
      .values(row)
      .onConflictDoUpdate({
        target: [
          ideationProgress.runId,
          ideationProgress.agentIndex,
          ideationProgress.topicId,
          ideationProgress.stage,
        ],
        set: { done: row.done, total: row.total, updatedAt: row.updatedAt },
      })
      .run(),
  );
}

export function listProgress({ runId }: { runId: string }): RunStageProgress[] {
  return withDbErrors(() =>
    getDb()
      .select({
        agentIndex: ideationProgress.agentIndex,
        topicId: ideationProgress.topicId,
        stage: ideationProgress.stage,
        done: ideationProgress.done,
        total: ideationProgress.total,
      })
      .from(ideationProgress)
      .where(eq(ideationProgress.runId, runId))
      .orderBy(
        asc(ideationProgress.agentIndex),
        asc(ideationProgress.topicId),
        asc(ideationProgress.updatedAt),
      )
      .all(),
  );
}

export function addMetricPoint(m: Slot & { name: string; point: Record<string, number> }): void {
  withDbErrors(() => getDb().insert(ideationMetrics).values(m).run());
}

export function listMetricPoints({ runId }: { runId: string }) {
  return withDbErrors(() =>
    getDb()
      .select({
        agentIndex: ideationMetrics.agentIndex,
        topicId: ideationMetrics.topicId,
        name: ideationMetrics.name,
        point: ideationMetrics.point,
      })
      .from(ideationMetrics)
      .where(eq(ideationMetrics.runId, runId))
      .orderBy(asc(ideationMetrics.createdAt))
      .all(),
  );
}
