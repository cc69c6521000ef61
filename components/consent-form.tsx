"use client";

import { ActionForm } from "@/components/action-form";
import type { ActionResult } from "@/lib/errors";

export function ConsentForm({
  studyId,
  consentText,
  action,
}: {
  studyId: string;
  consentText: string;
  action: (prev: ActionResult<void> | null, formData: FormData) => Promise<ActionResult<void>>;
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
      </ActionForm>
    </div>
  );
}
