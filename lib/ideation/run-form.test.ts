import { describe, expect, it } from "vitest";
import { matchTopicMix, startRunInputSchema, validateStartRun } from "./run-form";

const valid = {
  agents: [{ agent: "coi" as const, conditionKey: "CoI", params: {} }],
  topicMode: "chosen" as const,
  topicIds: ["t1", "t2"],
  n: 2,
  model: "gpt-4o-mini",
  budgetUsd: 1,
};

function errors(input: unknown) {
  const r = validateStartRun(input);
  return r.ok ? {} : r.errors;
}

describe("start-run input", () => {
  it("accepts a valid run and fills the defaults", () => {
    expect(startRunInputSchema.parse(valid)).toMatchObject({ keep: "best", seed: 1 });
  });

  it("names each bad field, all at once", () => {
    expect(errors({ ...valid, n: 0, budgetUsd: Number.NaN, model: " ", topicIds: [], agents: [] })).toEqual({
      agents: ["Agents: choose at least one agent."],
      n: ["Ideas per topic: at least 1."],
      model: ["Model: enter a model id."],
      budgetUsd: ["Budget: enter an amount in USD."],
      topicIds: ["Topics: choose at least one topic."],
    });
  });

  it("refuses an unknown agent, a bad condition key, and two agents writing into one condition", () => {
    expect(errors({ ...valid, agents: [{ agent: "gpt", conditionKey: "CoI" }] })).toHaveProperty([
      "agents.0.agent",
    ]);
    expect(
      errors({ ...valid, agents: [{ agent: "coi", conditionKey: "9 bad" }] })["agents.0.conditionKey"],
    ).toEqual(["Target condition: use letters, digits and _ (start with a letter, at most 40)."]);
    const twice = errors({
      ...valid,
      agents: [
        { agent: "coi", conditionKey: "AI" },
        { agent: "rag", conditionKey: "ai" },
      ],
    });
    expect(twice["agents.1.conditionKey"]?.[0]).toContain("same condition as agent 1");
  });

  it("matching the human mix asks for as many ideas per topic as people wrote, skipping empty topics", () => {
    expect(
      matchTopicMix([
        { topicId: "a", count: 3 },
        { topicId: "b", count: 0 },
        { topicId: "c", count: 1 },
      ]),
    ).toEqual([
      { topicId: "a", n: 3 },
      { topicId: "c", n: 1 },
    ]);
    expect(errors({ ...valid, topicMode: "match", topicIds: [] })).toEqual({});
  });
});
