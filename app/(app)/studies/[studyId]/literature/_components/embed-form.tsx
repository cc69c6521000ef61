"use client";

import { ActionForm } from "@/components/action-form";
import { JobProgress } from "@/components/job-progress";
import { startEmbeddingAction } from "../actions";

/** Starts the embedding job for the papers that have no vector of the configured model yet. */
export function EmbedForm({ studyId, model, missing }: { studyId: string; model: string; missing: number }) {
  return (
    <ActionForm
      action={startEmbeddingAction}
      submitLabel="Compute embeddings"
      testId="start-embeddings"
      formId="embed-form"
      success={(d) => <JobProgress jobId={d.jobId} />}
    >
      <input type="hidden" name="studyId" value={studyId} />
      <p className="text-xs text-[var(--foreground-soft)]" data-testid="embeddings-missing">
        {missing === 0
          ? `Every paper has a ${model} embedding.`
          : `${missing} paper${missing === 1 ? "" : "s"} without a ${model} embedding. Papers already embedded are skipped.`}
      </p>
    </ActionForm>
  );
}
