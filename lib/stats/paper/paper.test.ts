import { describe, expect, it } from "vitest";
import { analyzeReviews } from "../analyze";
import type { SignificanceRow } from "../compare";
import { makeTable, type ReviewSpec } from "../fixtures/make-table";
import { formatDiffCi, formatMeanSd, formatPValue } from "./format";
import { escapeLatex, formatSignificanceLatex } from "./latex";
import { escapeMarkdown, formatSignificanceMarkdown } from "./markdown";
import { readResults } from "./reading";
import { buildPaperTable } from "./table";

// Eight ideas per condition, AI clearly higher, each reviewer seeing both conditions.
const reviews: ReviewSpec[] = Array.from({ length: 8 }, (_, i): ReviewSpec[] => [
  ["Human", `h${i}`, `r${i % 4}`, 3 + (i % 3)],
  ["AI & co_1", `a${i}`, `r${i % 4}`, 7 + (i % 3) + (i % 2)],
]).flat();
const analysis = analyzeReviews(makeTable(reviews), { baseline: "Human" });

describe("number formats", () => {
  it("prints mean ± SD (n), differences with CIs and p", () => {
    expect(formatMeanSd(5.6422, 1.7666, 109)).toBe("5.64 ± 1.77 (109)");
    expect(formatMeanSd(5, null, 1)).toBe("5.00 (1)");
    expect(formatDiffCi(0.8019, 0.3362, 1.2675)).toBe("0.80 [0.34, 1.27]");
    expect(formatDiffCi(-0.001, -0.5, 0.4)).toBe("0.00 [-0.50, 0.40]");
    expect(formatPValue(0.00408)).toBe("0.004");
    expect(formatPValue(0.0004)).toBe("< 0.001");
    expect(formatPValue(null)).toBe("");
  });
});

describe("escaping", () => {
  it("escapes every LaTeX special character", () => {
    expect(escapeLatex("a_b & 50% $x #1 {y} ~z ^w \\v")).toBe(
      "a\\_b \\& 50\\% \\$x \\#1 \\{y\\} \\textasciitilde{}z \\textasciicircum{}w \\textbackslash{}v",
    );
  });

  it("escapes Markdown so pipes do not split cells and stars print as stars", () => {
    expect(escapeMarkdown("a|b *c* _d_ `e` [f] <g> #h \\i")).toBe(
      "a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\] \\<g\\> \\#h \\\\i",
    );
    expect(escapeMarkdown("two\nlines")).toBe("two lines");
  });
});

describe("the paper table", () => {
  const units = buildPaperTable(analysis);
  const review = units[0]?.rows[0] as (typeof units)[number]["rows"][number];
  const source = review.source as SignificanceRow;

  it("has one row per metric and comparison per unit, with stars from the adjusted p", () => {
    expect(units.map((u) => [u.unit, u.rows.length, u.skipped])).toEqual([
      ["review", 1, null],
      ["idea", 1, null],
      ["reviewer", 1, null],
    ]);
    expect(source.stars).toBe("***");
    expect(review.pCell).toBe("< 0.001");
    expect(review.conditionCell).toBe(
      `${source.meanCondition?.toFixed(2)} ± ${source.sdCondition?.toFixed(2)} (8)`,
    );
  });

  it("writes LaTeX with booktabs, escaped names, superscript stars and a caption naming tests and correction", () => {
    const tex = formatSignificanceLatex(analysis);
    expect(tex).toContain("\\toprule");
    expect(tex).toContain("\\midrule");
    expect(tex).toContain("\\bottomrule");
    expect(tex).toContain("\\multicolumn{7}{l}{\\emph{Reviews as units}}");
    expect(tex).toContain("novelty & AI \\& co\\_1 & ");
    expect(tex).toContain("$<$ 0.001$^{***}$ \\\\");
    expect(tex).toMatch(
      /\\caption\{.*Welch two-sample t-tests.*Bonferroni correction over the 1 metric of one unit and one comparison; \$\^\{\*\}\$ p\\_adj \$<\$ 0\.05/,
    );
    expect(tex).not.toMatch(/[^\\]_[a-z]/);
  });

  it("writes Markdown pipe tables with escaped names and stars", () => {
    const md = formatSignificanceMarkdown(analysis);
    expect(md).toContain("**Reviews as units** (Welch two-sample t-test; effect Hedges' g)");
    expect(md).toContain(
      "| Metric | Condition | Mean ± SD (n) | Human (baseline) | Δ [95% CI] | Effect | p_adj |",
    );
    expect(md).toContain("| novelty | AI & co\\_1 | ");
    expect(md).toContain("| \\< 0.001\\*\\*\\* |");
    expect(md).toContain("Bonferroni correction");
  });

  it("leaves out a unit that could not be tested and says why in the caption", () => {
    const noIds = makeTable(reviews.map(([c, idea, , score]) => [c, idea, "", score] as ReviewSpec));
    const skipped = analyzeReviews(noIds, { baseline: "Human" });
    const md = formatSignificanceMarkdown(skipped);
    expect(md).not.toContain("Reviewers as units**");
    expect(md).toContain(
      'Reviewers as units not tested (unit=reviewer needs reviewer ids (column "reviewer\\_id")',
    );
    expect(formatSignificanceLatex(skipped)).not.toContain("\\emph{Reviewers as units}");
  });
});

describe("the reading sentence", () => {
  it("says where a difference is significant", () => {
    expect(readResults(analysis.significance)).toEqual([
      "AI & co_1 ideas were rated higher than Human ideas on novelty (at all three units).",
    ]);
  });

  it("names the units, the other direction and the metrics without a difference", () => {
    const row = (unit: SignificanceRow["unit"], metric: string, diff: number, stars: string) =>
      ({
        unit,
        metric,
        condition: "AI",
        baseline: "Human",
        meanDiff: diff,
        pValue: 0.01,
        stars,
      }) as SignificanceRow;
    expect(
      readResults([
        row("review", "novelty", 1, "**"),
        row("review", "feasibility", -1, "*"),
        row("review", "overall", 0.1, ""),
        row("idea", "novelty", 1, "*"),
        row("idea", "feasibility", -1, ""),
        row("idea", "overall", 0.1, ""),
      ]),
    ).toEqual([
      "AI ideas were rated higher than Human ideas on novelty (at every unit tested), and rated lower than Human ideas on feasibility (with reviews as units); no significant difference on overall.",
    ]);
    expect(readResults([row("review", "novelty", 1, "")])).toEqual([
      "AI and Human ideas did not differ significantly on any metric (p_adj ≥ 0.05 at every unit tested).",
    ]);
  });
});
