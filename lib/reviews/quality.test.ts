import { describe, expect, it } from "vitest";
import { at } from "@/lib/assert";
import type { ReviewAnswers } from "./answers";
import { DEFAULT_REVIEW_FORM, type ReviewForm } from "./form";
import { QUALITY_FLAG_LABELS, qualityFlags } from "./quality";

const keys = DEFAULT_REVIEW_FORM.metrics.map((m) => m.key);
const answers = (over: Partial<ReviewAnswers> = {}): ReviewAnswers => ({
  scores: Object.fromEntries(keys.map((k, i) => [k, 3 + i])),
  rationales: Object.fromEntries(keys.map((k) => [k, "r".repeat(100)])),
  confidence: 3,
  familiarity: 3,
  minutes: 20,
  attested: true,
  ...over,
});
const options = { minActiveSeconds: 120 };
const flagsOf = (a: ReviewAnswers, seconds = 600, form: ReviewForm = DEFAULT_REVIEW_FORM) =>
  qualityFlags(form, a, seconds, options);

describe("qualityFlags", () => {
  it("raises nothing for a careful review", () => {
    expect(flagsOf(answers())).toEqual([]);
  });

  it("flags a required rationale under its minimum after trimming", () => {
    const a = answers();
    a.rationales.excitement = ` ${"r".repeat(99)}    `;
    expect(flagsOf(a)).toEqual(["short_rationale"]);
    a.rationales.excitement = "r".repeat(100);
    delete (a.rationales as Record<string, string | undefined>).overall;
    expect(flagsOf(a)).toEqual(["short_rationale"]);
  });

  it("ignores rationales that are optional or have no minimum", () => {
    const lenient: ReviewForm = {
      metrics: [
        { ...at(DEFAULT_REVIEW_FORM.metrics, 0), rationale: { required: false, minLength: 100 } },
        { ...at(DEFAULT_REVIEW_FORM.metrics, 1), rationale: { required: true, minLength: 0 } },
      ],
    };
    expect(flagsOf(answers({ rationales: {} }), 600, lenient)).toEqual([]);
  });

  it("flags active time under the minimum, not at it", () => {
    expect(flagsOf(answers(), 119)).toEqual(["low_active_time"]);
    expect(flagsOf(answers(), 120)).toEqual([]);
  });

  it("flags the same score on every metric only when all are scored and there are two or more", () => {
    const same = Object.fromEntries(keys.map((k) => [k, 5]));
    expect(flagsOf(answers({ scores: same }))).toEqual(["identical_scores"]);
    expect(flagsOf(answers({ scores: { ...same, overall: null } }))).toEqual([]);
    expect(flagsOf(answers({ scores: { ...same, overall: 6 } }))).toEqual([]);
    const single: ReviewForm = { metrics: [at(DEFAULT_REVIEW_FORM.metrics, 0)] };
    expect(flagsOf(answers({ scores: same }), 600, single)).toEqual([]);
  });

  it("reports several flags in a fixed order, each with a label", () => {
    const a = answers({ scores: Object.fromEntries(keys.map((k) => [k, 1])), rationales: {} });
    const flags = flagsOf(a, 10);
    expect(flags).toEqual(["short_rationale", "low_active_time", "identical_scores"]);
    for (const f of flags) expect(QUALITY_FLAG_LABELS[f].length).toBeGreaterThan(0);
  });
});
