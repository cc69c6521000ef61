"use client";

import { ActionForm, Field } from "@/components/action-form";
import { CheckboxField } from "@/components/check-group";
import { Alert } from "@/components/ui/alert";
import type { ReviewSettings } from "@/lib/studies/types";
import { saveReviewSettingsAction } from "../actions";

/** Sign-up and review options; they stay editable after the form locks, as they do not change what a review holds. */
export function ReviewSettingsForm({ studyId, settings }: { studyId: string; settings: ReviewSettings }) {
  return (
    <ActionForm
      action={saveReviewSettingsAction}
      submitLabel="Save settings"
      testId="review-settings-form"
      success={() => <Alert tone="success">Saved.</Alert>}
    >
      <input type="hidden" name="studyId" value={studyId} />
      <Field
        label="Topics a reviewer may choose, at most"
        name="maxTopicChoices"
        type="number"
        min={1}
        max={50}
        step={1}
        defaultValue={settings.maxTopicChoices}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Load range reviewers may choose within</legend>
        <p className="text-xs text-[var(--foreground-soft)]">
          Each reviewer says how many ideas they will review, between these two numbers.
        </p>
        <div className="grid grid-cols-2 gap-3">
          <Field
            label="Fewest ideas"
            name="loadMin"
            type="number"
            min={0}
            max={200}
            step={1}
            defaultValue={settings.loadMin}
          />
          <Field
            label="Most ideas"
            name="loadMax"
            type="number"
            min={1}
            max={200}
            step={1}
            defaultValue={settings.loadMax}
          />
        </div>
      </fieldset>
      <Field
        label="Attestation on submit (optional)"
        name="attestationText"
        maxLength={500}
        defaultValue={settings.attestationText ?? ""}
        hint='e.g. "I did not use AI tools to write this review." Reviewers tick it when they submit. Leave empty for none.'
      />
      <CheckboxField name="showOtherReviewsAfterClose" defaultChecked={settings.showOtherReviewsAfterClose}>
        After the review phase closes, reviewers may read the other reviews of the ideas they reviewed
      </CheckboxField>
      <Field
        label="Flag reviews with less active time than (seconds)"
        name="minActiveSeconds"
        type="number"
        min={0}
        max={36000}
        step={1}
        defaultValue={settings.minActiveSeconds}
        hint="Active time counts while the reviewer works on the review page. Flagged reviews are marked for you to check, not rejected."
      />
    </ActionForm>
  );
}
