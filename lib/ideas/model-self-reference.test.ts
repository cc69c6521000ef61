import { describe, expect, it } from "vitest";
import { MODEL_MENTIONS } from "./fixtures/model-mentions";
import { checkLeaks } from "./leak-check";

// The leak check on 40 hand-written sentences (20 leaks, 20 legitimate model mentions), counting a
// sentence as flagged when the AI self-reference or model-name rule fires on it.

const template = [{ key: "method", label: "Method", guidance: "", required: true, wordLimit: 300 }];
const flagged = (text: string) =>
  checkLeaks({ fields: { method: text }, template, people: [] }).some(
    (f) => f.rule === "model_name" || f.rule === "ai_self_reference",
  );

describe("model-name and AI self-reference rules on the 40-sentence fixture", () => {
  const rows = MODEL_MENTIONS.map((m) => ({ ...m, flagged: flagged(m.text) }));
  const tp = rows.filter((r) => r.leak && r.flagged).length;
  const fp = rows.filter((r) => !r.leak && r.flagged).length;
  const fn = rows.filter((r) => r.leak && !r.flagged).length;
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);

  it("has 20 leaks and 20 legitimate sentences", () => {
    expect(MODEL_MENTIONS.filter((m) => m.leak)).toHaveLength(20);
    expect(MODEL_MENTIONS.filter((m) => !m.leak)).toHaveLength(20);
  });

  it("keeps precision and recall at or above 0.9 (the misses are the listed hard cases)", () => {
    console.info(
      `model rules: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`,
    );
    expect(rows.filter((r) => r.leak !== r.flagged).map((r) => r.text)).toEqual([
      "The idea below came from GPT-4o, lightly edited.",
      "Written by GPT-4, the synthetic questions are then filtered by annotators.",
    ]);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it("does not flag models named as baselines, and flags a model speaking as the author", () => {
    expect(flagged("We evaluate GPT-4o-mini and Llama-3-70B on the new benchmark.")).toBe(false);
    expect(flagged("As an AI language model, I would start small.")).toBe(true);
    expect(flagged("We (GPT-4) believe this works.")).toBe(true);
  });
});
