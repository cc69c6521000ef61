import { CONFIDENCE_SCALE, FAMILIARITY_SCALE } from "@/lib/reviews/form";
import { MetricPreview } from "./metric-preview";

/** The questions every review asks besides the form's metrics; their wording is not editable. */
export function FixedFieldsNote({ attestationText }: { attestationText: string | null }) {
  return (
    <div className="space-y-4" data-testid="fixed-fields">
      <p className="text-sm text-[var(--foreground-soft)]">
        Every review also asks the following after the metrics above. Their wording is fixed and cannot be
        edited here.
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        {[CONFIDENCE_SCALE, FAMILIARITY_SCALE].map((s) => (
          <div key={s.key} className="rounded-md bg-[var(--muted)] p-3">
            <MetricPreview metric={s} testId={`fixed-${s.key}`} />
          </div>
        ))}
      </div>
      <ul className="list-disc space-y-1 pl-5 text-sm">
        <li>
          <strong>Minutes spent</strong>: a whole number the reviewer enters. The app also records the active
          time on the review page.
        </li>
        <li data-testid="fixed-attestation">
          <strong>Attestation</strong>:{" "}
          {attestationText ? (
            <>a checkbox the reviewer ticks when submitting: “{attestationText}”</>
          ) : (
            <>none. Set one under Review settings if reviewers should confirm something when they submit.</>
          )}
        </li>
      </ul>
    </div>
  );
}
