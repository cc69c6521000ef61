import { describe, expect, it } from "vitest";
import { buildDirectIdeaPrompt, buildRagIdeaPrompt } from "@/lib/ai/prompts/baseline-idea";
import { buildOdrExpandPrompt } from "@/lib/ai/prompts/odr-expand";
import { buildOdrJudgePairPrompt, odrJudgePairOutputSchema } from "@/lib/ai/prompts/odr-judge-pair";
import { buildOdrQueriesPrompt, odrQueriesOutputSchema } from "@/lib/ai/prompts/odr-queries";
import { buildOdrScorePrompt, odrScoreOutputSchema } from "@/lib/ai/prompts/odr-score-papers";
import { buildOdrSeedsPrompt, odrSeedsOutputSchema, seedText } from "@/lib/ai/prompts/odr-seeds";
import { templateOutputSchema } from "@/lib/ai/prompts/template-fields";
import { DEFAULT_IDEA_TEMPLATE } from "@/lib/ideas/template";
import { createTfidfDeduper } from "@/lib/ideation/dedup";
import { cannedOdrAnswer, MOCK_IDEA_KINDS } from "./mock-odr-answers";

const ask = (p: { system: string; prompt: string }) =>
  JSON.parse(cannedOdrAnswer(`${p.system}\n${p.prompt}`) ?? "null");
const papers = [
  {
    id: "p1",
    title: "Calibrating language model confidence",
    abstract: "Confidence calibration for language models.",
  },
  { id: "p2", title: "Protein folding", abstract: "Structures." },
];

describe("mock answers for the odr, direct and RAG prompts", () => {
  it("parse with each prompt's schema", () => {
    const topic = "language model confidence calibration";
    expect(
      odrQueriesOutputSchema.parse(ask(buildOdrQueriesPrompt({ topic, description: "", found: [] }))).queries
        .length,
    ).toBeGreaterThan(0);
    const scores = odrScoreOutputSchema.parse(ask(buildOdrScorePrompt({ topic, papers }))).scores;
    expect(scores.map((s) => s.id)).toEqual(["p1", "p2"]);
    expect(scores[0]?.relevance).toBeGreaterThan(scores[1]?.relevance ?? 10);
    const seeds = odrSeedsOutputSchema.parse(
      ask(buildOdrSeedsPrompt({ topic, description: "", papers, names: [] })),
    ).ideas;
    expect(seeds).toHaveLength(5);
    const schema = templateOutputSchema(DEFAULT_IDEA_TEMPLATE);
    const seed = seeds[0] ?? { name: "", idea: "" };
    const expanded = schema.parse(
      ask(buildOdrExpandPrompt({ template: DEFAULT_IDEA_TEMPLATE, topic, seed })),
    );
    expect(expanded.title).toBe(seed.name);
    const base = { template: DEFAULT_IDEA_TEMPLATE, topic, description: "", earlier: [] };
    schema.parse(ask(buildDirectIdeaPrompt(base)));
    expect(schema.parse(ask(buildRagIdeaPrompt({ ...base, papers }))).problem).toMatch(/builds on/);
    odrJudgePairOutputSchema.parse(
      ask(buildOdrJudgePairPrompt({ topic, a: expanded, b: { title: "other" } })),
    );
  });

  it("seeds saturate: 200 seeds hold at most the pool's kinds, early batches mostly new", () => {
    const topic = "reducing hallucination in question answering";
    const dedup = createTfidfDeduper();
    const names: string[] = [];
    const rates: number[] = [];
    for (let b = 0; b < 40; b += 1) {
      const seeds = odrSeedsOutputSchema.parse(
        ask(buildOdrSeedsPrompt({ topic, description: "", papers, names })),
      ).ideas;
      names.push(...seeds.map((s) => s.name));
      rates.push(dedup.add(seeds.map(seedText)).uniqueRate);
    }
    const kept = dedup.keptIndices().length;
    expect(kept).toBeGreaterThanOrEqual(MOCK_IDEA_KINDS - 2);
    expect(kept).toBeLessThanOrEqual(MOCK_IDEA_KINDS);
    expect(rates[0]).toBeGreaterThanOrEqual(0.6);
    expect(rates.slice(-10).every((r) => r === 0)).toBe(true);
  });
});
