"use client";

import { ActionForm, Field } from "@/components/action-form";
import { cancelRunAction, resumeRunAction } from "../../actions";

/** Cancel while the run is active; resume (optionally with a new budget) once it has stopped. */
export function RunControls({
  studyId,
  runId,
  active,
  resumable,
  budgetUsd,
}: {
  studyId: string;
  runId: string;
  active: boolean;
  resumable: boolean;
  budgetUsd: number;
}) {
  if (active)
    return (
      <ActionForm
        action={cancelRunAction}
        submitLabel="Cancel run"
        variant="secondary"
        testId="cancel-run"
        confirm="Cancel this run? The model calls in progress stop now. Finished steps and the ideas already written stay; you can resume the rest later."
      >
        <input type="hidden" name="studyId" value={studyId} />
        <input type="hidden" name="runId" value={runId} />
      </ActionForm>
    );
  if (!resumable) return null;
  return (
    <ActionForm
      action={resumeRunAction}
      submitLabel="Resume run"
      testId="resume-run"
      className="flex flex-wrap items-end gap-3"
      confirm="Resume this run? It continues the unfinished topics (finished steps are not redone) and may spend up to the budget shown."
    >
      <input type="hidden" name="studyId" value={studyId} />
      <input type="hidden" name="runId" value={runId} />
      <div className="w-40">
        <Field
          label="Budget cap (USD)"
          name="budgetUsd"
          type="number"
          step="0.01"
          defaultValue={String(budgetUsd)}
        />
      </div>
    </ActionForm>
  );
}
