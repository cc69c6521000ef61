import type { ScaleAnchor } from "@/lib/reviews/form";

// No hooks and no "use client": the editor renders it for drafts, the page for the fixed questions.

export type PreviewMetric = {
  label: string;
  definition: string;
  scale: { min: number; max: number } | null;
  anchors: ScaleAnchor[];
  rationale?: { required: boolean; minLength: number };
};

// Beyond this many points only the anchored ones are listed, so a 0–100 scale stays readable.
const LIST_ALL_UP_TO = 11;

/** A metric as a reviewer meets it: the question, every point of the scale, and the anchor texts. */
export function MetricPreview({ metric, testId }: { metric: PreviewMetric; testId?: string }) {
  const lo = metric.scale?.min ?? Number.NaN;
  const hi = metric.scale?.max ?? Number.NaN;
  const valid = Number.isInteger(lo) && Number.isInteger(hi) && lo < hi;
  const text = (v: number) => metric.anchors.find((a) => a.value === v)?.text;
  const size = valid ? hi - lo + 1 : 0;
  // Built from the anchors, not the range, on wide scales: a half-typed 1000000 must not freeze the page.
  const points =
    size > LIST_ALL_UP_TO
      ? [...new Set(metric.anchors.map((a) => a.value))]
          .filter((v) => v >= lo && v <= hi)
          .sort((a, b) => a - b)
      : Array.from({ length: size }, (_, i) => lo + i);
  return (
    <div className="space-y-2 text-sm" data-testid={testId}>
      <p className="font-medium">{metric.label.trim() || "(no label yet)"}</p>
      {metric.definition.trim() ? (
        <p className="whitespace-pre-line text-[var(--foreground-soft)]">{metric.definition}</p>
      ) : null}
      {valid ? (
        <p className="text-xs">
          Scale {lo}–{hi}
          {size > LIST_ALL_UP_TO ? "; anchored points:" : ":"}
        </p>
      ) : null}
      {points.length > 0 ? (
        <ol className="space-y-0.5" aria-label={`Scale ${lo} to ${hi}`}>
          {points.map((v) => (
            <li key={v} className="flex gap-2">
              <span className="inline-block w-8 shrink-0 rounded border border-[var(--border)] text-center text-xs">
                {v}
              </span>
              <span className="text-xs">{text(v) ?? ""}</span>
            </li>
          ))}
        </ol>
      ) : valid ? null : (
        <p className="text-xs text-[var(--foreground-soft)]">Set a scale minimum below its maximum.</p>
      )}
      {metric.rationale ? (
        <p className="text-xs text-[var(--foreground-soft)]">
          {metric.rationale.required
            ? `Rationale required${metric.rationale.minLength > 0 ? `, at least ${metric.rationale.minLength} characters` : ""}.`
            : "Rationale optional."}
        </p>
      ) : null}
    </div>
  );
}
