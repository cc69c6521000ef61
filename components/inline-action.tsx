"use client";

import { ActionForm } from "@/components/action-form";
import type { ActionResult } from "@/lib/errors";

/** A one-button form (revoke, remove, toggle) whose refusal is shown beside it, not lost. */
export function InlineAction<T>({
  action,
  fields,
  label,
  confirm,
  testId,
}: {
  action: (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
  fields: Record<string, string>;
  label: string;
  confirm?: string;
  testId?: string;
}) {
  return (
    <ActionForm
      action={action}
      submitLabel={label}
      variant="ghost"
      className="inline-block space-y-1"
      confirm={confirm}
      testId={testId}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </ActionForm>
  );
}
