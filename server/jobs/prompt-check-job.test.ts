import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { getJobProgress, listJobs } from "@/db/queries/jobs";
import { llmCalls } from "@/db/schema";
import { resetTestDb } from "@/db/testing/db";
import { DEFAULT_CHECK_PROMPTS, PROMPT_CHECK_JOB_KIND, startPromptCheckJob } from "./prompt-check-job";
import { JobRunner } from "./runner";

// The deterministic mock provider stands in for a real model, end to end through server/ai/generate.
vi.stubEnv("LLM_PROVIDER", "mock");

beforeEach(() => {
  resetTestDb();
});

describe("test job", () => {
  it("sends each prompt to the model once and stores the replies, logging the calls against the job", async () => {
    const job = await startPromptCheckJob({ createdBy: null, prompts: ["Say hello.", "Say goodbye."] });
    expect(job.kind).toBe(PROMPT_CHECK_JOB_KIND);

    await new JobRunner({ concurrency: 2, pollIntervalMs: 5 }).runUntilIdle();

    const progress = getJobProgress({ jobId: job.id, includeItems: true, includeOutput: true })!;
    expect(progress).toMatchObject({ total: 2, done: 2, error: 0, job: { status: "completed" } });
    for (const item of progress.items!) {
      expect(item.output).toEqual({ reply: expect.any(String) });
      expect((item.output as { reply: string }).reply.length).toBeGreaterThan(0);
    }
    const calls = getDb().select().from(llmCalls).where(eq(llmCalls.jobId, job.id)).all();
    expect(calls.map((c) => c.purpose)).toEqual(["test-job", "test-job"]);
  });

  it("uses the default prompts when none are given", async () => {
    const job = await startPromptCheckJob({ createdBy: null });
    expect(getJobProgress({ jobId: job.id })!.total).toBe(DEFAULT_CHECK_PROMPTS.length);
    expect(DEFAULT_CHECK_PROMPTS.length).toBeGreaterThanOrEqual(3);
  });

  it("rejects an empty prompt before anything is stored", async () => {
    await expect(startPromptCheckJob({ createdBy: null, prompts: ["fine", "  "] })).rejects.toThrow(
      /^Item 2: prompt: /,
    );
    expect(listJobs({ limit: 10 })).toEqual([]);
  });
});
