"use client";

import { ActionForm, Field } from "@/components/action-form";
import { updateProfileAction } from "../actions";

/** Name and institution; the institution keeps reviewers from getting ideas of their own institution. */
export function ProfileForm({ name, institution }: { name: string; institution: string }) {
  return (
    <ActionForm
      action={updateProfileAction}
      submitLabel="Save name and institution"
      testId="account-profile"
      success={() => <p className="text-sm">Saved.</p>}
    >
      <Field label="Name" name="name" defaultValue={name} autoComplete="name" />
      <Field
        label="Institution"
        name="institution"
        defaultValue={institution}
        autoComplete="organization"
        hint="Reviewers are never assigned ideas written at their own institution. Leave empty if you have none."
      />
    </ActionForm>
  );
}
