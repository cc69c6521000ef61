import { type ReviewAnswers, rationaleLength } from "./answers";
import type { ReviewForm } from "./form";

// Signs that a submitted review may have been rushed. They are shown to organizers to look at,
// never used to refuse a review: a short rationale or the same score everywhere can be honest.

export type QualityFlag = "short_rationale" | "low_active_time" | "identical_scores";

export const QUALITY_FLAG_LABELS: Record<QualityFlag, string> = {
  short_rationale: "A rationale is shorter than the form asks",
  low_active_time: "Little active time on the review page",
  identical_scores: "The same score for every metric",
};

export function qualityFlags(
  form: ReviewForm,
  answers: ReviewAnswers,
  activeSeconds: number,
  options: { minActiveSeconds: number },
): QualityFlag[] {
  const flags: QualityFlag[] = [];
  const short = form.metrics.some(
    (m) =>
      m.rationale.required &&
      m.rationale.minLength > 0 &&
      rationaleLength(answers.rationales[m.key] ?? "") < m.rationale.minLength,
  );
  if (short) flags.push("short_rationale");
  if (activeSeconds < options.minActiveSeconds) flags.push("low_active_time");
  const scores = form.metrics.map((m) => answers.scores[m.key] ?? null);
  // With a single metric every review would be "identical", so the flag needs two or more.
  if (scores.length >= 2 && scores.every((s) => s !== null && s === scores[0])) {
    flags.push("identical_scores");
  }
  return flags;
}
