"use client";

import { ActionForm } from "@/components/action-form";
import { Alert } from "@/components/ui/alert";
import type { IdeaTemplateField } from "@/lib/ideas/types";
import { reviewNormalizationAction } from "../actions";

const done = (d: { decision: string }) => <Alert tone="success">Saved: {d.decision}.</Alert>;

export function DecisionButtons({
  studyId,
  ideaId,
  hasRewrite,
  rewriteHits,
  phaseProblem,
}: {
  studyId: string;
  ideaId: string;
  hasRewrite: boolean;
  /** Why the phase forbids decisions now; null when they are allowed. */
  phaseProblem: string | null;
  /** The rewrite's leak-check hits as describeLeakFlags writes them; empty when it has none. */
  rewriteHits: string;
}) {
  return (
    <div className="flex flex-wrap items-start gap-3">
      {hasRewrite ? (
        <ActionForm
          action={reviewNormalizationAction}
          submitLabel={rewriteHits ? "Accept the rewrite with its leak hits" : "Accept the rewrite"}
          disabledReason={phaseProblem}
          testId="accept-rewrite"
          success={done}
          confirm={
            rewriteHits
              ? `Reviewers will see these leak-check hits: ${rewriteHits}. Accept anyway?`
              : undefined
          }
        >
          <input type="hidden" name="studyId" value={studyId} />
          <input type="hidden" name="ideaId" value={ideaId} />
          <input type="hidden" name="decision" value="accept" />
          {rewriteHits ? (
            <label className="flex max-w-md items-start gap-2 text-sm">
              <input type="checkbox" name="acceptHits" value="yes" data-testid="accept-rewrite-hits" />
              <span>Reviewers will see {rewriteHits}. I checked them and accept the rewrite as it is.</span>
            </label>
          ) : null}
        </ActionForm>
      ) : null}
      <ActionForm
        action={reviewNormalizationAction}
        submitLabel="Use the original text"
        variant="secondary"
        disabledReason={phaseProblem}
        testId="use-original"
        success={done}
      >
        <input type="hidden" name="studyId" value={studyId} />
        <input type="hidden" name="ideaId" value={ideaId} />
        <input type="hidden" name="decision" value="reject" />
      </ActionForm>
    </div>
  );
}

export function EditRewriteForm({
  studyId,
  ideaId,
  template,
  fields,
  phaseProblem,
}: {
  studyId: string;
  ideaId: string;
  template: IdeaTemplateField[];
  fields: Record<string, string>;
  phaseProblem: string | null;
}) {
  return (
    <ActionForm
      action={reviewNormalizationAction}
      submitLabel="Save my edit as the review text"
      variant="secondary"
      disabledReason={phaseProblem}
      testId="edit-rewrite"
      success={done}
    >
      <input type="hidden" name="studyId" value={studyId} />
      <input type="hidden" name="ideaId" value={ideaId} />
      <input type="hidden" name="decision" value="edit" />
      {template.map((f) => (
        <label key={f.key} className="block space-y-1 text-sm">
          <span className="font-medium">{f.label}</span>
          <textarea
            name={`field_${f.key}`}
            defaultValue={fields[f.key] ?? ""}
            rows={f.key === "title" ? 2 : 6}
            className="block w-full rounded-md border border-[var(--border)] bg-[var(--background)] px-3 py-2 font-mono text-xs"
            data-testid={`edit-${f.key}`}
          />
        </label>
      ))}
    </ActionForm>
  );
}
