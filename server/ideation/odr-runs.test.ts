import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { listRunCallCosts } from "@/db/queries/ideation-calls";
import { getIdeationRun, listRunJobItems } from "@/db/queries/ideation-runs";
import { listMetricPoints } from "@/db/queries/ideation-steps";
import { conditions, generatedIdeas, ideas, llmCalls } from "@/db/schema";
import { makeIdeationStudy } from "@/db/testing/ideation-fixtures";
import { withMockModelEnv } from "@/server/ai/testing/mock-model-env";
import { JobRunner } from "@/server/jobs/runner";
import "@/server/jobs/ideation-run";
import { getArenaConfig } from "@/db/queries/arena-config";
import { getStudySettings } from "@/db/queries/study-settings";
import { fullFields } from "@/db/testing/review-fixtures";
import { arenaAfterIdeationPlan, scheduleArenaAfterIdeation } from "./arena-after";
import { listAgentComparison } from "./compare-view";
import { startIdeationRun } from "./runs";
import { studySimilarity } from "./similarity-map";

// The odr and RAG agents through the real run (job, generate(), checkpoints, provenance, budget) on
// the test database with the mock model.

withMockModelEnv({ LLM_CACHE: "true", LLM_MAX_RETRIES: "0", LITERATURE_OFFLINE: "true" });

const runner = () => new JobRunner({ concurrency: 2, pollIntervalMs: 5 });
const odrParams = { seedsPerTopic: 30, bankSize: 5, maxRounds: 2, expandLimit: 6, concurrency: 2 };

function setup(budgetUsd = 5) {
  const s = makeIdeationStudy();
  const input = {
    agents: [
      { agent: "overgenerate" as const, conditionKey: "ODR", params: odrParams },
      { agent: "rag" as const, conditionKey: "RAG", params: { topK: 3 } },
    ],
    topicMode: "chosen" as const,
    topicIds: s.topics.map((t) => t.id),
    n: 2,
    model: "gpt-4o-mini",
    budgetUsd,
  };
  return { ...s, input };
}

describe("overgenerate and RAG agents in a run", () => {
  it("write 2 ideas per topic into their own conditions with provenance and unique-rate points", async () => {
    const s = setup();
    const run = await startIdeationRun({ studyId: s.study.id, actorId: s.organizer.id, input: s.input });
    await runner().runUntilIdle();
    expect(listRunJobItems({ jobIds: run.jobIds }).map((i) => i.error)).toEqual([null, null, null, null]);
    for (const key of ["ODR", "RAG"]) {
      const c = getDb().select().from(conditions).where(eq(conditions.key, key)).get();
      const written = getDb()
        .select()
        .from(ideas)
        .where(eq(ideas.conditionId, c?.id ?? ""))
        .all();
      expect(written).toHaveLength(4);
      expect(written.every((i) => i.status === "submitted" && i.provenance === "generated")).toBe(true);
    }
    const prov = getDb().select().from(generatedIdeas).all();
    expect(prov.filter((p) => p.agent === "overgenerate")[0]?.provenance).toMatchObject({
      dedupMethod: "embeddings",
      swiss: { rank: 1 },
    });
    const points = listMetricPoints({ runId: run.id }).filter((p) => p.name === "unique-rate");
    expect(points).toHaveLength(2 * 6); // 2 topics × 30 seeds / 5 per batch
    expect(points.every((p) => p.agentIndex === 0 && p.point.embeddings === 1)).toBe(true);
    const stages = new Set(listRunCallCosts({ runId: run.id }).map((c) => `${c.agentIndex}:${c.stage}`));
    expect([...stages].sort()).toEqual(["0:expand", "0:rank", "0:retrieval", "0:seeds", "1:idea"]);
    const [odr, rag] = listAgentComparison({ studyId: s.study.id });
    expect(odr).toMatchObject({
      label: "Overgenerate–dedup–rank",
      conditionKey: "ODR",
      ideas: 4,
      seeds: 60,
      failedItems: 0,
    });
    expect(odr?.uniqueRate).toBeGreaterThan(0);
    expect(odr?.uniqueRate).toBeLessThan(1);
    expect(rag).toMatchObject({ conditionKey: "RAG", ideas: 4, seeds: null, calls: 4 });
    expect(odr?.costPerIdeaUsd ?? 0).toBeGreaterThan(rag?.costPerIdeaUsd ?? 0);

    // Arena after ideation: the run's conditions on its topics, then the arena's own scheduling.
    const plan = arenaAfterIdeationPlan({ studyId: s.study.id, runId: run.id });
    expect(plan).toEqual({ conditionKeys: ["ODR", "RAG"], topicIds: s.topics.map((t) => t.id) });
    // Before Normalization no idea takes part: refused, and the arena's choice is left as it was.
    expect(() =>
      scheduleArenaAfterIdeation({ studyId: s.study.id, runId: run.id, actorId: s.organizer.id }),
    ).toThrow(/At least two ideas/);
    expect(getArenaConfig({ studyId: s.study.id })).toMatchObject({ conditionKeys: [], topicIds: [] });
    getDb().update(ideas).set({ reviewTextSource: "original" }).run();
    const scheduled = scheduleArenaAfterIdeation({
      studyId: s.study.id,
      runId: run.id,
      actorId: s.organizer.id,
    });
    expect(scheduled.participants).toBe(8);
    expect(scheduled.added).toBeGreaterThan(0);
    expect(getArenaConfig({ studyId: s.study.id })).toMatchObject(plan);
  });

  it("stops cleanly at the budget: the run says so and nothing half-written lands in the study", async () => {
    const s = setup(0.0005);
    const run = await startIdeationRun({ studyId: s.study.id, actorId: s.organizer.id, input: s.input });
    await runner().runUntilIdle();
    expect(getIdeationRun({ studyId: s.study.id, runId: run.id }).budgetStoppedAt).not.toBeNull();
    const spent = listRunCallCosts({ runId: run.id }).reduce((sum, c) => sum + (c.costUsd ?? 0), 0);
    expect(spent).toBeLessThanOrEqual(0.0005);
    const items = listRunJobItems({ jobIds: run.jobIds });
    expect(items.some((i) => /budget/.test(i.error ?? ""))).toBe(true);
    expect(
      getDb()
        .select()
        .from(generatedIdeas)
        .all()
        .every((p) => p.agent !== "overgenerate"),
    ).toBe(true);
  });

  it("keeps the top k per topic matching the human ideas' topic mix, and maps similarity against them", async () => {
    const s = setup();
    const { conditions: conds } = getStudySettings({ studyId: s.study.id });
    const human = conds.find((c) => c.key === "Human") ?? conds[0];
    const [mt, dp] = s.topics;
    let n = 0;
    for (const topic of [mt, mt, mt, dp]) {
      n += 1;
      getDb()
        .insert(ideas)
        .values({
          studyId: s.study.id,
          code: `H${n}`,
          topicId: topic?.id ?? "",
          conditionId: human?.id ?? "",
          authorId: s.organizer.id,
          provenance: "written",
          status: "submitted",
          fields: fullFields(`human idea ${n} on ${topic?.name}`),
          submittedAt: Date.now(),
        })
        .run();
    }
    const input = {
      ...s.input,
      agents: s.input.agents.slice(0, 1),
      topicMode: "match" as const,
      topicIds: [],
    };
    const run = await startIdeationRun({ studyId: s.study.id, actorId: s.organizer.id, input });
    await runner().runUntilIdle();
    expect(listRunJobItems({ jobIds: run.jobIds }).map((i) => i.error)).toEqual([null, null]);
    const odr = getDb().select().from(conditions).where(eq(conditions.key, "ODR")).get();
    const written = getDb()
      .select()
      .from(ideas)
      .where(eq(ideas.conditionId, odr?.id ?? ""))
      .all();
    expect(written.filter((i) => i.topicId === mt?.id)).toHaveLength(3);
    expect(written.filter((i) => i.topicId === dp?.id)).toHaveLength(1);
    // Arena after ideation takes the human (baseline) condition alongside the agent's.
    expect(arenaAfterIdeationPlan({ studyId: s.study.id, runId: run.id }).conditionKeys).toEqual([
      "ODR",
      "Human",
    ]);

    const map = await studySimilarity({ studyId: s.study.id });
    expect(map.method).toBe("embeddings");
    const logged = getDb().select().from(llmCalls).where(eq(llmCalls.purpose, "similarity:embedding")).all();
    expect(logged).toHaveLength(1);
    await studySimilarity({ studyId: s.study.id });
    expect(
      getDb().select().from(llmCalls).where(eq(llmCalls.purpose, "similarity:embedding")).all(),
    ).toHaveLength(1);
    expect(map.conditions).toEqual(["Human", "ODR"]);
    expect(map.means.map((m) => [m.a, m.b, m.pairs])).toEqual([
      ["Human", "Human", 6],
      ["Human", "ODR", 16],
      ["ODR", "ODR", 6],
    ]);
    expect(map.top[0]?.conditionA).toBe("Human");
    expect(map.ideas[map.top[0]?.b ?? ""]?.conditionLabel).toBeTruthy();
  });
});
