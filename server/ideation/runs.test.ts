import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { createDraftIdea, submitIdea } from "@/db/queries/ideas";
import { listRunCallCosts } from "@/db/queries/ideation-calls";
import { getIdeationRun, listRunJobItems } from "@/db/queries/ideation-runs";
import { listCheckpointKeys } from "@/db/queries/ideation-steps";
import { getJob } from "@/db/queries/jobs";
import { conditions, generatedIdeas, ideas, users } from "@/db/schema";
import { makeUser } from "@/db/testing/fixtures";
import { makeIdeationStudy } from "@/db/testing/ideation-fixtures";
import { fullFields } from "@/db/testing/review-fixtures";
import { AppError } from "@/lib/errors";
import { withMockModelEnv } from "@/server/ai/testing/mock-model-env";
import { JobRunner } from "@/server/jobs/runner";
import "@/server/jobs/ideation-run";
import { cancelIdeationRun, resumeIdeationRun, startIdeationRun } from "./runs";

withMockModelEnv({ LLM_CACHE: "true", LLM_MAX_RETRIES: "0", LITERATURE_OFFLINE: "true" });

const runner = () => new JobRunner({ concurrency: 2, pollIntervalMs: 5 });

/** The checkpoint key ("agentIndex/topicId/key") of the step a call belonged to. */
const stepOf = (c: { agentIndex: number; topicId: string; stage: string; candidate: string | null }) =>
  `${c.agentIndex}/${c.topicId}/${c.candidate && c.stage !== "rank" ? `${c.candidate}:${c.stage}` : c.stage === "reading" ? "readings" : c.stage}`;

function start(extra: Partial<Parameters<typeof startIdeationRun>[0]["input"]> = {}, topicNames?: string[]) {
  const s = makeIdeationStudy({ topicNames });
  const input = {
    agents: [{ agent: "coi" as const, conditionKey: "CoI", params: { k: 2 } }],
    topicMode: "chosen" as const,
    topicIds: s.topics.map((t) => t.id),
    n: 1,
    model: "gpt-4o-mini",
    budgetUsd: 5,
    ...extra,
  };
  return { ...s, input };
}

describe("ideation runs", () => {
  it("runs CoI over two topics and writes the kept ideas into the new condition, authored by the agent", async () => {
    const s = start();
    const run = await startIdeationRun({ studyId: s.study.id, actorId: s.organizer.id, input: s.input });
    await runner().runUntilIdle();
    const job = getJob({ jobId: run.jobId ?? "" });
    const items = listRunJobItems({ jobIds: run.jobIds });
    expect(items.map((i) => i.error)).toEqual([null, null]);
    expect(job?.status).toBe("completed");
    const condition = getDb().select().from(conditions).where(eq(conditions.key, "CoI")).get();
    expect(condition?.isBaseline).toBe(false);
    const written = getDb()
      .select()
      .from(ideas)
      .where(eq(ideas.conditionId, condition?.id ?? ""))
      .all();
    expect(written).toHaveLength(2);
    expect(written.every((i) => i.status === "submitted" && i.provenance === "generated")).toBe(true);
    const author = getDb()
      .select()
      .from(users)
      .where(eq(users.id, written[0]?.authorId ?? ""))
      .get();
    expect(author?.name).toBe("Chain-of-Ideas agent");
    expect(author?.disabledAt).not.toBeNull();
    const prov = getDb().select().from(generatedIdeas).all();
    expect(prov).toHaveLength(2);
    expect(prov[0]?.provenance).toMatchObject({ agent: "coi", chain: { nodes: expect.any(Array) } });
    const stages = new Set(listRunCallCosts({ runId: run.id }).map((c) => c.stage));
    expect([...stages].sort()).toEqual(
      [
        "chains",
        "direction",
        "experiment",
        "idea",
        "novelty",
        "rank",
        "reading",
        "refine",
        "template",
        "trend",
      ].sort(),
    );
  });

  it("refuses bad input naming the field, writing nothing", async () => {
    const s = start();
    const bad = { ...s.input, n: 0, budgetUsd: -1, topicIds: [] };
    const error = await startIdeationRun({ studyId: s.study.id, actorId: s.organizer.id, input: bad }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(Object.keys((error as AppError).fieldErrors ?? {}).sort()).toEqual(["budgetUsd", "n", "topicIds"]);
    expect(getDb().select().from(conditions).where(eq(conditions.key, "CoI")).get()).toBeUndefined();
  });

  it("cancel stops the run; resume finishes it without redoing finished steps", async () => {
    // The mock model waits 10 ms per call on these topics, so the run is still going when cancelled.
    const s = start({}, ["Machine translation MOCK_SLOW_MS=10", "Dependency parsing MOCK_SLOW_MS=10"]);
    const run = await startIdeationRun({ studyId: s.study.id, actorId: s.organizer.id, input: s.input });
    const done = runner().runUntilIdle();
    await vi.waitFor(() => expect(listCheckpointKeys({ runId: run.id }).length).toBeGreaterThan(2), {
      interval: 2,
      timeout: 10_000,
    });
    cancelIdeationRun({ studyId: s.study.id, runId: run.id });
    await done;
    expect(getJob({ jobId: run.jobId ?? "" })?.status).toBe("cancelled");
    const callsBefore = listRunCallCosts({ runId: run.id }).length;
    const finishedBefore = new Set(listCheckpointKeys({ runId: run.id }));
    expect(finishedBefore.size).toBeGreaterThan(2);
    const resumed = await resumeIdeationRun({ studyId: s.study.id, runId: run.id, actorId: s.organizer.id });
    await runner().runUntilIdle();
    expect(getJob({ jobId: resumed.jobId ?? "" })?.status).toBe("completed");
    expect(getIdeationRun({ studyId: s.study.id, runId: run.id }).jobIds).toHaveLength(2);
    expect(getDb().select().from(generatedIdeas).all()).toHaveLength(2);
    // No call after the resume belongs to a step that was finished before it.
    const after = listRunCallCosts({ runId: run.id }).slice(callsBefore);
    expect(after.length).toBeGreaterThan(0);
    expect(after.map(stepOf).filter((k) => finishedBefore.has(k))).toEqual([]);
  });

  it("after a restart mid-run, a new runner finishes it without redoing finished steps", async () => {
    const s = start({}, ["Machine translation MOCK_SLOW_MS=10", "Dependency parsing MOCK_SLOW_MS=10"]);
    const run = await startIdeationRun({ studyId: s.study.id, actorId: s.organizer.id, input: s.input });
    const first = runner();
    const idle = first.runUntilIdle();
    await vi.waitFor(() => expect(listCheckpointKeys({ runId: run.id }).length).toBeGreaterThan(2), {
      interval: 2,
      timeout: 10_000,
    });
    // The process goes away: in-flight items go back to pending, as after a crash and recovery.
    await first.stop();
    await idle;
    expect(getJob({ jobId: run.jobId ?? "" })?.status).toBe("running");
    const finishedBefore = new Set(listCheckpointKeys({ runId: run.id }));
    const callsBefore = listRunCallCosts({ runId: run.id }).length;
    await runner().runUntilIdle();
    expect(getJob({ jobId: run.jobId ?? "" })?.status).toBe("completed");
    expect(getDb().select().from(generatedIdeas).all()).toHaveLength(2);
    const after = listRunCallCosts({ runId: run.id }).slice(callsBefore);
    expect(after.map(stepOf).filter((k) => finishedBefore.has(k))).toEqual([]);
  });

  it("matching the human mix plans as many ideas per topic as people submitted (agents' ideas not counted)", async () => {
    const s = start();
    const [mt, dp] = s.topics;
    if (!mt || !dp) throw new Error("fixture has two topics");
    const writer = makeUser({ name: "Writer" });
    for (let i = 0; i < 2; i++) {
      const draft = createDraftIdea({ studyId: s.study.id, authorId: writer.id, topicId: mt.id });
      submitIdea({
        studyId: s.study.id,
        ideaId: draft.id,
        authorId: writer.id,
        expectedVersion: draft.version,
        fields: fullFields(`human ${i}`),
        attested: true,
      });
    }
    const first = await startIdeationRun({ studyId: s.study.id, actorId: s.organizer.id, input: s.input });
    await runner().runUntilIdle();
    expect(getDb().select().from(generatedIdeas).all().length).toBeGreaterThan(0);
    const matched = await startIdeationRun({
      studyId: s.study.id,
      actorId: s.organizer.id,
      input: {
        ...s.input,
        agents: [{ agent: "coi", conditionKey: "CoI2", params: { k: 2 } }],
        topicMode: "match",
        topicIds: [],
      },
    });
    expect(first.topics).toHaveLength(2);
    expect(matched.topics).toEqual([{ topicId: mt.id, n: 2 }]);
  });
});
