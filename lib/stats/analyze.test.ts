import { describe, expect, it } from "vitest";
import { makeTable, type ReviewSpec } from "./fixtures/make-table";
import { analyzeReviews, findParamProblems } from "./index";

/** 12 Human and 12 AI ideas over topics X and Y, every reviewer seeing both conditions. */
function balanced(): ReviewSpec[] {
  const out: ReviewSpec[] = [];
  for (let k = 0; k < 12; k += 1) {
    const topic = k % 2 === 0 ? "X" : "Y";
    out.push(["Human", `h${k}`, `r${k % 4}`, 3 + (k % 5), topic]);
    out.push(["AI", `a${k}`, `r${k % 4}`, 4 + ((k * 3) % 5), topic]);
  }
  return out;
}

describe("analyzeReviews", () => {
  it("returns every output and no warning for a balanced design with enough data", () => {
    const analysis = analyzeReviews(makeTable(balanced()), { baseline: "Human" });
    expect(analysis.params).toEqual({
      baseline: "Human",
      metrics: ["novelty"],
      correction: "bonferroni",
      family: "comparison",
    });
    expect(analysis.significance.map((r) => r.unit)).toEqual(["review", "idea", "reviewer"]);
    expect(analysis.topics.map((r) => r.topic)).toEqual(["X", "Y"]);
    expect(analysis.descriptives.map((r) => [r.condition, r.n])).toEqual([
      ["Human", 12],
      ["AI", 12],
    ]);
    expect(analysis.agreement).toHaveLength(1);
    // Unit reviewer has 4 reviewers: that is the one small-n warning.
    expect(analysis.warnings).toEqual([
      'small n: unit=reviewer, "AI" vs "Human" has tests with only 4 observations in a group (e.g. novelty); fewer than 10 makes p-values fragile',
    ]);
  });

  it("warns about unbalanced topics, reviewers without both conditions and untested rows", () => {
    const reviews: ReviewSpec[] = [
      ...balanced(),
      ["AI", "a99", "r9", 5, "X"],
      ["AI", "a98", "r9", 6, "X"],
      ["Solo", "s1", "r1", 4, "X"],
    ];
    const { warnings } = analyzeReviews(makeTable(reviews), { baseline: "Human" });
    expect(warnings).toEqual([
      'small n: unit=reviewer, "AI" vs "Human" has tests with only 4 observations in a group (e.g. novelty); fewer than 10 makes p-values fragile',
      "3 tests could not be run; the note column says why",
      'Topic "X" has 6 Human, 8 AI and 1 Solo ideas (50%, 57% and 100% of each condition\'s ideas), so topic and condition are partly confounded',
      'Topic "Y" has 6 Human, 6 AI and 0 Solo ideas (50%, 43% and 0% of each condition\'s ideas), so topic and condition are partly confounded',
      '1 of 5 reviewers of "AI" or "Human" did not review both; unit=reviewer leaves them out',
      '3 of 4 reviewers of "Solo" or "Human" did not review both; unit=reviewer leaves them out',
    ]);
  });

  const bad: { name: string; params: Parameters<typeof findParamProblems>[1]; problems: string[] }[] = [
    {
      name: "unknown baseline",
      params: { baseline: "Humans" },
      problems: ['unknown baseline "Humans" (conditions: Human, AI)'],
    },
    {
      name: "unknown metric",
      params: { baseline: "Human", metrics: ["novelty", "clarity"] },
      problems: ['unknown metric "clarity" (metrics: novelty)'],
    },
    { name: "no metrics", params: { baseline: "Human", metrics: [] }, problems: ["no metrics selected"] },
  ];
  it.each(bad)("rejects parameters: $name", ({ params, problems }) => {
    const table = makeTable(balanced());
    expect(findParamProblems(table, params)).toEqual(problems);
    expect(() => analyzeReviews(table, params)).toThrow(problems[0]);
  });
});
