// The caption of the summary table: which tests, which correction over which family, the stars, and
// any unit that was skipped. Plain text; each writer escapes it for its format.
import type { ResolvedParams } from "../params";
import type { PaperUnit } from "./table";

export const CORRECTION_LABELS = {
  bonferroni: "Bonferroni",
  holm: "Holm",
  bh: "Benjamini–Hochberg",
} as const;

export function familyText(params: Pick<ResolvedParams, "family" | "metrics">): string {
  return params.family === "comparison"
    ? `the ${params.metrics.length} metric${params.metrics.length === 1 ? "" : "s"} of one unit and one comparison`
    : "all tests of one unit";
}

/** How a writer prints the caption: its escaping of plain text and its stars. */
export type CaptionStyle = { text: (plain: string) => string; stars: (stars: string) => string };
const PLAIN: CaptionStyle = { text: (t) => t, stars: (s) => s };

export function paperCaption(
  params: ResolvedParams,
  units: readonly PaperUnit[],
  style: CaptionStyle = PLAIN,
): string {
  const skipped = units
    .filter((u) => u.skipped !== null)
    .map((u) => ` ${u.title} not tested (${(u.skipped as string).replace(/^skipped: /, "")}).`);
  const { text, stars } = style;
  return (
    text(
      `Each condition against the baseline ${params.baseline}: mean ± SD (n) per group, difference in means ` +
        "with its 95% CI, effect size and adjusted p. Reviews and ideas as units: Welch two-sample t-tests " +
        "(ideas: on each idea's mean score), effect Hedges' g; reviewers as units: one-sample t-tests of " +
        "each reviewer's difference between the conditions, effect Cohen's d_z. " +
        `p-values adjusted with the ${CORRECTION_LABELS[params.correction]} correction over ${familyText(params)}; `,
    ) +
    `${stars("*")}${text(" p_adj < 0.05, ")}${stars("**")}${text(" p_adj < 0.01, ")}${stars("***")}` +
    text(` p_adj < 0.001.${skipped.join("")}`)
  );
}
