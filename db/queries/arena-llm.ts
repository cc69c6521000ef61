import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { ArenaVerdict } from "@/lib/arena/types";
import { AppError } from "@/lib/errors";
import { plural } from "@/lib/format";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { arenaPairs, arenaVotes, ideas } from "../schema";
import { loadStudy } from "./study-shared";

// The LLM judge's side of the arena: which ordered pairs a model still has to judge, and its
// judgments. Each order of a pair is one judgment with judge_key `llm:<model>:<leftIdeaId>`, so the
// unique (pair, judge_key) index makes storing it idempotent and a rerun skips what is stored.

export function llmJudgeKey({ model, leftIdeaId }: { model: string; leftIdeaId: string }): string {
  return `llm:${model}:${leftIdeaId}`;
}

export type LlmJudgingItem = { pairId: string; leftIdeaId: string };

export type LlmJudgingState = {
  status: string;
  pairs: number;
  /** Orders (two per pair) and how many of them this model has judged. */
  orders: number;
  judged: number;
  /** The orders still to judge, pair by pair (left = idea A first, then the swap). */
  missing: LlmJudgingItem[];
};

/** How far the model has got through the study's scheduled pairs (both orders each). */
export function getLlmJudgingState({ studyId, model }: { studyId: string; model: string }): LlmJudgingState {
  return withDbErrors(() =>
    getDb().transaction((tx) => {
      const study = loadStudy(tx, studyId);
      const pairs = tx
        .select({ id: arenaPairs.id, a: arenaPairs.ideaAId, b: arenaPairs.ideaBId })
        .from(arenaPairs)
        .where(eq(arenaPairs.studyId, studyId))
        .orderBy(asc(arenaPairs.round), asc(arenaPairs.createdAt), asc(arenaPairs.id))
        .all();
      const prefix = `llm:${model}:`;
      const stored = new Set(
        tx
          .select({ pairId: arenaVotes.pairId, key: arenaVotes.judgeKey })
          .from(arenaVotes)
          .where(and(eq(arenaVotes.studyId, studyId), eq(arenaVotes.judgeKind, "llm")))
          .all()
          .filter((v) => v.key.startsWith(prefix))
          .map((v) => `${v.pairId}\u0000${v.key}`),
      );
      const orders = pairs.flatMap((p) => [
        { pairId: p.id, leftIdeaId: p.a },
        { pairId: p.id, leftIdeaId: p.b },
      ]);
      const missing = orders.filter(
        (o) => !stored.has(`${o.pairId}\u0000${llmJudgeKey({ model, leftIdeaId: o.leftIdeaId })}`),
      );
      return {
        status: study.status,
        pairs: pairs.length,
        orders: orders.length,
        judged: orders.length - missing.length,
        missing,
      };
    }),
  );
}

/**
 * The items of a new LLM judging job: every scheduled pair in both orders, minus the orders this
 * model already judged. Refused outside the arena phase, without pairs, or with nothing left.
 */
export function planLlmJudging({ studyId, model }: { studyId: string; model: string }): LlmJudgingItem[] {
  const state = getLlmJudgingState({ studyId, model });
  if (state.status !== "arena") {
    throw new AppError(
      "conflict:phase",
      `The LLM judge runs during the arena phase; the study is in the ${state.status} phase.`,
    );
  }
  if (state.pairs === 0) {
    throw new AppError(
      "conflict:arena_no_pairs",
      "No pairs are scheduled yet: schedule pairs on the Arena setup page first.",
    );
  }
  if (state.missing.length === 0) {
    throw new AppError(
      "conflict:arena_llm_done",
      `${model} has already judged all ${plural(state.pairs, "scheduled pair")} in both orders.`,
    );
  }
  return state.missing;
}

/** A scheduled pair of this study, or undefined. */
export function getPairForLlmJudging({
  studyId,
  pairId,
}: {
  studyId: string;
  pairId: string;
}): { id: string; ideaAId: string; ideaBId: string } | undefined {
  return withDbErrors(() =>
    getDb()
      .select({ id: arenaPairs.id, ideaAId: arenaPairs.ideaAId, ideaBId: arenaPairs.ideaBId })
      .from(arenaPairs)
      .where(and(eq(arenaPairs.studyId, studyId), eq(arenaPairs.id, pairId)))
      .get(),
  );
}

export function hasLlmJudgment({ pairId, judgeKey }: { pairId: string; judgeKey: string }): boolean {
  return withDbErrors(
    () =>
      getDb()
        .select({ id: arenaVotes.id })
        .from(arenaVotes)
        .where(and(eq(arenaVotes.pairId, pairId), eq(arenaVotes.judgeKey, judgeKey)))
        .get() !== undefined,
  );
}

const judgmentErrors = {
  SQLITE_CONSTRAINT_FOREIGNKEY: () =>
    new AppError("not_found:arena_pair", "The pair or one of its ideas no longer exists."),
};

/**
 * Stores one LLM judgment of one order; a second store of the same order keeps the first
 * (created: false), so an item that runs again after a crash cannot add a duplicate match.
 */
export function saveLlmJudgment(input: {
  studyId: string;
  pairId: string;
  model: string;
  leftIdeaId: string;
  rightIdeaId: string;
  verdicts: Record<string, ArenaVerdict>;
  reasoning: string;
}): { id: string; created: boolean } {
  const judgeKey = llmJudgeKey({ model: input.model, leftIdeaId: input.leftIdeaId });
  return withDbErrors(
    () =>
      getDb().transaction(
        (tx) => {
          const inserted = tx
            .insert(arenaVotes)
            .values({
              studyId: input.studyId,
              pairId: input.pairId,
              judgeKey,
              judgeId: null,
              judgeKind: "llm",
              status: "voted",
              leftIdeaId: input.leftIdeaId,
              rightIdeaId: input.rightIdeaId,
              verdicts: input.verdicts,
              reasoning: input.reasoning,
              model: input.model,
            })
            .onConflictDoNothing({ target: [arenaVotes.pairId, arenaVotes.judgeKey] })
            .returning({ id: arenaVotes.id })
            .get();
          if (inserted) return { id: inserted.id, created: true };
          const existing = tx
            .select({ id: arenaVotes.id })
            .from(arenaVotes)
            .where(and(eq(arenaVotes.pairId, input.pairId), eq(arenaVotes.judgeKey, judgeKey)))
            .get();
          return { id: existing!.id, created: false };
        },
        { behavior: "immediate" },
      ),
    { map: judgmentErrors, action: "saving an LLM judgment" },
  );
}

export type LlmJudgmentRow = {
  id: string;
  model: string;
  leftCode: string;
  rightCode: string;
  verdicts: Record<string, ArenaVerdict>;
  reasoning: string;
  createdAt: number;
};

/** The newest LLM judgments, for the organizer to read the model's reasoning. */
export function listLlmJudgments({ studyId, limit }: { studyId: string; limit: number }): LlmJudgmentRow[] {
  const left = alias(ideas, "left_idea");
  const right = alias(ideas, "right_idea");
  return withDbErrors(() =>
    getDb()
      .select({
        id: arenaVotes.id,
        model: arenaVotes.model,
        leftCode: left.code,
        rightCode: right.code,
        verdicts: arenaVotes.verdicts,
        reasoning: arenaVotes.reasoning,
        createdAt: arenaVotes.createdAt,
      })
      .from(arenaVotes)
      .innerJoin(left, eq(left.id, arenaVotes.leftIdeaId))
      .innerJoin(right, eq(right.id, arenaVotes.rightIdeaId))
      .where(and(eq(arenaVotes.studyId, studyId), eq(arenaVotes.judgeKind, "llm")))
      .orderBy(desc(arenaVotes.createdAt), desc(arenaVotes.id))
      .limit(Math.min(Math.max(Math.trunc(limit), 1), 500))
      .all()
      .map((r) => ({ ...r, model: r.model ?? "", reasoning: r.reasoning ?? "" })),
  );
}
