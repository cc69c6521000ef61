import { describe, expect, it } from "vitest";
import { DEFAULT_IDEA_TEMPLATE } from "@/lib/ideas/template";
import {
  buildDirectIdeaPrompt,
  buildRagIdeaPrompt,
  DIRECT_IDEA_TASK_MARKER,
  RAG_IDEA_TASK_MARKER,
} from "./baseline-idea";
import { buildOdrExpandPrompt } from "./odr-expand";
import {
  buildOdrJudgePairPrompt,
  extractOdrJudgePairInput,
  odrJudgePairOutputSchema,
} from "./odr-judge-pair";
import { buildOdrQueriesPrompt, extractOdrQueriesInput, odrQueriesOutputSchema } from "./odr-queries";
import {
  buildOdrScorePrompt,
  checkScoreIds,
  extractOdrScoreInput,
  odrScoreOutputSchema,
} from "./odr-score-papers";
import {
  buildOdrSeedsPrompt,
  extractOdrSeedsInput,
  MAX_NAMES_SHOWN,
  odrSeedsOutputSchema,
} from "./odr-seeds";
import { extractTemplateFields, templateOutputSchema } from "./template-fields";

const paper = { id: "p1", title: "Chain of thought", abstract: "We study <b>reasoning</b>." };

describe("overgenerate–dedup–rank and baseline prompts", () => {
  it("round-trip their inputs through tagged JSON", () => {
    const q = buildOdrQueriesPrompt({ topic: " Bias ", description: "d", found: ["T1"] });
    expect(extractOdrQueriesInput(q.prompt)).toEqual({ topic: "Bias", description: "d", found: ["T1"] });
    expect(
      extractOdrScoreInput(buildOdrScorePrompt({ topic: "t", papers: [paper] }).prompt)?.papers[0]?.abstract,
    ).toBe(paper.abstract);
    const names = Array.from({ length: 150 }, (_, i) => `name ${i}`);
    const seeds = extractOdrSeedsInput(
      buildOdrSeedsPrompt({ topic: "t", description: "", papers: [paper], names }).prompt,
    );
    expect(seeds?.namesAlreadyGenerated).toHaveLength(MAX_NAMES_SHOWN);
    expect(seeds?.namesAlreadyGenerated.at(-1)).toBe("name 149");
    const judge = buildOdrJudgePairPrompt({ topic: "t", a: { title: "A" }, b: { title: "B" } });
    expect(extractOdrJudgePairInput(judge.prompt)).toEqual({ a: { title: "A" }, b: { title: "B" } });
  });

  it("show the study's template to the template-writing prompts", () => {
    const seed = { name: "n", idea: "i" };
    const prompts = [
      buildOdrExpandPrompt({ template: DEFAULT_IDEA_TEMPLATE, topic: "t", seed }),
      buildDirectIdeaPrompt({ template: DEFAULT_IDEA_TEMPLATE, topic: "t", description: "", earlier: [] }),
      buildRagIdeaPrompt({
        template: DEFAULT_IDEA_TEMPLATE,
        topic: "t",
        description: "",
        earlier: [],
        papers: [paper],
      }),
    ];
    for (const p of prompts)
      expect(extractTemplateFields(p.prompt)?.map((f) => f.key)).toEqual(
        DEFAULT_IDEA_TEMPLATE.map((f) => f.key),
      );
    expect(prompts[1]?.system).toContain(DIRECT_IDEA_TASK_MARKER);
    expect(prompts[2]?.system).toContain(RAG_IDEA_TASK_MARKER);
    expect(prompts[1]?.prompt).not.toContain("rag_papers_json");
  });

  it("schemas reject out-of-range scores, too many seeds, a missing template key and a bad winner", () => {
    expect(odrQueriesOutputSchema.safeParse({ queries: [] }).success).toBe(false);
    const score = { id: "p1", relevance: 11, empirical: 5, inspiration: 5 };
    expect(odrScoreOutputSchema.safeParse({ scores: [score] }).error?.issues[0]?.message).toBe(
      "relevance is above 10",
    );
    expect(checkScoreIds([{ ...score, relevance: 5, id: "zz" }], ["p1"])).toMatch(/zz/);
    const six = Array.from({ length: 6 }, () => ({ name: "n", idea: "i" }));
    expect(odrSeedsOutputSchema.safeParse({ ideas: six }).success).toBe(false);
    const template = templateOutputSchema(DEFAULT_IDEA_TEMPLATE);
    expect(template.safeParse({ title: "x" }).success).toBe(false);
    expect(odrJudgePairOutputSchema.safeParse({ reasoning: "r", winner: "C" }).success).toBe(false);
  });
});
