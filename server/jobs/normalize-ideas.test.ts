import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import {
  commitIdeaImport,
  createDraftIdea,
  getIdeaForOrganizer,
  listIdeasForOrganizer,
  reviewNormalization,
  submitIdea,
  withdrawIdea,
} from "@/db/queries/ideas";
import { claimNextItems, completeItem } from "@/db/queries/job-items";
import { getJobProgress } from "@/db/queries/jobs";
import { advancePhase, getStudySettings, replaceTopics } from "@/db/queries/study-setup";
import { jobItems, llmCalls } from "@/db/schema";
import { makeStudy, makeUser } from "@/db/testing/fixtures";
import { at } from "@/lib/assert";
import { AppError } from "@/lib/errors";
import { DEFAULT_IDEA_TEMPLATE } from "@/lib/ideas/template";
import { withMockModelEnv } from "@/server/ai/testing/mock-model-env";
import { getJobHandler } from "@/server/jobs/registry";
import { JobRunner, retryJob } from "@/server/jobs/runner";
import { NORMALIZE_JOB_KIND, type NormalizeJobOutput, startNormalization } from "./normalize-ideas";

withMockModelEnv({
  LLM_CACHE: "false",
  // Non-retryable mock failures (MOCK_FAIL_ONCE_400) must fail the item on the first call.
  LLM_MAX_RETRIES: "0",
});

const runner = () => new JobRunner({ concurrency: 2, pollIntervalMs: 5 });

async function expectAppError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("expected an error");
}

/** Idea text written in a personal voice with numbers and names that must all survive. */
function ideaText(n: number, extra = ""): Record<string, string> {
  return Object.fromEntries(
    DEFAULT_IDEA_TEMPLATE.map((f) => [
      f.key,
      `I propose  idea ${n} for ${f.label}: my method uses GSM8K, MATH and 3.5% more   tokens.\n\n\n\nThen I compare with CoT (Wei et al., 2022).${extra}`,
    ]),
  );
}

function setup(count: number, extra: (i: number) => string = () => "") {
  const organizer = makeUser();
  const study = makeStudy({ organizer });
  const topic = at(
    replaceTopics({ studyId: study.id, actorId: organizer.id, items: [{ name: "Reasoning" }] }),
    0,
  );
  advancePhase({ studyId: study.id, actorId: organizer.id, to: "writing" });
  const ai = getStudySettings({ studyId: study.id }).conditions.find((c) => c.key === "AI")!;
  commitIdeaImport({
    studyId: study.id,
    importerId: organizer.id,
    fileName: "ai.jsonl",
    format: "jsonl",
    rows: Array.from({ length: count }, (_, i) => ({
      line: i + 1,
      topicId: topic.id,
      conditionId: ai.id,
      fields: ideaText(i + 1, extra(i)),
    })),
  });
  const ideas = listIdeasForOrganizer({ studyId: study.id });
  return { organizer, study, topic, ideas };
}

function llmCallsFor(jobId: string) {
  return getDb().select().from(llmCalls).where(eq(llmCalls.jobId, jobId)).all();
}

/** The documented mock rewrites: "I" → "we", "my" → "our"; words compared case-insensitively. */
function expectedTokens(text: string): string[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((t) =>
      t
        .replace(/\bI\b(?!['’])/g, "we")
        .replace(/\bmy\b/gi, "our")
        .toLowerCase(),
    );
}

describe("normalization job", () => {
  it("normalizes every submitted idea with the mock, keeping every word of the original", async () => {
    const { organizer, study, ideas } = setup(3);
    const job = await startNormalization({ studyId: study.id, actorId: organizer.id });
    expect(job).toMatchObject({ kind: NORMALIZE_JOB_KIND, studyId: study.id, createdBy: organizer.id });
    expect(listIdeasForOrganizer({ studyId: study.id }).map((i) => i.normalizationState)).toEqual([
      "pending",
      "pending",
      "pending",
    ]);

    await runner().runUntilIdle();

    expect(getJobProgress({ jobId: job.id })).toMatchObject({
      done: 3,
      error: 0,
      job: { status: "completed" },
    });
    for (const idea of ideas) {
      const after = getIdeaForOrganizer({ studyId: study.id, ideaId: idea.id })!;
      expect(after).toMatchObject({
        normalizationState: "done",
        normalizationReview: "unreviewed",
        reviewTextSource: null,
      });
      expect(after.fields).toEqual(idea.fields);
      for (const f of DEFAULT_IDEA_TEMPLATE) {
        const original = idea.fields[f.key];
        const normalized = after.normalizedFields?.[f.key];
        expect(original).toBeTypeOf("string");
        expect(normalized).not.toBe(original);
        expect(normalized?.startsWith("We propose idea")).toBe(true);
        const words = new Set(expectedTokens(normalized ?? ""));
        for (const token of expectedTokens(original ?? "")) expect(words).toContain(token);
      }
    }
    const calls = llmCallsFor(job.id);
    expect(calls).toHaveLength(3);
    expect(
      calls.every((c) => c.purpose === "normalization" && c.studyId === study.id && c.error === null),
    ).toBe(true);
  });

  it("resumes after a crash without redoing ideas that were finished", async () => {
    const { organizer, study, ideas } = setup(4);
    const job = await startNormalization({ studyId: study.id, actorId: organizer.id });
    const handler = getJobHandler(NORMALIZE_JOB_KIND)!;

    // A first process finishes two items, starts a third and dies before settling it.
    const claimed = claimNextItems({ jobId: job.id, limit: 3 });
    for (const item of claimed.slice(0, 2)) {
      const ctx = {
        jobId: job.id,
        itemId: item.id,
        seq: item.seq,
        attempt: item.attempt,
        studyId: study.id,
        params: { studyId: study.id },
        signal: new AbortController().signal,
      };
      const output = await handler.handle(item.input, ctx);
      completeItem({ itemId: item.id, attempt: item.attempt, output });
    }
    expect(llmCallsFor(job.id)).toHaveLength(2);

    const next = runner();
    next.start(); // recovers the item left running
    await next.runUntilIdle();
    await next.stop();

    expect(getJobProgress({ jobId: job.id })).toMatchObject({
      done: 4,
      error: 0,
      job: { status: "completed" },
    });
    const calls = llmCallsFor(job.id);
    expect(calls).toHaveLength(4);
    const states = ideas.map(
      (i) => getIdeaForOrganizer({ studyId: study.id, ideaId: i.id })!.normalizationState,
    );
    expect(states).toEqual(["done", "done", "done", "done"]);
    const attempts = getDb()
      .select({ seq: jobItems.seq, attempts: jobItems.attempts })
      .from(jobItems)
      .where(eq(jobItems.jobId, job.id))
      .all()
      .sort((a, b) => a.seq - b.seq)
      .map((r) => r.attempts);
    expect(attempts).toEqual([1, 1, 2, 1]);
  });

  it("records a per-idea error and succeeds on retry, redoing only the failed idea", async () => {
    const { organizer, study, ideas } = setup(3, (i) => (i === 1 ? " MOCK_FAIL_ONCE_400" : ""));
    const job = await startNormalization({ studyId: study.id, actorId: organizer.id });
    await runner().runUntilIdle();

    expect(getJobProgress({ jobId: job.id })).toMatchObject({
      done: 2,
      error: 1,
      job: { status: "completed" },
    });
    const failed = getIdeaForOrganizer({ studyId: study.id, ideaId: at(ideas, 1).id })!;
    expect(failed.normalizationState).toBe("error");
    expect(failed.normalizationError).toEqual(expect.stringContaining("400"));
    expect(failed.normalizedFields).toBeNull();

    expect(retryJob({ jobId: job.id })).toEqual({ retried: 1 });
    await runner().runUntilIdle();

    expect(getJobProgress({ jobId: job.id })).toMatchObject({ done: 3, error: 0 });
    expect(getIdeaForOrganizer({ studyId: study.id, ideaId: at(ideas, 1).id })).toMatchObject({
      normalizationState: "done",
      normalizationError: null,
    });
    const calls = llmCallsFor(job.id);
    expect(calls).toHaveLength(4);
    expect(calls.filter((c) => c.error !== null)).toHaveLength(1);
  });

  it("skips an idea withdrawn after the job was queued, without calling the model for it", async () => {
    const organizer = makeUser();
    const writer = makeUser();
    const study = makeStudy({ organizer });
    const topic = at(replaceTopics({ studyId: study.id, actorId: organizer.id, items: [{ name: "T" }] }), 0);
    advancePhase({ studyId: study.id, actorId: organizer.id, to: "writing" });
    const idea = createDraftIdea({ studyId: study.id, authorId: writer.id, topicId: topic.id });
    submitIdea({
      studyId: idea.studyId,
      ideaId: idea.id,
      authorId: writer.id,
      expectedVersion: 1,
      fields: ideaText(1),
      attested: false,
    });
    const job = await startNormalization({ studyId: study.id, actorId: organizer.id });
    withdrawIdea({ studyId: idea.studyId, ideaId: idea.id, authorId: writer.id });

    await runner().runUntilIdle();

    const progress = getJobProgress({ jobId: job.id, includeItems: true, includeOutput: true })!;
    expect(progress.items?.[0]?.output as NormalizeJobOutput).toEqual({
      ideaId: idea.id,
      outcome: "skipped",
      reason: "The idea is withdrawn.",
    });
    expect(llmCallsFor(job.id)).toEqual([]);
  });

  it("by default leaves finished ideas alone; an explicit selection redoes them and clears the decision", async () => {
    const { organizer, study, ideas } = setup(2);
    const first = await startNormalization({ studyId: study.id, actorId: organizer.id });
    await runner().runUntilIdle();
    reviewNormalization({ studyId: study.id, ideaId: at(ideas, 0).id, decision: "accept" });

    const none = await expectAppError(startNormalization({ studyId: study.id, actorId: organizer.id }));
    expect(none.code).toBe("conflict:normalization");
    expect(none.message).toBe("There are no submitted ideas left to normalize.");

    const again = await startNormalization({
      studyId: study.id,
      actorId: organizer.id,
      ideaIds: [at(ideas, 0).id],
    });
    expect(getJobProgress({ jobId: again.id })!.total).toBe(1);
    expect(getIdeaForOrganizer({ studyId: study.id, ideaId: at(ideas, 0).id })).toMatchObject({
      normalizationState: "pending",
      normalizationReview: "unreviewed",
      reviewTextSource: null,
    });
    expect(getIdeaForOrganizer({ studyId: study.id, ideaId: at(ideas, 1).id })!.normalizationState).toBe(
      "done",
    );

    // Only one normalization job at a time.
    const busy = await expectAppError(
      startNormalization({ studyId: study.id, actorId: organizer.id, ideaIds: [at(ideas, 1).id] }),
    );
    expect(busy.message).toBe(
      "A normalization job is already running for this study; wait for it to finish or cancel it.",
    );
    await runner().runUntilIdle();
    expect(llmCallsFor(first.id)).toHaveLength(2);
    expect(llmCallsFor(again.id)).toHaveLength(1);
  });

  it("refuses unknown ideas and studies outside writing and normalization", async () => {
    const { organizer, study, ideas } = setup(1);
    const unknown = await expectAppError(
      startNormalization({ studyId: study.id, actorId: organizer.id, ideaIds: [crypto.randomUUID()] }),
    );
    expect(unknown.message).toBe("1 of the selected ideas is not a submitted idea of this study.");

    const inSetup = makeStudy({ organizer });
    const phase = await expectAppError(startNormalization({ studyId: inSetup.id, actorId: organizer.id }));
    expect(phase.code).toBe("conflict:phase");
    expect(phase.message).toBe(
      "Normalization runs during writing or normalization; the study is in the setup phase.",
    );
    // Refused before anything was queued or sent to a model.
    expect(getDb().select().from(llmCalls).where(eq(llmCalls.studyId, study.id)).all()).toEqual([]);
    expect(getIdeaForOrganizer({ studyId: study.id, ideaId: at(ideas, 0).id })!.normalizationState).toBe(
      "none",
    );
  });
});
