import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { listRunCallCosts } from "@/db/queries/ideation-calls";
import { createIdeationRun } from "@/db/queries/ideation-runs";
import { listCheckpointKeys } from "@/db/queries/ideation-steps";
import { createStudyPaperStore } from "@/db/queries/literature/paper-store";
import { ideationCalls } from "@/db/schema";
import { makeIdeationStudy } from "@/db/testing/ideation-fixtures";
import { at } from "@/lib/assert";
import { DEFAULT_IDEA_TEMPLATE } from "@/lib/ideas/template";
import { withMockModelEnv } from "@/server/ai/testing/mock-model-env";
import { coiAgent, coiParamsSchema } from "./coi";
import { createRunContext } from "./run-context";

withMockModelEnv({
  LLM_CACHE: "true",
  LLM_MAX_RETRIES: "0",
});

function setup(topicName: string, { n = 1, k = 2 } = {}) {
  const { study, topics, organizer } = makeIdeationStudy({ topicNames: [topicName] });
  const topic = at(topics, 0);
  const run = createIdeationRun({
    studyId: study.id,
    createdBy: organizer.id,
    agents: [{ agent: "coi", conditionKey: "CoI", conditionId: null, params: { k } }],
    topics: [{ topicId: topic.id, n }],
    topicMode: "chosen",
    model: "gpt-4o-mini",
    budgetUsd: 5,
    seed: 1,
    keep: "best",
  });
  const ctx = createRunContext({
    run,
    jobId: null,
    agentIndex: 0,
    agent: "coi",
    topic: { id: topic.id, name: topic.name, description: "" },
    template: DEFAULT_IDEA_TEMPLATE,
    n,
    before: null,
    params: coiParamsSchema.parse({ k }),
    store: createStudyPaperStore({ studyId: study.id, before: null }),
    signal: new AbortController().signal,
  });
  return { run, ctx };
}

/** Each stage's answer, as keys, in the order the model gave them (fields never swapped or renamed). */
function outputKeysByStage(runId: string): Map<string, string[][]> {
  const rows = getDb()
    .select()
    .from(ideationCalls)
    .all()
    .filter((c) => c.runId === runId);
  const out = new Map<string, string[][]>();
  for (const r of rows)
    out.set(r.stage, [...(out.get(r.stage) ?? []), Object.keys(JSON.parse(r.output ?? "{}"))]);
  return out;
}

describe("CoI agent", () => {
  it("runs every stage per chain, pins each stage's output shape, and keeps the best n", async () => {
    const { run, ctx } = setup("Machine translation");
    const ideas = await coiAgent.run(ctx);
    expect(ideas).toHaveLength(1);
    const idea = at(ideas, 0);
    expect(Object.keys(idea.fields ?? {})).toEqual(DEFAULT_IDEA_TEMPLATE.map((f) => f.key));
    expect(idea.noveltyStatus).toBe("novel");
    expect(idea.provenance).toMatchObject({
      agent: "coi",
      chain: { anchorId: expect.any(String) },
      novelty: { status: "novel", rounds: [{ round: 1, verdict: { verdict: "novel" } }] },
      experiment: { critique: expect.any(String) },
      ranking: { rank: 1 },
    });
    // Every chain paper was read once (shared by the chains) and its reading kept in the provenance.
    const nodes = (idea.provenance.chain as { nodes: { paperId: string; reading: unknown }[] }).nodes;
    expect(nodes.every((n) => n.reading !== null)).toBe(true);
    expect(outputKeysByStage(run.id).get("reading")?.[0]).toEqual([
      "background",
      "novelty",
      "contribution",
      "method",
      "limitation",
      "entities",
      "experimentSteps",
    ]);
    // Two candidates ranked in both orders: 2 judged pairs.
    expect((idea.provenance.ranking as { pairs: unknown[] }).pairs).toHaveLength(2);

    const keys = outputKeysByStage(run.id);
    const only = (stage: string) => [...new Set((keys.get(stage) ?? []).map((k) => k.join(",")))];
    expect(only("trend")).toEqual(["steps,trend"]);
    expect(only("direction")).toEqual(["strategy,direction,rationale"]);
    expect(only("idea")).toEqual(["title,motivation,novelty,contributions,method"]);
    expect(only("novelty")).toEqual(["reason,verdict,samePaperId"]);
    expect(only("experiment")).toEqual(["datasets,baselines,metrics,steps,expectedOutcome"]);
    expect(only("refine")).toEqual(["critique,design"]);
    expect(only("template")).toEqual([DEFAULT_IDEA_TEMPLATE.map((f) => f.key).join(",")]);
    expect(only("rank")).toEqual(["reasoning,winner"]);
    expect(keys.get("rank")).toHaveLength(2);

    const perCandidate = ["trend", "direction", "idea", "novelty", "experiment", "refine", "template"];
    expect(
      listCheckpointKeys({ runId: run.id })
        .map((k) => k.split("/").at(-1))
        .sort(),
    ).toEqual(["chains", "readings", "rank", ...perCandidate.flatMap((s) => [`c1:${s}`, `c2:${s}`])].sort());
  });

  it("an idea the model always finds not novel ends after 3 rounds, kept as unresolved with its evidence", async () => {
    const { run, ctx } = setup("Machine translation MOCK_NOT_NOVEL", { k: 1 });
    const idea = at(await coiAgent.run(ctx), 0);
    expect(idea.noveltyStatus).toBe("unresolved");
    const novelty = idea.provenance.novelty as {
      rounds: { verdict: { verdict: string; samePaperId: string | null } }[];
      counterExamples: { id: string }[];
    };
    expect(novelty.rounds).toHaveLength(3);
    expect(
      novelty.rounds.every((r) => r.verdict.verdict === "essentially_same" && r.verdict.samePaperId),
    ).toBe(true);
    expect(novelty.counterExamples.length).toBeGreaterThan(0);
    const calls = listRunCallCosts({ runId: run.id });
    expect(calls.filter((c) => c.stage === "novelty")).toHaveLength(3);
    // The first idea and two regenerations with counter-examples; never a fourth round.
    expect(calls.filter((c) => c.stage === "idea")).toHaveLength(3);
  });
});
