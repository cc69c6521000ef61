"use client";

import { ActionForm, Field } from "@/components/action-form";
import { JobProgress } from "@/components/job-progress";
import { startPromptCheckJobAction } from "./actions";

export function StartTestJobForm() {
  return (
    <ActionForm
      action={startPromptCheckJobAction}
      submitLabel="Start test job"
      testId="test-job-form"
      success={(d) => <JobProgress jobId={d.jobId} showItems />}
    >
      <Field
        label="Prompts, one per line (optional)"
        name="prompts"
        multiline
        hint="Leave empty for a few built-in prompts."
      />
    </ActionForm>
  );
}
