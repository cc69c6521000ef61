import "server-only";
import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import type { RunCall } from "@/lib/ideation/run-costs";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { ideationCalls, llmCalls } from "../schema";

// The model calls of ideation runs. Tokens, cost and "cached" are read from llm_calls (generate()'s
// one log row per call); this table adds what provenance needs: stage, candidate, prompt, output.

export type NewIdeationCall = {
  runId: string;
  llmCallId: string | null;
  agentIndex: number;
  topicId: string;
  stage: string;
  candidate: string | null;
  system: string | null;
  prompt: string;
  output: string | null;
  error: string | null;
};

export function insertIdeationCall(call: NewIdeationCall): void {
  withDbErrors(() => getDb().insert(ideationCalls).values(call).run(), { action: "recording a run's call" });
}

/** USD spent so far by the run (cached calls cost 0; unpriced calls count as 0). */
export function runSpentUsd({ runId }: { runId: string }): number {
  const row = withDbErrors(() =>
    getDb()
      .select({ usd: sql<number | null>`sum(${llmCalls.costUsd})` })
      .from(ideationCalls)
      .innerJoin(llmCalls, eq(llmCalls.id, ideationCalls.llmCallId))
      .where(eq(ideationCalls.runId, runId))
      .get(),
  );
  return row?.usd ?? 0;
}

/** A run call with what it cost (lib/ideation/run-costs.ts sums these) and its error, if it failed. */
export type RunCallCost = RunCall & { error: string | null };

const costColumns = {
  agentIndex: ideationCalls.agentIndex,
  topicId: ideationCalls.topicId,
  stage: ideationCalls.stage,
  candidate: ideationCalls.candidate,
  costUsd: llmCalls.costUsd,
  inputTokens: sql<number>`coalesce(${llmCalls.inputTokens}, 0)`,
  outputTokens: sql<number>`coalesce(${llmCalls.outputTokens}, 0)`,
  cached: sql<number>`coalesce(${llmCalls.cached}, 0)`,
  error: ideationCalls.error,
};

/** Every call of the run with its tokens and cost, in the order made. */
export function listRunCallCosts({ runId }: { runId: string }): RunCallCost[] {
  return withDbErrors(() =>
    getDb()
      .select(costColumns)
      .from(ideationCalls)
      .leftJoin(llmCalls, eq(llmCalls.id, ideationCalls.llmCallId))
      .where(eq(ideationCalls.runId, runId))
      .orderBy(asc(ideationCalls.createdAt), asc(sql`${ideationCalls}.rowid`))
      .all()
      .map((r) => ({ ...r, cached: Boolean(r.cached) })),
  );
}

export type RunCallDetail = RunCallCost & {
  id: string;
  system: string | null;
  prompt: string;
  output: string | null;
  createdAt: number;
};

/** The calls behind one generated idea: its own and those its topic shared (candidate null). */
export function listCallsForCandidate({
  runId,
  agentIndex,
  topicId,
  candidate,
}: {
  runId: string;
  agentIndex: number;
  topicId: string;
  candidate: string;
}): RunCallDetail[] {
  return withDbErrors(() =>
    getDb()
      .select({
        ...costColumns,
        id: ideationCalls.id,
        system: ideationCalls.system,
        prompt: ideationCalls.prompt,
        output: ideationCalls.output,
        createdAt: ideationCalls.createdAt,
      })
      .from(ideationCalls)
      .leftJoin(llmCalls, eq(llmCalls.id, ideationCalls.llmCallId))
      .where(
        and(
          eq(ideationCalls.runId, runId),
          eq(ideationCalls.agentIndex, agentIndex),
          eq(ideationCalls.topicId, topicId),
          or(eq(ideationCalls.candidate, candidate), isNull(ideationCalls.candidate)),
        ),
      )
      .orderBy(asc(ideationCalls.createdAt), asc(sql`${ideationCalls}.rowid`))
      .limit(500)
      .all()
      .map((r) => ({ ...r, cached: Boolean(r.cached) })),
  );
}
