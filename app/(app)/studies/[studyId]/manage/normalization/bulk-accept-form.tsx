"use client";

import { ActionForm } from "@/components/action-form";
import { Alert } from "@/components/ui/alert";
import { plural } from "@/lib/format";
import { acceptCleanRewritesAction } from "./actions";

/** Accepts, after asking, every finished and undecided rewrite that has no leak-check hits. */
export function BulkAcceptForm({
  studyId,
  ideas,
  phaseProblem,
}: {
  studyId: string;
  /** The rewrites the page found clean, in list order (the query checks each again). */
  ideas: { id: string; code: string }[];
  phaseProblem: string | null;
}) {
  const n = ideas.length;
  const codes = ideas.map((i) => i.code);
  const shown =
    codes.length > 12 ? `${codes.slice(0, 12).join(", ")} and ${codes.length - 12} more` : codes.join(", ");
  return (
    <ActionForm
      action={acceptCleanRewritesAction}
      submitLabel={n === 1 ? "Accept 1 rewrite without hits" : `Accept ${n} rewrites without hits`}
      testId="bulk-accept"
      disabledReason={
        phaseProblem ??
        (n === 0 ? "No finished, undecided rewrite is free of leak-check hits right now." : null)
      }
      confirm={`Accept the rewrites of ${plural(n, "idea")} (${shown})? Reviewers will see the rewritten text. Ideas with leak-check hits or a decision already are left as they are.`}
      success={(d) => (
        <Alert tone="success">
          Accepted {plural(d.accepted, "rewrite")}
          {d.skipped > 0 ? `; ${d.skipped} changed meanwhile and were left as they are` : ""}.
        </Alert>
      )}
    >
      <input type="hidden" name="studyId" value={studyId} />
      {ideas.map((i) => (
        <input key={i.id} type="hidden" name="ideaIds[]" value={i.id} />
      ))}
    </ActionForm>
  );
}
