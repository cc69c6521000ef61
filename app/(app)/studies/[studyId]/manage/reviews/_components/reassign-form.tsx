"use client";

import { ActionForm } from "@/components/action-form";
import { SelectField } from "@/components/select-field";
import { Alert } from "@/components/ui/alert";
import { reassignAction } from "../actions";

export type ReassignOption = { id: string; label: string };

function ReviewerSelect({
  name,
  label,
  options,
}: {
  name: "fromReviewerId" | "toReviewerId";
  label: string;
  options: ReassignOption[];
}) {
  return (
    <SelectField
      label={label}
      name={name}
      options={options.map((o) => ({ value: o.id, label: o.label }))}
      placeholder="Choose a reviewer…"
      placeholderDisabled
    />
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
