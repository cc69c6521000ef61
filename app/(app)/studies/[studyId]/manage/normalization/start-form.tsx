"use client";

import { useEffect, useState } from "react";
import { ActionForm } from "@/components/action-form";
import { JobProgress } from "@/components/job-progress";
import { plural } from "@/lib/format";
import { startNormalizationAction } from "./actions";

const FORM_ID = "normalize-form";

/** How many of the table's checkboxes (joined to this form by their `form` attribute) are ticked. */
function useSelectedCount(): number {
  const [selected, setSelected] = useState(0);
  useEffect(() => {
    const count = () =>
      setSelected(document.querySelectorAll(`input[form="${FORM_ID}"][name="ideaIds[]"]:checked`).length);
    count();
    document.addEventListener("change", count);
    return () => document.removeEventListener("change", count);
  }, []);
  return selected;
}

export function StartNormalizationForm({
  studyId,
  notYetNormalized,
  phaseProblem,
}: {
  studyId: string;
  /** Submitted ideas without a finished rewrite: what a run with nothing ticked rewrites. */
  notYetNormalized: number;
  phaseProblem: string | null;
}) {
  const selected = useSelectedCount();
  const label =
    selected > 0
      ? `Normalize ${plural(selected, "selected idea")}`
      : `Normalize ${plural(notYetNormalized, "idea")} without a rewrite`;
  const reason =
    phaseProblem ??
    (selected === 0 && notYetNormalized === 0
      ? "Every submitted idea has a rewrite; tick ideas in the table to rewrite them again."
      : null);
  return (
    <ActionForm
      action={startNormalizationAction}
      submitLabel={label}
      testId="start-normalization"
      formId={FORM_ID}
      disabledReason={reason}
      confirm={
        selected > 0
          ? `Rewrite ${plural(selected, "selected idea")} now? A new rewrite replaces the current one and clears its decision.`
          : undefined
      }
      success={(d) => <JobProgress jobId={d.jobId} />}
    >
      <input type="hidden" name="studyId" value={studyId} />
      <p className="text-xs text-[var(--foreground-soft)]">
        Tick ideas in the table to normalize only those; otherwise every submitted idea without a rewrite is
        rewritten. Originals are kept.
      </p>
    </ActionForm>
  );
}
