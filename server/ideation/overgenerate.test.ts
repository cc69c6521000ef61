import { describe, expect, it } from "vitest";
import { DEFAULT_IDEA_TEMPLATE } from "@/lib/ideas/template";
import { BudgetExceededError } from "@/lib/ideation/agent-types";
import { mockEmbedding } from "@/lib/literature/mock-embedding";
import { overgenerateAgent, overgenerateParamsSchema } from "./overgenerate";
import { createFakeAgentContext, topicStore } from "./testing/fake-agent-context";

const params = { seedsPerTopic: 60, bankSize: 12, maxRounds: 3, expandLimit: 8, concurrency: 3 };

describe("overgenerate–dedup–rank agent", () => {
  it("retrieves, seeds in batches of 5, dedups, expands, ranks in both orders and keeps the top n", async () => {
    const { ctx, calls, metrics } = createFakeAgentContext({
      agent: "overgenerate",
      store: topicStore(),
      params,
    });
    const ideas = await overgenerateAgent.run(ctx);
    expect(ideas).toHaveLength(3);
    for (const idea of ideas)
      expect(Object.keys(idea.fields)).toEqual(DEFAULT_IDEA_TEMPLATE.map((f) => f.key));
    const stages = (s: string) => calls.filter((c) => c.stage === s);
    expect(stages("seeds")).toHaveLength(12);
    const rates = metrics.filter((m) => m.name === "unique-rate").map((m) => m.point);
    expect(rates.map((r) => r.batch)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(rates[0]?.rate).toBeGreaterThanOrEqual(0.6);
    expect(rates.at(-1)?.rate).toBeLessThan(0.5);
    const unique = ideas[0]?.provenance.uniqueSeeds as number;
    expect(unique).toBe(rates.at(-1)?.kept);
    expect(ideas[0]?.provenance.dedupMethod).toBe("tfidf");
    // Swiss: each pair judged in both orders, so rank calls come in (A,B),(B,A) pairs.
    const expanded = Math.min(unique, 8);
    expect(stages("expand")).toHaveLength(expanded);
    expect(stages("rank")).toHaveLength(Math.floor(expanded / 2) * 2 * Math.min(5, expanded - 1));
    expect(ideas[0]?.provenance.swiss).toMatchObject({ rank: 1 });
    expect(new Set(ideas.map((i) => i.candidate)).size).toBe(3);
    expect(stages("expand").every((c) => c.candidate?.startsWith("seed-"))).toBe(true);
  });

  it("resumes from its checkpoints without a single model call, with the same ideas", async () => {
    const first = createFakeAgentContext({ agent: "overgenerate", store: topicStore(), params });
    const ideas = await overgenerateAgent.run(first.ctx);
    const again = createFakeAgentContext({
      agent: "overgenerate",
      store: topicStore(),
      params,
      steps: first.steps,
    });
    expect(await overgenerateAgent.run(again.ctx)).toEqual(ideas);
    expect(again.calls).toHaveLength(0);
  });

  it("stops at the budget, and a resume with more budget redoes none of the finished calls", async () => {
    const full = createFakeAgentContext({ agent: "overgenerate", store: topicStore(), params });
    await overgenerateAgent.run(full.ctx);
    const cut = createFakeAgentContext({ agent: "overgenerate", store: topicStore(), params, maxCalls: 10 });
    await expect(overgenerateAgent.run(cut.ctx)).rejects.toBeInstanceOf(BudgetExceededError);
    const resumed = createFakeAgentContext({
      agent: "overgenerate",
      store: topicStore(),
      params,
      steps: cut.steps,
    });
    await overgenerateAgent.run(resumed.ctx);
    expect(resumed.calls.length).toBeLessThan(full.calls.length);
    expect(resumed.calls.length + 10).toBeGreaterThanOrEqual(full.calls.length);
  });

  it("dedups with embeddings when the run has an embedding model", async () => {
    const embedCalls: number[] = [];
    const embed = async (texts: string[]) => {
      embedCalls.push(texts.length);
      return texts.map((t) => Array.from(mockEmbedding(t)));
    };
    const { ctx, metrics } = createFakeAgentContext({
      agent: "overgenerate",
      store: topicStore(),
      params,
      embed,
    });
    const ideas = await overgenerateAgent.run(ctx);
    expect(ideas[0]?.provenance.dedupMethod).toBe("embeddings");
    expect(metrics.every((m) => m.point.embeddings === 1)).toBe(true);
    expect(embedCalls).toEqual([15, 15, 15, 15]); // one call per wave of 3 batches of 5
  });

  it("names the field of a bad parameter and fills defaults", () => {
    expect(overgenerateParamsSchema.parse({})).toMatchObject({
      bankSize: 120,
      maxRounds: 10,
      seedsPerTopic: 200,
    });
    expect(overgenerateParamsSchema.safeParse({ maxRounds: 11 }).error?.issues[0]?.message).toBe(
      "Retrieval rounds are at most 10",
    );
  });
});
