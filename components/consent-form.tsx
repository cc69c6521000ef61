"use client";

import { ActionForm, Field } from "@/components/action-form";
import type { ActionResult } from "@/lib/errors";

export function ConsentForm({
  studyId,
  consentText,
  action,
  returnTo,
  institution,
}: {
  studyId: string;
  consentText: string;
  action: (prev: ActionResult<void> | null, formData: FormData) => Promise<ActionResult<void>>;
  /** The page that asked; the person comes back to it after agreeing. */
  returnTo: string;
  /** Writers are asked for their institution here (the current one prefilled), for the assignment's conflicts. */
  institution?: string;
}) {
  return (
    <div className="max-w-2xl space-y-4" data-testid="consent">
      <h1 className="text-xl font-semibold">Before you start</h1>
      <div
        className="whitespace-pre-wrap rounded-md border border-[var(--border)] bg-[var(--surface)] p-4 text-sm"
        data-testid="consent-text"
      >
        {consentText}
      </div>
      <ActionForm action={action} submitLabel="I have read this and agree" testId="consent-form">
        <input type="hidden" name="studyId" value={studyId} />
        <input type="hidden" name="returnTo" value={returnTo} />
        {institution !== undefined ? (
          <Field
            label="Your institution"
            name="institution"
            defaultValue={institution}
            autoComplete="organization"
            hint="Reviewers from your institution will not be assigned your ideas. Leave empty if you have none; you can change it on your account page."
          />
        ) : null}
      </ActionForm>
    </div>
  );
}
