import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type CoiChainNode, chainForPrompt } from "./coi-chain-json";
import {
  buildCoiExperimentRefinePrompt,
  COI_EXPERIMENT_REFINE_TASK_MARKER,
  coiExperimentRefineOutputSchema,
  experimentDesignSchema,
} from "./coi-experiment";
import {
  buildCoiDirectionPrompt,
  COI_DIRECTION_TASK_MARKER,
  coiDirectionOutputSchema,
} from "./coi-future-direction";
import { buildCoiIdeaPrompt, COI_IDEA_TASK_MARKER, coiIdeaOutputSchema } from "./coi-idea";
import { buildCoiNoveltyPrompt, coiNoveltyOutputSchema } from "./coi-novelty";
import { buildCoiRankPairPrompt, coiRankPairOutputSchema, extractCoiRankPairInput } from "./coi-rank-pair";
import { buildCoiTemplatePrompt, COI_TEMPLATE_TASK_MARKER, coiTemplateOutputSchema } from "./coi-template";
import {
  buildCoiTrendPrompt,
  COI_TREND_TASK_MARKER,
  checkTrendSteps,
  coiTrendOutputSchema,
} from "./coi-trend";
import { extractTaggedJson } from "./tagged-json";

const reading = {
  background: "b",
  novelty: "n",
  contribution: "c",
  method: "m",
  limitation: "l",
  entities: [],
  experimentSteps: ["s"],
};
const chain: CoiChainNode[] = [
  { paperId: "p1", title: "Old", year: 2010, abstract: "old abstract", direction: "backward", reading: null },
  { paperId: "p2", title: "Anchor", year: 2015, abstract: "a", direction: "anchor", reading },
  { paperId: "p3", title: "New", year: 2018, abstract: "n", direction: "forward", reading: null },
];
const idea = {
  title: "T",
  motivation: "M",
  novelty: "N",
  contributions: [{ contribution: "C", differsFromId: "p2", difference: "D" }],
  method: "X",
};
const design = {
  datasets: ["WMT"],
  baselines: ["NMT"],
  metrics: ["BLEU"],
  steps: ["train"],
  expectedOutcome: "better",
};

/** The keys a schema's object accepts, in order: pinned so a stage's fields cannot be swapped or renamed. */
function keysOf(schema: z.ZodType): string[] {
  const json = z.toJSONSchema(schema) as { properties?: Record<string, unknown> };
  return Object.keys(json.properties ?? {});
}

describe("CoI prompts", () => {
  it("open with their task markers and carry the chain oldest first with readings where present", () => {
    const trend = buildCoiTrendPrompt({ topic: "t", chain });
    expect(trend.system.startsWith(COI_TREND_TASK_MARKER)).toBe(true);
    const shown = extractTaggedJson(
      trend.prompt,
      "chain_json",
      z.array(z.object({ id: z.string(), direction: z.string() }).passthrough()),
    );
    expect(shown?.map((n) => `${n.id}:${n.direction}`)).toEqual(["p1:backward", "p2:anchor", "p3:forward"]);
    expect(chainForPrompt(chain)[1]).toEqual({
      id: "p2",
      title: "Anchor",
      year: 2015,
      direction: "anchor",
      reading,
    });
    expect(
      buildCoiDirectionPrompt({ topic: "t", chain, trend: "TR" }).system.startsWith(
        COI_DIRECTION_TASK_MARKER,
      ),
    ).toBe(true);
    const withCounter = buildCoiIdeaPrompt({
      topic: "t",
      chain,
      trend: "TR",
      direction: "D",
      counterExamples: [{ id: "x9", title: "Same", year: 2019, abstract: "" }],
    });
    expect(withCounter.system.startsWith(COI_IDEA_TASK_MARKER)).toBe(true);
    expect(
      extractTaggedJson(
        withCounter.prompt,
        "counter_examples_json",
        z.array(z.object({ id: z.string() })),
      )?.[0]?.id,
    ).toBe("x9");
    expect(
      buildCoiIdeaPrompt({ topic: "t", chain, trend: "TR", direction: "D", counterExamples: [] }).prompt,
    ).not.toContain("counter_examples_json");
    expect(
      buildCoiExperimentRefinePrompt({ idea, design }).system.startsWith(COI_EXPERIMENT_REFINE_TASK_MARKER),
    ).toBe(true);
    expect(
      extractCoiRankPairInput(
        buildCoiRankPairPrompt({ topic: "t", a: idea, b: { ...idea, title: "U" } }).prompt,
      ),
    ).toMatchObject({ a: { title: "T" }, b: { title: "U" } });
  });

  it("pins each stage's output keys (fields never swapped)", () => {
    expect(keysOf(coiTrendOutputSchema)).toEqual(["steps", "trend"]);
    expect(keysOf(coiDirectionOutputSchema)).toEqual(["strategy", "direction", "rationale"]);
    expect(keysOf(coiIdeaOutputSchema)).toEqual([
      "title",
      "motivation",
      "novelty",
      "contributions",
      "method",
    ]);
    expect(keysOf(experimentDesignSchema)).toEqual([
      "datasets",
      "baselines",
      "metrics",
      "steps",
      "expectedOutcome",
    ]);
    expect(keysOf(coiExperimentRefineOutputSchema)).toEqual(["critique", "design"]);
    expect(keysOf(coiRankPairOutputSchema)).toEqual(["reasoning", "winner"]);
  });

  it("rejects swapped, renamed or inconsistent answers", () => {
    expect(coiTrendOutputSchema.safeParse({ steps: [], trend: "x", experiment: "y" }).success).toBe(false);
    expect(coiTrendOutputSchema.safeParse({ steps: "a", trend: [] }).success).toBe(false);
    expect(coiIdeaOutputSchema.safeParse(idea).success).toBe(true);
    expect(coiIdeaOutputSchema.safeParse({ ...idea, contributions: [] }).success).toBe(false);
    expect(
      coiDirectionOutputSchema.safeParse({ strategy: "guess", direction: "d", rationale: "r" }).success,
    ).toBe(false);
    expect(
      coiNoveltyOutputSchema.safeParse({ reason: "r", verdict: "essentially_same", samePaperId: null })
        .success,
    ).toBe(false);
    expect(
      coiNoveltyOutputSchema.safeParse({ reason: "r", verdict: "novel", samePaperId: "p1" }).success,
    ).toBe(false);
    expect(
      coiNoveltyOutputSchema.safeParse({ reason: "r", verdict: "essentially_same", samePaperId: "p1" })
        .success,
    ).toBe(true);
    expect(coiRankPairOutputSchema.safeParse({ reasoning: "r", winner: "a tie" }).success).toBe(false);
    expect(buildCoiNoveltyPrompt({ idea, papers: [] }).prompt).toContain('"differsFromId": "p2"');
  });

  it("checks that trend steps follow the chain pair by pair", () => {
    const ok = {
      steps: [
        { fromId: "p1", toId: "p2", development: "d" },
        { fromId: "p2", toId: "p3", development: "d" },
      ],
      trend: "t",
    };
    expect(checkTrendSteps(ok, chain)).toBeNull();
    const reversed = { ...ok, steps: [...ok.steps].reverse() };
    expect(checkTrendSteps(reversed, chain)).toBe("steps p2>p3, p1>p2 do not follow the chain p1>p2, p2>p3");
  });
});

describe("coi-template", () => {
  const template = [
    { key: "title", label: "Title", guidance: "One line.", required: true, wordLimit: 3 },
    { key: "notes", label: "Notes", guidance: "Anything.", required: false, wordLimit: null },
  ];

  it("builds one schema per template field, strict, with required fields and word limits", () => {
    const schema = coiTemplateOutputSchema(template);
    expect(schema.parse({ title: "Short title", notes: "" })).toEqual({ title: "Short title", notes: "" });
    const errors = (value: unknown) => {
      const r = schema.safeParse(value);
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(errors({ title: "one two three four", notes: "" })).toEqual([
      "Title is over its limit of 3 words",
    ]);
    expect(errors({ title: " ", notes: "" })).toEqual(["Title is required"]);
    expect(errors({ title: "ok", notes: "", method: "x" }).length).toBe(1);
    expect(errors({ notes: "" }).length).toBe(1);
  });

  it("lists the template's fields and the idea in the prompt", () => {
    const { system, prompt } = buildCoiTemplatePrompt({ template, idea, design });
    expect(system.startsWith(COI_TEMPLATE_TASK_MARKER)).toBe(true);
    expect(
      extractTaggedJson(prompt, "template_json", z.array(z.object({ key: z.string() })))?.map((f) => f.key),
    ).toEqual(["title", "notes"]);
    expect(extractTaggedJson(prompt, "idea_json", coiIdeaOutputSchema)).toEqual(idea);
  });
});
