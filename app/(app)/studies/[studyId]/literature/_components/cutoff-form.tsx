"use client";

import { ActionForm, Field } from "@/components/action-form";
import { setCutoffAction } from "../actions";

export function CutoffForm({ studyId, cutoff }: { studyId: string; cutoff: string | null }) {
  return (
    <ActionForm
      action={setCutoffAction}
      submitLabel="Save cut-off"
      testId="cutoff-form"
      success={(r: { cutoff: string | null }) =>
        r.cutoff ? `Saved: nothing after ${r.cutoff} is shown.` : "Cut-off removed."
      }
    >
      <input type="hidden" name="studyId" value={studyId} />
      <Field
        label="Exclude papers after"
        name="cutoff"
        type="date"
        defaultValue={cutoff ?? ""}
        hint="No search, chain or ideator in this study returns a paper published after this date. Papers known only by their year count as published on 31 December. Empty: no cut-off."
      />
    </ActionForm>
  );
}
