"use client";

import { ActionForm, Field } from "@/components/action-form";
import { createStudyAction } from "./actions";

export function CreateStudyForm() {
  return (
    <ActionForm
      action={createStudyAction}
      submitLabel="Create study"
      pendingLabel="Creating…"
      testId="create-study-form"
    >
      <Field label="Title" name="title" required placeholder="e.g. Prompting methods for factuality" />
      <Field label="Description" name="description" multiline hint="Optional. Shown to participants." />
    </ActionForm>
  );
}
