import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { saveLlmJudgment } from "@/db/queries/arena-llm";
import { getJobProgress } from "@/db/queries/jobs";
import { advancePhase } from "@/db/queries/study-setup";
import { arenaVotes, ideas, jobItems, llmCalls, studies } from "@/db/schema";
import { addArenaPair, makeArenaStudy } from "@/db/testing/arena-results-fixtures";
import { makeReviewStudy } from "@/db/testing/review-fixtures";
import { DEFAULT_ARENA_CONFIG } from "@/lib/arena/types";
import { resetEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { withMockModelEnv } from "@/server/ai/testing/mock-model-env";
import { getJobHandler } from "@/server/jobs/registry";
import { JobRunner, retryJob } from "@/server/jobs/runner";
import {
  ARENA_JUDGE_JOB_KIND,
  ARENA_JUDGE_PURPOSE,
  type ArenaJudgeOutput,
  startLlmJudging,
} from "./arena-judge";

withMockModelEnv({
  LLM_CACHE: "false",
  // Invalid answers must fail the item at once instead of waiting for backoff.
  LLM_MAX_RETRIES: "0",
});

const runner = () => new JobRunner({ concurrency: 2, pollIntervalMs: 5 });
const criteriaKeys = DEFAULT_ARENA_CONFIG.criteria.map((c) => c.key);

function llmVotes(studyId: string) {
  return getDb()
    .select()
    .from(arenaVotes)
    .where(and(eq(arenaVotes.studyId, studyId), eq(arenaVotes.judgeKind, "llm")))
    .all();
}

function llmCallCount(jobId: string) {
  return getDb().select().from(llmCalls).where(eq(llmCalls.jobId, jobId)).all().length;
}

async function expectAppError(p: Promise<unknown>, code: string) {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/** Puts a mock hook into an idea's review text (the review fixture uses the original fields). */
function addToIdeaText(ideaId: string, text: string) {
  const row = getDb().select({ fields: ideas.fields }).from(ideas).where(eq(ideas.id, ideaId)).get()!;
  getDb()
    .update(ideas)
    .set({ fields: { ...row.fields, problem: `${row.fields.problem} ${text}` } })
    .where(eq(ideas.id, ideaId))
    .run();
}

describe("the arena_judge job", () => {
  it("judges every scheduled pair in both orders and stores each order as an LLM vote", async () => {
    const { organizer, study, pairs } = makeArenaStudy({ ideasPerCell: 2 });
    expect(pairs).toHaveLength(12);
    const job = await startLlmJudging({ studyId: study.id, actorId: organizer.id });
    expect(job).toMatchObject({ kind: ARENA_JUDGE_JOB_KIND, studyId: study.id, params: { model: "mock" } });

    await runner().runUntilIdle();

    expect(getJobProgress({ jobId: job.id })).toMatchObject({ total: 24, done: 24, error: 0 });
    const votes = llmVotes(study.id);
    expect(votes).toHaveLength(24);
    for (const pair of pairs) {
      const mine = votes.filter((v) => v.pairId === pair.id);
      expect(mine.map((v) => [v.leftIdeaId, v.rightIdeaId]).sort()).toEqual(
        [
          [pair.ideaAId, pair.ideaBId],
          [pair.ideaBId, pair.ideaAId],
        ].sort(),
      );
      for (const v of mine) {
        expect(v).toMatchObject({ status: "voted", model: "mock", judgeId: null });
        expect(v.judgeKey).toBe(`llm:mock:${v.leftIdeaId}`);
        expect(Object.keys(v.verdicts)).toEqual(criteriaKeys);
        for (const verdict of Object.values(v.verdicts)) expect(["a", "b", "tie"]).toContain(verdict);
        expect(v.reasoning).toMatch(/^Mock judgment\. On novelty/);
      }
    }
    const calls = getDb().select().from(llmCalls).where(eq(llmCalls.jobId, job.id)).all();
    expect(calls).toHaveLength(24);
    expect(calls.every((c) => c.purpose === ARENA_JUDGE_PURPOSE && c.studyId === study.id)).toBe(true);
    // The swap matters: with the mock's position noise, some orders of a pair disagree.
    const flips = pairs.filter((pair) => {
      const [x, y] = votes.filter((v) => v.pairId === pair.id);
      return criteriaKeys.some((k) => {
        const swapped = { a: "b", b: "a", tie: "tie" }[y!.verdicts[k]!];
        return x!.verdicts[k] !== swapped;
      });
    });
    expect(flips.length).toBeGreaterThan(0);
  });

  it("is idempotent per order: an item that runs again stores nothing and calls no model", async () => {
    const { organizer, study, pairs } = makeArenaStudy();
    const job = await startLlmJudging({ studyId: study.id, actorId: organizer.id });
    await runner().runUntilIdle();
    expect(llmVotes(study.id)).toHaveLength(4);
    const calls = llmCallCount(job.id);

    // As after a crash between storing the vote and settling the item.
    const handler = getJobHandler(ARENA_JUDGE_JOB_KIND)!;
    const pair = pairs[0]!;
    const ctx = {
      jobId: job.id,
      itemId: "again",
      seq: 0,
      attempt: 2,
      studyId: study.id,
      params: { studyId: study.id, model: "mock" },
      signal: new AbortController().signal,
    };
    const output = (await handler.handle(
      { pairId: pair.id, leftIdeaId: pair.ideaBId },
      ctx,
    )) as ArenaJudgeOutput;
    expect(output).toMatchObject({ outcome: "skipped", reason: "mock has already judged this order." });
    expect(llmVotes(study.id)).toHaveLength(4);
    expect(llmCallCount(job.id)).toBe(calls);

    // Storing the same order twice keeps the first judgment.
    const first = llmVotes(study.id).find((v) => v.pairId === pair.id && v.leftIdeaId === pair.ideaAId)!;
    const again = saveLlmJudgment({
      studyId: study.id,
      pairId: pair.id,
      model: "mock",
      leftIdeaId: pair.ideaAId,
      rightIdeaId: pair.ideaBId,
      verdicts: { novelty: "tie" },
      reasoning: "other",
    });
    expect(again).toEqual({ id: first.id, created: false });
    expect(llmVotes(study.id).find((v) => v.id === first.id)?.verdicts).toEqual(first.verdicts);
  });

  it("resumes: a new start enqueues only the orders not yet judged, and refuses when none are left", async () => {
    const { organizer, study, ideas: studyIdeas } = makeArenaStudy();
    await startLlmJudging({ studyId: study.id, actorId: organizer.id });
    await runner().runUntilIdle();
    await expectAppError(
      startLlmJudging({ studyId: study.id, actorId: organizer.id }),
      "conflict:arena_llm_done",
    );

    // A later schedule round adds a cross-topic pair: only its two orders are new.
    const pair = addArenaPair({ studyId: study.id, ideaAId: studyIdeas[0]!.id, ideaBId: studyIdeas[3]!.id });
    const job = await startLlmJudging({ studyId: study.id, actorId: organizer.id });
    expect(getJobProgress({ jobId: job.id, includeItems: true })?.total).toBe(2);
    await runner().runUntilIdle();
    const votes = llmVotes(study.id).filter((v) => v.pairId === pair.id);
    expect(votes.map((v) => v.leftIdeaId).sort()).toEqual([pair.ideaAId, pair.ideaBId].sort());
    expect(llmVotes(study.id)).toHaveLength(6);
  });

  it.each([["MOCK_BAD_VERDICT"], ["MOCK_INVALID_JSON"]])(
    "fails the items whose answer is invalid (%s) without storing a vote, never as a tie; retry recovers",
    async (hook) => {
      const { organizer, study, pairs } = makeArenaStudy();
      const bad = pairs[0]!;
      addToIdeaText(bad.ideaAId, hook);
      const job = await startLlmJudging({ studyId: study.id, actorId: organizer.id });
      await runner().runUntilIdle();

      const progress = getJobProgress({ jobId: job.id, includeItems: true })!;
      expect(progress).toMatchObject({ total: 4, done: 2, error: 2, job: { status: "completed" } });
      for (const item of progress.items!.filter((i) => i.status === "error")) {
        expect(item.error).toMatch(/^The model's answer did not match the expected format/);
      }
      const votes = llmVotes(study.id);
      expect(votes).toHaveLength(2);
      expect(votes.some((v) => v.pairId === bad.id)).toBe(false);

      // Fixed text, then "retry failed items": only the two failed orders run again.
      const row = getDb()
        .select({ fields: ideas.fields })
        .from(ideas)
        .where(eq(ideas.id, bad.ideaAId))
        .get()!;
      getDb()
        .update(ideas)
        .set({ fields: { ...row.fields, problem: row.fields.problem!.replace(hook, "") } })
        .where(eq(ideas.id, bad.ideaAId))
        .run();
      expect(retryJob({ jobId: job.id })).toEqual({ retried: 2 });
      await runner().runUntilIdle();
      expect(getJobProgress({ jobId: job.id })).toMatchObject({ done: 4, error: 0 });
      expect(llmVotes(study.id).filter((v) => v.pairId === bad.id)).toHaveLength(2);
      expect(getDb().select().from(jobItems).where(eq(jobItems.jobId, job.id)).all()).toHaveLength(4);
    },
  );

  it("skips an order whose idea was withdrawn after scheduling", async () => {
    const { organizer, study, pairs } = makeArenaStudy();
    const job = await startLlmJudging({ studyId: study.id, actorId: organizer.id });
    getDb().update(ideas).set({ status: "withdrawn" }).where(eq(ideas.id, pairs[0]!.ideaBId)).run();
    await runner().runUntilIdle();
    const progress = getJobProgress({ jobId: job.id, includeItems: true, includeOutput: true })!;
    expect(progress).toMatchObject({ done: 4, error: 0 });
    const skipped = progress.items!.filter((i) => (i.output as ArenaJudgeOutput).outcome === "skipped");
    expect(skipped).toHaveLength(2);
    expect(llmVotes(study.id)).toHaveLength(2);
  });

  it.each([
    ["without a configured provider", "none", "unavailable:llm"],
    ["outside the arena phase", "mock", "conflict:phase"],
    ["without scheduled pairs", "mock", "conflict:arena_no_pairs"],
  ])("refuses to start %s, writing nothing", async (name, provider, code) => {
    vi.stubEnv("LLM_PROVIDER", provider);
    resetEnvForTests();
    let studyId: string;
    let actorId: string;
    if (name === "outside the arena phase") {
      const { study, organizer } = makeArenaStudy();
      advancePhase({
        studyId: study.id,
        actorId: organizer.id,
        to: "reviewing",
        reason: "more reviews",
        confirmed: true,
      });
      [studyId, actorId] = [study.id, organizer.id];
    } else if (name === "without scheduled pairs") {
      const { study, organizer } = makeReviewStudy({ reviewerCount: 0 });
      [studyId, actorId] = [study.id, organizer.id];
      getDb().update(studies).set({ status: "arena" }).where(eq(studies.id, study.id)).run();
    } else {
      const { study, organizer } = makeArenaStudy();
      [studyId, actorId] = [study.id, organizer.id];
    }
    await expectAppError(startLlmJudging({ studyId, actorId }), code);
    expect(getDb().select().from(jobItems).all()).toHaveLength(0);
  });

  it("refuses a second start while a judging job is queued", async () => {
    const { organizer, study } = makeArenaStudy();
    await startLlmJudging({ studyId: study.id, actorId: organizer.id });
    await expectAppError(
      startLlmJudging({ studyId: study.id, actorId: organizer.id }),
      "conflict:arena_llm_running",
    );
  });
});
