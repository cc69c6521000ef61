import type { ReviewAnalysis } from "@/lib/stats";
import { describeResult } from "./format";

const CORRECTION_NAMES = { bonferroni: "Bonferroni", holm: "Holm", bh: "Benjamini–Hochberg" } as const;

/** One plain sentence per significant result, across the three units. */
export function SummaryLines({ analysis }: { analysis: ReviewAnalysis }) {
  const lines = analysis.significance.map(describeResult).filter((line): line is string => line !== null);
  const { correction } = analysis.params;
  if (lines.length === 0) {
    return (
      <p className="text-sm" data-testid="result-summary-none">
        No comparison is significant at p_adj &lt; 0.05 after {CORRECTION_NAMES[correction]} correction.
      </p>
    );
  }
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm">
      {lines.map((line) => (
        <li key={line} data-testid="result-summary">
          {line}
        </li>
      ))}
    </ul>
  );
}

export { CORRECTION_NAMES };
