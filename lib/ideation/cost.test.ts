import { describe, expect, it } from "vitest";
import { type CostedCall, costPerIdea } from "./cost";

const call = (c: Partial<CostedCall> & Pick<CostedCall, "topic" | "stage" | "costUsd">): CostedCall => ({
  ideaId: null,
  tokensIn: 100,
  tokensOut: 10,
  cached: false,
  ...c,
});

describe("costPerIdea", () => {
  it("charges own calls fully and shares the topic's shared and discarded calls equally", () => {
    const { ideas, unattributed } = costPerIdea({
      calls: [
        call({ topic: "t", stage: "chain", costUsd: 0.3 }),
        call({ topic: "t", ideaId: "dropped", stage: "idea", costUsd: 0.1 }),
        call({ topic: "t", ideaId: "i1", stage: "idea", costUsd: 0.05 }),
        call({ topic: "t", ideaId: "i2", stage: "experiment", costUsd: 0.02, cached: true }),
        call({ topic: "u", stage: "chain", costUsd: 1 }),
      ],
      kept: [
        { ideaId: "i1", topic: "t" },
        { ideaId: "i2", topic: "t" },
      ],
    });
    const [i1, i2] = ideas;
    expect(i1?.costUsd).toBeCloseTo(0.2 + 0.05);
    expect(i2?.costUsd).toBeCloseTo(0.2);
    expect(i2?.cached).toBe(1);
    expect(i1?.byStage.chain?.costUsd).toBeCloseTo(0.15);
    expect(i1?.byStage.idea?.costUsd).toBeCloseTo(0.05 + 0.05);
    expect(i1?.calls).toBeCloseTo(2);
    expect(i1?.tokensIn).toBeCloseTo(200);
    expect(unattributed.costUsd).toBe(1);
    const total = (ideas.reduce((s, i) => s + i.costUsd, 0) + unattributed.costUsd).toFixed(6);
    expect(total).toBe((0.3 + 0.1 + 0.05 + 1).toFixed(6));
  });

  it("costs a fully cached rerun nothing", () => {
    const { ideas } = costPerIdea({
      calls: [
        call({ topic: "t", stage: "chain", costUsd: 0.3, cached: true }),
        call({ topic: "t", ideaId: "i1", stage: "idea", costUsd: 0.1, cached: true }),
      ],
      kept: [{ ideaId: "i1", topic: "t" }],
    });
    expect(ideas[0]).toMatchObject({ costUsd: 0, calls: 2, cached: 2 });
  });
});
