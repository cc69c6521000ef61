"use client";

import { ActionForm } from "@/components/action-form";
import { JobProgress } from "@/components/job-progress";
import { plural } from "@/lib/format";
import { startNormalizationAction } from "./actions";

export function StartNormalizationForm({ studyId, count }: { studyId: string; count: number }) {
  return (
    <ActionForm
      action={startNormalizationAction}
      submitLabel={`Normalize ${plural(count, "submitted idea")}`}
      testId="start-normalization"
      formId="normalize-form"
      success={(d) => <JobProgress jobId={d.jobId} />}
    >
      <input type="hidden" name="studyId" value={studyId} />
      <p className="text-xs text-[var(--foreground-soft)]">
        Tick ideas in the table to normalize only those; otherwise every submitted idea is rewritten.
        Originals are kept.
      </p>
    </ActionForm>
  );
}
