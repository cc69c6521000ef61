"use client";

import { ActionForm, Field } from "@/components/action-form";
import { InlineAction } from "@/components/inline-action";
import { SelectField } from "@/components/select-field";
import { plural } from "@/lib/format";
import {
  addConflictAction,
  addPairAction,
  publishAction,
  removeConflictAction,
  removePairAction,
  runAssignmentAction,
  withdrawReviewerAction,
} from "./actions";

const ok = (m: unknown) => <p className="text-sm text-green-700 dark:text-green-400">{String(m)}</p>;

type Option = { id: string; name: string };

function Select({
  name,
  label,
  options,
  empty,
}: {
  name: string;
  label: string;
  options: Option[];
  empty?: string;
}) {
  return (
    <SelectField
      label={label}
      name={name}
      options={options.map((o) => ({ value: o.id, label: o.name }))}
      placeholder={empty ?? "Choose…"}
      testId={`select-${name}`}
    />
  );
}

export function RunForm({
  studyId,
  params,
  hasPublished,
}: {
  studyId: string;
  params: { reviewsPerIdea: { min: number; max: number }; seed: number };
  hasPublished: boolean;
}) {
  return (
    <ActionForm
      action={runAssignmentAction}
      submitLabel={hasPublished ? "Assign remaining" : "Run assignment"}
      pendingLabel="Assigning…"
      testId="run-assignment"
      success={ok}
    >
      <input type="hidden" name="studyId" value={studyId} />
      <input type="hidden" name="mode" value={hasPublished ? "remaining" : "full"} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          label="Fewest reviews per idea"
          name="reviewsMin"
          type="number"
          min={1}
          max={20}
          defaultValue={params.reviewsPerIdea.min}
        />
        <Field
          label="Most reviews per idea"
          name="reviewsMax"
          type="number"
          min={1}
          max={20}
          defaultValue={params.reviewsPerIdea.max}
        />
        <Field
          label="Random seed"
          name="seed"
          type="number"
          min={0}
          defaultValue={params.seed}
          hint="Same seed, same assignment."
        />
      </div>
      {hasPublished ? (
        <p className="text-xs text-[var(--foreground-soft)]">
          Assignments are published, so a run only fills gaps (late joiners, withdrawals, new ideas):
          published pairs never move.
        </p>
      ) : null}
    </ActionForm>
  );
}

export function AddPairForm({ studyId, reviewers }: { studyId: string; reviewers: Option[] }) {
  return (
    <ActionForm
      action={addPairAction}
      submitLabel="Add pair"
      testId="add-pair"
      success={ok}
      className="grid gap-3 sm:grid-cols-3 sm:items-end"
    >
      <input type="hidden" name="studyId" value={studyId} />
      <Field label="Idea code" name="ideaCode" />
      <Select name="reviewerId" label="Reviewer" options={reviewers} />
    </ActionForm>
  );
}

export function RemovePairButton({ studyId, assignmentId }: { studyId: string; assignmentId: string }) {
  return (
    <InlineAction
      action={removePairAction}
      fields={{ studyId, assignmentId }}
      label="Remove"
      testId="remove-pair"
    />
  );
}

export function PublishForm({ studyId, count }: { studyId: string; count: number }) {
  return (
    <ActionForm
      action={publishAction}
      submitLabel={count > 0 ? `Publish ${plural(count, "assignment")}` : "Publish"}
      testId="publish-assignments"
      success={ok}
      confirm="Publish these assignments? Reviewers will see them, and published pairs no longer move."
    >
      <input type="hidden" name="studyId" value={studyId} />
    </ActionForm>
  );
}

export function AddConflictForm({
  studyId,
  reviewers,
  authors,
}: {
  studyId: string;
  reviewers: Option[];
  authors: Option[];
}) {
  return (
    <ActionForm
      action={addConflictAction}
      submitLabel="Mark conflict"
      testId="add-conflict"
      success={ok}
      className="mt-4 grid gap-3 sm:grid-cols-4 sm:items-end"
    >
      <input type="hidden" name="studyId" value={studyId} />
      <Select name="reviewerId" label="Reviewer" options={reviewers} />
      <Field label="Idea code" name="ideaCode" hint="or choose an author" />
      <Select name="authorId" label="Author" options={authors} empty="(none)" />
    </ActionForm>
  );
}

export function RemoveConflictButton({ studyId, id }: { studyId: string; id: string }) {
  return (
    <InlineAction
      action={removeConflictAction}
      fields={{ studyId, id }}
      label="Remove"
      testId="remove-conflict"
    />
  );
}

export function WithdrawReviewerButton({
  studyId,
  reviewerId,
  name,
}: {
  studyId: string;
  reviewerId: string;
  name: string;
}) {
  return (
    <InlineAction
      action={withdrawReviewerAction}
      fields={{ studyId, reviewerId }}
      label="Withdraw"
      testId="withdraw-reviewer"
      confirm={`Withdraw ${name}? Their open assignments are released; submitted reviews stay.`}
    />
  );
}
