"use client";

import { ActionForm, FieldErrorText } from "@/components/action-form";
import { Alert } from "@/components/ui/alert";
import { reassignAction } from "../actions";

export type ReassignOption = { id: string; label: string };

const selectClass =
  "block w-full rounded-md border border-[var(--border)] bg-[var(--background)] px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-[var(--accent)]";

function ReviewerSelect({
  name,
  label,
  options,
}: {
  name: "fromReviewerId" | "toReviewerId";
  label: string;
  options: ReassignOption[];
}) {
  const id = `reassign-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue="" className={selectClass} data-testid={`field-${name}`}>
        <option value="" disabled>
          Choose a reviewer…
        </option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrorText name={name} />
    </div>
  );
}

export function ReassignForm({
  studyId,
  from,
  to,
}: {
  studyId: string;
  from: ReassignOption[];
  to: ReassignOption[];
}) {
  return (
    <ActionForm
      action={reassignAction}
      submitLabel="Move open reviews"
      pendingLabel="Moving…"
      testId="reassign-form"
      success={(d) => (
        <Alert tone={d.kept.length > 0 ? "warning" : "success"} testId="reassign-result">
          Moved {d.moved}; kept {d.kept.length}
          {d.kept.length > 0
            ? `: ${d.kept.map((k) => `${k.ideaCode} (${k.reason.replace(/\.$/, "")})`).join("; ")}`
            : ""}
          .
        </Alert>
      )}
    >
      <input type="hidden" name="studyId" value={studyId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <ReviewerSelect name="fromReviewerId" label="From reviewer" options={from} />
        <ReviewerSelect name="toReviewerId" label="To reviewer" options={to} />
      </div>
    </ActionForm>
  );
}
