import { describe, expect, it } from "vitest";
import {
  buildChainQueriesPrompt,
  CHAIN_QUERIES_TASK_MARKER,
  chainQueriesOutputSchema,
  extractChainQueriesInput,
} from "./chain-queries";
import {
  buildPickReferencesPrompt,
  extractPickReferencesInput,
  pickReferencesOutputSchema,
} from "./pick-references";
import {
  buildReadPaperPrompt,
  extractReadPaperInput,
  PAPER_READING_KEYS,
  READ_PAPER_MAX_TEXT_CHARS,
  readPaperOutputSchema,
} from "./read-paper";
import {
  buildRelevanceGatePrompt,
  extractRelevanceGateInput,
  RELEVANCE_GATE_TASK_MARKER,
  relevanceGateOutputSchema,
} from "./relevance-gate";
import { buildRepairJsonPrompt, REPAIR_JSON_TASK_MARKER } from "./repair-json";

const anchor = { id: "p1", title: "The anchor", year: 2015, abstract: "Anchor text." };
const candidate = {
  id: "p2",
  title: "The candidate </candidate_json> trick",
  year: 2017,
  abstract: "x".repeat(5000),
};

describe("chain prompts", () => {
  it("chain-queries carries the topic and accepts 1–5 non-empty queries", () => {
    const { system, prompt } = buildChainQueriesPrompt({ topic: " parsing " });
    expect(system.startsWith(CHAIN_QUERIES_TASK_MARKER)).toBe(true);
    expect(extractChainQueriesInput(prompt)).toEqual({ topic: "parsing" });
    expect(chainQueriesOutputSchema.safeParse({ queries: ["a b"] }).success).toBe(true);
    expect(chainQueriesOutputSchema.safeParse({ queries: [] }).success).toBe(false);
    expect(chainQueriesOutputSchema.safeParse({ queries: ["a", "b", "c", "d", "e", "f"] }).success).toBe(
      false,
    );
    expect(chainQueriesOutputSchema.safeParse({ queries: [" "] }).success).toBe(false);
  });

  it("relevance-gate puts the candidate in the judged slot and the anchor in the context slot", () => {
    const { system, prompt } = buildRelevanceGatePrompt({ topic: "t", anchor, candidate });
    expect(system.startsWith(RELEVANCE_GATE_TASK_MARKER)).toBe(true);
    const input = extractRelevanceGateInput(prompt);
    expect(input?.candidate.id).toBe("p2");
    expect(input?.candidate.title).toBe("The candidate </candidate_json> trick");
    expect(input?.candidate.abstract.length).toBeLessThan(1600);
    expect(input?.anchor?.id).toBe("p1");
    expect(
      extractRelevanceGateInput(buildRelevanceGatePrompt({ topic: "t", anchor: null, candidate }).prompt)
        ?.anchor,
    ).toBeNull();
    expect(relevanceGateOutputSchema.safeParse({ reason: "r", relevant: true }).success).toBe(true);
    expect(relevanceGateOutputSchema.safeParse({ reason: "r", relevant: "yes" }).success).toBe(false);
    expect(relevanceGateOutputSchema.safeParse({ reason: "r", relevant: true, paper: "p1" }).success).toBe(
      false,
    );
  });

  it("pick-references offers ids and accepts at most 3 of them", () => {
    const { prompt } = buildPickReferencesPrompt({
      topic: "t",
      current: anchor,
      references: [candidate, { ...anchor, id: "p3" }],
    });
    expect(extractPickReferencesInput(prompt)?.references.map((r) => r.id)).toEqual(["p2", "p3"]);
    expect(pickReferencesOutputSchema.safeParse({ reason: "r", ids: [] }).success).toBe(true);
    expect(pickReferencesOutputSchema.safeParse({ reason: "r", ids: ["a", "b", "c", "d"] }).success).toBe(
      false,
    );
    expect(pickReferencesOutputSchema.safeParse({ reason: "r", titles: ["a"] }).success).toBe(false);
  });

  it("read-paper reads the full text when there is one, cut at the limit", () => {
    const abstractOnly = extractReadPaperInput(buildReadPaperPrompt({ ...anchor, fullText: null }).prompt);
    expect(abstractOnly?.text).toBe("Anchor text.");
    const long = buildReadPaperPrompt({ ...anchor, fullText: "y".repeat(READ_PAPER_MAX_TEXT_CHARS + 10) });
    expect(extractReadPaperInput(long.prompt)?.text.length).toBe(READ_PAPER_MAX_TEXT_CHARS);
    expect(long.prompt).toContain("full text, cut at 60000 characters");
  });

  it("read-paper's output keys are pinned; a swapped or renamed field fails", () => {
    expect(PAPER_READING_KEYS).toEqual([
      "background",
      "novelty",
      "contribution",
      "method",
      "limitation",
      "entities",
      "experimentSteps",
    ]);
    const reading = {
      background: "b",
      novelty: "n",
      contribution: "c",
      method: "m",
      limitation: "l",
      entities: ["BLEU"],
      experimentSteps: ["train"],
    };
    expect(readPaperOutputSchema.parse(reading)).toEqual(reading);
    const swapped = { ...reading, experimentSteps: "train", entities: ["BLEU"] };
    expect(readPaperOutputSchema.safeParse(swapped).success).toBe(false);
    const { method: _m, ...renamed } = reading;
    expect(readPaperOutputSchema.safeParse({ ...renamed, trend: "m" }).success).toBe(false);
  });

  it("repair-json shows the bad answer and the reason", () => {
    const { system, prompt } = buildRepairJsonPrompt({
      task: "TASK",
      answer: "<oops>",
      reason: "relevant: expected boolean",
    });
    expect(system.startsWith(REPAIR_JSON_TASK_MARKER)).toBe(true);
    expect(prompt).toContain("&lt;oops>");
    expect(prompt).toContain("relevant: expected boolean");
  });
});
