import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildChainQueriesPrompt, chainQueriesOutputSchema } from "@/lib/ai/prompts/chain-queries";
import type { CoiChainNode } from "@/lib/ai/prompts/coi-chain-json";
import { buildCoiIdeaPrompt, coiIdeaOutputSchema } from "@/lib/ai/prompts/coi-idea";
import { buildCoiNoveltyPrompt, coiNoveltyOutputSchema } from "@/lib/ai/prompts/coi-novelty";
import { buildCoiRankPairPrompt, coiRankPairOutputSchema } from "@/lib/ai/prompts/coi-rank-pair";
import { coiTemplateOutputSchema } from "@/lib/ai/prompts/coi-template";
import { buildCoiTrendPrompt, checkTrendSteps, coiTrendOutputSchema } from "@/lib/ai/prompts/coi-trend";
import { buildPickReferencesPrompt, pickReferencesOutputSchema } from "@/lib/ai/prompts/pick-references";
import { buildReadPaperPrompt, readPaperOutputSchema } from "@/lib/ai/prompts/read-paper";
import { buildRelevanceGatePrompt, relevanceGateOutputSchema } from "@/lib/ai/prompts/relevance-gate";
import { parseStructuredText } from "@/lib/ai/structured-text";
import { buildChains } from "@/lib/chains/build";
import { createFakeStore, paper } from "@/lib/chains/fake-store";
import { createLlmSteps } from "@/lib/chains/llm-steps";
import { DEFAULT_IDEA_TEMPLATE } from "@/lib/ideas/template";
import { cannedCoiAnswer } from "./mock-coi-answers";
import { mockValueForSchema } from "./mock-json-schema";
import { createMockModel } from "./mock-model";

function answer<T>(built: { system: string; prompt: string }, schema: z.ZodType<T>): T {
  const text = cannedCoiAnswer(`${built.system}\n${built.prompt}`);
  if (text === null) throw new Error("no canned answer");
  const parsed = parseStructuredText({ text, schema });
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

const p = (id: string, title: string) => ({ id, title, year: 2015, abstract: `${title}. More text.` });
const chain: CoiChainNode[] = [
  {
    paperId: "p1",
    title: "Phrase translation",
    year: 2003,
    abstract: "",
    direction: "backward",
    reading: null,
  },
  {
    paperId: "p2",
    title: "Neural translation",
    year: 2015,
    abstract: "",
    direction: "anchor",
    reading: null,
  },
];
const idea = {
  title: "I",
  motivation: "m",
  novelty: "n",
  contributions: [{ contribution: "c", differsFromId: "p2", difference: "d" }],
  method: "x",
};

describe("mock answers for chain and CoI prompts", () => {
  it("answers the chain steps meaningfully and within their schemas", () => {
    expect(
      answer(buildChainQueriesPrompt({ topic: "neural machine translation" }), chainQueriesOutputSchema)
        .queries[0],
    ).toBe("neural machine translation");
    const gate = (title: string) =>
      answer(
        buildRelevanceGatePrompt({ topic: "translation", anchor: null, candidate: p("c", title) }),
        relevanceGateOutputSchema,
      ).relevant;
    expect([gate("Neural translation"), gate("Cooking")]).toEqual([true, false]);
    const refs = [p("r1", "Cooking"), p("r2", "Translation models"), p("r3", "Neural translation")];
    expect(
      answer(
        buildPickReferencesPrompt({ topic: "neural translation", current: p("c", "x"), references: refs }),
        pickReferencesOutputSchema,
      ).ids,
    ).toEqual(["r3", "r2"]);
    expect(
      answer(buildReadPaperPrompt({ ...p("a", "Neural translation"), fullText: null }), readPaperOutputSchema)
        .background,
    ).toBe("Neural translation.");
  });

  it("answers the CoI steps with ids from the prompt and a trend that follows the chain", () => {
    const trend = answer(buildCoiTrendPrompt({ topic: "t", chain }), coiTrendOutputSchema);
    expect(checkTrendSteps(trend, chain)).toBeNull();
    const made = answer(
      buildCoiIdeaPrompt({ topic: "t", chain, trend: "tr", direction: "d", counterExamples: [] }),
      coiIdeaOutputSchema,
    );
    expect(made.contributions[0]?.differsFromId).toBe("p2");
    expect(
      answer(buildCoiNoveltyPrompt({ idea, papers: [p("n1", "Same")] }), coiNoveltyOutputSchema).verdict,
    ).toBe("novel");
    const notNovel = answer(
      buildCoiNoveltyPrompt({ idea: { ...idea, method: "MOCK_NOT_NOVEL" }, papers: [p("n1", "Same")] }),
      coiNoveltyOutputSchema,
    );
    expect(notNovel).toMatchObject({ verdict: "essentially_same", samePaperId: "n1" });
    const ab = answer(
      buildCoiRankPairPrompt({ topic: "t", a: idea, b: { ...idea, title: "J" } }),
      coiRankPairOutputSchema,
    ).winner;
    const ba = answer(
      buildCoiRankPairPrompt({ topic: "t", a: { ...idea, title: "J" }, b: idea }),
      coiRankPairOutputSchema,
    ).winner;
    expect({ A: "B", B: "A", tie: "tie" }[ab]).toBe(ba);
    expect(cannedCoiAnswer("an unrelated prompt")).toBeNull();
  });

  it("lets the chain builder run end to end on the mock model", async () => {
    const model = createMockModel();
    const steps = createLlmSteps(async ({ system, prompt }) => {
      const r = await model.doGenerate({
        prompt: [
          { role: "system", content: system },
          { role: "user", content: [{ type: "text", text: prompt }] },
        ],
        responseFormat: { type: "json" },
      });
      return r.content.map((c) => ("text" in c ? c.text : "")).join("");
    });
    const store = createFakeStore([
      paper({ id: "a", title: "Statistical machine translation", year: 1993, citationCount: 3000 }),
      paper({ id: "b", title: "Neural machine translation", year: 2014, refs: ["a"] }),
      paper({ id: "c", title: "Attention for neural machine translation", year: 2015, refs: ["b"] }),
      paper({ id: "d", title: "Transformer machine translation", year: 2017, refs: ["c"] }),
    ]);
    const { chains } = await buildChains({
      topic: "neural machine translation",
      store,
      llm: steps,
      options: { k: 1 },
    });
    const nodes = chains[0]?.nodes ?? [];
    expect(nodes.length).toBeGreaterThanOrEqual(3);
    expect(nodes.map((n) => n.year ?? 0)).toEqual(nodes.map((n) => n.year ?? 0).sort((x, y) => x - y));
    expect(nodes.filter((n) => n.direction === "anchor")).toHaveLength(1);
  });

  it("fills the default idea template validly through the schema-driven fallback", () => {
    const schema = coiTemplateOutputSchema(DEFAULT_IDEA_TEMPLATE);
    const value = mockValueForSchema({ schema: z.toJSONSchema(schema, { io: "input" }), seed: "seed" });
    expect(schema.safeParse(value).success).toBe(true);
  });
});
