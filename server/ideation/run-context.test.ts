import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { getDb } from "@/db/client";
import { listRunCallCosts, runSpentUsd } from "@/db/queries/ideation-calls";
import { createIdeationRun, getIdeationRunById } from "@/db/queries/ideation-runs";
import { createStudyPaperStore } from "@/db/queries/literature/paper-store";
import { ideationCalls, llmCalls } from "@/db/schema";
import { makeIdeationStudy } from "@/db/testing/ideation-fixtures";
import { at } from "@/lib/assert";
import { DEFAULT_IDEA_TEMPLATE } from "@/lib/ideas/template";
import { BudgetExceededError } from "@/lib/ideation/agent-types";
import { withMockModelEnv } from "@/server/ai/testing/mock-model-env";
import { createRunContext } from "./run-context";

withMockModelEnv({
  LLM_CACHE: "true",
  LLM_MAX_RETRIES: "0",
});

const answer = z.object({ answer: z.string() });

function setup({ budgetUsd = 1, model = "gpt-4o-mini" } = {}) {
  const { study, topics, organizer } = makeIdeationStudy();
  const topic = at(topics, 0);
  const run = createIdeationRun({
    studyId: study.id,
    createdBy: organizer.id,
    agents: [{ agent: "coi", conditionKey: "CoI", conditionId: null, params: {} }],
    topics: [{ topicId: topic.id, n: 1 }],
    topicMode: "chosen",
    model,
    budgetUsd,
    seed: 1,
    keep: "best",
  });
  const context = (signal = new AbortController().signal) =>
    createRunContext({
      run,
      jobId: null,
      agentIndex: 0,
      agent: "coi",
      topic: { id: topic.id, name: topic.name, description: "" },
      template: DEFAULT_IDEA_TEMPLATE,
      n: 1,
      before: null,
      params: {},
      store: createStudyPaperStore({ studyId: study.id, before: null }),
      signal,
    });
  return { run, context };
}

describe("run context: llm", () => {
  it("records each call with stage, candidate, prompt and output, costed through llm_calls", async () => {
    const { run, context } = setup();
    const ctx = context();
    const out = await ctx.llm({ stage: "idea", candidate: "c1", prompt: "Say something.", schema: answer });
    expect(typeof out.answer).toBe("string");
    const [call] = getDb().select().from(ideationCalls).where(eq(ideationCalls.runId, run.id)).all();
    expect(call).toMatchObject({ stage: "idea", candidate: "c1", prompt: "Say something.", error: null });
    expect(JSON.parse(call?.output ?? "")).toEqual(out);
    const logged = getDb()
      .select()
      .from(llmCalls)
      .where(eq(llmCalls.id, call?.llmCallId ?? ""))
      .get();
    expect(logged).toMatchObject({
      purpose: "ideation:coi:idea",
      model: "gpt-4o-mini",
      studyId: run.studyId,
    });
    expect(logged?.costUsd).toBeGreaterThan(0);
    expect(runSpentUsd({ runId: run.id })).toBeCloseTo(logged?.costUsd ?? -1, 12);
  });

  it("a call that fails is recorded with its error and linked to its costed llm_calls row", async () => {
    const { run, context } = setup();
    const ctx = context();
    await expect(
      ctx.llm({ stage: "idea", candidate: "c1", prompt: "MOCK_INVALID_JSON please.", schema: answer }),
    ).rejects.toThrow();
    const [call] = getDb().select().from(ideationCalls).where(eq(ideationCalls.runId, run.id)).all();
    expect(call?.error).toBeTruthy();
    expect(call?.llmCallId).toBeTruthy();
    const logged = getDb()
      .select()
      .from(llmCalls)
      .where(eq(llmCalls.id, call?.llmCallId ?? ""))
      .get();
    expect(logged?.error).toBeTruthy();
    expect(logged?.costUsd).toBeGreaterThan(0);
    // The failed call's tokens count towards the run's spend (and so towards its budget).
    expect(runSpentUsd({ runId: run.id })).toBeCloseTo(logged?.costUsd ?? -1, 12);
  });

  it("stops at the budget: the call that could pass it throws BudgetExceededError and marks the run", async () => {
    const { run, context } = setup({ budgetUsd: 0.0004 });
    const ctx = context();
    let made = 0;
    let error: unknown;
    for (let i = 0; i < 100; i++) {
      try {
        await ctx.llm({
          stage: "idea",
          candidate: null,
          prompt: `Idea number ${i}. ${"x".repeat(400)}`,
          schema: answer,
        });
        made++;
      } catch (e) {
        error = e;
        break;
      }
    }
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect(made).toBeGreaterThan(0);
    expect(runSpentUsd({ runId: run.id })).toBeLessThanOrEqual(0.0004);
    expect(getIdeationRunById(run.id)?.budgetStoppedAt).not.toBeNull();
    // The refused call made no model call.
    expect(getDb().select().from(ideationCalls).where(eq(ideationCalls.runId, run.id)).all()).toHaveLength(
      made,
    );
  });

  it("a cancelled signal stops before any model call", async () => {
    const { run, context } = setup();
    const controller = new AbortController();
    controller.abort(new DOMException("cancelled", "AbortError"));
    await expect(
      context(controller.signal).llm({ stage: "idea", candidate: null, prompt: "p", schema: answer }),
    ).rejects.toThrow();
    expect(getDb().select().from(ideationCalls).where(eq(ideationCalls.runId, run.id)).all()).toHaveLength(0);
  });

  it("a cached rerun of the same prompt costs $0 and is counted as cached", async () => {
    const { run, context } = setup();
    await context().llm({ stage: "idea", candidate: null, prompt: "Same prompt.", schema: answer });
    const spent = runSpentUsd({ runId: run.id });
    await context().llm({ stage: "idea", candidate: null, prompt: "Same prompt.", schema: answer });
    expect(runSpentUsd({ runId: run.id })).toBe(spent);
    const rows = listRunCallCosts({ runId: run.id });
    expect(rows.map((r) => r.cached)).toEqual([false, true]);
    expect(rows[1]?.costUsd).toBe(0);
  });
});

describe("run context: steps", () => {
  it("a step runs once; a later context (resume) gets the stored result without running it", async () => {
    const { context } = setup();
    const first = vi.fn(async () => ({ trend: "t", n: 1 }));
    expect(await context().step("c1:trend", first)).toEqual({ trend: "t", n: 1 });
    const again = vi.fn(async () => ({ trend: "other", n: 2 }));
    expect(await context().step("c1:trend", again)).toEqual({ trend: "t", n: 1 });
    expect(first).toHaveBeenCalledTimes(1);
    expect(again).not.toHaveBeenCalled();
  });

  it("a step that throws stores nothing, so resume runs it again", async () => {
    const { context } = setup();
    await expect(context().step("k", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await context().step("k", async () => "ok")).toBe("ok");
  });
});
