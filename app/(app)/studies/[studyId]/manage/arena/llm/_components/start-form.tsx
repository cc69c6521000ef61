"use client";

import { ActionForm } from "@/components/action-form";
import { plural } from "@/lib/format";
import { startLlmJudgingAction } from "../actions";

export function StartLlmJudgingForm({
  studyId,
  model,
  missing,
  resume,
}: {
  studyId: string;
  model: string;
  missing: number;
  resume: boolean;
}) {
  const orders = plural(missing, "order");
  return (
    <ActionForm
      action={startLlmJudgingAction}
      submitLabel={
        resume ? `Resume: judge the ${orders} left with ${model}` : `Judge ${orders} with ${model}`
      }
      pendingLabel="Starting…"
      testId="start-llm-judge"
      success={() => (
        <p className="text-sm" data-testid="llm-judge-started">
          Started. Progress is shown under “Latest run”.
        </p>
      )}
    >
      <input type="hidden" name="studyId" value={studyId} />
    </ActionForm>
  );
}
