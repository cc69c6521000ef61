import { describe, expect, it } from "vitest";
import { type RunCall, runCosts } from "./run-costs";

const call = (c: Partial<RunCall>): RunCall => ({
  agentIndex: 0,
  topicId: "t",
  stage: "idea",
  candidate: null,
  costUsd: 0.01,
  inputTokens: 100,
  outputTokens: 10,
  cached: false,
  ...c,
});

describe("runCosts", () => {
  it("sums per stage, charges kept ideas their own calls plus a share, and estimates from finished items", () => {
    const costs = runCosts({
      calls: [
        call({ stage: "chains", costUsd: 0.1 }),
        call({ candidate: "c1", costUsd: 0.02 }),
        call({ candidate: "c2", costUsd: 0.04 }),
        call({ candidate: "c1", stage: "novelty", costUsd: 0.5, cached: true }),
        call({ topicId: "u", stage: "chains", costUsd: 0.3 }),
      ],
      kept: [{ agentIndex: 0, topicId: "t", candidate: "c1" }],
      finishedItems: ["0/t"],
      totalItems: 2,
    });
    expect(costs.total.costUsd).toBeCloseTo(0.46, 10);
    expect(costs.total.cached).toBe(1);
    expect(costs.byStage.map((s) => [s.stage, s.calls])).toEqual([
      ["chains", 2],
      ["idea", 2],
      ["novelty", 1],
    ]);
    // c1: its own 0.02 + the shared 0.1 + the discarded c2's 0.04; the cached call costs nothing.
    expect(costs.ideas).toHaveLength(1);
    expect(costs.ideas[0]?.costUsd).toBeCloseTo(0.16, 10);
    expect(costs.ideas[0]?.candidate).toBe("c1");
    expect(costs.unattributed.costUsd).toBeCloseTo(0.3, 10);
    expect(costs.estimatedTotalUsd).toBeCloseTo(0.46, 10);
  });

  it("gives no estimate before an item finishes, and flags unpriced calls", () => {
    const costs = runCosts({ calls: [call({ costUsd: null })], kept: [], finishedItems: [], totalItems: 4 });
    expect(costs.estimatedTotalUsd).toBeNull();
    expect(costs.unpriced).toBe(true);
  });

  it("keeps candidates of different topics apart", () => {
    const costs = runCosts({
      calls: [call({ candidate: "c1", costUsd: 0.1 }), call({ topicId: "u", candidate: "c1", costUsd: 0.2 })],
      kept: [
        { agentIndex: 0, topicId: "t", candidate: "c1" },
        { agentIndex: 0, topicId: "u", candidate: "c1" },
      ],
      finishedItems: ["0/t", "0/u"],
      totalItems: 2,
    });
    expect(costs.ideas.map((i) => i.costUsd)).toEqual([0.1, 0.2]);
  });
});
