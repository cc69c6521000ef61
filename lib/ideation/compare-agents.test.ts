import { describe, expect, it } from "vitest";
import { compareAgents } from "./compare-agents";

const call = (
  agentIndex: number,
  costUsd: number,
  extra: Partial<{ cached: boolean; error: string }> = {},
) => ({
  agentIndex,
  costUsd,
  inputTokens: 100,
  outputTokens: 10,
  cached: extra.cached ?? false,
  error: extra.error ?? null,
});

describe("agents comparison", () => {
  it("sums each agent's calls, seeds, time and failures, and divides cost by kept ideas", () => {
    const [odr, rag] = compareAgents(
      [
        {
          runId: "r1",
          createdAt: 1,
          agents: [
            { agent: "overgenerate", conditionKey: "ODR" },
            { agent: "rag", conditionKey: "RAG" },
          ],
          calls: [
            call(0, 0.01),
            call(0, 0.02),
            call(0, 0.5, { cached: true }),
            call(1, 0.004),
            call(1, 0, { error: "bad" }),
          ],
          ideas: [{ agentIndex: 0 }, { agentIndex: 0 }, { agentIndex: 1 }],
          metrics: [
            {
              agentIndex: 0,
              topicId: "t1",
              name: "unique-rate",
              point: { batch: 1, rate: 1, kept: 5, seeds: 5 },
            },
            {
              agentIndex: 0,
              topicId: "t1",
              name: "unique-rate",
              point: { batch: 2, rate: 0.2, kept: 6, seeds: 10 },
            },
            {
              agentIndex: 0,
              topicId: "t2",
              name: "unique-rate",
              point: { batch: 1, rate: 0.4, kept: 2, seeds: 5 },
            },
          ],
          items: [
            { agentIndex: 0, status: "done", startedAt: 0, finishedAt: 1000 },
            { agentIndex: 0, status: "error", startedAt: 1000, finishedAt: 1500 },
            { agentIndex: 1, status: "running", startedAt: 2000, finishedAt: null },
          ],
        },
      ],
      2600,
    );
    expect(odr).toMatchObject({
      ideas: 2,
      seeds: 15,
      uniqueSeeds: 8,
      calls: 3,
      tokensIn: 300,
      failedItems: 1,
      timeMs: 1500,
    });
    expect(odr?.uniqueRate).toBeCloseTo(8 / 15, 10);
    expect(odr?.costPerIdeaUsd).toBeCloseTo(0.015, 10);
    expect(rag).toMatchObject({ seeds: null, uniqueRate: null, failedCalls: 1, timeMs: 600, ideas: 1 });
    expect(rag?.costPerIdeaUsd).toBeCloseTo(0.004, 10);
  });
});
