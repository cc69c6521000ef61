import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { getJobProgress, listJobs } from "@/db/queries/jobs";
import { llmCalls } from "@/db/schema";
import { resetTestDb } from "@/lib/testing/db";
import { JobRunner } from "./runner";
import { DEFAULT_TEST_PROMPTS, startTestJob, TEST_JOB_KIND } from "./test-job";

// The deterministic mock provider stands in for a real model, end to end through lib/ai/generate.
vi.stubEnv("LLM_PROVIDER", "mock");

beforeEach(() => {
  resetTestDb();
});

describe("test job", () => {
  it("sends each prompt to the model once and stores the replies, logging the calls against the job", async () => {
    const job = await startTestJob({ createdBy: null, prompts: ["Say hello.", "Say goodbye."] });
    expect(job.kind).toBe(TEST_JOB_KIND);

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
    const job = await startTestJob({ createdBy: null });
    expect(getJobProgress({ jobId: job.id })!.total).toBe(DEFAULT_TEST_PROMPTS.length);
    expect(DEFAULT_TEST_PROMPTS.length).toBeGreaterThanOrEqual(3);
  });

  it("rejects an empty prompt before anything is stored", async () => {
    await expect(startTestJob({ createdBy: null, prompts: ["fine", "  "] })).rejects.toThrow(
      /^Item 2: prompt: /,
    );
    expect(listJobs({ limit: 10 })).toEqual([]);
  });
});
