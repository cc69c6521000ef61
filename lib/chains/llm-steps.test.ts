import { describe, expect, it } from "vitest";
import { RELEVANCE_GATE_TASK_MARKER } from "@/lib/ai/prompts/relevance-gate";
import { REPAIR_JSON_TASK_MARKER } from "@/lib/ai/prompts/repair-json";
import { buildChains } from "./build";
import { createFakeStore, paper } from "./fake-store";
import { type Complete, createLlmSteps } from "./llm-steps";

const p = { id: "p1", title: "Graph parsing", year: 2000, abstract: "", date: null, citationCount: 1 };

function scripted(answers: Record<string, string[]>): { complete: Complete; purposes: string[] } {
  const purposes: string[] = [];
  return {
    purposes,
    complete: async ({ system, purpose }) => {
      purposes.push(purpose);
      const marker = /^\[task: [^\]]+\]/.exec(system)?.[0] ?? "";
      const next = answers[marker]?.shift();
      if (next === undefined) throw new Error(`no scripted answer for ${marker}`);
      return next;
    },
  };
}

describe("createLlmSteps", () => {
  it("parses each step's answer with its schema", async () => {
    const { complete } = scripted({ [RELEVANCE_GATE_TASK_MARKER]: ['{"reason":"fits","relevant":false}'] });
    const steps = createLlmSteps(complete);
    expect(await steps.judgeRelevance({ topic: "t", anchor: null, candidate: p })).toEqual({
      reason: "fits",
      relevant: false,
    });
  });

  it("repairs once, then fails visibly naming the step and the paper", async () => {
    const repaired = scripted({
      [RELEVANCE_GATE_TASK_MARKER]: ["yes"],
      [REPAIR_JSON_TASK_MARKER]: ['{"reason":"ok","relevant":true}'],
    });
    expect(
      await createLlmSteps(repaired.complete).judgeRelevance({ topic: "t", anchor: null, candidate: p }),
    ).toEqual({ reason: "ok", relevant: true });
    expect(repaired.purposes).toEqual(["relevance-gate", "relevance-gate:repair"]);

    const broken = scripted({
      [RELEVANCE_GATE_TASK_MARKER]: ["yes"],
      [REPAIR_JSON_TASK_MARKER]: ["still yes", '{"reason":"late","relevant":true}'],
    });
    await expect(
      createLlmSteps(broken.complete).judgeRelevance({ topic: "t", anchor: null, candidate: p }),
    ).rejects.toThrow(/^relevance gate for paper p1: invalid answer/);
    expect(broken.purposes).toHaveLength(2);
  });

  it("a failed step stops the build with its error instead of a guessed chain", async () => {
    const { complete } = scripted({
      "[task: chain-queries v1]": ["not json"],
      [REPAIR_JSON_TASK_MARKER]: ["nor this"],
    });
    const store = createFakeStore([paper({ id: "p1", title: "Graph parsing", year: 2000 })]);
    await expect(
      buildChains({ topic: "graph parsing", store, llm: createLlmSteps(complete) }),
    ).rejects.toThrow(/^search queries: invalid answer/);
  });
});
